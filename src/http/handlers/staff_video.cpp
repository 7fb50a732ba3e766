// GET /api/v1/businesses/{businessId}/video: what browsers get for calls, so the staff
// dashboard can warn when no TURN relay is configured (calls between strict NATs then fail).
#include <boost/json/array.hpp>

#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "live/live_service.hpp"
#include "live/turn.hpp"

namespace visitd::http::staff {

namespace json = boost::json;

namespace {

Response get_video(ApiContext& ctx, Request&, const BusinessAccess&) {
  if (ctx.live == nullptr)
    return json_response(
        200, json::object{{"roomsEnabled", false}, {"relayConfigured", false}, {"stunUrls", json::array{}}});
  const auto& turn = ctx.live->settings().turn;
  // The STUN URLs a join would carry: ice_servers decides, so this cannot drift from it.
  json::array stun;
  for (const auto& s : live::ice_servers(turn, "probe", ctx.now()))
    if (s.username.empty())
      for (const auto& u : s.urls) stun.emplace_back(u);
  return json_response(200, json::object{{"roomsEnabled", true},
                                         {"relayConfigured", live::relay_configured(turn)},
                                         {"stunUrls", std::move(stun)}});
}

}  // namespace

void register_video(Router& r, ApiContext& ctx) {
  r.add("GET", route("/video"), gated(ctx, core::Role::provider, get_video));
}

}  // namespace visitd::http::staff
