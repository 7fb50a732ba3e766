#pragma once
// TURN REST credentials (the scheme coturn's `use-auth-secret` checks): username
// "<expiry unix>:<participant>", password base64(HMAC-SHA1(shared secret, username)).
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace visitd::live {

struct TurnSettings {
  std::string secret;             // shared with coturn (static-auth-secret); empty = no TURN
  std::vector<std::string> urls;  // e.g. turn:turn.example.org:3478?transport=udp, stun:...
  int ttl_seconds = 3600;         // a cap; a join's credentials also end with its room token
  std::string realm = "visitd";
  std::vector<std::string> stun_urls;  // offered only while no relay is configured
};

// A relay exists when there is a shared secret and at least one turn:/turns: URL.
bool relay_configured(const TurnSettings& t);

struct IceServer {
  std::vector<std::string> urls;
  std::string username;  // empty for STUN-only entries
  std::string credential;
};

std::string turn_password(const std::string& secret, const std::string& username);

// What a join answers: STUN URLs as one entry, TURN URLs with credentials valid until
// `relay_until` (nullopt: no relay for this caller, the TURN entry is left out) as another.
// Without a relay the STUN entry also carries `stun_urls` (so a browser behind NAT still
// finds its public address); with one, only the configured URLs.
std::vector<IceServer> ice_servers(const TurnSettings& t, const std::string& participant_id,
                                   std::optional<core::Instant> relay_until);

struct CoturnOptions {
  int listening_port = 3478;
  std::string listening_ip = "127.0.0.1";
  std::string relay_ip = "127.0.0.1";
  int min_port = 49160;
  int max_port = 49200;
};
// Peer addresses a relay must refuse (coturn `denied-peer-ip` ranges, "first-last"): this
// host, RFC 1918 private, link-local, CGNAT, reserved, IPv6 ULA and link-local. `loopback`
// marks the ranges a loopback-only demo (relay address 127.x or ::1) has to leave open.
struct DeniedPeerRange {
  std::string range;
  bool loopback;
};
const std::vector<DeniedPeerRange>& denied_peer_ranges();

// A turnserver.conf for these settings (`visitd turn-config`): always the denied-peer-ip
// ranges above; allow-loopback-peers only when the relay address is loopback.
std::string coturn_config(const TurnSettings& t, const CoturnOptions& o);

}  // namespace visitd::live
