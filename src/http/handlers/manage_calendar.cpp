// The consumer's appointment as an iCalendar file, through the signed manage link:
// GET /api/v1/manage/{token}/calendar.ics. It is the same calendar object the mailed
// invite carries (one UID per booking, the current SEQUENCE, the join link), so a calendar
// that imported the download takes the later mailed updates and CANCEL as changes to it.
#include "http/booking_flow.hpp"
#include "http/handlers/routes.hpp"
#include "http/problem.hpp"

namespace visitd::http {

namespace {

constexpr std::size_t kMaxTokenLength = 512;

Response calendar(ApiContext& ctx, Request& req) {
  const std::string& token = req.param("token");
  const Response not_found = problem(404, "not-found", "Not found", "this link is not valid");
  if (!ctx.settings.consumer_calendar || token.empty() || token.size() > kMaxTokenLength) return not_found;
  auto cap = ctx.signer.verify(token, security::CapabilityKind::manage, ctx.now());
  if (!cap) {
    if (cap.error().code == core::ErrorCode::gone) {
      return problem(410, "link-expired", "Link expired", "this link has expired; ask the business for a new one");
    }
    return not_found;
  }
  auto booking = ctx.store.booking(cap->booking_id);
  // A bumped version revokes every link issued before it.
  if (!booking || booking->capability_version != cap->version) return not_found;

  const bool cancelled = booking->status == core::BookingStatus::cancelled;
  std::string manage_url, join_url, book_url;
  if (cancelled) {
    std::string base = ctx.settings.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (auto business = ctx.store.business_by_id(booking->business_id)) book_url = base + "/b/" + business->slug;
  } else {
    const auto links = links_for(ctx, *booking);
    manage_url = links.manage_url;
    join_url = links.join_url;
  }
  // As the outbox plans it: one step per reschedule, one more for the cancellation.
  const int sequence = calendar_sequence(*booking) + (cancelled ? 1 : 0);
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = ctx.settings.consumer_calendar(ctx.store, *booking, manage_url, join_url, book_url, sequence, ctx.now());
  r.with_header("Content-Disposition", "attachment; filename=\"appointment.ics\"");
  r.with_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void register_manage_calendar(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/manage/{token}/calendar.ics", [&ctx](Request& req) { return calendar(ctx, req); });
}

}  // namespace visitd::http
