#pragma once
// The short-lived room token a join answers: "<payload>.<signature>", payload = base64url of
// "room|roomId|participantId|role|expiryUnix", signature = HMAC-SHA256 with the server secret
// (the "room" kind keeps it from ever verifying as a capability link, and back).
#include <string>

#include "core/result.hpp"
#include "core/room_policy.hpp"
#include "core/time.hpp"

namespace visitd::live {

struct RoomClaims {
  std::string room_id;         // = booking id
  std::string participant_id;  // "guest-<roomId>" for the consumer, the user id for staff
  core::RoomRole role = core::RoomRole::guest;
  core::Instant expires_at;
};

class RoomTokenSigner {
 public:
  explicit RoomTokenSigner(std::string secret) : secret_(std::move(secret)) {}
  [[nodiscard]] std::string sign(const RoomClaims& c) const;
  // unauthorized when malformed or forged; gone when expired.
  [[nodiscard]] core::Result<RoomClaims> verify(std::string_view token, core::Instant now) const;

 private:
  std::string secret_;
};

// The consumer's participant id in a room.
std::string guest_participant_id(const std::string& room_id);

}  // namespace visitd::live
