// Notifications as staff see them: every planned and sent message of a booking (channel,
// status, attempts, last error, why an SMS was suppressed), resend; the business's and each
// service's notification policy; the editable Mustache templates.
#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

core::Result<core::Booking> scoped_booking(ApiContext& ctx, const Request& req, const BusinessAccess& a) {
  return ctx.use.bookings.staff_booking(a.scope(), a.business.id, req.param("bookingId"));
}

json::object message_json(const store::OutboxMessage& m) {
  json::object o{{"id", m.id},
                 {"kind", wire::name(m.kind)},
                 {"channel", wire::name(m.channel)},
                 {"recipient", wire::name(m.recipient)},
                 {"status", wire::name(m.status)},
                 {"dueAt", core::format_rfc3339_utc(m.due_at)},
                 {"attempts", m.attempts},
                 {"lastError", m.last_error},
                 {"errorCode", m.error_code},
                 {"address", m.address},
                 {"carrierId", m.carrier_id},
                 {"sequence", m.sequence},
                 {"createdAt", core::format_rfc3339_utc(m.created_at)}};
  o["sentAt"] = m.sent_at ? json::value(core::format_rfc3339_utc(*m.sent_at)) : json::value(nullptr);
  if (m.kind == core::MessageKind::reminder) o["offsetMinutes"] = m.offset_minutes;
  if (m.status == store::MessageStatus::planned && m.attempts > 0) {
    o["nextAttemptAt"] = core::format_rfc3339_utc(m.next_attempt_at);
  }
  return o;
}

Response list_messages(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  const service::BookingMessages messages = ctx.use.messages.of_booking(*b);
  json::array items;
  for (const auto& m : messages.items) items.push_back(message_json(m));
  json::object out{{"items", std::move(items)}};
  const auto& consent = messages.sms_consent_at;
  out["smsConsentAt"] = consent ? json::value(core::format_rfc3339_utc(*consent)) : json::value(nullptr);
  const auto& opted_out = messages.sms_opted_out_at;
  out["smsOptedOutAt"] = opted_out ? json::value(core::format_rfc3339_utc(*opted_out)) : json::value(nullptr);
  return json_response(200, out);
}

Response resend(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  auto copy = ctx.use.messages.resend(b->id, req.param("messageId"), actor_of(a));
  if (!copy) return fail(copy.error());
  return json_response(201, message_json(*copy));
}

// ---- policy ----

json::array routes_json(const std::vector<core::Route>& routes) {
  json::array out;
  for (const auto& r : routes)
    out.push_back(json::object{{"to", wire::name(r.to)}, {"channel", wire::name(r.channel)}});
  return out;
}

json::object policy_json(const store::PolicyRecord& rec, bool for_service) {
  const auto& p = rec.policy;
  json::array offsets;
  for (int m : p.reminder_offsets_minutes) offsets.emplace_back(m);
  json::object o{{"confirmation", routes_json(p.confirmation)},
                 {"reschedule", routes_json(p.reschedule)},
                 {"cancellation", routes_json(p.cancellation)},
                 {"reminder", routes_json(p.reminder)},
                 {"reminderOffsetsMinutes", std::move(offsets)}};
  if (for_service) o["overridden"] = rec.overridden;
  return o;
}

// The routes as sent; which routes a policy may hold is core::validate_policy's (called by
// the use case).
std::vector<core::Route> read_routes(FieldReader& r, const char* key, std::vector<core::FieldError>& errors) {
  std::vector<core::Route> out;
  const json::array* arr = r.array(key, true, core::kMaxRoutesPerNotice);
  if (!arr) return out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string field = r.name(key) + "[" + std::to_string(i) + "]";
    const auto* obj = (*arr)[i].if_object();
    if (obj) {  // strict like every body: a key other than these two is refused by name
      std::vector<core::FieldError> unknown;
      FieldReader item(*obj, unknown, field + ".");
      (void)item.has("to");
      (void)item.has("channel");
      item.refuse_unknown_keys();
      errors.insert(errors.end(), unknown.begin(), unknown.end());
    }
    const auto* to = obj ? obj->if_contains("to") : nullptr;
    const auto* ch = obj ? obj->if_contains("channel") : nullptr;
    auto recipient = to && to->is_string() ? wire::parse<core::Recipient>(to->as_string()) : std::nullopt;
    auto channel = ch && ch->is_string() ? wire::parse<core::Channel>(ch->as_string()) : std::nullopt;
    if (!recipient || !channel) {
      errors.push_back({field, "expected {\"to\": consumer|provider, \"channel\": email|sms}"});
      continue;
    }
    out.push_back(core::Route{*recipient, *channel});
  }
  return out;
}

core::Result<core::NotificationPolicy> read_policy(const Request& req) {
  auto body = body_object(req);
  if (!body) return body.error();
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  core::NotificationPolicy p;
  p.confirmation = read_routes(r, "confirmation", errors);
  p.reschedule = read_routes(r, "reschedule", errors);
  p.cancellation = read_routes(r, "cancellation", errors);
  p.reminder = read_routes(r, "reminder", errors);
  p.reminder_offsets_minutes.clear();
  if (const auto* arr = r.array("reminderOffsetsMinutes", true, core::kMaxReminderOffsets)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      if (!(*arr)[i].is_int64()) {
        errors.push_back({"reminderOffsetsMinutes[" + std::to_string(i) + "]", "must be an integer"});
        continue;
      }
      p.reminder_offsets_minutes.push_back(
          static_cast<int>(std::clamp<std::int64_t>((*arr)[i].as_int64(), -1, 1 << 30)));
    }
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));
  return p;
}

