// Providers of a business: list, create, read (with hours, overrides, time off), edit, delete.
#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kMaxIdLength = 64;

// userId links a provider record to a staff login: it must belong to this business and
// not already be linked to another provider (own_provider_id must stay unambiguous).
std::optional<core::Error> check_user_link(ApiContext& ctx, const core::Id& business_id, const core::Id& user_id,
                                           const std::optional<core::Id>& self) {
  if (!ctx.store.role_in(user_id, business_id)) {
    return core::Error::invalid("userId", "must be a staff member of this business");
  }
  for (const auto& p : ctx.store.providers_of(business_id)) {
    if (p.user_id == user_id && (!self || p.id != *self)) {
      core::Error e{core::ErrorCode::conflict, "This user is already linked to provider " + p.id, {}};
      e.fields.push_back({"userId", "already linked to another provider"});
      return e;
    }
  }
  return std::nullopt;
}

Response list_providers(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& p : ctx.store.providers_of(a.business.id)) items.push_back(to_json(p, false));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return body_problem(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  core::Provider p;
  p.business_id = a.business.id;
  if (auto name = r.string("name", true, core::kMaxNameLength)) p.name = *name;
  if (auto zone = r.zone("timeZone", true)) p.zone = *zone;
  const auto* user = body->if_contains("userId");
  if (user && !user->is_null()) {
    if (auto id = r.string("userId", false, kMaxIdLength)) p.user_id = *id;
  }
  if (!errors.empty()) return invalid_fields(errors);
  if (auto v = core::validate_provider(p); !v) return fail(v.error());
  if (p.user_id) {
    if (auto e = check_user_link(ctx, a.business.id, *p.user_id, std::nullopt)) return fail(*e);
  }
  auto created = ctx.store.create_provider(std::move(p), actor_of(a));
  if (!created) return fail(created.error());
  return json_response(201, to_json(*created, true));
}

Response get_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = ctx.store.provider(a.business.id, req.param("providerId"));
  if (!p) return fail(p.error());
  if (auto own = require_own_provider(a, p->id); !own) return fail(own.error());
  return json_response(200, to_json(*p, true));
}

Response patch_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto current = ctx.store.provider(a.business.id, req.param("providerId"));
  if (!current) return fail(current.error());
  auto body = body_object(req);
  if (!body) return body_problem(body.error());
  core::Provider p = *current;
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  if (auto name = r.string("name", false, core::kMaxNameLength)) p.name = *name;
  if (auto zone = r.zone("timeZone", false)) p.zone = *zone;
  if (const auto* user = body->if_contains("userId")) {
    if (user->is_null()) {
      p.user_id.reset();
    } else if (auto id = r.string("userId", false, kMaxIdLength)) {
      p.user_id = *id;
    }
  }
  if (!errors.empty()) return invalid_fields(errors);
  if (auto v = core::validate_provider(p); !v) return fail(v.error());
  if (p.user_id && p.user_id != current->user_id) {
    if (auto e = check_user_link(ctx, a.business.id, *p.user_id, p.id)) return fail(*e);
  }
  auto saved = ctx.store.update_provider(p, actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(200, to_json(*saved, true));
}

Response delete_provider(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.store.delete_provider(a.business.id, req.param("providerId"), actor_of(a)); !s) {
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
