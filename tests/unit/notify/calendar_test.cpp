// Issue I in notify: the subscription feed as libical reads it back, the busy expansion of
// external calendars (zones, DST, recurrences with exceptions, all-day and floating events,
// free and cancelled ones), and the SSRF guard's address classes.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include "notify/busy_import.hpp"
#include "notify/icalendar.hpp"
#include "notify/ssrf_guard.hpp"

namespace visitd::notify {
namespace {

core::Instant utc(int y, unsigned mo, unsigned d, int h, int mi = 0) {
  return core::Instant{std::chrono::sys_days{std::chrono::year{y} / mo / d}} + std::chrono::hours{h} +
         std::chrono::minutes{mi};
}

const core::Zone& new_york() {
  static const core::Zone z = *core::Zone::find("America/New_York");
  return z;
}

std::vector<core::Interval> busy(const std::string& body) {
  const std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n";
  auto r = busy_intervals(text, {utc(2026, 1, 1, 0), utc(2028, 1, 1, 0)}, new_york());
  EXPECT_TRUE(r.ok());
  return r ? *r : std::vector<core::Interval>{};
}

TEST(CalendarFeed, LibicalReadsEveryEventBackWithItsIdentity) {
  Invite a;
  a.uid = "bk_1@example.com";
  a.sequence = 2;
  a.time = {utc(2026, 11, 2, 14), utc(2026, 11, 2, 14, 30)};
  a.stamp = utc(2026, 10, 1, 9);
  a.summary = "Consultation: Ann";
  a.join_url = "https://visitd.example/staff/rooms/bk_1";
  Invite b = a;
  b.uid = "bk_2@example.com";
  b.cancel = true;
  b.join_url.clear();
  const std::string text = build_feed("Clinic: Dr Ada", {a, b}, 15);
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY), nullptr);  // a feed, not a message
  EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 2);
  icalcomponent* first = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_uid(first), "bk_1@example.com");
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(first)), a.time.begin.time_since_epoch().count());
  EXPECT_EQ(icalcomponent_get_status(first), ICAL_STATUS_CONFIRMED);
  icalcomponent* second = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_EQ(icalcomponent_get_status(second), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalproperty_get_transp(icalcomponent_get_first_property(second, ICAL_TRANSP_PROPERTY)),
            ICAL_TRANSP_TRANSPARENT);
  EXPECT_EQ(icalproperty_get_sequence(icalcomponent_get_first_property(second, ICAL_SEQUENCE_PROPERTY)), 2);
  icalcomponent_free(cal);
  EXPECT_NE(text.find("X-WR-CALNAME:Clinic: Dr Ada"), std::string::npos);
  EXPECT_EQ(text, build_feed("Clinic: Dr Ada", {a, b}, 15));  // same input, same bytes (ETag)
}

TEST(BusyImport, WeeklyWallTimeStaysAcrossDstWithExdateAndMovedInstance) {
  // Daily 09:00-10:00 New York from Oct 30 2026 (EDT) over Nov 1 (fall back) to Nov 3 (EST).
  auto got = busy(
      "BEGIN:VEVENT\r\nUID:s@x\r\nDTSTAMP:20260101T000000Z\r\n"
      "DTSTART;TZID=America/New_York:20261030T090000\r\nDTEND;TZID=America/New_York:20261030T100000\r\n"
      "RRULE:FREQ=DAILY;COUNT=5\r\nEXDATE;TZID=America/New_York:20261031T090000\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:s@x\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID;TZID=America/New_York:20261102T090000\r\n"
      "DTSTART;TZID=America/New_York:20261102T160000\r\nDTEND;TZID=America/New_York:20261102T170000\r\n"
      "END:VEVENT\r\n");
  std::vector<core::Interval> want = {
      {utc(2026, 10, 30, 13), utc(2026, 10, 30, 14)},  // EDT
      {utc(2026, 11, 1, 14), utc(2026, 11, 1, 15)},    // EST from here on
      {utc(2026, 11, 2, 21), utc(2026, 11, 2, 22)},    // moved to 16:00
      {utc(2026, 11, 3, 14), utc(2026, 11, 3, 15)},
  };
  EXPECT_EQ(got, want);
}

