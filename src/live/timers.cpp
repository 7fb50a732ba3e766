#include "live/timers.hpp"

namespace visitd::live {

ThreadTimers::ThreadTimers(const core::Clock& clock) : clock_(clock), thread_([this] { run(); }) {}

ThreadTimers::~ThreadTimers() { stop(); }

void ThreadTimers::after(std::chrono::milliseconds delay, std::function<void()> fn) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    due_.emplace(clock_.monotonic() + delay, std::move(fn));
  }
  cv_.notify_one();
}

void ThreadTimers::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    due_.clear();
  }
  cv_.notify_one();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void ThreadTimers::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (due_.empty()) {
      cv_.wait(lock);
      continue;
    }
    // A copy: wait_until reads its deadline again after waking, and stop() may have
    // erased that entry meanwhile (a reference into due_ was a use-after-free).
    const auto deadline = due_.begin()->first;
    if (cv_.wait_until(lock, deadline) == std::cv_status::no_timeout) continue;  // new or earlier entry
    auto first = due_.begin();
    if (first == due_.end() || first->first > clock_.monotonic()) continue;
    auto fn = std::move(first->second);
    due_.erase(first);
    lock.unlock();
    fn();
    lock.lock();
  }
}

}  // namespace visitd::live
