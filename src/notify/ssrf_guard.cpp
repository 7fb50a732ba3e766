#include "notify/ssrf_guard.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <cstdint>
#include <cstring>

namespace visitd::notify {
namespace {

struct Range4 {
  std::uint32_t net;
  int bits;
  const char* name;
};

constexpr std::uint32_t v4(int a, int b, int c, int d) {
  return (static_cast<std::uint32_t>(a) << 24) | (static_cast<std::uint32_t>(b) << 16) |
         (static_cast<std::uint32_t>(c) << 8) | static_cast<std::uint32_t>(d);
}

// IANA special-purpose registry: the ranges no calendar server or webhook receiver on the
// internet uses.
constexpr std::array<Range4, 14> kRefused4 = {{
    {v4(0, 0, 0, 0), 8, "unspecified"},
    {v4(10, 0, 0, 0), 8, "private"},
    {v4(100, 64, 0, 0), 10, "cgnat"},
    {v4(127, 0, 0, 0), 8, "loopback"},
    {v4(169, 254, 0, 0), 16, "link-local"},
    {v4(172, 16, 0, 0), 12, "private"},
    {v4(192, 0, 0, 0), 24, "reserved"},
    {v4(192, 0, 2, 0), 24, "reserved"},  // TEST-NET-1
    {v4(192, 168, 0, 0), 16, "private"},
    {v4(198, 18, 0, 0), 15, "reserved"},    // benchmarking
    {v4(198, 51, 100, 0), 24, "reserved"},  // TEST-NET-2
    {v4(203, 0, 113, 0), 24, "reserved"},   // TEST-NET-3
    {v4(224, 0, 0, 0), 4, "multicast"},
    {v4(240, 0, 0, 0), 4, "reserved"},
}};

std::optional<std::string> refused4(std::uint32_t a) {
  for (const auto& r : kRefused4) {
    const std::uint32_t mask = r.bits == 0 ? 0 : ~std::uint32_t{0} << (32 - r.bits);
    if ((a & mask) == r.net) return r.name;
  }
  return std::nullopt;
}

std::optional<std::string> refused6(const unsigned char* b) {
  static constexpr unsigned char kZero[16] = {};
  if (std::memcmp(b, kZero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return b[15] == 0 ? "unspecified" : "loopback";
  const auto inner = [b] { return v4(b[12], b[13], b[14], b[15]); };
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address inside.
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static constexpr unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kNat64, 12) == 0) return refused4(inner());
  if (std::memcmp(b, kZero, 12) == 0) return "reserved";           // ::a.b.c.d, IPv4-compatible (deprecated)
  if ((b[0] & 0xfe) == 0xfc) return "unique-local";                // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "reserved";    // fec0::/10 (site-local, deprecated)
  if (b[0] == 0xff) return "multicast";                            // ff00::/8
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return "reserved";  // 2001:db8::/32
  return std::nullopt;
}

}  // namespace

std::optional<std::string> refused_range(std::string_view numeric_address) {
  const std::string text(numeric_address);
  in_addr a4{};
  if (inet_pton(AF_INET, text.c_str(), &a4) == 1) return refused4(ntohl(a4.s_addr));
  in6_addr a6{};
  if (inet_pton(AF_INET6, text.c_str(), &a6) == 1) return refused6(a6.s6_addr);
  return "reserved";
}

core::Result<CheckedTarget> parse_target(std::string_view url, const std::string& field) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return core::Error::invalid(field, "must be an absolute http or https URL");
  const auto& u = *parsed;
  CheckedTarget t;
  t.scheme = u.scheme();
  if (t.scheme != "http" && t.scheme != "https") return core::Error::invalid(field, "must use http or https");
  if (u.has_userinfo()) return core::Error::invalid(field, "must not carry a user name or password");
  if (u.has_fragment()) return core::Error::invalid(field, "must not have a fragment");
  switch (u.host_type()) {
    case boost::urls::host_type::ipv6:
      t.host = u.host_ipv6_address().to_string();
      break;
    case boost::urls::host_type::ipv4:
      t.host = u.host_ipv4_address().to_string();
      break;
    case boost::urls::host_type::name:
      t.host = u.host_name();
      break;
    default:
      return core::Error::invalid(field, "must name a host");
  }
  if (t.host.empty()) return core::Error::invalid(field, "must name a host");
  t.port = u.has_port() ? static_cast<int>(u.port_number()) : (t.scheme == "https" ? 443 : 80);
  if (t.port <= 0 || t.port > 65535) return core::Error::invalid(field, "has an invalid port");
  return t;
}

core::Result<CheckedTarget> check_target(std::string_view url, bool allow_private, const std::string& field) {
  auto parsed = parse_target(url, field);
  if (!parsed) return parsed.error();
  CheckedTarget t = std::move(parsed).value();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(t.port);
  if (getaddrinfo(t.host.c_str(), port.c_str(), &hints, &found) != 0 || found == nullptr) {
    return core::Error::invalid(field, "host " + t.host + " does not resolve");
  }
  std::optional<std::string> refused;
  for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = ai->ai_family == AF_INET
                          ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(ai->ai_addr)->sin_addr)
                          : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(ai->ai_addr)->sin6_addr);
    if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) continue;
    if (inet_ntop(ai->ai_family, raw, text, sizeof text) == nullptr) continue;
    const std::string address(text);
    if (!refused) refused = refused_range(address);
    if (std::find(t.addresses.begin(), t.addresses.end(), address) == t.addresses.end()) t.addresses.push_back(address);
  }
  freeaddrinfo(found);
  if (t.addresses.empty()) return core::Error::invalid(field, "host " + t.host + " does not resolve");
  // One refused address refuses the target: which of them a connection would use is not ours to pick.
  if (refused && !allow_private) {
    return core::Error::invalid(field, "host " + t.host + " resolves to a " + *refused + " address, which is not allowed");
  }
  return t;
}

std::string curl_resolve_entry(const CheckedTarget& t) {
  std::string entry = t.host + ":" + std::to_string(t.port) + ":";
  for (std::size_t i = 0; i < t.addresses.size(); ++i) {
    const auto& a = t.addresses[i];
    if (i) entry += ",";
    entry += a.find(':') != std::string::npos ? "[" + a + "]" : a;
  }
  return entry;
}

}  // namespace visitd::notify
