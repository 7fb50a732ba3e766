// Embeds (issue I): the manager's list of sites that may show the business's booking pages
// in an iframe, and the CSP frame-ancestors value each web page is served with. Parse, call
// service::Branding, render.
#include "http/handlers/embed_routes.hpp"

#include <boost/json/array.hpp>

#include "core/embed_policy.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

json::object embed_json(const std::vector<std::string>& origins) {
  json::array list;
  for (const auto& o : origins) list.emplace_back(o);
  return json::object{{"origins", std::move(list)}, {"maxOrigins", core::kMaxEmbedOrigins}};
}

Response get_embed(ApiContext& ctx, Request&, const BusinessAccess& a) {
  return json_response(200, embed_json(ctx.use.branding.embed_origins(a.business.id)));
}

Response put_embed(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  std::vector<std::string> origins;
  // The read bound only keeps junk out; the use case names a list beyond the real limit.
  if (const auto* list = r.array("origins", true, 4 * core::kMaxEmbedOrigins)) {
    // A non-string entry reads as "", which the use case names with the others.
    for (const auto& v : *list)
      origins.emplace_back(v.is_string() ? std::string(v.as_string().c_str(), v.as_string().size()) : std::string());
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto saved = ctx.use.branding.put_embed_origins(a.business.id, origins, staff::actor_of(a));
  if (!saved) return staff::fail(saved.error());
  return json_response(200, embed_json(*saved));
}

// "/b/{slug}..." -> slug; "" for any other path.
std::string booking_page_slug(std::string_view path) {
  constexpr std::string_view kPrefix = "/b/";
  if (path.rfind(kPrefix, 0) != 0) return {};
  path.remove_prefix(kPrefix.size());
  return std::string(path.substr(0, path.find('/')));
}

// "/manage/{token}" -> token; "" for any other path.
std::string manage_page_token(std::string_view path) {
  constexpr std::string_view kPrefix = "/manage/";
  if (path.rfind(kPrefix, 0) != 0) return {};
  path.remove_prefix(kPrefix.size());
  if (path.find('/') != std::string_view::npos) return {};
  return std::string(path);
}

}  // namespace

std::string page_frame_ancestors(ApiContext& ctx, const std::string& path) {
  if (auto slug = booking_page_slug(path); !slug.empty()) return ctx.use.branding.frame_ancestors_for_slug(slug);
  if (auto token = manage_page_token(path); !token.empty()) {
    // A forged, expired or revoked link frames nowhere: the page then shows only its refusal.
    auto booking = ctx.use.links.resolve(token, core::LinkKind::manage);
    if (booking) return ctx.use.branding.frame_ancestors_for(booking->business_id);
  }
  return core::frame_ancestors({});
}

void register_embed_routes(Router& r, ApiContext& ctx) {
  r.add("GET", staff::route("/embed"), staff::gated(ctx, core::Role::manager, get_embed));
  r.add("PUT", staff::route("/embed"), staff::gated(ctx, core::Role::manager, put_embed));
}

}  // namespace visitd::http
