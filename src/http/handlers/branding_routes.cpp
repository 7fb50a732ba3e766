// The clinic's public face (issue K): the business profile, logo and the consumer-facing
// words on services and providers. Staff edit them under /api/v1/businesses/{businessId};
// consumers read them by slug. Parse, call service::Branding, render.
#include <boost/json/array.hpp>

#include "core/validation.hpp"
#include "http/handlers/routes.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "service/branding.hpp"

namespace visitd::http {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kPricePartReadBytes = 32;

std::string logo_url(const core::Business& b, const store::BusinessProfile& p) {
  if (!p.logo_updated_at) return {};
  return service::public_logo_path(b.slug, *p.logo_updated_at);
}

std::string photo_url(const core::Business& b, const store::ProviderProfile& v) {
  if (!v.photo_updated_at) return {};
  return "/api/v1/public/businesses/" + b.slug + "/providers/" + v.provider_id +
         "/photo?v=" + std::to_string(v.photo_updated_at->time_since_epoch().count());
}

json::value price_json(const std::optional<store::Price>& p) {
  if (!p) return nullptr;
  return json::object{{"amount", p->amount}, {"currency", p->currency}};
}

json::object profile_json(const service::PublicFace& face) {
  const core::Business& b = face.business;
  const store::BusinessProfile& p = face.profile;
  json::array services;
  for (const auto& s : face.services)
    services.push_back(
        json::object{{"id", s.service_id}, {"description", s.description}, {"price", price_json(s.price)}});
  json::array providers;
  for (const auto& v : face.providers) {
    const std::string photo = photo_url(b, v);
    providers.push_back(json::object{{"id", v.provider_id},
                                     {"title", v.title},
                                     {"bio", v.bio},
                                     {"photoUrl", photo.empty() ? json::value(nullptr) : json::value(photo)}});
  }
  const std::string logo = logo_url(b, p);
  return json::object{
      {"name", b.name},
      {"description", p.description},
      {"contact", json::object{{"phone", p.contact.phone}, {"email", p.contact.email}, {"address", p.contact.address}}},
      {"accentColor", p.accent_color},
      {"logoUrl", logo.empty() ? json::value(nullptr) : json::value(logo)},
      {"policy", json::object{{"cancelCutoffHours", b.rules.cancel_cutoff_hours},
                              {"rescheduleCutoffHours", b.rules.reschedule_cutoff_hours}}},
      {"services", std::move(services)},
      {"providers", std::move(providers)}};
}

// ---- public ---------------------------------------------------------------------

Response get_public_profile(ApiContext& ctx, Request& req) {
  auto face = ctx.use.branding.public_face(req.param("slug"));
  if (!face) return problem_from(face.error());
  return json_response(200, profile_json(*face));
}

Response image_response(store::Logo image) {
  Response r;
  r.status = 200;
  r.content_type = image.media_type;
  r.body = std::move(image.bytes);
  // The URL carries ?v=<updated_at>, so a new image is a new URL.
  r.with_header("Cache-Control", "public, max-age=86400");
  r.with_header("X-Content-Type-Options", "nosniff");
  return r;
}

Response get_public_provider_photo(ApiContext& ctx, Request& req) {
  auto photo = ctx.use.branding.provider_photo(req.param("slug"), req.param("providerId"));
  if (!photo) return problem_from(photo.error());
  return image_response(std::move(*photo));
}

Response get_public_logo(ApiContext& ctx, Request& req) {
  auto logo = ctx.use.branding.logo(req.param("slug"));
  if (!logo) return problem_from(logo.error());
  Response r;
  r.status = 200;
  r.content_type = logo->media_type;
  r.body = std::move(logo->bytes);
  // The URL carries ?v=<updated_at>, so a new logo is a new URL.
  r.with_header("Cache-Control", "public, max-age=86400");
  r.with_header("X-Content-Type-Options", "nosniff");
  return r;
}

// ---- staff ------------------------------------------------------------------------

Response get_profile(ApiContext& ctx, Request&, const BusinessAccess& a) {
  return json_response(200, profile_json(ctx.use.branding.face_of(a.business)));
}

// Reads the fields present (JSON shape only); the use case checks the values.
Response put_profile(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::BusinessProfile p = ctx.use.branding.business_profile(a.business.id);
  if (auto v = r.string("description", false, core::kMaxProfileDescriptionLength)) p.description = *v;
  if (auto v = r.string("accentColor", false, 7)) p.accent_color = *v;
  if (const auto* c = r.object("contact", false)) {
    FieldReader cr(*c, errors, "contact.");
    if (auto v = cr.string("phone", false, core::kMaxContactPhoneLength)) p.contact.phone = *v;
    if (auto v = cr.string("address", false, core::kMaxContactAddressLength)) p.contact.address = *v;
    if (auto v = cr.string("email", false, core::kMaxEmailLength)) p.contact.email = *v;
    cr.refuse_unknown_keys();
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto s = ctx.use.branding.put_business_profile(a.business.id, p, staff::actor_of(a)); !s)
    return staff::fail(s.error());
  return json_response(200, profile_json(ctx.use.branding.face_of(a.business)));
}

Response put_logo(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const std::string declared = req.header("content-type").value_or("");
  if (auto s = ctx.use.branding.put_logo(a.business.id, req.body, declared, staff::actor_of(a)); !s)
    return staff::fail(s.error());
  return json_response(200, profile_json(ctx.use.branding.face_of(a.business)));
}

Response delete_logo(ApiContext& ctx, Request&, const BusinessAccess& a) {
  if (auto s = ctx.use.branding.delete_logo(a.business.id, staff::actor_of(a)); !s) return staff::fail(s.error());
  return staff::no_content();
}

// null or absent: no price; otherwise both parts as strings (the use case checks them).
std::optional<store::Price> read_price(FieldReader& r, const json::object& body,
                                       std::vector<core::FieldError>& errors) {
  if (!r.has("price")) return std::nullopt;
  const auto* obj = r.object("price", false);
  if (!obj) return std::nullopt;
  FieldReader pr(*obj, errors, "price.");
  // Read bounds only keep junk out: the use case checks both values (core/validation), so a
  // bad amount and a bad currency are named together.
  auto amount = pr.string("amount", true, kPricePartReadBytes);
  auto currency = pr.string("currency", true, kPricePartReadBytes);
  pr.refuse_unknown_keys();
  if (!amount || !currency) return std::nullopt;
  return store::Price{*amount, *currency};
}

Response put_service_profile(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::ServiceProfile p{req.param("serviceId"), {}, std::nullopt};
  if (auto v = r.string("description", false, core::kMaxServiceDescriptionLength)) p.description = *v;
  p.price = read_price(r, *body, errors);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto s = ctx.use.branding.put_service_profile(a.business.id, p, staff::actor_of(a)); !s)
    return staff::fail(s.error());
  return json_response(
      200, json::object{{"id", p.service_id}, {"description", p.description}, {"price", price_json(p.price)}});
}

