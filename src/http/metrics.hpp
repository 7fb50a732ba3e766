#pragma once
// Prometheus text-format metrics. Thread-safe; cheap enough for every request.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "http/connection_limits.hpp"
#include "service/metrics_sink.hpp"

namespace visitd::http {

// Also the booking use cases' MetricsSink (their counters appear in render()).
class Metrics final : public service::MetricsSink {
 public:
  // One request: route pattern (or "unmatched"), method, status, latency.
  void observe_request(const std::string& method, const std::string& route, int status, double seconds);
  void booking_created() override { bookings_created_.fetch_add(1, std::memory_order_relaxed); }
  void booking_cancelled() override { bookings_cancelled_.fetch_add(1, std::memory_order_relaxed); }
  void booking_rescheduled() override { bookings_rescheduled_.fetch_add(1, std::memory_order_relaxed); }
  void booking_conflict() override { booking_conflicts_.fetch_add(1, std::memory_order_relaxed); }
  void rate_limited() { rate_limited_.fetch_add(1, std::memory_order_relaxed); }
  // A refusal by one of the budgets beyond the address (http/throttle): login_network,
  // login_account, booking_network, booking_business. Also counted in rate_limited().
  void throttled(const std::string& budget);
  // The server's connection figures: caps, refusals at accept, header/body deadlines missed.
  ConnectionCounters& connections() { return connections_; }
  [[nodiscard]] std::string render() const;  // text/plain; version=0.0.4
  // Another module's metrics (already in text format), appended to every render (e.g. live).
  void add_source(std::function<std::string()> source);

 private:
  struct Key {
    std::string method, route;
    int status;
    auto operator<=>(const Key&) const = default;
  };
  static constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  struct Histogram {
    std::vector<unsigned long long> counts = std::vector<unsigned long long>(std::size(kBuckets), 0);
    unsigned long long total = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<Key, unsigned long long> requests_;
  std::map<std::string, Histogram> latency_;             // by route
  std::map<std::string, unsigned long long> throttled_;  // by budget
  std::vector<std::function<std::string()>> sources_;
  std::atomic<unsigned long long> bookings_created_{0}, bookings_cancelled_{0}, bookings_rescheduled_{0},
      booking_conflicts_{0}, rate_limited_{0};
  ConnectionCounters connections_;
};

}  // namespace visitd::http
