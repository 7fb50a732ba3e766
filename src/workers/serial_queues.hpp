#pragma once
// Serial execution per key on a WorkerPool: jobs posted under one key (a room id) run one
// at a time, in the order posted, on the pool's threads; jobs of different keys run in
// parallel. An idle key costs nothing (its queue is dropped when it empties). Used where
// order matters per key but the work may block (the room hub's store writes).
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "workers/worker_pool.hpp"

namespace visitd::workers {

class SerialQueues {
 public:
  // `pool` must outlive this. At most `max_waiting` jobs wait across all keys (behind a job
  // of their key); beyond that post() refuses.
  SerialQueues(WorkerPool& pool, std::size_t max_waiting);
  SerialQueues(const SerialQueues&) = delete;
  SerialQueues& operator=(const SerialQueues&) = delete;

  // Queues `job` behind the key's earlier jobs, or returns false at once when the pool (or
  // this queue) is full: the caller refuses the work. A job must not throw.
  [[nodiscard]] bool post(const std::string& key, std::function<void()> job);
  // For work that must not be refused: queued behind the key's jobs whatever the bound; when
  // nothing of the key is pending and the pool is full, run at once on the caller's thread
  // (still in order: nothing of the key is before it).
  void post_or_run(const std::string& key, std::function<void()> job);

 private:
  struct Queue {
    std::deque<std::function<void()>> jobs;  // the first one is running
  };
  // Queues under mu_; false when the pool refused a new drain (nothing queued then).
  bool enqueue(const std::string& key, std::function<void()>& job, bool bounded);
  void drain(const std::string& key);

  WorkerPool& pool_;
  std::size_t max_waiting_;
  std::mutex mu_;
  std::map<std::string, Queue> queues_;  // keys with a job running or waiting
  std::size_t waiting_ = 0;              // jobs behind a running one, all keys
};

}  // namespace visitd::workers
