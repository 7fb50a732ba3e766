// Shared rate-limit buckets (RateLimitStore, issue F): one budget per key however many stores
// (instances) spend it, refilled by wall-clock seconds, forgotten and pruned on request.
#include <latch>
#include <thread>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class RateBuckets : public StoreContractTest {
 protected:
  Instant now() const { return at(clock_.load()); }
  BucketRule rule_{0.5, 3};  // a token every 2 s, 3 at most
};

TEST_P(RateBuckets, ABurstIsSpentThenRefusedWithTheWaitForTheNextToken) {
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store_->spend_token("login_ip:a", rule_, now(), true).value().allowed);
  auto refused = store_->spend_token("login_ip:a", rule_, now(), true).value();
  EXPECT_FALSE(refused.allowed);
  EXPECT_DOUBLE_EQ(refused.seconds_until_token, 2.0);
  // Other keys have their own budget.
  EXPECT_TRUE(store_->spend_token("login_ip:b", rule_, now(), true).value().allowed);
}

TEST_P(RateBuckets, TokensComeBackWithWallClockSeconds) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->spend_token("k", rule_, now(), true).value().allowed);
  clock_ += 1;
  EXPECT_FALSE(store_->spend_token("k", rule_, now(), true).value().allowed);
  clock_ += 1;  // 2 s since the burst: one token
  EXPECT_TRUE(store_->spend_token("k", rule_, now(), true).value().allowed);
  EXPECT_FALSE(store_->spend_token("k", rule_, now(), true).value().allowed);
  clock_ += 3600;  // never more than the burst
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store_->spend_token("k", rule_, now(), true).value().allowed);
  EXPECT_FALSE(store_->spend_token("k", rule_, now(), true).value().allowed);
}

TEST_P(RateBuckets, LookingTakesNothing) {
  EXPECT_TRUE(store_->spend_token("k", rule_, now(), false).value().allowed);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->spend_token("k", rule_, now(), true).value().allowed);
  auto look = store_->spend_token("k", rule_, now(), false).value();
  EXPECT_FALSE(look.allowed);
  EXPECT_GT(look.seconds_until_token, 0);
  clock_ += 2;
  EXPECT_TRUE(store_->spend_token("k", rule_, now(), false).value().allowed);
  EXPECT_TRUE(store_->spend_token("k", rule_, now(), false).value().allowed);
}

TEST_P(RateBuckets, ForgettingRestoresAFullBucket) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->spend_token("account:ada", rule_, now(), true).value().allowed);
  ASSERT_TRUE(store_->forget_bucket("account:ada").ok());
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store_->spend_token("account:ada", rule_, now(), true).value().allowed);
}

TEST_P(RateBuckets, PruningDropsOnlyBucketsFullAgain) {
  ASSERT_TRUE(store_->spend_token("once", rule_, now(), true).value().allowed);  // full again 2 s later
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->spend_token("empty", rule_, now(), true).value().allowed);
  clock_ += 2;
  EXPECT_EQ(store_->prune_buckets(now()).value(), 1);
  // The emptied bucket kept its state: 2 s refilled one token of three.
  EXPECT_TRUE(store_->spend_token("empty", rule_, now(), true).value().allowed);
  EXPECT_FALSE(store_->spend_token("empty", rule_, now(), true).value().allowed);
  clock_ += 6;
  EXPECT_EQ(store_->prune_buckets(now()).value(), 1);
}

TEST_P(RateBuckets, TwoStoresOnOneDatabaseSpendOneBudgetExactlyUnderConcurrency) {
  auto second = open();
  constexpr int kThreads = 8;
  constexpr int kEach = 5;
  const BucketRule rule{0.001, 10};  // 10 tokens, none back within the test
  std::latch go(kThreads);
  std::atomic<int> allowed{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Store& store = i % 2 == 0 ? *store_ : *second;
      go.arrive_and_wait();
      for (int j = 0; j < kEach; ++j) {
        auto v = store.spend_token("business:b1", rule, now(), true);
        if (!v.ok()) {
          ++failed;
        } else if (v.value().allowed) {
          ++allowed;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(allowed.load(), 10);
}

VISITD_STORE_CONTRACT(RateBuckets);

}  // namespace
}  // namespace visitd::store::testing
