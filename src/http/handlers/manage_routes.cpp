// The consumer's own booking, reached through the signed manage link: view it, list slots
// to move to, reschedule, cancel. The token is the only credential; a forged one reads as
// not found, an expired one as gone.
#include <boost/json/array.hpp>

#include "core/booking_policy.hpp"
#include "core/validation.hpp"
#include "http/handlers/consumer_support.hpp"
#include "http/handlers/routes.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

constexpr const char* kManagePath = "/api/v1/manage/{token}";
store::Actor consumer_actor() { return store::Actor{"consumer"}; }

// The booking the link names, if the link is genuine, not revoked and still valid for the
// booking as it is now (service::Links).
core::Result<core::Booking> resolve(ApiContext& ctx, const Request& req) {
  return ctx.use.links.resolve(req.param("token"), core::LinkKind::manage);
}

core::Zone consumer_zone(const core::Booking& b) { return consumer::zone_or_utc(b.consumer.zone); }

Response get_manage(ApiContext& ctx, Request& req) {
  auto booking = resolve(ctx, req);
  if (!booking) return problem_from(booking.error());
  auto business = ctx.use.catalog.business_by_id(booking->business_id);
  if (!business) return problem_from(core::Error::make(core::ErrorCode::not_found, "this link is not valid"));
  const core::Zone zone = consumer_zone(*booking);
  const core::Instant now = ctx.now();
  const auto& rules = business->rules;
  const core::Instant cancel_deadline = core::consumer_deadline(*booking, rules.cancel_cutoff_hours);
  const core::Instant reschedule_deadline = core::consumer_deadline(*booking, rules.reschedule_cutoff_hours);
  json::object policy{{"canCancel", core::check_cancel(*booking, rules, core::Actor::consumer, now).ok()},
                      {"canReschedule", core::check_reschedule(*booking, rules, core::Actor::consumer, now).ok()},
                      {"cancelCutoffHours", rules.cancel_cutoff_hours},
                      {"rescheduleCutoffHours", rules.reschedule_cutoff_hours},
                      {"cancelDeadline", core::format_rfc3339(cancel_deadline, zone)},
                      {"rescheduleDeadline", core::format_rfc3339(reschedule_deadline, zone)}};
  return json_response(
      200,
      json::object{
          {"booking", consumer::booking_view(ctx, *booking)},
          {"business", json::object{{"slug", business->slug}, {"name", business->name}, {"timeZone", business->zone}}},
          {"policy", std::move(policy)},
          {"joinUrl", ctx.use.links.issue(*booking).join_url}});
}

Response get_manage_slots(ApiContext& ctx, Request& req) {
  auto booking = resolve(ctx, req);
  if (!booking) return problem_from(booking.error());
  std::vector<core::FieldError> errors;
  auto window = consumer::read_slot_window(req, errors);
  if (!errors.empty() || !window) return invalid_fields(errors);
  auto slots = ctx.use.bookings.slots_to_move(*booking, window->range);
  if (!slots) return problem_from(slots.error());
  return json_response(200, consumer::slots_answer(*slots, window->zone));
}

Response post_reschedule(ApiContext& ctx, Request& req) {
  auto booking = resolve(ctx, req);
  if (!booking) return problem_from(booking.error());
  auto body = parse_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto start = r.instant("start", true);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);

  auto moved = ctx.use.bookings.reschedule(
      service::RescheduleRequest{*booking, *start, std::nullopt, core::Actor::consumer, consumer_actor()});
  if (!moved) return problem_from(moved.error(), consumer_zone(*booking));
  return json_response(200, consumer::booking_with_links(ctx, *moved));
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

Response post_cancel(ApiContext& ctx, Request& req) {
  auto booking = resolve(ctx, req);
  if (!booking) return problem_from(booking.error());
  std::string reason;
  if (!blank(req.body)) {  // the reason is optional, and so is the body carrying it
    auto body = parse_object(req);
    if (!body) return problem_from(body.error());
    std::vector<core::FieldError> errors;
    FieldReader r(*body, errors);
    reason = r.string("reason", false, core::kMaxReasonLength).value_or("");
    r.refuse_unknown_keys();
    if (!errors.empty()) return invalid_fields(errors);
  }
  auto cancelled = ctx.use.bookings.cancel(*booking, reason, core::Actor::consumer, consumer_actor());
  if (!cancelled) return problem_from(cancelled.error(), consumer_zone(*booking));
  return json_response(200, json::object{{"booking", consumer::booking_view(ctx, *cancelled)}});
}

}  // namespace

void register_manage_routes(Router& r, ApiContext& ctx) {
  const std::string base = kManagePath;
  r.add("GET", base, [&ctx](Request& req) { return get_manage(ctx, req); });
  r.add("GET", base + "/slots", [&ctx](Request& req) { return get_manage_slots(ctx, req); });
  r.add("POST", base + "/reschedule", [&ctx](Request& req) { return post_reschedule(ctx, req); });
  r.add("POST", base + "/cancel", [&ctx](Request& req) { return post_cancel(ctx, req); });
}

}  // namespace visitd::http
