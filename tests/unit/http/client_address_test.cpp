#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace visitd::http {
namespace {

TrustedProxies trusted(std::string_view list) {
  auto parsed = TrustedProxies::parse(list);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().detail);
  return parsed.ok() ? parsed.value() : TrustedProxies{};
}

TEST(ClientAddress, WithoutTrustedProxiesTheForwardedHeaderIsIgnored) {
  const TrustedProxies none;
  EXPECT_EQ(none.client_of("203.0.113.7", std::string_view("198.51.100.1")), "203.0.113.7");
  EXPECT_EQ(none.client_of("203.0.113.7", std::nullopt), "203.0.113.7");
}

TEST(ClientAddress, AnUntrustedPeerCannotClaimAnotherAddress) {
  const auto proxies = trusted("10.0.0.0/8");
  // A client talking to visitd directly writes whatever it likes into the header.
  EXPECT_EQ(proxies.client_of("203.0.113.7", std::string_view("10.1.2.3")), "203.0.113.7");
  EXPECT_EQ(proxies.client_of("203.0.113.7", std::string_view("198.51.100.1, 10.1.2.3")), "203.0.113.7");
}

TEST(ClientAddress, ATrustedPeerNamesTheClient) {
  const auto proxies = trusted("127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("198.51.100.1")), "198.51.100.1");
}

TEST(ClientAddress, TheRightmostUntrustedHopIsTheClient) {
  // client (spoofing 1.1.1.1) -> 203.0.113.9 (untrusted, e.g. the real client) -> 10.0.0.5 -> nginx 127.0.0.1
  const auto proxies = trusted("127.0.0.0/8, 10.0.0.0/8");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("1.1.1.1, 203.0.113.9, 10.0.0.5")), "203.0.113.9");
  // Several header lines arrive joined by ", " in the order they were sent.
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("1.1.1.1,203.0.113.9 ,10.0.0.5")), "203.0.113.9");
}

TEST(ClientAddress, EveryHopTrustedGivesTheLeftmost) {
  const auto proxies = trusted("10.0.0.0/8, 127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("10.0.0.9, 10.0.0.5")), "10.0.0.9");
}

TEST(ClientAddress, ATrustedPeerWithoutTheHeaderIsTheClient) {
  const auto proxies = trusted("127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::nullopt), "127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("")), "127.0.0.1");
}

TEST(ClientAddress, AnUnreadableEntryStopsAtTheHopThatPassedItOn) {
  const auto proxies = trusted("127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("unknown")), "127.0.0.1");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("198.51.100.1:4711, 10.0.0.5")), "10.0.0.5");
  EXPECT_EQ(proxies.client_of("127.0.0.1", std::string_view("198.51.100.1, <script>")), "127.0.0.1");
}

TEST(ClientAddress, AddressesComeBackInOneSpelling) {
  const auto proxies = trusted("::1, 10.0.0.0/8");
  EXPECT_EQ(proxies.client_of("::1", std::string_view("2001:DB8:0:0::1")), "2001:db8::1");
  // An IPv4 client through a dual-stack socket is the same key as over IPv4.
  EXPECT_EQ(proxies.client_of("::1", std::string_view("::ffff:198.51.100.1")), "198.51.100.1");
  EXPECT_EQ(proxies.client_of("::ffff:10.0.0.5", std::string_view("198.51.100.2")), "198.51.100.2");
}

TEST(ClientAddress, Ipv6BlocksMatchByPrefix) {
  const auto proxies = trusted("fd00::/8");
  EXPECT_TRUE(proxies.contains("fd12:3456::1"));
  EXPECT_FALSE(proxies.contains("fe80::1"));
  EXPECT_FALSE(proxies.contains("10.0.0.1"));
  EXPECT_EQ(proxies.client_of("fd00::2", std::string_view("2001:db8::7")), "2001:db8::7");
}

TEST(ClientAddress, Ipv4BlocksMatchByPrefix) {
  const auto proxies = trusted("192.168.4.0/22");
  EXPECT_TRUE(proxies.contains("192.168.7.255"));
  EXPECT_FALSE(proxies.contains("192.168.8.0"));
  EXPECT_TRUE(trusted("0.0.0.0/0").contains("8.8.8.8"));
}

TEST(ClientAddress, BadEntriesAreRefusedByName) {
  for (const char* bad :
       {"10.0.0.0/33", "::1/129", "10.0.0/8", "example.org", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8x"}) {
    auto parsed = TrustedProxies::parse(std::string("127.0.0.1, ") + bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.error().detail.find(bad), std::string::npos) << parsed.error().detail;
  }
  auto empty = TrustedProxies::parse(" , ");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty.value().empty());
}

}  // namespace
}  // namespace visitd::http
