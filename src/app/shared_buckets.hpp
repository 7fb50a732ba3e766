#pragma once
// The HTTP rate limits' shared budgets (http::SharedBuckets) kept in the store's rate_buckets
// (store::RateLimitStore), for several instances on one PostgreSQL database. Steps run on
// the caller's (worker) thread on the clock's wall time. A store failure is logged (at most
// once a minute) and answered nullopt, so the limiter falls back on its own memory. Buckets
// full again are pruned about once a minute by whichever request comes first.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "http/rate_limit.hpp"
#include "store/rate_limits.hpp"

namespace visitd::app {

class StoreBuckets final : public http::SharedBuckets {
 public:
  StoreBuckets(store::RateLimitStore& store, const core::Clock& clock) : store_(store), clock_(clock) {}
  std::optional<Verdict> step(const std::string& key, double rate_per_s, double burst, bool take) override;
  void forget(const std::string& key) override;

 private:
  void prune_now_and_then();
  void warn_now_and_then(const std::string& what);
  store::RateLimitStore& store_;
  const core::Clock& clock_;
  std::atomic<std::int64_t> next_prune_{0};  // wall seconds
  std::atomic<std::int64_t> next_warning_{0};
};

}  // namespace visitd::app
