#pragma once
// A bounded pool of worker threads: the place where blocking work (store calls, password
// checks, disk reads) runs, so the network threads only parse, route and write.
// Asio stays in worker_pool.cpp; the coroutine side is workers/await_pool.hpp.
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace visitd::workers {

struct PoolSize {
  int threads = 4;               // jobs running at once
  std::size_t max_queued = 256;  // jobs waiting for a thread; more are refused
};

// A pool's live numbers, shared so a metrics renderer may outlive the pool (it then reads
// the last values).
struct PoolCounters {
  std::string name;  // the pool's label, e.g. "http"
  int threads = 0;
  std::atomic<std::size_t> waiting{0};  // queued, not yet started
  std::atomic<std::size_t> busy{0};     // running now
  std::atomic<std::size_t> refused{0};  // submissions refused since start (answered 503)
};

class WorkerPool {
 public:
  // `name` labels log lines and metrics. threads >= 1, max_queued >= 1.
  WorkerPool(std::string name, PoolSize size);
  // Lets queued jobs finish, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job`, or returns false at once when `max_queued` jobs are already waiting: the
  // caller refuses the work (503 + Retry-After) instead of stalling. A job must not throw.
  [[nodiscard]] bool try_submit(std::function<void()> job);
  // Waits for every queued and running job (shutdown); later submissions are refused.
  void join();
  [[nodiscard]] std::size_t waiting() const;
  [[nodiscard]] std::size_t refused() const;  // submissions refused since start
  void refuse();  // counts work refused on the pool's behalf (a queue in front of it was full)
  [[nodiscard]] const std::string& name() const;
  [[nodiscard]] std::shared_ptr<const PoolCounters> counters() const;

  // For workers/await_pool.hpp, which runs coroutines on the pool: a queue slot is taken
  // before the job is queued (false = full, counted as refused); `started` gives it back when
  // the job starts running and `finished` when it is done.
  [[nodiscard]] bool reserve_slot();
  void started();
  void finished();
  [[nodiscard]] void* asio_pool();  // the boost::asio::thread_pool, typed in await_pool.hpp

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace visitd::workers
