// Staff invitations (issue H): written with their mail, listed while open, renewed with a new
// link, revoked, and accepted exactly once, by an existing account or a new one, inside the
// transaction that grants the membership.
#include <algorithm>
#include <cctype>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class Invitations : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    business_ = make_business();
  }

  AccountMail mail_to(const std::string& address, const std::string& link) {
    AccountMail m;
    m.kind = AccountMailKind::invitation;
    m.address = address;
    m.subject = "You are invited to join Acme Clinic";
    m.body = "Accept: " + link + "\n";
    m.next_attempt_at = at(clock_.load());
    return m;
  }

  core::Invitation invite(const std::string& email, const std::string& token_hash,
                          core::Role role = core::Role::provider) {
    core::Invitation inv;
    inv.business_id = business_.id;
    inv.email = email;
    inv.role = role;
    inv.expires_at = at(clock_.load() + 7 * 86400);
    // The service mails the lower-cased address it invites; the store lower-cases the invitation's.
    std::string address = email;
    std::transform(address.begin(), address.end(), address.begin(), [](unsigned char c) { return std::tolower(c); });
    auto created = store_->create_invitation(inv, token_hash, mail_to(address, "/invite/" + token_hash), staff_);
    EXPECT_TRUE(created.ok());
    return created.value();
  }

  std::vector<std::string> actions() {
    std::vector<std::string> out;
    for (const auto& e : store_->audit_log(business_.id, 50, 0)) out.push_back(e.action);
    return out;
  }

  core::Business business_;
};

TEST_P(Invitations, AnInvitationIsWrittenWithItsMailAndListedWhileOpen) {
  auto inv = invite("New.Hire@Example.test", "hash-1", core::Role::manager);
  EXPECT_TRUE(inv.id.starts_with("inv_"));
  EXPECT_EQ(inv.email, "new.hire@example.test");
  EXPECT_EQ(inv.invited_by, staff_.name);
  EXPECT_EQ(inv.created_at, at(clock_.load()));
  auto mails = store_->account_mail_to("new.hire@example.test", 10);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].kind, AccountMailKind::invitation);
  EXPECT_EQ(mails[0].body, "Accept: /invite/hash-1\n");

  auto listed = store_->open_invitations_of(business_.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, inv.id);
  EXPECT_EQ(listed[0].role, core::Role::manager);
  EXPECT_EQ(store_->invitation_by_token("hash-1").value().id, inv.id);
  EXPECT_EQ(store_->invitation_by_token("hash-2").error().code, core::ErrorCode::not_found);
  EXPECT_EQ(store_->invitation("biz_other", inv.id).error().code, core::ErrorCode::not_found);
  EXPECT_EQ(actions().front(), "invitation.create");
}

TEST_P(Invitations, ANewAccountAcceptsOnceAndJoinsWithTheInvitedRole) {
  auto inv = invite("newcomer@example.test", "hash-new", core::Role::manager);
  Joiner who;
  who.new_user.name = "Nia Newcomer";
  who.password_hash = "argon2-stand-in";
  auto accepted = store_->accept_invitation("hash-new", who);
  ASSERT_TRUE(accepted.ok()) << accepted.error().detail;
  EXPECT_EQ(accepted->user.email, "newcomer@example.test");
  EXPECT_EQ(accepted->user.name, "Nia Newcomer");
  EXPECT_EQ(store_->role_in(accepted->user.id, business_.id), core::Role::manager);
  EXPECT_EQ(store_->user_by_email("newcomer@example.test").value().password_hash, "argon2-stand-in");
  EXPECT_TRUE(store_->open_invitations_of(business_.id).empty());

  auto again = store_->accept_invitation("hash-new", who);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::gone);
  EXPECT_EQ(again.error().type, "invitation-used");
  auto log = store_->audit_log(business_.id, 2, 0);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].actor, "user:" + accepted->user.id);
  EXPECT_EQ(log[1].action, "invitation.accept");
  EXPECT_EQ(log[0].action, "membership.set");
}

