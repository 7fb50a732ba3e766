// Staff of a business (owners, managers, providers): list, add (an invitation), change role, remove.
// The rules (who may grant ownership, what a new user needs) are service::Staff's.
#include <algorithm>
#include <cctype>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

std::optional<Role> read_role(FieldReader& r, bool required) {
  auto text = r.string("role", required, 20);
  if (!text) return std::nullopt;
  auto role = wire::parse<core::Role>(*text);
  if (!role) r.fail("role", "must be one of owner, manager, provider");
  return role;
}

Response list_members(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& m : ctx.use.access.staff_of(a.business.id)) items.push_back(member_to_json(m));
  return json_response(200, json::object{{"items", std::move(items)}});
}

// Adding a person is inviting their address (issue H): 202 with the invitation, the same
// answer whether or not the address has an account (nothing about it is revealed).
Response add_member(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto email = r.string("email", true, core::kMaxEmailLength);
  auto role = read_role(r, true);
  if (email) {
    std::transform(email->begin(), email->end(), email->begin(), [](unsigned char c) { return std::tolower(c); });
    if (!core::is_plausible_email(*email)) r.fail("email", "must be an email address");
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto invited = ctx.use.invitations.invite(a.business.id, a.role, *email, *role, actor_of(a));
  if (!invited) return fail(invited.error());
  return json_response(202, invitation_to_json(*invited, ctx.now()));
}

Response change_member(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const auto& user_id = req.param("userId");
  if (!ctx.use.access.role_in(user_id, a.business.id)) return not_found("No such staff member");
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto role = read_role(r, true);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto changed = ctx.use.staff.change_role(a.business.id, a.role, user_id, *role, actor_of(a));
  if (!changed) return fail(changed.error());
  return json_response(200, member_to_json(*changed));
}

Response remove_member(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.use.staff.remove_member(a.business.id, a.role, req.param("userId"), actor_of(a)); !s) {
    return fail(s.error());
  }
  return no_content();
}

}  // namespace

void register_members(Router& r, ApiContext& ctx) {
  const auto list = route("/staff");
  const auto one = route("/staff/{userId}");
  r.add("GET", list, gated(ctx, Role::manager, list_members));
  r.add("POST", list, gated(ctx, Role::manager, add_member));
  r.add("PATCH", one, gated(ctx, Role::manager, change_member));
  r.add("DELETE", one, gated(ctx, Role::manager, remove_member));
}

}  // namespace visitd::http::staff
