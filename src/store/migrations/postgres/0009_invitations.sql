-- Staff invitations (issue H), as SQLite's 0013: adding a person to a business mails them a single-use link
-- that expires; they accept it (signing in, or creating their account). The link's secret is
-- kept only as its SHA-256 (like sessions and API tokens): a reader of this file cannot accept
-- an invitation. A resend replaces the hash and the expiry; accepted_at and revoked_at are final.
CREATE TABLE invitations (
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  email       TEXT NOT NULL,                     -- lower-cased
  role        TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'provider')),
  token_hash  TEXT NOT NULL UNIQUE,
  invited_by  TEXT NOT NULL,                     -- the actor, as the audit log spells it
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  accepted_at BIGINT,
  accepted_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  revoked_at  BIGINT
);
CREATE INDEX invitations_by_business ON invitations(business_id, created_at);
