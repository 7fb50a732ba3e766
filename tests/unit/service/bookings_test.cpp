// The booking use cases over a real SQLite store (moved from http's booking_flow tests):
// slots, round robin, day limits, conflicts with the nearest free slots, cutoffs.
#include "service/bookings.hpp"

#include <gtest/gtest.h>

#include "service_fixture.hpp"

namespace visitd::service {
namespace {

using namespace std::chrono_literals;
using core::Instant;
using testing::at;

class BookingFlowTest : public testing::ServiceTest {};

TEST_F(BookingFlowTest, BooksAFreeSlotForTheNamedProvider) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[1]);
  ASSERT_TRUE(b.ok()) << b.error().detail;
  EXPECT_EQ(b->provider_id, provider_ids_[1]);
  EXPECT_EQ(b->time.end - b->time.begin, 30min);
  EXPECT_EQ(metrics_.created, 1);
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
  EXPECT_EQ(metrics_.conflicts, 1);
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
  auto slots = use_->bookings.find_slots(service_, core::Id("prv_stranger"), {clock_.now(), clock_.now() + 24h});
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

TEST_F(BookingFlowTest, AnyProviderCountsMoreThanTheWeekOfTheSlot) {
  // Issue J fault 4: two bookings for the first provider the week before still count
  // against them (round robin looks four weeks either way), so the second provider gets it.
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0]).ok());
  ASSERT_TRUE(book(at("2026-03-03T11:00:00Z"), provider_ids_[0]).ok());
  ASSERT_TRUE(book(at("2026-03-10T10:00:00Z"), provider_ids_[1]).ok());
  auto b = book(at("2026-03-11T10:00:00Z"), std::nullopt);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->provider_id, provider_ids_[1]);
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
  auto moved = reschedule(*b, at("2026-03-03T10:30:00Z"), core::Actor::consumer);
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
  auto moved = reschedule(*a, at("2026-03-03T11:00:00Z"), core::Actor::consumer, &nearest);
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
  clock_.set(at("2026-03-02T12:00:00Z"));  // 22 hours before; the default cutoff is 24
  auto late = use_->bookings.cancel(*b, "", core::Actor::consumer, store::Actor{"consumer"});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, core::ErrorCode::policy);
  auto moved = reschedule(*b, at("2026-03-03T14:00:00Z"), core::Actor::consumer);
  EXPECT_EQ(moved.error().code, core::ErrorCode::policy);
  auto staff = use_->bookings.cancel(*b, "clinic closed", core::Actor::staff, store::Actor{"user:x"});
  ASSERT_TRUE(staff.ok()) << staff.error().detail;
  EXPECT_EQ(staff->status, core::BookingStatus::cancelled);
  EXPECT_EQ(staff->cancel_reason, "clinic closed");
}

// ---- events and metrics: each use case counts once and publishes what it committed ----

TEST_F(BookingFlowTest, BookPublishesCreatedOnceAndCountsOnce) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(events_.kinds(), std::vector<EventKind>{EventKind::booking_created});
  const Event e = events_.events().front();
  EXPECT_EQ(e.booking.id, b->id);
  EXPECT_EQ(e.actor, "consumer");
  EXPECT_EQ(metrics_.created, 1);
  EXPECT_EQ(metrics_.conflicts, 0);
}

TEST_F(BookingFlowTest, ConflictPublishesNothingAndCarriesTheNearestSlotsAsAnExtension) {
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0]).ok());
  auto again = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(events_.kinds().size(), 1u);  // only the first booking
  EXPECT_EQ(metrics_.created, 1);
  EXPECT_EQ(metrics_.conflicts, 1);
  const auto& ext = again.error().extensions;
  ASSERT_EQ(ext.size(), 1u);
  EXPECT_EQ(ext[0].first, "nearest");
  const auto& items = std::get<core::ExtensionList>(ext[0].second.v);
  ASSERT_EQ(items.size(), 5u);
  const auto& first = std::get<core::ExtensionMembers>(items[0].v);
  EXPECT_EQ(first[0].first, "start");
  EXPECT_EQ(std::get<core::ExtensionInstant>(first[0].second.v), at("2026-03-03T09:00:00Z"));
}

TEST_F(BookingFlowTest, ReschedulePublishesWhereTheBookingWasAndThatItsRoomMoved) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  auto moved = reschedule(*b, at("2026-03-03T11:00:00Z"), core::Actor::staff, nullptr, provider_ids_[1]);
  ASSERT_TRUE(moved.ok()) << moved.error().detail;
  EXPECT_EQ(events_.kinds(), (std::vector<EventKind>{EventKind::booking_created, EventKind::booking_rescheduled,
                                                     EventKind::room_changed}));
  const Event e = events_.events()[1];
  EXPECT_EQ(e.booking.time.begin, at("2026-03-03T11:00:00Z"));
  EXPECT_EQ(e.booking.provider_id, provider_ids_[1]);
  ASSERT_TRUE(e.previous_time && e.previous_provider_id);
  EXPECT_EQ(e.previous_time->begin, at("2026-03-03T10:00:00Z"));
  EXPECT_EQ(*e.previous_provider_id, provider_ids_[0]);
  EXPECT_EQ(e.actor, "user:x");
  EXPECT_EQ(metrics_.rescheduled, 1);
}

