#pragma once
// The worker pools' numbers in Prometheus text format (0.0.4), one family per number with a
// `pool` label: visitd_worker_threads, visitd_worker_queue_depth, visitd_worker_busy (gauges)
// and visitd_worker_rejected_total (counter: work refused as 503 because the queue was full).
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "workers/worker_pool.hpp"

namespace visitd::workers {

class PoolMetrics {
 public:
  // Thread-safe. Counters stay readable after their pool is gone.
  void add(std::shared_ptr<const PoolCounters> pool);
  [[nodiscard]] std::string render() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::shared_ptr<const PoolCounters>> pools_;
};

}  // namespace visitd::workers
