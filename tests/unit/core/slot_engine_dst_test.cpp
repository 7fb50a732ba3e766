#include <gtest/gtest.h>

#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;
using testing::busy;
using testing::day;
using testing::hours;
using testing::local_starts;
using testing::provider;
using testing::rfc_starts;
using testing::service;
using testing::zone;
using Starts = std::vector<std::string>;

// Slots of one provider on one provider-local date.
std::vector<Slot> slots_on(const Provider& p, const Service& svc, std::string_view date,
                           std::vector<BusyBooking> busy_list = {}) {
  Zone z = zone(p.zone);
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&p, std::move(busy_list)});
  q.range = z.day_span(day(date));
  q.now = at("2026-01-01T00:00:00Z");
  return compute_slots(q);
}

Starts wall_starts(const Provider& p, const Service& svc, std::string_view date) {
  return local_starts(slots_on(p, svc, date), zone(p.zone));
}

// ---- America/New_York: 2026-03-08 02:00 -> 03:00, 2026-11-01 02:00 -> 01:00 ----------

TEST(SlotEngineDst, WeeklyHoursStayOnTheWallClockAcrossSpringForward) {
  Provider p = provider("p", "America/New_York", {hours("09:00", "17:00")});
  Service svc = service(30, 30);
  auto saturday = slots_on(p, svc, "2026-03-07");
  auto sunday = slots_on(p, svc, "2026-03-08");
  ASSERT_EQ(saturday.size(), 16u);
  ASSERT_EQ(sunday.size(), 16u);
  EXPECT_EQ(rfc_starts(saturday, zone(p.zone)).front(), "2026-03-07T09:00:00-05:00");
  EXPECT_EQ(rfc_starts(sunday, zone(p.zone)).front(), "2026-03-08T09:00:00-04:00");
  // Same wall time, so the UTC instant moves one hour earlier.
  EXPECT_EQ(saturday.front().time.begin, at("2026-03-07T14:00:00Z"));
  EXPECT_EQ(sunday.front().time.begin, at("2026-03-08T13:00:00Z"));
  EXPECT_EQ(local_starts(sunday, zone(p.zone)).back(), "16:30");
}

TEST(SlotEngineDst, SkipsNonexistentLocalTimeAtSpringForward) {
  Provider p = provider("p", "America/New_York", {hours("01:00", "04:00")});
  Service svc = service(30, 30);
  // 02:00-03:00 does not exist: three wall hours hold two real ones.
  EXPECT_EQ(wall_starts(p, svc, "2026-03-08"), (Starts{"01:00", "01:30", "03:00", "03:30"}));
  auto s = slots_on(p, svc, "2026-03-08");
  EXPECT_EQ(s[1].time.end, s[2].time.begin);  // 01:30 EST ends exactly when 03:00 EDT begins
}

TEST(SlotEngineDst, HoursStartingInTheGapOpenWhenTheGapEnds) {
  Provider p = provider("p", "America/New_York", {hours("02:30", "05:00")});
  Service svc = service(30, 30);
  EXPECT_EQ(wall_starts(p, svc, "2026-03-08"), (Starts{"03:00", "03:30", "04:00", "04:30"}));
  EXPECT_EQ(wall_starts(p, svc, "2026-03-07"), (Starts{"02:30", "03:00", "03:30", "04:00", "04:30"}));
}

TEST(SlotEngineDst, OffersAnAmbiguousWallTimeOnceAtFallBack) {
  Provider p = provider("p", "America/New_York", {hours("00:00", "03:00")});
  Service svc = service(30, 30);
  auto s = slots_on(p, svc, "2026-11-01");
  EXPECT_EQ(local_starts(s, zone(p.zone)), (Starts{"00:00", "00:30", "01:00", "01:30", "02:00", "02:30"}));
  // The offered 01:00 is the first occurrence (EDT).
  EXPECT_EQ(s[2].time.begin, at("2026-11-01T01:00:00-04:00"));
  EXPECT_EQ(s[4].time.begin, at("2026-11-01T02:00:00-05:00"));
}

