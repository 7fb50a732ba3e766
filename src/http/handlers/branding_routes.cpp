// The clinic's public face (issue K): the business profile, logo and the consumer-facing
// words on services and providers. Staff edit them under /api/v1/businesses/{businessId};
// consumers read them by slug. Mails take the same profile from the store (notify).
#include <boost/json/array.hpp>
#include <regex>

#include "core/validation.hpp"
#include "http/handlers/routes.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/branding.hpp"

namespace visitd::http {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kMaxLogoBytes = 256 * 1024;
constexpr std::size_t kMaxDescription = 500;
constexpr std::size_t kMaxPhone = 40;
constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxServiceDescription = 1000;
constexpr std::size_t kMaxTitle = 100;
constexpr std::size_t kMaxBio = 1000;

// The SQLite store implements the branding role; a backend without it answers 503.
store::BrandingStore* branding_of(ApiContext& ctx) { return dynamic_cast<store::BrandingStore*>(&ctx.store); }

Response no_branding() {
  return problem_from(core::Error::make(core::ErrorCode::unavailable, "this store keeps no branding"));
}

// Raster formats only, recognised by their signature (SVG can carry script).
std::optional<std::string> image_type(const std::string& bytes) {
  if (bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return "image/png";
  if (bytes.size() > 3 && bytes.compare(0, 3, "\xff\xd8\xff") == 0) return "image/jpeg";
  if (bytes.size() > 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WEBP") == 0) return "image/webp";
  return std::nullopt;
}

std::string logo_url(const core::Business& b, const store::BusinessProfile& p) {
  if (!p.logo_updated_at) return {};
  return "/api/v1/public/businesses/" + b.slug +
         "/logo?v=" + std::to_string(p.logo_updated_at->time_since_epoch().count());
}

json::value price_json(const std::optional<store::Price>& p) {
  if (!p) return nullptr;
  return json::object{{"amount", p->amount}, {"currency", p->currency}};
}

json::object profile_json(store::BrandingStore& brand, const core::Business& b) {
  const auto p = brand.business_profile(b.id);
  json::array services;
  for (const auto& s : brand.service_profiles(b.id))
    services.push_back(
        json::object{{"id", s.service_id}, {"description", s.description}, {"price", price_json(s.price)}});
  json::array providers;
  for (const auto& v : brand.provider_profiles(b.id))
    providers.push_back(json::object{{"id", v.provider_id}, {"title", v.title}, {"bio", v.bio}});
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

core::Result<core::Business> business_by_slug(ApiContext& ctx, const Request& req) {
  const std::string& slug = req.param("slug");
  if (!core::is_valid_slug(slug)) return core::Error::make(core::ErrorCode::not_found, "no such business");
  return ctx.store.business_by_slug(slug);
}

// ---- public ---------------------------------------------------------------------

Response get_public_profile(ApiContext& ctx, Request& req) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  auto b = business_by_slug(ctx, req);
  if (!b) return problem_from(core::Error::make(core::ErrorCode::not_found, "no such business"));
  return json_response(200, profile_json(*brand, *b));
}

Response get_public_logo(ApiContext& ctx, Request& req) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  auto b = business_by_slug(ctx, req);
  if (!b) return problem_from(core::Error::make(core::ErrorCode::not_found, "no such business"));
  auto logo = brand->logo(b->id);
  if (!logo) return problem_from(core::Error::make(core::ErrorCode::not_found, "this business has no logo"));
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

bool valid_email(const std::string& s) {
  static const std::regex kEmail(R"(^[^\s@]+@[^\s@]+\.[^\s@]+$)");
  return std::regex_match(s, kEmail);
}

Response get_profile(ApiContext& ctx, Request&, const BusinessAccess& a) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  return json_response(200, profile_json(*brand, a.business));
}

Response put_profile(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::BusinessProfile p = brand->business_profile(a.business.id);
  if (auto v = r.string("description", false, kMaxDescription)) p.description = *v;
  if (auto v = r.string("accentColor", false, 7)) {
    static const std::regex kColor("^#[0-9a-fA-F]{6}$");
    if (!v->empty() && !std::regex_match(*v, kColor))
      r.fail("accentColor", "must be a colour like #1a6b8f");
    else
      p.accent_color = *v;
  }
  if (const auto* c = r.object("contact", false)) {
    FieldReader cr(*c, errors, "contact.");
    if (auto v = cr.string("phone", false, kMaxPhone)) p.contact.phone = *v;
    if (auto v = cr.string("address", false, kMaxAddress)) p.contact.address = *v;
    if (auto v = cr.string("email", false, kMaxEmail)) {
      if (!v->empty() && !valid_email(*v))
        cr.fail("email", "must be an email address");
      else
        p.contact.email = *v;
    }
    cr.refuse_unknown_keys();
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto s = brand->put_business_profile(a.business.id, p, staff::actor_of(a)); !s) return staff::fail(s.error());
  return json_response(200, profile_json(*brand, a.business));
}

Response put_logo(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  if (req.body.size() > kMaxLogoBytes) {
    core::Error e = core::Error::make(core::ErrorCode::too_large, "the logo must be at most 256 KB");
    e.fields.push_back({"logo", "must be at most 256 KB"});
    return problem_from(e);
  }
  if (req.body.empty()) return problem_from(core::Error::invalid("logo", "is empty"));
  const auto sniffed = image_type(req.body);
  const std::string declared = req.header("content-type").value_or("");
  if (!sniffed || declared.rfind(*sniffed, 0) != 0) {
    core::Error e = core::Error::make(core::ErrorCode::unsupported_media_type,
                                      "the logo must be a PNG, JPEG or WebP image sent with its own Content-Type");
    e.fields.push_back({"logo", "must be a PNG, JPEG or WebP image"});
    return problem_from(e);
  }
  if (auto s = brand->put_logo(a.business.id, store::Logo{*sniffed, req.body, {}}, staff::actor_of(a)); !s)
    return staff::fail(s.error());
  return json_response(200, profile_json(*brand, a.business));
}

Response delete_logo(ApiContext& ctx, Request&, const BusinessAccess& a) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  if (auto s = brand->delete_logo(a.business.id, staff::actor_of(a)); !s) return staff::fail(s.error());
  return staff::no_content();
}

// null or absent: no price; otherwise both parts, each named in `errors` when malformed.
std::optional<store::Price> read_price(FieldReader& r, const json::object& body,
                                       std::vector<core::FieldError>& errors) {
  if (!r.has("price")) return std::nullopt;
  const auto* obj = r.object("price", false);
  if (!obj) return std::nullopt;
  FieldReader pr(*obj, errors, "price.");
  auto amount = pr.string("amount", true, 12);
  auto currency = pr.string("currency", true, 3);
  static const std::regex kAmount(R"(^\d{1,7}(\.\d{1,2})?$)");
  static const std::regex kCurrency("^[A-Z]{3}$");
  if (amount && !std::regex_match(*amount, kAmount)) {
    pr.fail("amount", "must be a number like 45 or 45.50");
    amount.reset();
  }
  if (currency && !std::regex_match(*currency, kCurrency)) {
    pr.fail("currency", "must be a three-letter ISO 4217 code like EUR");
    currency.reset();
  }
  pr.refuse_unknown_keys();
  if (!amount || !currency) return std::nullopt;
  return store::Price{*amount, *currency};
}

Response put_service_profile(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::ServiceProfile p{req.param("serviceId"), {}, std::nullopt};
  if (auto v = r.string("description", false, kMaxServiceDescription)) p.description = *v;
  p.price = read_price(r, *body, errors);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto s = brand->put_service_profile(a.business.id, p, staff::actor_of(a)); !s) return staff::fail(s.error());
  return json_response(
      200, json::object{{"id", p.service_id}, {"description", p.description}, {"price", price_json(p.price)}});
}

Response put_provider_profile(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto* brand = branding_of(ctx);
  if (!brand) return no_branding();
  const std::string& provider_id = req.param("providerId");
  if (auto own = staff::require_own_provider(a, provider_id); !own) return staff::fail(own.error());
  auto body = staff::body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::ProviderProfile p{provider_id, {}, {}};
  if (auto v = r.string("title", false, kMaxTitle)) p.title = *v;
  if (auto v = r.string("bio", false, kMaxBio)) p.bio = *v;
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto s = brand->put_provider_profile(a.business.id, p, staff::actor_of(a)); !s) return staff::fail(s.error());
  return json_response(200, json::object{{"id", p.provider_id}, {"title", p.title}, {"bio", p.bio}});
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
}

}  // namespace visitd::http
