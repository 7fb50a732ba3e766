// The booking write path: collisions with buffers, day limits, candidate order,
// idempotency, reschedule and status transitions with their history and audit.
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

using core::BookingStatus;
using core::ErrorCode;

class Bookings : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    p1_ = make_provider(biz_.id, "One");
    p2_ = make_provider(biz_.id, "Two");
  }
  Result<core::Booking> book(const core::Service& s, const std::vector<core::Id>& providers, std::int64_t start) {
    return store_->create_booking(booking_request(s, providers, start), consumer_);
  }

  core::Business biz_;
  core::Provider p1_, p2_;
  Actor consumer_{"consumer"};
  const std::int64_t ten_ = kDay0 + 10 * kHour;
};

TEST_P(Bookings, CreatedBookingRoundTripsWithAnswersAndHistory) {
  auto s = make_service(biz_.id, {p1_.id}, 5, 10);
  auto nb = booking_request(s, {p1_.id}, ten_);
  nb.booking.answers = {{"reason", "Back pain"}, {"mode", "video"}};
  nb.booking.consumer.phone = "+441234567890";
  auto created = store_->create_booking(nb, consumer_);
  ASSERT_TRUE(created.ok()) << created.error().detail;
  EXPECT_TRUE(created->id.starts_with("bk_"));

  auto b = store_->booking(created->id).value();
  EXPECT_EQ(b.business_id, biz_.id);
  EXPECT_EQ(b.service_id, s.id);
  EXPECT_EQ(b.provider_id, p1_.id);
  EXPECT_EQ(b.status, BookingStatus::confirmed);
  EXPECT_EQ(b.time, span(ten_, ten_ + 30 * kMinute));
  EXPECT_EQ(b.block, span(ten_ - 5 * kMinute, ten_ + 40 * kMinute));
  EXPECT_EQ(b.consumer.email, "grace@example.test");
  EXPECT_EQ(b.consumer.phone, "+441234567890");
  EXPECT_EQ(b.consumer.zone, "America/New_York");
  EXPECT_EQ(b.capability_version, 1);
  EXPECT_EQ(b.created_at, at(clock_.load()));
  ASSERT_EQ(b.answers.size(), 2u);
  EXPECT_EQ(b.answers[1].value, "video");
  ASSERT_EQ(b.history.size(), 1u);
  EXPECT_EQ(b.history[0].action, "created");
  EXPECT_EQ(b.history[0].actor, "consumer");
  EXPECT_EQ(store_->booking("bk_nope").error().code, ErrorCode::not_found);
}

TEST_P(Bookings, OverlappingBlocksCollideButBackToBackBlocksDoNot) {
  // 30-minute appointments with 10 minutes before and 15 after: blocks are 55 minutes.
  auto s = make_service(biz_.id, {p1_.id, p2_.id}, 10, 15);
  ASSERT_TRUE(book(s, {p1_.id}, ten_).ok());  // block 09:50-10:45

  auto inside_buffer = book(s, {p1_.id}, ten_ + 45 * kMinute);  // block 10:35-11:30
  ASSERT_FALSE(inside_buffer.ok());
  EXPECT_EQ(inside_buffer.error().code, ErrorCode::conflict);
  EXPECT_EQ(inside_buffer.error().detail, "slot is no longer available");
  EXPECT_FALSE(book(s, {p1_.id}, ten_ - 50 * kMinute).ok());  // block 08:59..09:55 overlaps 09:50

  EXPECT_TRUE(book(s, {p1_.id}, ten_ + 55 * kMinute).ok());  // block 10:45-11:40 touches
  EXPECT_TRUE(book(s, {p1_.id}, ten_ - 55 * kMinute).ok());  // block 08:55-09:50 touches
  // Another provider at the same time is unaffected.
  EXPECT_TRUE(book(s, {p2_.id}, ten_).ok());
}

TEST_P(Bookings, CancelledBookingsFreeTheirSlot) {
  auto s = make_service(biz_.id, {p1_.id});
  auto first = book(s, {p1_.id}, ten_);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(store_->set_booking_status(first->id, BookingStatus::cancelled, "changed plans", consumer_).ok());
  EXPECT_TRUE(book(s, {p1_.id}, ten_).ok());
}

