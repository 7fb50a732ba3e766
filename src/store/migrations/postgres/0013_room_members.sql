-- Rooms across instances (issue F): who is in each room, as every instance agrees. One row per
-- room member, written by the instance that publishes the change (in the same transaction as
-- its NOTIFY), owned by the instance holding the member's connection. `version` orders the
-- changes of all instances (a late reader never takes an older row over a newer notification).
-- UNLOGGED: it describes live connections, which a database restart ends anyway.
CREATE SEQUENCE room_member_version;
CREATE UNLOGGED TABLE room_members (
  room_id         TEXT NOT NULL,
  participant_id  TEXT NOT NULL,
  instance_id     TEXT NOT NULL,     -- the owner: the instance holding the connection
  version         BIGINT NOT NULL,
  member          TEXT NOT NULL,     -- the member as JSON (live/postgres_room_bus.cpp)
  PRIMARY KEY (room_id, participant_id)
);
CREATE INDEX room_members_instance ON room_members (instance_id);

-- Each running instance renews its lease; a member whose instance's lease ran out leaves.
CREATE UNLOGGED TABLE live_instances (
  instance_id  TEXT PRIMARY KEY,
  lease_until  TIMESTAMPTZ NOT NULL
);
