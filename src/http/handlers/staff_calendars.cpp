// Calendars beyond visitd's bookings (issue I), staff side:
//   /providers/{providerId}/calendar-feed   GET, POST (issue or rotate), DELETE (revoke)
//   /calendar-feed                           the same for the whole business (managers)
//   /providers/{providerId}/external-calendars[/{calendarId}[/fetch]]  a provider's busy
//     calendars: list, add, remove, fetch now.
// A provider reaches only their own; managers and owners every provider's. A feed's URL
// (its token) is shown once, when issued; the stored hash cannot give it back.
#include "core/calendar_policy.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

json::value instant_or_null(const std::optional<core::Instant>& t) {
  return t ? json::value(core::format_rfc3339_utc(*t)) : json::value(nullptr);
}

// ---- feeds -----------------------------------------------------------------

std::optional<core::Id> scope_provider(Request& req) {
  if (auto it = req.params.find("providerId"); it != req.params.end()) return it->second;
  return std::nullopt;
}

service::FeedScope feed_scope(Request& req, const BusinessAccess& a) {
  return service::FeedScope{a.business.id, scope_provider(req)};
}

json::object feed_json(const std::optional<store::CalendarFeed>& f) {
  return json::object{{"active", f.has_value()},
                      {"createdAt", f ? json::value(core::format_rfc3339_utc(f->created_at)) : json::value(nullptr)}};
}

Response get_feed(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto f = ctx.use.feeds.feed(a.scope(), feed_scope(req, a));
  if (!f) return fail(f.error());
  return json_response(200, feed_json(*f));
}

Response issue_feed(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto issued = ctx.use.feeds.issue(a.scope(), feed_scope(req, a), actor_of(a));
  if (!issued) return fail(issued.error());
  std::string base = ctx.settings.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string url = base + "/api/v1/feeds/" + issued->token + "/calendar.ics";
  auto out = feed_json(issued->feed);
  out["url"] = url;
  // Apple Calendar and Outlook open webcal:// as "subscribe"; the same address otherwise.
  out["webcalUrl"] = "webcal" + url.substr(url.find("://"));
  return json_response(201, out);
}

Response revoke_feed(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.use.feeds.revoke(a.scope(), feed_scope(req, a), actor_of(a)); !s) return fail(s.error());
  return no_content();
}

// ---- external calendars ----------------------------------------------------

// The secret address is a credential: shown as its scheme and host only.
std::string address_for_display(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "…";
  const auto host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string host =
      url.substr(scheme_end + 3, host_end == std::string::npos ? std::string::npos : host_end - scheme_end - 3);
  if (auto at = host.find('@'); at != std::string::npos) host = host.substr(at + 1);
  return url.substr(0, scheme_end + 3) + host + "/…";
}

const char* fetch_status(const store::ExternalCalendar& c) {
  if (!c.last_fetch_at) return "pending";
  return c.last_error.empty() ? "ok" : "error";
}

json::object calendar_json(const store::ExternalCalendar& c) {
  return json::object{{"id", c.id},
                      {"providerId", c.provider_id},
                      {"name", c.name},
                      {"address", address_for_display(c.url)},
                      {"refreshMinutes", c.refresh_minutes},
                      {"status", fetch_status(c)},
                      {"lastFetchAt", instant_or_null(c.last_fetch_at)},
                      {"lastSuccessAt", instant_or_null(c.last_success_at)},
                      {"lastResult", c.last_result.empty() ? json::value(nullptr) : json::value(c.last_result)},
                      {"lastError", c.last_error.empty() ? json::value(nullptr) : json::value(c.last_error)},
                      {"busyCount", c.busy_count}};
}

Response list_calendars(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto list = ctx.use.external_calendars.list(a.scope(), a.business.id, req.param("providerId"));
  if (!list) return fail(list.error());
  json::array items;
  for (const auto& c : *list) items.push_back(calendar_json(c));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response add_calendar(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  // A colleague's calendars are refused before the body is read.
  if (auto own = service::ExternalCalendars::may_manage(a.scope(), req.param("providerId")); !own) {
    return fail(own.error());
  }
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto name = r.string("name", true, core::kMaxCalendarNameLength);
  auto url = r.string("url", true, core::kMaxCalendarUrlLength);
  auto refresh = r.integer("refreshMinutes", false, core::kMinRefreshMinutes, core::kMaxRefreshMinutes);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  service::NewExternalCalendar c{*name, *url, std::nullopt};
  if (refresh) c.refresh_minutes = static_cast<int>(*refresh);
  auto added = ctx.use.external_calendars.add(a.scope(), a.business.id, req.param("providerId"), c, actor_of(a));
  if (!added) return fail(added.error());
  return json_response(201, calendar_json(*added));
}

Response remove_calendar(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.use.external_calendars.remove(a.scope(), a.business.id, req.param("providerId"),
                                                 req.param("calendarId"), actor_of(a));
      !s)
    return fail(s.error());
  return no_content();
}

Response fetch_calendar(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto c =
      ctx.use.external_calendars.fetch_now(a.scope(), a.business.id, req.param("providerId"), req.param("calendarId"));
  if (!c) return fail(c.error());
  return json_response(202, calendar_json(*c));
}

}  // namespace

void register_calendars(Router& r, ApiContext& ctx) {
  const std::string provider_feed = route("/providers/{providerId}/calendar-feed");
  r.add("GET", provider_feed, gated(ctx, Role::provider, get_feed));
  r.add("POST", provider_feed, gated(ctx, Role::provider, issue_feed), Runs::on_worker, Body::none);
  r.add("DELETE", provider_feed, gated(ctx, Role::provider, revoke_feed));
  const std::string business_feed = route("/calendar-feed");
  r.add("GET", business_feed, gated(ctx, Role::manager, get_feed));
  r.add("POST", business_feed, gated(ctx, Role::manager, issue_feed), Runs::on_worker, Body::none);
  r.add("DELETE", business_feed, gated(ctx, Role::manager, revoke_feed));

  const std::string calendars = route("/providers/{providerId}/external-calendars");
  r.add("GET", calendars, gated(ctx, Role::provider, list_calendars));
  r.add("POST", calendars, gated(ctx, Role::provider, add_calendar));
  r.add("DELETE", calendars + "/{calendarId}", gated(ctx, Role::provider, remove_calendar));
  r.add("POST", calendars + "/{calendarId}/fetch", gated(ctx, Role::provider, fetch_calendar), Runs::on_worker,
        Body::none);
}

}  // namespace visitd::http::staff