TEST_P(Bookings, DailyLimitCountsConfirmedBookingsOfTheServiceThatDay) {
  auto s = make_service(biz_.id, {p1_.id}, 0, 0, 2);
  auto other = make_service(biz_.id, {p1_.id});
  ASSERT_TRUE(book(s, {p1_.id}, ten_).ok());
  ASSERT_TRUE(book(other, {p1_.id}, ten_ + kHour).ok());  // another service does not count
  auto second = book(s, {p1_.id}, ten_ + 2 * kHour);
  ASSERT_TRUE(second.ok());

  auto third = book(s, {p1_.id}, ten_ + 3 * kHour);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::conflict);
  EXPECT_TRUE(book(s, {p1_.id}, ten_ + 3 * kHour + 86400).ok());  // the next day is fresh

  ASSERT_TRUE(store_->set_booking_status(second->id, BookingStatus::cancelled, "", consumer_).ok());
  EXPECT_TRUE(book(s, {p1_.id}, ten_ + 3 * kHour).ok());
}

TEST_P(Bookings, AnyProviderFallsToTheNextFreeCandidateInOrder) {
  auto s = make_service(biz_.id, {p1_.id, p2_.id});
  auto first = book(s, {p1_.id, p2_.id}, ten_);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->provider_id, p1_.id);
  auto second = book(s, {p1_.id, p2_.id}, ten_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->provider_id, p2_.id);
  EXPECT_EQ(book(s, {p1_.id, p2_.id}, ten_).error().code, ErrorCode::conflict);
  // Order is the caller's: p2 first when asked so.
  auto later = book(s, {p2_.id, p1_.id}, ten_ + kHour);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->provider_id, p2_.id);
}

TEST_P(Bookings, ProviderWithoutTheServiceIsNotACandidate) {
  auto s = make_service(biz_.id, {p1_.id});
  auto r = book(s, {p2_.id, p1_.id}, ten_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->provider_id, p1_.id);
  EXPECT_EQ(book(s, {p2_.id}, ten_ + kHour).error().code, ErrorCode::conflict);
}

TEST_P(Bookings, IdempotencyKeyReturnsTheFirstBookingUnchanged) {
  auto s = make_service(biz_.id, {p1_.id, p2_.id});
  auto nb = booking_request(s, {p1_.id}, ten_);
  nb.idempotency_key = "key-1";
  nb.request_fingerprint = "fp-1";
  auto first = store_->create_booking(nb, consumer_);
  ASSERT_TRUE(first.ok());

  auto repeat = store_->create_booking(nb, consumer_);
  ASSERT_TRUE(repeat.ok()) << repeat.error().detail;
  EXPECT_EQ(repeat->id, first->id);
  EXPECT_EQ(store_->bookings(all_of(biz_.id)).total, 1);

  auto other_body = nb;
  other_body.request_fingerprint = "fp-2";
  auto reused = store_->create_booking(other_body, consumer_);
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error().code, ErrorCode::conflict);

  auto stored = store_->booking_by_idempotency_key(biz_.id, "key-1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->booking.id, first->id);
  EXPECT_EQ(stored->request_fingerprint, "fp-1");
  EXPECT_FALSE(store_->booking_by_idempotency_key(biz_.id, "key-2"));

  // Keys are per business.
  auto other_biz = make_business("other");
  auto op = make_provider(other_biz.id);
  auto os = make_service(other_biz.id, {op.id});
  auto elsewhere = booking_request(os, {op.id}, ten_);
  elsewhere.idempotency_key = "key-1";
  auto third = store_->create_booking(elsewhere, consumer_);
  ASSERT_TRUE(third.ok());
  EXPECT_NE(third->id, first->id);
}

