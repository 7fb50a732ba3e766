// GET /api/v1/feeds/{token}/calendar.ics: a provider's or a business's appointments as a
// subscribed iCalendar (issue I). The token is the only credential; an unknown, rotated or
// revoked one answers the same 404. The body is byte-identical while nothing changed, so
// its hash is a strong ETag and calendar apps polling with If-None-Match get 304.
#include "http/etag.hpp"
#include "http/handlers/routes.hpp"
#include "http/problem.hpp"

namespace visitd::http {

namespace {

Response feed(ApiContext& ctx, Request& req) {
  if (!ctx.settings.calendar_feed) {
    return problem_from(core::Error::make(core::ErrorCode::not_found, "no such calendar feed"));
  }
  auto cal = ctx.use.feeds.read(req.param("token"));
  if (!cal) return problem_from(cal.error());
  std::string body = ctx.settings.calendar_feed(*cal);
  Response r;
  const std::string etag = strong_etag(body);
  r.with_header("ETag", etag);
  // The URL is a secret: shared caches must not keep it; apps revalidate after 5 minutes.
  r.with_header("Cache-Control", "private, max-age=300");
  if (auto inm = req.header("if-none-match"); inm && if_none_match(*inm, etag)) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = "text/calendar; charset=utf-8";
  r.body = std::move(body);
  r.with_header("Content-Disposition", "inline; filename=\"calendar.ics\"");
  return r;
}

}  // namespace

void register_calendar_feed(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/feeds/{token}/calendar.ics", [&ctx](Request& req) { return feed(ctx, req); });
}

}  // namespace visitd::http
