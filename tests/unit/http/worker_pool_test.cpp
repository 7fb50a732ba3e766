#include "workers/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "workers/pool_metrics.hpp"
#include "workers/serial_queues.hpp"

namespace visitd::workers {
namespace {

TEST(WorkerPool, RefusesAtOnceWhenTheQueueIsFullAndRunsWhatItAccepted) {
  WorkerPool pool("test", PoolSize{1, 1});
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  std::atomic<int> ran{0};
  ASSERT_TRUE(pool.try_submit([&] {
    started.set_value();
    gate.wait();
    ran.fetch_add(1);
  }));
  started.get_future().wait();                               // the only thread is busy now
  EXPECT_TRUE(pool.try_submit([&] { ran.fetch_add(1); }));   // waits in the queue
  EXPECT_FALSE(pool.try_submit([&] { ran.fetch_add(1); }));  // queue full: refused, never run
  EXPECT_EQ(pool.refused(), 1u);
  release.set_value();
  pool.join();
  EXPECT_EQ(ran.load(), 2);
  EXPECT_FALSE(pool.try_submit([] {}));  // joined: no new work
}

// Waits (bounded) for a condition another thread makes true.
template <class F>
bool eventually(F done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

TEST(WorkerPool, MetricsShowQueueDepthBusyWorkersAndRefusals) {
  PoolMetrics metrics;
  WorkerPool pool("rooms", PoolSize{1, 1});
  metrics.add(pool.counters());
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.try_submit([&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  ASSERT_TRUE(pool.try_submit([] {}));
  EXPECT_FALSE(pool.try_submit([] {}));
  const std::string text = metrics.render();
  EXPECT_NE(text.find("visitd_worker_threads{pool=\"rooms\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("visitd_worker_busy{pool=\"rooms\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("visitd_worker_queue_depth{pool=\"rooms\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("visitd_worker_rejected_total{pool=\"rooms\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE visitd_worker_rejected_total counter"), std::string::npos);
  release.set_value();
  pool.join();
  const std::string after = metrics.render();
  EXPECT_NE(after.find("visitd_worker_busy{pool=\"rooms\"} 0\n"), std::string::npos) << after;
  EXPECT_NE(after.find("visitd_worker_queue_depth{pool=\"rooms\"} 0\n"), std::string::npos) << after;
}

TEST(SerialQueues, RunsAKeysJobsInOrderOneAtATime) {
  WorkerPool pool("test", PoolSize{4, 64});
  SerialQueues queues(pool, 1000);
  std::mutex mu;
  std::vector<int> seen;
  std::atomic<int> running{0};
  std::atomic<bool> overlapped{false};
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(queues.post("room-a", [&, i] {
      if (running.fetch_add(1) != 0) overlapped = true;
      {
        std::lock_guard lock(mu);
        seen.push_back(i);
      }
      running.fetch_sub(1);
    }));
  }
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mu);
    return seen.size() == 200;
  }));
  EXPECT_FALSE(overlapped.load());
  for (int i = 0; i < 200; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
}

TEST(SerialQueues, OtherKeysRunWhileOneIsBusy) {
  WorkerPool pool("test", PoolSize{2, 8});
  SerialQueues queues(pool, 8);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  ASSERT_TRUE(queues.post("slow", [gate] { gate.wait(); }));
  std::promise<void> other;
  ASSERT_TRUE(queues.post("fast", [&] { other.set_value(); }));
  EXPECT_EQ(other.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
  release.set_value();
  pool.join();
}

TEST(SerialQueues, RefusesBeyondItsBoundButNeverADeparture) {
  WorkerPool pool("test", PoolSize{1, 4});
  SerialQueues queues(pool, 1);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> ran{0};
  ASSERT_TRUE(queues.post("room", [gate, &ran] {
    gate.wait();
    ran.fetch_add(1);
  }));
  ASSERT_TRUE(queues.post("room", [&] { ran.fetch_add(1); }));   // waits behind the first
  EXPECT_FALSE(queues.post("room", [&] { ran.fetch_add(1); }));  // over the bound: refused
  EXPECT_EQ(pool.refused(), 1u);
  queues.post_or_run("room", [&] { ran.fetch_add(10); });  // queued whatever the bound
  release.set_value();
  ASSERT_TRUE(eventually([&] { return ran.load() == 12; }));
  pool.join();
}

}  // namespace
}  // namespace visitd::workers
