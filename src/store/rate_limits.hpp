#pragma once
// Store role: token buckets every visitd instance on one database shares (issue F), so a rate
// limit hit through one instance holds on the others (logins per address, network and
// account; public bookings per address, network and business). The bucket arithmetic is
// core::TokenBucket's; the store only keeps each bucket's state and makes a refill-and-take
// one atomic step across processes (the bucket's row is locked for it).
//
// Time is wall-clock UTC seconds from the caller's clock: instances agree on it (monotonic
// readings do not cross processes), and a whole-second step loses nothing, since a refill
// counts every second elapsed since the bucket's last step.
#include <string>

#include "store/actor.hpp"

namespace visitd::store {

struct BucketRule {
  double rate_per_second = 1;  // tokens refilled per second (> 0)
  double burst = 1;            // the bucket's size; a key never seen starts full
};

struct BucketVerdict {
  bool allowed = false;            // take: a token was taken; look: one is there
  double seconds_until_token = 0;  // when refused: seconds until one is back (> 0)
};

class RateLimitStore {
 public:
  virtual ~RateLimitStore() = default;

  // Refills `key`'s bucket up to `now` under `rule` and, when `take`, takes one token
  // (`take` false only looks, writing nothing). unavailable/internal when the database
  // fails; the caller decides what a limit does then.
  virtual Result<BucketVerdict> spend_token(const std::string& key, const BucketRule& rule, Instant now, bool take) = 0;
  // Forgets `key`: its next step starts with a full bucket.
  virtual Status forget_bucket(const std::string& key) = 0;
  // Drops the buckets that are full again by `now` (the same as never seen); how many.
  virtual Result<int> prune_buckets(Instant now) = 0;
};

}  // namespace visitd::store
