// InvitationStore on SQLite: the invitations table (migration 0013); the invitation's mail
// goes to account_mail in the same transaction.
#include "core/staff_policy.hpp"
#include "store/rows.hpp"
#include "store/sqlite/rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {

namespace {

constexpr const char* kSelect = kInvitationSelect;

core::Error no_invitation() { return core::Error::make(core::ErrorCode::not_found, "No such invitation"); }

std::optional<core::Invitation> load_invitation(sqlite3* db, const Id& business_id, const Id& id) {
  Statement q(db, std::string(kSelect) + "WHERE business_id = ? AND id = ?");
  q.bind(1, business_id).bind(2, id);
  if (!q.step()) return std::nullopt;
  return invitation_row(q);
}

std::optional<core::Invitation> load_by_token(sqlite3* db, const std::string& token_hash) {
  Statement q(db, std::string(kSelect) + "WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.step()) return std::nullopt;
  return invitation_row(q);
}

}  // namespace

Result<core::Invitation> SqliteStore::create_invitation(core::Invitation inv, const std::string& token_hash,
                                                        AccountMail mail, const Actor& by) {
  return write([&](sqlite3* db) -> Result<core::Invitation> {
    if (!load_business_by_id(db, inv.business_id)) {
      return core::Error::make(core::ErrorCode::not_found, "business not found");
    }
    inv.id = new_id("inv_");
    inv.created_at = now();
    inv.email = lower_ascii(inv.email);
    inv.invited_by = by.name;
    Statement q(db,
                "INSERT INTO invitations (id, business_id, email, role, token_hash, invited_by, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, inv.id)
        .bind(2, inv.business_id)
        .bind(3, inv.email)
        .bind(4, role_text(inv.role))
        .bind(5, token_hash)
        .bind(6, inv.invited_by)
        .bind(7, inv.created_at)
        .bind(8, inv.expires_at)
        .run();
    insert_account_mail(db, mail);
    audit(db, inv.business_id, by, "invitation.create", "invitation:" + inv.id,
          std::string("role=") + role_text(inv.role));
    return inv;
  });
}

std::vector<core::Invitation> SqliteStore::open_invitations_of(const Id& business_id) {
  return read([&](sqlite3* db) {
    Statement q(db, std::string(kSelect) +
                        "WHERE business_id = ? AND accepted_at IS NULL AND revoked_at IS NULL "
                        "ORDER BY created_at DESC, id DESC");
    q.bind(1, business_id);
    std::vector<core::Invitation> out;
    while (q.step()) out.push_back(invitation_row(q));
    return out;
  });
}

Result<core::Invitation> SqliteStore::invitation(const Id& business_id, const Id& invitation_id) {
  return read([&](sqlite3* db) -> Result<core::Invitation> {
    auto found = load_invitation(db, business_id, invitation_id);
    if (!found) return no_invitation();
    return *found;
  });
}

Result<core::Invitation> SqliteStore::invitation_by_token(const std::string& token_hash) {
  return read([&](sqlite3* db) -> Result<core::Invitation> {
    auto found = load_by_token(db, token_hash);
    if (!found) return no_invitation();
    return *found;
  });
}

Result<core::Invitation> SqliteStore::renew_invitation(const Id& business_id, const Id& invitation_id,
                                                       const std::string& token_hash, Instant expires_at,
                                                       AccountMail mail, const Actor& by) {
  return write([&](sqlite3* db) -> Result<core::Invitation> {
    auto found = load_invitation(db, business_id, invitation_id);
    if (!found) return no_invitation();
    if (auto open = core::check_invitation_changeable(*found); !open) return open.error();
    Statement q(db, "UPDATE invitations SET token_hash = ?, expires_at = ? WHERE id = ?");
    q.bind(1, token_hash).bind(2, expires_at).bind(3, invitation_id).run();
    found->expires_at = expires_at;
    insert_account_mail(db, mail);
    audit(db, business_id, by, "invitation.resend", "invitation:" + invitation_id);
    return *found;
  });
}

Status SqliteStore::revoke_invitation(const Id& business_id, const Id& invitation_id, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    auto found = load_invitation(db, business_id, invitation_id);
    if (!found) return no_invitation();
    if (auto open = core::check_invitation_changeable(*found); !open) return open.error();
    Statement q(db, "UPDATE invitations SET revoked_at = ? WHERE id = ?");
    q.bind(1, now()).bind(2, invitation_id).run();
    audit(db, business_id, by, "invitation.revoke", "invitation:" + invitation_id);
    return core::ok_status();
  });
}

Result<AcceptedInvitation> SqliteStore::accept_invitation(const std::string& token_hash, const Joiner& who) {
  return write([&](sqlite3* db) -> Result<AcceptedInvitation> {
    auto found = load_by_token(db, token_hash);
    if (!found) return no_invitation();
    const Instant at = now();
    if (auto open = core::check_invitation_open(*found, at); !open) return open.error();
    core::User user;
    if (who.user_id) {
      Statement u(db, "SELECT id, email, name FROM users WHERE id = ?");
      u.bind(1, *who.user_id);
      if (!u.step()) return core::Error::make(core::ErrorCode::not_found, "user not found");
      user = core::User{u.text(0), u.text(1), u.text(2)};
    } else {
      Statement taken(db, "SELECT 1 FROM users WHERE email = ?");
      taken.bind(1, found->email);
      if (taken.step()) {
        core::Error e = core::Error::make(core::ErrorCode::conflict,
                                          "An account with this address exists: sign in with its password to accept");
        e.fields.push_back({"email", "already has an account"});
        return e;
      }
      user = core::User{new_id("usr_"), found->email, who.new_user.name};
      Statement q(db, "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)");
      q.bind(1, user.id).bind(2, user.email).bind(3, user.name).bind(4, who.password_hash).bind(5, at).run();
    }
    Statement member(db, "SELECT 1 FROM memberships WHERE business_id = ? AND user_id = ?");
    member.bind(1, found->business_id).bind(2, user.id);
    if (member.step()) {
      return core::Error::make(core::ErrorCode::conflict, "You are already a staff member of this business");
    }
    Statement grant(db, "INSERT INTO memberships (business_id, user_id, role) VALUES (?, ?, ?)");
    grant.bind(1, found->business_id).bind(2, user.id).bind(3, role_text(found->role)).run();
    Statement done(db, "UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?");
    done.bind(1, at).bind(2, user.id).bind(3, found->id).run();
    found->accepted_at = at;
    found->accepted_by = user.id;
    const Actor joiner{"user:" + user.id};
    audit(db, found->business_id, joiner, "invitation.accept", "invitation:" + found->id);
    audit(db, found->business_id, joiner, "membership.set", "user:" + user.id,
          std::string("role=") + role_text(found->role));
    return AcceptedInvitation{*found, user};
  });
}

}  // namespace visitd::store::sqlite
