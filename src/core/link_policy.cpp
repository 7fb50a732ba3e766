#include "core/link_policy.hpp"

namespace visitd::core {

Instant link_deadline(LinkKind kind, const Booking& b, const LinkLifetimes& lifetimes) {
  if (kind == LinkKind::manage) return b.time.end + lifetimes.manage_after_end;
  return b.time.end + lifetimes.join_after_end;
}

Status check_link(LinkKind kind, const Booking& b, int link_version, const LinkLifetimes& lifetimes, Instant now,
                  std::optional<Instant> not_after) {
  if (link_version != b.capability_version) return Error::make(ErrorCode::not_found, "invalid link");
  if (now >= link_deadline(kind, b, lifetimes) || (not_after && now >= *not_after)) {
    return Error::typed(ErrorCode::gone, "link-expired", "link expired");
  }
  return ok_status();
}

}  // namespace visitd::core
