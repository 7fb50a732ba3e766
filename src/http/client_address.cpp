#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

namespace visitd::http {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// IPv4 becomes IPv4-mapped IPv6, so one comparison serves both families. `v4` says which it was.
std::optional<Bytes> parse_ip(std::string_view text, bool* v4 = nullptr) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string s(text);
  Bytes b{};
  std::uint8_t four[4];
  if (::inet_pton(AF_INET, s.c_str(), four) == 1) {
    b[10] = 0xff;
    b[11] = 0xff;
    std::copy(four, four + 4, b.begin() + 12);
    if (v4 != nullptr) *v4 = true;
    return b;
  }
  if (::inet_pton(AF_INET6, s.c_str(), b.data()) == 1) {
    if (v4 != nullptr) *v4 = false;
    return b;
  }
  return std::nullopt;
}

bool v4_mapped(const Bytes& b) {
  return std::all_of(b.begin(), b.begin() + 10, [](std::uint8_t x) { return x == 0; }) && b[10] == 0xff &&
         b[11] == 0xff;
}

std::string to_text(const Bytes& b) {
  char out[INET6_ADDRSTRLEN];
  if (v4_mapped(b)) {
    ::inet_ntop(AF_INET, b.data() + 12, out, sizeof out);
  } else {
    ::inet_ntop(AF_INET6, b.data(), out, sizeof out);
  }
  return out;
}

bool in_block(const Bytes& ip, const Bytes& net, int prefix) {
  int bits = prefix;
  for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((ip[i] & mask) != (net[i] & mask)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> canonical_ip(std::string_view ip) {
  auto b = parse_ip(trim(ip));
  if (!b) return std::nullopt;
  return to_text(*b);
}

core::Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
  TrustedProxies out;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view entry = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (entry.empty()) continue;
    auto bad = [&entry] {
      return core::Error::make(
          core::ErrorCode::invalid,
          "expected an IP address or CIDR block (10.0.0.0/8, ::1), got \"" + std::string(entry) + "\"");
    };
    const auto slash = entry.find('/');
    bool v4 = false;
    auto net = parse_ip(entry.substr(0, slash), &v4);
    if (!net) return bad();
    int prefix = v4 ? 32 : 128;
    if (slash != std::string_view::npos) {
      const std::string_view digits = entry.substr(slash + 1);
      auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
      if (ec != std::errc{} || p != digits.data() + digits.size() || digits.empty() || prefix < 0 ||
          prefix > (v4 ? 32 : 128)) {
        return bad();
      }
    }
    out.blocks_.push_back(Block{*net, v4 ? prefix + 96 : prefix});
  }
  return out;
}

bool TrustedProxies::contains(std::string_view ip) const {
  if (blocks_.empty()) return false;
  auto b = parse_ip(trim(ip));
  if (!b) return false;
  return std::any_of(blocks_.begin(), blocks_.end(),
                     [&](const Block& block) { return in_block(*b, block.bytes, block.prefix); });
}

std::string TrustedProxies::client_of(const std::string& peer, std::optional<std::string_view> forwarded) const {
  auto peer_bytes = parse_ip(peer);
  std::string client = peer_bytes ? to_text(*peer_bytes) : peer;
  if (!forwarded || !contains(peer)) return client;
  std::string_view rest = *forwarded;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    auto hop = parse_ip(entry);
    if (!hop) return client;  // the trusted hop that passed on something unreadable
    client = to_text(*hop);
    if (!contains(client)) return client;
  }
  return client;  // every hop trusted: the leftmost is the nearest thing to a client we know
}

}  // namespace visitd::http
