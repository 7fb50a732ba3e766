// Issue I in core: external busy time in the slot engine (it blocks like a booking, widened by
// the new service's buffers, and never moves the grid), and the rules for calendar addresses.
#include <gtest/gtest.h>

#include "core/calendar_policy.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;
using testing::hours;
using testing::local_starts;
using testing::provider;
using testing::service;
using testing::zone;
using Starts = std::vector<std::string>;

class ExternalBusySlots : public ::testing::Test {
 protected:
  Provider prov = provider("p1", "UTC", {hours("09:00", "12:00")});
  Service svc = service(30, 30);

  Starts starts(std::vector<Interval> external) {
    SlotQuery q;
    q.service = &svc;
    q.providers.push_back({&prov, {}, std::move(external)});
    q.range = {at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")};
    q.now = at("2026-05-01T00:00:00Z");
    return local_starts(compute_slots(q), zone("UTC"));
  }
};

TEST_F(ExternalBusySlots, BusyTimeRemovesTheSlotsItOverlapsOnly) {
  EXPECT_EQ(starts({{at("2026-06-01T09:40:00Z"), at("2026-06-01T10:10:00Z")}}),
            (Starts{"09:00", "10:30", "11:00", "11:30"}));
}

TEST_F(ExternalBusySlots, OverlappingAndUnsortedBusyTimesMerge) {
  EXPECT_EQ(starts({{at("2026-06-01T11:00:00Z"), at("2026-06-01T11:30:00Z")},
                    {at("2026-06-01T09:00:00Z"), at("2026-06-01T10:00:00Z")},
                    {at("2026-06-01T09:30:00Z"), at("2026-06-01T10:30:00Z")}}),
            (Starts{"10:30", "11:30"}));
}

TEST_F(ExternalBusySlots, TheNewServicesBuffersStayClearButTheGridDoesNotMove) {
  svc.buffer_after_minutes = 15;
  // Busy 10:30-11:00: a 10:00 slot's buffer runs to 10:45, so 10:00 goes too; 11:00 stays (its
  // own buffer is after it; 11:30's buffer may run past closing, as for bookings), and starts
  // stay on the :00/:30 grid.
  EXPECT_EQ(starts({{at("2026-06-01T10:30:00Z"), at("2026-06-01T11:00:00Z")}}),
            (Starts{"09:00", "09:30", "11:00", "11:30"}));
}

TEST(CalendarUrl, HttpHttpsAndWebcalAreAcceptedOthersNamed) {
  EXPECT_EQ(*normalize_calendar_url("webcal://p01-caldav.icloud.com/published/2/abc", "url"),
            "https://p01-caldav.icloud.com/published/2/abc");
  EXPECT_EQ(*normalize_calendar_url("HTTPS://calendar.google.com/x/basic.ics", "url"),
            "https://calendar.google.com/x/basic.ics");
  EXPECT_EQ(*normalize_calendar_url("http://127.0.0.1:8080/a.ics", "url"), "http://127.0.0.1:8080/a.ics");
  for (const char* bad : {"ftp://example.com/a.ics", "https://", "https:///path", "https://exa mple.com/",
                          "javascript:alert(1)", "file:///etc/passwd", "https://:80/a"}) {
    auto r = normalize_calendar_url(bad, "url");
    ASSERT_FALSE(r.ok()) << bad;
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "url");
  }
  EXPECT_FALSE(normalize_calendar_url("https://e.com/" + std::string(kMaxCalendarUrlLength, 'a'), "url").ok());
}

TEST(CalendarUrl, RefreshMinutesAreBounded) {
  EXPECT_TRUE(validate_refresh_minutes(5, "refreshMinutes").ok());
  EXPECT_TRUE(validate_refresh_minutes(1440, "refreshMinutes").ok());
  EXPECT_FALSE(validate_refresh_minutes(4, "refreshMinutes").ok());
  EXPECT_FALSE(validate_refresh_minutes(1441, "refreshMinutes").ok());
}

TEST(FeedWindow, RecentMonthAndTwoYearsAhead) {
  const Instant now = at("2026-06-01T00:00:00Z");
  EXPECT_EQ(feed_window(now), (Interval{at("2026-05-02T00:00:00Z"), at("2028-06-01T00:00:00Z")}));
}

}  // namespace
}  // namespace visitd::core