TEST_P(Invitations, AnExistingAccountJoinsAndANewAccountForItsAddressIsRefused) {
  auto existing = store_->create_user(core::User{"", "ada@example.test", "Ada"}, "hash").value();
  invite("ada@example.test", "hash-ada");
  Joiner stranger;
  stranger.new_user.name = "Not Ada";
  stranger.password_hash = "x";
  auto refused = store_->accept_invitation("hash-ada", stranger);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::conflict);
  EXPECT_FALSE(store_->role_in(existing.id, business_.id).has_value());

  Joiner ada;
  ada.user_id = existing.id;
  auto accepted = store_->accept_invitation("hash-ada", ada);
  ASSERT_TRUE(accepted.ok()) << accepted.error().detail;
  EXPECT_EQ(accepted->user.id, existing.id);
  EXPECT_EQ(store_->role_in(existing.id, business_.id), core::Role::provider);
}

TEST_P(Invitations, ExpiredRevokedAndReplacedLinksAreRefusedAndNothingIsGranted) {
  auto late = invite("late@example.test", "hash-late");
  auto gone = invite("gone@example.test", "hash-gone");
  auto renewed = invite("renewed@example.test", "hash-old");
  Joiner who;
  who.new_user.name = "Someone";
  who.password_hash = "x";

  ASSERT_TRUE(store_->revoke_invitation(business_.id, gone.id, staff_).ok());
  EXPECT_EQ(store_->accept_invitation("hash-gone", who).error().type, "invitation-revoked");
  EXPECT_EQ(store_->revoke_invitation(business_.id, gone.id, staff_).error().code, core::ErrorCode::policy);
  EXPECT_EQ(store_->revoke_invitation(business_.id, "inv_nope", staff_).error().code, core::ErrorCode::not_found);

  clock_ += 8 * 86400;  // past every expiry
  EXPECT_EQ(store_->accept_invitation("hash-late", who).error().type, "invitation-expired");
  auto resent = store_->renew_invitation(business_.id, renewed.id, "hash-new", at(clock_.load() + 86400),
                                         mail_to("renewed@example.test", "/invite/hash-new"), staff_);
  ASSERT_TRUE(resent.ok());
  EXPECT_EQ(resent->expires_at, at(clock_.load() + 86400));
  EXPECT_EQ(store_->accept_invitation("hash-old", who).error().code, core::ErrorCode::not_found);
  EXPECT_EQ(store_->account_mail_to("renewed@example.test", 10).size(), 2u);
  EXPECT_TRUE(store_->accept_invitation("hash-new", who).ok());
  EXPECT_EQ(store_
                ->renew_invitation(business_.id, renewed.id, "hash-3", at(clock_.load() + 86400),
                                   mail_to("renewed@example.test", "x"), staff_)
                .error()
                .code,
            core::ErrorCode::policy);

  // Open = neither accepted nor revoked: the expired one stays listed (to be resent).
  auto open = store_->open_invitations_of(business_.id);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, late.id);
  EXPECT_FALSE(store_->user_by_email("late@example.test").ok());
  EXPECT_FALSE(store_->user_by_email("gone@example.test").ok());
  auto log = actions();
  EXPECT_NE(std::find(log.begin(), log.end(), "invitation.revoke"), log.end());
  EXPECT_NE(std::find(log.begin(), log.end(), "invitation.resend"), log.end());
}

TEST_P(Invitations, AMemberCannotAcceptTwiceThroughTwoInvitations) {
  invite("twice@example.test", "hash-a");
  invite("twice@example.test", "hash-b", core::Role::manager);
  Joiner who;
  who.new_user.name = "Twice";
  who.password_hash = "x";
  auto first = store_->accept_invitation("hash-a", who);
  ASSERT_TRUE(first.ok());
  Joiner again;
  again.user_id = first->user.id;
  EXPECT_EQ(store_->accept_invitation("hash-b", again).error().code, core::ErrorCode::conflict);
  EXPECT_EQ(store_->role_in(first->user.id, business_.id), core::Role::provider);  // unchanged
}

VISITD_STORE_CONTRACT(Invitations);

}  // namespace
}  // namespace visitd::store::testing
