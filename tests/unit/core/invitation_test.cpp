// Staff invitations (issue H): one use, an expiry, revocable; the refusal says which.
#include <gtest/gtest.h>

#include "core/invitation.hpp"

namespace visitd::core {
namespace {

Instant at(std::int64_t s) { return Instant(Seconds(s)); }

Invitation pending() {
  Invitation i;
  i.id = "inv_1";
  i.created_at = at(1000);
  i.expires_at = at(2000);
  return i;
}

TEST(Invitation, OpenUntilItsExpiryThenExpired) {
  EXPECT_TRUE(check_invitation_open(pending(), at(1999)).ok());
  EXPECT_EQ(invitation_status(pending(), at(1999)), InvitationStatus::pending);
  auto late = check_invitation_open(pending(), at(2000));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::gone);
  EXPECT_EQ(late.error().type, "invitation-expired");
  EXPECT_EQ(invitation_status(pending(), at(2000)), InvitationStatus::expired);
}

TEST(Invitation, AcceptedAndRevokedAreFinalWhateverTheTime) {
  Invitation used = pending();
  used.accepted_at = at(1500);
  EXPECT_EQ(check_invitation_open(used, at(1600)).error().type, "invitation-used");
  EXPECT_EQ(check_invitation_open(used, at(9000)).error().type, "invitation-used");
  EXPECT_EQ(invitation_status(used, at(9000)), InvitationStatus::accepted);
  Invitation withdrawn = pending();
  withdrawn.revoked_at = at(1500);
  EXPECT_EQ(check_invitation_open(withdrawn, at(1600)).error().type, "invitation-revoked");
  EXPECT_EQ(invitation_status(withdrawn, at(9000)), InvitationStatus::revoked);
}

TEST(Invitation, AnExpiredOneMayBeResentAUsedOrRevokedOneMayNot) {
  EXPECT_TRUE(check_invitation_changeable(pending()).ok());  // expired or not: resend renews it
  Invitation used = pending();
  used.accepted_at = at(1500);
  EXPECT_EQ(check_invitation_changeable(used).error().code, ErrorCode::policy);
  Invitation withdrawn = pending();
  withdrawn.revoked_at = at(1500);
  EXPECT_EQ(check_invitation_changeable(withdrawn).error().code, ErrorCode::policy);
}

}  // namespace
}  // namespace visitd::core