Response put_provider_profile(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const std::string& provider_id = req.param("providerId");
  if (auto own = core::check_provider_scope(a.scope(), provider_id); !own) return staff::fail(own.error());
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::ProviderProfile p{provider_id, {}, {}};
  if (auto v = r.string("title", false, core::kMaxProviderTitleLength)) p.title = *v;
  if (auto v = r.string("bio", false, core::kMaxProviderBioLength)) p.bio = *v;
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto s = ctx.use.branding.put_provider_profile(a.business.id, p, staff::actor_of(a)); !s)
    return staff::fail(s.error());
  return json_response(200, json::object{{"id", p.provider_id}, {"title", p.title}, {"bio", p.bio}});
}

// A provider may change their own photo; managers anyone's (like the profile words).
Response put_provider_photo(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const std::string& provider_id = req.param("providerId");
  if (auto own = core::check_provider_scope(a.scope(), provider_id); !own) return staff::fail(own.error());
  const std::string declared = req.header("content-type").value_or("");
  if (auto s = ctx.use.branding.put_provider_photo(a.business.id, provider_id, req.body, declared, staff::actor_of(a));
      !s)
    return staff::fail(s.error());
  return json_response(200, profile_json(ctx.use.branding.face_of(a.business)));
}

Response delete_provider_photo(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  const std::string& provider_id = req.param("providerId");
  if (auto own = core::check_provider_scope(a.scope(), provider_id); !own) return staff::fail(own.error());
  if (auto s = ctx.use.branding.delete_provider_photo(a.business.id, provider_id, staff::actor_of(a)); !s)
    return staff::fail(s.error());
  return staff::no_content();
}

}  // namespace

void register_branding_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/public/businesses/{slug}/profile",
        [&ctx](Request& req) { return get_public_profile(ctx, req); });
  r.add("GET", "/api/v1/public/businesses/{slug}/logo", [&ctx](Request& req) { return get_public_logo(ctx, req); });
  r.add("GET", staff::route("/profile"), staff::gated(ctx, Role::provider, get_profile));
  r.add("PUT", staff::route("/profile"), staff::gated(ctx, Role::manager, put_profile));
  r.add("PUT", staff::route("/logo"), staff::gated(ctx, Role::manager, put_logo), Runs::on_worker, Body::other);
  r.add("DELETE", staff::route("/logo"), staff::gated(ctx, Role::manager, delete_logo));
  r.add("PUT", staff::route("/services/{serviceId}/profile"), staff::gated(ctx, Role::manager, put_service_profile));
  r.add("PUT", staff::route("/providers/{providerId}/profile"),
        staff::gated(ctx, Role::provider, put_provider_profile));
  r.add("GET", "/api/v1/public/businesses/{slug}/providers/{providerId}/photo",
        [&ctx](Request& req) { return get_public_provider_photo(ctx, req); });
  r.add("PUT", staff::route("/providers/{providerId}/photo"), staff::gated(ctx, Role::provider, put_provider_photo),
        Runs::on_worker, Body::other);
  r.add("DELETE", staff::route("/providers/{providerId}/photo"),
        staff::gated(ctx, Role::provider, delete_provider_photo));
}

}  // namespace visitd::http
