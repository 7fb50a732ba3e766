#include "store/account_mail.hpp"

namespace visitd::store {

const char* to_string(AccountMailKind k) { return k == AccountMailKind::invitation ? "invitation" : "lockout"; }

}  // namespace visitd::store
