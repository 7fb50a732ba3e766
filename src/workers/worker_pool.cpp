#include "workers/worker_pool.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace visitd::workers {

struct WorkerPool::Impl {
  Impl(std::string n, PoolSize s)
      : name(std::move(n)), max_queued(std::max<std::size_t>(1, s.max_queued)), pool(std::max(1, s.threads)) {}
  std::string name;
  std::size_t max_queued;
  std::atomic<std::size_t> waiting{0};  // submitted, not yet started
  std::atomic<std::size_t> refused{0};
  std::atomic<bool> joined{false};
  std::once_flag join_once;
  boost::asio::thread_pool pool;
};

WorkerPool::WorkerPool(std::string name, PoolSize size) : impl_(std::make_unique<Impl>(std::move(name), size)) {}

WorkerPool::~WorkerPool() { join(); }

bool WorkerPool::reserve_slot() {
  Impl& p = *impl_;
  if (p.joined.load() || p.waiting.fetch_add(1) >= p.max_queued) {
    if (!p.joined.load()) p.waiting.fetch_sub(1);
    p.refused.fetch_add(1);
    return false;
  }
  return true;
}

void WorkerPool::release_slot() { impl_->waiting.fetch_sub(1); }

void* WorkerPool::asio_pool() { return &impl_->pool; }

bool WorkerPool::try_submit(std::function<void()> job) {
  if (!reserve_slot()) return false;
  boost::asio::post(impl_->pool, [this, job = std::move(job)] {
    release_slot();
    job();
  });
  return true;
}

void WorkerPool::join() {
  std::call_once(impl_->join_once, [this] {
    impl_->joined.store(true);
    impl_->pool.join();  // runs what is queued, then returns
  });
}

std::size_t WorkerPool::waiting() const { return impl_->waiting.load(); }
std::size_t WorkerPool::refused() const { return impl_->refused.load(); }
const std::string& WorkerPool::name() const { return impl_->name; }

}  // namespace visitd::workers
