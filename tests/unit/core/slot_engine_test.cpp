#include <gtest/gtest.h>

#include "core/booking_policy.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;
using testing::busy;
using testing::day;
using testing::hours;
using testing::local_starts;
using testing::provider;
using testing::service;
using testing::zone;
using Starts = std::vector<std::string>;

// A provider in UTC, open 09:00-12:00 every day; queries look at Monday 2026-06-01.
class SlotEngineBasics : public ::testing::Test {
 protected:
  Provider prov = provider("p1", "UTC", {hours("09:00", "12:00")});
  Service svc = service(30, 30);
  Zone utc = zone("UTC");

  std::vector<Slot> slots(std::vector<BusyBooking> busy_list = {}, Interval range = {},
                          Instant now = at("2026-05-01T00:00:00Z")) {
    if (range.empty()) range = {at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")};
    SlotQuery q;
    q.service = &svc;
    q.providers.push_back({&prov, std::move(busy_list)});
    q.range = range;
    q.now = now;
    return compute_slots(q);
  }
  Starts starts(std::vector<BusyBooking> busy_list = {}, Interval range = {},
                Instant now = at("2026-05-01T00:00:00Z")) {
    return local_starts(slots(std::move(busy_list), range, now), utc);
  }
};

TEST_F(SlotEngineBasics, CutsHoursByDurationOnTheIntervalGrid) {
  EXPECT_EQ(starts(), (Starts{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30"}));
  auto s = slots();
  EXPECT_EQ(s.front().time, (Interval{at("2026-06-01T09:00:00Z"), at("2026-06-01T09:30:00Z")}));
  EXPECT_EQ(s.front().provider_ids, (std::vector<Id>{"p1"}));
}

TEST_F(SlotEngineBasics, LongerDurationThanIntervalNeverRunsPastClosing) {
  svc = service(45, 30);
  EXPECT_EQ(starts(), (Starts{"09:00", "09:30", "10:00", "10:30", "11:00"}));
  svc = service(60, 15);
  EXPECT_EQ(starts().size(), 9u);  // 09:00 .. 11:00
  EXPECT_EQ(starts().back(), "11:00");
}

TEST_F(SlotEngineBasics, SeveralRangesPerDayEachAnchorTheirOwnGrid) {
  for (auto& d : prov.weekly) d = {hours("09:00", "10:00"), hours("13:15", "14:15")};
  EXPECT_EQ(starts(), (Starts{"09:00", "09:30", "13:15", "13:45"}));
}

TEST_F(SlotEngineBasics, ExistingBookingsBlockTheirPaddedTime) {
  // Another booking 10:00-10:30 whose own buffers pad it to 09:50-10:40.
  auto b = busy("other", {at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z")},
                {at("2026-06-01T09:50:00Z"), at("2026-06-01T10:40:00Z")});
  // The grid stays anchored at 09:00, so 10:40 is not a start.
  EXPECT_EQ(starts({b}), (Starts{"09:00", "11:00", "11:30"}));
}

TEST_F(SlotEngineBasics, NewServiceBuffersKeepClearOfExistingBookings) {
  svc = service(30, 15);
  svc.buffer_before_minutes = 15;
  svc.buffer_after_minutes = 15;
  auto b = busy("other", {at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z")},
                {at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z")});
  // A slot's padded block [s-15, s+45) must miss 10:00-10:30.
  EXPECT_EQ(starts({b}), (Starts{"09:00", "09:15", "10:45", "11:00", "11:15", "11:30"}));
}

TEST_F(SlotEngineBasics, BookingsOfOtherServicesBlockToo) {
  auto b = busy("another-service", {at("2026-06-01T09:00:00Z"), at("2026-06-01T11:00:00Z")},
                {at("2026-06-01T09:00:00Z"), at("2026-06-01T11:00:00Z")});
  EXPECT_EQ(starts({b}), (Starts{"11:00", "11:30"}));
}

TEST_F(SlotEngineBasics, ToleratesUnsortedBusyListsWithFarAwayBookings) {
  Interval ten{at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z")};
  Interval far_past{at("2020-01-01T10:00:00Z"), at("2020-01-01T11:00:00Z")};
  Interval far_future{at("2030-06-01T10:00:00Z"), at("2030-06-01T11:00:00Z")};
  std::vector<BusyBooking> list = {busy("svc", far_future, far_future, "a"), busy("svc", ten, ten, "b"),
                                   busy("svc", far_past, far_past, "c")};
  EXPECT_EQ(starts(list), (Starts{"09:00", "09:30", "10:30", "11:00", "11:30"}));
}

TEST_F(SlotEngineBasics, TimeOffRemovesAvailabilityAndRestartsTheGrid) {
  prov.time_off.push_back({"off", {at("2026-06-01T09:40:00Z"), at("2026-06-01T10:10:00Z")}, "dentist"});
  // The afternoon part of availability starts at 10:10 and anchors its own grid.
  EXPECT_EQ(starts(), (Starts{"09:00", "10:10", "10:40", "11:10"}));
}

TEST_F(SlotEngineBasics, TimeOffDefinedInAnotherZoneRemovesTheSameInstants) {
  // A holiday entered as 11:00-14:00 in Kolkata is 05:30-08:30 UTC: before these hours.
  prov.time_off.push_back({"off", {at("2026-06-01T11:00:00+05:30"), at("2026-06-01T14:00:00+05:30")}, ""});
  EXPECT_EQ(starts().size(), 6u);
  // 15:00-16:00 in Kolkata is 09:30-10:30 UTC.
  prov.time_off.push_back({"off2", {at("2026-06-01T15:00:00+05:30"), at("2026-06-01T16:00:00+05:30")}, ""});
  EXPECT_EQ(starts(), (Starts{"09:00", "10:30", "11:00", "11:30"}));
}

TEST_F(SlotEngineBasics, ClosedOverrideRemovesOnlyThatDate) {
  prov.overrides.push_back({"o1", day("2026-06-01"), {}});
  Interval two_days{at("2026-06-01T00:00:00Z"), at("2026-06-03T00:00:00Z")};
  auto s = slots({}, two_days);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s.front().time.begin, at("2026-06-02T09:00:00Z"));
}

TEST_F(SlotEngineBasics, OverrideReplacesTheWeeklyRanges) {
  prov.overrides.push_back({"o1", day("2026-06-01"), {hours("13:00", "14:00")}});
  EXPECT_EQ(starts(), (Starts{"13:00", "13:30"}));
}

TEST_F(SlotEngineBasics, MinimumNoticeHidesStartsTooSoon) {
  svc.min_notice_minutes = 60;
  EXPECT_EQ(starts({}, {}, at("2026-06-01T09:10:00Z")), (Starts{"10:30", "11:00", "11:30"}));
  // Exactly at the notice boundary the start is still offered.
  EXPECT_EQ(starts({}, {}, at("2026-06-01T09:30:00Z")), (Starts{"10:30", "11:00", "11:30"}));
}

TEST_F(SlotEngineBasics, StartsInThePastAreNeverOffered) {
  EXPECT_EQ(starts({}, {}, at("2026-06-01T10:45:00Z")), (Starts{"11:00", "11:30"}));
}

TEST_F(SlotEngineBasics, BookingWindowEndsTheOffer) {
  svc.booking_window_days = 2;
  Interval two_days{at("2026-06-01T00:00:00Z"), at("2026-06-03T00:00:00Z")};
  EXPECT_EQ(starts({}, two_days, at("2026-05-30T10:00:00Z")), (Starts{"09:00", "09:30"}));
}

TEST_F(SlotEngineBasics, QueryRangeLimitsStartsButNotTheGrid) {
  Interval from_1015{at("2026-06-01T10:15:00Z"), at("2026-06-01T11:01:00Z")};
  EXPECT_EQ(starts({}, from_1015), (Starts{"10:30", "11:00"}));
}

TEST_F(SlotEngineBasics, DailyLimitCountsOnlyThisServicesBookings) {
  svc.max_per_day = 2;
  Interval two_days{at("2026-06-01T00:00:00Z"), at("2026-06-03T00:00:00Z")};
  Interval nine{at("2026-06-01T09:00:00Z"), at("2026-06-01T09:30:00Z")};
  Interval eleven{at("2026-06-01T11:30:00Z"), at("2026-06-01T12:00:00Z")};
  // Two bookings of another service: the day stays open around them.
  auto other = slots({busy("other", nine, nine, "a"), busy("other", eleven, eleven, "b")}, two_days);
  EXPECT_EQ(other.size(), 4u + 6u);
  // One booking of this service: still open.
  EXPECT_EQ(slots({busy("svc", nine, nine, "a")}, two_days).size(), 5u + 6u);
  // Two of this service: the whole day closes, the next day is untouched.
  auto full = slots({busy("svc", nine, nine, "a"), busy("svc", eleven, eleven, "b")}, two_days);
  ASSERT_EQ(full.size(), 6u);
  EXPECT_EQ(full.front().time.begin, at("2026-06-02T09:00:00Z"));
}

TEST_F(SlotEngineBasics, DailyLimitCountsBookingsOutsideTheQueriedPartOfTheDay) {
  svc.max_per_day = 1;
  Interval eleven{at("2026-06-01T11:30:00Z"), at("2026-06-01T12:00:00Z")};
  Interval morning{at("2026-06-01T09:00:00Z"), at("2026-06-01T10:00:00Z")};
  EXPECT_TRUE(slots({busy("svc", eleven, eleven)}, morning).empty());
}

TEST_F(SlotEngineBasics, ExcludedBookingNeitherBlocksNorCounts) {
  svc.max_per_day = 1;
  Interval ten{at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z")};
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&prov, {busy("svc", ten, ten, "moving")}});
  q.range = {at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")};
  q.now = at("2026-05-01T00:00:00Z");
  EXPECT_TRUE(compute_slots(q).empty());
  q.exclude_booking = "moving";
  EXPECT_EQ(local_starts(compute_slots(q), utc).size(), 6u);
  EXPECT_TRUE(is_slot_free(q, "p1", at("2026-06-01T10:00:00Z")));
}

TEST_F(SlotEngineBasics, HoursEndingAtMidnightRunIntoTheNextDayButEachRangeKeepsItsGrid) {
  svc = service(45, 45);
  for (auto& d : prov.weekly) d = {hours("00:00", "02:00"), hours("22:00", "24:00")};
  Interval night{at("2026-06-01T21:00:00Z"), at("2026-06-02T03:00:00Z")};
  // 23:30 runs on past midnight into the next range; that range's grid starts at 00:00.
  EXPECT_EQ(starts({}, night), (Starts{"22:00", "22:45", "23:30", "00:00", "00:45"}));
}

// Issue J, fault 13: touching ranges are not one range; each anchors its own grid.
TEST_F(SlotEngineBasics, TouchingRangesEachAnchorTheirOwnGrid) {
  svc = service(45, 45);
  for (auto& d : prov.weekly) d = {hours("00:00", "04:00"), hours("23:00", "24:00")};
  Interval night{at("2026-06-01T22:00:00Z"), at("2026-06-02T05:00:00Z")};
  EXPECT_EQ(starts({}, night), (Starts{"23:00", "23:45", "00:00", "00:45", "01:30", "02:15", "03:00"}));
  // Within one day too, and for a date override.
  for (auto& d : prov.weekly) d = {hours("09:00", "10:00"), hours("10:00", "12:00")};
  EXPECT_EQ(starts(), (Starts{"09:00", "09:45", "10:00", "10:45"}));
  prov.overrides.push_back({"o1", day("2026-06-01"), {hours("13:00", "13:30"), hours("13:30", "15:00")}});
  EXPECT_EQ(starts(), (Starts{"13:00", "13:30", "14:15"}));
}

TEST_F(SlotEngineBasics, IsSlotFreeFollowsTheSameRules) {
  Interval ten{at("2026-06-01T10:00:00Z"), at("2026-06-01T10:30:00Z")};
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&prov, {busy("svc", ten, ten)}});
  q.now = at("2026-06-01T09:20:00Z");
  EXPECT_TRUE(is_slot_free(q, "p1", at("2026-06-01T09:30:00Z")));
  EXPECT_FALSE(is_slot_free(q, "p1", at("2026-06-01T09:00:00Z")));  // already past
  EXPECT_FALSE(is_slot_free(q, "p1", at("2026-06-01T10:00:00Z")));  // booked
  EXPECT_FALSE(is_slot_free(q, "p1", at("2026-06-01T10:15:00Z")));  // off the grid
  EXPECT_FALSE(is_slot_free(q, "p1", at("2026-06-01T12:00:00Z")));  // closed
  EXPECT_FALSE(is_slot_free(q, "nobody", at("2026-06-01T11:00:00Z")));
}

TEST_F(SlotEngineBasics, ProviderAvailabilityIsClippedToTheRange) {
  auto a = provider_availability(prov, {at("2026-06-01T10:00:00Z"), at("2026-06-02T10:00:00Z")});
  EXPECT_EQ(a.parts(), (std::vector<Interval>{{at("2026-06-01T10:00:00Z"), at("2026-06-01T12:00:00Z")},
                                              {at("2026-06-02T09:00:00Z"), at("2026-06-02T10:00:00Z")}}));
}

TEST(SlotEngine, AnyProviderMergesEqualSlotsAndListsWhoIsFree) {
  Provider b = provider("p-b", "UTC", {hours("10:00", "11:00")});
  Provider a = provider("p-a", "UTC", {hours("09:00", "12:00")});
  Service svc = service(30, 30);
  Interval ten{at("2026-06-01T10:30:00Z"), at("2026-06-01T11:00:00Z")};
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&b, {}});
  q.providers.push_back({&a, {busy("svc", ten, ten)}});
  q.range = {at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")};
  q.now = at("2026-05-01T00:00:00Z");
  auto s = compute_slots(q);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].provider_ids, (std::vector<Id>{"p-a"}));         // 09:00
  EXPECT_EQ(s[2].provider_ids, (std::vector<Id>{"p-a", "p-b"}));  // 10:00, sorted
  EXPECT_EQ(s[3].provider_ids, (std::vector<Id>{"p-b"}));         // 10:30, p-a booked
  EXPECT_EQ(s[2].time.begin, at("2026-06-01T10:00:00Z"));
  for (std::size_t i = 1; i < s.size(); ++i) EXPECT_LT(s[i - 1].time.begin, s[i].time.begin);
}

TEST(SlotEngine, ProvidersInDifferentZonesKeepTheirOwnWallClocks) {
  Provider london = provider("p-london", "Europe/London", {hours("09:00", "10:00")});
  Provider kolkata = provider("p-kolkata", "Asia/Kolkata", {hours("13:30", "15:00")});
  Service svc = service(30, 30);
  SlotQuery q;
  q.service = &svc;
  q.providers = {{&london, {}}, {&kolkata, {}}};
  q.range = {at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")};
  q.now = at("2026-05-01T00:00:00Z");
  auto s = compute_slots(q);
  // Kolkata 13:30-15:00 = 08:00-09:30 UTC; London 09:00-10:00 BST = 08:00-09:00 UTC.
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].provider_ids, (std::vector<Id>{"p-kolkata", "p-london"}));
  EXPECT_EQ(s[1].provider_ids, (std::vector<Id>{"p-kolkata", "p-london"}));
  EXPECT_EQ(s[2].provider_ids, (std::vector<Id>{"p-kolkata"}));
}

TEST(SlotEngine, UnknownZoneOrMissingServiceGivesNoSlots) {
  Provider p = provider("p", "Mars/Base", {hours("09:00", "17:00")});
  Service svc = service(30, 30);
  SlotQuery q;
  q.providers.push_back({&p, {}});
  q.range = {at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")};
  q.now = at("2026-05-01T00:00:00Z");
  EXPECT_TRUE(compute_slots(q).empty());
  q.service = &svc;
  EXPECT_TRUE(compute_slots(q).empty());
}

TEST(SlotEngine, NearestSlotsPicksByDistanceAndReturnsThemSorted) {
  std::vector<Slot> all;
  for (int h = 9; h < 17; ++h) {
    Instant s = at("2026-06-01T00:00:00Z") + std::chrono::hours{h};
    all.push_back({{s, s + std::chrono::minutes{30}}, {"p"}});
  }
  auto near = nearest_slots(all, at("2026-06-01T12:10:00Z"), 3);
  ASSERT_EQ(near.size(), 3u);
  EXPECT_EQ(near[0].time.begin, at("2026-06-01T11:00:00Z"));
  EXPECT_EQ(near[1].time.begin, at("2026-06-01T12:00:00Z"));
  EXPECT_EQ(near[2].time.begin, at("2026-06-01T13:00:00Z"));
  EXPECT_EQ(nearest_slots(all, at("2026-06-01T12:00:00Z"), 100).size(), all.size());
  EXPECT_TRUE(nearest_slots(all, at("2026-06-01T12:00:00Z"), 0).empty());
}

}  // namespace
}  // namespace visitd::core
