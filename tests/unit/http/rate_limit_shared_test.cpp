// Rate limiters of several instances sharing their budgets (issue F): the shared store decides
// while it answers; while it cannot, each instance counts alone rather than letting everyone
// through or refusing everyone.
#include <map>

#include <gtest/gtest.h>

#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "http/throttle.hpp"

namespace visitd::http {
namespace {

// A shared store that never refills: `burst` tokens per key, counted once for every limiter.
class CountingBuckets final : public SharedBuckets {
 public:
  std::optional<Verdict> step(const std::string& key, double /*rate*/, double burst, bool take) override {
    keys.push_back(key);
    if (down) return std::nullopt;
    auto [it, fresh] = used.try_emplace(key, 0);
    if (it->second >= burst) return Verdict{false, 7.2};
    if (take) ++it->second;
    return Verdict{true, 0};
  }
  void forget(const std::string& key) override { used.erase(key); }
  std::map<std::string, double> used;
  std::vector<std::string> keys;
  bool down = false;
};

TEST(SharedRateLimit, TwoInstancesSpendOneBudget) {
  CountingBuckets shared;
  core::ManualClock clock{core::Instant{}};
  RateLimiter one(60, 3);
  RateLimiter two(60, 3);
  one.share(&shared, "login_ip");
  two.share(&shared, "login_ip");
  EXPECT_TRUE(one.admit("203.0.113.7", clock.monotonic()).ok());
  EXPECT_TRUE(two.admit("203.0.113.7", clock.monotonic()).ok());
  EXPECT_TRUE(one.admit("203.0.113.7", clock.monotonic()).ok());
  auto refused = two.admit("203.0.113.7", clock.monotonic());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::rate_limited);
  EXPECT_EQ(refused.error().retry_after, std::chrono::seconds(8));  // the shared wait, rounded up
  EXPECT_EQ(shared.keys.front(), "login_ip:203.0.113.7");
  // Forgetting through either instance forgets for both.
  two.forget("203.0.113.7");
  EXPECT_TRUE(one.admit("203.0.113.7", clock.monotonic()).ok());
}

TEST(SharedRateLimit, WhileTheSharedStoreIsDownEachInstanceCountsAlone) {
  CountingBuckets shared;
  shared.down = true;
  core::ManualClock clock{core::Instant{}};
  RateLimiter one(1, 2);
  one.share(&shared, "booking_ip");
  EXPECT_TRUE(one.admit("a", clock.monotonic()).ok());
  EXPECT_TRUE(one.admit("a", clock.monotonic()).ok());
  EXPECT_FALSE(one.admit("a", clock.monotonic()).ok());
}

TEST(SharedRateLimit, ThrottlesKeepEachBudgetUnderItsOwnName) {
  CountingBuckets shared;
  core::ManualClock clock{core::Instant{}};
  Metrics metrics;
  ThrottleSettings settings;
  settings.account_failures_burst = 2;
  Throttles a(settings, clock, metrics);
  Throttles b(settings, clock, metrics);
  a.share(&shared);
  b.share(&shared);
  ASSERT_TRUE(a.login_attempt("203.0.113.7", "ada@example.test").ok());
  EXPECT_FALSE(a.login_failed("ada@example.test"));
  EXPECT_TRUE(b.login_failed("ada@example.test"));  // the second failure, through the other instance
  auto locked = a.login_attempt("203.0.113.8", "ada@example.test");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, core::ErrorCode::rate_limited);
  EXPECT_TRUE(shared.used.count("login_network:login:203.0.113.0/24"));
  EXPECT_TRUE(shared.used.count("login_account:account:ada@example.test"));
  b.login_succeeded("ada@example.test");
  EXPECT_TRUE(a.login_attempt("203.0.113.8", "ada@example.test").ok());
  ASSERT_TRUE(b.booking_attempt("198.51.100.1", "biz_1").ok());
  EXPECT_TRUE(shared.used.count("booking_business:business:biz_1"));
}

}  // namespace
}  // namespace visitd::http
