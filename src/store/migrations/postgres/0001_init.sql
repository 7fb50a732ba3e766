-- visitd schema, PostgreSQL: the same tables and columns as the SQLite schema after its
-- migrations 0001-0005 (one history per backend; a later change adds a numbered file to
-- both). Instants are BIGINT unix seconds (UTC); local dates are TEXT YYYY-MM-DD;
-- wall-clock times are INTEGER minutes after local midnight (0..1440); flags are INTEGER 0/1.

-- gist operator classes for plain equality (provider_id WITH =) in the exclusion constraint.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE businesses (
  id                      TEXT PRIMARY KEY,
  slug                    TEXT NOT NULL UNIQUE,
  name                    TEXT NOT NULL,
  zone                    TEXT NOT NULL,
  cancel_cutoff_hours     INTEGER NOT NULL,
  reschedule_cutoff_hours INTEGER NOT NULL,
  reminder_offsets        TEXT NOT NULL,        -- minutes before start, comma-separated
  created_at              BIGINT NOT NULL
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,           -- stored lower-cased
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',       -- argon2id encoded; '' = no password login
  created_at    BIGINT NOT NULL
);

CREATE TABLE memberships (
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'provider')),
  PRIMARY KEY (business_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships(user_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,                  -- sha256 of the cookie value
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  business_id  TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'provider')),
  token_hash   TEXT NOT NULL UNIQUE,            -- sha256; the secret itself is never stored
  created_at   BIGINT NOT NULL,
  last_used_at BIGINT
);
CREATE INDEX api_tokens_by_business ON api_tokens(business_id);

-- Providers and services are archived (deleted_at) rather than removed, so past bookings
-- keep pointing at what was booked. seq keeps the order of creation (listings).
CREATE TABLE providers (
  seq         BIGSERIAL UNIQUE,
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  zone        TEXT NOT NULL,
  user_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at  BIGINT NOT NULL,
  deleted_at  BIGINT
);
CREATE INDEX providers_by_business ON providers(business_id);

CREATE TABLE weekly_hours (
  provider_id  TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),   -- 0 = Monday
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
  CHECK (start_minute < end_minute)
);
CREATE INDEX weekly_hours_by_provider ON weekly_hours(provider_id, weekday, start_minute);

CREATE TABLE date_overrides (
  id          TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  date        TEXT NOT NULL,                    -- YYYY-MM-DD, provider-local
  UNIQUE (provider_id, date)
);

CREATE TABLE date_override_ranges (             -- none for an override = closed that day
  override_id  TEXT NOT NULL REFERENCES date_overrides(id) ON DELETE CASCADE,
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
  CHECK (start_minute < end_minute)
);
CREATE INDEX date_override_ranges_by_override ON date_override_ranges(override_id);

CREATE TABLE time_off (
  id          TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  start_at    BIGINT NOT NULL,
  end_at      BIGINT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  CHECK (start_at < end_at)
);
CREATE INDEX time_off_by_provider ON time_off(provider_id, start_at);

CREATE TABLE services (
  seq                      BIGSERIAL UNIQUE,
  id                       TEXT PRIMARY KEY,
  business_id              TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  name                     TEXT NOT NULL,
  duration_minutes         INTEGER NOT NULL CHECK (duration_minutes > 0),
  buffer_before_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
  buffer_after_minutes     INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
  min_notice_minutes       INTEGER NOT NULL DEFAULT 0,
  booking_window_days      INTEGER NOT NULL,
  slot_interval_minutes    INTEGER NOT NULL CHECK (slot_interval_minutes > 0),
  max_per_day              INTEGER NOT NULL DEFAULT 0,
  created_at               BIGINT NOT NULL,
  deleted_at               BIGINT,
  room_open_before_minutes INTEGER NOT NULL DEFAULT 15 CHECK (room_open_before_minutes BETWEEN 0 AND 1440),
  room_close_after_minutes INTEGER NOT NULL DEFAULT 30 CHECK (room_close_after_minutes BETWEEN 0 AND 1440),
  room_auto_admit          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX services_by_business ON services(business_id);

CREATE TABLE service_providers (
  service_id  TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  provider_id TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  PRIMARY KEY (service_id, provider_id)
);
CREATE INDEX service_providers_by_provider ON service_providers(provider_id);

CREATE TABLE service_questions (
  service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  position   INTEGER NOT NULL,
  label      TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('short_text', 'long_text', 'single_choice')),
  required   INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (service_id, key)
);

