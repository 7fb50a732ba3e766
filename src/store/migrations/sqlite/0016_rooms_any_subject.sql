-- A room's id is a booking's or an external room's id (issue I): the room tables lose their
-- foreign key to bookings (SQLite cannot drop one, so they are rebuilt). The store checks that
-- the room exists (store/sqlite/rooms.cpp room_exists); the children are dropped first, so
-- dropping the old parent deletes nothing that is kept.
CREATE TABLE rooms_v2 (
  booking_id TEXT PRIMARY KEY,               -- the room id: a booking's or an external room's
  last_seq   INTEGER NOT NULL DEFAULT 0,
  ended_at   INTEGER,
  ended_by   TEXT
);
INSERT INTO rooms_v2 SELECT booking_id, last_seq, ended_at, ended_by FROM rooms;

CREATE TABLE room_participants_v2 (
  room_id        TEXT NOT NULL REFERENCES rooms_v2(booking_id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('admitted', 'denied', 'removed')),
  decided_by     TEXT NOT NULL,
  decided_at     INTEGER NOT NULL,
  read_seq       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, participant_id)
);
INSERT INTO room_participants_v2 SELECT room_id, participant_id, state, decided_by, decided_at, read_seq
  FROM room_participants;

CREATE TABLE room_messages_v2 (
  room_id     TEXT NOT NULL REFERENCES rooms_v2(booking_id) ON DELETE CASCADE,
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
INSERT INTO room_messages_v2 SELECT room_id, seq, author_id, author_name, body, created_at, edited_at, deleted_at,
  changed_seq FROM room_messages;

DROP TABLE room_messages;
DROP TABLE room_participants;
DROP TABLE rooms;
ALTER TABLE rooms_v2 RENAME TO rooms;
ALTER TABLE room_participants_v2 RENAME TO room_participants;
ALTER TABLE room_messages_v2 RENAME TO room_messages;
CREATE INDEX room_messages_by_change ON room_messages(room_id, changed_seq);
