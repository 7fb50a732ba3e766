// The public booking API, addressed by business slug: what can be booked, the free
// slots in the visitor's zone, and booking one.
#include <boost/json/array.hpp>

#include "core/validation.hpp"
#include "http/handlers/consumer_support.hpp"
#include "http/handlers/routes.hpp"
#include "http/json_io.hpp"
#include "http/phone.hpp"
#include "http/problem.hpp"
#include "security/crypto.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

constexpr const char* kBusinessPath = "/api/v1/public/businesses/{slug}";

core::Result<core::Business> business_of(ApiContext& ctx, const Request& req) {
  auto b = ctx.use.catalog.business_by_slug(req.param("slug"));
  if (!b) return core::Error::make(core::ErrorCode::not_found, "no such business");
  return b;
}

core::Error unknown(const char* field, const std::string& what) {
  core::Error e = core::Error::make(core::ErrorCode::not_found, "no such " + what + " in this business");
  e.fields.push_back({field, "unknown " + what});
  return e;
}

bool has_field(const std::vector<core::FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.field == field; });
}

// Rule checks from core::validation, minus fields whose shape was already reported.
void append_rule_errors(const core::Status& s, std::vector<core::FieldError>& errors, const char* fallback_field) {
  if (s) return;
  if (s.error().fields.empty()) {
    if (!has_field(errors, fallback_field)) errors.push_back({fallback_field, s.error().detail});
    return;
  }
  for (const auto& f : s.error().fields)
    if (!has_field(errors, f.field)) errors.push_back(f);
}

// ---- GET /api/v1/public/businesses/{slug} --------------------------------------

Response get_business(ApiContext& ctx, Request& req) {
  auto business = business_of(ctx, req);
  if (!business) return problem_from(business.error());
  const auto providers = ctx.use.catalog.providers_of(business->id);
  json::array provider_list;
  for (const auto& p : providers) provider_list.push_back(to_json_public(p));
  json::array service_list;
  for (const auto& s : ctx.use.catalog.services_of(business->id)) {
    json::object o = to_json(s);
    o.erase("maxPerDay");  // an internal capacity rule, not the visitor's business
    json::array ids;
    for (const auto& id : s.provider_ids) {
      if (std::any_of(providers.begin(), providers.end(), [&](const auto& p) { return p.id == id; }))
        ids.emplace_back(id);
    }
    o["providerIds"] = std::move(ids);
    service_list.push_back(std::move(o));
  }
  return json_response(200, json::object{{"slug", business->slug},
                                         {"name", business->name},
                                         {"timeZone", business->zone},
                                         {"services", std::move(service_list)},
                                         {"providers", std::move(provider_list)}});
}

// ---- GET .../slots ----------------------------------------------------------------

Response get_slots(ApiContext& ctx, Request& req) {
  auto business = business_of(ctx, req);
  if (!business) return problem_from(business.error());
  std::vector<core::FieldError> errors;
  auto service_id = req.query_param("serviceId");
  if (!service_id || service_id->empty()) errors.push_back({"serviceId", "is required"});
  std::optional<core::Id> provider_id = req.query_param("providerId");
  if (provider_id && provider_id->empty()) provider_id.reset();
  auto window = consumer::read_slot_window(req, errors);
  if (!errors.empty() || !window) return invalid_fields(errors);

  auto service = ctx.use.catalog.service(business->id, *service_id);
  if (!service) return problem_from(unknown("serviceId", "service"));
  auto slots = ctx.use.bookings.find_slots(*service, provider_id, window->range);
  if (!slots) return problem_from(slots.error());
  return json_response(200, consumer::slots_answer(*slots, window->zone));
}

// ---- POST .../bookings ------------------------------------------------------------

Response created(ApiContext& ctx, const core::Booking& b) {
  const service::BookingLinks links = ctx.use.links.issue(b);
  Response r = json_response(201, json::object{{"booking", consumer::booking_view(ctx, b)},
                                               {"manageUrl", links.manage_url},
                                               {"joinUrl", links.join_url}});
  r.with_header("Location", "/api/v1/manage/" + links.manage_token);
  return r;
}

// The first answer again when the key was used with this body before (see
// service::Bookings::replay): a repeat is answered even if the catalogue has changed since.
std::optional<Response> replay(ApiContext& ctx, const core::Business& business, const std::optional<std::string>& key,
                               const std::string& fingerprint) {
  auto earlier = ctx.use.bookings.replay(business.id, key, fingerprint);
  if (!earlier) return problem_from(earlier.error());
  if (*earlier) return created(ctx, **earlier);
  return std::nullopt;
}

