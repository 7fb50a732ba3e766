#pragma once
// Retry timing for failed sends: exponential from `base`, capped at `max`, with jitter so
// many messages failing together (a relay outage) do not all retry in the same second.
#include "core/time.hpp"

namespace visitd::notify {

// Delay before the next try after `attempts` failed tries (1 = first failure). `unit` is a
// random number in [0, 1): the delay is uniform in [d/2, d] where d = min(max, base * 2^(attempts-1)).
core::Seconds retry_delay(int attempts, core::Seconds base, core::Seconds max, double unit);

}  // namespace visitd::notify
