// The manager's numbers (core/insights): counted in the business's zone, every day of the
// period present, utilisation against the provider's own hours, rates with honest
// denominators.
#include "core/insights.hpp"

#include <gtest/gtest.h>

#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;
using testing::day;
using testing::hours;
using testing::provider;
using testing::zone;

InsightBooking booking(const std::string& provider_id, std::string_view start, int minutes, BookingStatus status,
                       std::string_view created = "2026-10-01T00:00:00Z") {
  InsightBooking b;
  b.provider_id = provider_id;
  b.service_id = "svc";
  b.time = {at(start), at(start) + Minutes{minutes}};
  b.created_at = at(created);
  b.status = status;
  return b;
}

class InsightsTest : public ::testing::Test {
 protected:
  Insights run(std::string_view first, std::string_view last, std::string_view now = "2026-12-31T00:00:00Z") {
    InsightInput in;
    in.zone = &zone_;
    in.period = {day(first), day(last)};
    in.now = at(now);
    for (const auto& p : providers_) in.providers.push_back(&p);
    in.bookings = bookings_;
    in.reminders = reminders_;
    return compute_insights(in);
  }

  Zone zone_ = zone("America/New_York");
  std::vector<Provider> providers_;
  std::vector<InsightBooking> bookings_;
  std::vector<ReminderTally> reminders_;
};

TEST_F(InsightsTest, BookingLateInTheEveningCountsOnTheLocalDateNotTheUtcDate) {
  // 23:30 in New York on 2 November is 04:30Z on the 3rd.
  bookings_.push_back(booking("p1", "2026-11-02T23:30:00-05:00", 30, BookingStatus::confirmed));
  auto r = run("2026-11-02", "2026-11-03");
  ASSERT_EQ(r.days.size(), 2u);
  EXPECT_EQ(r.days[0].date, day("2026-11-02"));
  EXPECT_EQ(r.days[0].counts.bookings, 1);
  EXPECT_EQ(r.days[1].counts.bookings, 0);
}

TEST_F(InsightsTest, EveryDayOfThePeriodIsListedAndBookingsOutsideAreIgnored) {
  bookings_.push_back(booking("p1", "2026-11-01T23:59:00-04:00", 30, BookingStatus::confirmed));  // the day before
  bookings_.push_back(booking("p1", "2026-11-04T09:00:00-05:00", 30, BookingStatus::confirmed));
  bookings_.push_back(booking("p1", "2026-11-05T00:00:00-05:00", 30, BookingStatus::confirmed));  // the day after
  auto r = run("2026-11-02", "2026-11-04");
  ASSERT_EQ(r.days.size(), 3u);
  EXPECT_EQ(r.days[2].date, day("2026-11-04"));
  EXPECT_EQ(r.days[2].counts.bookings, 1);
  EXPECT_EQ(r.totals.bookings, 1);
}

TEST_F(InsightsTest, WeeksStartOnMondayAndCountOnlyDaysInsideThePeriod) {
  // 2026-11-04 is a Wednesday; its week starts on Monday 2 November.
  bookings_.push_back(booking("p1", "2026-11-04T10:00:00-05:00", 30, BookingStatus::confirmed));
  bookings_.push_back(booking("p1", "2026-11-09T10:00:00-05:00", 30, BookingStatus::cancelled));
  bookings_.push_back(booking("p1", "2026-11-10T10:00:00-05:00", 30, BookingStatus::completed));
  auto r = run("2026-11-04", "2026-11-09");
  ASSERT_EQ(r.weeks.size(), 2u);
  EXPECT_EQ(r.weeks[0].week_start, day("2026-11-02"));
  EXPECT_EQ(r.weeks[0].counts.bookings, 1);
  EXPECT_EQ(r.weeks[1].week_start, day("2026-11-09"));
  EXPECT_EQ(r.weeks[1].counts.bookings, 1);
  EXPECT_EQ(r.weeks[1].counts.cancelled, 1);
}

TEST_F(InsightsTest, UtilisationIsBookedTimeOverTheProvidersOwnHoursNotCountingCancellations) {
  providers_.push_back(provider("p1", "America/New_York", {hours("09:00", "13:00")}));  // 4 h a day
  bookings_.push_back(booking("p1", "2026-11-02T09:00:00-05:00", 60, BookingStatus::completed));
  bookings_.push_back(booking("p1", "2026-11-03T09:00:00-05:00", 60, BookingStatus::confirmed));
  bookings_.push_back(booking("p1", "2026-11-03T11:00:00-05:00", 60, BookingStatus::cancelled));
  auto r = run("2026-11-02", "2026-11-03");
  ASSERT_EQ(r.providers.size(), 1u);
  EXPECT_EQ(r.providers[0].available_minutes, 2 * 4 * 60);
  EXPECT_EQ(r.providers[0].booked_minutes, 120);
  ASSERT_TRUE(r.providers[0].utilisation.has_value());
  EXPECT_DOUBLE_EQ(*r.providers[0].utilisation, 0.25);
}

