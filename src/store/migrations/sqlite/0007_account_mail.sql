-- Mail to a staff member's account rather than about a booking (issue H): the notice of a
-- temporary login lockout, later invitations. A small outbox of its own: the text is written
-- when planned (there is no booking to compose it from), claimed by the outbox worker under a
-- lease, retried with backoff, kept with its outcome.
CREATE TABLE account_mail (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('lockout', 'invitation')),
  address         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,                   -- plain text
  status          TEXT NOT NULL CHECK (status IN ('planned', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_until     INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX account_mail_due ON account_mail(status, next_attempt_at);
CREATE INDEX account_mail_by_address ON account_mail(address, created_at);