TEST_F(BookingFlowTest, ConsumerCannotMoveABookingToAnotherProvider) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  auto moved = reschedule(*b, at("2026-03-03T10:00:00Z"), core::Actor::consumer, nullptr, provider_ids_[1]);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, core::ErrorCode::invalid);
  EXPECT_EQ(moved.error().fields.at(0).field, "providerId");
  EXPECT_EQ(metrics_.rescheduled, 0);
}

TEST_F(BookingFlowTest, ConsumerRefusedByTheCutoffLearnsTheDeadlineInTheirZone) {
  clock_.set(at("2026-07-01T08:00:00Z"));
  auto b = book(at("2026-07-03T10:00:00Z"), provider_ids_[0]);  // London is on BST (+01:00)
  ASSERT_TRUE(b.ok());
  clock_.set(at("2026-07-02T12:00:00Z"));
  auto late = use_->bookings.cancel(*b, "", core::Actor::consumer, store::Actor{"consumer"});
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.error().detail.find("online changes were possible until 2026-07-02T11:00:00+01:00"), std::string::npos)
      << late.error().detail;
  EXPECT_EQ(metrics_.cancelled, 0);
}

TEST_F(BookingFlowTest, CancelPublishesCancelledAndRoomChangedAndCountsOnce) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  auto c = use_->bookings.cancel(*b, "ill", core::Actor::staff, store::Actor{"user:x"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(events_.kinds(), (std::vector<EventKind>{EventKind::booking_created, EventKind::booking_cancelled,
                                                     EventKind::room_changed}));
  EXPECT_EQ(metrics_.cancelled, 1);
  // A second cancel is refused: nothing more is counted or published.
  EXPECT_EQ(use_->bookings.cancel(*c, "", core::Actor::staff, store::Actor{"user:x"}).error().code,
            core::ErrorCode::policy);
  EXPECT_EQ(metrics_.cancelled, 1);
  EXPECT_EQ(events_.kinds().size(), 3u);
}

TEST_F(BookingFlowTest, CompleteAndNoShowOnlyOnceTheAppointmentStarted) {
  auto a = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  auto b = book(at("2026-03-03T11:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(a.ok() && b.ok());
  const store::Actor staff{"user:x"};
  auto early = use_->bookings.complete(*a, staff);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, core::ErrorCode::policy);
  EXPECT_EQ(store_->booking(a->id)->status, core::BookingStatus::confirmed);

  clock_.set(at("2026-03-03T10:05:00Z"));
  auto done = use_->bookings.complete(*a, staff);
  ASSERT_TRUE(done.ok()) << done.error().detail;
  EXPECT_EQ(done->status, core::BookingStatus::completed);
  EXPECT_EQ(store_->booking(a->id)->status, core::BookingStatus::completed);
  // A final booking stays final.
  EXPECT_EQ(use_->bookings.mark_no_show(*done, staff).error().code, core::ErrorCode::policy);

  clock_.set(at("2026-03-03T11:20:00Z"));
  auto absent = use_->bookings.mark_no_show(*b, staff);
  ASSERT_TRUE(absent.ok()) << absent.error().detail;
  EXPECT_EQ(absent->status, core::BookingStatus::no_show);
  EXPECT_EQ(events_.kinds(), (std::vector<EventKind>{EventKind::booking_created, EventKind::booking_created,
                                                     EventKind::booking_completed, EventKind::room_changed,
                                                     EventKind::booking_no_show, EventKind::room_changed}));
  EXPECT_EQ(metrics_.cancelled, 0);
  EXPECT_EQ(metrics_.rescheduled, 0);
}

// ---- Idempotency-Key: the use case answers a repeat, whichever entry point books ----

class IdempotentBookingTest : public BookingFlowTest {
 protected:
  core::Result<core::Booking> book_keyed(core::Instant start, const std::string& key, const std::string& fingerprint) {
    BookRequest r{
        business_, service_, provider_ids_[0], start, core::Consumer{"Ann", "ann@example.com", "", "Europe/London"},
        {},        key,      fingerprint};
    return use_->bookings.book(r);
  }
};

TEST_F(IdempotentBookingTest, ARepeatWithTheSameKeyAndBodyGetsTheFirstBookingOnce) {
  auto first = book_keyed(at("2026-03-03T10:00:00Z"), "retry-1", "fp-a");
  ASSERT_TRUE(first.ok()) << first.error().detail;
  // The slot is now taken, yet the repeat is not a conflict: it is the same booking.
  auto again = book_keyed(at("2026-03-03T10:00:00Z"), "retry-1", "fp-a");
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(store_->bookings(store::BookingFilter{business_.id}).total, 1);
  EXPECT_EQ(metrics_.created, 1);
  EXPECT_EQ(metrics_.conflicts, 0);
  EXPECT_EQ(events_.kinds().size(), 1u);
}

TEST_F(IdempotentBookingTest, TheSameKeyWithAnotherBodyIsRefusedNamingTheKey) {
  ASSERT_TRUE(book_keyed(at("2026-03-03T10:00:00Z"), "retry-2", "fp-a").ok());
  // Even for a slot that is free: the key already belongs to another request.
  auto other = book_keyed(at("2026-03-03T12:00:00Z"), "retry-2", "fp-b");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, core::ErrorCode::invalid);
  EXPECT_EQ(other.error().type, "idempotency-key-reused");
  ASSERT_EQ(other.error().fields.size(), 1u);
  EXPECT_EQ(other.error().fields[0].field, "Idempotency-Key");
  EXPECT_EQ(store_->bookings(store::BookingFilter{business_.id}).total, 1);
  // replay() says the same to an entry point that asks before validating.
  EXPECT_EQ(use_->bookings.replay(business_.id, std::string("retry-2"), "fp-b").error().type, "idempotency-key-reused");
  auto replayed = use_->bookings.replay(business_.id, std::string("retry-2"), "fp-a");
  ASSERT_TRUE(replayed.ok() && replayed->has_value());
  EXPECT_FALSE(use_->bookings.replay(business_.id, std::string("retry-new"), "fp-a")->has_value());
}

TEST_F(IdempotentBookingTest, AKeyOfTheWrongShapeIsRefusedBeforeAnythingIsWritten) {
  for (const std::string& key :
       {std::string(), std::string(kMaxIdempotencyKeyLength + 1, 'k'), std::string("tab\there")}) {
    auto b = book_keyed(at("2026-03-03T10:00:00Z"), key, "fp");
    ASSERT_FALSE(b.ok()) << key;
    EXPECT_EQ(b.error().code, core::ErrorCode::invalid);
    EXPECT_EQ(b.error().fields.at(0).field, "Idempotency-Key");
  }
  EXPECT_TRUE(check_idempotency_key(std::string(kMaxIdempotencyKeyLength, 'k')).ok());
  EXPECT_EQ(store_->bookings(store::BookingFilter{business_.id}).total, 0);
}

TEST_F(BookingFlowTest, ABookingWhoseConsumerBreaksTheRulesIsRefusedWhicheverEntryPointCalls) {
  BookRequest r{business_,
                service_,
                provider_ids_[0],
                at("2026-03-03T10:00:00Z"),
                core::Consumer{"Ann", "not-an-address", "", "Europe/London"},
                {},
                std::nullopt,
                "fp"};
  auto b = use_->bookings.book(r);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, core::ErrorCode::invalid);
  EXPECT_EQ(b.error().fields.at(0).field, "consumer.email");
  EXPECT_EQ(store_->bookings(store::BookingFilter{business_.id}).total, 0);
  EXPECT_EQ(metrics_.created, 0);
}

// ---- staff listing ----

TEST_F(BookingFlowTest, StaffListNamingNoProviderOfTheBusinessIsInvalidNamingProviderId) {
  ASSERT_TRUE(book(at("2026-03-03T10:00:00Z"), provider_ids_[0]).ok());
  store::BookingFilter f;
  f.business_id = business_.id;
  f.provider_id = "prv_nobody";
  // Asked by a manager and by a provider alike: a bad filter, not a forbidden colleague.
  for (const auto& scope : {core::StaffScope{core::Role::manager, std::nullopt},
                            core::StaffScope{core::Role::provider, provider_ids_[0]}}) {
    auto page = use_->bookings.staff_list(scope, f);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, core::ErrorCode::invalid);
    EXPECT_EQ(page.error().fields.at(0).field, "providerId");
  }
  f.provider_id = provider_ids_[0];
  auto own = use_->bookings.staff_list(core::StaffScope{core::Role::manager, std::nullopt}, f);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->total, 1);
  f.provider_id = provider_ids_[1];
  EXPECT_EQ(use_->bookings.staff_list(core::StaffScope{core::Role::provider, provider_ids_[0]}, f).error().code,
            core::ErrorCode::forbidden);
}

}  // namespace
}  // namespace visitd::service
