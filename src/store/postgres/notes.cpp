// NoteStore on PostgreSQL: one row per booking in booking_notes, checked against the business.
#include "store/postgres/postgres_store.hpp"

namespace visitd::store::postgres {

std::optional<BookingNote> PostgresStore::booking_note(const Id& business_id, const Id& booking_id) {
  return read([&](PGconn* db) -> std::optional<BookingNote> {
    Statement q(db,
                "SELECT n.body, n.updated_at, n.updated_by FROM booking_notes n JOIN bookings b ON b.id = n.booking_id "
                "WHERE n.booking_id = ? AND b.business_id = ?");
    q.bind(1, booking_id).bind(2, business_id);
    if (!q.step()) return std::nullopt;
    return BookingNote{q.text(0), q.instant(1), q.text(2)};
  });
}

Result<BookingNote> PostgresStore::put_booking_note(const Id& business_id, const Id& booking_id,
                                                    const std::string& text, const Actor& by) {
  return write([&](PGconn* db) -> Result<BookingNote> {
    Statement owned(db, "SELECT 1 FROM bookings WHERE id = ? AND business_id = ?");
    owned.bind(1, booking_id).bind(2, business_id);
    if (!owned.step()) return core::Error::make(core::ErrorCode::not_found, "booking not found");
    const Instant at = now();
    Statement q(db,
                "INSERT INTO booking_notes (booking_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (booking_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by");
    q.bind(1, booking_id).bind(2, text).bind(3, at).bind(4, by.name).run();
    // The note is private: the audit says that it changed and how long it is, never what it says.
    audit(db, business_id, by, "booking.note", "booking:" + booking_id, std::to_string(text.size()) + " characters");
    return BookingNote{text, at, by.name};
  });
}

}  // namespace visitd::store::postgres
