// Rooms for appointments booked elsewhere (issue I): create (with Idempotency-Key), read,
// list, move or retitle, add and remove participants, end. Managers and owners, by session
// or by a business API token; the rules are core/external_room's, the use case
// service::ExternalRooms. Each participant's joinUrl opens the same join page as a
// booking's consumer link.
#include <algorithm>

#include "core/external_room.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/phone.hpp"
#include "http/problem.hpp"
#include "security/crypto.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 100;
constexpr int kMaxOffset = 100000;
constexpr std::size_t kMaxIdempotencyKeyLength = 200;

json::object participant_json(ApiContext& ctx, const store::RoomParticipant& p) {
  json::object o{{"id", p.id}, {"displayName", p.spec.display_name}, {"role", wire::name(p.spec.role)}};
  if (p.spec.email) o["email"] = *p.spec.email;
  if (p.spec.phone) o["phone"] = *p.spec.phone;
  if (p.spec.external_id) o["externalId"] = *p.spec.external_id;
  o["joinUrl"] = ctx.use.external_rooms.link(p).join_url;
  return o;
}

json::object room_json(ApiContext& ctx, const store::ExternalRoom& r) {
  json::array participants;
  for (const auto& p : r.participants) {
    if (!p.removed_at) participants.push_back(participant_json(ctx, p));  // a removed one is gone for good
  }
  json::object o{{"id", r.id},
                 {"title", r.title},
                 {"start", core::format_rfc3339_utc(r.window.begin)},
                 {"end", core::format_rfc3339_utc(r.window.end)},
                 {"providerId", r.provider_id ? json::value(*r.provider_id) : json::value(nullptr)},
                 {"lobby", r.lobby},
                 {"status", r.ended_at ? "ended" : "scheduled"},
                 {"participants", std::move(participants)},
                 {"createdAt", core::format_rfc3339_utc(r.created_at)},
                 {"updatedAt", core::format_rfc3339_utc(r.updated_at)}};
  o["endedAt"] = r.ended_at ? json::value(core::format_rfc3339_utc(*r.ended_at)) : json::value(nullptr);
  return o;
}

std::optional<core::RoomParticipantSpec> read_participant(FieldReader& r) {
  core::RoomParticipantSpec p;
  auto name = r.string("displayName", true, core::kMaxDisplayNameLength);
  std::optional<core::RoomRole> role;
  if (auto text = r.string("role", true, 10)) {
    role = wire::parse<core::RoomRole>(*text);
    if (!role) r.fail("role", "must be host or guest");
  }
  p.email = r.string("email", false, core::kMaxEmailLength);
  if (auto phone = r.string("phone", false, core::kMaxPhoneLength)) {
    p.phone = to_e164(*phone);
    if (!p.phone) r.fail("phone", "must be a phone number in international form, e.g. +44 20 7946 0958");
  }
  p.external_id = r.string("externalId", false, core::kMaxExternalIdLength);
  r.refuse_unknown_keys();
  if (!name || !role) return std::nullopt;
  p.display_name = *name;
  p.role = *role;
  return p;
}

Response create_room(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto key = req.header("idempotency-key");
  const auto printable = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
  };
  if (key && (key->empty() || key->size() > kMaxIdempotencyKeyLength || !printable(*key))) {
    return invalid_fields({{"Idempotency-Key", "must be 1 to 200 printable ASCII characters"}});
  }
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  service::ExternalRooms::Create c;
  c.business_id = a.business.id;
  c.caller_role = a.role;
  auto start = r.instant("start", true);
  auto end = r.instant("end", true);
  auto title = r.string("title", true, core::kMaxRoomTitleLength);
  c.spec.provider_id = r.string("providerId", false, core::kMaxIdLength);
  c.spec.lobby = r.boolean("lobby", false).value_or(true);
  if (const auto* list = r.array("participants", false, core::kMaxRoomParticipants)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string prefix = "participants[" + std::to_string(i) + "].";
      if (!(*list)[i].is_object()) {
        errors.push_back({"participants[" + std::to_string(i) + "]", "must be an object"});
        continue;
      }
      FieldReader pr((*list)[i].as_object(), errors, prefix);
      if (auto p = read_participant(pr)) c.spec.participants.push_back(std::move(*p));
    }
  }
  r.refuse_unknown_keys();
  if (!errors.empty()) {
    // Name a wrong window too, not only the shape errors.
    if (start && end) {
      for (auto& e : core::validate_room_change(core::Interval{*start, *end}, std::nullopt)) errors.push_back(e);
    }
    return invalid_fields(errors);
  }
  c.spec.window = core::Interval{*start, *end};
  c.spec.title = *title;
  c.idempotency_key = key;
  c.request_fingerprint = security::sha256_hex(req.body);
  auto created = ctx.use.external_rooms.create(c, actor_of(a));
  if (!created) return fail(created.error());
  Response out = json_response(201, room_json(ctx, created->room));
  out.with_header("Location", route("/rooms/") + created->room.id);
  return out;
}

