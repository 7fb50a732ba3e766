#include "http/booking_flow.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"
#include "store/store.hpp"

namespace visitd::http {
namespace {

using namespace std::chrono_literals;
using core::Instant;

Instant at(const char* rfc3339) { return *core::parse_rfc3339(rfc3339); }

// A real store on an in-memory SQLite database, a business in London with two providers
// working 09:00-17:00 every day, and a 30-minute service; the clock is ours to move.
class BookingFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init();
    auto opened = store::open_store(":memory:", [this] { return now_; });
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    store_ = std::move(opened.value());
    ASSERT_TRUE(store_->migrate().ok());
    ctx_ = std::make_unique<ApiContext>(
        ApiContext{*store_, signer_, metrics_, limiter_, limiter_, [this] { return now_; }, clock_, ApiSettings{}});
    core::Business b;
    b.slug = "flow";
    b.name = "Flow";
    b.zone = "Europe/London";
    auto created = store_->create_business(b, by_);
    ASSERT_TRUE(created.ok()) << created.error().detail;
    business_ = *created;
    for (const char* name : {"Ada", "Bo"}) {
      core::Provider p;
      p.business_id = business_.id;
      p.name = name;
      p.zone = "Europe/London";
      auto prov = store_->create_provider(p, by_);
      ASSERT_TRUE(prov.ok()) << prov.error().detail;
      core::WeeklyHours w;
      for (auto& day : w) day = {{9 * 60, 17 * 60}};
      ASSERT_TRUE(store_->set_weekly_hours(business_.id, prov->id, w, by_).ok());
      provider_ids_.push_back(prov->id);
    }
    std::sort(provider_ids_.begin(), provider_ids_.end());
    service_ = make_service(0);
  }

  core::Service make_service(int max_per_day) {
    core::Service s;
    s.business_id = business_.id;
    s.name = "Consult " + std::to_string(max_per_day);
    s.duration_minutes = 30;
    s.slot_interval_minutes = 30;
    s.max_per_day = max_per_day;
    s.provider_ids = provider_ids_;
    auto created = store_->create_service(s, by_);
    EXPECT_TRUE(created.ok()) << created.error().detail;
    return *created;
  }

  core::Result<core::Booking> book(Instant start, std::optional<core::Id> provider,
                                   std::vector<core::Slot>* nearest = nullptr, const core::Service* service = nullptr) {
    BookRequest r{business_,
                  service ? *service : service_,
                  std::move(provider),
                  start,
                  core::Consumer{"Ann", "ann@example.com", "", "Europe/London"},
                  {},
                  std::nullopt,
                  "fp"};
    return http::book(*ctx_, r, nearest);
  }

  Instant now_ = at("2026-03-02T08:00:00Z");  // a Monday
  std::unique_ptr<store::Store> store_;
  security::CapabilitySigner signer_{"unit-test-secret-0123456789"};
  Metrics metrics_;
  RateLimiter limiter_{1000, 1000};
  core::ManualClock clock_{Instant{}};  // monotonic only (rate limits); wall time is now_
  std::unique_ptr<ApiContext> ctx_;
  store::Actor by_{"system"};
  core::Business business_;
  std::vector<core::Id> provider_ids_;
  core::Service service_;
};

TEST_F(BookingFlowTest, BooksAFreeSlotForTheNamedProvider) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[1]);
  ASSERT_TRUE(b.ok()) << b.error().detail;
  EXPECT_EQ(b->provider_id, provider_ids_[1]);
  EXPECT_EQ(b->time.end - b->time.begin, 30min);
  EXPECT_NE(metrics_.render().find("visitd_bookings_created_total 1"), std::string::npos);
}

TEST_F(BookingFlowTest, TakenSlotIsAConflictOfferingTheNearestFreeSlots) {
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0]).ok());
  std::vector<core::Slot> nearest;
  auto again = book(at("2026-03-03T10:00:00Z"), provider_ids_[0], &nearest);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::conflict);
  ASSERT_EQ(nearest.size(), 5u);
  for (const auto& s : nearest) EXPECT_NE(s.time.begin, at("2026-03-03T10:00:00Z"));
  EXPECT_EQ(nearest.front().time.begin, at("2026-03-03T09:00:00Z"));
  EXPECT_NE(metrics_.render().find("visitd_booking_conflicts_total 1"), std::string::npos);
}

TEST_F(BookingFlowTest, StartOffTheSlotGridIsAConflict) {
  auto b = book(at("2026-03-03T10:10:00Z"), provider_ids_[0]);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, core::ErrorCode::conflict);
}

TEST_F(BookingFlowTest, ProviderOutsideTheServiceIsNotFoundNamingProviderId) {
  auto b = book(at("2026-03-03T10:00:00Z"), core::Id("prv_stranger"));
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, core::ErrorCode::not_found);
  ASSERT_FALSE(b.error().fields.empty());
  EXPECT_EQ(b.error().fields.front().field, "providerId");
  auto slots = find_slots(*ctx_, service_, core::Id("prv_stranger"), {now_, now_ + 24h});
  EXPECT_FALSE(slots.ok());
}

TEST_F(BookingFlowTest, AnyProviderGoesToWhoeverHasFewestBookingsThatWeek) {
  // The first provider by id already works Tuesday; Wednesday's "any" goes to the other.
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0]).ok());
  auto b = book(at("2026-03-04T10:00:00Z"), std::nullopt);
  ASSERT_TRUE(b.ok()) << b.error().detail;
  EXPECT_EQ(b->provider_id, provider_ids_[1]);
  // Now tied at one each: the stable tie-break picks the lower id.
  auto c = book(at("2026-03-04T11:00:00Z"), std::nullopt);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->provider_id, provider_ids_[0]);
}

