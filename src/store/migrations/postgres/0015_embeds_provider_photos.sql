-- Embeds (issue I) and provider photos (issue K), as SQLite's 0018.
CREATE TABLE business_embed_origins (
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  list_index    INTEGER NOT NULL,
  origin      TEXT NOT NULL,
  PRIMARY KEY (business_id, list_index)
);

CREATE TABLE provider_photos (
  provider_id TEXT PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  media_type  TEXT NOT NULL,
  data        TEXT NOT NULL,                    -- base64url of the image bytes
  updated_at  BIGINT NOT NULL
);
