#pragma once
// The guard against server-side request forgery for every URL visitd fetches or posts to on a
// user's word: external calendars (calendar_fetch) and webhook endpoints (webhook_sender). A
// target must be http or https, carry no credentials or fragment, and every address its host
// resolves to must be public: loopback, private (RFC 1918), link-local, CGNAT (RFC 6598), ULA
// (RFC 4193), multicast, unspecified, documentation and other reserved ranges (IANA
// special-purpose registries) are refused, for IPv4, IPv6 and IPv4 inside IPv6 (mapped, NAT64)
// alike, unless `allow_private` (VISITD_FETCH_ALLOW_PRIVATE / VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS:
// tests on loopback, on-premises receivers). The check runs after DNS resolution, and the
// caller connects to exactly the addresses checked (CURLOPT_RESOLVE with curl_resolve_entry),
// so a name that resolves differently a moment later changes nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace visitd::notify {

struct CheckedTarget {
  std::string scheme;                  // "http" or "https"
  std::string host;                    // as in the URL, without IPv6 brackets
  int port = 0;                        // the URL's, else the scheme's default
  std::vector<std::string> addresses;  // numeric, as resolved, no duplicates (IPv6 without brackets)
};

// The refused range an address lies in ("loopback", "private", "link-local", "cgnat",
// "unique-local", "multicast", "unspecified", "reserved"), or nullopt for a public address.
// Text that is not a numeric address is "reserved" (refused). IPv4-mapped and NAT64 IPv6
// addresses are judged by the IPv4 address inside.
std::optional<std::string> refused_range(std::string_view numeric_address);

// Parses and checks the URL's form only (no DNS): invalid naming `field` when it is not an
// absolute http(s) URL with a host and a port in 1-65535, or carries user:password or a fragment.
core::Result<CheckedTarget> parse_target(std::string_view url, const std::string& field = "url");

// parse_target, then resolves the host (getaddrinfo; blocking, so never on a network thread)
// and refuses it (invalid naming `field`, the detail saying why) when it does not resolve or
// when any address is refused and !allow_private: which of several addresses a connection
// would use is not ours to pick.
core::Result<CheckedTarget> check_target(std::string_view url, bool allow_private, const std::string& field = "url");

// "host:port:addr1,addr2" for CURLOPT_RESOLVE (IPv6 addresses in brackets), pinning the
// connection to the checked addresses.
std::string curl_resolve_entry(const CheckedTarget& target);

}  // namespace visitd::notify
