// The outbox in the SQLite store: messages are written with the booking change in one
// transaction, claimed under a lease no second worker can take, retried, and withdrawn
// when the booking is cancelled or moved.
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

using core::Channel;
using core::MessageKind;
using core::Recipient;

class Outbox : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    p_ = make_provider(biz_.id);
    s_ = make_service(biz_.id, {p_.id});
  }

  core::PlannedMessage planned(MessageKind kind, std::int64_t due, Channel ch = Channel::email) {
    core::PlannedMessage m;
    m.kind = kind;
    m.channel = ch;
    m.recipient = Recipient::consumer;
    m.due_at = at(due);
    m.offset_minutes = kind == MessageKind::reminder ? 60 : 0;
    return m;
  }

  core::Booking book_with(std::vector<core::PlannedMessage> messages) {
    auto nb = booking_request(s_, {p_.id}, start_);
    nb.messages = std::move(messages);
    auto b = store_->create_booking(nb, Actor{"consumer"});
    EXPECT_TRUE(b.ok());
    return b.value();
  }

  MessageStatus status_of(const core::Id& booking_id, MessageKind kind) {
    for (const auto& m : store_->booking_messages(booking_id))
      if (m.kind == kind) return m.status;
    ADD_FAILURE() << "no message of that kind";
    return MessageStatus::failed;
  }

  core::Business biz_;
  core::Provider p_;
  core::Service s_;
  const std::int64_t now_ = kDay0 - 30 * 86400;
  const std::int64_t start_ = kDay0 + 10 * kHour;
};

TEST_P(Outbox, BookingWritesItsMessagesInTheSameTransaction) {
  auto b = book_with({planned(MessageKind::confirmation, now_), planned(MessageKind::reminder, start_ - kHour)});
  auto ms = store_->booking_messages(b.id);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].status, MessageStatus::planned);
  EXPECT_EQ(ms[0].message_id, ms[0].id);

  // A booking refused (slot taken) writes no message.
  auto clash = booking_request(s_, {p_.id}, start_);
  clash.messages = {planned(MessageKind::confirmation, now_)};
  EXPECT_FALSE(store_->create_booking(clash, Actor{"consumer"}).ok());
  EXPECT_EQ(store_->recent_messages(100).size(), 2u);
}

TEST_P(Outbox, ClaimTakesOnlyDueMessagesAndOneOwnerAtATime) {
  auto b = book_with({planned(MessageKind::confirmation, now_), planned(MessageKind::reminder, start_ - kHour)});
  auto a = store_->claim_due_messages("worker-a", at(now_), core::Seconds{60}, 10);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].kind, MessageKind::confirmation);
  EXPECT_EQ(a[0].attempts, 1);
  auto other = open();  // a second instance on the same database
  EXPECT_TRUE(other->claim_due_messages("worker-b", at(now_ + 30), core::Seconds{60}, 10).empty());
  // The lease expires (the first worker died): another instance takes the message over.
  auto b2 = other->claim_due_messages("worker-b", at(now_ + 61), core::Seconds{60}, 10);
  ASSERT_EQ(b2.size(), 1u);
  EXPECT_EQ(b2[0].message_id, a[0].message_id);
  EXPECT_EQ(b2[0].attempts, 2);
  // The dead worker's late record is refused; the holder's is kept.
  SendOutcome sent{MessageStatus::sent, "grace@example.test", "<m@x>", "", std::nullopt, ""};
  EXPECT_FALSE(store_->record_send_outcome(a[0].id, "worker-a", sent).ok());
  EXPECT_TRUE(other->record_send_outcome(a[0].id, "worker-b", sent).ok());
  EXPECT_EQ(status_of(b.id, MessageKind::confirmation), MessageStatus::sent);
}

