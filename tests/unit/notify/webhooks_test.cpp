// Webhooks (issue I), the parts without a network: the SSRF guard's ranges and URL rules, the
// Standard Webhooks signature, and the payloads' shape.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "notify/ssrf_guard.hpp"
#include "notify/webhook_payload.hpp"
#include "security/webhook_signature.hpp"

namespace visitd::notify {
namespace {

TEST(SsrfGuard, RefusesEveryNonPublicRangeAndPassesPublicAddresses) {
  const std::pair<const char*, const char*> refused[] = {
      {"127.0.0.1", "loopback"},        {"127.255.0.9", "loopback"},       {"::1", "loopback"},
      {"10.0.0.1", "private"},          {"172.16.0.1", "private"},         {"172.31.255.255", "private"},
      {"192.168.1.1", "private"},       {"169.254.169.254", "link-local"}, {"fe80::1", "link-local"},
      {"100.64.0.1", "cgnat"},          {"100.127.255.254", "cgnat"},      {"fd12:3456::1", "unique-local"},
      {"fc00::1", "unique-local"},      {"0.0.0.0", "unspecified"},        {"::", "unspecified"},
      {"224.0.0.1", "multicast"},       {"ff02::1", "multicast"},          {"255.255.255.255", "reserved"},
      {"::ffff:127.0.0.1", "loopback"}, {"::ffff:10.1.2.3", "private"},    {"64:ff9b::a9fe:a9fe", "link-local"},
      {"not-an-address", "reserved"}};
  for (const auto& [address, range] : refused) {
    EXPECT_EQ(refused_range(address).value_or("public"), range) << address;
  }
  for (const char* address :
       {"93.184.216.34", "172.32.0.1", "100.128.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"}) {
    EXPECT_FALSE(refused_range(address).has_value()) << address;
  }
}

TEST(SsrfGuard, AcceptsOnlyAbsoluteHttpUrlsWithAHostAndNoCredentials) {
  auto ok = parse_target("https://hooks.example.com/visitd?x=1");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->host, "hooks.example.com");
  EXPECT_EQ(ok->port, 443);
  auto v6 = parse_target("http://[2001:db8::1]:8080/x");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "2001:db8::1");
  EXPECT_EQ(v6->port, 8080);
  for (const char* bad : {"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "/relative",
                          "https://user:pw@example.com/", "https://example.com/#frag", "http:///nohost", "not a url"}) {
    auto refused = parse_target(bad);
    ASSERT_FALSE(refused.ok()) << bad;
    ASSERT_EQ(refused.error().fields.size(), 1u) << bad;
    EXPECT_EQ(refused.error().fields[0].field, "url") << bad;
  }
}

TEST(SsrfGuard, ChecksTheResolvedAddressesUnlessPrivateTargetsAreAllowed) {
  // Numeric hosts resolve without DNS, so this needs no network.
  auto loopback = check_target("http://127.0.0.1:9/x", false);
  ASSERT_FALSE(loopback.ok());
  EXPECT_NE(loopback.error().detail.find("loopback"), std::string::npos);
  EXPECT_FALSE(check_target("http://[::1]/x", false).ok());
  EXPECT_FALSE(check_target("http://169.254.169.254/latest", false).ok());
  auto allowed = check_target("http://127.0.0.1:9/x", true);
  ASSERT_TRUE(allowed.ok());
  EXPECT_EQ(allowed->addresses, std::vector<std::string>{"127.0.0.1"});
  auto public_address = check_target("https://93.184.216.34/x", false);
  ASSERT_TRUE(public_address.ok());
  EXPECT_EQ(public_address->addresses, std::vector<std::string>{"93.184.216.34"});
}

TEST(WebhookSignature, MatchesTheStandardWebhooksExample) {
  // The example of the Standard Webhooks specification (and Svix's documentation).
  auto sig = security::webhook_signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                         1614265330, R"({"test": 2432232314})");
  ASSERT_TRUE(sig.has_value());
  EXPECT_EQ(*sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  EXPECT_FALSE(security::webhook_signature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "{}").has_value());
  EXPECT_FALSE(security::webhook_signature("whsec_***", "m", 1, "{}").has_value());
}

TEST(WebhookSignature, NewSecretsAreDistinctAndUsable) {
  const auto a = security::new_webhook_secret();
  const auto b = security::new_webhook_secret();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind("whsec_", 0), 0u);
  EXPECT_EQ(a.size(), 6u + 32u);  // 24 bytes, base64
  EXPECT_TRUE(security::webhook_signature(a, "msg_1", 1, "{}").has_value());
}

TEST(WebhookPayload, BookingEventCarriesTheBookingActorAndWhereItWasBefore) {
  core::Booking b;
  b.id = "bk_1";
  b.business_id = "biz_1";
  b.service_id = "svc_1";
  b.provider_id = "prv_2";
  b.time = {core::Instant(core::Seconds(1893974400)), core::Instant(core::Seconds(1893976200))};
  b.consumer = {"Ann", "ann@example.com", "", "Europe/London"};
  const core::Interval before{core::Instant(core::Seconds(1893970800)), core::Instant(core::Seconds(1893972600))};
  const auto text = booking_event_payload(
      BookingEventFacts{"booking.rescheduled", b, before, std::optional<core::Id>("prv_1"), "user:u_1"},
      core::Instant(core::Seconds(1893960000)));
  const auto v = boost::json::parse(text).as_object();
  EXPECT_EQ(v.at("type").as_string(), "booking.rescheduled");
  EXPECT_EQ(v.at("timestamp").as_string(), "2030-01-06T20:00:00Z");
  const auto& data = v.at("data").as_object();
  EXPECT_EQ(data.at("actor").as_string(), "user:u_1");
  EXPECT_EQ(data.at("booking").at("start").as_string(), "2030-01-07T00:00:00Z");
  EXPECT_EQ(data.at("booking").at("consumer").at("email").as_string(), "ann@example.com");
  EXPECT_EQ(data.at("previous").at("start").as_string(), "2030-01-06T23:00:00Z");
  EXPECT_EQ(data.at("previous").at("providerId").as_string(), "prv_1");
  const auto created = boost::json::parse(booking_event_payload(
      BookingEventFacts{"booking.created", b, std::nullopt, std::nullopt, "consumer"}, core::Instant{}));
  EXPECT_FALSE(created.at("data").as_object().contains("previous"));
}

}  // namespace
}  // namespace visitd::notify
