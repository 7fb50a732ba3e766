// Appointment rooms over REST: join (consumer by the join link, staff by session) answers a
// short-lived room token and ICE servers; chat history for participants holding a room token.
// The live part (lobby, chat, signaling) is the WebSocket of docs/live-protocol.md.
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>

#include "core/room_policy.hpp"
#include "http/auth.hpp"
#include "http/handlers/routes.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "live/live_service.hpp"
#include "live/turn.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxTokenLength = 512;
constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 100;

Response with_member(Response r, std::string_view key, json::value v) {
  json::value body = json::parse(r.body);
  body.as_object()[key] = std::move(v);
  r.body = json::serialize(body);
  return r;
}

Response not_invited(std::string_view detail = "you are not a participant of this room") {
  return problem(403, core::to_string(core::JoinRefusal::not_invited), "Not invited", detail);
}

Response refusal_problem(core::JoinRefusal r, const core::RoomFacts& facts) {
  switch (r) {
    case core::JoinRefusal::too_early:
      return with_member(problem(403, core::to_string(r), "Too early",
                                 "the room opens at " + core::format_rfc3339_utc(facts.window.begin)),
                         "opensAt", json::string(core::format_rfc3339_utc(facts.window.begin)));
    case core::JoinRefusal::too_late:
      return with_member(problem(403, core::to_string(r), "Too late",
                                 "the room closed at " + core::format_rfc3339_utc(facts.window.end)),
                         "closedAt", json::string(core::format_rfc3339_utc(facts.window.end)));
    case core::JoinRefusal::denied:
      return problem(403, core::to_string(r), "Denied", "a host denied or removed you from this room");
    case core::JoinRefusal::ended:
      return problem(403, core::to_string(r), "Ended", "this meeting has ended");
    case core::JoinRefusal::not_invited:
      break;
  }
  return not_invited();
}

Response no_live() { return problem(503, "live-unavailable", "Rooms unavailable", "rooms are not enabled"); }

core::Service service_of(ApiContext& ctx, const core::Booking& b) {
  auto s = ctx.store.service(b.business_id, b.service_id);
  return s ? *s : core::Service{};  // archived service: the default room settings
}

