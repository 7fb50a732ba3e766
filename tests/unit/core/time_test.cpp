#include <gtest/gtest.h>

#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;
using testing::day;
using testing::zone;

TEST(Rfc3339, ParsesOffsetsAndUtc) {
  EXPECT_EQ(parse_rfc3339("2026-03-08T09:00:00-04:00"), parse_rfc3339("2026-03-08T13:00:00Z"));
  EXPECT_EQ(parse_rfc3339("2026-06-01T09:00:00+05:30"), parse_rfc3339("2026-06-01T03:30:00Z"));
  EXPECT_EQ(parse_rfc3339("2026-06-01t03:30:00z"), parse_rfc3339("2026-06-01T03:30:00Z"));
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z")->time_since_epoch().count(), 0);
}

TEST(Rfc3339, TruncatesFractionsToSeconds) {
  EXPECT_EQ(parse_rfc3339("2026-06-01T10:00:05.999Z"), parse_rfc3339("2026-06-01T10:00:05Z"));
  EXPECT_EQ(parse_rfc3339("2026-06-01T10:00:05.123456789+01:00"), parse_rfc3339("2026-06-01T09:00:05Z"));
}

TEST(Rfc3339, RejectsTimesWithoutOffset) {
  EXPECT_FALSE(parse_rfc3339("2026-03-08T09:00:00"));
  EXPECT_FALSE(parse_rfc3339("2026-03-08T09:00:00.5"));
  EXPECT_FALSE(parse_rfc3339("2026-03-08"));
}

TEST(Rfc3339, RejectsImpossibleDatesAndTimes) {
  for (const char* bad :
       {"2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z",
        "2026-01-00T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:60Z",
        "2026-01-01T10:00:00+24:00", "2026-01-01T10:00:00+05:60"})
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  EXPECT_TRUE(parse_rfc3339("2028-02-29T10:00:00Z"));  // a real leap day
}

TEST(Rfc3339, RejectsSloppySyntax) {
  for (const char* bad :
       {"", "2026-03-08 09:00:00Z", "2026-3-08T09:00:00Z", "2026-03-08T9:00:00Z", "2026-03-08T09:00Z",
        "2026-03-08T09:00:00+0530", "2026-03-08T09:00:00+05", "2026-03-08T09:00:00.Z", "2026-03-08T09:00:00ZZ",
        "2026-03-08T09:00:00Z ", " 2026-03-08T09:00:00Z", "2026-03-08T09:00:00UTC", "+2026-03-08T09:00:00Z",
        "2026-03-08T09:00:00.1234567890Z", "2026-03-08T09:00:00-04:00junk"})
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
}

TEST(Rfc3339, FormatsWithTheZonesOffset) {
  Instant winter = at("2026-01-15T12:00:00Z");
  Instant summer = at("2026-07-15T12:00:00Z");
  EXPECT_EQ(format_rfc3339(winter, zone("Europe/London")), "2026-01-15T12:00:00+00:00");
  EXPECT_EQ(format_rfc3339(summer, zone("Europe/London")), "2026-07-15T13:00:00+01:00");
  EXPECT_EQ(format_rfc3339(winter, zone("America/New_York")), "2026-01-15T07:00:00-05:00");
  EXPECT_EQ(format_rfc3339(winter, zone("Asia/Kolkata")), "2026-01-15T17:30:00+05:30");
  EXPECT_EQ(format_rfc3339(winter, zone("UTC")), "2026-01-15T12:00:00Z");
  EXPECT_EQ(format_rfc3339_utc(summer), "2026-07-15T12:00:00Z");
}

TEST(Rfc3339, FormattedTextParsesBackToTheSameInstant) {
  Instant t = at("2026-10-25T01:30:00Z");  // inside London's repeated hour
  for (const char* name : {"Europe/London", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "UTC"})
    EXPECT_EQ(parse_rfc3339(format_rfc3339(t, zone(name))), t) << name;
}

