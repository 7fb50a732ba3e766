#include "service/link_signer.hpp"

namespace visitd::service {

namespace {

security::CapabilityKind to_capability(core::LinkKind k) {
  return k == core::LinkKind::manage ? security::CapabilityKind::manage : security::CapabilityKind::join;
}

}  // namespace

std::string CapabilityLinkSigner::sign(const LinkClaims& c) const {
  return signer_.sign({to_capability(c.kind), c.booking_id, c.version, c.expires_at});
}

core::Result<LinkClaims> CapabilityLinkSigner::read(const std::string& token, core::LinkKind kind) const {
  auto cap = signer_.decode(token, to_capability(kind));
  if (!cap) return cap.error();
  return LinkClaims{kind, cap->booking_id, cap->version, cap->expires_at};
}

}  // namespace visitd::service
