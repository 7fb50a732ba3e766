#include "security/password_checks.hpp"

#include <algorithm>

namespace visitd::security {

PasswordCheckLimit::PasswordCheckLimit(int max_concurrent, std::chrono::seconds retry_after)
    : max_(std::max(1, max_concurrent)), retry_after_(retry_after) {}

core::Result<PasswordCheckLimit::Permit> PasswordCheckLimit::try_acquire() {
  if (in_use_.fetch_add(1) >= max_) {
    in_use_.fetch_sub(1);
    core::Error e = core::Error::typed(core::ErrorCode::unavailable, "password-checks-busy",
                                       "too many sign-ins are being checked right now; retry shortly");
    e.retry_after = retry_after_;
    return e;
  }
  return Permit(&in_use_);
}

}  // namespace visitd::security
