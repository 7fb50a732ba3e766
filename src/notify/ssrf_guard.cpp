#include "notify/ssrf_guard.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace visitd::notify {

namespace {

bool public_v4(std::uint32_t a) {  // host byte order
  auto in = [a](std::uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  return !(in(0x00000000, 8) ||   // "this network"
           in(0x0A000000, 8) ||   // 10/8
           in(0x64400000, 10) ||  // 100.64/10 carrier-grade NAT
           in(0x7F000000, 8) ||   // loopback
           in(0xA9FE0000, 16) ||  // link-local (cloud metadata lives here)
           in(0xAC100000, 12) ||  // 172.16/12
           in(0xC0000000, 24) ||  // 192.0.0/24 protocol assignments
           in(0xC0000200, 24) ||  // TEST-NET-1
           in(0xC0A80000, 16) ||  // 192.168/16
           in(0xC6120000, 15) ||  // 198.18/15 benchmarking
           in(0xC6336400, 24) ||  // TEST-NET-2
           in(0xCB007100, 24) ||  // TEST-NET-3
           in(0xE0000000, 4) ||   // multicast
           in(0xF0000000, 4));    // reserved, broadcast
}

bool public_v6(const std::array<std::uint8_t, 16>& b) {
  auto v4_at = [&](int i) {
    return (std::uint32_t{b[i]} << 24) | (std::uint32_t{b[i + 1]} << 16) | (std::uint32_t{b[i + 2]} << 8) | b[i + 3];
  };
  bool zero10 = true;
  for (int i = 0; i < 10; ++i) zero10 = zero10 && b[i] == 0;
  if (zero10 && b[10] == 0xff && b[11] == 0xff) return public_v4(v4_at(12));  // ::ffff:a.b.c.d
  if (zero10 && b[10] == 0 && b[11] == 0) return false;                       // ::, ::1, IPv4-compatible (deprecated)
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return public_v4(v4_at(12));  // NAT64
  if ((b[0] & 0xfe) == 0xfc) return false;                                                        // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;                                        // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;                         // fec0::/10 site-local (deprecated)
  if (b[0] == 0xff) return false;                                                  // multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // documentation
  return true;
}

core::Error refused(const std::string& host) {
  return core::Error::typed(core::ErrorCode::forbidden, "target-refused",
                            host + " resolves to a private, loopback or link-local address");
}

struct UrlParts {
  std::string scheme, host;
  int port = 0;
};

core::Result<UrlParts> parse(const std::string& url) {
  std::unique_ptr<CURLU, void (*)(CURLU*)> u(curl_url(), curl_url_cleanup);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
    return core::Error::make(core::ErrorCode::invalid, "not a valid address");
  auto part = [&](CURLUPart what, unsigned flags) -> std::string {
    char* v = nullptr;
    if (curl_url_get(u.get(), what, &v, flags) != CURLUE_OK || v == nullptr) return {};
    std::string s = v;
    curl_free(v);
    return s;
  };
  UrlParts p;
  p.scheme = part(CURLUPART_SCHEME, 0);
  if (p.scheme != "http" && p.scheme != "https")
    return core::Error::make(core::ErrorCode::invalid, "only http and https addresses are fetched");
  p.host = part(CURLUPART_HOST, 0);
  if (p.host.size() > 2 && p.host.front() == '[' && p.host.back() == ']') p.host = p.host.substr(1, p.host.size() - 2);
  if (p.host.empty()) return core::Error::make(core::ErrorCode::invalid, "the address names no host");
  p.port = std::atoi(part(CURLUPART_PORT, CURLU_DEFAULT_PORT).c_str());
  return p;
}

}  // namespace

bool is_public_address(const std::string& numeric) {
  in_addr v4{};
  if (inet_pton(AF_INET, numeric.c_str(), &v4) == 1) return public_v4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, numeric.c_str(), &v6) == 1) {
    std::array<std::uint8_t, 16> b{};
    std::memcpy(b.data(), &v6, 16);
    return public_v6(b);
  }
  return false;
}

core::Result<FetchTarget> resolve_fetch_target(const std::string& url, bool allow_private) {
  auto parts = parse(url);
  if (!parts) return parts.error();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(parts->host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr)
    return core::Error::make(core::ErrorCode::unavailable, parts->host + " does not resolve");
  std::unique_ptr<addrinfo, void (*)(addrinfo*)> owned(found, freeaddrinfo);
  FetchTarget t{parts->scheme, parts->host, parts->port, {}};
  // Every answer must pass: a name resolving to one public and one private address is refused.
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = a->ai_family == AF_INET
                          ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
                          : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if ((a->ai_family != AF_INET && a->ai_family != AF_INET6) ||
        inet_ntop(a->ai_family, raw, text, sizeof text) == nullptr)
      continue;
    if (!allow_private && !is_public_address(text)) return refused(parts->host);
    if (t.address.empty()) t.address = text;
  }
  if (t.address.empty()) return core::Error::make(core::ErrorCode::unavailable, parts->host + " does not resolve");
  return t;
}

std::string curl_resolve_entry(const FetchTarget& t) {
  const bool v6 = t.address.find(':') != std::string::npos;
  return t.host + ":" + std::to_string(t.port) + ":" + (v6 ? "[" + t.address + "]" : t.address);
}

}  // namespace visitd::notify
