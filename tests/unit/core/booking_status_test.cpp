// The status facts a store re-checks under its write lock (core/booking_policy):
// check_status_change for cancel/complete/no-show, check_movable for reschedule.
#include <gtest/gtest.h>

#include "core/booking_policy.hpp"

namespace visitd::core {
namespace {

TEST(BookingStatusChange, OnlyAConfirmedBookingChangesStatus) {
  for (auto to : {BookingStatus::cancelled, BookingStatus::completed, BookingStatus::no_show}) {
    EXPECT_TRUE(check_status_change(BookingStatus::confirmed, to).ok());
  }
  auto s = check_status_change(BookingStatus::cancelled, BookingStatus::cancelled);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::policy);
  EXPECT_EQ(s.error().detail, "booking is already cancelled");
  EXPECT_EQ(check_status_change(BookingStatus::no_show, BookingStatus::completed).error().detail,
            "booking is already a no-show");
}

TEST(BookingStatusChange, ConfirmingIsNoChange) {
  auto s = check_status_change(BookingStatus::confirmed, BookingStatus::confirmed);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().detail, "booking is already confirmed");
}

TEST(BookingStatusChange, OnlyAConfirmedBookingMoves) {
  EXPECT_TRUE(check_movable(BookingStatus::confirmed).ok());
  for (auto status : {BookingStatus::cancelled, BookingStatus::completed, BookingStatus::no_show}) {
    auto s = check_movable(status);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::policy);
  }
  EXPECT_EQ(check_movable(BookingStatus::completed).error().detail, "a completed booking cannot be rescheduled");
  EXPECT_EQ(check_movable(BookingStatus::no_show).error().detail, "a no-show booking cannot be rescheduled");
}

}  // namespace
}  // namespace visitd::core
