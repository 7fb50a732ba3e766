-- Appointment rooms (issue C). A room is the room of one booking (room id = booking id) and
-- has no times of its own: its window is derived from the booking's current time and the
-- service's room settings, so it moves with a reschedule and closes with a cancel without
-- touching these tables. Stored here is only what the room itself decides.

ALTER TABLE services ADD COLUMN room_open_before_minutes INTEGER NOT NULL DEFAULT 15
  CHECK (room_open_before_minutes BETWEEN 0 AND 1440);
ALTER TABLE services ADD COLUMN room_close_after_minutes INTEGER NOT NULL DEFAULT 30
  CHECK (room_close_after_minutes BETWEEN 0 AND 1440);
ALTER TABLE services ADD COLUMN room_auto_admit INTEGER NOT NULL DEFAULT 0;

-- Created on the first thing worth remembering (a decision, a chat message, the end).
CREATE TABLE rooms (
  booking_id TEXT PRIMARY KEY REFERENCES bookings(id) ON DELETE CASCADE,
  last_seq   INTEGER NOT NULL DEFAULT 0,     -- per-room sequence of chat events
  ended_at   INTEGER,
  ended_by   TEXT
);

-- Lobby decisions (admitted, denied, removed) and read receipts; waiting is the absence of a row.
CREATE TABLE room_participants (
  room_id        TEXT NOT NULL REFERENCES rooms(booking_id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('admitted', 'denied', 'removed')),
  decided_by     TEXT NOT NULL,
  decided_at     INTEGER NOT NULL,
  read_seq       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, participant_id)
);

-- Chat, plain text. An edit or delete takes a new room seq (changed_seq) so a reconnecting
-- client can be replayed every change after the last seq it saw.
CREATE TABLE room_messages (
  room_id     TEXT NOT NULL REFERENCES rooms(booking_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  edited_at   INTEGER,
  deleted_at  INTEGER,
  changed_seq INTEGER NOT NULL,
  PRIMARY KEY (room_id, seq)
);
CREATE INDEX room_messages_by_change ON room_messages(room_id, changed_seq);
