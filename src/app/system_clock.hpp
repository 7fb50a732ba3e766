#pragma once
// The production core::Clock: the system's wall clock shifted by VISITD_CLOCK_SKEW_SECONDS
// (drills and tests), and the steady clock for durations (never shifted, never jumps).
#include <chrono>

#include "core/clock.hpp"

namespace visitd::app {

class SystemClock final : public core::Clock {
 public:
  explicit SystemClock(std::chrono::seconds skew) : skew_(skew) {}
  [[nodiscard]] core::Instant now() const override;
  [[nodiscard]] Monotonic monotonic() const override;

 private:
  std::chrono::seconds skew_;
};

}  // namespace visitd::app
