#pragma once
// One refill-and-take step of a stored token bucket (store/rate_limits.hpp), shared by the
// SQLite and PostgreSQL stores: the row they read in, the row to write back. The arithmetic is
// core::TokenBucket's, on wall-clock seconds.
#include <cstdint>
#include <optional>

#include "store/rate_limits.hpp"

namespace visitd::store {

struct StoredBucket {
  std::int64_t tokens_micro = 0;  // tokens left, in millionths
  Instant at{};                   // when they were counted
};

struct BucketStep {
  StoredBucket next;  // to write back
  Instant full_at{};  // when `next` is full again
  BucketVerdict verdict;
};

// `stored` nullopt: a key never seen (a full bucket).
BucketStep step_bucket(const std::optional<StoredBucket>& stored, const BucketRule& rule, Instant now, bool take);

}  // namespace visitd::store
