-- The clinic's public face (issue K): profile, logo and the consumer-facing words on
-- services and providers. One row per business/service/provider, absent until saved.

CREATE TABLE business_profiles (
  business_id     TEXT PRIMARY KEY REFERENCES businesses(id) ON DELETE CASCADE,
  description     TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  address         TEXT NOT NULL DEFAULT '',
  accent_color    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE business_logos (
  business_id TEXT PRIMARY KEY REFERENCES businesses(id) ON DELETE CASCADE,
  media_type  TEXT NOT NULL,
  data        TEXT NOT NULL,                    -- base64url of the image bytes
  updated_at  INTEGER NOT NULL
);

CREATE TABLE service_profiles (
  service_id     TEXT PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
  description    TEXT NOT NULL DEFAULT '',
  price_amount   TEXT,                          -- decimal string; NULL = no price shown
  price_currency TEXT
);

CREATE TABLE provider_profiles (
  provider_id TEXT PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  title       TEXT NOT NULL DEFAULT '',
  bio         TEXT NOT NULL DEFAULT ''
);
