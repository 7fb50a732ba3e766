#include "workers/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

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

}  // namespace
}  // namespace visitd::workers
