#pragma once
// The guard against server-side request forgery for URLs visitd fetches or posts to on a
// user's word (webhook endpoints; calendar feeds use the same rule). A target must be http or
// https, carry no credentials, and every address its host resolves to must be public: loopback,
// private (RFC 1918), link-local, CGNAT (RFC 6598), ULA (RFC 4193), multicast, unspecified and
// reserved ranges are refused, unless `allow_private` (tests, on-premises receivers). The check
// runs after DNS resolution, and the caller connects to exactly the addresses checked
// (CURLOPT_RESOLVE), so a name that resolves differently a moment later changes nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace visitd::notify {

struct CheckedTarget {
  std::string scheme;  // "http" or "https"
  std::string host;    // as in the URL, without IPv6 brackets
  int port = 0;
  std::vector<std::string> addresses;  // numeric, as resolved (IPv6 without brackets)
};

// The refused range an address lies in ("loopback", "private", "link-local", "cgnat",
// "unique-local", "multicast", "unspecified", "reserved"), or nullopt for a public address.
// Text that is not a numeric address is "reserved" (refused). IPv4-mapped and NAT64 IPv6
// addresses are judged by the IPv4 address inside.
std::optional<std::string> refused_range(std::string_view numeric_address);

// Parses and checks the URL's form only (no DNS): invalid naming `field` when it is not an
// absolute http(s) URL with a host, or carries user:password or a fragment.
core::Result<CheckedTarget> parse_target(std::string_view url, const std::string& field = "url");

// parse_target, then resolves the host (getaddrinfo) and refuses it (invalid naming `field`)
// when it does not resolve or when any address is refused and !allow_private.
core::Result<CheckedTarget> check_target(std::string_view url, bool allow_private, const std::string& field = "url");

}  // namespace visitd::notify
