#include "service/invitations.hpp"

#include "core/validation.hpp"
#include "security/crypto.hpp"

namespace visitd::service {

namespace {

const char* role_words(core::Role r) {
  switch (r) {
    case core::Role::owner:
      return "an owner";
    case core::Role::manager:
      return "a manager";
    case core::Role::provider:
      return "a provider";
  }
  return "a member";
}

// Both refusals of an unknown link read alike: nothing tells a forged link from a replaced one.
core::Error unknown_link() {
  return core::Error::make(core::ErrorCode::not_found, "This invitation link is not valid");
}

}  // namespace

std::optional<core::Error> Invitations::check_may_manage(core::Role caller_role, core::Role invited) const {
  if (invited == core::Role::owner && caller_role != core::Role::owner) {
    return core::Error::make(core::ErrorCode::forbidden, "Only an owner may invite an owner");
  }
  return std::nullopt;
}

store::AccountMail Invitations::invitation_mail(const core::Invitation& inv, const std::string& business_name,
                                                const std::string& token) const {
  store::AccountMail m;
  m.kind = store::AccountMailKind::invitation;
  m.address = inv.email;
  m.subject = "You are invited to join " + business_name;
  std::string base = settings_.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  m.body = "Hello,\n\nYou are invited to join " + business_name + " as " + role_words(inv.role) +
           ".\n\nTo accept, open this link (it works once, until " + core::format_rfc3339_utc(inv.expires_at) + "):\n" +
           base + "/invite/" + token +
           "\n\nIf you already have an account with this address, sign in with its password there; "
           "otherwise choose your name and a password.\n\n"
           "If you did not expect this invitation, ignore this mail: nothing happens unless the link is opened "
           "and accepted.\n";
  m.next_attempt_at = clock_.now();
  return m;
}

core::Result<core::Invitation> Invitations::invite(const core::Id& business_id, core::Role caller_role,
                                                   const std::string& email, core::Role role,
                                                   const store::Actor& by) const {
  if (auto refused = check_may_manage(caller_role, role)) return *refused;
  auto business = catalog_.business_by_id(business_id);
  if (!business) return business.error();
  const core::Instant now = clock_.now();
  if (auto existing = staff_.user_by_email(email); existing && staff_.role_in(existing->user.id, business_id)) {
    core::Error e = core::Error::make(core::ErrorCode::conflict, "This person is already a staff member");
    e.fields.push_back({"email", "already a staff member of this business"});
    return e;
  }
  for (const auto& open : invitations_.open_invitations_of(business_id)) {
    if (open.email == email && core::invitation_status(open, now) == core::InvitationStatus::pending) {
      core::Error e = core::Error::make(core::ErrorCode::conflict,
                                        "This address is already invited: resend or revoke that invitation");
      e.fields.push_back({"email", "already invited"});
      return e;
    }
  }
  core::Invitation inv;
  inv.business_id = business_id;
  inv.email = email;
  inv.role = role;
  inv.expires_at = now + settings_.lifetime;
  const std::string token = security::random_token(32);
  return invitations_.create_invitation(inv, security::sha256_hex(token), invitation_mail(inv, business->name, token),
                                        by);
}

std::vector<core::Invitation> Invitations::open_of(const core::Id& business_id) const {
  return invitations_.open_invitations_of(business_id);
}

core::Result<core::Invitation> Invitations::resend(const core::Id& business_id, core::Role caller_role,
                                                   const core::Id& invitation_id, const store::Actor& by) const {
  auto inv = invitations_.invitation(business_id, invitation_id);
  if (!inv) return inv.error();
  if (auto refused = check_may_manage(caller_role, inv->role)) return *refused;
  auto business = catalog_.business_by_id(business_id);
  if (!business) return business.error();
  core::Invitation renewed = *inv;
  renewed.expires_at = clock_.now() + settings_.lifetime;
  const std::string token = security::random_token(32);
  return invitations_.renew_invitation(business_id, invitation_id, security::sha256_hex(token), renewed.expires_at,
                                       invitation_mail(renewed, business->name, token), by);
}

core::Status Invitations::revoke(const core::Id& business_id, core::Role caller_role, const core::Id& invitation_id,
                                 const store::Actor& by) const {
  auto inv = invitations_.invitation(business_id, invitation_id);
  if (!inv) return inv.error();
  if (auto refused = check_may_manage(caller_role, inv->role)) return *refused;
  return invitations_.revoke_invitation(business_id, invitation_id, by);
}

core::Result<InvitationPreview> Invitations::preview(const std::string& token) const {
  if (token.empty() || token.size() > 128) return unknown_link();
  auto inv = invitations_.invitation_by_token(security::sha256_hex(token));
  if (!inv) return unknown_link();
  if (auto open = core::check_invitation_open(*inv, clock_.now()); !open) return open.error();
  auto business = catalog_.business_by_id(inv->business_id);
  if (!business) return unknown_link();
  return InvitationPreview{*inv, business->name, staff_.user_by_email(inv->email).ok()};
}

core::Result<store::AcceptedInvitation> Invitations::accept(const std::string& token, const Acceptance& a) const {
  auto seen = preview(token);
  if (!seen) return seen.error();
  store::Joiner who;
  if (auto account = staff_.user_by_email(seen->invitation.email)) {
    if (a.name) {
      return core::Error::invalid("name", "this address has an account: sign in with its password instead");
    }
    if (account->password_hash.empty() || !security::verify_password(a.password, account->password_hash)) {
      return core::Error::make(core::ErrorCode::unauthorized, "wrong password");
    }
    who.user_id = account->user.id;
  } else {
    std::vector<core::FieldError> errors;
    if (!a.name || a.name->empty()) errors.push_back({"name", "is required to create your account"});
    if (a.password.size() < core::kMinPasswordLength) {
      errors.push_back({"password", "must be at least " + std::to_string(core::kMinPasswordLength) + " characters"});
    }
    if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));
    who.new_user.name = *a.name;
    who.password_hash = security::hash_password(a.password);
  }
  return invitations_.accept_invitation(security::sha256_hex(token), who);
}

}  // namespace visitd::service