TEST(SlotEngineDst, NeverOffersTheSecondOccurrenceEvenWhenTheFirstIsBooked) {
  Provider p = provider("p", "America/New_York", {hours("01:00", "02:00")});
  Service svc = service(30, 30);
  Interval first_one{at("2026-11-01T01:00:00-04:00"), at("2026-11-01T01:30:00-04:00")};
  auto s = slots_on(p, svc, "2026-11-01", {busy("svc", first_one, first_one)});
  // 01:00 is a wall-clock start at its first occurrence only (issue J, fault 12).
  EXPECT_EQ(rfc_starts(s, zone(p.zone)), (Starts{"2026-11-01T01:30:00-04:00"}));
}

// Issue J, fault 12: a range runs from the first occurrence of its opening to the first
// occurrence of its closing; a wall-clock start is offered once, at its first occurrence.
TEST(SlotEngineDst, FallBackClosingInTheRepeatedHourClosesAtItsFirstOccurrence) {
  Provider p = provider("p", "America/New_York", {hours("00:30", "01:30")});
  Service svc = service(30, 15);
  auto s = slots_on(p, svc, "2026-11-01");
  std::vector<Instant> starts;
  for (const auto& slot : s) starts.push_back(slot.time.begin);
  EXPECT_EQ(starts,
            (std::vector<Instant>{at("2026-11-01T04:30:00Z"), at("2026-11-01T04:45:00Z"), at("2026-11-01T05:00:00Z")}));
  // The booking path asks the same question: 01:15-01:45 EST is after closing.
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&p, {}});
  q.now = at("2026-10-01T00:00:00Z");
  EXPECT_TRUE(is_slot_free(q, "p", at("2026-11-01T05:00:00Z")));
  for (const char* after_closing : {"2026-11-01T05:15:00Z", "2026-11-01T05:30:00Z", "2026-11-01T05:45:00Z"})
    EXPECT_FALSE(is_slot_free(q, "p", at(after_closing))) << after_closing;
}

TEST(SlotEngineDst, FallBackOpeningInTheRepeatedHourNeverOffersEarlierWallTimes) {
  Provider p = provider("p", "America/New_York", {hours("01:30", "03:00")});
  Service svc = service(30, 15);
  auto s = slots_on(p, svc, "2026-11-01");
  // Not 06:00Z and 06:15Z (01:00 and 01:15 EST, before opening), nor 01:30 and 01:45 again.
  EXPECT_EQ(rfc_starts(s, zone(p.zone)),
            (Starts{"2026-11-01T01:30:00-04:00", "2026-11-01T01:45:00-04:00", "2026-11-01T02:00:00-05:00",
                    "2026-11-01T02:15:00-05:00", "2026-11-01T02:30:00-05:00"}));
  EXPECT_EQ(s[2].time.begin, at("2026-11-01T07:00:00Z"));
}

TEST(SlotEngineDst, FallBackRulesApplyToDateOverridesToo) {
  Provider p = provider("p", "Europe/London", {hours("09:00", "17:00")});
  p.overrides.push_back({"o", day("2026-10-25"), {hours("00:30", "01:30")}});
  Service svc = service(30, 15);
  // London repeats 01:00-02:00: the override closes at 01:30 BST (00:30Z).
  EXPECT_EQ(rfc_starts(slots_on(p, svc, "2026-10-25"), zone(p.zone)),
            (Starts{"2026-10-25T00:30:00+01:00", "2026-10-25T00:45:00+01:00", "2026-10-25T01:00:00+01:00"}));
}

TEST(SlotEngineDst, HalfHourFallBackClosesAtTheFirstOccurrence) {
  // Lord Howe repeats 01:30-02:00 on 2026-04-05.
  Provider p = provider("p", "Australia/Lord_Howe", {hours("01:00", "01:45")});
  Service svc = service(15, 15);
  EXPECT_EQ(rfc_starts(slots_on(p, svc, "2026-04-05"), zone(p.zone)),
            (Starts{"2026-04-05T01:00:00+11:00", "2026-04-05T01:15:00+11:00", "2026-04-05T01:30:00+11:00"}));
}

