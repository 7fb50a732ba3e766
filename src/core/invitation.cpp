#include "core/invitation.hpp"

namespace visitd::core {

InvitationStatus invitation_status(const Invitation& i, Instant now) {
  if (i.accepted_at) return InvitationStatus::accepted;
  if (i.revoked_at) return InvitationStatus::revoked;
  if (now >= i.expires_at) return InvitationStatus::expired;
  return InvitationStatus::pending;
}

Status check_invitation_open(const Invitation& i, Instant now) {
  switch (invitation_status(i, now)) {
    case InvitationStatus::pending:
      return ok_status();
    case InvitationStatus::accepted:
      return Error::typed(ErrorCode::gone, "invitation-used", "This invitation was already accepted");
    case InvitationStatus::revoked:
      return Error::typed(ErrorCode::gone, "invitation-revoked", "This invitation was withdrawn");
    case InvitationStatus::expired:
      return Error::typed(ErrorCode::gone, "invitation-expired", "This invitation has expired: ask for a new one");
  }
  return ok_status();
}

Status check_invitation_changeable(const Invitation& i) {
  if (i.accepted_at) return Error::make(ErrorCode::policy, "This invitation was already accepted");
  if (i.revoked_at) return Error::make(ErrorCode::policy, "This invitation was withdrawn");
  return ok_status();
}

}  // namespace visitd::core
