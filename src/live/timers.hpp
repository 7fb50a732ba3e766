#pragma once
// Delayed callbacks for the hub (reconnect grace periods). An interface so tests fire them
// by hand instead of waiting.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "core/clock.hpp"

namespace visitd::live {

class Timers {
 public:
  virtual ~Timers() = default;
  virtual void after(std::chrono::milliseconds delay, std::function<void()> fn) = 0;
};

// One background thread running callbacks when due. stop() (or the destructor) drops the
// ones not yet due.
class ThreadTimers final : public Timers {
 public:
  // Deadlines are read from `clock.monotonic()` (steady time), which must outlive this.
  explicit ThreadTimers(const core::Clock& clock);
  ~ThreadTimers() override;
  void after(std::chrono::milliseconds delay, std::function<void()> fn) override;
  void stop();

 private:
  void run();
  const core::Clock& clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::multimap<std::chrono::steady_clock::time_point, std::function<void()>> due_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace visitd::live
