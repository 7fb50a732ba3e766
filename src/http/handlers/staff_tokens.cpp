// API tokens of a business: bearer credentials for scripts, scoped to the business and
// capped at a role. The secret is shown once at creation; only its SHA-256 is stored.
#include <algorithm>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

Response list_tokens(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& t : ctx.use.access.tokens_of(a.business.id)) items.push_back(token_to_json(t));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_token(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto name = r.string("name", true, core::kMaxTokenNameLength);
  std::optional<Role> role;
  if (auto text = r.string("role", true, 20)) {
    role = wire::parse<core::Role>(*text);
    if (!role) r.fail("role", "must be one of owner, manager, provider");
  }
  if (name && name->empty()) r.fail("name", "must not be empty");
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto issued = ctx.use.access.issue_token(a.business.id, a.caller.user_id, a.role, *name, *role, actor_of(a));
  if (!issued) return fail(issued.error());
  auto out = token_to_json(issued->token);
  out["token"] = issued->secret;
  return json_response(201, out);
}

Response delete_token(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const auto& token_id = req.param("tokenId");
  if (auto s = ctx.use.access.revoke_token(a.business.id, a.role, token_id, actor_of(a)); !s) return fail(s.error());
  return no_content();
}

}  // namespace

void register_tokens(Router& r, ApiContext& ctx) {
  r.add("GET", route("/api-tokens"), gated(ctx, Role::manager, list_tokens));
  r.add("POST", route("/api-tokens"), gated(ctx, Role::manager, create_token));
  r.add("DELETE", route("/api-tokens/{tokenId}"), gated(ctx, Role::manager, delete_token));
}

}  // namespace visitd::http::staff