TEST_F(InsightsTest, AvailableTimeFollowsTheWallClockAcrossTheFallBack) {
  // 1 November 2026 is 25 hours long in New York; hours 00:00-24:00 give 25 h that day.
  providers_.push_back(provider("p1", "America/New_York", {hours("00:00", "24:00")}));
  auto r = run("2026-11-01", "2026-11-01");
  EXPECT_EQ(r.providers[0].available_minutes, 25 * 60);
  ASSERT_TRUE(r.providers[0].utilisation.has_value());  // booked nothing: 0, not "none"
  EXPECT_EQ(*r.providers[0].utilisation, 0.0);
}

TEST_F(InsightsTest, ProviderWithoutHoursHasNoUtilisationRatherThanADivisionByZero) {
  providers_.push_back(provider("p1", "America/New_York", {}));
  auto r = run("2026-11-02", "2026-11-02");
  EXPECT_EQ(r.providers[0].available_minutes, 0);
  EXPECT_FALSE(r.providers[0].utilisation.has_value());
}

TEST_F(InsightsTest, LeadTimeMedianMeanAndBuckets) {
  // Booked 2 h, 2 days and 40 days ahead.
  bookings_.push_back(booking("p1", "2026-11-02T12:00:00Z", 30, BookingStatus::confirmed, "2026-11-02T10:00:00Z"));
  bookings_.push_back(booking("p1", "2026-11-03T12:00:00Z", 30, BookingStatus::cancelled, "2026-11-01T12:00:00Z"));
  bookings_.push_back(booking("p1", "2026-11-04T12:00:00Z", 30, BookingStatus::confirmed, "2026-09-25T12:00:00Z"));
  auto r = run("2026-11-02", "2026-11-04");
  EXPECT_EQ(r.lead_time.count, 3);
  EXPECT_EQ(r.lead_time.median_minutes, 2 * 24 * 60);
  EXPECT_EQ(r.lead_time.mean_minutes, (120 + 2 * 24 * 60 + 40 * 24 * 60) / 3);
  EXPECT_EQ(r.lead_time.buckets[static_cast<int>(LeadBucket::under_1_day)], 1);
  EXPECT_EQ(r.lead_time.buckets[static_cast<int>(LeadBucket::days_1_to_3)], 1);
  EXPECT_EQ(r.lead_time.buckets[static_cast<int>(LeadBucket::over_30_days)], 1);
}

TEST_F(InsightsTest, CancellationRateIsOverAllBookingsAndNoShowRateOverAppointmentsThatAreOver) {
  bookings_.push_back(booking("p1", "2026-11-02T09:00:00Z", 30, BookingStatus::cancelled));
  bookings_.push_back(booking("p1", "2026-11-02T10:00:00Z", 30, BookingStatus::no_show));
  bookings_.push_back(booking("p1", "2026-11-02T11:00:00Z", 30, BookingStatus::completed));
  bookings_.push_back(booking("p1", "2026-11-02T12:00:00Z", 30, BookingStatus::confirmed));  // over, unmarked
  bookings_.push_back(booking("p1", "2026-11-03T12:00:00Z", 30, BookingStatus::confirmed));  // still ahead
  auto r = run("2026-11-02", "2026-11-03", "2026-11-03T00:00:00Z");
  EXPECT_DOUBLE_EQ(*r.cancellation_rate, 1.0 / 5);
  EXPECT_EQ(r.past_appointments, 3);
  EXPECT_DOUBLE_EQ(*r.no_show_rate, 1.0 / 3);
}

TEST_F(InsightsTest, EmptyPeriodHasNoRatesInsteadOfZeroes) {
  auto r = run("2026-11-02", "2026-11-02");
  EXPECT_FALSE(r.cancellation_rate.has_value());
  EXPECT_FALSE(r.no_show_rate.has_value());
  EXPECT_FALSE(r.lead_time.median_minutes.has_value());
  EXPECT_FALSE(r.reminders.delivery_rate.has_value());
}

TEST_F(InsightsTest, ReminderRatesCountOnlyFinishedMessagesPerChannelAndInAll) {
  reminders_ = {{Channel::email, ReminderOutcome::sent, 3},    {Channel::email, ReminderOutcome::failed, 1},
                {Channel::sms, ReminderOutcome::delivered, 2}, {Channel::sms, ReminderOutcome::failed, 2},
                {Channel::sms, ReminderOutcome::pending, 5},   {Channel::email, ReminderOutcome::skipped, 4}};
  auto r = run("2026-11-02", "2026-11-02");
  EXPECT_DOUBLE_EQ(*r.email_reminders.delivery_rate, 0.75);
  EXPECT_DOUBLE_EQ(*r.sms_reminders.failure_rate, 0.5);
  EXPECT_DOUBLE_EQ(*r.reminders.delivery_rate, 5.0 / 8);
  EXPECT_DOUBLE_EQ(*r.reminders.failure_rate, 3.0 / 8);
  EXPECT_EQ(r.reminders.pending, 5);
  EXPECT_EQ(r.reminders.skipped, 4);
}

TEST(InsightPeriod, ReversedOrLongerThanAYearIsRefusedNamingTo) {
  auto reversed = check_insight_period({day("2026-11-02"), day("2026-11-01")});
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().fields.at(0).field, "to");
  EXPECT_TRUE(check_insight_period({day("2024-01-01"), day("2024-12-31")}).ok());  // 366 days
  auto longer = check_insight_period({day("2025-01-01"), day("2026-01-02")});
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.error().fields.at(0).field, "to");
}

}  // namespace
}  // namespace visitd::core