// Issue J, fault 13: the grid steps in wall-clock time, so a DST day shows the same
// wall-clock starts as any other day.
TEST(SlotEngineDst, GridStaysOnTheWallClockAcrossSpringForward) {
  Provider p = provider("p", "America/New_York", {hours("00:00", "06:00")});
  Service svc = service(45, 45);
  Starts usual{"00:00", "00:45", "01:30", "02:15", "03:00", "03:45", "04:30", "05:15"};
  EXPECT_EQ(wall_starts(p, svc, "2026-03-07"), usual);
  // 02:15 does not exist that day; the rest keep their wall times.
  EXPECT_EQ(wall_starts(p, svc, "2026-03-08"), (Starts{"00:00", "00:45", "01:30", "03:00", "03:45", "04:30", "05:15"}));
}

TEST(SlotEngineDst, GridStaysOnTheWallClockAcrossFallBack) {
  Provider p = provider("p", "America/New_York", {hours("00:00", "06:00")});
  Service svc = service(45, 45);
  auto s = slots_on(p, svc, "2026-11-01");
  EXPECT_EQ(local_starts(s, zone(p.zone)),
            (Starts{"00:00", "00:45", "01:30", "02:15", "03:00", "03:45", "04:30", "05:15"}));
  EXPECT_EQ(s[3].time.begin, at("2026-11-01T02:15:00-05:00"));
}

TEST(SlotEngineDst, DateOverrideGridStaysOnTheWallClockAcrossSpringForward) {
  Provider p = provider("p", "Europe/London", {hours("09:00", "17:00")});
  p.overrides.push_back({"o", day("2026-03-29"), {hours("00:00", "04:00")}});
  Service svc = service(40, 40);
  // London skips 01:00-02:00: 01:20 does not exist; 02:00, 02:40 and 03:20 keep the wall grid.
  EXPECT_EQ(wall_starts(p, svc, "2026-03-29"), (Starts{"00:00", "00:40", "02:00", "02:40", "03:20"}));
}

TEST(SlotEngineDst, AmbiguousStartIsOfferedOnceEvenWhenTheQueryBeginsInsideTheOverlap) {
  Provider p = provider("p", "America/New_York", {hours("00:00", "03:00")});
  Service svc = service(30, 30);
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&p, {}});
  // From 01:00 EST (the second pass) onwards.
  q.range = {at("2026-11-01T01:00:00-05:00"), at("2026-11-01T12:00:00-05:00")};
  q.now = at("2026-01-01T00:00:00Z");
  EXPECT_EQ(local_starts(compute_slots(q), zone(p.zone)), (Starts{"02:00", "02:30"}));
}

TEST(SlotEngineDst, WeeklyHoursStayOnTheWallClockAcrossFallBack) {
  Provider p = provider("p", "America/New_York", {hours("09:00", "17:00")});
  Service svc = service(60, 60);
  EXPECT_EQ(slots_on(p, svc, "2026-10-31").front().time.begin, at("2026-10-31T13:00:00Z"));
  EXPECT_EQ(slots_on(p, svc, "2026-11-01").front().time.begin, at("2026-11-01T14:00:00Z"));
  EXPECT_EQ(slots_on(p, svc, "2026-11-01").size(), 8u);
}

// ---- Europe/London: 2026-03-29 01:00 -> 02:00, 2026-10-25 02:00 -> 01:00 -------------

TEST(SlotEngineDst, LondonSpringForwardSkipsOneOClock) {
  Provider p = provider("p", "Europe/London", {hours("00:00", "03:00")});
  Service svc = service(30, 30);
  EXPECT_EQ(wall_starts(p, svc, "2026-03-29"), (Starts{"00:00", "00:30", "02:00", "02:30"}));
}

TEST(SlotEngineDst, LondonFallBackOffersOneOClockOnce) {
  Provider p = provider("p", "Europe/London", {hours("00:00", "03:00")});
  Service svc = service(30, 30);
  auto s = slots_on(p, svc, "2026-10-25");
  EXPECT_EQ(local_starts(s, zone(p.zone)), (Starts{"00:00", "00:30", "01:00", "01:30", "02:00", "02:30"}));
  EXPECT_EQ(format_rfc3339(s[2].time.begin, zone(p.zone)), "2026-10-25T01:00:00+01:00");
  EXPECT_EQ(format_rfc3339(s[4].time.begin, zone(p.zone)), "2026-10-25T02:00:00+00:00");
}