Response answer_policy(ApiContext& ctx, const BusinessAccess& a, const std::optional<core::Id>& service_id) {
  return json_response(200, policy_json(ctx.use.messages.policy(a.business.id, service_id), service_id.has_value()));
}

Response get_business_policy(ApiContext& ctx, Request&, const BusinessAccess& a) {
  return answer_policy(ctx, a, std::nullopt);
}

Response put_business_policy(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = read_policy(req);
  if (!p) return problem_from(p.error());
  if (auto ok = ctx.use.messages.put_policy(a.business.id, std::nullopt, *p, actor_of(a)); !ok) return fail(ok.error());
  return answer_policy(ctx, a, std::nullopt);
}

core::Result<core::Service> service_of(ApiContext& ctx, const Request& req, const BusinessAccess& a) {
  auto s = ctx.use.catalog.service(a.business.id, req.param("serviceId"));
  if (!s) return core::Error::make(core::ErrorCode::not_found, "No such service");
  return s;
}

Response get_service_policy(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto s = service_of(ctx, req, a);
  if (!s) return fail(s.error());
  return answer_policy(ctx, a, s->id);
}

Response put_service_policy(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto s = service_of(ctx, req, a);
  if (!s) return fail(s.error());
  auto p = read_policy(req);
  if (!p) return problem_from(p.error());
  if (auto ok = ctx.use.messages.put_policy(a.business.id, s->id, *p, actor_of(a)); !ok) return fail(ok.error());
  return answer_policy(ctx, a, s->id);
}

Response delete_service_policy(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto s = service_of(ctx, req, a);
  if (!s) return fail(s.error());
  if (auto ok = ctx.use.messages.put_policy(a.business.id, s->id, std::nullopt, actor_of(a)); !ok)
    return fail(ok.error());
  return answer_policy(ctx, a, s->id);
}

// ---- templates ----

json::object template_json(const store::MessageTemplate& t) {
  return json::object{{"kind", wire::name(t.kind)},
                      {"channel", wire::name(t.channel)},
                      {"subject", t.subject},
                      {"textBody", t.text_body},
                      {"htmlBody", t.html_body}};
}

Response list_templates(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& t : ctx.use.messages.templates(a.business.id)) items.push_back(template_json(t));
  return json_response(200, json::object{{"items", std::move(items)}});
}

core::Result<std::pair<core::MessageKind, core::Channel>> template_key(const Request& req) {
  auto kind = wire::parse<core::MessageKind>(req.param("kind"));
  auto channel = wire::parse<core::Channel>(req.param("channel"));
  if (!kind) return core::Error::make(core::ErrorCode::not_found, "No such message kind");
  if (!channel) return core::Error::make(core::ErrorCode::not_found, "No such channel");
  return std::pair{*kind, *channel};
}

Response put_template(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto key = template_key(req);
  if (!key) return fail(key.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  store::MessageTemplate t;
  t.kind = key->first;
  t.channel = key->second;
  t.subject = r.string("subject", false, core::kMaxTemplateSubjectLength).value_or("");
  t.text_body = r.string("textBody", false, core::kMaxTemplateLength).value_or("");
  t.html_body = r.string("htmlBody", false, core::kMaxTemplateLength).value_or("");
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  if (auto ok = ctx.use.messages.put_template(a.business.id, t, actor_of(a)); !ok) return fail(ok.error());
  return json_response(200, template_json(t));
}

Response delete_template(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto key = template_key(req);
  if (!key) return fail(key.error());
  if (auto ok = ctx.use.messages.delete_template(a.business.id, key->first, key->second, actor_of(a)); !ok)
    return fail(ok.error());
  return no_content();
}

}  // namespace

void register_messages(Router& r, ApiContext& ctx) {
  const std::string booking = route("/bookings/{bookingId}");
  r.add("GET", booking + "/messages", gated(ctx, Role::provider, list_messages));
  r.add("POST", booking + "/messages/{messageId}/resend", gated(ctx, Role::manager, resend), Runs::on_worker,
        Body::none);
  r.add("GET", route("/notification-policy"), gated(ctx, Role::manager, get_business_policy));
  r.add("PUT", route("/notification-policy"), gated(ctx, Role::manager, put_business_policy));
  const std::string service = route("/services/{serviceId}/notification-policy");
  r.add("GET", service, gated(ctx, Role::manager, get_service_policy));
  r.add("PUT", service, gated(ctx, Role::manager, put_service_policy));
  r.add("DELETE", service, gated(ctx, Role::manager, delete_service_policy));
  r.add("GET", route("/message-templates"), gated(ctx, Role::manager, list_templates));
  r.add("PUT", route("/message-templates/{kind}/{channel}"), gated(ctx, Role::manager, put_template));
  r.add("DELETE", route("/message-templates/{kind}/{channel}"), gated(ctx, Role::manager, delete_template));
}

}  // namespace visitd::http::staff
