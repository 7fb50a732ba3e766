// The consumer's appointment as an iCalendar file, through the signed manage link:
// GET /api/v1/manage/{token}/calendar.ics. It is the same calendar object the mailed
// invite carries (one UID per booking, the current SEQUENCE, the join link), so a calendar
// that imported the download takes the later mailed updates and CANCEL as changes to it.
#include "http/handlers/routes.hpp"
#include "http/problem.hpp"
#include "service/bookings.hpp"

namespace visitd::http {

namespace {

Response calendar(ApiContext& ctx, Request& req) {
  if (!ctx.settings.consumer_calendar) {
    return problem_from(core::Error::make(core::ErrorCode::not_found, "this link is not valid"));
  }
  // The same check as every manage route: genuine, not revoked, valid for the booking now.
  auto booking = ctx.use.links.resolve(req.param("token"), core::LinkKind::manage);
  if (!booking) return problem_from(booking.error());

  const bool cancelled = booking->status == core::BookingStatus::cancelled;
  std::string manage_url, join_url, book_url;
  if (cancelled) {
    std::string base = ctx.settings.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (auto business = ctx.use.catalog.business_by_id(booking->business_id)) book_url = base + "/b/" + business->slug;
  } else {
    const auto links = ctx.use.links.issue(*booking);
    manage_url = links.manage_url;
    join_url = links.join_url;
  }
  // As the outbox plans it: one step per reschedule, one more for the cancellation.
  const int sequence = service::calendar_sequence(*booking) + (cancelled ? 1 : 0);
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = ctx.settings.consumer_calendar(*booking, manage_url, join_url, book_url, sequence, ctx.now());
  r.with_header("Content-Disposition", "attachment; filename=\"appointment.ics\"");
  r.with_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void register_manage_calendar(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/manage/{token}/calendar.ics", [&ctx](Request& req) { return calendar(ctx, req); });
}

}  // namespace visitd::http
