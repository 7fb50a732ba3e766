// Appointment rooms over REST: join (consumer by the join link, staff by session) answers a
// short-lived room token and ICE servers; chat history for participants holding a room token.
// The live part (lobby, chat, signaling) is the WebSocket of docs/live-protocol.md.
#include <boost/json/array.hpp>
#include <charconv>

#include "core/room_policy.hpp"
#include "http/auth.hpp"
#include "http/handlers/routes.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "live/live_service.hpp"
#include "live/protocol.hpp"
#include "live/turn.hpp"
#include "wire/names.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 100;

core::Error no_live() {
  return core::Error::typed(core::ErrorCode::unavailable, "live-unavailable", "rooms are not enabled");
}

json::object ice_json(const std::vector<live::IceServer>& servers) {
  json::array out;
  for (const auto& s : servers) {
    json::array urls;
    for (const auto& u : s.urls) urls.emplace_back(u);
    json::object o{{"urls", std::move(urls)}};
    if (!s.username.empty()) {
      o["username"] = s.username;
      o["credential"] = s.credential;
    }
    out.push_back(std::move(o));
  }
  return json::object{{"iceServers", std::move(out)}};
}

// The join answer once the caller is known to be this participant of room `room_id` (a
// booking's or an external one's), admitted or refused by `room`.
Response join_answer(ApiContext& ctx, const core::Id& room_id, const core::Result<service::RoomView>& room,
                     const std::string& participant_id, core::RoomRole role, const std::string& name) {
  if (ctx.live == nullptr) return problem_from(no_live());
  if (!room) return problem_from(room.error());
  const core::RoomFacts& facts = room->facts;
  const core::Instant now = ctx.now();
  const auto& settings = ctx.live->settings();
  const core::Instant expires = core::room_token_expiry(now, settings.token_ttl, facts.window);
  const std::string token = ctx.live->signer().sign(live::RoomClaims{room_id, participant_id, role, expires});
  json::object body{{"roomId", room_id},
                    {"roomToken", token},
                    {"expiresAt", core::format_rfc3339_utc(expires)},
                    {"participant", json::object{{"id", participant_id}, {"role", wire::name(role)}, {"name", name}}},
                    {"lobby", core::passes_lobby(role, room->service.room_auto_admit)},
                    {"opensAt", core::format_rfc3339_utc(facts.window.begin)},
                    {"closesAt", core::format_rfc3339_utc(facts.window.end)},
                    {"wsPath", "/api/v1/live"}};
  // TURN credentials only for a participant who may signal (admitted), and no longer than
  // the room token: a guest in the lobby joins again once admitted to get them.
  std::optional<core::Instant> relay_until;
  if (core::may_use_relay(role, facts, room->service.room_auto_admit)) {
    relay_until = std::min(expires, now + core::Seconds(settings.turn.ttl_seconds));
  }
  body["iceServers"] = ice_json(live::ice_servers(settings.turn, participant_id, relay_until))["iceServers"];
  return json_response(200, body);
}

// The booking a join link names, if genuine, not revoked and still valid for the booking as
// it is now (service::Links).
core::Result<core::Booking> booking_by_join_link(ApiContext& ctx, const Request& req) {
  return ctx.use.links.resolve(req.param("token"), core::LinkKind::join);
}

// A participant link of a room booked elsewhere (service::ExternalRooms): the same preview
// shape, the room's title as the service, its hosting provider (if any) as the provider.
Response external_preview(ApiContext& ctx, const service::ParticipantJoin& join) {
  const store::ExternalRoom& r = join.room;
  const service::RoomView room = ctx.use.rooms.view(r, join.participant.id);
  const std::string status(live::protocol::preview_status(core::check_join(room.facts, ctx.now())));
  std::string provider_name;
  if (r.provider_id) {
    if (auto p = ctx.use.catalog.provider(r.business_id, *r.provider_id)) provider_name = p->name;
  }
  auto business = ctx.use.catalog.business_by_id(r.business_id);
  json::object b{{"start", core::format_rfc3339_utc(r.window.begin)},
                 {"end", core::format_rfc3339_utc(r.window.end)},
                 {"service", json::object{{"id", r.id}, {"name", r.title}}},
                 {"provider", json::object{{"id", r.provider_id.value_or("")}, {"name", provider_name}}}};
  return json_response(200, json::object{{"roomId", r.id},
                                         {"status", status},
                                         {"opensAt", core::format_rfc3339_utc(room.facts.window.begin)},
                                         {"closesAt", core::format_rfc3339_utc(room.facts.window.end)},
                                         {"booking", std::move(b)},
                                         {"bookingStatus", wire::name(core::BookingStatus::confirmed)},
                                         {"business", json::object{{"name", business ? business->name : ""},
                                                                   {"slug", business ? business->slug : ""}}}});
}

