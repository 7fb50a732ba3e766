-- Token buckets of the rate limits every instance shares (issue F): one row per limited key
-- ("login_ip:203.0.113.7"), locked for each refill-and-take step. Tokens are millionths, so
-- integer arithmetic keeps them exact; `full_at` is when the bucket is full again (then the
-- row is the same as no row, and pruning drops it). UNLOGGED: a crash of the database server
-- forgets the buckets (everyone starts with a full budget), which is cheaper than writing
-- every login's step to the WAL; limits are not data a backup must keep.
CREATE UNLOGGED TABLE rate_buckets (
  key           TEXT PRIMARY KEY,
  tokens_micro  BIGINT NOT NULL,
  at            BIGINT NOT NULL,     -- unix seconds of the bucket's last step
  full_at       BIGINT NOT NULL      -- unix seconds at which it is full again
);
CREATE INDEX rate_buckets_full_at ON rate_buckets (full_at);
