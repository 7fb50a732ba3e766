// GET/PUT /api/v1/businesses/{businessId}/bookings/{bookingId}/note: a provider's private note
// on a booking (service::Notes). Staff only; no consumer route ever reads it.
#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

json::object note_json(const store::BookingNote& n) {
  json::object o{{"text", n.text}};
  o["updatedAt"] = n.updated_by.empty() ? json::value(nullptr) : json::value(core::format_rfc3339_utc(n.updated_at));
  return o;
}

Response get_note(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto n = ctx.use.notes.note(a.business.id, req.param("bookingId"), a.scope());
  if (!n) return fail(n.error());
  return json_response(200, note_json(*n));
}

Response put_note(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  // Whether this caller may see the booking is answered before the body is read, as on every
  // other booking route: a colleague learns 403, never what the body should have held.
  if (auto seen = ctx.use.notes.note(a.business.id, req.param("bookingId"), a.scope()); !seen)
    return fail(seen.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto text = r.string("text", true, core::kMaxNoteLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto n = ctx.use.notes.save(a.business.id, req.param("bookingId"), a.scope(), *text, actor_of(a));
  if (!n) return fail(n.error());
  return json_response(200, note_json(*n));
}

}  // namespace

void register_notes(Router& r, ApiContext& ctx) {
  const std::string one = route("/bookings/{bookingId}/note");
  r.add("GET", one, gated(ctx, Role::provider, get_note));
  r.add("PUT", one, gated(ctx, Role::provider, put_note));
}

}  // namespace visitd::http::staff
