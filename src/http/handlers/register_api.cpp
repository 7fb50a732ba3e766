#include "http/context.hpp"
#include "http/handlers/embed_routes.hpp"
#include "http/handlers/routes.hpp"

namespace visitd::http {

void register_api(Router& router, ApiContext& ctx) {
  register_ops_routes(router, ctx);
  register_auth_routes(router, ctx);
  register_public_routes(router, ctx);
  register_manage_routes(router, ctx);
  register_manage_calendar(router, ctx);
  register_staff_routes(router, ctx);
  register_sms_routes(router, ctx);
  register_dev_outbox(router, ctx);
  register_room_routes(router, ctx);
  register_branding_routes(router, ctx);
  register_calendar_feed(router, ctx);  // issue I

  // Staff invitations (issue H, h-privacy).
  register_invitation_routes(router, ctx);
  register_embed_routes(router, ctx);  // issue I, embeds
}

}  // namespace visitd::http
