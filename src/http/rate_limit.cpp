#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace visitd::http {

namespace {
constexpr int kRetryWhenNeverRefilled = 60;

int retry_after_of(double wait) {
  return wait < 0 ? kRetryWhenNeverRefilled : std::max(1, static_cast<int>(std::ceil(wait)));
}
}  // namespace

std::optional<bool> RateLimiter::shared_step(const std::string& key, bool take, int* retry_after_s) {
  if (shared_ == nullptr) return std::nullopt;
  auto v = shared_->step(name_ + ":" + key, rate_per_s_, burst_, take);
  if (!v) return std::nullopt;
  if (!v->allowed && retry_after_s != nullptr) *retry_after_s = retry_after_of(v->seconds_until_token);
  return v->allowed;
}

bool RateLimiter::allow(const std::string& key, core::Clock::Monotonic now, int* retry_after_s) {
  if (rate_per_s_ <= 0) {  // documented: a zero rate allows nothing, not even a first burst
    if (retry_after_s != nullptr) *retry_after_s = kRetryWhenNeverRefilled;
    return false;
  }
  if (auto shared = shared_step(key, true, retry_after_s)) return *shared;
  std::lock_guard lock(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) prune(now);
    it = buckets_.emplace(key, core::TokenBucket(rate_per_s_, burst_, now)).first;
  }
  if (it->second.take(now)) return true;
  if (retry_after_s != nullptr) *retry_after_s = retry_after_of(it->second.seconds_until_token());
  return false;
}

bool RateLimiter::peek(const std::string& key, core::Clock::Monotonic now, int* retry_after_s) {
  if (rate_per_s_ <= 0) {
    if (retry_after_s != nullptr) *retry_after_s = kRetryWhenNeverRefilled;
    return false;
  }
  if (auto shared = shared_step(key, false, retry_after_s)) return *shared;
  std::lock_guard lock(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) return true;  // an unseen key has a full bucket
  if (it->second.has_token(now)) return true;
  if (retry_after_s != nullptr) *retry_after_s = retry_after_of(it->second.seconds_until_token());
  return false;
}

core::Status RateLimiter::admit(const std::string& key, core::Clock::Monotonic now) {
  int retry_after = 1;
  if (allow(key, now, &retry_after)) return core::ok_status();
  core::Error e = core::Error::make(core::ErrorCode::rate_limited, "too many requests from this address; retry after " +
                                                                       std::to_string(retry_after) + " s");
  e.retry_after = std::chrono::seconds(retry_after);
  return e;
}

void RateLimiter::prune(core::Clock::Monotonic now) {
  // A bucket that has refilled to the brim behaves exactly like an absent one: drop those.
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    it = it->second.full_at(now) ? buckets_.erase(it) : std::next(it);
  }
  // Still crowded (many distinct active keys): forget the least recently used half, so the
  // next insertions do not each pay for a full scan.
  if (buckets_.size() * 4 >= max_keys_ * 3) {
    std::vector<core::Clock::Monotonic> times;
    times.reserve(buckets_.size());
    for (const auto& [k, b] : buckets_) times.push_back(b.last_use());
    auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
    std::nth_element(times.begin(), mid, times.end());
    const auto cutoff = *mid;
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      it = it->second.last_use() <= cutoff ? buckets_.erase(it) : std::next(it);
    }
  }
}

}  // namespace visitd::http
