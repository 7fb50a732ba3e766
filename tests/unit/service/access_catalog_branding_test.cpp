// The use cases that took over what handlers did with the store themselves: API tokens
// (Access), a provider's time off (Catalog) and the clinic's public face (Branding).
#include "service_fixture.hpp"

namespace visitd::service::testing {
namespace {

class AccessTest : public ServiceTest {};

TEST_F(AccessTest, ATokensRoleNeverExceedsItsCreators) {
  auto user = store_->create_user(core::User{"", "tokens@flow.test", "Tee"}, "");
  ASSERT_TRUE(user.ok()) << user.error().detail;
  const core::Id u1 = user->id;
  ASSERT_TRUE(store_->set_membership(core::Membership{business_.id, u1, core::Role::owner}, by_).ok());
  auto refused = use_->access.issue_token(business_.id, u1, core::Role::manager, "ci", core::Role::owner, by_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::forbidden);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "role");
  EXPECT_TRUE(use_->access.tokens_of(business_.id).empty());

  auto issued = use_->access.issue_token(business_.id, u1, core::Role::owner, "ci", core::Role::owner, by_);
  ASSERT_TRUE(issued.ok()) << issued.error().detail;
  EXPECT_FALSE(issued->secret.empty());
  EXPECT_EQ(issued->token.created_at, clock_.now());
  // The secret opens it (its hash is what is stored); a manager may not revoke it.
  ASSERT_TRUE(use_->access.use_api_token(security::sha256_hex(issued->secret)).has_value());
  auto revoke = use_->access.revoke_token(business_.id, core::Role::manager, issued->token.id, by_);
  ASSERT_FALSE(revoke.ok());
  EXPECT_EQ(revoke.error().code, core::ErrorCode::forbidden);
  EXPECT_EQ(use_->access.revoke_token(business_.id, core::Role::owner, "no-such-token", by_).error().code,
            core::ErrorCode::not_found);
  ASSERT_TRUE(use_->access.revoke_token(business_.id, core::Role::owner, issued->token.id, by_).ok());
  EXPECT_FALSE(use_->access.use_api_token(security::sha256_hex(issued->secret)).has_value());
}

TEST_F(AccessTest, TimeOffLongerThan366DaysIsRefusedAndNotStored) {
  core::TimeOff t;
  t.span = core::Interval{at("2030-01-01T00:00:00Z"), at("2031-01-03T00:00:00Z")};
  auto refused = use_->catalog.add_time_off(business_.id, provider_ids_[0], t, by_);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "end");
  EXPECT_TRUE(use_->catalog.provider(business_.id, provider_ids_[0])->time_off.empty());
  t.span.end = at("2031-01-02T00:00:00Z");
  ASSERT_TRUE(use_->catalog.add_time_off(business_.id, provider_ids_[0], t, by_).ok());
  EXPECT_EQ(use_->catalog.provider(business_.id, provider_ids_[0])->time_off.size(), 1u);
}

TEST_F(AccessTest, BrandingRefusesBadValuesAndKeepsGoodOnes) {
  store::BusinessProfile p;
  p.accent_color = "teal";
  p.contact.email = "not-an-address";
  auto refused = use_->branding.put_business_profile(business_.id, p, by_);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "accentColor");
  EXPECT_EQ(refused.error().fields[1].field, "contact.email");
  EXPECT_TRUE(use_->branding.business_profile(business_.id).accent_color.empty());

  p.accent_color = "#1a6b8f";
  p.contact.email = "desk@flow.test";
  ASSERT_TRUE(use_->branding.put_business_profile(business_.id, p, by_).ok());
  auto face = use_->branding.public_face("flow");
  ASSERT_TRUE(face.ok());
  EXPECT_EQ(face->profile.accent_color, "#1a6b8f");
  EXPECT_EQ(use_->branding.public_face("no-such-clinic").error().code, core::ErrorCode::not_found);

  auto svg = use_->branding.put_logo(business_.id, "<svg/>", "image/svg+xml", by_);
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.error().code, core::ErrorCode::unsupported_media_type);
  auto too_big = use_->branding.put_logo(business_.id, std::string(core::kMaxLogoBytes + 1, 'x'), "image/png", by_);
  EXPECT_EQ(too_big.error().code, core::ErrorCode::too_large);
  EXPECT_EQ(use_->branding.logo("flow").error().code, core::ErrorCode::not_found);
}

}  // namespace
}  // namespace visitd::service::testing
