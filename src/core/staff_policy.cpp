#include "core/staff_policy.hpp"

namespace visitd::core {

Status check_owner_kept(std::optional<Role> current, std::optional<Role> next, int owners) {
  const bool loses_an_owner = current == Role::owner && next != Role::owner;
  if (loses_an_owner && owners <= 1) return Error::make(ErrorCode::policy, "a business must keep at least one owner");
  return ok_status();
}

Role effective_role(Role membership, std::optional<Role> token_role) {
  if (token_role && !role_at_least(*token_role, membership)) return *token_role;
  return membership;
}

Status check_booking_scope(const StaffScope& scope, const Booking& booking) {
  if (scope.role != Role::provider || scope.own_provider_id == booking.provider_id) return ok_status();
  return Error::make(ErrorCode::forbidden, "A provider may only see their own bookings");
}

Status check_provider_scope(const StaffScope& scope, const Id& provider_id) {
  if (scope.role != Role::provider || scope.own_provider_id == provider_id) return ok_status();
  return Error::make(ErrorCode::forbidden, "A provider may only manage their own provider record");
}

Status check_move_scope(const StaffScope& scope, const std::optional<Id>& to_provider) {
  if (scope.role != Role::provider || !to_provider || to_provider == scope.own_provider_id) return ok_status();
  return Error::make(ErrorCode::forbidden, "A provider may not move a booking to another provider");
}

Result<std::optional<Id>> listing_provider(const StaffScope& scope, const std::optional<Id>& asked) {
  if (scope.role != Role::provider) return asked;
  if (asked && asked != scope.own_provider_id)
    return Error::make(ErrorCode::forbidden, "A provider may only see their own bookings");
  return std::optional<Id>{scope.own_provider_id.value_or(Id{})};
}

}  // namespace visitd::core
