-- Notifications (issue B): the outbox written in the booking's own transaction, the
-- per-business / per-service notification policy, editable templates, SMS consent and
-- opt-outs, and the demo capture.

-- When the consumer agreed to SMS (NULL = no consent). Stored with the booking that asked.
ALTER TABLE bookings ADD COLUMN sms_consent_at INTEGER;

-- One row per message owed. Planned in the transaction that creates, moves or cancels the
-- booking; a worker claims due rows with an UPDATE that sets a lease (owner + expiry), so
-- several instances never send one row at the same time, and a crashed sender's lease
-- simply expires. message_id is fixed at planning time: a resend after a crash between
-- "sent" and its record carries the same Message-ID.
CREATE TABLE outbox (
  id              TEXT PRIMARY KEY,
  business_id     TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  booking_id      TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder')),
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient       TEXT NOT NULL CHECK (recipient IN ('consumer', 'provider')),
  offset_minutes  INTEGER NOT NULL DEFAULT 0,      -- reminders: minutes before the start
  sequence        INTEGER NOT NULL DEFAULT 0,      -- iCalendar SEQUENCE of the booking at planning
  due_at          INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('planned', 'sending', 'sent', 'delivered', 'failed',
                                                  'withdrawn', 'suppressed_opt_out')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_until     INTEGER,
  address         TEXT NOT NULL DEFAULT '',        -- resolved when sent
  carrier_id      TEXT NOT NULL DEFAULT '',        -- SMS gateway sid or the mail's Message-ID
  message_id      TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_booking ON outbox(booking_id, created_at);
CREATE INDEX outbox_by_carrier ON outbox(carrier_id);

-- Which messages go to whom on which channel. service_id '' = the business default; a row
-- with a service id overrides it for that service. Routes are "recipient:channel" lists.
CREATE TABLE notification_policies (
  business_id      TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  service_id       TEXT NOT NULL DEFAULT '',
  confirmation     TEXT NOT NULL,
  reschedule       TEXT NOT NULL,
  cancellation     TEXT NOT NULL,
  reminder         TEXT NOT NULL,
  reminder_offsets TEXT NOT NULL,                  -- minutes before start, comma-separated
  PRIMARY KEY (business_id, service_id)
);

-- Mustache templates a manager edited; absent = the built-in defaults.
CREATE TABLE message_templates (
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  channel     TEXT NOT NULL,
  subject     TEXT NOT NULL DEFAULT '',
  text_body   TEXT NOT NULL DEFAULT '',
  html_body   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (business_id, kind, channel)
);

-- Numbers (E.164) that replied STOP; START removes the row.
CREATE TABLE sms_opt_outs (
  phone        TEXT PRIMARY KEY,
  opted_out_at INTEGER NOT NULL
);

-- Demo mode only: what would have been sent, for /dev/outbox.
CREATE TABLE captured_messages (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  outbox_id   TEXT NOT NULL,
  channel     TEXT NOT NULL,
  address     TEXT NOT NULL,
  subject     TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,                       -- SMS text or the full MIME message
  captured_at INTEGER NOT NULL
);
