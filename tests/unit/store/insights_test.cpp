// InsightStore: the facts behind the manager's insights, the same on every backend: bookings
// starting in the range (filtered by provider and service) and their reminders' outcomes.
#include <map>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class InsightFactsTest : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    p1_ = make_provider(biz_.id, "One");
    p2_ = make_provider(biz_.id, "Two");
    s1_ = make_service(biz_.id, {p1_.id, p2_.id});
    s2_ = make_service(biz_.id, {p1_.id});
  }
  core::Booking book(const core::Service& s, const core::Id& provider, std::int64_t start,
                     std::vector<core::PlannedMessage> messages = {}) {
    auto nb = booking_request(s, {provider}, start);
    nb.messages = std::move(messages);
    return store_->create_booking(nb, Actor{"consumer"}).value();
  }
  static core::PlannedMessage reminder(core::Channel channel, std::int64_t due) {
    core::PlannedMessage m;
    m.kind = core::MessageKind::reminder;
    m.channel = channel;
    m.due_at = at(due);
    m.offset_minutes = 60;
    return m;
  }
  InsightQuery day0() { return {biz_.id, span(kDay0, kDay0 + 86400), std::nullopt, std::nullopt}; }

  core::Business biz_;
  core::Provider p1_, p2_;
  core::Service s1_, s2_;
};

TEST_P(InsightFactsTest, BookingsStartingInTheRangeWithStatusAndCreationTime) {
  clock_ = kDay0 - 2 * 86400;
  auto a = book(s1_, p1_.id, kDay0 + 9 * kHour);
  auto b = book(s1_, p2_.id, kDay0 + 10 * kHour);
  auto c = book(s1_, p2_.id, kDay0 + 11 * kHour);
  book(s1_, p1_.id, kDay0 + 86400 + 9 * kHour);  // the next day: outside
  ASSERT_TRUE(store_->set_booking_status(b.id, core::BookingStatus::cancelled, "", staff_).ok());
  ASSERT_TRUE(store_->set_booking_status(c.id, core::BookingStatus::no_show, "", staff_).ok());

  auto facts = store_->insight_facts(day0());
  ASSERT_EQ(facts.bookings.size(), 3u);
  EXPECT_EQ(facts.bookings[0].provider_id, p1_.id);
  EXPECT_EQ(facts.bookings[0].service_id, s1_.id);
  EXPECT_EQ(facts.bookings[0].time, a.time);
  EXPECT_EQ(facts.bookings[0].created_at, at(kDay0 - 2 * 86400));
  EXPECT_EQ(facts.bookings[0].status, core::BookingStatus::confirmed);
  EXPECT_EQ(facts.bookings[1].status, core::BookingStatus::cancelled);
  EXPECT_EQ(facts.bookings[2].status, core::BookingStatus::no_show);  // every status read back as itself
}

TEST_P(InsightFactsTest, FiltersByProviderAndServiceAndKeepsToTheBusiness) {
  book(s1_, p1_.id, kDay0 + 9 * kHour);
  book(s1_, p2_.id, kDay0 + 10 * kHour);
  book(s2_, p1_.id, kDay0 + 11 * kHour);
  auto q = day0();
  q.provider_id = p1_.id;
  EXPECT_EQ(store_->insight_facts(q).bookings.size(), 2u);
  q.service_id = s2_.id;
  EXPECT_EQ(store_->insight_facts(q).bookings.size(), 1u);
  q.provider_id.reset();
  q.service_id = s1_.id;
  EXPECT_EQ(store_->insight_facts(q).bookings.size(), 2u);
  auto other = make_business("other");
  EXPECT_TRUE(
      store_->insight_facts({other.id, span(kDay0, kDay0 + 86400), std::nullopt, std::nullopt}).bookings.empty());
}

TEST_P(InsightFactsTest, RemindersAreTalliedByChannelAndOutcomeOnlyForTheCountedBookings) {
  book(s1_, p1_.id, kDay0 + 9 * kHour,
       {reminder(core::Channel::email, kDay0 + 8 * kHour), reminder(core::Channel::sms, kDay0 + 8 * kHour)});
  auto moved = book(s1_, p2_.id, kDay0 + 10 * kHour, {reminder(core::Channel::email, kDay0 + 9 * kHour)});
  book(s1_, p1_.id, kDay0 + 86400 + 9 * kHour, {reminder(core::Channel::email, kDay0 + 86400)});  // outside
  // Cancelling withdraws the second booking's pending reminder: skipped, not pending.
  ASSERT_TRUE(store_->set_booking_status(moved.id, core::BookingStatus::cancelled, "", staff_).ok());
  // The first booking's reminders go out when due: the e-mail is sent, the SMS fails.
  for (const auto& m : store_->claim_due_messages("w", at(kDay0 + 8 * kHour), core::Seconds{60}, 10)) {
    if (m.kind != core::MessageKind::reminder) continue;
    SendOutcome o;
    o.status = m.channel == core::Channel::email ? MessageStatus::sent : MessageStatus::failed;
    ASSERT_TRUE(store_->record_send_outcome(m.id, "w", o).ok());
  }

  auto facts = store_->insight_facts(day0());
  std::map<std::pair<core::Channel, core::ReminderOutcome>, std::int64_t> got;
  for (const auto& t : facts.reminders) got[{t.channel, t.outcome}] += t.count;
  std::map<std::pair<core::Channel, core::ReminderOutcome>, std::int64_t> want{
      {{core::Channel::email, core::ReminderOutcome::sent}, 1},
      {{core::Channel::sms, core::ReminderOutcome::failed}, 1},
      {{core::Channel::email, core::ReminderOutcome::skipped}, 1}};
  EXPECT_EQ(got, want);
}

VISITD_STORE_CONTRACT(InsightFactsTest);

}  // namespace
}  // namespace visitd::store::testing