TEST_P(Outbox, FailedAttemptWaitsForItsRetryTime) {
  auto b = book_with({planned(MessageKind::confirmation, now_)});
  auto claimed = store_->claim_due_messages("w", at(now_), core::Seconds{60}, 10);
  ASSERT_EQ(claimed.size(), 1u);
  SendOutcome retry{MessageStatus::planned, "grace@example.test", "", "smtp: refused", at(now_ + 100), ""};
  ASSERT_TRUE(store_->record_send_outcome(claimed[0].id, "w", retry).ok());
  EXPECT_TRUE(store_->claim_due_messages("w", at(now_ + 99), core::Seconds{60}, 10).empty());
  auto again = store_->claim_due_messages("w", at(now_ + 100), core::Seconds{60}, 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].last_error, "smtp: refused");
  SendOutcome failed{MessageStatus::failed, "grace@example.test", "", "smtp: refused", std::nullopt, ""};
  ASSERT_TRUE(store_->record_send_outcome(again[0].id, "w", failed).ok());
  EXPECT_EQ(status_of(b.id, MessageKind::confirmation), MessageStatus::failed);
}

TEST_P(Outbox, CancellationWithdrawsPendingRemindersAndPlansItsNotice) {
  auto b = book_with({planned(MessageKind::reminder, start_ - kHour)});
  auto cancelled = store_->set_booking_status(b.id, core::BookingStatus::cancelled, "", Actor{"consumer"},
                                              {planned(MessageKind::cancellation, now_)});
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(status_of(b.id, MessageKind::reminder), MessageStatus::withdrawn);
  EXPECT_EQ(status_of(b.id, MessageKind::cancellation), MessageStatus::planned);
  // Even long after the reminder's time, only the cancellation is claimed.
  auto claimed = store_->claim_due_messages("w", at(start_), core::Seconds{60}, 10);
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].kind, MessageKind::cancellation);
}

TEST_P(Outbox, DeliveryReportsFindTheMessageByCarrierId) {
  auto b = book_with({planned(MessageKind::confirmation, now_, Channel::sms)});
  auto claimed = store_->claim_due_messages("w", at(now_), core::Seconds{60}, 10);
  ASSERT_TRUE(
      store_
          ->record_send_outcome(claimed[0].id, "w", {MessageStatus::sent, "+442079460958", "SM1", "", std::nullopt, ""})
          .ok());
  EXPECT_FALSE(store_->record_delivery("SM-unknown", true, "").ok());
  ASSERT_TRUE(store_->record_delivery("SM1", true, "").ok());
  EXPECT_EQ(status_of(b.id, MessageKind::confirmation), MessageStatus::delivered);
}

TEST_P(Outbox, ResendPlansACopyWithANewMessageId) {
  auto b = book_with({planned(MessageKind::confirmation, now_)});
  auto original = store_->booking_messages(b.id)[0];
  auto copy = store_->resend_message(b.id, original.id, staff_);
  ASSERT_TRUE(copy.ok());
  EXPECT_NE(copy->message_id, original.message_id);
  EXPECT_EQ(copy->status, MessageStatus::planned);
  EXPECT_EQ(store_->resend_message(b.id, "msg_nope", staff_).error().code, core::ErrorCode::not_found);
}

TEST_P(Outbox, OptOutsAndPolicyOverrides) {
  EXPECT_FALSE(store_->sms_opted_out_at("+442079460958"));
  store_->set_sms_opt_out("+442079460958", true);
  EXPECT_EQ(store_->sms_opted_out_at("+442079460958"), at(now_));
  store_->set_sms_opt_out("+442079460958", false);
  EXPECT_FALSE(store_->sms_opted_out_at("+442079460958"));

  auto inherited = store_->notification_policy(biz_.id, s_.id);
  EXPECT_FALSE(inherited.overridden);
  EXPECT_EQ(inherited.policy.reminder_offsets_minutes, biz_.rules.reminder_offsets_minutes);
  core::NotificationPolicy own;
  own.reminder = {};
  own.reminder_offsets_minutes = {30};
  ASSERT_TRUE(store_->put_notification_policy(biz_.id, s_.id, own, staff_).ok());
  auto overridden = store_->notification_policy(biz_.id, s_.id);
  EXPECT_TRUE(overridden.overridden);
  EXPECT_EQ(overridden.policy, own);
  ASSERT_TRUE(store_->put_notification_policy(biz_.id, s_.id, std::nullopt, staff_).ok());
  EXPECT_FALSE(store_->notification_policy(biz_.id, s_.id).overridden);
}

VISITD_STORE_CONTRACT(Outbox);

}  // namespace
}  // namespace visitd::store::testing