TEST(SlotEngineDst, LondonOfficeHoursShiftInUtcButNotOnTheWallClock) {
  Provider p = provider("p", "Europe/London", {hours("09:00", "17:00")});
  Service svc = service(30, 30);
  EXPECT_EQ(slots_on(p, svc, "2026-03-28").front().time.begin, at("2026-03-28T09:00:00Z"));
  EXPECT_EQ(slots_on(p, svc, "2026-03-29").front().time.begin, at("2026-03-29T08:00:00Z"));
  EXPECT_EQ(slots_on(p, svc, "2026-10-25").front().time.begin, at("2026-10-25T09:00:00Z"));
  EXPECT_EQ(wall_starts(p, svc, "2026-10-25").back(), "16:30");
}

// ---- Australia/Lord_Howe: half-hour shifts -----------------------------------------
// 2026-04-05 02:00 (+11) -> 01:30 (+10:30); 2026-10-04 02:00 (+10:30) -> 02:30 (+11).

TEST(SlotEngineDst, LordHoweHalfHourFallBackOffersHalfPastOneOnce) {
  Provider p = provider("p", "Australia/Lord_Howe", {hours("00:00", "03:00")});
  Service svc = service(30, 30);
  auto s = slots_on(p, svc, "2026-04-05");
  EXPECT_EQ(local_starts(s, zone(p.zone)), (Starts{"00:00", "00:30", "01:00", "01:30", "02:00", "02:30"}));
  EXPECT_EQ(format_rfc3339(s[3].time.begin, zone(p.zone)), "2026-04-05T01:30:00+11:00");
  EXPECT_EQ(format_rfc3339(s[4].time.begin, zone(p.zone)), "2026-04-05T02:00:00+10:30");
}

TEST(SlotEngineDst, LordHoweQuarterHourGridSeesTwoRepeatedStarts) {
  Provider p = provider("p", "Australia/Lord_Howe", {hours("01:00", "02:30")});
  Service svc = service(15, 15);
  // Two real hours hold 01:00..02:15 with 01:30 and 01:45 each once.
  EXPECT_EQ(wall_starts(p, svc, "2026-04-05"), (Starts{"01:00", "01:15", "01:30", "01:45", "02:00", "02:15"}));
}

TEST(SlotEngineDst, LordHoweHalfHourSpringForwardSkipsTwoOClock) {
  Provider p = provider("p", "Australia/Lord_Howe", {hours("01:00", "04:00")});
  Service svc = service(30, 30);
  EXPECT_EQ(wall_starts(p, svc, "2026-10-04"), (Starts{"01:00", "01:30", "02:30", "03:00", "03:30"}));
  Provider late = provider("p", "Australia/Lord_Howe", {hours("02:15", "04:00")});
  EXPECT_EQ(wall_starts(late, svc, "2026-10-04"), (Starts{"02:30", "03:00", "03:30"}));
}

TEST(SlotEngineDst, LordHoweOfficeHoursMoveHalfAnHourInUtc) {
  Provider p = provider("p", "Australia/Lord_Howe", {hours("09:00", "17:00")});
  Service svc = service(30, 30);
  EXPECT_EQ(slots_on(p, svc, "2026-04-04").front().time.begin, at("2026-04-03T22:00:00Z"));
  EXPECT_EQ(slots_on(p, svc, "2026-04-05").front().time.begin, at("2026-04-04T22:30:00Z"));
}

// ---- Asia/Kolkata: +05:30 all year ----------------------------------------------------

TEST(SlotEngineDst, KolkataHalfHourOffsetHoldsAllYear) {
  Provider p = provider("p", "Asia/Kolkata", {hours("09:00", "17:00")});
  Service svc = service(30, 30);
  for (const char* date : {"2026-01-15", "2026-03-29", "2026-07-01", "2026-10-25", "2026-11-01"}) {
    auto s = slots_on(p, svc, date);
    ASSERT_EQ(s.size(), 16u) << date;
    EXPECT_EQ(format_rfc3339(s.front().time.begin, zone(p.zone)), std::string(date) + "T09:00:00+05:30");
    EXPECT_EQ(s.front().time.begin, at(std::string(date) + "T03:30:00Z"));
  }
}

