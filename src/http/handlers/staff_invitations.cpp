// Staff invitations of a business (issue H): list the open ones, resend, revoke. Adding a
// person (POST .../staff, staff_members.cpp) creates them; the invited accept through
// /api/v1/invitations/{token} (invitation_routes.cpp). The rules are service::Invitations'.
#include <boost/json/array.hpp>

#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

const char* status_name(core::InvitationStatus s) {
  switch (s) {
    case core::InvitationStatus::pending:
      return "pending";
    case core::InvitationStatus::accepted:
      return "accepted";
    case core::InvitationStatus::revoked:
      return "revoked";
    case core::InvitationStatus::expired:
      return "expired";
  }
  return "pending";
}

Response list_invitations(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  const core::Instant now = ctx.now();
  for (const auto& i : ctx.use.invitations.open_of(a.business.id)) items.push_back(invitation_to_json(i, now));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response resend_invitation(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto renewed = ctx.use.invitations.resend(a.business.id, a.role, req.param("invitationId"), actor_of(a));
  if (!renewed) return fail(renewed.error());
  return json_response(200, invitation_to_json(*renewed, ctx.now()));
}

Response revoke_invitation(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto s = ctx.use.invitations.revoke(a.business.id, a.role, req.param("invitationId"), actor_of(a)); !s) {
    return fail(s.error());
  }
  return no_content();
}

}  // namespace

json::object invitation_to_json(const core::Invitation& i, core::Instant now) {
  return json::object{{"id", i.id},
                      {"email", i.email},
                      {"role", wire::name(i.role)},
                      {"status", status_name(core::invitation_status(i, now))},
                      {"createdAt", core::format_rfc3339_utc(i.created_at)},
                      {"expiresAt", core::format_rfc3339_utc(i.expires_at)}};
}

void register_invitations(Router& r, ApiContext& ctx) {
  const auto list = route("/invitations");
  const auto one = route("/invitations/{invitationId}");
  r.add("GET", list, gated(ctx, Role::manager, list_invitations));
  r.add("POST", one + "/resend", gated(ctx, Role::manager, resend_invitation), Runs::on_worker, Body::none);
  r.add("DELETE", one, gated(ctx, Role::manager, revoke_invitation));
}

}  // namespace visitd::http::staff
