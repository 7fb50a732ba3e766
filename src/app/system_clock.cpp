#include "app/system_clock.hpp"

namespace visitd::app {

core::Instant SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + skew_;
}

core::Clock::Monotonic SystemClock::monotonic() const { return std::chrono::steady_clock::now(); }

}  // namespace visitd::app
