#include <gtest/gtest.h>

#include "core/booking_policy.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;

Booking booking_at(std::string_view start, BookingStatus status = BookingStatus::confirmed) {
  Booking b;
  b.id = "bk1";
  b.time = {at(start), at(start) + std::chrono::minutes{30}};
  b.block = b.time;
  b.status = status;
  return b;
}

TEST(BookingPolicy, ConfirmedBookingMayBeCancelled) {
  EXPECT_TRUE(
      check_transition(booking_at("2026-06-10T10:00:00Z"), BookingStatus::cancelled, at("2026-06-01T00:00:00Z")).ok());
}

TEST(BookingPolicy, NothingLeavesAFinalState) {
  for (auto from : {BookingStatus::cancelled, BookingStatus::completed, BookingStatus::no_show}) {
    for (auto to :
         {BookingStatus::confirmed, BookingStatus::cancelled, BookingStatus::completed, BookingStatus::no_show}) {
      auto s = check_transition(booking_at("2026-06-10T10:00:00Z", from), to, at("2026-06-11T00:00:00Z"));
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::policy);
    }
  }
}

TEST(BookingPolicy, CompletedAndNoShowOnlyOnceTheAppointmentStarted) {
  Booking b = booking_at("2026-06-10T10:00:00Z");
  for (auto to : {BookingStatus::completed, BookingStatus::no_show}) {
    auto early = check_transition(b, to, at("2026-06-10T09:59:59Z"));
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, ErrorCode::policy);
    EXPECT_TRUE(check_transition(b, to, at("2026-06-10T10:00:00Z")).ok());
    EXPECT_TRUE(check_transition(b, to, at("2026-06-12T10:00:00Z")).ok());
  }
}

TEST(BookingPolicy, ConsumerCancellationClosesAtTheCutoff) {
  Booking b = booking_at("2026-06-10T10:00:00Z");
  BookingRules rules;  // 24 hours
  EXPECT_TRUE(check_cancel(b, rules, Actor::consumer, at("2026-06-09T09:59:59Z")).ok());
  auto late = check_cancel(b, rules, Actor::consumer, at("2026-06-09T10:00:00Z"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::policy);
  EXPECT_EQ(late.error().detail, "cancellation closed 24 hours before the start");
}

TEST(BookingPolicy, StaffMayCancelInsideTheCutoffButNotAfterTheStart) {
  Booking b = booking_at("2026-06-10T10:00:00Z");
  BookingRules rules;
  EXPECT_TRUE(check_cancel(b, rules, Actor::staff, at("2026-06-10T09:00:00Z")).ok());
  auto started = check_cancel(b, rules, Actor::staff, at("2026-06-10T10:05:00Z"));
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().code, ErrorCode::policy);
}

TEST(BookingPolicy, CancelledBookingCannotBeCancelledOrMovedAgain) {
  Booking b = booking_at("2026-06-10T10:00:00Z", BookingStatus::cancelled);
  BookingRules rules;
  EXPECT_EQ(check_cancel(b, rules, Actor::staff, at("2026-06-01T00:00:00Z")).error().code, ErrorCode::policy);
  EXPECT_EQ(check_reschedule(b, rules, Actor::staff, at("2026-06-01T00:00:00Z")).error().code, ErrorCode::policy);
}

TEST(BookingPolicy, RescheduleHasItsOwnCutoff) {
  Booking b = booking_at("2026-06-10T10:00:00Z");
  BookingRules rules;
  rules.reschedule_cutoff_hours = 2;
  rules.cancel_cutoff_hours = 48;
  Instant five_hours_before = at("2026-06-10T05:00:00Z");
  EXPECT_TRUE(check_reschedule(b, rules, Actor::consumer, five_hours_before).ok());
  EXPECT_FALSE(check_cancel(b, rules, Actor::consumer, five_hours_before).ok());
  auto late = check_reschedule(b, rules, Actor::consumer, at("2026-06-10T08:30:00Z"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().detail, "rescheduling closed 2 hours before the start");
  EXPECT_TRUE(check_reschedule(b, rules, Actor::staff, at("2026-06-10T08:30:00Z")).ok());
}

TEST(BookingPolicy, ZeroCutoffLetsConsumersActUntilTheStart) {
  Booking b = booking_at("2026-06-10T10:00:00Z");
  BookingRules rules;
  rules.cancel_cutoff_hours = 0;
  EXPECT_TRUE(check_cancel(b, rules, Actor::consumer, at("2026-06-10T09:59:00Z")).ok());
  EXPECT_FALSE(check_cancel(b, rules, Actor::consumer, at("2026-06-10T10:00:00Z")).ok());
}

TEST(BookingPolicy, PaddedBlockWidensByBothBuffers) {
  Service s;
  s.buffer_before_minutes = 10;
  s.buffer_after_minutes = 5;
  Interval t{at("2026-06-10T10:00:00Z"), at("2026-06-10T10:30:00Z")};
  EXPECT_EQ(padded_block(t, s), (Interval{at("2026-06-10T09:50:00Z"), at("2026-06-10T10:35:00Z")}));
}

TEST(Model, RolesRankOwnerOverManagerOverProvider) {
  EXPECT_TRUE(role_at_least(Role::owner, Role::manager));
  EXPECT_TRUE(role_at_least(Role::manager, Role::manager));
  EXPECT_FALSE(role_at_least(Role::provider, Role::manager));
  EXPECT_FALSE(role_at_least(Role::manager, Role::owner));
}

}  // namespace
}  // namespace visitd::core