CREATE TABLE service_question_choices (
  service_id   TEXT NOT NULL,
  question_key TEXT NOT NULL,
  position     INTEGER NOT NULL,
  value        TEXT NOT NULL,
  PRIMARY KEY (service_id, question_key, position),
  FOREIGN KEY (service_id, question_key) REFERENCES service_questions(service_id, key) ON DELETE CASCADE
);

-- seq is the assignment order round robin reads (grows with every insert; bookings are
-- never deleted).
CREATE TABLE bookings (
  seq                 BIGSERIAL UNIQUE,
  id                  TEXT PRIMARY KEY,
  business_id         TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  service_id          TEXT NOT NULL REFERENCES services(id),
  provider_id         TEXT NOT NULL REFERENCES providers(id),
  start_at            BIGINT NOT NULL,
  end_at              BIGINT NOT NULL,
  block_start         BIGINT NOT NULL,          -- start_at minus the service's buffer before
  block_end           BIGINT NOT NULL,          -- end_at plus the buffer after; what collides
  status              TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'completed', 'no_show')),
  consumer_name       TEXT NOT NULL,
  consumer_email      TEXT NOT NULL,
  consumer_phone      TEXT NOT NULL DEFAULT '',
  consumer_zone       TEXT NOT NULL,
  cancel_reason       TEXT NOT NULL DEFAULT '',
  capability_version  INTEGER NOT NULL DEFAULT 1,
  idempotency_key     TEXT,                     -- NULLs are distinct: only real keys collide
  request_fingerprint TEXT NOT NULL DEFAULT '',
  created_at          BIGINT NOT NULL,
  sms_consent_at      BIGINT,                   -- when the consumer agreed to SMS; NULL = no consent
  CHECK (start_at < end_at),
  CHECK (block_start <= start_at AND end_at <= block_end),
  UNIQUE (business_id, idempotency_key),
  -- The database itself refuses a double booking, from any number of visitd instances: no
  -- two confirmed bookings of one provider whose buffered blocks overlap. Half-open ranges
  -- ([start, end)) let back-to-back blocks touch. A violation is SQLSTATE 23P01.
  CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (
    provider_id WITH =,
    tstzrange(to_timestamp(block_start), to_timestamp(block_end)) WITH &&
  ) WHERE (status = 'confirmed')
);
CREATE INDEX bookings_by_provider_block ON bookings(provider_id, status, block_start, block_end);
CREATE INDEX bookings_by_provider_start ON bookings(provider_id, start_at);
CREATE INDEX bookings_by_business_start ON bookings(business_id, start_at);

CREATE TABLE booking_answers (
  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,
  PRIMARY KEY (booking_id, position)
);

CREATE TABLE booking_history (
  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  at         BIGINT NOT NULL,
  action     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  from_start BIGINT NOT NULL,
  from_end   BIGINT NOT NULL,
  to_start   BIGINT NOT NULL,
  to_end     BIGINT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (booking_id, seq)
);

