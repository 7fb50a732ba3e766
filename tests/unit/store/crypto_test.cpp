#include <gtest/gtest.h>

#include <set>

#include "security/capability.hpp"
#include "security/crypto.hpp"

namespace visitd::security {
namespace {

core::Instant at(std::int64_t s) { return core::Instant(core::Seconds(s)); }

TEST(Crypto, PasswordVerifiesOnlyWithTheRightPassword) {
  init();
  std::string encoded = hash_password("correct horse battery staple");
  EXPECT_TRUE(encoded.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("correct horse battery staple", encoded));
  EXPECT_FALSE(verify_password("correct horse battery stapl", encoded));
  EXPECT_FALSE(verify_password("correct horse battery staple", ""));
  EXPECT_FALSE(verify_password("anything", "not-a-hash"));
}

TEST(Crypto, RandomIdsCarryPrefixAndTwentyBase32Chars) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string id = random_id("bk_");
    ASSERT_EQ(id.size(), 23u);
    EXPECT_EQ(id.substr(0, 3), "bk_");
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567", 3), std::string::npos) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(Crypto, RandomTokensAreUrlSafeWithoutPadding) {
  std::string t = random_token(32);
  EXPECT_EQ(t.size(), 43u);
  EXPECT_EQ(t.find_first_of("+/="), std::string::npos);
  EXPECT_NE(random_token(32), t);
}

TEST(Crypto, Base64UrlRoundTripsAndRejectsGarbage) {
  std::string binary("\x00\xff\xfe?>", 5);
  auto decoded = base64url_decode(base64url_encode(binary));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, binary);
  EXPECT_EQ(base64url_encode("hi?"), "aGk_");
  EXPECT_FALSE(base64url_decode("aGk/"));   // standard alphabet, not URL-safe
  EXPECT_FALSE(base64url_decode("aGk_="));  // padding
  EXPECT_FALSE(base64url_decode("a"));
}

TEST(Crypto, KnownDigests) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2 (a key shorter than the block), base64url of the hex MAC
  // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843.
  EXPECT_EQ(hmac_sha256_base64url("Jefe", "what do ya want for nothing?"),
            "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

TEST(Capability, SignedTokenVerifiesWithItsFields) {
  CapabilitySigner signer("test-secret");
  std::string token = signer.sign({CapabilityKind::manage, "bk_abc", 3, at(2000)});
  auto verified = signer.verify(token, CapabilityKind::manage, at(1000));
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->booking_id, "bk_abc");
  EXPECT_EQ(verified->version, 3);
  EXPECT_EQ(verified->expires_at, at(2000));
  EXPECT_EQ(verified->kind, CapabilityKind::manage);
}

TEST(Capability, PayloadIsTheDocumentedWireFormat) {
  // Other signers (the integration harness) rely on exactly this layout.
  CapabilitySigner signer("test-secret");
  std::string token = signer.sign({CapabilityKind::join, "bk_1", 2, at(1700000000)});
  auto dot = token.find('.');
  ASSERT_NE(dot, std::string::npos);
  EXPECT_EQ(base64url_decode(token.substr(0, dot)).value_or(""), "join|bk_1|2|1700000000");
  EXPECT_EQ(token.substr(dot + 1), hmac_sha256_base64url("test-secret", token.substr(0, dot)));
}

TEST(Capability, TamperedPayloadOrSignatureIsNotRecognised) {
  CapabilitySigner signer("test-secret");
  std::string token = signer.sign({CapabilityKind::manage, "bk_abc", 1, at(2000)});
  auto dot = token.find('.');

  std::string forged_payload = base64url_encode("manage|bk_other|1|2000") + token.substr(dot);
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  for (const auto& bad : {forged_payload, flipped, token.substr(0, dot), std::string("."), std::string(),
                          token + "." + "x", std::string(600, 'a')}) {
    auto r = signer.verify(bad, CapabilityKind::manage, at(1000));
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, core::ErrorCode::not_found);
  }
  // Another server's secret signs tokens this one does not accept.
  CapabilitySigner other("other-secret");
  EXPECT_FALSE(other.verify(token, CapabilityKind::manage, at(1000)).ok());
}

TEST(Capability, ExpiredLinkIsGone) {
  CapabilitySigner signer("test-secret");
  std::string token = signer.sign({CapabilityKind::manage, "bk_abc", 1, at(2000)});
  EXPECT_TRUE(signer.verify(token, CapabilityKind::manage, at(1999)).ok());
  auto r = signer.verify(token, CapabilityKind::manage, at(2000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::ErrorCode::gone);
}

TEST(Capability, JoinLinkDoesNotOpenManage) {
  CapabilitySigner signer("test-secret");
  std::string token = signer.sign({CapabilityKind::join, "bk_abc", 1, at(2000)});
  auto r = signer.verify(token, CapabilityKind::manage, at(1000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::ErrorCode::not_found);
  EXPECT_TRUE(signer.verify(token, CapabilityKind::join, at(1000)).ok());
}

}  // namespace
}  // namespace visitd::security
