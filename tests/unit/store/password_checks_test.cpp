#include "security/password_checks.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace visitd::security {
namespace {

TEST(PasswordCheckLimit, RefusesBeyondTheCapWithRetryAfterAndFreesSlotsOnRelease) {
  PasswordCheckLimit limit(2, std::chrono::seconds(3));
  auto a = limit.try_acquire();
  ASSERT_TRUE(a.ok());
  {
    auto b = limit.try_acquire();
    ASSERT_TRUE(b.ok());
    auto c = limit.try_acquire();
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, core::ErrorCode::unavailable);
    ASSERT_TRUE(c.error().retry_after.has_value());
    EXPECT_EQ(*c.error().retry_after, std::chrono::seconds(3));
    EXPECT_EQ(limit.in_use(), 2);
  }
  EXPECT_EQ(limit.in_use(), 1);  // b released when it went out of scope
  EXPECT_TRUE(limit.try_acquire().ok());
}

}  // namespace
}  // namespace visitd::security
