#include "live/room_token.hpp"

#include <charconv>
#include <vector>

#include "core/validation.hpp"
#include "security/crypto.hpp"
#include "wire/names.hpp"

namespace visitd::live {
namespace {

using core::kMaxTokenLength;  // core/validation
constexpr std::string_view kKind = "room";

core::Error forged() { return core::Error::make(core::ErrorCode::unauthorized, "room token not recognised"); }

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    auto pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

}  // namespace

std::string guest_participant_id(const std::string& room_id) { return "guest-" + room_id; }

std::string RoomTokenSigner::sign(const RoomClaims& c) const {
  std::string payload = std::string(kKind) + "|" + c.room_id + "|" + c.participant_id + "|" + wire::name(c.role) + "|" +
                        std::to_string(c.expires_at.time_since_epoch().count());
  std::string encoded = security::base64url_encode(payload);
  return encoded + "." + security::hmac_sha256_base64url(secret_, encoded);
}

core::Result<RoomClaims> RoomTokenSigner::verify(std::string_view token, core::Instant now) const {
  if (token.empty() || token.size() > kMaxTokenLength) return forged();
  auto dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0 || token.find('.', dot + 1) != std::string_view::npos) return forged();
  std::string_view encoded = token.substr(0, dot);
  if (!security::constant_time_equal(security::hmac_sha256_base64url(secret_, encoded), token.substr(dot + 1))) {
    return forged();
  }
  auto payload = security::base64url_decode(encoded);
  if (!payload) return forged();
  auto parts = split(*payload, '|');
  if (parts.size() != 5 || parts[0] != kKind || parts[1].empty() || parts[2].empty()) return forged();
  auto role = wire::parse<core::RoomRole>(parts[3]);
  std::int64_t expiry = 0;
  auto [ptr, ec] = std::from_chars(parts[4].data(), parts[4].data() + parts[4].size(), expiry);
  if (!role || ec != std::errc() || ptr != parts[4].data() + parts[4].size()) return forged();
  RoomClaims c{std::string(parts[1]), std::string(parts[2]), *role, core::Instant(core::Seconds(expiry))};
  if (now >= c.expires_at) return core::Error::make(core::ErrorCode::gone, "room token expired");
  return c;
}

}  // namespace visitd::live