// Found by fuzz/rfc3339: a far offset moved the instant into the year 10000, which came back
// as "10000-01-01T23:58:59Z" (not RFC 3339) and did not parse again.
TEST(Rfc3339, RefusesInstantsNoZoneCanWriteWithFourDigitYears) {
  for (const char* bad :
       {"9999-12-31T23:59:59-23:59", "9999-12-31T00:00:00Z", "0000-01-01T00:00:00+01:00", "0000-01-01T23:59:59Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
  for (const char* edge : {"9999-12-30T23:59:59Z", "0000-01-02T00:00:00Z"}) {
    auto t = parse_rfc3339(edge);
    ASSERT_TRUE(t) << edge;
    // Fixed offsets: in year 0 most zones are on LMT, whose seconds RFC 3339 offsets drop.
    for (const char* name : {"Etc/GMT-14", "Etc/GMT+12", "UTC"}) {
      EXPECT_EQ(parse_rfc3339(format_rfc3339(*t, zone(name))), t) << edge << " in " << name;
    }
  }
}

TEST(Dates, ParsesStrictCalendarDates) {
  EXPECT_EQ(format_date(*parse_date("2026-03-08")), "2026-03-08");
  for (const char* bad : {"2026-02-29", "2026-3-08", "2026-03-8", "2026/03/08", "2026-03-08T", "", "20260308"})
    EXPECT_FALSE(parse_date(bad)) << bad;
}

TEST(Dates, ParsesTimesOfDayUpToMidnightEnd) {
  EXPECT_EQ(parse_time_of_day("00:00"), 0);
  EXPECT_EQ(parse_time_of_day("09:30"), 570);
  EXPECT_EQ(parse_time_of_day("24:00"), 1440);
  for (const char* bad : {"24:01", "25:00", "9:00", "09:60", "09:00:00", "0900", ""})
    EXPECT_FALSE(parse_time_of_day(bad)) << bad;
  EXPECT_EQ(format_time_of_day(1440), "24:00");
  EXPECT_EQ(format_time_of_day(570), "09:30");
}

TEST(Dates, KnowsIsoWeekdaysAndAddsDays) {
  EXPECT_EQ(iso_weekday(day("2026-03-09")), 1);  // Monday
  EXPECT_EQ(iso_weekday(day("2026-03-08")), 7);  // Sunday
  EXPECT_EQ(add_days(day("2026-02-28"), 1), day("2026-03-01"));
  EXPECT_EQ(add_days(day("2026-01-01"), -1), day("2025-12-31"));
}

TEST(Zone, FindsIanaZonesAndRejectsOthers) {
  EXPECT_TRUE(Zone::find("Europe/London"));
  EXPECT_TRUE(Zone::find("Australia/Lord_Howe"));
  for (const char* bad : {"", "Mars/Olympus_Mons", "europe/london", "../../etc/passwd", "/etc/passwd", "Europe/"})
    EXPECT_FALSE(Zone::find(bad)) << bad;
  EXPECT_FALSE(Zone::find(std::string(65, 'A')));
}

TEST(Zone, ResolvesUniqueWallTimes) {
  EXPECT_EQ(zone("Asia/Kolkata").resolve(day("2026-06-01"), 9 * 60), at("2026-06-01T03:30:00Z"));
  EXPECT_EQ(zone("America/New_York").resolve(day("2026-06-01"), 9 * 60), at("2026-06-01T13:00:00Z"));
}

TEST(Zone, MapsANonexistentWallTimeToTheEndOfTheGap) {
  // New York jumps from 02:00 EST to 03:00 EDT on 2026-03-08.
  Zone ny = zone("America/New_York");
  Instant gap_end = at("2026-03-08T03:00:00-04:00");
  EXPECT_EQ(ny.resolve(day("2026-03-08"), 2 * 60 + 30), gap_end);
  EXPECT_EQ(ny.resolve(day("2026-03-08"), 2 * 60 + 30, false), gap_end);
  EXPECT_EQ(ny.resolve(day("2026-03-08"), 2 * 60), gap_end);
}

TEST(Zone, ChoosesEitherOccurrenceOfAnAmbiguousWallTime) {
  // New York repeats 01:00..02:00 on 2026-11-01.
  Zone ny = zone("America/New_York");
  EXPECT_EQ(ny.resolve(day("2026-11-01"), 90, true), at("2026-11-01T01:30:00-04:00"));
  EXPECT_EQ(ny.resolve(day("2026-11-01"), 90, false), at("2026-11-01T01:30:00-05:00"));
}

TEST(Zone, DaySpansShrinkAndGrowOnTransitionDays) {
  Zone london = zone("Europe/London");
  auto hours = [](Interval i) {
    return std::chrono::duration_cast<std::chrono::minutes>(i.end - i.begin).count() / 60.0;
  };
  EXPECT_EQ(hours(london.day_span(day("2026-03-29"))), 23);
  EXPECT_EQ(hours(london.day_span(day("2026-10-25"))), 25);
  EXPECT_EQ(hours(london.day_span(day("2026-06-01"))), 24);
  EXPECT_EQ(hours(zone("Australia/Lord_Howe").day_span(day("2026-04-05"))), 24.5);
  // Santiago's 2026-09-06 starts at 01:00: midnight does not exist.
  Interval santiago = zone("America/Santiago").day_span(day("2026-09-06"));
  EXPECT_EQ(santiago.begin, at("2026-09-06T01:00:00-03:00"));
  EXPECT_EQ(hours(santiago), 23);
}

TEST(Zone, ReportsLocalDateAndMinute) {
  Zone kolkata = zone("Asia/Kolkata");
  Instant t = at("2026-06-01T20:00:00Z");
  EXPECT_EQ(kolkata.local_date(t), day("2026-06-02"));
  EXPECT_EQ(kolkata.local_minute(t), 90);  // 01:30
  EXPECT_EQ(kolkata.offset_at(t), std::chrono::minutes(330));
  Zone la = zone("America/Los_Angeles");
  EXPECT_EQ(la.local_date(t), day("2026-06-01"));
  EXPECT_EQ(la.local_minute(t), 13 * 60);
}

TEST(WallTimeline, FindsTheFirstOccurrenceOfARepeatedReading) {
  // New York repeats 01:00..02:00 on 2026-11-01.
  Zone ny = zone("America/New_York");
  WallTimeline wall(ny, ny.day_span(day("2026-11-01")));
  const WallSeconds one_thirty = wall_seconds(day("2026-11-01"), 90);
  EXPECT_EQ(wall.first_occurrence(one_thirty), at("2026-11-01T01:30:00-04:00"));
  EXPECT_EQ(wall.first_reaching(one_thirty), at("2026-11-01T01:30:00-04:00"));
  EXPECT_EQ(wall.wall(at("2026-11-01T01:30:00-05:00")), one_thirty);
  // 02:00 is shown once, after the repeat: an hour later than a plain offset would say.
  EXPECT_EQ(wall.first_reaching(wall_seconds(day("2026-11-01"), 120)), at("2026-11-01T07:00:00Z"));
}

TEST(WallTimeline, ReachesASkippedReadingWhenTheGapEnds) {
  Zone ny = zone("America/New_York");
  WallTimeline wall(ny, ny.day_span(day("2026-03-08")));
  const WallSeconds two_fifteen = wall_seconds(day("2026-03-08"), 135);
  EXPECT_FALSE(wall.first_occurrence(two_fifteen));
  EXPECT_EQ(wall.first_reaching(two_fifteen), at("2026-03-08T03:00:00-04:00"));
  EXPECT_EQ(wall.first_occurrence(wall_seconds(day("2026-03-08"), 180)), at("2026-03-08T03:00:00-04:00"));
}

TEST(WallTimeline, HandlesAChangeAtMidnight) {
  // Santiago: 2026-09-06 00:00 does not exist (00:00 -04 -> 01:00 -03).
  Zone santiago = zone("America/Santiago");
  WallTimeline wall(santiago, {at("2026-09-05T00:00:00Z"), at("2026-09-08T00:00:00Z")});
  EXPECT_EQ(wall_seconds(day("2026-09-05"), 1440), wall_seconds(day("2026-09-06"), 0));
  EXPECT_FALSE(wall.first_occurrence(wall_seconds(day("2026-09-06"), 0)));
  EXPECT_EQ(wall.first_reaching(wall_seconds(day("2026-09-05"), 1440)), at("2026-09-06T01:00:00-03:00"));
  EXPECT_EQ(wall.first_reaching(wall_seconds(day("2026-09-06"), 30)), at("2026-09-06T01:00:00-03:00"));
}

TEST(WallTimeline, AgreesWithTheZoneOnOrdinaryDays) {
  Zone kolkata = zone("Asia/Kolkata");
  WallTimeline wall(kolkata, {at("2026-06-01T00:00:00Z"), at("2026-06-03T00:00:00Z")});
  for (int minute : {0, 330, 599, 1439}) {
    Instant t = kolkata.resolve(day("2026-06-02"), minute);
    EXPECT_EQ(wall.first_occurrence(wall_seconds(day("2026-06-02"), minute)), t) << minute;
    EXPECT_EQ(wall.wall(t), wall_seconds(day("2026-06-02"), minute)) << minute;
  }
}

}  // namespace
}  // namespace visitd::core
