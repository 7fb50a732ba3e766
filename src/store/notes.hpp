#pragma once
// Store role: a provider's private notes on a booking. Staff only: nothing here is ever part
// of a consumer's answer (manage, join, mails), which is why it is not a field of Booking.
#include <optional>
#include <string>

#include "store/actor.hpp"

namespace visitd::store {

struct BookingNote {
  std::string text;        // plain text as the provider wrote it
  Instant updated_at{};    // when it was last saved
  std::string updated_by;  // the saving actor ("user:<id>", "token:<id>")
};

class NoteStore {
 public:
  virtual ~NoteStore() = default;

  // nullopt when no note was written (or the booking is not the business's).
  virtual std::optional<BookingNote> booking_note(const Id& business_id, const Id& booking_id) = 0;
  // Replaces the note (an empty text keeps an empty note). not_found when the booking is not
  // the business's. Audited as "booking.note" on "booking:<id>" without the text.
  virtual Result<BookingNote> put_booking_note(const Id& business_id, const Id& booking_id, const std::string& text,
                                               const Actor& by) = 0;
};

}  // namespace visitd::store
