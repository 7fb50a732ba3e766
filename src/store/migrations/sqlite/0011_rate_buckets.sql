-- Token buckets of the rate limits (issue F): one row per limited key ("login_ip:203.0.113.7").
-- A single SQLite process keeps its limits in memory; the table exists so both stores hold
-- the same roles (the contract suite runs against it). Tokens are millionths, so integer
-- arithmetic keeps them exact; `full_at` is when the bucket is full again (then the row is the
-- same as no row, and pruning drops it).
CREATE TABLE rate_buckets (
  key           TEXT PRIMARY KEY,
  tokens_micro  INTEGER NOT NULL,
  at            INTEGER NOT NULL,    -- unix seconds of the bucket's last step
  full_at       INTEGER NOT NULL     -- unix seconds at which it is full again
);
CREATE INDEX rate_buckets_full_at ON rate_buckets (full_at);
