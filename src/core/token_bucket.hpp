#pragma once
// The one token bucket (HTTP rate limits per client address, WebSocket messages per
// connection). Pure: monotonic time is passed in (core::Clock::monotonic() at the edge).
#include <chrono>

namespace visitd::core {

class TokenBucket {
 public:
  using Time = std::chrono::steady_clock::time_point;
  // Refills `rate_per_second` tokens per second up to `burst`, starting full at `now`.
  // rate_per_second <= 0 never refills; burst < 1 never allows anything.
  TokenBucket(double rate_per_second, double burst, Time now)
      : rate_(rate_per_second), burst_(burst), tokens_(burst), at_(now) {}

  // A bucket resumed from kept state (a shared store's row): `tokens` left at `at`.
  static TokenBucket resume(double rate_per_second, double burst, double tokens, Time at) {
    TokenBucket b(rate_per_second, burst, at);
    b.tokens_ = tokens < burst ? tokens : burst;
    return b;
  }

  // Takes one token; false when none is left.
  bool take(Time now) {
    refill(now);
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }
  // Whether one token is there at `now` (refilled first), without taking it.
  bool has_token(Time now) {
    refill(now);
    return tokens_ >= 1.0;
  }
  // Seconds until one token is back (0 when one is there); negative when never.
  [[nodiscard]] double seconds_until_token() const {
    if (tokens_ >= 1.0) return 0;
    if (rate_ <= 0 || burst_ < 1.0) return -1;
    return (1.0 - tokens_) / rate_;
  }
  // True when the bucket would be full at `now`: indistinguishable from a fresh one.
  [[nodiscard]] bool full_at(Time now) const {
    return rate_ > 0 && tokens_ + std::chrono::duration<double>(now - at_).count() * rate_ >= burst_;
  }
  [[nodiscard]] Time last_use() const { return at_; }
  [[nodiscard]] double tokens() const { return tokens_; }

 private:
  void refill(Time now) {
    if (now <= at_) return;  // monotonic readings from several threads may arrive out of order
    const double elapsed = std::chrono::duration<double>(now - at_).count();
    tokens_ = tokens_ + elapsed * rate_;
    if (tokens_ > burst_) tokens_ = burst_;
    at_ = now;
  }

  double rate_;
  double burst_;
  double tokens_;
  Time at_;
};

}  // namespace visitd::core
