#include "core/staff_policy.hpp"

namespace visitd::core {

Status check_owner_kept(std::optional<Role> current, std::optional<Role> next, int owners) {
  const bool loses_an_owner = current == Role::owner && next != Role::owner;
  if (loses_an_owner && owners <= 1) return Error::make(ErrorCode::policy, "a business must keep at least one owner");
  return ok_status();
}

}  // namespace visitd::core
