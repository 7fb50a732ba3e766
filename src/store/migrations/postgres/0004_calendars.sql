-- Calendars beyond visitd's own bookings (issue I), as SQLite's 0008.
-- A feed is a secret subscription URL per provider (scope 'provider:<id>') or per business
-- (scope 'business'); only the token's SHA-256 is kept, and rotating replaces it.
CREATE TABLE calendar_feeds (
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  provider_id TEXT REFERENCES providers(id) ON DELETE CASCADE,
  scope       TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  BIGINT NOT NULL,
  created_by  TEXT NOT NULL,
  UNIQUE (business_id, scope)
);

-- A provider's external calendars ("secret address" iCalendar URLs) and their fetch state.
-- body is the last fetched text, re-expanded when the server answers 304 Not Modified.
CREATE TABLE external_calendars (
  id              TEXT PRIMARY KEY,
  business_id     TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  provider_id     TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  url             TEXT NOT NULL,
  refresh_minutes INTEGER NOT NULL,
  created_at      BIGINT NOT NULL,
  next_fetch_at   BIGINT NOT NULL,
  last_fetch_at   BIGINT,
  last_success_at BIGINT,
  last_result     TEXT NOT NULL DEFAULT '',      -- 'fetched', 'not_modified' or 'failed'
  last_error      TEXT NOT NULL DEFAULT '',
  etag            TEXT NOT NULL DEFAULT '',
  last_modified   TEXT NOT NULL DEFAULT '',
  body            TEXT
);
CREATE INDEX external_calendars_by_provider ON external_calendars(provider_id);
CREATE INDEX external_calendars_due ON external_calendars(next_fetch_at);

-- Busy intervals expanded from each external calendar (UTC seconds, [start, end)).
CREATE TABLE external_busy (
  calendar_id TEXT NOT NULL REFERENCES external_calendars(id) ON DELETE CASCADE,
  provider_id TEXT NOT NULL,
  start_at    BIGINT NOT NULL,
  end_at      BIGINT NOT NULL
);
CREATE INDEX external_busy_by_provider ON external_busy(provider_id, start_at);
CREATE INDEX external_busy_by_calendar ON external_busy(calendar_id);