TEST_P(Bookings, RescheduleMovesWithinItsOwnBlockAndKeepsHistory) {
  auto s = make_service(biz_.id, {p1_.id}, 0, 15);
  auto b = book(s, {p1_.id}, ten_).value();
  // Overlaps the booking's own old block: allowed, it ignores itself.
  Reschedule r{b.id,
               span(ten_ + 15 * kMinute, ten_ + 45 * kMinute),
               span(ten_ + 15 * kMinute, ten_ + kHour),
               utc_day(ten_),
               0,
               "running late"};
  clock_ += 60;
  auto moved = store_->reschedule_booking(r, consumer_);
  ASSERT_TRUE(moved.ok()) << moved.error().detail;
  EXPECT_EQ(moved->id, b.id);
  EXPECT_EQ(moved->time, r.time);
  EXPECT_EQ(moved->block, r.block);
  ASSERT_EQ(moved->history.size(), 2u);
  EXPECT_EQ(moved->history[1].action, "rescheduled");
  EXPECT_EQ(moved->history[1].from, span(ten_, ten_ + 30 * kMinute));
  EXPECT_EQ(moved->history[1].to, r.time);
  EXPECT_EQ(moved->history[1].reason, "running late");
  EXPECT_EQ(moved->history[1].at, at(clock_.load()));
  EXPECT_EQ(moved->capability_version, 2);  // a reschedule replaces the links sent before (issue H)
  EXPECT_EQ(store_->booking(b.id)->time, r.time);
}

TEST_P(Bookings, RescheduleRefusesACollisionAndLeavesTheBookingAlone) {
  auto s = make_service(biz_.id, {p1_.id});
  auto a = book(s, {p1_.id}, ten_).value();
  ASSERT_TRUE(book(s, {p1_.id}, ten_ + kHour).ok());
  Reschedule r{a.id,
               span(ten_ + 45 * kMinute, ten_ + 75 * kMinute),
               span(ten_ + 45 * kMinute, ten_ + 75 * kMinute),
               utc_day(ten_),
               0,
               ""};
  auto moved = store_->reschedule_booking(r, consumer_);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, ErrorCode::conflict);
  auto unchanged = store_->booking(a.id).value();
  EXPECT_EQ(unchanged.time, span(ten_, ten_ + 30 * kMinute));
  EXPECT_EQ(unchanged.history.size(), 1u);
}

TEST_P(Bookings, RescheduleRespectsTheDailyLimitOfTheNewDay) {
  auto s = make_service(biz_.id, {p1_.id}, 0, 0, 1);
  auto today = book(s, {p1_.id}, ten_).value();
  ASSERT_TRUE(book(s, {p1_.id}, ten_ + 86400).ok());
  auto to_full_day = store_->reschedule_booking(
      {today.id, span(ten_ + 86400 + kHour, ten_ + 86400 + kHour + 1800),
       span(ten_ + 86400 + kHour, ten_ + 86400 + kHour + 1800), utc_day(ten_ + 86400), 1, ""},
      consumer_);
  EXPECT_EQ(to_full_day.error().code, ErrorCode::conflict);
  // Moving within its own day does not count itself.
  EXPECT_TRUE(store_
                  ->reschedule_booking({today.id, span(ten_ + kHour, ten_ + kHour + 1800),
                                        span(ten_ + kHour, ten_ + kHour + 1800), utc_day(ten_), 1, ""},
                                       consumer_)
                  .ok());
}

