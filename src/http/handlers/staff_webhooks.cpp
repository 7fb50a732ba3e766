// Webhook endpoints of a business (issue I): managers register URLs and event types, see each
// delivery with its attempts (response code, latency, error) and redeliver one. The signing
// secret is shown once, in the creation's answer.
#include "core/time.hpp"
#include "core/webhook_policy.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/handlers/webhook_routes.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

json::object endpoint_json(const store::WebhookEndpoint& e) {
  json::array types;
  for (const auto& t : e.event_types) types.push_back(json::string(t));
  return json::object{{"id", e.id},
                      {"url", e.url},
                      {"eventTypes", std::move(types)},
                      {"description", e.description},
                      {"enabled", e.enabled},
                      {"createdAt", core::format_rfc3339_utc(e.created_at)},
                      {"updatedAt", core::format_rfc3339_utc(e.updated_at)}};
}

json::object delivery_json(const store::WebhookDelivery& d) {
  json::array attempts;
  for (const auto& a : d.log) {
    attempts.push_back(
        json::object{{"at", core::format_rfc3339_utc(a.at)},
                     {"responseCode", a.response_code == 0 ? json::value(nullptr) : json::value(a.response_code)},
                     {"latencyMs", a.latency_ms},
                     {"error", a.error}});
  }
  json::object o{
      {"id", d.id},
      {"messageId", d.message_id},
      {"eventType", d.event_type},
      {"subject", d.subject},
      {"status", store::to_string(d.status)},
      {"attempts", std::move(attempts)},
      {"createdAt", core::format_rfc3339_utc(d.created_at)},
      {"nextAttemptAt", d.status == store::DeliveryStatus::pending
                            ? json::value(core::format_rfc3339_utc(d.next_attempt_at))
                            : json::value(nullptr)},
      {"deliveredAt", d.delivered_at ? json::value(core::format_rfc3339_utc(*d.delivered_at)) : json::value(nullptr)}};
  o["payload"] = d.payload;
  return o;
}

std::optional<std::vector<std::string>> read_event_types(FieldReader& r, bool required) {
  const auto* list = r.array("eventTypes", required, core::kWebhookEventTypes.size() * 2);
  if (!list) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& v : *list) {
    if (!v.is_string()) {
      r.fail("eventTypes", "must be a list of event type names");
      return std::nullopt;
    }
    out.emplace_back(v.as_string());
  }
  return out;
}

Response list_webhooks(service::Webhooks& hooks, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& e : hooks.list(a.business.id)) items.push_back(endpoint_json(e));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_webhook(service::Webhooks& hooks, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  service::NewWebhook w;
  auto url = r.string("url", true, core::kMaxWebhookUrlLength);
  auto types = read_event_types(r, true);
  auto description = r.string("description", false, core::kMaxWebhookDescriptionLength);
  auto enabled = r.boolean("enabled", false);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  w.url = *url;
  w.event_types = *types;
  w.description = description.value_or("");
  w.enabled = enabled.value_or(true);
  auto created = hooks.create(a.business.id, w, actor_of(a));
  if (!created) return fail(created.error());
  auto out = endpoint_json(*created);
  out["secret"] = created->secret;
  return json_response(201, out).with_header("Location",
                                             "/api/v1/businesses/" + a.business.id + "/webhooks/" + created->id);
}

Response get_webhook(service::Webhooks& hooks, Request& req, const BusinessAccess& a) {
  auto e = hooks.get(a.business.id, req.param("webhookId"));
  if (!e) return fail(e.error());
  return json_response(200, endpoint_json(*e));
}

Response patch_webhook(service::Webhooks& hooks, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::WebhookEndpointPatch patch;
  patch.url = r.string("url", false, core::kMaxWebhookUrlLength);
  if (r.has("eventTypes")) patch.event_types = read_event_types(r, false);
  patch.description = r.string("description", false, core::kMaxWebhookDescriptionLength);
  patch.enabled = r.boolean("enabled", false);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto e = hooks.update(a.business.id, req.param("webhookId"), patch, actor_of(a));
  if (!e) return fail(e.error());
  return json_response(200, endpoint_json(*e));
}

Response delete_webhook(service::Webhooks& hooks, Request& req, const BusinessAccess& a) {
  if (auto s = hooks.remove(a.business.id, req.param("webhookId"), actor_of(a)); !s) return fail(s.error());
  return no_content();
}

Response list_deliveries(service::Webhooks& hooks, Request& req, const BusinessAccess& a) {
  auto limit = int_param(req, "limit", 1, 200, 50);
  if (!limit) return fail(limit.error());
  auto ds = hooks.deliveries(a.business.id, req.param("webhookId"), *limit);
  if (!ds) return fail(ds.error());
  json::array items;
  for (const auto& d : *ds) items.push_back(delivery_json(d));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response redeliver(service::Webhooks& hooks, Request& req, const BusinessAccess& a) {
  auto d = hooks.redeliver(a.business.id, req.param("webhookId"), req.param("deliveryId"), actor_of(a));
  if (!d) return fail(d.error());
  return json_response(202, delivery_json(*d));
}

using WebhookHandler = Response (*)(service::Webhooks&, Request&, const BusinessAccess&);

// Managers and owners only, like API tokens: an endpoint receives every client's bookings.
Handler managers(ApiContext& ctx, service::Webhooks& hooks, WebhookHandler handler) {
  return [&ctx, &hooks, handler](Request& req) -> Response {
    auto access = authorize(req, ctx, Role::manager);
    if (!access) return problem_from(access.error());
    return handler(hooks, req, *access);
  };
}

}  // namespace

}  // namespace visitd::http::staff

namespace visitd::http {

void register_webhook_routes(Router& r, ApiContext& ctx, service::Webhooks& hooks) {
  using staff::managers;
  using staff::route;
  r.add("GET", route("/webhooks"), managers(ctx, hooks, staff::list_webhooks));
  r.add("POST", route("/webhooks"), managers(ctx, hooks, staff::create_webhook));
  r.add("GET", route("/webhooks/{webhookId}"), managers(ctx, hooks, staff::get_webhook));
  r.add("PATCH", route("/webhooks/{webhookId}"), managers(ctx, hooks, staff::patch_webhook));
  r.add("DELETE", route("/webhooks/{webhookId}"), managers(ctx, hooks, staff::delete_webhook));
  r.add("GET", route("/webhooks/{webhookId}/deliveries"), managers(ctx, hooks, staff::list_deliveries));
  r.add("POST", route("/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver"),
        managers(ctx, hooks, staff::redeliver), Runs::on_worker, Body::none);
}

}  // namespace visitd::http
