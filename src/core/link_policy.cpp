#include "core/link_policy.hpp"

namespace visitd::core {

Instant link_deadline(LinkKind kind, const Booking& b, const LinkLifetimes& lifetimes) {
  if (kind == LinkKind::manage) return b.time.end + lifetimes.manage_after_end;
  return b.time.end + lifetimes.join_after_end;
}

Status check_link(LinkKind kind, const Booking& b, int link_version, const LinkLifetimes& lifetimes, Instant now,
                  std::optional<Instant> not_after) {
  if (link_version > b.capability_version || link_version < 1) {
    return Error::make(ErrorCode::not_found, "invalid link");
  }
  if (now >= link_deadline(kind, b, lifetimes) || (not_after && now >= *not_after)) {
    return Error::typed(ErrorCode::gone, "link-expired", "link expired");
  }
  if (b.status == BookingStatus::cancelled) {
    return Error::typed(ErrorCode::gone, "booking-cancelled", "this appointment was cancelled");
  }
  if (link_version != b.capability_version) {
    return Error::typed(ErrorCode::gone, "link-revoked",
                        "this link was replaced by a newer one; use the latest link you were sent");
  }
  return ok_status();
}

Status check_reissue(const Booking& b) {
  if (b.status == BookingStatus::cancelled) {
    return Error::make(ErrorCode::policy, "a cancelled booking's links cannot be reissued");
  }
  return ok_status();
}

}  // namespace visitd::core
