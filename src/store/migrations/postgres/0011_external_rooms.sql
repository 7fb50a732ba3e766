-- Rooms for appointments booked elsewhere (issue I), as SQLite's 0015. An external room is its own record; its
-- room id is that record's id, so the room tables serve it as they serve a booking's room.
CREATE TABLE external_rooms (
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  provider_id TEXT,
  start_at    BIGINT NOT NULL,
  end_at      BIGINT NOT NULL CHECK (end_at > start_at),
  lobby       INTEGER NOT NULL DEFAULT 1,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX external_rooms_by_start ON external_rooms(business_id, start_at, id);

CREATE TABLE external_room_participants (
  id           TEXT PRIMARY KEY,
  room_id      TEXT NOT NULL REFERENCES external_rooms(id) ON DELETE CASCADE,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('host', 'guest')),
  email        TEXT,
  phone        TEXT,
  external_id  TEXT,
  link_version INTEGER NOT NULL DEFAULT 1,
  position     INTEGER NOT NULL,               -- the order given, then of adding
  created_at   BIGINT NOT NULL,
  removed_at   BIGINT
);
CREATE INDEX external_room_participants_by_room ON external_room_participants(room_id, position);

-- Idempotency-Keys of room creations, kept 24 hours.
CREATE TABLE external_room_keys (
  business_id         TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  idempotency_key     TEXT NOT NULL,
  request_fingerprint TEXT NOT NULL,
  room_id             TEXT NOT NULL REFERENCES external_rooms(id) ON DELETE CASCADE,
  created_at          BIGINT NOT NULL,
  PRIMARY KEY (business_id, idempotency_key)
);
