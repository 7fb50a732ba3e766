#include "workers/worker_pool.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace visitd::workers {

struct WorkerPool::Impl {
  Impl(std::string n, PoolSize s)
      : counters(std::make_shared<PoolCounters>()),
        max_queued(std::max<std::size_t>(1, s.max_queued)),
        pool(std::max(1, s.threads)) {
    counters->name = std::move(n);
    counters->threads = std::max(1, s.threads);
  }
  std::shared_ptr<PoolCounters> counters;
  std::size_t max_queued;
  std::atomic<bool> joined{false};
  std::once_flag join_once;
  boost::asio::thread_pool pool;
};

WorkerPool::WorkerPool(std::string name, PoolSize size) : impl_(std::make_unique<Impl>(std::move(name), size)) {}

WorkerPool::~WorkerPool() { join(); }

bool WorkerPool::reserve_slot() {
  Impl& p = *impl_;
  PoolCounters& c = *p.counters;
  if (p.joined.load() || c.waiting.fetch_add(1) >= p.max_queued) {
    if (!p.joined.load()) c.waiting.fetch_sub(1);
    c.refused.fetch_add(1);
    return false;
  }
  return true;
}

void WorkerPool::started() {
  impl_->counters->waiting.fetch_sub(1);
  impl_->counters->busy.fetch_add(1);
}

void WorkerPool::refuse() { impl_->counters->refused.fetch_add(1); }

void WorkerPool::finished() { impl_->counters->busy.fetch_sub(1); }

void* WorkerPool::asio_pool() { return &impl_->pool; }

bool WorkerPool::try_submit(std::function<void()> job) {
  if (!reserve_slot()) return false;
  boost::asio::post(impl_->pool, [this, job = std::move(job)] {
    started();
    job();
    finished();
  });
  return true;
}

void WorkerPool::join() {
  std::call_once(impl_->join_once, [this] {
    impl_->joined.store(true);
    impl_->pool.join();  // runs what is queued, then returns
  });
}

std::size_t WorkerPool::waiting() const { return impl_->counters->waiting.load(); }
std::size_t WorkerPool::refused() const { return impl_->counters->refused.load(); }
const std::string& WorkerPool::name() const { return impl_->counters->name; }
std::shared_ptr<const PoolCounters> WorkerPool::counters() const { return impl_->counters; }

}  // namespace visitd::workers
