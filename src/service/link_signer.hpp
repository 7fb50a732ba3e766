#pragma once
// Port: signs and reads consumer capability tokens. A token carries kind, booking id,
// capability version and an optional hard cap ("not after"; the token's expiry field, 0 =
// none). Whether it is still valid is decided at use time from the booking as it is now
// (core/link_policy); the links visitd sends carry no cap, so they follow the booking.
#include <optional>
#include <string>

#include "core/link_policy.hpp"
#include "core/result.hpp"
#include "security/capability.hpp"

namespace visitd::service {

struct LinkClaims {
  core::LinkKind kind = core::LinkKind::manage;
  core::Id booking_id;
  int version = 1;
  std::optional<core::Instant> not_after;  // hard cap; nullopt = follow the booking only
};

class LinkSigner {
 public:
  virtual ~LinkSigner() = default;
  [[nodiscard]] virtual std::string sign(const LinkClaims& c) const = 0;
  // Genuine and of this kind, else not_found (nothing revealed). No time check: the caller
  // decides with core::check_link.
  [[nodiscard]] virtual core::Result<LinkClaims> read(const std::string& token, core::LinkKind kind) const = 0;
};

// HMAC-SHA256 links (security::CapabilitySigner), the format docs/architecture.md describes.
class CapabilityLinkSigner final : public LinkSigner {
 public:
  explicit CapabilityLinkSigner(const security::CapabilitySigner& signer) : signer_(signer) {}
  [[nodiscard]] std::string sign(const LinkClaims& c) const override;
  [[nodiscard]] core::Result<LinkClaims> read(const std::string& token, core::LinkKind kind) const override;

 private:
  const security::CapabilitySigner& signer_;
};

}  // namespace visitd::service
