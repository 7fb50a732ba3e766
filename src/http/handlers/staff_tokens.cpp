// API tokens of a business: bearer credentials for scripts, scoped to the business and
// capped at a role. The secret is shown once at creation; only its SHA-256 is stored.
#include <algorithm>

#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "security/crypto.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kMaxTokenNameLength = 100;

Response list_tokens(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& t : ctx.store.api_tokens_of(a.business.id)) items.push_back(token_to_json(t));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_token(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto name = r.string("name", true, kMaxTokenNameLength);
  std::optional<Role> role;
  if (auto text = r.string("role", true, 20)) {
    role = core::role_from_string(*text);
    if (!role) r.fail("role", "must be one of owner, manager, provider");
  }
  if (name && name->empty()) r.fail("name", "must not be empty");
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (!core::role_at_least(a.role, *role)) {
    core::Error e = core::Error::make(core::ErrorCode::forbidden, "A token's role may not exceed your own");
    e.fields.push_back({"role", "exceeds your role in this business"});
    return fail(e);
  }
  const std::string secret = security::random_token();
  store::ApiToken t;
  t.business_id = a.business.id;
  t.user_id = a.caller.user_id;
  t.name = *name;
  t.role = *role;
  t.token_hash = security::sha256_hex(secret);
  t.created_at = ctx.now();
  auto created = ctx.store.create_api_token(std::move(t), actor_of(a));
  if (!created) return fail(created.error());
  auto out = token_to_json(*created);
  out["token"] = secret;
  return json_response(201, out);
}

Response delete_token(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const auto& token_id = req.param("tokenId");
  const auto tokens = ctx.store.api_tokens_of(a.business.id);
  auto it = std::find_if(tokens.begin(), tokens.end(), [&](const auto& t) { return t.id == token_id; });
  if (it == tokens.end()) return not_found("No such API token");
  if (!core::role_at_least(a.role, it->role)) return forbidden("This token's role exceeds your own");
  if (auto s = ctx.store.delete_api_token(a.business.id, token_id, actor_of(a)); !s) return fail(s.error());
  return no_content();
}

}  // namespace

void register_tokens(Router& r, ApiContext& ctx) {
  r.add("GET", route("/api-tokens"), gated(ctx, Role::manager, list_tokens));
  r.add("POST", route("/api-tokens"), gated(ctx, Role::manager, create_token));
  r.add("DELETE", route("/api-tokens/{tokenId}"), gated(ctx, Role::manager, delete_token));
}

}  // namespace visitd::http::staff
