#include "notify/backoff.hpp"

#include <algorithm>
#include <cmath>

namespace visitd::notify {

core::Seconds retry_delay(int attempts, core::Seconds base, core::Seconds max, double unit) {
  const int exponent = std::clamp(attempts - 1, 0, 30);
  const double d =
      std::min(static_cast<double>(max.count()), static_cast<double>(base.count()) * std::ldexp(1.0, exponent));
  const double u = std::clamp(unit, 0.0, 1.0);
  return core::Seconds{static_cast<long long>(std::llround(d / 2 + u * d / 2))};
}

}  // namespace visitd::notify
