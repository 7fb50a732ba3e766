#pragma once
// Capability links for consumers: "<payload>.<signature>" where payload is base64url of
// "kind|bookingId|version|expiryUnix" and signature is HMAC-SHA256 with the server
// secret. Bumping a booking's capability_version revokes every link issued before.
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"

namespace visitd::security {

enum class CapabilityKind { manage, join, participant };

struct Capability {
  CapabilityKind kind;
  std::string booking_id;
  int version = 1;
  core::Instant expires_at;
};

class CapabilitySigner {
 public:
  explicit CapabilitySigner(std::string secret) : secret_(std::move(secret)) {}
  [[nodiscard]] std::string sign(const Capability& c) const;
  // invalid (bad format or signature) -> ErrorCode::not_found (do not reveal anything);
  // expired -> ErrorCode::gone. The caller still checks version against the booking.
  [[nodiscard]] core::Result<Capability> verify(const std::string& token, CapabilityKind kind, core::Instant now) const;
  // The signed claims without the expiry check, for links whose lifetime is decided at use
  // time from the booking as it is now (core/link_policy). invalid -> not_found.
  [[nodiscard]] core::Result<Capability> decode(const std::string& token, CapabilityKind kind) const;

 private:
  std::string secret_;
};

}  // namespace visitd::security
