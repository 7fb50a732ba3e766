// The staff API under /api/v1/businesses/{businessId}: one file per resource.
#include "http/handlers/routes.hpp"
#include "http/handlers/staff_support.hpp"

namespace visitd::http {

void register_staff_routes(Router& r, ApiContext& ctx) {
  staff::register_business(r, ctx);
  staff::register_providers(r, ctx);
  staff::register_schedule(r, ctx);
  staff::register_services(r, ctx);
  staff::register_members(r, ctx);
  staff::register_tokens(r, ctx);
  staff::register_bookings(r, ctx);
  staff::register_audit(r, ctx);
  staff::register_messages(r, ctx);
  staff::register_video(r, ctx);
  staff::register_notes(r, ctx);
  staff::register_template_preview(r, ctx);
  staff::register_calendars(r, ctx);  // issue I
  staff::register_insights(r, ctx);
  staff::register_invitations(r, ctx);  // issue H
  staff::register_rooms(r, ctx);  // issue I: rooms for appointments booked elsewhere
}

}  // namespace visitd::http