Response get_room(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto room = ctx.use.external_rooms.get(a.business.id, a.role, req.param("roomId"));
  if (!room) return fail(room.error());
  return json_response(200, room_json(ctx, *room));
}

Response list_rooms(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto limit = int_param(req, "limit", 1, kMaxPageSize, kDefaultPageSize);
  if (!limit) return problem_from(limit.error());
  auto offset = int_param(req, "offset", 0, kMaxOffset, 0);
  if (!offset) return problem_from(offset.error());
  auto page = ctx.use.external_rooms.list(a.business.id, a.role, *offset, *limit);
  if (!page) return fail(page.error());
  json::array items;
  for (const auto& r : page->items) items.push_back(room_json(ctx, r));
  return json_response(
      200, json::object{{"items", std::move(items)}, {"limit", *limit}, {"offset", *offset}, {"total", page->total}});
}

Response patch_room(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto start = r.instant("start", false);
  auto end = r.instant("end", false);
  auto title = r.string("title", false, core::kMaxRoomTitleLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  const auto& room_id = req.param("roomId");
  std::optional<core::Interval> window;
  if (start || end) {
    // One bound may move alone: the other keeps its value.
    auto room = ctx.use.external_rooms.get(a.business.id, a.role, room_id);
    if (!room) return fail(room.error());
    window = core::Interval{start.value_or(room->window.begin), end.value_or(room->window.end)};
  }
  auto updated = ctx.use.external_rooms.update(a.business.id, a.role, room_id, window, title, actor_of(a));
  if (!updated) return fail(updated.error());
  return json_response(200, room_json(ctx, *updated));
}

Response add_participant(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto p = read_participant(r);
  if (!errors.empty() || !p) return invalid_fields(errors);
  auto added = ctx.use.external_rooms.add_participant(a.business.id, a.role, req.param("roomId"), *p, actor_of(a));
  if (!added) return fail(added.error());
  return json_response(201, participant_json(ctx, *added));
}

Response remove_participant(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto removed = ctx.use.external_rooms.remove_participant(a.business.id, a.role, req.param("roomId"),
                                                           req.param("participantId"), actor_of(a));
  if (!removed) return fail(removed.error());
  return no_content();
}

Response end_room(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto ended = ctx.use.external_rooms.end(a.business.id, a.role, req.param("roomId"), actor_of(a));
  if (!ended) return fail(ended.error());
  return json_response(200, room_json(ctx, *ended));
}

}  // namespace

void register_rooms(Router& r, ApiContext& ctx) {
  r.add("POST", route("/rooms"), gated(ctx, Role::manager, create_room));
  r.add("GET", route("/rooms"), gated(ctx, Role::manager, list_rooms));
  r.add("GET", route("/rooms/{roomId}"), gated(ctx, Role::manager, get_room));
  r.add("PATCH", route("/rooms/{roomId}"), gated(ctx, Role::manager, patch_room));
  r.add("POST", route("/rooms/{roomId}/participants"), gated(ctx, Role::manager, add_participant));
  r.add("DELETE", route("/rooms/{roomId}/participants/{participantId}"), gated(ctx, Role::manager, remove_participant));
  r.add("POST", route("/rooms/{roomId}/end"), gated(ctx, Role::manager, end_room), Runs::on_worker, Body::none);
}

}  // namespace visitd::http::staff
