// Issue I store role (CalendarStore): feed tokens stored as hashes, rotated and revoked; a
// provider's external calendars, the claim that hands each to one fetcher, fetch records that
// replace (or keep) busy intervals, and the busy read the slot engine uses.
#include <algorithm>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class Calendars : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    ada_ = make_provider(biz_.id, "Ada");
    bob_ = make_provider(biz_.id, "Bob");
  }
  ExternalCalendar add(const core::Provider& p, const std::string& name = "Personal") {
    ExternalCalendar c;
    c.business_id = biz_.id;
    c.provider_id = p.id;
    c.name = name;
    c.url = "https://calendar.example.com/private-secret/basic.ics";
    c.refresh_minutes = 15;
    return store_->add_external_calendar(c, staff_).value();
  }
  Instant now() const { return at(clock_.load()); }

  core::Business biz_;
  core::Provider ada_, bob_;
};

TEST_P(Calendars, FeedTokenHashIsIssuedRotatedAndRevokedPerScope) {
  EXPECT_FALSE(store_->calendar_feed(biz_.id, ada_.id).has_value());
  auto first = store_->put_calendar_feed(biz_.id, ada_.id, "hash-1", staff_);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->provider_id, std::optional<Id>(ada_.id));
  auto business = store_->put_calendar_feed(biz_.id, std::nullopt, "hash-b", staff_);
  ASSERT_TRUE(business.ok());
  EXPECT_FALSE(business->provider_id.has_value());
  EXPECT_EQ(store_->calendar_feed_by_hash("hash-1")->provider_id, std::optional<Id>(ada_.id));

  clock_ += 60;
  auto rotated = store_->put_calendar_feed(biz_.id, ada_.id, "hash-2", staff_);
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(rotated->id, first->id);
  EXPECT_GT(rotated->created_at, first->created_at);
  EXPECT_FALSE(store_->calendar_feed_by_hash("hash-1").has_value());
  EXPECT_TRUE(store_->calendar_feed_by_hash("hash-2").has_value());
  EXPECT_TRUE(store_->calendar_feed_by_hash("hash-b").has_value());

  ASSERT_TRUE(store_->delete_calendar_feed(biz_.id, ada_.id, staff_).ok());
  EXPECT_FALSE(store_->calendar_feed_by_hash("hash-2").has_value());
  EXPECT_EQ(store_->delete_calendar_feed(biz_.id, ada_.id, staff_).error().code, core::ErrorCode::not_found);
  EXPECT_TRUE(store_->calendar_feed_by_hash("hash-b").has_value());
  auto log = store_->audit_log(biz_.id, 1, 0);
  EXPECT_EQ(log[0].action, "calendar_feed.revoke");
}

TEST_P(Calendars, FeedOfAProviderOfAnotherBusinessIsNotFound) {
  auto other = make_business("other");
  EXPECT_EQ(store_->put_calendar_feed(other.id, ada_.id, "h", staff_).error().code, core::ErrorCode::not_found);
}

TEST_P(Calendars, ExternalCalendarIsDueAtOnceAndClaimedByOneFetcherUntilItsLeaseEnds) {
  auto c = add(ada_);
  EXPECT_EQ(c.next_fetch_at, now());
  EXPECT_FALSE(c.last_fetch_at.has_value());
  const auto lease = now() + core::Seconds{120};
  auto claimed = store_->claim_due_calendars(now(), lease, 10);
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].id, c.id);
  EXPECT_EQ(claimed[0].url, c.url);
  EXPECT_TRUE(store_->claim_due_calendars(now(), lease, 10).empty());  // held
  clock_ += 121;
  EXPECT_EQ(store_->claim_due_calendars(now(), now() + core::Seconds{120}, 10).size(), 1u);  // lease ran out
  auto audit = store_->audit_log(biz_.id, 10, 0);
  const auto added =
      std::find_if(audit.begin(), audit.end(), [](auto& e) { return e.action == "external_calendar.add"; });
  ASSERT_NE(added, audit.end());
  EXPECT_EQ(added->detail.find("private-secret"), std::string::npos);  // the secret path is never logged
}

