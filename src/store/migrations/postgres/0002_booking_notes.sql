-- A provider's private notes on a booking (issue K), as SQLite's 0006: staff only, one note
-- per booking, absent until written; each save is audited (without its text).
CREATE TABLE booking_notes (
  booking_id  TEXT PRIMARY KEY REFERENCES bookings(id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  updated_at  BIGINT NOT NULL,
  updated_by  TEXT NOT NULL                     -- the audit actor: "user:<id>" or "token:<id>"
);
