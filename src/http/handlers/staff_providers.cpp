// Providers of a business: list, create, read (with hours, overrides, time off), edit, delete.
#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

Response list_providers(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& p : ctx.use.catalog.providers_of(a.business.id)) items.push_back(to_json(p, false));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  core::Provider p;
  p.business_id = a.business.id;
  if (auto name = r.string("name", true, core::kMaxNameLength)) p.name = *name;
  if (auto zone = r.zone("timeZone", true)) p.zone = *zone;
  if (r.has("userId")) {
    if (auto id = r.string("userId", false, core::kMaxIdLength)) p.user_id = *id;
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto created = ctx.use.staff.create_provider(std::move(p), actor_of(a));
  if (!created) return fail(created.error());
  return json_response(201, to_json(*created, true));
}

Response get_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = ctx.use.catalog.staff_provider(a.scope(), a.business.id, req.param("providerId"));
  if (!p) return fail(p.error());
  return json_response(200, to_json(*p, true));
}

Response patch_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto current = ctx.use.catalog.provider(a.business.id, req.param("providerId"));
  if (!current) return fail(current.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  core::Provider p = *current;
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  if (auto name = r.string("name", false, core::kMaxNameLength)) p.name = *name;
  if (auto zone = r.zone("timeZone", false)) p.zone = *zone;
  (void)r.has("userId");  // null clears the link to a login: read raw below
  if (const auto* user = body->if_contains("userId")) {
    if (user->is_null()) {
      p.user_id.reset();
    } else if (auto id = r.string("userId", false, core::kMaxIdLength)) {
      p.user_id = *id;
    }
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto saved = ctx.use.staff.update_provider(*current, p, actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(200, to_json(*saved, true));
}

Response delete_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.use.staff.delete_provider(a.business.id, req.param("providerId"), actor_of(a)); !s) {
    return fail(s.error());
  }
  return no_content();
}

}  // namespace

void register_providers(Router& r, ApiContext& ctx) {
  const auto list = route("/providers");
  const auto one = route("/providers/{providerId}");
  r.add("GET", list, gated(ctx, Role::provider, list_providers));
  r.add("POST", list, gated(ctx, Role::manager, create_provider));
  r.add("GET", one, gated(ctx, Role::provider, get_provider));
  r.add("PATCH", one, gated(ctx, Role::manager, patch_provider));
  r.add("DELETE", one, gated(ctx, Role::manager, delete_provider));
}

}  // namespace visitd::http::staff
