#pragma once
// Use case: a provider's private notes on a booking (issue K). Staff only: the note is kept
// apart from the booking (store::NoteStore), so no consumer answer (manage, join, mails) can
// carry it. Every save is audited by the store without the text.
#include <optional>
#include <string>

#include "core/staff_policy.hpp"
#include "service/ports.hpp"

namespace visitd::service {

class Notes {
 public:
  explicit Notes(Ports ports) : ports_(ports) {}

  // `scope`: who asks; a provider sees only their own bookings' notes (core/staff_policy).
  // The note, or an empty one when nothing was written. not_found: the booking is not the
  // business's; forbidden: another provider's booking.
  [[nodiscard]] core::Result<store::BookingNote> note(const core::Id& business_id, const core::Id& booking_id,
                                                      const core::StaffScope& scope) const;
  // Replaces the note. invalid naming `text` beyond core::kMaxNoteLength; not_found /
  // forbidden as above.
  [[nodiscard]] core::Result<store::BookingNote> save(const core::Id& business_id, const core::Id& booking_id,
                                                      const core::StaffScope& scope, const std::string& text,
                                                      const store::Actor& by) const;

 private:
  [[nodiscard]] core::Status check_access(const core::Id& business_id, const core::Id& booking_id,
                                          const core::StaffScope& scope) const;
  Ports ports_;
};

}  // namespace visitd::service
