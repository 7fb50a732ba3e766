#include "workers/pool_metrics.hpp"

#include <cstddef>
#include <functional>

namespace visitd::workers {

void PoolMetrics::add(std::shared_ptr<const PoolCounters> pool) {
  std::lock_guard lock(mu_);
  pools_.push_back(std::move(pool));
}

std::string PoolMetrics::render() const {
  std::vector<std::shared_ptr<const PoolCounters>> pools;
  {
    std::lock_guard lock(mu_);
    pools = pools_;
  }
  std::string out;
  if (pools.empty()) return out;
  // Pool names are ours ("http", "live"): plain words, no label escaping needed.
  const auto family = [&](const char* name, const char* type, const char* help,
                          const std::function<std::size_t(const PoolCounters&)>& value) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    for (const auto& p : pools) {
      out += std::string(name) + "{pool=\"" + p->name + "\"} " + std::to_string(value(*p)) + "\n";
    }
  };
  family("visitd_worker_threads", "gauge", "Threads of a worker pool.",
         [](const PoolCounters& p) { return static_cast<std::size_t>(p.threads); });
  family("visitd_worker_queue_depth", "gauge", "Jobs waiting for a worker thread.",
         [](const PoolCounters& p) { return p.waiting.load(); });
  family("visitd_worker_busy", "gauge", "Worker threads running a job.",
         [](const PoolCounters& p) { return p.busy.load(); });
  family("visitd_worker_rejected_total", "counter", "Jobs refused because the queue was full (answered 503).",
         [](const PoolCounters& p) { return p.refused.load(); });
  return out;
}

}  // namespace visitd::workers
