// Budgets beyond one address (issue H): networks, accounts, businesses.
#include "http/throttle.hpp"

#include <gtest/gtest.h>

#include "http/metrics.hpp"
#include "http/problem.hpp"

namespace visitd::http {
namespace {

TEST(NetworkOf, GroupsIpv4By24AndIpv6By64) {
  EXPECT_EQ(network_of("203.0.113.7"), "203.0.113.0/24");
  EXPECT_EQ(network_of("203.0.113.250"), "203.0.113.0/24");
  EXPECT_EQ(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(network_of("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
  EXPECT_NE(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
  EXPECT_EQ(network_of("::ffff:198.51.100.9"), "198.51.100.0/24");
  EXPECT_EQ(network_of("not-an-address"), "not-an-address");
}

struct ThrottleFixture : ::testing::Test {
  core::ManualClock clock{core::Instant{}};
  Metrics metrics;
  ThrottleSettings settings;
};

TEST_F(ThrottleFixture, ManyAddressesOfOneNetworkShareItsLoginBudget) {
  settings.login_network_per_minute = 1;
  settings.login_network_burst = 3;
  Throttles t(settings, clock, metrics);
  for (int i = 1; i <= 3; ++i) EXPECT_TRUE(t.login_attempt("198.51.100." + std::to_string(i), "a@x.test").ok());
  auto refused = t.login_attempt("198.51.100.200", "b@x.test");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(problem_from(refused.error()).status, 429);
  EXPECT_TRUE(refused.error().retry_after.has_value());
  EXPECT_TRUE(t.login_attempt("198.51.101.1", "b@x.test").ok());  // the next /24 has its own
  EXPECT_NE(metrics.render().find("visitd_throttled_total{budget=\"login_network\"} 1"), std::string::npos);
}

TEST_F(ThrottleFixture, AnAccountIsLockedAfterItsFailuresFromAnyAddressThenRecovers) {
  settings.account_failures_burst = 3;
  settings.account_failures_per_hour = 60;  // one a minute
  Throttles t(settings, clock, metrics);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(t.login_attempt("10.0." + std::to_string(i) + ".1", "victim@x.test").ok());
    EXPECT_EQ(t.login_failed("victim@x.test"), i == 2);  // the third failure locks it
  }
  auto locked = t.login_attempt("192.0.2.1", "victim@x.test");
  ASSERT_FALSE(locked.ok());
  EXPECT_GE(locked.error().retry_after->count(), 1);
  EXPECT_TRUE(t.login_attempt("192.0.2.1", "other@x.test").ok());  // other accounts are not affected
  clock.advance(std::chrono::seconds(61));
  EXPECT_TRUE(t.login_attempt("192.0.2.1", "victim@x.test").ok());
}

TEST_F(ThrottleFixture, ASuccessForgetsTheAccountsFailures) {
  settings.account_failures_burst = 2;
  Throttles t(settings, clock, metrics);
  t.login_failed("a@x.test");
  t.login_succeeded("a@x.test");
  EXPECT_FALSE(t.login_failed("a@x.test"));  // one failure again, not two
  EXPECT_TRUE(t.login_attempt("192.0.2.1", "a@x.test").ok());
}

TEST_F(ThrottleFixture, OneBusinessHasABookingBudgetAcrossNetworks) {
  settings.business_bookings_per_minute = 1;
  settings.business_bookings_burst = 2;
  Throttles t(settings, clock, metrics);
  EXPECT_TRUE(t.booking_attempt("192.0.2.1", "biz-1").ok());
  EXPECT_TRUE(t.booking_attempt("198.51.100.1", "biz-1").ok());
  EXPECT_FALSE(t.booking_attempt("203.0.113.1", "biz-1").ok());
  EXPECT_TRUE(t.booking_attempt("203.0.113.1", "biz-2").ok());
}

TEST_F(ThrottleFixture, OneIpv6NetworkCannotFillACalendar) {
  settings.booking_network_per_minute = 1;
  settings.booking_network_burst = 2;
  Throttles t(settings, clock, metrics);
  EXPECT_TRUE(t.booking_attempt("2001:db8:0:1::a", "biz").ok());
  EXPECT_TRUE(t.booking_attempt("2001:db8:0:1::b", "biz").ok());
  EXPECT_FALSE(t.booking_attempt("2001:db8:0:1::c", "biz").ok());
  EXPECT_TRUE(t.booking_attempt("2001:db8:0:2::c", "biz").ok());
}

}  // namespace
}  // namespace visitd::http
