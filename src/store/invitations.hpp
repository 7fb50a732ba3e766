#pragma once
// Store role: staff invitations (issue H). An invitation is written together with the mail
// that carries its link (the account-mail outbox, kind invitation) in one transaction, so an
// invitation is never without its mail nor a mail without its invitation. The link's secret
// is passed in and kept only as its SHA-256 hex (`token_hash`). Accepting re-checks the
// invitation with core::check_invitation_open inside the transaction that grants the
// membership, so two acceptances of one link cannot both succeed.
#include <optional>
#include <string>
#include <vector>

#include "core/invitation.hpp"
#include "store/account_mail.hpp"
#include "store/actor.hpp"

namespace visitd::store {

// Who accepts: an existing account (user_id), or a new one (user_id empty: the store creates
// `new_user` with `password_hash`, its email the invitation's).
struct Joiner {
  std::optional<Id> user_id;
  core::User new_user;
  std::string password_hash;  // argon2id, for a new account only
};

struct AcceptedInvitation {
  core::Invitation invitation;  // as accepted
  core::User user;              // who joined
};

class InvitationStore {
 public:
  virtual ~InvitationStore() = default;
  // Writes `inv` (id "inv_..." and created_at minted here) and plans `mail` in one
  // transaction; audited as invitation.create. not_found for an unknown business.
  virtual Result<core::Invitation> create_invitation(core::Invitation inv, const std::string& token_hash,
                                                     AccountMail mail, const Actor& by) = 0;
  // The business's invitations neither accepted nor revoked (pending or expired), newest first.
  virtual std::vector<core::Invitation> open_invitations_of(const Id& business_id) = 0;
  // not_found when the business has no such invitation.
  virtual Result<core::Invitation> invitation(const Id& business_id, const Id& invitation_id) = 0;
  // not_found for a hash no invitation holds (a forged or replaced link).
  virtual Result<core::Invitation> invitation_by_token(const std::string& token_hash) = 0;
  // A new link (hash) and expiry, the mail planned in the same transaction; audited as
  // invitation.resend. not_found; policy once accepted or revoked (core::check_invitation_changeable).
  virtual Result<core::Invitation> renew_invitation(const Id& business_id, const Id& invitation_id,
                                                    const std::string& token_hash, Instant expires_at, AccountMail mail,
                                                    const Actor& by) = 0;
  // Ends it (the link answers invitation-revoked); audited as invitation.revoke. not_found;
  // policy once accepted or revoked.
  virtual Status revoke_invitation(const Id& business_id, const Id& invitation_id, const Actor& by) = 0;
  // In one transaction: the invitation behind `token_hash` is re-checked open at the store's
  // now (not_found / gone as core::check_invitation_open), the account created when new
  // (conflict naming email when one exists by then), the membership granted with the
  // invited role (conflict when already a member), the invitation marked accepted; audited
  // as invitation.accept and membership.set by the joining user.
  virtual Result<AcceptedInvitation> accept_invitation(const std::string& token_hash, const Joiner& who) = 0;
};

}  // namespace visitd::store