std::vector<core::Answer> read_answers(FieldReader& r, std::vector<core::FieldError>& errors) {
  std::vector<core::Answer> answers;
  const json::object* obj = r.object("answers", false);
  if (!obj) return answers;
  if (obj->size() > core::kMaxQuestions) {
    r.fail("answers", "must have at most " + std::to_string(core::kMaxQuestions) + " answers");
    return answers;
  }
  for (const auto& [key, value] : *obj) {
    if (key.size() > core::kMaxQuestionKeyLength) {
      r.fail("answers", "has a key longer than " + std::to_string(core::kMaxQuestionKeyLength) + " characters");
      continue;
    }
    // Only a key that could be a question key is echoed into the field name.
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    const std::string field = plain ? "answers." + std::string(key) : "answers";
    if (value.is_null()) continue;
    const json::string* s = value.if_string();
    if (!s) {
      errors.push_back({field, "must be a string"});
      continue;
    }
    if (s->size() > core::kMaxAnswerLength) {
      errors.push_back({field, "must be at most " + std::to_string(core::kMaxAnswerLength) + " characters"});
      continue;
    }
    answers.push_back({std::string(key), std::string(s->data(), s->size())});
  }
  return answers;
}

Response post_booking(ApiContext& ctx, Request& req) {
  if (auto limited = consumer::rate_limited(ctx, ctx.booking_limiter, "booking:" + req.remote_ip)) return *limited;
  auto business = business_of(ctx, req);
  if (!business) return problem_from(business.error());
  if (ctx.throttles != nullptr) {
    if (auto admitted = ctx.throttles->booking_attempt(req.remote_ip, business->id); !admitted) {
      return problem_from(admitted.error());
    }
  }

  std::optional<std::string> key = req.header("idempotency-key");
  if (key) {
    if (auto shaped = service::check_idempotency_key(*key); !shaped) return problem_from(shaped.error());
  }
  auto body = parse_object(req);
  if (!body) return problem_from(body.error());
  const std::string fingerprint = security::sha256_hex(req.body);
  if (auto again = replay(ctx, *business, key, fingerprint)) return *again;

  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto service_id = r.string("serviceId", true, core::kMaxIdLength);
  auto provider_id = r.string("providerId", false, core::kMaxIdLength);
  if (provider_id && provider_id->empty()) provider_id.reset();
  auto start = r.instant("start", true);

  core::Consumer consumer;
  bool sms_consent = false;
  if (const json::object* c = r.object("consumer", true)) {
    FieldReader cr(*c, errors, "consumer.");
    consumer.name = cr.string("name", true, core::kMaxNameLength).value_or("");
    consumer.email = cr.string("email", true, core::kMaxEmailLength).value_or("");
    consumer.phone = cr.string("phone", false, core::kMaxPhoneLength).value_or("");
    consumer.zone = cr.zone("timeZone", true).value_or("");
    sms_consent = cr.boolean("smsConsent", false).value_or(false);
    const std::size_t before_rules = errors.size();
    append_rule_errors(core::validate_consumer(consumer), errors, "consumer");
    if (errors.size() == before_rules && !consumer.phone.empty()) {
      if (auto e164 = to_e164(consumer.phone)) {
        consumer.phone = *e164;
      } else {
        cr.fail("phone", "must be a valid phone number in international form, e.g. +44 20 7946 0958");
      }
    }
    if (sms_consent && consumer.phone.empty()) cr.fail("phone", "is required to receive SMS");
    cr.refuse_unknown_keys();
  }
  const std::size_t before_answers = errors.size();
  auto answers = read_answers(r, errors);
  const bool answers_shaped = errors.size() == before_answers;

  std::optional<core::Service> service;
  if (service_id) {
    if (auto s = ctx.use.catalog.service(business->id, *service_id)) service = std::move(*s);
  }
  if (service && answers_shaped) append_rule_errors(core::validate_answers(*service, answers), errors, "answers");
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (!service) return problem_from(unknown("serviceId", "service"));
  service::BookRequest book_req{*business,          *service, provider_id, *start,     consumer,
                                std::move(answers), key,      fingerprint, sms_consent};
  auto booked = ctx.use.bookings.book(book_req);
  // A taken slot's "nearest" is shown in the consumer's zone.
  if (!booked) return problem_from(booked.error(), consumer::zone_or_utc(consumer.zone));
  return created(ctx, *booked);
}

}  // namespace

void register_public_routes(Router& r, ApiContext& ctx) {
  const std::string base = kBusinessPath;
  r.add("GET", base, [&ctx](Request& req) { return get_business(ctx, req); });
  r.add("GET", base + "/slots", [&ctx](Request& req) { return get_slots(ctx, req); });
  r.add("POST", base + "/bookings", [&ctx](Request& req) { return post_booking(ctx, req); });
}

}  // namespace visitd::http
