#include "live/turn.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <algorithm>

namespace visitd::live {

std::string turn_password(const std::string& secret, const std::string& username) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(username.data()), username.size(), mac, &mac_len);
  std::string out(4 * ((mac_len + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(mac_len));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool relay_configured(const TurnSettings& t) {
  if (t.secret.empty()) return false;
  return std::any_of(t.urls.begin(), t.urls.end(),
                     [](const std::string& u) { return u.rfind("turn:", 0) == 0 || u.rfind("turns:", 0) == 0; });
}

std::vector<IceServer> ice_servers(const TurnSettings& t, const std::string& participant_id,
                                   std::optional<core::Instant> relay_until) {
  IceServer stun, turn;
  for (const auto& url : t.urls) {
    if (url.rfind("stun:", 0) == 0 || url.rfind("stuns:", 0) == 0) {
      stun.urls.push_back(url);
    } else {
      turn.urls.push_back(url);
    }
  }
  if (!relay_configured(t)) {
    for (const auto& url : t.stun_urls)
      if (std::find(stun.urls.begin(), stun.urls.end(), url) == stun.urls.end()) stun.urls.push_back(url);
  }
  std::vector<IceServer> out;
  if (!stun.urls.empty()) out.push_back(std::move(stun));
  if (!turn.urls.empty() && !t.secret.empty() && relay_until) {
    const auto expiry = relay_until->time_since_epoch().count();
    turn.username = std::to_string(expiry) + ":" + participant_id;
    turn.credential = turn_password(t.secret, turn.username);
    out.push_back(std::move(turn));
  }
  return out;
}

const std::vector<DeniedPeerRange>& denied_peer_ranges() {
  static const std::vector<DeniedPeerRange> ranges = {
      {"0.0.0.0-0.255.255.255", false},                           // "this network" (RFC 791)
      {"127.0.0.0-127.255.255.255", true},                        // loopback (RFC 1122)
      {"10.0.0.0-10.255.255.255", false},                         // private (RFC 1918)
      {"100.64.0.0-100.127.255.255", false},                      // carrier-grade NAT (RFC 6598)
      {"169.254.0.0-169.254.255.255", false},                     // link-local, cloud metadata (RFC 3927)
      {"172.16.0.0-172.31.255.255", false},                       // private (RFC 1918)
      {"192.0.0.0-192.0.0.255", false},                           // IETF protocol assignments (RFC 6890)
      {"192.168.0.0-192.168.255.255", false},                     // private (RFC 1918)
      {"198.18.0.0-198.19.255.255", false},                       // benchmarking (RFC 2544)
      {"240.0.0.0-255.255.255.255", false},                       // reserved and broadcast (RFC 1112)
      {"::1", true},                                              // loopback (RFC 4291)
      {"::ffff:0.0.0.0-::ffff:255.255.255.255", false},           // IPv4-mapped: the v4 rules apply
      {"64:ff9b::-64:ff9b::ffff:ffff", false},                    // NAT64 (RFC 6052) to any v4 address
      {"fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false},  // unique local (RFC 4193)
      {"fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false},  // link-local (RFC 4291)
  };
  return ranges;
}

std::string coturn_config(const TurnSettings& t, const CoturnOptions& o) {
  std::string c;
  c += "# coturn configuration for visitd (printed by `visitd turn-config`).\n";
  c += "# Start it with: turnserver -c <this file>\n";
  c += "listening-port=" + std::to_string(o.listening_port) + "\n";
  c += "listening-ip=" + o.listening_ip + "\n";
  c += "relay-ip=" + o.relay_ip + "\n";
  c += "min-port=" + std::to_string(o.min_port) + "\n";
  c += "max-port=" + std::to_string(o.max_port) + "\n";
  c += "# TURN REST API: visitd mints short-lived credentials with this shared secret.\n";
  c += "use-auth-secret\n";
  c += "static-auth-secret=" + t.secret + "\n";
  c += "realm=" + t.realm + "\n";
  c += "fingerprint\n";
  c += "no-cli\n";
  c += "no-tls\n";
  c += "no-dtls\n";
  c += "no-multicast-peers\n";
  // A relay must never reach the operator's own networks: peers are browsers on the internet.
  c += "# Peers the relay refuses: this host, private, link-local, CGNAT and IPv6 ULA/link-local.\n";
  const bool loopback_demo = o.relay_ip.rfind("127.", 0) == 0 || o.relay_ip == "::1";
  for (const auto& range : denied_peer_ranges()) {
    if (loopback_demo && range.loopback) continue;
    c += "denied-peer-ip=" + range.range + "\n";
  }
  if (loopback_demo) {
    c += "# Loopback demo only (relay address on loopback): two browsers on this machine relay to each other.\n";
    c += "allow-loopback-peers\n";
  }
  c += "log-file=stdout\nsimple-log\n";
  return c;
}

}  // namespace visitd::live