// ---- America/Santiago: changes at midnight --------------------------------------------
// 2026-09-06 00:00 (-04) -> 01:00 (-03): midnight does not exist.
// 2026-04-05 00:00 (-03) -> 2026-04-04 23:00 (-04): 23:00-24:00 on the 4th repeats.

TEST(SlotEngineDst, SantiagoDayWithoutMidnightOpensAtOne) {
  Provider p = provider("p", "America/Santiago", {hours("00:00", "02:00")});
  Service svc = service(30, 30);
  auto s = slots_on(p, svc, "2026-09-06");
  EXPECT_EQ(rfc_starts(s, zone(p.zone)), (Starts{"2026-09-06T01:00:00-03:00", "2026-09-06T01:30:00-03:00"}));
}

TEST(SlotEngineDst, SantiagoHoursUntilMidnightEndWhereTheGapBegins) {
  Provider p = provider("p", "America/Santiago", {});
  p.weekly[5] = {hours("22:00", "24:00")};  // Saturday 2026-09-05
  p.weekly[6] = {hours("00:00", "02:00")};  // Sunday 2026-09-06
  Service svc = service(30, 30);
  Zone z = zone(p.zone);
  SlotQuery q;
  q.service = &svc;
  q.providers.push_back({&p, {}});
  q.range = {z.day_span(day("2026-09-05")).begin, z.day_span(day("2026-09-06")).end};
  q.now = at("2026-01-01T00:00:00Z");
  auto s = compute_slots(q);
  EXPECT_EQ(rfc_starts(s, z),
            (Starts{"2026-09-05T22:00:00-04:00", "2026-09-05T22:30:00-04:00", "2026-09-05T23:00:00-04:00",
                    "2026-09-05T23:30:00-04:00", "2026-09-06T01:00:00-03:00", "2026-09-06T01:30:00-03:00"}));
}

TEST(SlotEngineDst, SantiagoRepeatedLastHourBeforeMidnightIsOfferedOnce) {
  Provider p = provider("p", "America/Santiago", {hours("22:00", "24:00")});
  Service svc = service(30, 30);
  auto s = slots_on(p, svc, "2026-04-04");
  EXPECT_EQ(rfc_starts(s, zone(p.zone)), (Starts{"2026-04-04T22:00:00-03:00", "2026-04-04T22:30:00-03:00",
                                                 "2026-04-04T23:00:00-03:00", "2026-04-04T23:30:00-03:00"}));
}

// ---- display zones --------------------------------------------------------------------

TEST(SlotEngineDst, DisplayZoneRegroupsDaysButNeverChangesInstants) {
  Provider p = provider("p", "America/New_York", {hours("09:00", "17:00")});
  Service svc = service(60, 60);
  auto s = slots_on(p, svc, "2026-06-01");  // 13:00Z .. 20:00Z
  ASSERT_EQ(s.size(), 8u);

  auto kolkata = group_by_local_date(s, zone("Asia/Kolkata"));
  auto la = group_by_local_date(s, zone("America/Los_Angeles"));
  // 18:30Z is midnight in Kolkata: 13:00..18:00Z on the 1st, 19:00Z and 20:00Z on the 2nd.
  ASSERT_EQ(kolkata.size(), 2u);
  EXPECT_EQ(kolkata["2026-06-01"].size(), 6u);
  EXPECT_EQ(kolkata["2026-06-02"].size(), 2u);
  ASSERT_EQ(la.size(), 1u);
  EXPECT_EQ(la["2026-06-01"].size(), 8u);

  auto flatten = [](const std::map<std::string, std::vector<Slot>>& days) {
    std::vector<Slot> out;
    for (const auto& [date, list] : days) out.insert(out.end(), list.begin(), list.end());
    return out;
  };
  EXPECT_EQ(flatten(kolkata), s);
  EXPECT_EQ(flatten(la), s);
  EXPECT_EQ(format_rfc3339(kolkata["2026-06-02"].front().time.begin, zone("Asia/Kolkata")),
            "2026-06-02T00:30:00+05:30");
  EXPECT_EQ(format_rfc3339(la["2026-06-01"].front().time.begin, zone("America/Los_Angeles")),
            "2026-06-01T06:00:00-07:00");
}

}  // namespace
}  // namespace visitd::core
