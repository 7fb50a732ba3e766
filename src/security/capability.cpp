#include "security/capability.hpp"

#include <charconv>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/validation.hpp"
#include "security/crypto.hpp"

namespace visitd::security {
namespace {

// Longer input is refused before any decoding or MAC work.
using core::kMaxTokenLength;  // core/validation

const char* kind_name(CapabilityKind k) {
  switch (k) {
    case CapabilityKind::manage:
      return "manage";
    case CapabilityKind::join:
      return "join";
    case CapabilityKind::participant:
      return "participant";
  }
  return "";
}

core::Error not_recognised() { return core::Error::make(core::ErrorCode::not_found, "link not recognised"); }

template <class Int>
bool parse_int(std::string_view s, Int& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

}  // namespace

std::string CapabilitySigner::sign(const Capability& c) const {
  std::string payload = std::string(kind_name(c.kind)) + "|" + c.booking_id + "|" + std::to_string(c.version) + "|" +
                        std::to_string(c.expires_at.time_since_epoch().count());
  std::string encoded = base64url_encode(payload);
  return encoded + "." + hmac_sha256_base64url(secret_, encoded);
}

core::Result<Capability> CapabilitySigner::verify(const std::string& token, CapabilityKind kind,
                                                  core::Instant now) const {
  auto c = decode(token, kind);
  if (c && now >= c->expires_at) return core::Error::make(core::ErrorCode::gone, "link expired");
  return c;
}

core::Result<Capability> CapabilitySigner::decode(const std::string& token, CapabilityKind kind) const {
  if (token.empty() || token.size() > kMaxTokenLength) return not_recognised();
  auto dot = token.find('.');
  if (dot == std::string::npos || dot == 0 || token.find('.', dot + 1) != std::string::npos) return not_recognised();
  std::string_view encoded(token.data(), dot);
  std::string_view signature(token.data() + dot + 1, token.size() - dot - 1);
  if (!constant_time_equal(hmac_sha256_base64url(secret_, encoded), signature)) return not_recognised();

  auto payload = base64url_decode(encoded);
  if (!payload) return not_recognised();
  auto parts = split(*payload, '|');
  if (parts.size() != 4 || parts[0] != kind_name(kind) || parts[1].empty()) return not_recognised();
  int version = 0;
  std::int64_t expiry = 0;
  if (!parse_int(parts[2], version) || !parse_int(parts[3], expiry)) return not_recognised();

  return Capability{kind, std::string(parts[1]), version, core::Instant(core::Seconds(expiry))};
}

}  // namespace visitd::security
