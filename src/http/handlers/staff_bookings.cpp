// Bookings as staff see them: a filtered, paged list; detail with consumer, answers and
// history; and the staff actions (reschedule overriding the cutoff, cancel, complete,
// no-show). A provider sees and acts on their own bookings only.
#include "core/booking_policy.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr int kMaxPageSize = 200;
constexpr int kDefaultPageSize = 50;
constexpr std::size_t kMaxSearchLength = 100;  // ?q=, the list's text search
constexpr int kMaxOffset = 1'000'000;
// Open-ended ranges: from the epoch, or up to the end of year 9999.
constexpr core::Instant kFarPast{std::chrono::seconds{0}};
constexpr core::Instant kFarFuture{std::chrono::seconds{253402300799}};

// {bookingId} of this business (else 404), within the caller's scope (else 403).
core::Result<core::Booking> scoped_booking(ApiContext& ctx, const Request& req, const BusinessAccess& a) {
  return ctx.use.bookings.staff_booking(a.scope(), a.business.id, req.param("bookingId"));
}

Response list_bookings(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  std::vector<core::FieldError> errors;
  auto note = [&errors](const auto& result) {
    if (!result) errors.insert(errors.end(), result.error().fields.begin(), result.error().fields.end());
  };
  auto from = instant_param(req, "from");
  auto to = instant_param(req, "to");
  auto limit = int_param(req, "limit", 1, kMaxPageSize, kDefaultPageSize);
  auto offset = int_param(req, "offset", 0, kMaxOffset, 0);
  auto zone = display_zone(req, a.business);
  note(from);
  note(to);
  note(limit);
  note(offset);
  note(zone);
  if (from && to && *from && *to && **to <= **from) errors.push_back({"to", "must be after from"});

  store::BookingFilter f;
  f.business_id = a.business.id;
  if (auto status = req.query_param("status")) {
    if (auto s = wire::parse<core::BookingStatus>(*status)) {
      f.status = *s;
    } else {
      errors.push_back({"status", "must be one of confirmed, cancelled, completed, noShow"});
    }
  }
  if (auto provider = req.query_param("providerId")) {
    // Whether it names a provider of the business is the use case's to say.
    if (provider->empty() || provider->size() > core::kMaxIdLength) {
      errors.push_back({"providerId", "is not a provider of this business"});
    } else {
      f.provider_id = *provider;
    }
  }
  if (auto text = req.query_param("q")) {
    // Words to search by (k-polish); surrounding spaces are not part of them.
    std::string_view words(*text);
    while (!words.empty() && words.front() == ' ') words.remove_prefix(1);
    while (!words.empty() && words.back() == ' ') words.remove_suffix(1);
    if (words.size() > kMaxSearchLength) {
      errors.push_back({"q", "must be at most " + std::to_string(kMaxSearchLength) + " characters"});
    } else {
      f.text = std::string(words);
    }
  }
  if (!errors.empty()) return invalid_fields(errors);

  if (*from || *to) f.range = core::Interval{from->value_or(kFarPast), to->value_or(kFarFuture)};
  f.limit = *limit;
  f.offset = *offset;

  auto page = ctx.use.bookings.staff_list(a.scope(), std::move(f));
  if (!page) return fail(page.error());
  json::array items;
  for (const auto& b : page->items) items.push_back(to_json(b, *zone));
  return json_response(
      200, json::object{{"items", std::move(items)}, {"total", page->total}, {"limit", *limit}, {"offset", *offset}});
}

Response get_booking(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  auto zone = display_zone(req, a.business);
  if (!zone) return fail(zone.error());
  return json_response(200, to_json(*b, *zone));
}

Response reschedule_booking(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  auto zone = display_zone(req, a.business);
  if (!zone) return fail(zone.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto start = r.instant("start", true);
  std::optional<core::Id> provider;
  if (r.has("providerId")) provider = r.string("providerId", false, core::kMaxIdLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto moved = ctx.use.bookings.reschedule(
      service::RescheduleRequest{*b, *start, provider, core::Actor::staff, actor_of(a), a.scope()});
  if (!moved) return problem_from(moved.error(), *zone);  // "nearest" in the display zone
  auto out = to_json(*moved, *zone);
  const auto links = ctx.use.links.issue(*moved);
  out["manageUrl"] = links.manage_url;
  out["joinUrl"] = links.join_url;
  return json_response(200, out);
}

Response cancel_booking(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  auto zone = display_zone(req, a.business);
  if (!zone) return fail(zone.error());
  auto body = body_object(req, true);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto reason = r.string("reason", false, core::kMaxReasonLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto cancelled = ctx.use.bookings.cancel(*b, reason.value_or(""), core::Actor::staff, actor_of(a));
  if (!cancelled) return fail(cancelled.error());
  return json_response(200, to_json(*cancelled, *zone));
}

// New links for a booking whose links leaked: the old ones answer 410 link-revoked, the
// consumer is mailed the new ones, and staff get them too (as after a reschedule).
Response reissue_links(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  auto zone = display_zone(req, a.business);
  if (!zone) return fail(zone.error());
  auto reissued = ctx.use.bookings.reissue_links(*b, actor_of(a));
  if (!reissued) return fail(reissued.error());
  auto out = to_json(*reissued, *zone);
  const auto links = ctx.use.links.issue(*reissued);
  out["manageUrl"] = links.manage_url;
  out["joinUrl"] = links.join_url;
  return json_response(200, out);
}

// complete / no-show: the service allows them once the appointment has started.
Response finish_booking(ApiContext& ctx, Request& req, const BusinessAccess& a, core::BookingStatus to) {
  auto b = scoped_booking(ctx, req, a);
  if (!b) return fail(b.error());
  auto zone = display_zone(req, a.business);
  if (!zone) return fail(zone.error());
  auto saved = to == core::BookingStatus::completed ? ctx.use.bookings.complete(*b, actor_of(a))
                                                    : ctx.use.bookings.mark_no_show(*b, actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(200, to_json(*saved, *zone));
}

Response complete_booking(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  return finish_booking(ctx, req, a, core::BookingStatus::completed);
}

Response no_show_booking(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  return finish_booking(ctx, req, a, core::BookingStatus::no_show);
}

}  // namespace

void register_bookings(Router& r, ApiContext& ctx) {
  const auto one = route("/bookings/{bookingId}");
  r.add("GET", route("/bookings"), gated(ctx, Role::provider, list_bookings));
  r.add("GET", one, gated(ctx, Role::provider, get_booking));
  r.add("POST", one + "/reschedule", gated(ctx, Role::provider, reschedule_booking));
  r.add("POST", one + "/cancel", gated(ctx, Role::provider, cancel_booking));
  r.add("POST", one + "/complete", gated(ctx, Role::provider, complete_booking), Runs::on_worker, Body::none);
  r.add("POST", one + "/no-show", gated(ctx, Role::provider, no_show_booking), Runs::on_worker, Body::none);
  r.add("POST", one + "/links", gated(ctx, Role::provider, reissue_links), Runs::on_worker, Body::none);
}

}  // namespace visitd::http::staff