core::RoomFacts facts_for(ApiContext& ctx, const core::Booking& b, const core::Service& s,
                          const std::string& participant_id) {
  auto decision = ctx.store.room_decision(b.id, participant_id);
  return core::RoomFacts{b.status, core::room_window(b, s), ctx.store.room(b.id).ended_at.has_value(),
                         decision ? std::optional(decision->state) : std::nullopt};
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

// The join answer once the caller is known to be this participant.
Response join_answer(ApiContext& ctx, const core::Booking& b, const std::string& participant_id, core::RoomRole role,
                     const std::string& name) {
  if (ctx.live == nullptr) return no_live();
  const core::Service service = service_of(ctx, b);
  const core::RoomFacts facts = facts_for(ctx, b, service, participant_id);
  const core::Instant now = ctx.now();
  if (auto refusal = core::check_join(facts, now)) return refusal_problem(*refusal, facts);
  const auto& settings = ctx.live->settings();
  const core::Instant expires = std::min(now + core::Seconds(settings.token_ttl_s), facts.window.end);
  const std::string token = ctx.live->signer().sign(live::RoomClaims{b.id, participant_id, role, expires});
  json::object body{
      {"roomId", b.id},
      {"roomToken", token},
      {"expiresAt", core::format_rfc3339_utc(expires)},
      {"participant", json::object{{"id", participant_id}, {"role", core::to_string(role)}, {"name", name}}},
      {"lobby", role == core::RoomRole::guest && !service.room_auto_admit},
      {"opensAt", core::format_rfc3339_utc(facts.window.begin)},
      {"closesAt", core::format_rfc3339_utc(facts.window.end)},
      {"wsPath", "/api/v1/live"}};
  body["iceServers"] = ice_json(live::ice_servers(settings.turn, participant_id, now))["iceServers"];
  return json_response(200, body);
}

// The booking a join link names, if genuine, unexpired and not revoked.
core::Result<core::Booking> booking_by_join_link(ApiContext& ctx, const Request& req) {
  const std::string& token = req.param("token");
  const auto not_found = core::Error::make(core::ErrorCode::not_found, "invalid link");
  if (token.empty() || token.size() > kMaxTokenLength) return not_found;
  auto cap = ctx.signer.verify(token, security::CapabilityKind::join, ctx.now());
  if (!cap) return cap.error();
  auto booking = ctx.store.booking(cap->booking_id);
  if (!booking || booking->capability_version != cap->version) return not_found;
  return booking;
}

Response link_problem(const core::Error& e) {
  if (e.code == core::ErrorCode::gone) {
    return problem(410, "link-expired", "Link expired", "this link has expired; ask the business for a new one");
  }
  return problem(404, "not-found", "Not found", "this link is not valid");
}

Response get_join_preview(ApiContext& ctx, Request& req) {
  auto booking = booking_by_join_link(ctx, req);
  if (!booking) return link_problem(booking.error());
  const core::Service service = service_of(ctx, *booking);
  const core::RoomFacts facts = facts_for(ctx, *booking, service, live::guest_participant_id(booking->id));
  const core::Instant now = ctx.now();
  std::string status = "open";
  if (auto r = core::check_join(facts, now)) {
    status = *r == core::JoinRefusal::too_early  ? "early"
             : *r == core::JoinRefusal::too_late ? "closed"
             : *r == core::JoinRefusal::denied   ? "denied"
                                                 : "ended";
  }
  auto provider = ctx.store.provider(booking->business_id, booking->provider_id);
  auto business = ctx.store.business_by_id(booking->business_id);
  json::object b{{"start", core::format_rfc3339_utc(booking->time.begin)},
                 {"end", core::format_rfc3339_utc(booking->time.end)},
                 {"service", json::object{{"id", booking->service_id}, {"name", service.name}}},
                 {"provider", json::object{{"id", booking->provider_id}, {"name", provider ? provider->name : ""}}}};
  // A moved appointment says so: the consumer may hold a reminder with the old time.
  for (auto h = booking->history.rbegin(); h != booking->history.rend(); ++h) {
    if (h->action == "rescheduled") {
      b["movedFrom"] = core::format_rfc3339_utc(h->from.begin);
      break;
    }
  }
  return json_response(200, json::object{{"roomId", booking->id},
                                         {"status", status},
                                         {"opensAt", core::format_rfc3339_utc(facts.window.begin)},
                                         {"closesAt", core::format_rfc3339_utc(facts.window.end)},
                                         {"booking", std::move(b)},
                                         {"bookingStatus", core::to_string(booking->status)},
                                         {"business", json::object{{"name", business ? business->name : ""},
                                                                   {"slug", business ? business->slug : ""}}}});
}

Response post_consumer_join(ApiContext& ctx, Request& req) {
  auto booking = booking_by_join_link(ctx, req);
  if (!booking) return link_problem(booking.error());
  return join_answer(ctx, *booking, live::guest_participant_id(booking->id), core::RoomRole::guest,
                     booking->consumer.name);
}

Response post_staff_join(ApiContext& ctx, Request& req) {
  auto caller = authenticate(req, ctx);
  if (!caller) return problem_from(caller.error());
  auto booking = ctx.store.booking(req.param("roomId"));
  if (!booking) return problem(404, "not-found", "Not found", "no such room");
  if (caller->token_business && *caller->token_business != booking->business_id) return not_invited();
  std::optional<core::Role> role = ctx.store.role_in(caller->user_id, booking->business_id);
  if (role && caller->token_role && !core::role_at_least(*caller->token_role, *role)) role = caller->token_role;
  auto provider = ctx.store.provider(booking->business_id, booking->provider_id);
  const bool is_provider = provider && provider->user_id && *provider->user_id == caller->user_id;
  if (!core::may_host(role, is_provider)) return not_invited();
  auto user = ctx.store.user_by_id(caller->user_id);
  return join_answer(ctx, *booking, caller->user_id, core::RoomRole::host, user ? user->user.name : "");
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
  if (ctx.live == nullptr) return no_live();
  const std::string& room_id = req.param("roomId");
  auto auth = req.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!auth || auth->size() <= kBearer.size() || auth->compare(0, kBearer.size(), kBearer) != 0) {
    return problem(401, "unauthorized", "Unauthorized", "send the room token as Authorization: Bearer <roomToken>");
  }
  auto claims = ctx.live->signer().verify(std::string_view(*auth).substr(kBearer.size()), ctx.now());
  if (!claims) {
    return problem(
        401, "unauthorized", "Unauthorized",
        claims.error().code == core::ErrorCode::gone ? "room token expired; join again" : "room token not recognised");
  }
  if (claims->room_id != room_id) return not_invited("this room token is for another room");
  if (claims->role == core::RoomRole::guest) {
    auto decision = ctx.store.room_decision(room_id, claims->participant_id);
    if (!decision || decision->state != core::LobbyState::admitted) {
      return not_invited("chat is for admitted participants; wait until a host admits you");
    }
  }
  std::vector<core::FieldError> errors;
  const auto before = int_param(req, "before", 0, INT64_MAX, errors).value_or(0);
  const auto limit = int_param(req, "limit", 1, kMaxPage, errors).value_or(kDefaultPage);
  if (!errors.empty()) return invalid_fields(errors);
  auto page = ctx.store.chat_page(room_id, before, static_cast<int>(limit));
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
  return json_response(
      200,
      json::object{{"items", std::move(items)}, {"nextBefore", next}, {"lastSeq", ctx.store.room(room_id).last_seq}});
}

}  // namespace

void register_room_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/join/{token}", [&ctx](Request& req) { return get_join_preview(ctx, req); });
  r.add("POST", "/api/v1/join/{token}", [&ctx](Request& req) { return post_consumer_join(ctx, req); });
  r.add("POST", "/api/v1/rooms/{roomId}/join", [&ctx](Request& req) { return post_staff_join(ctx, req); });
  r.add("GET", "/api/v1/rooms/{roomId}/messages", [&ctx](Request& req) { return get_messages(ctx, req); });
  // The WebSocket endpoint: the server hands upgrades to live before routing; a plain GET lands here.
  r.add("GET", "/api/v1/live", [](Request&) {
    return problem(426, "upgrade-required", "Upgrade required",
                   "this is the WebSocket endpoint of appointment rooms (docs/live-protocol.md)")
        .with_header("Upgrade", "websocket");
  });
}

}  // namespace visitd::http
