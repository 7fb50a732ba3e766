// RateLimitStore on SQLite: one BEGIN IMMEDIATE transaction per step (a single process keeps
// its limits in memory; this serves the contract suite and tools).
#include "store/bucket_step.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {

Result<BucketVerdict> SqliteStore::spend_token(const std::string& key, const BucketRule& rule, Instant now, bool take) {
  if (!take) {
    return read([&](sqlite3* db) -> Result<BucketVerdict> {
      Statement q(db, "SELECT tokens_micro, at FROM rate_buckets WHERE key = ?");
      q.bind(1, key);
      std::optional<StoredBucket> stored;
      if (q.step()) stored = StoredBucket{q.int64(0), q.instant(1)};
      return step_bucket(stored, rule, now, false).verdict;
    });
  }
  return write([&](sqlite3* db) -> Result<BucketVerdict> {
    // Creates the row as a full bucket, or locks the existing one, and reads it in one
    // statement: no pruning can slip between finding the row and locking it.
    const BucketStep fresh = step_bucket(std::nullopt, rule, now, false);
    Statement q(db,
                "INSERT INTO rate_buckets (key, tokens_micro, at, full_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET tokens_micro = rate_buckets.tokens_micro "
                "RETURNING tokens_micro, at");
    q.bind(1, key).bind(2, fresh.next.tokens_micro).bind(3, fresh.next.at).bind(4, fresh.full_at);
    if (!q.step()) return core::Error::make(core::ErrorCode::internal, "rate bucket row not returned");
    const BucketStep step = step_bucket(StoredBucket{q.int64(0), q.instant(1)}, rule, now, true);
    Statement save(db, "UPDATE rate_buckets SET tokens_micro = ?, at = ?, full_at = ? WHERE key = ?");
    save.bind(1, step.next.tokens_micro).bind(2, step.next.at).bind(3, step.full_at).bind(4, key).run();
    return step.verdict;
  });
}

Status SqliteStore::forget_bucket(const std::string& key) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db, "DELETE FROM rate_buckets WHERE key = ?");
    q.bind(1, key).run();
    return core::ok_status();
  });
}

Result<int> SqliteStore::prune_buckets(Instant now) {
  return write([&](sqlite3* db) -> Result<int> {
    Statement q(db, "DELETE FROM rate_buckets WHERE full_at <= ?");
    q.bind(1, now);
    return q.run();
  });
}

}  // namespace visitd::store::sqlite
