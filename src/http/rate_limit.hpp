#pragma once
// Per-key token buckets (key = client IP + purpose), one core::TokenBucket each. Time is
// the injected clock's monotonic reading, passed in, so tests drive it by hand.
//
// Several instances on one database share their budgets through SharedBuckets (the store's
// rate_buckets, wired in app/): then every step goes there, on wall-clock time, and this
// process's own buckets serve only while the shared store cannot answer (a limit that
// degrades to per-instance rather than to none, or to refusing everyone).
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/token_bucket.hpp"

namespace visitd::http {

// Token buckets kept where every instance sees them. Implemented over the store in app/.
class SharedBuckets {
 public:
  struct Verdict {
    bool allowed = false;
    double seconds_until_token = 0;  // when refused; negative: never
  };
  virtual ~SharedBuckets() = default;
  // Refills `key`'s bucket (tokens per second, burst) and takes a token when `take`.
  // nullopt when the shared store cannot answer now.
  virtual std::optional<Verdict> step(const std::string& key, double rate_per_s, double burst, bool take) = 0;
  virtual void forget(const std::string& key) = 0;
};

class RateLimiter {
 public:
  // `per_minute` requests sustained, bursts up to `burst`. per_minute == 0 disables nothing:
  // it means "no requests allowed"; use a large number to relax it in tests.
  RateLimiter(double per_minute, double burst) : rate_per_s_(per_minute / 60.0), burst_(burst) {}
  // true = allowed. On refusal, retry_after_s says when one token is back (>= 1).
  bool allow(const std::string& key, core::Clock::Monotonic now, int* retry_after_s);
  // The same as an error value: ErrorCode::rate_limited with retry_after and a detail.
  core::Status admit(const std::string& key, core::Clock::Monotonic now);
  // Whether `key` has a token now, without taking it (retry_after_s as for allow()).
  bool peek(const std::string& key, core::Clock::Monotonic now, int* retry_after_s);
  // Forgets `key`: its next request starts with a full bucket.
  void forget(const std::string& key) {
    if (shared_ != nullptr) shared_->forget(name_ + ":" + key);
    std::lock_guard lock(mu_);
    buckets_.erase(key);
  }
  // Memory bound: past `max_keys` tracked keys, refilled buckets (equivalent to unseen keys)
  // are dropped first, then the least recently used ones.
  void set_max_keys(std::size_t max_keys) { max_keys_ = max_keys; }
  // From now on the budget is kept in `shared` under "<name>:<key>" (name tells this limiter's
  // keys from another's there). Call before serving; `shared` outlives the limiter.
  void share(SharedBuckets* shared, std::string name) {
    shared_ = shared;
    name_ = std::move(name);
  }
  [[nodiscard]] std::size_t tracked_keys() {
    std::lock_guard lock(mu_);
    return buckets_.size();
  }

 private:
  void prune(core::Clock::Monotonic now);  // mu_ held
  // The shared store's answer, or nullopt (none configured, or it failed).
  std::optional<bool> shared_step(const std::string& key, bool take, int* retry_after_s);
  SharedBuckets* shared_ = nullptr;
  std::string name_;
  double rate_per_s_;
  double burst_;
  std::size_t max_keys_ = 100000;
  std::mutex mu_;
  std::unordered_map<std::string, core::TokenBucket> buckets_;  // pruned when it grows past a bound
};

}  // namespace visitd::http