// A join link is a booking's, else a participant's of a room booked elsewhere; a refusal
// other than "not valid" is the link's own (410 removed / ended / expired).
std::optional<core::Result<service::ParticipantJoin>> participant_by_link(ApiContext& ctx, const Request& req,
                                                                          const core::Error& as_booking) {
  if (as_booking.code != core::ErrorCode::not_found) return std::nullopt;
  auto join = ctx.use.external_rooms.resolve(req.param("token"));
  if (!join && join.error().code == core::ErrorCode::not_found) return std::nullopt;
  return join;
}

Response get_join_preview(ApiContext& ctx, Request& req) {
  auto booking = booking_by_join_link(ctx, req);
  if (!booking) {
    auto join = participant_by_link(ctx, req, booking.error());
    if (!join) return problem_from(booking.error());
    if (!*join) return problem_from(join->error());
    return external_preview(ctx, **join);
  }
  const service::JoinPreview preview = ctx.use.rooms.preview(*booking, live::guest_participant_id(booking->id));
  const core::RoomFacts& facts = preview.room.facts;
  // The protocol's own spelling, so the document test covers what this route answers.
  const std::string status(live::protocol::preview_status(preview.refusal));
  json::object b{{"start", core::format_rfc3339_utc(booking->time.begin)},
                 {"end", core::format_rfc3339_utc(booking->time.end)},
                 {"service", json::object{{"id", booking->service_id}, {"name", preview.room.service.name}}},
                 {"provider", json::object{{"id", booking->provider_id}, {"name", preview.provider_name}}}};
  if (preview.moved_from) b["movedFrom"] = core::format_rfc3339_utc(*preview.moved_from);
  return json_response(
      200, json::object{{"roomId", booking->id},
                        {"status", status},
                        {"opensAt", core::format_rfc3339_utc(facts.window.begin)},
                        {"closesAt", core::format_rfc3339_utc(facts.window.end)},
                        {"booking", std::move(b)},
                        {"bookingStatus", wire::name(booking->status)},
                        {"business", json::object{{"name", preview.business_name}, {"slug", preview.business_slug}}}});
}

Response post_consumer_join(ApiContext& ctx, Request& req) {
  auto booking = booking_by_join_link(ctx, req);
  if (!booking) {
    auto join = participant_by_link(ctx, req, booking.error());
    if (!join) return problem_from(booking.error());
    if (!*join) return problem_from(join->error());
    const auto& [room, participant] = **join;
    return join_answer(ctx, room.id, ctx.use.rooms.admit(room, participant.id), participant.id, participant.spec.role,
                       participant.spec.display_name);
  }
  const std::string guest = live::guest_participant_id(booking->id);
  return join_answer(ctx, booking->id, ctx.use.rooms.admit(*booking, guest), guest, core::RoomRole::guest,
                     booking->consumer.name);
}

