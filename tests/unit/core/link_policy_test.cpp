#include "core/link_policy.hpp"

#include <gtest/gtest.h>

namespace visitd::core {
namespace {

using namespace std::chrono_literals;

Booking booking_at(const char* start, Minutes length) {
  Booking b;
  b.time.begin = *parse_rfc3339(start);
  b.time.end = b.time.begin + length;
  b.capability_version = 3;
  return b;
}

TEST(LinkPolicy, DeadlineIsTheCurrentEndPlusTheKindsGrace) {
  const Booking b = booking_at("2026-12-20T10:00:00Z", 30min);
  const LinkLifetimes l;  // 30 days / 30 minutes
  EXPECT_EQ(link_deadline(LinkKind::join, b, l), *parse_rfc3339("2026-12-20T11:00:00Z"));
  EXPECT_EQ(link_deadline(LinkKind::manage, b, l), *parse_rfc3339("2027-01-19T10:30:00Z"));
}

TEST(LinkPolicy, ValidUntilTheDeadlineThenGoneAndAMovedBookingMovesIt) {
  Booking b = booking_at("2026-12-20T10:00:00Z", 30min);
  const LinkLifetimes l;
  const Instant at_950 = *parse_rfc3339("2027-02-20T09:50:00Z");
  EXPECT_EQ(check_link(LinkKind::join, b, 3, l, at_950).error().code, ErrorCode::gone);
  EXPECT_EQ(check_link(LinkKind::join, b, 3, l, at_950).error().type, "link-expired");
  EXPECT_EQ(check_link(LinkKind::manage, b, 3, l, at_950).error().code, ErrorCode::gone);
  b = booking_at("2027-02-20T10:00:00Z", 30min);  // rescheduled
  b.capability_version = 3;
  EXPECT_TRUE(check_link(LinkKind::join, b, 3, l, at_950).ok());
  EXPECT_TRUE(check_link(LinkKind::manage, b, 3, l, at_950).ok());
  EXPECT_TRUE(check_link(LinkKind::join, b, 3, l, *parse_rfc3339("2027-02-20T10:59:59Z")).ok());
  EXPECT_FALSE(check_link(LinkKind::join, b, 3, l, *parse_rfc3339("2027-02-20T11:00:00Z")).ok());
}

TEST(LinkPolicy, ALinksOwnNotAfterIsAHardCap) {
  const Booking b = booking_at("2026-12-20T10:00:00Z", 30min);
  const Instant cap = *parse_rfc3339("2026-12-01T00:00:00Z");
  EXPECT_TRUE(check_link(LinkKind::manage, b, 3, LinkLifetimes{}, cap - 1s, cap).ok());
  EXPECT_EQ(check_link(LinkKind::manage, b, 3, LinkLifetimes{}, cap, cap).error().code, ErrorCode::gone);
}

// Issue H: an older version was a genuine link, replaced by a reschedule or a reissue: 410
// saying so (it used to answer 404 like a forgery). A version never issued stays 404.
TEST(LinkPolicy, AnOlderVersionIsRevokedAndANeverIssuedOneIsUnknown) {
  const Booking b = booking_at("2026-12-20T10:00:00Z", 30min);
  const Instant now = *parse_rfc3339("2026-12-01T00:00:00Z");
  auto r = check_link(LinkKind::manage, b, 2, LinkLifetimes{}, now);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::gone);
  EXPECT_EQ(r.error().type, "link-revoked");
  EXPECT_EQ(check_link(LinkKind::join, b, 1, LinkLifetimes{}, now).error().type, "link-revoked");
  EXPECT_EQ(check_link(LinkKind::manage, b, 4, LinkLifetimes{}, now).error().code, ErrorCode::not_found);
  EXPECT_EQ(check_link(LinkKind::manage, b, 0, LinkLifetimes{}, now).error().code, ErrorCode::not_found);
}

TEST(LinkPolicy, EveryLinkOfACancelledBookingSaysCancelledAndNothingMore) {
  Booking b = booking_at("2026-12-20T10:00:00Z", 30min);
  b.status = BookingStatus::cancelled;
  const Instant now = *parse_rfc3339("2026-12-01T00:00:00Z");
  for (int version : {1, 2, 3}) {
    for (auto kind : {LinkKind::manage, LinkKind::join}) {
      auto r = check_link(kind, b, version, LinkLifetimes{}, now);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().type, "booking-cancelled");
    }
  }
  EXPECT_EQ(check_link(LinkKind::manage, b, 4, LinkLifetimes{}, now).error().code, ErrorCode::not_found);
  EXPECT_EQ(check_reissue(b).error().code, ErrorCode::policy);
  b.status = BookingStatus::completed;
  EXPECT_TRUE(check_reissue(b).ok());
}

}  // namespace
}  // namespace visitd::core
