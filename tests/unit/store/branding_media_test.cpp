// BrandingStore's newer parts on every backend: provider photos (issue K) and the sites
// allowed to embed a business's booking pages (issue I).
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class BrandingMedia : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    ada_ = make_provider(biz_.id, "Ada");
  }
  core::Business biz_;
  core::Provider ada_;
};

TEST_P(BrandingMedia, ProviderPhotoIsStoredReplacedShownInTheProfilesAndDeleted) {
  EXPECT_FALSE(store_->provider_photo(biz_.id, ada_.id).has_value());
  EXPECT_TRUE(store_->provider_profiles(biz_.id).empty());
  const std::string png("\x89PNG\r\n\x1a\n\0\x01", 10);
  ASSERT_TRUE(store_->put_provider_photo(biz_.id, ada_.id, ProviderPhoto{"image/png", png, {}}, staff_).ok());
  auto photo = store_->provider_photo(biz_.id, ada_.id);
  ASSERT_TRUE(photo.has_value());
  EXPECT_EQ(photo->media_type, "image/png");
  EXPECT_EQ(photo->bytes, png);
  // A photo alone lists the provider, with empty words.
  auto profiles = store_->provider_profiles(biz_.id);
  ASSERT_EQ(profiles.size(), 1u);
  EXPECT_EQ(profiles[0].provider_id, ada_.id);
  EXPECT_EQ(profiles[0].title, "");
  ASSERT_TRUE(profiles[0].photo_updated_at.has_value());
  EXPECT_EQ(*profiles[0].photo_updated_at, photo->updated_at);

  clock_ += 60;
  ASSERT_TRUE(
      store_->put_provider_photo(biz_.id, ada_.id, ProviderPhoto{"image/jpeg", "\xff\xd8\xff", {}}, staff_).ok());
  EXPECT_EQ(store_->provider_photo(biz_.id, ada_.id)->media_type, "image/jpeg");
  ASSERT_TRUE(store_->put_provider_profile(biz_.id, ProviderProfile{ada_.id, "GP", "bio", std::nullopt}, staff_).ok());
  profiles = store_->provider_profiles(biz_.id);
  ASSERT_EQ(profiles.size(), 1u);
  EXPECT_EQ(profiles[0].title, "GP");
  EXPECT_GT(*profiles[0].photo_updated_at, photo->updated_at);

  ASSERT_TRUE(store_->delete_provider_photo(biz_.id, ada_.id, staff_).ok());
  EXPECT_FALSE(store_->provider_photo(biz_.id, ada_.id).has_value());
  profiles = store_->provider_profiles(biz_.id);
  ASSERT_EQ(profiles.size(), 1u);
  EXPECT_FALSE(profiles[0].photo_updated_at.has_value());
  auto log = store_->audit_log(biz_.id, 10, 0);
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(log[0].action, "provider.photo.delete");
}

TEST_P(BrandingMedia, AnotherBusinessesProviderHasNoPhotoToReadOrWrite) {
  auto other = make_business("other");
  EXPECT_EQ(store_->put_provider_photo(other.id, ada_.id, ProviderPhoto{"image/png", "x", {}}, staff_).error().code,
            core::ErrorCode::not_found);
  EXPECT_EQ(store_->delete_provider_photo(other.id, ada_.id, staff_).error().code, core::ErrorCode::not_found);
  ASSERT_TRUE(store_->put_provider_photo(biz_.id, ada_.id, ProviderPhoto{"image/png", "x", {}}, staff_).ok());
  EXPECT_FALSE(store_->provider_photo(other.id, ada_.id).has_value());
  EXPECT_TRUE(store_->provider_profiles(other.id).empty());
}

TEST_P(BrandingMedia, EmbedOriginsAreReplacedAsAWholeInOrderPerBusinessAndAudited) {
  EXPECT_TRUE(store_->embed_origins(biz_.id).empty());
  ASSERT_TRUE(store_->put_embed_origins(biz_.id, {"https://b.example", "https://a.example:8443"}, staff_).ok());
  EXPECT_EQ(store_->embed_origins(biz_.id), (std::vector<std::string>{"https://b.example", "https://a.example:8443"}));
  auto other = make_business("other");
  EXPECT_TRUE(store_->embed_origins(other.id).empty());
  ASSERT_TRUE(store_->put_embed_origins(biz_.id, {"https://c.example"}, staff_).ok());
  EXPECT_EQ(store_->embed_origins(biz_.id), std::vector<std::string>{"https://c.example"});
  ASSERT_TRUE(store_->put_embed_origins(biz_.id, {}, staff_).ok());
  EXPECT_TRUE(store_->embed_origins(biz_.id).empty());
  auto log = store_->audit_log(biz_.id, 1, 0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "business.embed");
  EXPECT_EQ(log[0].detail, "none");
}

VISITD_STORE_CONTRACT(BrandingMedia);

}  // namespace
}  // namespace visitd::store::testing
