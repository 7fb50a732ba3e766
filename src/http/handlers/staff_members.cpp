// Staff of a business (owners, managers, providers): list, add, change role, remove.
// Only an owner grants, changes or removes ownership; the store keeps the last owner.
#include <algorithm>
#include <cctype>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "security/crypto.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kMinPasswordLength = 10;
constexpr std::size_t kMaxPasswordLength = 1024;

std::optional<Role> read_role(FieldReader& r, bool required) {
  auto text = r.string("role", required, 20);
  if (!text) return std::nullopt;
  auto role = core::role_from_string(*text);
  if (!role) r.fail("role", "must be one of owner, manager, provider");
  return role;
}

Response list_members(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& m : ctx.store.staff_of(a.business.id)) items.push_back(member_to_json(m));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response add_member(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return body_problem(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto email = r.string("email", true, core::kMaxEmailLength);
  auto name = r.string("name", false, core::kMaxNameLength);
  auto role = read_role(r, true);
  auto password = r.string("password", false, kMaxPasswordLength);
  if (email) {
    std::transform(email->begin(), email->end(), email->begin(), [](unsigned char c) { return std::tolower(c); });
    if (!core::is_plausible_email(*email)) r.fail("email", "must be an email address");
  }
  if (!errors.empty()) return invalid_fields(errors);
  if (*role == Role::owner && a.role != Role::owner) return forbidden("Only an owner may add an owner");

  core::User user;
  if (auto existing = ctx.store.user_by_email(*email)) {
    user = existing->user;
    if (ctx.store.role_in(user.id, a.business.id)) {
      core::Error e{core::ErrorCode::conflict, "This user is already a staff member; change their role instead", {}};
      e.fields.push_back({"email", "already a staff member of this business"});
      return fail(e);
    }
  } else {
    if (!name || name->empty()) r.fail("name", "is required to create a new user");
    if (!password) {
      r.fail("password", "is required to create a new user");
    } else if (password->size() < kMinPasswordLength) {
      r.fail("password", "must be at least " + std::to_string(kMinPasswordLength) + " characters");
    }
    if (!errors.empty()) return invalid_fields(errors);
    auto created = ctx.store.create_user(core::User{"", *email, *name}, security::hash_password(*password));
    if (!created) return fail(created.error());
    user = *created;
  }
  if (auto s = ctx.store.set_membership(core::Membership{a.business.id, user.id, *role}, actor_of(a)); !s) {
    return fail(s.error());
  }
  return json_response(201, member_to_json(store::StaffMember{user, *role}));
}

Response change_member(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const auto& user_id = req.param("userId");
  auto current = ctx.store.role_in(user_id, a.business.id);
  if (!current) return not_found("No such staff member");
  auto body = body_object(req);
  if (!body) return body_problem(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto role = read_role(r, true);
  if (!errors.empty()) return invalid_fields(errors);
  if ((*current == Role::owner || *role == Role::owner) && a.role != Role::owner) {
    return forbidden("Only an owner may grant or change ownership");
  }
  auto user = ctx.store.user_by_id(user_id);
  if (!user) return fail(user.error());
  if (*current != *role) {
    if (auto s = ctx.store.set_membership(core::Membership{a.business.id, user_id, *role}, actor_of(a)); !s) {
      return fail(s.error());
    }
  }
  return json_response(200, member_to_json(store::StaffMember{user->user, *role}));
}

Response remove_member(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const auto& user_id = req.param("userId");
  auto current = ctx.store.role_in(user_id, a.business.id);
  if (!current) return not_found("No such staff member");
  if (*current == Role::owner && a.role != Role::owner) return forbidden("Only an owner may remove an owner");
  if (auto s = ctx.store.remove_membership(a.business.id, user_id, actor_of(a)); !s) return fail(s.error());
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
