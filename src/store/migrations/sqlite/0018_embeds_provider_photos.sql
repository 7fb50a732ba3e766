-- Embeds (issue I): the sites allowed to show a business's booking pages in an iframe,
-- canonical "https://host[:port]" origins in the manager's order. None = framing refused.
CREATE TABLE business_embed_origins (
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  list_index    INTEGER NOT NULL,
  origin      TEXT NOT NULL,
  PRIMARY KEY (business_id, list_index)
);

-- A provider's photo (issue K), checked by content like the business logo.
CREATE TABLE provider_photos (
  provider_id TEXT PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
  media_type  TEXT NOT NULL,
  data        TEXT NOT NULL,                    -- base64url of the image bytes
  updated_at  INTEGER NOT NULL
);
