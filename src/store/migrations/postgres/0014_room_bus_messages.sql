-- Room events larger than a NOTIFY payload may carry (8000 bytes): stored here and sent by
-- reference ({"ref": id}); listeners read them by id. Rows are pruned after a minute, long
-- after every listener has read them.
CREATE UNLOGGED TABLE room_bus_messages (
  id          BIGSERIAL PRIMARY KEY,
  body        TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX room_bus_messages_created ON room_bus_messages (created_at);
