#pragma once
// Counters of the live module, rendered into /metrics (Prometheus text format).
#include <atomic>
#include <string>

namespace visitd::live {

struct LiveMetrics {
  std::atomic<long long> connections{0};                // open WebSocket connections
  std::atomic<long long> rooms_open{0};                 // rooms with someone in them (this instance)
  std::atomic<unsigned long long> messages_relayed{0};  // messages delivered to connections
  std::atomic<unsigned long long> slow_client_disconnects{0};
  std::atomic<unsigned long long> rate_limited_disconnects{0};
  std::atomic<unsigned long long> auth_failures{0};

  [[nodiscard]] std::string render() const;
};

}  // namespace visitd::live
