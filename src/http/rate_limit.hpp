#pragma once
// Per-key token buckets (key = client IP + purpose). Time is passed in so tests drive it.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace visitd::http {

class RateLimiter {
 public:
  // `per_minute` requests sustained, bursts up to `burst`. per_minute == 0 disables nothing:
  // it means "no requests allowed"; use a large number to relax it in tests.
  RateLimiter(double per_minute, double burst) : rate_per_s_(per_minute / 60.0), burst_(burst) {}
  // true = allowed. On refusal, retry_after_s says when one token is back.
  bool allow(const std::string& key, std::chrono::steady_clock::time_point now, int* retry_after_s);
  // Memory bound: past `max_keys` tracked keys, refilled buckets (equivalent to unseen keys)
  // are dropped first, then the least recently used ones.
  void set_max_keys(std::size_t max_keys) { max_keys_ = max_keys; }
  [[nodiscard]] std::size_t tracked_keys() {
    std::lock_guard lock(mu_);
    return buckets_.size();
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  void prune(std::chrono::steady_clock::time_point now);  // mu_ held
  double rate_per_s_;
  double burst_;
  std::size_t max_keys_ = 100000;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;  // pruned when it grows past a bound
};

}  // namespace visitd::http
