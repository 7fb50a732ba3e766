#include "http/connection_limits.hpp"

#include <gtest/gtest.h>

namespace visitd::http {
namespace {

using Verdict = ConnectionLimits::Verdict;

TEST(ConnectionLimits, OneAddressCannotTakeMoreThanItsCapOthersStillGetIn) {
  ConnectionCounters counters;
  ConnectionLimits limits(10, 2, counters);
  EXPECT_EQ(limits.admit("127.0.0.2"), Verdict::admitted);
  EXPECT_EQ(limits.admit("127.0.0.2"), Verdict::admitted);
  EXPECT_EQ(limits.admit("127.0.0.2"), Verdict::address_cap);
  EXPECT_EQ(limits.admit("127.0.0.1"), Verdict::admitted);
  EXPECT_EQ(counters.open.load(), 3u);
  EXPECT_EQ(counters.refused_per_address.load(), 1u);
}

TEST(ConnectionLimits, GlobalCapRefusesEveryAddressUntilAPlaceIsGivenBack) {
  ConnectionCounters counters;
  ConnectionLimits limits(2, 5, counters);
  EXPECT_EQ(limits.admit("10.0.0.1"), Verdict::admitted);
  EXPECT_EQ(limits.admit("10.0.0.2"), Verdict::admitted);
  EXPECT_EQ(limits.admit("10.0.0.3"), Verdict::global_cap);
  limits.release("10.0.0.1");
  EXPECT_EQ(limits.admit("10.0.0.3"), Verdict::admitted);
  EXPECT_EQ(counters.refused_global.load(), 1u);
  EXPECT_EQ(counters.max_connections.load(), 2u);
  EXPECT_EQ(counters.max_per_address.load(), 5u);
}

TEST(ConnectionLimits, ReleasedPlacesOfAnAddressAreReusable) {
  ConnectionCounters counters;
  ConnectionLimits limits(10, 1, counters);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(limits.admit("::1"), Verdict::admitted);
    EXPECT_EQ(limits.admit("::1"), Verdict::address_cap);
    limits.release("::1");
  }
  EXPECT_EQ(counters.open.load(), 0u);
}

TEST(ConnectionCap, KeepsTheConfiguredCapWhenTheFileLimitLeavesRoom) {
  std::string warning;
  EXPECT_EQ(connection_cap(1000, 65536, 65536, &warning), 1000u);
  EXPECT_TRUE(warning.empty());
}

TEST(ConnectionCap, CutsBelowTheFileLimitWithAReserveAndSaysSo) {
  std::string warning;
  EXPECT_EQ(connection_cap(4096, 1024, 4096, &warning), 1024u - kReservedDescriptors);
  EXPECT_NE(warning.find("1024"), std::string::npos);
  EXPECT_NE(warning.find("VISITD_MAX_CONNECTIONS"), std::string::npos);
}

TEST(ConnectionCap, UnknownLimitTrustsTheSetting) { EXPECT_EQ(connection_cap(50, 0, 0, nullptr), 50u); }

}  // namespace
}  // namespace visitd::http
