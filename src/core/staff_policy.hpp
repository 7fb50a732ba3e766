#pragma once
// Rules about who works for a business. The store re-reads the facts (the member's current
// role, how many owners there are) inside its write transaction and asks here; the use
// cases ask about a staff caller's scope (a provider acts on their own record and bookings).
#include <optional>

#include "core/model.hpp"
#include "core/result.hpp"

namespace visitd::core {

// A business keeps at least one owner: moving a member from `current` to `next` (nullopt
// = membership removed) is refused when it would take away the last owner.
// `owners` counts the business's owners before the change, the member included.
// policy error "a business must keep at least one owner".
Status check_owner_kept(std::optional<Role> current, std::optional<Role> next, int owners);

// A staff caller's effective role in a business: their membership's, capped by the role of
// the API token they call with (a token never exceeds its creator).
Role effective_role(Role membership, std::optional<Role> token_role);

// Who acts, as far as scope goes. A provider-role caller acts only on their own provider
// record (the one linked to their login; none = no record) and its bookings; managers and
// owners on everything of the business.
struct StaffScope {
  Role role = Role::provider;
  std::optional<Id> own_provider_id;
};

// forbidden "A provider may only see their own bookings" for another provider's booking.
Status check_booking_scope(const StaffScope& scope, const Booking& booking);
// forbidden "A provider may only manage their own provider record".
Status check_provider_scope(const StaffScope& scope, const Id& provider_id);
// Moving a booking to `to_provider` (nullopt = staying): forbidden "A provider may not move
// a booking to another provider" unless it is the caller's own.
Status check_move_scope(const StaffScope& scope, const std::optional<Id>& to_provider);
// Which provider's bookings a listing shows when `asked` for one (nullopt = all). A provider
// gets their own (forbidden when they asked for another's); one without a record gets an
// empty id, which matches no booking.
Result<std::optional<Id>> listing_provider(const StaffScope& scope, const std::optional<Id>& asked);

}  // namespace visitd::core
