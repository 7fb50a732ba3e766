-- Notifications, field reports (issue J): the outbox learns
--   * status 'no_address': the recipient has no e-mail address / phone number on record
--     (before, such rows were 'withdrawn' like a message replaced by a reschedule);
--   * error_code: the gateway's own error code (Twilio's numeric code, e.g. 21610), shown to staff;
--   * provider_id: the provider a provider message goes to (a move to another provider
--     notifies the previous one too); NULL on older rows = the booking's provider;
--   * changes: what a reschedule notice reports as changed ('time', 'provider', 'time,provider').
-- SQLite cannot alter a CHECK constraint: the table is rebuilt and its rows copied.
CREATE TABLE outbox_new (
  id              TEXT PRIMARY KEY,
  business_id     TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  booking_id      TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder')),
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient       TEXT NOT NULL CHECK (recipient IN ('consumer', 'provider')),
  offset_minutes  INTEGER NOT NULL DEFAULT 0,
  sequence        INTEGER NOT NULL DEFAULT 0,
  due_at          INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('planned', 'sending', 'sent', 'delivered', 'failed',
                                                  'withdrawn', 'suppressed_opt_out', 'no_address')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_until     INTEGER,
  address         TEXT NOT NULL DEFAULT '',
  carrier_id      TEXT NOT NULL DEFAULT '',
  message_id      TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  updated_at      INTEGER NOT NULL,
  error_code      TEXT NOT NULL DEFAULT '',
  provider_id     TEXT,
  changes         TEXT NOT NULL DEFAULT ''
);
INSERT INTO outbox_new (id, business_id, booking_id, kind, channel, recipient, offset_minutes, sequence, due_at,
                        status, attempts, next_attempt_at, lease_owner, lease_until, address, carrier_id,
                        message_id, last_error, created_at, sent_at, updated_at)
  SELECT id, business_id, booking_id, kind, channel, recipient, offset_minutes, sequence, due_at,
         CASE WHEN status = 'withdrawn' AND last_error LIKE 'no % for the %' THEN 'no_address' ELSE status END,
         attempts, next_attempt_at, lease_owner, lease_until, address, carrier_id,
         message_id, last_error, created_at, sent_at, updated_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_booking ON outbox(booking_id, created_at);
CREATE INDEX outbox_by_carrier ON outbox(carrier_id);
