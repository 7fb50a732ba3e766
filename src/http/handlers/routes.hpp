#pragma once
// Route registration, one function per resource family (each in its own .cpp).
#include "http/context.hpp"
#include "http/router.hpp"

namespace visitd::http {

void register_ops_routes(Router& r, ApiContext& ctx);     // /healthz, /readyz, /metrics
void register_auth_routes(Router& r, ApiContext& ctx);    // /api/v1/auth/*, /api/v1/me
void register_public_routes(Router& r, ApiContext& ctx);  // /api/v1/public/businesses/{slug}...
void register_manage_routes(Router& r, ApiContext& ctx);  // /api/v1/manage/{token}...
void register_manage_calendar(Router& r, ApiContext& ctx);  // /api/v1/manage/{token}/calendar.ics
void register_calendar_feed(Router& r, ApiContext& ctx);    // /api/v1/feeds/{token}/calendar.ics (issue I)
void register_staff_routes(Router& r, ApiContext& ctx);   // /api/v1/businesses/{businessId}/...
void register_sms_routes(Router& r, ApiContext& ctx);     // /api/v1/sms/* (gateway webhooks)
void register_dev_outbox(Router& r, ApiContext& ctx);     // /dev/outbox, demo mode only
void register_room_routes(Router& r, ApiContext& ctx);
void register_branding_routes(
    Router& r,
    ApiContext& ctx);  // profile, logo (branding_routes.cpp)    // /api/v1/join/{token}, /api/v1/rooms/{roomId}/...

// Staff invitations (issue H, h-privacy): /api/v1/invitations/{token}...
void register_invitation_routes(Router& r, ApiContext& ctx);

}  // namespace visitd::http
