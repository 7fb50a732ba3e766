// A provider's time: weekly hours, date overrides and time off. Providers may manage
// their own; managers and owners anyone's in the business.
#include <chrono>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kMaxWeeklyItems = 7 * core::kMaxRangesPerDay;

// {providerId} of this business (else 404), within the caller's scope (else 403).
core::Result<core::Provider> scoped_provider(ApiContext& ctx, const Request& req, const BusinessAccess& a) {
  return ctx.use.catalog.staff_provider(a.scope(), a.business.id, req.param("providerId"));
}

json::object weekly_body(const core::Provider& p) {
  return json::object{{"timeZone", p.zone}, {"weekly", weekly_to_json(p.weekly)}};
}

Response get_weekly(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  return json_response(200, weekly_body(*p));
}

Response put_weekly(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  std::optional<core::WeeklyHours> weekly;
  if (r.array("weekly", true, kMaxWeeklyItems)) weekly = weekly_from_json(body->at("weekly"), errors, "weekly");
  r.refuse_unknown_keys();
  if (!weekly || !errors.empty()) return invalid_fields(errors);
  if (auto s = ctx.use.catalog.set_weekly_hours(a.business.id, p->id, *weekly, actor_of(a)); !s) return fail(s.error());
  p->weekly = *weekly;
  return json_response(200, weekly_body(*p));
}

Response list_overrides(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  auto overrides = p->overrides;
  std::sort(overrides.begin(), overrides.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
  json::array items;
  for (const auto& o : overrides) items.push_back(override_to_json(o));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response put_override(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  core::DateOverride o;
  auto date = r.date("date", true);
  std::optional<std::vector<core::TimeRange>> ranges;
  if (r.array("ranges", true, core::kMaxRangesPerDay)) ranges = ranges_from_json(body->at("ranges"), errors, "ranges");
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  o.date = *date;
  o.ranges = std::move(*ranges);
  auto saved = ctx.use.catalog.put_override(a.business.id, p->id, std::move(o), actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(201, override_to_json(*saved));
}

Response delete_override(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  if (auto s = ctx.use.catalog.delete_override(a.business.id, p->id, req.param("overrideId"), actor_of(a)); !s) {
    return fail(s.error());
  }
  return no_content();
}

Response list_time_off(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  const auto zone = zone_or_utc(p->zone);
  auto entries = p->time_off;
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.span.begin < y.span.begin; });
  json::array items;
  for (const auto& t : entries) items.push_back(time_off_to_json(t, zone));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response add_time_off(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto start = r.instant("start", true);
  auto end = r.instant("end", true);
  auto reason = r.string("reason", false, core::kMaxReasonLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  core::TimeOff t;
  t.span = core::Interval{*start, *end};
  t.reason = reason.value_or("");
  auto saved = ctx.use.catalog.add_time_off(a.business.id, p->id, std::move(t), actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(201, time_off_to_json(*saved, zone_or_utc(p->zone)));
}

Response delete_time_off(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto p = scoped_provider(ctx, req, a);
  if (!p) return fail(p.error());
  if (auto s = ctx.use.catalog.delete_time_off(a.business.id, p->id, req.param("timeOffId"), actor_of(a)); !s) {
    return fail(s.error());
  }
  return no_content();
}

}  // namespace

void register_schedule(Router& r, ApiContext& ctx) {
  const auto hours = route("/providers/{providerId}/weekly-hours");
  const auto overrides = route("/providers/{providerId}/overrides");
  const auto time_off = route("/providers/{providerId}/time-off");
  r.add("GET", hours, gated(ctx, Role::provider, get_weekly));
  r.add("PUT", hours, gated(ctx, Role::provider, put_weekly));
  r.add("GET", overrides, gated(ctx, Role::provider, list_overrides));
  r.add("POST", overrides, gated(ctx, Role::provider, put_override));
  r.add("DELETE", overrides + "/{overrideId}", gated(ctx, Role::provider, delete_override));
  r.add("GET", time_off, gated(ctx, Role::provider, list_time_off));
  r.add("POST", time_off, gated(ctx, Role::provider, add_time_off));
  r.add("DELETE", time_off + "/{timeOffId}", gated(ctx, Role::provider, delete_time_off));
}

}  // namespace visitd::http::staff
