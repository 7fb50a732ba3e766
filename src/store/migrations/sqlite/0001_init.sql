-- visitd schema, SQLite. Instants are INTEGER unix seconds (UTC); local dates are TEXT
-- YYYY-MM-DD; wall-clock times are INTEGER minutes after local midnight (0..1440).

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
  created_at              INTEGER NOT NULL
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,           -- stored lower-cased
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',       -- argon2id encoded; '' = no password login
  created_at    INTEGER NOT NULL
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
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  business_id  TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'provider')),
  token_hash   TEXT NOT NULL UNIQUE,            -- sha256; the secret itself is never stored
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER
);
CREATE INDEX api_tokens_by_business ON api_tokens(business_id);

-- Providers and services are archived (deleted_at) rather than removed, so past bookings
-- keep pointing at what was booked.
CREATE TABLE providers (
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  zone        TEXT NOT NULL,
  user_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL,
  deleted_at  INTEGER
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
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  CHECK (start_at < end_at)
);
CREATE INDEX time_off_by_provider ON time_off(provider_id, start_at);

CREATE TABLE services (
  id                    TEXT PRIMARY KEY,
  business_id           TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  name                  TEXT NOT NULL,
  duration_minutes      INTEGER NOT NULL CHECK (duration_minutes > 0),
  buffer_before_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
  buffer_after_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
  min_notice_minutes    INTEGER NOT NULL DEFAULT 0,
  booking_window_days   INTEGER NOT NULL,
  slot_interval_minutes INTEGER NOT NULL CHECK (slot_interval_minutes > 0),
  max_per_day           INTEGER NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  deleted_at            INTEGER
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

CREATE TABLE bookings (
  id                  TEXT PRIMARY KEY,
  business_id         TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  service_id          TEXT NOT NULL REFERENCES services(id),
  provider_id         TEXT NOT NULL REFERENCES providers(id),
  start_at            INTEGER NOT NULL,
  end_at              INTEGER NOT NULL,
  block_start         INTEGER NOT NULL,         -- start_at minus the service's buffer before
  block_end           INTEGER NOT NULL,         -- end_at plus the buffer after; what collides
  status              TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'completed', 'no_show')),
  consumer_name       TEXT NOT NULL,
  consumer_email      TEXT NOT NULL,
  consumer_phone      TEXT NOT NULL DEFAULT '',
  consumer_zone       TEXT NOT NULL,
  cancel_reason       TEXT NOT NULL DEFAULT '',
  capability_version  INTEGER NOT NULL DEFAULT 1,
  idempotency_key     TEXT,                     -- NULLs are distinct: only real keys collide
  request_fingerprint TEXT NOT NULL DEFAULT '',
  created_at          INTEGER NOT NULL,
  CHECK (start_at < end_at),
  CHECK (block_start <= start_at AND end_at <= block_end),
  UNIQUE (business_id, idempotency_key)
);
-- Covers the collision check (block_end included so it never reads the table), the day
-- limit and round-robin counts, and staff listings.
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
  at         INTEGER NOT NULL,
  action     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  from_start INTEGER NOT NULL,
  from_end   INTEGER NOT NULL,
  to_start   INTEGER NOT NULL,
  to_end     INTEGER NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (booking_id, seq)
);

-- seq orders entries exactly as written (newest first = seq DESC), even within one second.
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  business_id TEXT NOT NULL,
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_business ON audit_log(business_id, seq);
