// Users, memberships, sessions and API tokens. The owner rule is core's (core/staff_policy).
#include "core/staff_policy.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/postgres/rows.hpp"

namespace visitd::store::postgres {
namespace {

core::Error user_not_found() { return core::Error::make(core::ErrorCode::not_found, "user not found"); }

std::optional<core::Role> current_role(PGconn* db, const Id& business_id, const Id& user_id) {
  Statement q(db, "SELECT role FROM memberships WHERE business_id = ? AND user_id = ?");
  q.bind(1, business_id).bind(2, user_id);
  if (!q.step()) return std::nullopt;
  return role_column(q, 0);
}

int owner_count(PGconn* db, const Id& business_id) {
  Statement q(db, "SELECT COUNT(*) FROM memberships WHERE business_id = ? AND role = 'owner'");
  q.bind(1, business_id);
  q.step();
  return q.integer(0);
}

bool exists(PGconn* db, const char* sql, const Id& id) {
  Statement q(db, sql);
  q.bind(1, id);
  return q.step();
}

}  // namespace

// ---- users -----------------------------------------------------------------

Result<core::User> PostgresStore::create_user(core::User u, const std::string& password_hash) {
  return write([&](PGconn* db) -> Result<core::User> {
    u.id = new_id("usr_");
    u.email = lower_ascii(u.email);
    if (exists(db, "SELECT 1 FROM users WHERE email = ?", u.email)) {
      core::Error e = core::Error::make(core::ErrorCode::conflict, "a user with this email already exists");
      e.fields.push_back({"email", "is already registered"});
      return e;
    }
    Statement q(db, "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, u.id).bind(2, u.email).bind(3, u.name).bind(4, password_hash).bind(5, now()).run();
    return u;
  });
}

Result<StoredUser> PostgresStore::user_by_email(const std::string& email) {
  return read([&](PGconn* db) -> Result<StoredUser> {
    Statement q(db, "SELECT id, email, name, password_hash FROM users WHERE email = ?");
    q.bind(1, lower_ascii(email));
    if (!q.step()) return user_not_found();
    return user_row(q);
  });
}

Result<StoredUser> PostgresStore::user_by_id(const Id& id) {
  return read([&](PGconn* db) -> Result<StoredUser> {
    Statement q(db, "SELECT id, email, name, password_hash FROM users WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return user_not_found();
    return user_row(q);
  });
}

Status PostgresStore::set_password_hash(const Id& user_id, const std::string& hash) {
  return write([&](PGconn* db) -> Status {
    Statement q(db, "UPDATE users SET password_hash = ? WHERE id = ?");
    if (q.bind(1, hash).bind(2, user_id).run() == 0) return user_not_found();
    // A new password ends every existing login of that user.
    Statement sessions(db, "DELETE FROM sessions WHERE user_id = ?");
    sessions.bind(1, user_id).run();
    return core::ok_status();
  });
}

// ---- memberships -----------------------------------------------------------

std::vector<core::Membership> PostgresStore::memberships_of(const Id& user_id) {
  return read([&](PGconn* db) {
    Statement q(db,
                "SELECT m.business_id, m.user_id, m.role FROM memberships m "
                "JOIN businesses b ON b.id = m.business_id WHERE m.user_id = ? ORDER BY b.name, b.id");
    q.bind(1, user_id);
    std::vector<core::Membership> out;
    while (q.step()) out.push_back({q.text(0), q.text(1), role_column(q, 2)});
    return out;
  });
}

std::optional<core::Role> PostgresStore::role_in(const Id& user_id, const Id& business_id) {
  return read([&](PGconn* db) { return current_role(db, business_id, user_id); });
}

std::vector<StaffMember> PostgresStore::staff_of(const Id& business_id) {
  return read([&](PGconn* db) {
    Statement q(db,
                "SELECT u.id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id "
                "WHERE m.business_id = ? ORDER BY u.name, u.email");
    q.bind(1, business_id);
    std::vector<StaffMember> out;
    while (q.step()) out.push_back({{q.text(0), q.text(1), q.text(2)}, role_column(q, 3)});
    return out;
  });
}

Status PostgresStore::set_membership(const core::Membership& m, const Actor& by) {
  return write([&](PGconn* db) -> Status {
    if (!exists(db, "SELECT 1 FROM businesses WHERE id = ?", m.business_id)) {
      return core::Error::make(core::ErrorCode::not_found, "business not found");
    }
    if (!exists(db, "SELECT 1 FROM users WHERE id = ?", m.user_id)) return user_not_found();
    auto before = current_role(db, m.business_id, m.user_id);
    if (auto kept = core::check_owner_kept(before, m.role, owner_count(db, m.business_id)); !kept) return kept;
    Statement q(db,
                "INSERT INTO memberships (business_id, user_id, role) VALUES (?, ?, ?) "
                "ON CONFLICT (business_id, user_id) DO UPDATE SET role = excluded.role");
    q.bind(1, m.business_id).bind(2, m.user_id).bind(3, role_text(m.role)).run();
    audit(db, m.business_id, by, "membership.set", "user:" + m.user_id, std::string("role=") + role_text(m.role));
    return core::ok_status();
  });
}

Status PostgresStore::remove_membership(const Id& business_id, const Id& user_id, const Actor& by) {
  return write([&](PGconn* db) -> Status {
    auto before = current_role(db, business_id, user_id);
    if (!before) return core::Error::make(core::ErrorCode::not_found, "membership not found");
    if (auto kept = core::check_owner_kept(before, std::nullopt, owner_count(db, business_id)); !kept) return kept;
    Statement q(db, "DELETE FROM memberships WHERE business_id = ? AND user_id = ?");
    q.bind(1, business_id).bind(2, user_id).run();
    // Tokens act as the user: they go with the membership.
    Statement tokens(db, "DELETE FROM api_tokens WHERE business_id = ? AND user_id = ?");
    tokens.bind(1, business_id).bind(2, user_id).run();
    audit(db, business_id, by, "membership.remove", "user:" + user_id);
    return core::ok_status();
  });
}

// ---- sessions --------------------------------------------------------------

Status PostgresStore::create_session(const Session& s) {
  return write([&](PGconn* db) -> Status {
    // Expired sessions are swept here, on the (rare) login path, instead of by a timer.
    Statement sweep(db, "DELETE FROM sessions WHERE expires_at <= ?");
    sweep.bind(1, now()).run();
    Statement q(db, "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)");
    q.bind(1, s.token_hash).bind(2, s.user_id).bind(3, s.csrf_token).bind(4, s.expires_at).run();
    return core::ok_status();
  });
}

std::optional<Session> PostgresStore::session_by_hash(const std::string& token_hash, Instant at) {
  return read([&](PGconn* db) -> std::optional<Session> {
    Statement q(db,
                "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions "
                "WHERE token_hash = ? AND expires_at > ?");
    q.bind(1, token_hash).bind(2, at);
    if (!q.step()) return std::nullopt;
    return Session{q.text(0), q.text(1), q.text(2), q.instant(3)};
  });
}

Status PostgresStore::delete_session(const std::string& token_hash) {
  return write([&](PGconn* db) -> Status {
    Statement q(db, "DELETE FROM sessions WHERE token_hash = ?");
    q.bind(1, token_hash).run();
    return core::ok_status();
  });
}

// ---- API tokens ------------------------------------------------------------

Result<ApiToken> PostgresStore::create_api_token(ApiToken t, const Actor& by) {
  return write([&](PGconn* db) -> Result<ApiToken> {
    if (!current_role(db, t.business_id, t.user_id)) {
      return core::Error::make(core::ErrorCode::not_found, "membership not found");
    }
    t.id = new_id("tok_");
    t.created_at = now();
    t.last_used_at.reset();
    Statement q(db,
                "INSERT INTO api_tokens (id, business_id, user_id, name, role, token_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, t.id)
        .bind(2, t.business_id)
        .bind(3, t.user_id)
        .bind(4, t.name)
        .bind(5, role_text(t.role))
        .bind(6, t.token_hash)
        .bind(7, t.created_at)
        .run();
    audit(db, t.business_id, by, "token.create", "token:" + t.id, std::string("role=") + role_text(t.role));
    return t;
  });
}

std::optional<ApiToken> PostgresStore::api_token_by_hash(const std::string& token_hash) {
  return read([&](PGconn* db) -> std::optional<ApiToken> {
    Statement q(db, std::string(kTokenColumns) + "WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return token_row(q);
  });
}

std::vector<ApiToken> PostgresStore::api_tokens_of(const Id& business_id) {
  return read([&](PGconn* db) {
    Statement q(db, std::string(kTokenColumns) + "WHERE business_id = ? ORDER BY created_at, id");
    q.bind(1, business_id);
    std::vector<ApiToken> out;
    while (q.step()) out.push_back(token_row(q));
    return out;
  });
}

Status PostgresStore::delete_api_token(const Id& business_id, const Id& token_id, const Actor& by) {
  return write([&](PGconn* db) -> Status {
    Statement q(db, "DELETE FROM api_tokens WHERE business_id = ? AND id = ?");
    if (q.bind(1, business_id).bind(2, token_id).run() == 0) {
      return core::Error::make(core::ErrorCode::not_found, "token not found");
    }
    audit(db, business_id, by, "token.delete", "token:" + token_id);
    return core::ok_status();
  });
}

void PostgresStore::touch_api_token(const Id& token_id, Instant at) {
  // Bearer requests would otherwise each take the write lock; a minute's precision is enough.
  bool stale = read([&](PGconn* db) {
    Statement q(db, "SELECT 1 FROM api_tokens WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ? - 60)");
    q.bind(1, token_id).bind(2, at);
    return q.step();
  });
  if (!stale) return;
  write([&](PGconn* db) {
    Statement q(db,
                "UPDATE api_tokens SET last_used_at = ? WHERE id = ? "
                "AND (last_used_at IS NULL OR last_used_at < ? - 60)");
    q.bind(1, at).bind(2, token_id).bind(3, at).run();
    return 0;
  });
}

}  // namespace visitd::store::postgres
