#include "live/freed_memory.hpp"

#include <gtest/gtest.h>

namespace visitd::live {
namespace {

TEST(TrimPolicy, TrimsOnceHalfOfAPeakHasClosed) {
  TrimPolicy policy(256);
  for (std::size_t open = 1; open <= 1000; ++open) policy.opened(open);
  EXPECT_FALSE(policy.closed(999));
  EXPECT_FALSE(policy.closed(501));
  EXPECT_TRUE(policy.closed(500));
  // The peak starts again from there: the next trim waits for half of 500 to close.
  EXPECT_FALSE(policy.closed(300));
  EXPECT_TRUE(policy.closed(250));
}

TEST(TrimPolicy, NeverTrimsForSmallPeaks) {
  TrimPolicy policy(256);
  for (std::size_t open = 1; open <= 255; ++open) policy.opened(open);
  for (std::size_t open = 255; open-- > 0;) EXPECT_FALSE(policy.closed(open));
}

TEST(TrimPolicy, ASecondWaveTrimsAgain) {
  TrimPolicy policy(256);
  policy.opened(1000);
  EXPECT_TRUE(policy.closed(0));
  policy.opened(800);
  EXPECT_FALSE(policy.closed(401));
  EXPECT_TRUE(policy.closed(400));
}

}  // namespace
}  // namespace visitd::live
