// The account-mail outbox (lockout notices): planned with its words, claimed once under a
// lease, taken over when the lease runs out, retried, and listed per address.
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class AccountMailOutbox : public StoreContractTest {
 protected:
  AccountMail plan(const std::string& address, std::int64_t due) {
    AccountMail m;
    m.kind = AccountMailKind::lockout;
    m.address = address;
    m.subject = "Sign-in paused";
    m.body = "Hello Ada,\n\nsign-in is paused.\n";
    m.next_attempt_at = at(due);
    return store_->plan_account_mail(m);
  }
};

TEST_P(AccountMailOutbox, APlannedMailIsClaimedOnceWhenDueAndRecordedAsSent) {
  const std::int64_t now = clock_.load();
  auto planned = plan("ada@example.test", now);
  EXPECT_TRUE(planned.id.starts_with("am_"));
  EXPECT_EQ(planned.status, "planned");
  plan("later@example.test", now + 3600);

  auto first = store_->claim_account_mail("w1", at(now), core::Seconds{60}, 10);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].id, planned.id);
  EXPECT_EQ(first[0].body, "Hello Ada,\n\nsign-in is paused.\n");
  EXPECT_EQ(first[0].attempts, 1);
  EXPECT_TRUE(store_->claim_account_mail("w2", at(now), core::Seconds{60}, 10).empty());  // leased to w1

  EXPECT_FALSE(store_->record_account_mail(planned.id, "w2", true, "", std::nullopt));  // not w2's lease
  EXPECT_TRUE(store_->record_account_mail(planned.id, "w1", true, "", std::nullopt));
  auto listed = store_->account_mail_to("ada@example.test", 10);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].status, "sent");
  EXPECT_TRUE(listed[0].sent_at.has_value());
  EXPECT_EQ(listed[0].kind, AccountMailKind::lockout);
  EXPECT_TRUE(store_->account_mail_to("nobody@example.test", 10).empty());
}

TEST_P(AccountMailOutbox, AnExpiredLeaseIsTakenOverAndAFailureRetriesOrEnds) {
  const std::int64_t now = clock_.load();
  auto planned = plan("bob@example.test", now);
  ASSERT_EQ(store_->claim_account_mail("crashed", at(now), core::Seconds{60}, 10).size(), 1u);
  auto again = store_->claim_account_mail("w2", at(now + 61), core::Seconds{60}, 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 2);
  EXPECT_FALSE(store_->record_account_mail(planned.id, "crashed", true, "", std::nullopt));

  EXPECT_TRUE(store_->record_account_mail(planned.id, "w2", false, "relay down", at(now + 300)));
  EXPECT_TRUE(store_->claim_account_mail("w2", at(now + 200), core::Seconds{60}, 10).empty());  // not yet due
  auto retried = store_->claim_account_mail("w2", at(now + 300), core::Seconds{60}, 10);
  ASSERT_EQ(retried.size(), 1u);
  EXPECT_EQ(retried[0].last_error, "relay down");
  EXPECT_TRUE(store_->record_account_mail(planned.id, "w2", false, "refused", std::nullopt));
  EXPECT_EQ(store_->account_mail_to("bob@example.test", 1)[0].status, "failed");
  EXPECT_TRUE(store_->claim_account_mail("w2", at(now + 9999), core::Seconds{60}, 10).empty());
}

TEST_P(AccountMailOutbox, AMailIsPlannedOnlyWhenNoneOfItsKindWentToTheAddressSince) {
  const std::int64_t now = clock_.load();
  AccountMail m;
  m.kind = AccountMailKind::lockout;
  m.address = "ada@example.test";
  m.subject = "Sign-in paused";
  m.body = "paused";
  m.next_attempt_at = at(now);
  auto first = store_->plan_account_mail_unless_since(m, at(now - 3600));
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(first->id.starts_with("am_"));
  clock_ += 1800;
  EXPECT_FALSE(store_->plan_account_mail_unless_since(m, at(clock_.load() - 3600)).has_value());
  // Another kind to the same address, or the same kind to another address, is not capped.
  AccountMail invitation = m;
  invitation.kind = AccountMailKind::invitation;
  EXPECT_TRUE(store_->plan_account_mail_unless_since(invitation, at(clock_.load() - 3600)).has_value());
  AccountMail other = m;
  other.address = "bob@example.test";
  EXPECT_TRUE(store_->plan_account_mail_unless_since(other, at(clock_.load() - 3600)).has_value());
  clock_ += 1801;  // an hour and a second after the first
  EXPECT_TRUE(store_->plan_account_mail_unless_since(m, at(clock_.load() - 3600)).has_value());
  EXPECT_EQ(store_->account_mail_to("ada@example.test", 10).size(), 3u);
}

VISITD_STORE_CONTRACT(AccountMailOutbox);

}  // namespace
}  // namespace visitd::store::testing
