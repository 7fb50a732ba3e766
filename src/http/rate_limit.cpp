#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace visitd::http {

namespace {
constexpr int kRetryWhenNeverRefilled = 60;
}

bool RateLimiter::allow(const std::string& key, std::chrono::steady_clock::time_point now, int* retry_after_s) {
  std::lock_guard lock(mu_);
  if (rate_per_s_ <= 0) {  // documented: a zero rate allows nothing
    if (retry_after_s != nullptr) *retry_after_s = kRetryWhenNeverRefilled;
    return false;
  }
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) prune(now);
    it = buckets_.emplace(key, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  if (now > b.at) {
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_per_s_);
    b.at = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_s != nullptr) {
    if (burst_ < 1.0) {
      *retry_after_s = kRetryWhenNeverRefilled;
    } else {
      *retry_after_s = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate_per_s_)));
    }
  }
  return false;
}

void RateLimiter::prune(std::chrono::steady_clock::time_point now) {
  // A bucket that has refilled to the brim behaves exactly like an absent one: drop those.
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.at).count();
    if (it->second.tokens + elapsed * rate_per_s_ >= burst_) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
  // Still crowded (many distinct active keys): forget the least recently used half, so the
  // next insertions do not each pay for a full scan.
  if (buckets_.size() * 4 >= max_keys_ * 3) {
    std::vector<std::chrono::steady_clock::time_point> times;
    times.reserve(buckets_.size());
    for (const auto& [k, b] : buckets_) times.push_back(b.at);
    auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
    std::nth_element(times.begin(), mid, times.end());
    const auto cutoff = *mid;
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      it = it->second.at <= cutoff ? buckets_.erase(it) : std::next(it);
    }
  }
}

}  // namespace visitd::http
