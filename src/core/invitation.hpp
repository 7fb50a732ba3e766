#pragma once
// Staff invitations (issue H): "adding a person" to a business is an invitation mailed to an
// address, accepted through its link by whoever reads that mailbox, so nobody is attached
// to a business without consent and the inviter learns nothing about who holds an account.
// An invitation is used once, ends at its expiry and can be revoked; these rules decide
// both at the edge and again inside the store's accepting transaction.
#include <optional>
#include <string>

#include "core/model.hpp"
#include "core/result.hpp"

namespace visitd::core {

struct Invitation {
  Id id;  // "inv_..."
  Id business_id;
  std::string email;  // lower-cased, as the invitation was addressed
  Role role = Role::provider;
  Id invited_by;  // the actor's audit spelling ("user:usr_..." or "token:tok_...")
  Instant created_at;
  Instant expires_at;  // the link's end; a resend moves it
  std::optional<Instant> accepted_at;
  std::optional<Id> accepted_by;  // the user who accepted
  std::optional<Instant> revoked_at;
};

enum class InvitationStatus { pending, accepted, revoked, expired };

// accepted and revoked are final whatever the time; otherwise expired from expires_at on.
InvitationStatus invitation_status(const Invitation& i, Instant now);

// ok while pending. Refusals are gone (410) with a type saying why: "invitation-used",
// "invitation-revoked", "invitation-expired".
Status check_invitation_open(const Invitation& i, Instant now);

// Whether staff may resend (a new link, a new expiry) or revoke it: policy (409) once it was
// accepted or revoked; an expired invitation may be resent (and revoked).
Status check_invitation_changeable(const Invitation& i);

}  // namespace visitd::core
