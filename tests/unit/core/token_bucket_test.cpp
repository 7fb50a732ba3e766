#include "core/token_bucket.hpp"

#include <gtest/gtest.h>

namespace visitd::core {
namespace {

using namespace std::chrono_literals;
const TokenBucket::Time t0 = TokenBucket::Time{} + 1000h;

TEST(TokenBucket, StartsFullAndRefusesWhenEmpty) {
  TokenBucket b(1.0, 2, t0);
  EXPECT_TRUE(b.take(t0));
  EXPECT_TRUE(b.take(t0));
  EXPECT_FALSE(b.take(t0));
  EXPECT_DOUBLE_EQ(b.seconds_until_token(), 1.0);
}

TEST(TokenBucket, RefillsWithMonotonicTimeUpToTheBurst) {
  TokenBucket b(2.0, 3, t0);  // a token every 500 ms
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(b.take(t0));
  EXPECT_FALSE(b.take(t0 + 400ms));
  EXPECT_TRUE(b.take(t0 + 500ms));
  // A long pause refills to the burst, never beyond it.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(b.take(t0 + 1h));
  EXPECT_FALSE(b.take(t0 + 1h));
}

TEST(TokenBucket, AnEarlierReadingNeitherRefillsNorDrains) {
  TokenBucket b(1.0, 1, t0);
  ASSERT_TRUE(b.take(t0 + 10s));
  EXPECT_FALSE(b.take(t0));  // out-of-order reading from another thread
  EXPECT_TRUE(b.take(t0 + 11s));
}

TEST(TokenBucket, ZeroRateNeverRefills) {
  TokenBucket b(0.0, 1, t0);
  EXPECT_TRUE(b.take(t0));
  EXPECT_FALSE(b.take(t0 + 24h));
  EXPECT_LT(b.seconds_until_token(), 0);
}

TEST(TokenBucket, FullAtTellsWhenItEqualsAFreshBucket) {
  TokenBucket b(1.0, 2, t0);
  ASSERT_TRUE(b.take(t0));
  EXPECT_FALSE(b.full_at(t0 + 500ms));
  EXPECT_TRUE(b.full_at(t0 + 1s));
}

}  // namespace
}  // namespace visitd::core