TEST_P(Bookings, StatusChangesArePersistedWithHistoryAndFinalStatesStayFinal) {
  auto s = make_service(biz_.id, {p1_.id});
  auto a = book(s, {p1_.id}, ten_).value();
  auto b = book(s, {p1_.id}, ten_ + kHour).value();
  auto c = book(s, {p1_.id}, ten_ + 2 * kHour).value();

  auto cancelled = store_->set_booking_status(a.id, BookingStatus::cancelled, "feeling better", consumer_);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->cancel_reason, "feeling better");
  EXPECT_EQ(cancelled->capability_version, 2);  // a cancellation revokes the links sent so far (issue H)
  ASSERT_TRUE(store_->set_booking_status(b.id, BookingStatus::completed, "", staff_).ok());
  ASSERT_TRUE(store_->set_booking_status(c.id, BookingStatus::no_show, "", staff_).ok());
  EXPECT_EQ(store_->booking(b.id)->capability_version, 1);  // finishing keeps them
  EXPECT_EQ(store_->booking(c.id)->capability_version, 1);

  auto read_a = store_->booking(a.id).value();
  EXPECT_EQ(read_a.status, BookingStatus::cancelled);
  ASSERT_EQ(read_a.history.size(), 2u);
  EXPECT_EQ(read_a.history[1].action, "cancelled");
  EXPECT_EQ(read_a.history[1].reason, "feeling better");
  EXPECT_EQ(store_->booking(b.id)->status, BookingStatus::completed);
  EXPECT_EQ(store_->booking(c.id)->history.back().action, "no_show");

  auto again = store_->set_booking_status(a.id, BookingStatus::cancelled, "", consumer_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::policy);
  EXPECT_EQ(store_->set_booking_status(b.id, BookingStatus::cancelled, "", staff_).error().code, ErrorCode::policy);
  auto move_cancelled =
      store_->reschedule_booking({a.id, span(ten_ + 5 * kHour, ten_ + 5 * kHour + 1800),
                                  span(ten_ + 5 * kHour, ten_ + 5 * kHour + 1800), utc_day(ten_), 0, ""},
                                 consumer_);
  EXPECT_EQ(move_cancelled.error().code, ErrorCode::policy);
  EXPECT_EQ(store_->booking(a.id)->history.size(), 2u);
}

TEST_P(Bookings, ARescheduleRaisesTheCapabilityVersionARefusedOneDoesNot) {
  auto s = make_service(biz_.id, {p1_.id});
  auto b = book(s, {p1_.id}, ten_).value();
  auto other = book(s, {p1_.id}, ten_ + 2 * kHour).value();
  auto moved = store_->reschedule_booking(
      {b.id, span(ten_ + kHour, ten_ + kHour + 1800), span(ten_ + kHour, ten_ + kHour + 1800), utc_day(ten_), 0, ""},
      staff_);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->capability_version, 2);
  auto taken = store_->reschedule_booking({b.id, other.time, other.block, utc_day(ten_), 0, ""}, staff_);
  EXPECT_EQ(taken.error().code, ErrorCode::conflict);
  EXPECT_EQ(store_->booking(b.id)->capability_version, 2);
}

TEST_P(Bookings, ReissuingLinksRaisesTheVersionPlansTheNoticeAndIsAudited) {
  auto s = make_service(biz_.id, {p1_.id});
  auto b = book(s, {p1_.id}, ten_).value();
  const auto notice = core::plan_links_notice(true, false, at(clock_.load()), 0);
  auto reissued = store_->reissue_links(b.id, staff_, notice);
  ASSERT_TRUE(reissued.ok()) << reissued.error().detail;
  EXPECT_EQ(reissued->capability_version, 2);
  EXPECT_EQ(reissued->status, BookingStatus::confirmed);
  EXPECT_EQ(reissued->history.size(), b.history.size());  // the appointment itself did not change
  auto log = store_->audit_log(biz_.id, 1, 0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "booking.links_reissue");
  EXPECT_EQ(log[0].target, "booking:" + b.id);
  auto planned = store_->booking_messages(b.id);
  EXPECT_EQ(std::count_if(planned.begin(), planned.end(),
                          [](const OutboxMessage& m) {
                            return m.kind == core::MessageKind::confirmation &&
                                   m.recipient == core::Recipient::consumer;
                          }),
            1);
  EXPECT_EQ(store_->reissue_links("bk_nope", staff_, {}).error().code, ErrorCode::not_found);
  ASSERT_TRUE(store_->set_booking_status(b.id, BookingStatus::cancelled, "", staff_).ok());
  EXPECT_EQ(store_->reissue_links(b.id, staff_, notice).error().code, ErrorCode::policy);
  EXPECT_EQ(store_->booking(b.id)->capability_version, 3);  // the cancellation's, not a reissue's
}

