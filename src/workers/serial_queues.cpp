#include "workers/serial_queues.hpp"

namespace visitd::workers {

SerialQueues::SerialQueues(WorkerPool& pool, std::size_t max_waiting)
    : pool_(pool), max_waiting_(max_waiting == 0 ? 1 : max_waiting) {}

bool SerialQueues::enqueue(const std::string& key, std::function<void()>& job, bool bounded) {
  std::lock_guard lock(mu_);
  auto it = queues_.find(key);
  if (it != queues_.end()) {  // a job of this key runs (or is about to): wait behind it
    if (bounded && waiting_ >= max_waiting_) {
      pool_.refuse();
      return false;
    }
    it->second.jobs.push_back(std::move(job));
    ++waiting_;
    return true;
  }
  // Submitted under mu_: drain() takes mu_ before it looks at the queue, so it finds the job.
  if (!pool_.try_submit([this, key] { drain(key); })) return false;
  queues_[key].jobs.push_back(std::move(job));
  return true;
}

bool SerialQueues::post(const std::string& key, std::function<void()> job) { return enqueue(key, job, true); }

void SerialQueues::post_or_run(const std::string& key, std::function<void()> job) {
  if (!enqueue(key, job, false)) job();
}

void SerialQueues::drain(const std::string& key) {
  for (;;) {
    std::function<void()> job;
    {
      std::lock_guard lock(mu_);
      job = std::move(queues_.at(key).jobs.front());
    }
    job();
    std::lock_guard lock(mu_);
    auto it = queues_.find(key);
    it->second.jobs.pop_front();
    if (it->second.jobs.empty()) {
      queues_.erase(it);
      return;
    }
    --waiting_;
  }
}

}  // namespace visitd::workers
