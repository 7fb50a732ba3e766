#pragma once
// The real clock: wall time from the system (optionally shifted by VISITD_CLOCK_SKEW_SECONDS
// for drills and tests), monotonic time from steady_clock.
#include <chrono>

#include "core/clock.hpp"

namespace visitd::app {

class SystemClock final : public core::Clock {
 public:
  explicit SystemClock(std::chrono::seconds skew = std::chrono::seconds{0}) : skew_(skew) {}
  [[nodiscard]] core::Instant now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + skew_;
  }
  [[nodiscard]] Monotonic monotonic() const override { return std::chrono::steady_clock::now(); }

 private:
  std::chrono::seconds skew_;
};

}  // namespace visitd::app
