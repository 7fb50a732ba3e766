-- Webhooks (issue I): endpoints a manager registers per business, and the deliveries owed to
-- them. webhook_deliveries is an outbox of its own: rows are claimed under a lease (owner +
-- expiry) like the message outbox, and `seq` orders a subject's deliveries (a booking's or a
-- room's): a delivery waits while an earlier one of the same endpoint and subject is owed.
CREATE TABLE webhook_endpoints (
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  url         TEXT NOT NULL,
  event_types TEXT NOT NULL,                      -- comma-separated
  description TEXT NOT NULL DEFAULT '',
  secret      TEXT NOT NULL,                      -- whsec_<base64 key>; the key signs, so it is kept
  enabled     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_by_business ON webhook_endpoints(business_id, created_at);

CREATE TABLE webhook_deliveries (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  endpoint_id     TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  business_id     TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  message_id      TEXT NOT NULL,                  -- webhook-id: shared by a redelivery
  event_type      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_until     INTEGER,
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries(endpoint_id, subject, seq);

CREATE TABLE webhook_attempts (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id   TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempted_at  INTEGER NOT NULL,
  response_code INTEGER NOT NULL,                 -- 0 = no HTTP answer
  latency_ms    INTEGER NOT NULL,
  error         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts(delivery_id, seq);
