#pragma once
// The outbound-request guard (SSRF): visitd fetches addresses that staff typed (external
// calendars; webhooks use the same guard), so before connecting it resolves the host itself
// and refuses loopback, private (RFC 1918, RFC 4193), link-local, CGNAT (RFC 6598),
// unspecified, multicast, reserved and documentation addresses, for IPv4, IPv6 and IPv4
// embedded in IPv6 (mapped, NAT64) alike — unless the configuration allows private targets
// (VISITD_FETCH_ALLOW_PRIVATE; tests on loopback). The checked address is then pinned for
// the connection (CURLOPT_RESOLVE), so a second DNS answer cannot point elsewhere.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace visitd::notify {

struct FetchTarget {
  std::string scheme;  // "http" or "https"
  std::string host;    // as in the URL (a name or an address; IPv6 without brackets)
  int port = 0;
  std::string address;  // numeric address the connection must use (checked)
};

// invalid for a URL libcurl cannot parse or a scheme other than http/https; unavailable when
// the host does not resolve; forbidden (type "target-refused") when an address it resolves to
// is not public and `allow_private` is false.
core::Result<FetchTarget> resolve_fetch_target(const std::string& url, bool allow_private);

// Whether a numeric IPv4 or IPv6 address is publicly routable (false for anything above,
// and for text that is not an address).
bool is_public_address(const std::string& numeric);

// "host:port:address" for CURLOPT_RESOLVE (IPv6 addresses in brackets).
std::string curl_resolve_entry(const FetchTarget& target);

}  // namespace visitd::notify
