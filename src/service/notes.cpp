#include "service/notes.hpp"

#include "core/validation.hpp"

namespace visitd::service {

core::Status Notes::check_access(const core::Id& business_id, const core::Id& booking_id,
                                 const core::StaffScope& scope) const {
  auto b = ports_.store.bookings.booking(booking_id);
  if (!b || b->business_id != business_id) return core::Error::make(core::ErrorCode::not_found, "No such booking");
  return core::check_booking_scope(scope, *b);
}

core::Result<store::BookingNote> Notes::note(const core::Id& business_id, const core::Id& booking_id,
                                             const core::StaffScope& scope) const {
  if (auto s = check_access(business_id, booking_id, scope); !s) return s.error();
  if (auto n = ports_.store.notes.booking_note(business_id, booking_id)) return *n;
  return store::BookingNote{};
}

core::Result<store::BookingNote> Notes::save(const core::Id& business_id, const core::Id& booking_id,
                                             const core::StaffScope& scope, const std::string& text,
                                             const store::Actor& by) const {
  if (auto v = core::validate_note(text); !v) return v.error();
  if (auto s = check_access(business_id, booking_id, scope); !s) return s.error();
  return ports_.store.notes.put_booking_note(business_id, booking_id, text, by);
}

}  // namespace visitd::service