TEST_P(Bookings, BookingTransitionsAreAudited) {
  auto s = make_service(biz_.id, {p1_.id});
  auto b = book(s, {p1_.id}, ten_).value();
  ASSERT_TRUE(store_
                  ->reschedule_booking({b.id, span(ten_ + kHour, ten_ + kHour + 1800),
                                        span(ten_ + kHour, ten_ + kHour + 1800), utc_day(ten_), 0, ""},
                                       staff_)
                  .ok());
  ASSERT_TRUE(store_->set_booking_status(b.id, BookingStatus::cancelled, "", staff_).ok());
  auto log = store_->audit_log(biz_.id, 3, 0);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].action, "booking.cancel");
  EXPECT_EQ(log[0].actor, staff_.name);
  EXPECT_EQ(log[0].target, "booking:" + b.id);
  EXPECT_EQ(log[1].action, "booking.reschedule");
  EXPECT_EQ(log[2].action, "booking.create");
  EXPECT_EQ(log[2].actor, "consumer");
}

TEST_P(Bookings, ListingFiltersByOverlapProviderAndStatusWithPaging) {
  auto s = make_service(biz_.id, {p1_.id, p2_.id});
  std::vector<core::Booking> made;
  made.reserve(6);
  for (int i = 0; i < 5; ++i) made.push_back(book(s, {p1_.id}, ten_ + i * kHour).value());
  made.push_back(book(s, {p2_.id}, ten_).value());
  ASSERT_TRUE(store_->set_booking_status(made[1].id, BookingStatus::cancelled, "", staff_).ok());

  auto all = store_->bookings(all_of(biz_.id));
  EXPECT_EQ(all.total, 6);
  ASSERT_EQ(all.items.size(), 6u);
  for (std::size_t i = 1; i < all.items.size(); ++i) EXPECT_LE(all.items[i - 1].time.begin, all.items[i].time.begin);

  BookingFilter f = all_of(biz_.id);
  f.range = span(ten_ + 15 * kMinute, ten_ + 2 * kHour);  // overlaps 10:00, 11:00 (cancelled) and not 12:00
  f.provider_id = p1_.id;
  auto window = store_->bookings(f);
  EXPECT_EQ(window.total, 2);

  f.status = BookingStatus::confirmed;
  auto confirmed = store_->bookings(f);
  ASSERT_EQ(confirmed.total, 1);
  EXPECT_EQ(confirmed.items[0].id, made[0].id);

  BookingFilter paged = all_of(biz_.id);
  paged.provider_id = p1_.id;
  paged.limit = 2;
  paged.offset = 2;
  auto page = store_->bookings(paged);
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, made[2].id);

  paged.limit = 100000;  // clamped, not refused
  paged.offset = -5;
  EXPECT_EQ(store_->bookings(paged).items.size(), 5u);
  EXPECT_EQ(store_->bookings(all_of("biz_other")).total, 0);
}

TEST_P(Bookings, BusyBookingsAndCountsSeeOnlyConfirmedOnes) {
  auto s = make_service(biz_.id, {p1_.id, p2_.id}, 0, 30);
  auto a = book(s, {p1_.id}, ten_).value();
  auto b = book(s, {p1_.id}, ten_ + 2 * kHour).value();
  ASSERT_TRUE(book(s, {p2_.id}, ten_).ok());
  ASSERT_TRUE(store_->set_booking_status(b.id, BookingStatus::cancelled, "", staff_).ok());

  // The block (with its 30-minute buffer after) reaches 11:00, so a range from 10:45 sees it.
  auto busy = store_->busy_bookings({p1_.id}, span(ten_ + 45 * kMinute, ten_ + 5 * kHour));
  ASSERT_EQ(busy.size(), 1u);
  EXPECT_EQ(busy[0].id, a.id);
  EXPECT_EQ(store_->busy_bookings({p1_.id, p2_.id}, span(ten_, ten_ + kHour)).size(), 2u);
}

