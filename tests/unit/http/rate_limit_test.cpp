#include "http/rate_limit.hpp"

#include <gtest/gtest.h>

namespace visitd::http {
namespace {

using namespace std::chrono_literals;
const auto t0 = std::chrono::steady_clock::time_point{} + 1000h;

TEST(RateLimiter, AllowsBurstThenRefusesWithRetryAfter) {
  RateLimiter limiter(6, 3);  // one token every 10 s
  int retry = 0;
  EXPECT_TRUE(limiter.allow("ip", t0, &retry));
  EXPECT_TRUE(limiter.allow("ip", t0, &retry));
  EXPECT_TRUE(limiter.allow("ip", t0, &retry));
  EXPECT_FALSE(limiter.allow("ip", t0, &retry));
  EXPECT_EQ(retry, 10);
  EXPECT_FALSE(limiter.allow("ip", t0 + 4s, &retry));
  EXPECT_EQ(retry, 6);
}

TEST(RateLimiter, RefillsOverTime) {
  RateLimiter limiter(60, 2);  // one token per second
  int retry = 0;
  ASSERT_TRUE(limiter.allow("ip", t0, &retry));
  ASSERT_TRUE(limiter.allow("ip", t0, &retry));
  ASSERT_FALSE(limiter.allow("ip", t0, &retry));
  EXPECT_TRUE(limiter.allow("ip", t0 + 1s, &retry));
  EXPECT_FALSE(limiter.allow("ip", t0 + 1s, &retry));
  // A long pause refills to the burst, never beyond it.
  EXPECT_TRUE(limiter.allow("ip", t0 + 1h, &retry));
  EXPECT_TRUE(limiter.allow("ip", t0 + 1h, &retry));
  EXPECT_FALSE(limiter.allow("ip", t0 + 1h, &retry));
}

TEST(RateLimiter, RetryAfterIsAtLeastOneSecond) {
  RateLimiter limiter(6000, 1);  // a token every 10 ms
  int retry = 0;
  ASSERT_TRUE(limiter.allow("ip", t0, &retry));
  ASSERT_FALSE(limiter.allow("ip", t0, &retry));
  EXPECT_EQ(retry, 1);
}

TEST(RateLimiter, KeysAreIndependent) {
  RateLimiter limiter(1, 1);
  int retry = 0;
  EXPECT_TRUE(limiter.allow("login:1.2.3.4", t0, &retry));
  EXPECT_FALSE(limiter.allow("login:1.2.3.4", t0, &retry));
  EXPECT_TRUE(limiter.allow("login:5.6.7.8", t0, &retry));
}

TEST(RateLimiter, ZeroRateAllowsNothing) {
  RateLimiter limiter(0, 5);
  int retry = 0;
  EXPECT_FALSE(limiter.allow("ip", t0, &retry));
  EXPECT_GE(retry, 1);
}

TEST(RateLimiter, RetryAfterPointerMayBeNull) {
  RateLimiter limiter(1, 1);
  EXPECT_TRUE(limiter.allow("ip", t0, nullptr));
  EXPECT_FALSE(limiter.allow("ip", t0, nullptr));
}

TEST(RateLimiter, StaysBoundedUnderManyKeys) {
  RateLimiter limiter(1, 1);
  limiter.set_max_keys(100);
  for (int i = 0; i < 1000; ++i) limiter.allow("k" + std::to_string(i), t0 + std::chrono::milliseconds(i), nullptr);
  EXPECT_LE(limiter.tracked_keys(), 100u);
}

TEST(RateLimiter, PruningKeepsRecentlyLimitedKeysLimited) {
  RateLimiter limiter(1, 1);  // a token per minute
  limiter.set_max_keys(10);
  int retry = 0;
  for (int i = 0; i < 8; ++i) limiter.allow("old" + std::to_string(i), t0, nullptr);
  ASSERT_TRUE(limiter.allow("attacker", t0 + 1s, &retry));
  // New keys force pruning; the most recent bucket survives it.
  for (int i = 0; i < 5; ++i) limiter.allow("new" + std::to_string(i), t0 + 2s, nullptr);
  EXPECT_FALSE(limiter.allow("attacker", t0 + 3s, &retry));
}

TEST(RateLimiter, PruningDropsRefilledBucketsFirst) {
  RateLimiter limiter(60, 1);  // refills within a second
  limiter.set_max_keys(4);
  for (int i = 0; i < 4; ++i) limiter.allow("k" + std::to_string(i), t0, nullptr);
  limiter.allow("late", t0 + 10s, nullptr);  // all earlier buckets are full again
  EXPECT_EQ(limiter.tracked_keys(), 1u);
}

}  // namespace
}  // namespace visitd::http
