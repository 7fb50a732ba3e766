#include "service/access.hpp"

#include <algorithm>

#include "security/crypto.hpp"

namespace visitd::service {

core::Result<store::StoredUser> Access::user_by_email(const std::string& email) const {
  return staff_.user_by_email(email);
}

core::Result<store::StoredUser> Access::user_by_id(const core::Id& id) const { return staff_.user_by_id(id); }

std::optional<core::Role> Access::role_in(const core::Id& user_id, const core::Id& business_id) const {
  return staff_.role_in(user_id, business_id);
}

std::vector<store::StaffMember> Access::staff_of(const core::Id& business_id) const {
  return staff_.staff_of(business_id);
}

std::vector<std::pair<core::Business, core::Role>> Access::businesses_of(const core::Id& user_id) const {
  std::vector<std::pair<core::Business, core::Role>> out;
  for (const auto& m : staff_.memberships_of(user_id)) {
    if (auto b = catalog_.business_by_id(m.business_id)) out.emplace_back(std::move(*b), m.role);
  }
  return out;
}

core::Result<store::Session> Access::open_session(const core::Id& user_id, std::string token_hash,
                                                  std::string csrf_token, std::chrono::hours lifetime) const {
  store::Session s{std::move(token_hash), user_id, std::move(csrf_token), clock_.now() + lifetime};
  if (auto created = staff_.create_session(s); !created) return created.error();
  return s;
}

std::optional<store::Session> Access::session(const std::string& token_hash) const {
  return staff_.session_by_hash(token_hash, clock_.now());
}

void Access::close_session(const std::string& token_hash) const { (void)staff_.delete_session(token_hash); }

std::optional<store::ApiToken> Access::use_api_token(const std::string& token_hash) const {
  auto token = staff_.api_token_by_hash(token_hash);
  if (token) staff_.touch_api_token(token->id, clock_.now());
  return token;
}

std::vector<store::ApiToken> Access::tokens_of(const core::Id& business_id) const {
  return staff_.api_tokens_of(business_id);
}

core::Result<IssuedToken> Access::issue_token(const core::Id& business_id, const core::Id& user_id,
                                              core::Role caller_role, std::string name, core::Role role,
                                              const store::Actor& by) const {
  if (!core::role_at_least(caller_role, role)) {
    core::Error e = core::Error::make(core::ErrorCode::forbidden, "A token's role may not exceed your own");
    e.fields.push_back({"role", "exceeds your role in this business"});
    return e;
  }
  IssuedToken out;
  out.secret = security::random_token();
  store::ApiToken t;
  t.business_id = business_id;
  t.user_id = user_id;
  t.name = std::move(name);
  t.role = role;
  t.token_hash = security::sha256_hex(out.secret);
  t.created_at = clock_.now();
  auto created = staff_.create_api_token(std::move(t), by);
  if (!created) return created.error();
  out.token = std::move(*created);
  return out;
}

core::Status Access::revoke_token(const core::Id& business_id, core::Role caller_role, const core::Id& token_id,
                                  const store::Actor& by) const {
  const auto tokens = staff_.api_tokens_of(business_id);
  auto it = std::find_if(tokens.begin(), tokens.end(), [&](const auto& t) { return t.id == token_id; });
  if (it == tokens.end()) return core::Error::make(core::ErrorCode::not_found, "No such API token");
  if (!core::role_at_least(caller_role, it->role)) {
    return core::Error::make(core::ErrorCode::forbidden, "This token's role exceeds your own");
  }
  return staff_.delete_api_token(business_id, token_id, by);
}

std::vector<core::AuditEntry> Access::audit_log(const core::Id& business_id, int limit, int offset) const {
  return audit_.audit_log(business_id, limit, offset);
}

}  // namespace visitd::service
