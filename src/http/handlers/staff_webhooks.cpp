// Webhook endpoints of a business (issue I): managers register URLs and event types, see each
// delivery with its attempts (response code, latency, error) and redeliver one. The signing
// secret is shown once, in the creation's answer.
#include "core/time.hpp"
#include "core/webhook_policy.hpp"
#include "http/handlers/staff_support.hpp"
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

Response list_webhooks(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& e : ctx.use.webhooks.list(a.business.id)) items.push_back(endpoint_json(e));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_webhook(ApiContext& ctx, Request& req, const BusinessAccess& a) {
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
  auto created = ctx.use.webhooks.create(a.business.id, w, actor_of(a));
  if (!created) return fail(created.error());
  auto out = endpoint_json(*created);
  out["secret"] = created->secret;
  return json_response(201, out).with_header("Location",
                                             "/api/v1/businesses/" + a.business.id + "/webhooks/" + created->id);
}

Response get_webhook(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto e = ctx.use.webhooks.get(a.business.id, req.param("webhookId"));
  if (!e) return fail(e.error());
  return json_response(200, endpoint_json(*e));
}

Response patch_webhook(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto seen = ctx.use.webhooks.get(a.business.id, req.param("webhookId")); !seen) return fail(seen.error());
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
  auto e = ctx.use.webhooks.update(a.business.id, req.param("webhookId"), patch, actor_of(a));
  if (!e) return fail(e.error());
  return json_response(200, endpoint_json(*e));
}

Response delete_webhook(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.use.webhooks.remove(a.business.id, req.param("webhookId"), actor_of(a)); !s) return fail(s.error());
  return no_content();
}

Response list_deliveries(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto limit = int_param(req, "limit", 1, 200, 50);
  if (!limit) return fail(limit.error());
  auto ds = ctx.use.webhooks.deliveries(a.business.id, req.param("webhookId"), *limit);
  if (!ds) return fail(ds.error());
  json::array items;
  for (const auto& d : *ds) items.push_back(delivery_json(d));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response redeliver(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto d = ctx.use.webhooks.redeliver(a.business.id, req.param("webhookId"), req.param("deliveryId"), actor_of(a));
  if (!d) return fail(d.error());
  return json_response(202, delivery_json(*d));
}

}  // namespace

void register_webhooks(Router& r, ApiContext& ctx) {
  r.add("GET", route("/webhooks"), gated(ctx, Role::manager, list_webhooks));
  r.add("POST", route("/webhooks"), gated(ctx, Role::manager, create_webhook));
  r.add("GET", route("/webhooks/{webhookId}"), gated(ctx, Role::manager, get_webhook));
  r.add("PATCH", route("/webhooks/{webhookId}"), gated(ctx, Role::manager, patch_webhook));
  r.add("DELETE", route("/webhooks/{webhookId}"), gated(ctx, Role::manager, delete_webhook));
  r.add("GET", route("/webhooks/{webhookId}/deliveries"), gated(ctx, Role::manager, list_deliveries));
  r.add("POST", route("/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver"), gated(ctx, Role::manager, redeliver),
        Runs::on_worker, Body::none);
}

}  // namespace visitd::http::staff
