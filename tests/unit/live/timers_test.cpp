// ThreadTimers with the real steady clock: callbacks run when due, stop() drops the rest and
// ends the thread cleanly even while it waits on a later deadline (the sanitizer build turns a
// wait on a reference into the pending map, which stop() clears, into a failure here).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

#include "live/timers.hpp"

namespace visitd::live {
namespace {

using namespace std::chrono_literals;

struct SteadyClock final : core::Clock {
  [[nodiscard]] core::Instant now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  [[nodiscard]] Monotonic monotonic() const override { return std::chrono::steady_clock::now(); }
};

TEST(ThreadTimers, RunsACallbackOnceItIsDue) {
  SteadyClock clock;
  ThreadTimers timers(clock);
  std::promise<void> fired;
  timers.after(1ms, [&] { fired.set_value(); });
  EXPECT_EQ(fired.get_future().wait_for(30s), std::future_status::ready);
}

TEST(ThreadTimers, StopWhileWaitingOnALaterDeadlineDropsItAndEndsTheThread) {
  SteadyClock clock;
  // Several rounds: each time the thread is (almost always) inside its wait on the one-hour
  // entry when stop() erases it.
  for (int round = 0; round < 20; ++round) {
    std::atomic<bool> late_ran{false};
    {
      ThreadTimers timers(clock);
      timers.after(1h, [&] { late_ran = true; });
      std::promise<void> early;
      timers.after(0ms, [&] { early.set_value(); });
      ASSERT_EQ(early.get_future().wait_for(30s), std::future_status::ready);
      timers.stop();
      timers.after(0ms, [&] { late_ran = true; });  // refused once stopped
    }
    EXPECT_FALSE(late_ran.load()) << "round " << round;
  }
}

TEST(ThreadTimers, DestructorDropsCallbacksNotYetDue) {
  SteadyClock clock;
  std::atomic<int> ran{0};
  {
    ThreadTimers timers(clock);
    for (int i = 0; i < 100; ++i) timers.after(std::chrono::minutes(10 + i), [&] { ++ran; });
  }
  EXPECT_EQ(ran.load(), 0);
}

}  // namespace
}  // namespace visitd::live