TEST_F(BookingFlowTest, AnyProviderCountsOnlyTheWeekOfTheSlot) {
  // Two bookings for the first provider the week before do not count against them.
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0]).ok());
  ASSERT_TRUE(book(at("2026-03-03T11:00:00Z"), provider_ids_[0]).ok());
  ASSERT_TRUE(book(at("2026-03-10T10:00:00Z"), provider_ids_[1]).ok());
  auto b = book(at("2026-03-11T10:00:00Z"), std::nullopt);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->provider_id, provider_ids_[0]);
}

TEST_F(BookingFlowTest, AnyProviderTakesTheOnlyOneStillFree) {
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[1]).ok());
  auto b = book(at("2026-03-03T10:00:00Z"), std::nullopt);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->provider_id, provider_ids_[0]);
  EXPECT_FALSE(book(at("2026-03-03T10:00:00Z"), std::nullopt).ok());
}

TEST_F(BookingFlowTest, DailyLimitCountsTheProviderLocalDay) {
  const core::Service limited = make_service(1);
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0], nullptr, &limited).ok());
  EXPECT_FALSE(book(at("2026-03-03T15:00:00Z"), provider_ids_[0], nullptr, &limited).ok());
  EXPECT_TRUE(book(at("2026-03-04T09:00:00Z"), provider_ids_[0], nullptr, &limited).ok());
}

TEST_F(BookingFlowTest, RescheduleMayOverlapTheBookingsOwnOldTime) {
  core::Service hour = service_;
  hour.name = "Hour";
  hour.duration_minutes = 60;
  auto created = store_->create_service(hour, by_);
  ASSERT_TRUE(created.ok());
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0], nullptr, &*created);
  ASSERT_TRUE(b.ok());
  auto moved = reschedule(*ctx_, *b, at("2026-03-03T10:30:00Z"), std::nullopt, core::Actor::consumer,
                          store::Actor{"consumer"}, nullptr);
  ASSERT_TRUE(moved.ok()) << moved.error().detail;
  EXPECT_EQ(moved->id, b->id);
  EXPECT_EQ(moved->time.begin, at("2026-03-03T10:30:00Z"));
  // The old start is free again for someone else.
  EXPECT_TRUE(book(at("2026-03-03T09:00:00Z"), provider_ids_[0], nullptr, &*created).ok());
}

TEST_F(BookingFlowTest, RescheduleOntoAnotherBookingIsAConflictWithNearest) {
  auto a = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(book(at("2026-03-03T11:00:00Z"), provider_ids_[0]).ok());
  std::vector<core::Slot> nearest;
  auto moved = reschedule(*ctx_, *a, at("2026-03-03T11:00:00Z"), std::nullopt, core::Actor::consumer,
                          store::Actor{"consumer"}, &nearest);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, core::ErrorCode::conflict);
  EXPECT_FALSE(nearest.empty());
  // Its own current time counts as free for the move.
  EXPECT_TRUE(std::any_of(nearest.begin(), nearest.end(),
                          [&](const core::Slot& s) { return s.time.begin == at("2026-03-03T10:00:00Z"); }));
}

TEST_F(BookingFlowTest, ConsumerIsHeldToTheCutoffButStaffMayOverride) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  now_ = at("2026-03-02T12:00:00Z");  // 22 hours before; the default cutoff is 24
  auto late = cancel(*ctx_, *b, "", core::Actor::consumer, store::Actor{"consumer"});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, core::ErrorCode::policy);
  auto moved = reschedule(*ctx_, *b, at("2026-03-03T14:00:00Z"), std::nullopt, core::Actor::consumer,
                          store::Actor{"consumer"}, nullptr);
  EXPECT_EQ(moved.error().code, core::ErrorCode::policy);
  auto staff = cancel(*ctx_, *b, "clinic closed", core::Actor::staff, store::Actor{"user:x"});
  ASSERT_TRUE(staff.ok()) << staff.error().detail;
  EXPECT_EQ(staff->status, core::BookingStatus::cancelled);
  EXPECT_EQ(staff->cancel_reason, "clinic closed");
}

TEST_F(BookingFlowTest, LinksExpireAfterTheAppointmentEnds) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  const BookingLinks links = links_for(*ctx_, *b);
  EXPECT_EQ(links.manage_url, "http://127.0.0.1:8080/manage/" + links.manage_token);
  EXPECT_EQ(links.join_url, "http://127.0.0.1:8080/join/" + links.join_token);
  const auto manage = security::CapabilityKind::manage;
  const auto join = security::CapabilityKind::join;
  EXPECT_TRUE(signer_.verify(links.manage_token, manage, b->time.end + 24h * 29).ok());
  EXPECT_EQ(signer_.verify(links.manage_token, manage, b->time.end + 24h * 31).error().code, core::ErrorCode::gone);
  EXPECT_TRUE(signer_.verify(links.join_token, join, b->time.end + 29min).ok());
  EXPECT_EQ(signer_.verify(links.join_token, join, b->time.end + 31min).error().code, core::ErrorCode::gone);
  EXPECT_FALSE(signer_.verify(links.join_token, manage, now_).ok());
}

}  // namespace
}  // namespace visitd::http