TEST_P(Calendars, FetchRecordsReplaceBusyTimesAndAFailureKeepsThem) {
  auto c = add(ada_);
  add(bob_);
  const Interval one{at(kDay0 + 10 * kHour), at(kDay0 + 11 * kHour)};
  const Interval two{at(kDay0 + 14 * kHour), at(kDay0 + 15 * kHour)};
  CalendarFetch ok;
  ok.at = now();
  ok.ok = true;
  ok.result = "fetched";
  ok.body = "BEGIN:VCALENDAR";
  ok.etag = "\"v1\"";
  ok.last_modified = "Sun, 29 Nov 2026 10:00:00 GMT";
  ok.busy = std::vector<Interval>{one, two};
  ok.next_fetch_at = now() + core::Seconds{900};
  ASSERT_TRUE(store_->record_calendar_fetch(c.id, ok).ok());
  auto busy = store_->external_busy({ada_.id, bob_.id}, {at(kDay0), at(kDay0 + 24 * kHour)});
  ASSERT_EQ(busy.size(), 2u);
  EXPECT_EQ(busy[0].provider_id, ada_.id);
  EXPECT_EQ(busy[0].time, one);
  EXPECT_EQ(busy[1].time, two);
  EXPECT_EQ(store_->external_busy({ada_.id}, {at(kDay0 + 11 * kHour), at(kDay0 + 14 * kHour)}).size(), 0u);
  EXPECT_EQ(store_->calendar_body(c.id), std::optional<std::string>("BEGIN:VCALENDAR"));

  auto read = store_->external_calendar(biz_.id, c.id).value();
  EXPECT_EQ(read.etag, "\"v1\"");
  EXPECT_EQ(read.last_result, "fetched");
  EXPECT_EQ(read.busy_count, 2);
  EXPECT_TRUE(read.last_error.empty());

  clock_ += 900;
  CalendarFetch failed;
  failed.at = now();
  failed.result = "failed";
  failed.error = "the calendar server answered HTTP 500";
  failed.next_fetch_at = now() + core::Seconds{900};
  ASSERT_TRUE(store_->record_calendar_fetch(c.id, failed).ok());
  read = store_->external_calendar(biz_.id, c.id).value();
  EXPECT_EQ(read.last_error, failed.error);
  EXPECT_EQ(read.last_result, "failed");
  EXPECT_EQ(read.last_success_at, std::optional<Instant>(ok.at));
  EXPECT_EQ(read.etag, "\"v1\"");  // validators of the last 200 stay
  EXPECT_EQ(read.busy_count, 2);   // the last known busy times stay

  CalendarFetch emptied = ok;
  emptied.at = now();
  emptied.busy = std::vector<Interval>{};
  ASSERT_TRUE(store_->record_calendar_fetch(c.id, emptied).ok());
  EXPECT_TRUE(store_->external_busy({ada_.id}, {at(kDay0), at(kDay0 + 24 * kHour)}).empty());
}

TEST_P(Calendars, RemovingACalendarFreesItsBusyTimeAndOnlyTheOwnerBusinessMay) {
  auto c = add(ada_);
  CalendarFetch ok;
  ok.at = now();
  ok.ok = true;
  ok.result = "fetched";
  ok.busy = std::vector<Interval>{{at(kDay0 + 10 * kHour), at(kDay0 + 11 * kHour)}};
  ok.next_fetch_at = now();
  ASSERT_TRUE(store_->record_calendar_fetch(c.id, ok).ok());
  auto other = make_business("other");
  EXPECT_EQ(store_->delete_external_calendar(other.id, c.id, staff_).error().code, core::ErrorCode::not_found);
  EXPECT_EQ(store_->external_calendars(other.id, std::nullopt).size(), 0u);
  ASSERT_TRUE(store_->delete_external_calendar(biz_.id, c.id, staff_).ok());
  EXPECT_TRUE(store_->external_busy({ada_.id}, {at(kDay0), at(kDay0 + 24 * kHour)}).empty());
  EXPECT_TRUE(store_->record_calendar_fetch(c.id, ok).ok());  // a fetch finishing after removal writes nothing
  EXPECT_TRUE(store_->external_busy({ada_.id}, {at(kDay0), at(kDay0 + 24 * kHour)}).empty());
}

TEST_P(Calendars, ARemovedProvidersCalendarsAreNotClaimedAndFetchNowMakesOneDue) {
  auto c = add(bob_);
  auto first = store_->claim_due_calendars(now(), now() + core::Seconds{3600}, 10);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_TRUE(store_->request_calendar_fetch(biz_.id, c.id, now()).ok());
  EXPECT_EQ(store_->claim_due_calendars(now(), now() + core::Seconds{3600}, 10).size(), 1u);
  ASSERT_TRUE(store_->request_calendar_fetch(biz_.id, c.id, now()).ok());
  ASSERT_TRUE(store_->delete_provider(biz_.id, bob_.id, staff_).ok());
  EXPECT_TRUE(store_->claim_due_calendars(now(), now() + core::Seconds{3600}, 10).empty());
  EXPECT_EQ(store_->request_calendar_fetch(biz_.id, "xcal_missing", now()).error().code, core::ErrorCode::not_found);
}

VISITD_STORE_CONTRACT(Calendars);

}  // namespace
}  // namespace visitd::store::testing
