#include "service/link_signer.hpp"

namespace visitd::service {

namespace {

// The expiry field of a token without a cap.
constexpr core::Instant kNoCap{};

security::CapabilityKind to_capability(core::LinkKind k) {
  switch (k) {
    case core::LinkKind::manage:
      return security::CapabilityKind::manage;
    case core::LinkKind::join:
      return security::CapabilityKind::join;
    case core::LinkKind::participant:
      return security::CapabilityKind::participant;
  }
  return security::CapabilityKind::join;
}

}  // namespace

std::string CapabilityLinkSigner::sign(const LinkClaims& c) const {
  return signer_.sign({to_capability(c.kind), c.booking_id, c.version, c.not_after.value_or(kNoCap)});
}

core::Result<LinkClaims> CapabilityLinkSigner::read(const std::string& token, core::LinkKind kind) const {
  auto cap = signer_.decode(token, to_capability(kind));
  if (!cap) return cap.error();
  std::optional<core::Instant> not_after;
  if (cap->expires_at != kNoCap) not_after = cap->expires_at;
  return LinkClaims{kind, cap->booking_id, cap->version, not_after};
}

}  // namespace visitd::service
