-- Webhooks (issue I), as SQLite's 0009: endpoints per business, and their deliveries, an
-- outbox of its own claimed under a lease; `seq` orders a subject's deliveries.
CREATE TABLE webhook_endpoints (
  id          TEXT PRIMARY KEY,
  business_id TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  url         TEXT NOT NULL,
  event_types TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  secret      TEXT NOT NULL,
  enabled     BIGINT NOT NULL DEFAULT 1,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_by_business ON webhook_endpoints(business_id, created_at);

CREATE TABLE webhook_deliveries (
  seq             BIGSERIAL PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  endpoint_id     TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  business_id     TEXT NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
  message_id      TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
  attempts        BIGINT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_owner     TEXT,
  lease_until     BIGINT,
  created_at      BIGINT NOT NULL,
  delivered_at    BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries(endpoint_id, subject, seq);

CREATE TABLE webhook_attempts (
  seq           BIGSERIAL PRIMARY KEY,
  delivery_id   TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempted_at  BIGINT NOT NULL,
  response_code BIGINT NOT NULL,
  latency_ms    BIGINT NOT NULL,
  error         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts(delivery_id, seq);