TEST(BusyImport, AllDayAndFloatingAreTheProvidersWallClock) {
  auto got = busy(
      "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261101\r\n"
      "DTEND;VALUE=DATE:20261102\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:f@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260308T030000\r\n"
      "DTEND:20260308T040000\r\nEND:VEVENT\r\n");
  std::vector<core::Interval> want = {
      {utc(2026, 3, 8, 7), utc(2026, 3, 8, 8)},    // 03:00 EDT, just after the gap
      {utc(2026, 11, 1, 4), utc(2026, 11, 2, 5)},  // a 25-hour day
  };
  EXPECT_EQ(got, want);
}

TEST(BusyImport, FreeAndCancelledAreNotBusyAndNeitherIsACancelledInstance) {
  auto got = busy(
      "BEGIN:VEVENT\r\nUID:t@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260601T120000Z\r\nDTEND:20260601T130000Z\r\n"
      "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:c@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260601T140000Z\r\nDTEND:20260601T150000Z\r\n"
      "STATUS:CANCELLED\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:r@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260601T160000Z\r\nDURATION:PT30M\r\n"
      "RRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:r@x\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260602T160000Z\r\n"
      "DTSTART:20260602T160000Z\r\nDURATION:PT30M\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n");
  std::vector<core::Interval> want = {{utc(2026, 6, 1, 16), utc(2026, 6, 1, 16, 30)}};
  EXPECT_EQ(got, want);
}

TEST(BusyImport, WindowsZoneNameResolvesThroughTheFilesVtimezone) {
  auto got = busy(
      "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n"
      "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
      "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
      "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\nUID:w@x\r\nDTSTAMP:20260101T000000Z\r\n"
      "DTSTART;TZID=W. Europe Standard Time:20260710T090000\r\nDTEND;TZID=W. Europe Standard Time:20260710T100000\r\n"
      "END:VEVENT\r\n");
  std::vector<core::Interval> want = {{utc(2026, 7, 10, 7), utc(2026, 7, 10, 8)}};  // CEST
  EXPECT_EQ(got, want);
}

TEST(BusyImport, TextThatIsNotACalendarIsRefused) {
  EXPECT_FALSE(busy_intervals("<html>sign in</html>", {utc(2026, 1, 1, 0), utc(2027, 1, 1, 0)}, new_york()).ok());
}

TEST(SsrfGuard, OnlyPublicAddressesPass) {
  for (const char* a : {"127.0.0.1",  "10.1.2.3", "172.16.0.1",   "192.168.1.1",      "169.254.169.254",
                        "100.64.0.1", "0.0.0.0",  "224.0.0.1",    "255.255.255.255",  "::1",
                        "::",         "fe80::1",  "fd00::1",      "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe",
                        "ff02::1",    "::a00:1",  "198.51.100.7", "203.0.113.9",      "not-an-address"})
    EXPECT_TRUE(refused_range(a).has_value()) << a;
  for (const char* a : {"8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"})
    EXPECT_FALSE(refused_range(a).has_value()) << a;
}

TEST(SsrfGuard, LoopbackNamesAreRefusedUnlessAllowed) {
  auto refused = check_target("http://localhost:8080/cal.ics", false);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().detail.find("loopback"), std::string::npos) << refused.error().detail;
  auto allowed = check_target("http://127.0.0.1:8080/cal.ics", true);
  ASSERT_TRUE(allowed.ok());
  EXPECT_EQ(allowed->addresses, std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(curl_resolve_entry(*allowed), "127.0.0.1:8080:127.0.0.1");
  EXPECT_FALSE(check_target("ftp://example.com/cal.ics", true).ok());
}

}  // namespace
}  // namespace visitd::notify