Response post_staff_join(ApiContext& ctx, Request& req) {
  auto caller = authenticate(req, ctx);
  if (!caller) return problem_from(caller.error());
  const service::StaffCaller staff{caller->user_id, caller->token_business, caller->token_role};
  auto booking = ctx.use.rooms.hosted_booking(req.param("roomId"), staff);
  auto user = ctx.use.access.user_by_id(caller->user_id);
  const std::string name = user ? user->user.name : "";
  if (!booking && booking.error().code == core::ErrorCode::not_found) {
    // Not a booking's room this caller may see: perhaps a room booked elsewhere.
    auto room = ctx.use.rooms.hosted_external_room(req.param("roomId"), staff);
    if (!room) return problem_from(room.error());
    return join_answer(ctx, room->id, ctx.use.rooms.admit(*room, caller->user_id), caller->user_id,
                       core::RoomRole::host, name);
  }
  if (!booking) return problem_from(booking.error());
  return join_answer(ctx, booking->id, ctx.use.rooms.admit(*booking, caller->user_id), caller->user_id,
                     core::RoomRole::host, name);
}

std::optional<std::int64_t> int_param(const Request& req, const char* name, std::int64_t lo, std::int64_t hi,
                                      std::vector<core::FieldError>& errors) {
  auto text = req.query_param(name);
  if (!text) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || p != text->data() + text->size() || v < lo || v > hi) {
    errors.push_back({name, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi)});
    return std::nullopt;
  }
  return v;
}

Response get_messages(ApiContext& ctx, Request& req) {
  if (ctx.live == nullptr) return problem_from(no_live());
  const std::string& room_id = req.param("roomId");
  auto auth = req.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!auth || auth->size() <= kBearer.size() || auth->compare(0, kBearer.size(), kBearer) != 0) {
    return problem_from(
        core::Error::make(core::ErrorCode::unauthorized, "send the room token as Authorization: Bearer <roomToken>"));
  }
  auto claims = ctx.live->signer().verify(std::string_view(*auth).substr(kBearer.size()), ctx.now());
  if (!claims) {
    return problem_from(core::Error::make(core::ErrorCode::unauthorized, claims.error().code == core::ErrorCode::gone
                                                                             ? "room token expired; join again"
                                                                             : "room token not recognised"));
  }
  if (claims->room_id != room_id) return problem_from(service::not_invited("this room token is for another room"));
  std::vector<core::FieldError> errors;
  const auto before = int_param(req, "before", 0, INT64_MAX, errors).value_or(0);
  const auto limit = int_param(req, "limit", 1, kMaxPage, errors).value_or(kDefaultPage);
  auto history =
      ctx.use.rooms.chat_history(room_id, claims->participant_id, claims->role, before, static_cast<int>(limit));
  if (!history) return problem_from(history.error());
  if (!errors.empty()) return invalid_fields(errors);
  const auto& page = history->messages;
  json::array items;
  for (const auto& m : page) {
    json::object o{{"seq", m.seq},
                   {"from", m.author_id},
                   {"name", m.author_name},
                   {"text", m.body},
                   {"at", core::format_rfc3339_utc(m.created_at)}};
    if (m.edited_at) o["editedAt"] = core::format_rfc3339_utc(*m.edited_at);
    if (m.deleted_at) o["deleted"] = true;
    items.push_back(std::move(o));
  }
  json::value next = nullptr;
  if (static_cast<std::int64_t>(page.size()) == limit && page.back().seq > 1) next = page.back().seq;
  return json_response(200,
                       json::object{{"items", std::move(items)}, {"nextBefore", next}, {"lastSeq", history->last_seq}});
}

}  // namespace

void register_room_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/join/{token}", [&ctx](Request& req) { return get_join_preview(ctx, req); });
  r.add(
      "POST", "/api/v1/join/{token}", [&ctx](Request& req) { return post_consumer_join(ctx, req); }, Runs::on_worker,
      Body::none);
  r.add(
      "POST", "/api/v1/rooms/{roomId}/join", [&ctx](Request& req) { return post_staff_join(ctx, req); },
      Runs::on_worker, Body::none);
  r.add("GET", "/api/v1/rooms/{roomId}/messages", [&ctx](Request& req) { return get_messages(ctx, req); });
  // The WebSocket endpoint: the server hands upgrades to live before routing; a plain GET lands here.
  r.add("GET", "/api/v1/live", [](Request&) {
    return problem_from(
        core::Error::typed(core::ErrorCode::invalid, "upgrade-required",
                           "this is the WebSocket endpoint of appointment rooms (docs/live-protocol.md)"));
  });
}

}  // namespace visitd::http
