#pragma once
// Which address a request comes from when visitd runs behind reverse proxies (nginx, a load
// balancer). The TCP peer is the client unless it is a configured trusted proxy; then the
// client is taken from X-Forwarded-For (the de facto header; RFC 7239 describes the same
// chain as Forwarded "for="), walked from the right: each trusted hop vouches for the entry
// to its left, and the first untrusted address is the client. Entries further left were
// written by the client itself and are never believed. The answer feeds the rate limits, the
// request log; the connection caps count TCP peers.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace visitd::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;  // trusts nobody: X-Forwarded-For is ignored

  // A comma-separated list of CIDR blocks ("10.0.0.0/8, 127.0.0.1, ::1, fd00::/8"); an address
  // without a prefix is one host (/32, /128). IPv4 blocks also match IPv4-mapped IPv6 peers.
  // Empty text: nobody. invalid (naming the entry) for anything else.
  static core::Result<TrustedProxies> parse(std::string_view list);

  [[nodiscard]] bool empty() const { return blocks_.empty(); }
  // Whether `ip` (textual IPv4 or IPv6) lies in a trusted block; false for anything unparsable.
  [[nodiscard]] bool contains(std::string_view ip) const;

  // The client address of a request whose TCP peer is `peer` and whose X-Forwarded-For
  // header (every instance joined by ", ") is `forwarded`: `peer` unless it is trusted;
  // otherwise the rightmost entry that is not trusted. When every entry is trusted, the
  // leftmost; when an entry is not an IP address (garbage, a port, "unknown"), the trusted hop
  // that passed it on. Addresses come back in canonical text (inet_ntop; IPv4-mapped IPv6 as
  // IPv4), so one client is one rate-limit key however it was spelt.
  [[nodiscard]] std::string client_of(const std::string& peer, std::optional<std::string_view> forwarded) const;

 private:
  struct Block {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 128;                      // in IPv6 bits
  };
  std::vector<Block> blocks_;
};

// `ip` in canonical text (IPv4-mapped IPv6 as IPv4), or nullopt when it is not an address.
std::optional<std::string> canonical_ip(std::string_view ip);

}  // namespace visitd::http
