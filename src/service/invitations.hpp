#pragma once
// Use cases: staff invitations (issue H). A manager or owner "adding a person" invites an
// address: visitd mails it a single-use link that expires (default 7 days). The answer is the
// same whether or not the address has an account, so adding a person reveals nothing about
// who is registered. Whoever reads the mail accepts: with the password of the account the
// address has, or by choosing a name and a password for a new one. Staff list the open
// invitations, resend one (a new link and expiry; the old link stops working) or revoke it.
//
// The link carries a 256-bit random secret (security::random_token), kept by the store only
// as its SHA-256, like sessions and API tokens: unguessable, revocable and single-use by the
// invitation's own state.
#include <optional>
#include <string>

#include "core/invitation.hpp"
#include "service/ports.hpp"

namespace visitd::service {

struct InvitationSettings {
  std::string public_url = "http://127.0.0.1:8080";  // base of the link: <public_url>/invite/<token>
  core::Seconds lifetime{7 * 24 * 3600};             // from sending (or resending) to expiry
};

struct InvitationPreview {
  core::Invitation invitation;
  std::string business_name;
  bool has_account = false;  // the address has an account: accepting asks for its password
};

struct Acceptance {
  std::optional<std::string> name;  // a new account's name (required then; refused otherwise)
  std::string password;             // the existing account's, or the new one's (>= 10 chars)
};

class Invitations {
 public:
  Invitations(store::InvitationStore& invitations, store::StaffStore& staff, store::CatalogStore& catalog,
              const core::Clock& clock, InvitationSettings settings)
      : invitations_(invitations), staff_(staff), catalog_(catalog), clock_(clock), settings_(std::move(settings)) {}
  Invitations(const Ports& p, InvitationSettings settings)
      : Invitations(p.store.invitations, p.store.staff, p.store.catalog, p.clock, std::move(settings)) {}

  // Invites `email` (lower-cased, plausible: the edge checked) with `role` and mails the link.
  // forbidden: only an owner invites an owner. conflict naming `email`: already a staff member
  // of this business (the caller sees the staff list anyway), or invited and still pending.
  [[nodiscard]] core::Result<core::Invitation> invite(const core::Id& business_id, core::Role caller_role,
                                                      const std::string& email, core::Role role,
                                                      const store::Actor& by) const;
  // Pending and expired invitations of the business, newest first.
  [[nodiscard]] std::vector<core::Invitation> open_of(const core::Id& business_id) const;
  // A new link and expiry, mailed; the previous link answers 404 from now on. not_found;
  // forbidden for an owner's invitation when the caller is not an owner; policy once
  // accepted or revoked.
  [[nodiscard]] core::Result<core::Invitation> resend(const core::Id& business_id, core::Role caller_role,
                                                      const core::Id& invitation_id, const store::Actor& by) const;
  // The link answers 410 invitation-revoked from now on. Same refusals as resend.
  [[nodiscard]] core::Status revoke(const core::Id& business_id, core::Role caller_role, const core::Id& invitation_id,
                                    const store::Actor& by) const;

  // What the link invites to. not_found for an unknown (forged or replaced) link; gone with
  // type invitation-used / invitation-revoked / invitation-expired.
  [[nodiscard]] core::Result<InvitationPreview> preview(const std::string& token) const;
  // Accepts: refusals of preview; then for an address with an account, unauthorized for a
  // wrong password and invalid naming `name` when one is given; for a new account, invalid
  // naming `name` (missing) or `password` (shorter than 10). conflict when already a member.
  [[nodiscard]] core::Result<store::AcceptedInvitation> accept(const std::string& token, const Acceptance& a) const;

  // Set once, before serving, when the listening port is known (port 0 in tests).
  void set_public_url(std::string url) { settings_.public_url = std::move(url); }

 private:
  [[nodiscard]] store::AccountMail invitation_mail(const core::Invitation& inv, const std::string& business_name,
                                                   const std::string& token) const;
  [[nodiscard]] std::optional<core::Error> check_may_manage(core::Role caller_role, core::Role invited) const;
  store::InvitationStore& invitations_;
  store::StaffStore& staff_;
  store::CatalogStore& catalog_;
  const core::Clock& clock_;
  InvitationSettings settings_;
};

}  // namespace visitd::service