-- seq orders entries as written (newest first = seq DESC), even within one second.
CREATE TABLE audit_log (
  seq         BIGSERIAL PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  business_id TEXT NOT NULL,
  at          BIGINT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_business ON audit_log(business_id, seq);

-- The outbox: one row per message owed, planned in the booking's own transaction, claimed
-- by senders with FOR UPDATE SKIP LOCKED under a lease (owner + expiry). message_id is
-- fixed at planning time: a resend after a crash carries the same Message-ID.
CREATE TABLE outbox (
  id              TEXT PRIMARY KEY,
  business_id     TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  booking_id      TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder')),
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient       TEXT NOT NULL CHECK (recipient IN ('consumer', 'provider')),
  offset_minutes  INTEGER NOT NULL DEFAULT 0,      -- reminders: minutes before the start
  sequence        INTEGER NOT NULL DEFAULT 0,      -- iCalendar SEQUENCE of the booking at planning
  due_at          BIGINT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('planned', 'sending', 'sent', 'delivered', 'failed',
                                                  'withdrawn', 'suppressed_opt_out', 'no_address')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_owner     TEXT,
  lease_until     BIGINT,
  address         TEXT NOT NULL DEFAULT '',        -- resolved when sent
  carrier_id      TEXT NOT NULL DEFAULT '',        -- SMS gateway sid or the mail's Message-ID
  message_id      TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      BIGINT NOT NULL,
  sent_at         BIGINT,
  updated_at      BIGINT NOT NULL,
  error_code      TEXT NOT NULL DEFAULT '',        -- the gateway's own code for the last failure
  provider_id     TEXT,                            -- provider messages: whom; NULL = the booking's
  changes         TEXT NOT NULL DEFAULT ''         -- reschedule notices: 'time', 'provider', 'time,provider'
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_booking ON outbox(booking_id, created_at);
CREATE INDEX outbox_by_carrier ON outbox(carrier_id);

-- Which messages go to whom on which channel. service_id '' = the business default.
CREATE TABLE notification_policies (
  business_id      TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  service_id       TEXT NOT NULL DEFAULT '',
  confirmation     TEXT NOT NULL,
  reschedule       TEXT NOT NULL,
  cancellation     TEXT NOT NULL,
  reminder         TEXT NOT NULL,
  reminder_offsets TEXT NOT NULL,
  PRIMARY KEY (business_id, service_id)
);

CREATE TABLE message_templates (
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  channel     TEXT NOT NULL,
  subject     TEXT NOT NULL DEFAULT '',
  text_body   TEXT NOT NULL DEFAULT '',
  html_body   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (business_id, kind, channel)
);

CREATE TABLE sms_opt_outs (
  phone        TEXT PRIMARY KEY,
  opted_out_at BIGINT NOT NULL
);

CREATE TABLE captured_messages (
  seq         BIGSERIAL PRIMARY KEY,
  outbox_id   TEXT NOT NULL,
  channel     TEXT NOT NULL,
  address     TEXT NOT NULL,
  subject     TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  captured_at BIGINT NOT NULL
);

-- Appointment rooms: only what a room decides (its end, lobby decisions, chat).
CREATE TABLE rooms (
  booking_id TEXT PRIMARY KEY REFERENCES bookings(id) ON DELETE CASCADE,
  last_seq   BIGINT NOT NULL DEFAULT 0,
  ended_at   BIGINT,
  ended_by   TEXT
);

CREATE TABLE room_participants (
  room_id        TEXT NOT NULL REFERENCES rooms(booking_id) ON DELETE CASCADE,
  participant_id TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('admitted', 'denied', 'removed')),
  decided_by     TEXT NOT NULL,
  decided_at     BIGINT NOT NULL,
  read_seq       BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, participant_id)
);

CREATE TABLE room_messages (
  room_id     TEXT NOT NULL REFERENCES rooms(booking_id) ON DELETE CASCADE,
  seq         BIGINT NOT NULL,
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  edited_at   BIGINT,
  deleted_at  BIGINT,
  changed_seq BIGINT NOT NULL,
  PRIMARY KEY (room_id, seq)
);
CREATE INDEX room_messages_by_change ON room_messages(room_id, changed_seq);

-- The clinic's public face: profile, logo, consumer-facing words on services and providers.
CREATE TABLE business_profiles (
  business_id  TEXT PRIMARY KEY REFERENCES businesses(id) ON DELETE CASCADE,
  description  TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  address      TEXT NOT NULL DEFAULT '',
  accent_color TEXT NOT NULL DEFAULT ''
);

CREATE TABLE business_logos (
  business_id TEXT PRIMARY KEY REFERENCES businesses(id) ON DELETE CASCADE,
  media_type  TEXT NOT NULL,
  data        TEXT NOT NULL,                    -- base64url of the image bytes
  updated_at  BIGINT NOT NULL
);

CREATE TABLE service_profiles (
  service_id     TEXT PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
  description    TEXT NOT NULL DEFAULT '',
  price_amount   TEXT,
  price_currency TEXT
);

CREATE TABLE provider_profiles (
  provider_id TEXT PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  title       TEXT NOT NULL DEFAULT '',
  bio         TEXT NOT NULL DEFAULT ''
);
