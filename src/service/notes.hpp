#pragma once
// Use case: a provider's private notes on a booking (issue K). Staff only: the note is kept
// apart from the booking (store::NoteStore), so no consumer answer (manage, join, mails) can
// carry it. Every save is audited by the store without the text.
#include <optional>
#include <string>

#include "service/ports.hpp"

namespace visitd::service {

class Notes {
 public:
  explicit Notes(Ports ports) : ports_(ports) {}

  // `only_provider`: the caller is a provider and sees only their own bookings' notes.
  // The note, or an empty one when nothing was written. not_found: the booking is not the
  // business's; forbidden: another provider's booking.
  [[nodiscard]] core::Result<store::BookingNote> note(const core::Id& business_id, const core::Id& booking_id,
                                                      const std::optional<core::Id>& only_provider) const;
  // Replaces the note. invalid naming `text` beyond core::kMaxNoteLength; not_found /
  // forbidden as above.
  [[nodiscard]] core::Result<store::BookingNote> save(const core::Id& business_id, const core::Id& booking_id,
                                                      const std::optional<core::Id>& only_provider,
                                                      const std::string& text, const store::Actor& by) const;

 private:
  [[nodiscard]] core::Status check_access(const core::Id& business_id, const core::Id& booking_id,
                                          const std::optional<core::Id>& only_provider) const;
  Ports ports_;
};

}  // namespace visitd::service