TEST_P(Bookings, BusyBookingsReachBackToTheLongestBlockAndCarryWhatSlotSearchReads) {
  // The longest block validation allows: a day's appointment with a day's buffer each side.
  core::Service s = make_service(biz_.id, {p1_.id}, 24 * 60, 24 * 60);
  s.duration_minutes = 24 * 60;
  ASSERT_TRUE(store_->update_service(s, staff_).ok());
  auto long_one = book(s, {p1_.id}, ten_).value();  // block: ten_ - 1 day .. ten_ + 2 days
  auto short_s = make_service(biz_.id, {p1_.id});
  auto later = book(short_s, {p1_.id}, ten_ + 5 * 24 * kHour).value();

  // A range starting just before the long block ends still sees it, with its block and service.
  auto busy = store_->busy_bookings({p1_.id}, span(ten_ + 2 * 24 * kHour - kMinute, ten_ + 6 * 24 * kHour));
  ASSERT_EQ(busy.size(), 2u);
  EXPECT_EQ(busy[0].id, long_one.id);
  EXPECT_EQ(busy[0].service_id, s.id);
  EXPECT_EQ(busy[0].provider_id, p1_.id);
  EXPECT_EQ(busy[0].block, long_one.block);
  EXPECT_EQ(busy[0].time, long_one.time);
  EXPECT_EQ(busy[1].id, later.id);
  // ... and a booking colliding with its tail is refused.
  EXPECT_EQ(book(short_s, {p1_.id}, ten_ + 2 * 24 * kHour - 10 * kMinute).error().code, ErrorCode::conflict);
  EXPECT_TRUE(store_->busy_bookings({p1_.id}, span(ten_ + 2 * 24 * kHour, ten_ + 5 * 24 * kHour)).empty());
}

TEST_P(Bookings, ABlockLongerThanThreeDaysIsRefusedNamingEnd) {
  auto s = make_service(biz_.id, {p1_.id});
  auto nb = booking_request(s, {p1_.id}, ten_);
  nb.booking.block = span(ten_ - 2 * 24 * kHour - kMinute, ten_ + 24 * kHour);  // three days and a minute
  auto refused = store_->create_booking(nb, consumer_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::invalid);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "end");
}

TEST_P(Bookings, RescheduleCanMoveToAnotherProviderOfTheServiceOnly) {
  auto s = make_service(biz_.id, {p1_.id, p2_.id});
  auto a = book(s, {p1_.id}, ten_).value();
  ASSERT_TRUE(book(s, {p2_.id}, ten_ + kHour).ok());
  Reschedule to_p2{a.id, span(ten_, ten_ + 30 * kMinute), span(ten_, ten_ + 30 * kMinute), utc_day(ten_), 0, ""};
  to_p2.provider_id = p2_.id;
  auto moved = store_->reschedule_booking(to_p2, consumer_);
  ASSERT_TRUE(moved.ok()) << moved.error().detail;
  EXPECT_EQ(moved->provider_id, p2_.id);
  EXPECT_EQ(store_->booking(a.id)->provider_id, p2_.id);

  // Into p2's existing booking: refused, the booking stays with p2 at its time.
  Reschedule onto_taken{a.id,
                        span(ten_ + kHour, ten_ + kHour + 30 * kMinute),
                        span(ten_ + kHour, ten_ + kHour + 30 * kMinute),
                        utc_day(ten_),
                        0,
                        ""};
  EXPECT_EQ(store_->reschedule_booking(onto_taken, consumer_).error().code, ErrorCode::conflict);

  // A provider who does not offer the service cannot take it.
  auto only_p1 = make_service(biz_.id, {p1_.id});
  auto b = book(only_p1, {p1_.id}, ten_ + 3 * kHour).value();
  Reschedule to_outsider{b.id, b.time, b.block, utc_day(ten_), 0, ""};
  to_outsider.provider_id = p2_.id;
  EXPECT_EQ(store_->reschedule_booking(to_outsider, consumer_).error().code, ErrorCode::conflict);
  EXPECT_EQ(store_->booking(b.id)->provider_id, p1_.id);
}

VISITD_STORE_CONTRACT(Bookings);

}  // namespace
}  // namespace visitd::store::testing
