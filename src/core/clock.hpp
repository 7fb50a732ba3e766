#pragma once
// The one source of time, injected everywhere something needs "now" (services, rate limiters,
// WebSocket timers, the outbox worker). Core only declares it: nothing in core reads a clock;
// the system implementation lives at the edge (app), and tests pass a hand-moved clock.
#include <chrono>

#include "core/time.hpp"

namespace visitd::core {

class Clock {
 public:
  using Monotonic = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  // Wall-clock now, UTC seconds (may be skewed on purpose for drills: VISITD_CLOCK_OFFSET).
  [[nodiscard]] virtual Instant now() const = 0;
  // Monotonic now, for durations and deadlines (timeouts, token buckets); never jumps.
  [[nodiscard]] virtual Monotonic monotonic() const = 0;
};

// A clock tests move by hand: both readings advance together.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : wall_(start) {}
  [[nodiscard]] Instant now() const override { return wall_; }
  [[nodiscard]] Monotonic monotonic() const override { return Monotonic{} + mono_; }
  void advance(std::chrono::seconds by) {
    wall_ += by;
    mono_ += by;
  }
  void advance_monotonic(std::chrono::nanoseconds by) { mono_ += by; }
  void set(Instant t) { wall_ = t; }

 private:
  Instant wall_;
  std::chrono::nanoseconds mono_{0};
};

}  // namespace visitd::core
