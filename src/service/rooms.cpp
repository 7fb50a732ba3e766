#include "service/rooms.hpp"

namespace visitd::service {

namespace {

core::Error refusal(core::JoinRefusal r, std::string detail) {
  return core::Error::typed(core::ErrorCode::forbidden, core::to_string(r), std::move(detail));
}

}  // namespace

core::Error not_invited(std::string detail) { return refusal(core::JoinRefusal::not_invited, std::move(detail)); }

core::Error join_refusal(core::JoinRefusal r, const core::RoomFacts& facts) {
  core::Error e = not_invited();
  switch (r) {
    case core::JoinRefusal::too_early:
      e = refusal(r, "the room opens at " + core::format_rfc3339_utc(facts.window.begin));
      e.with("opensAt", facts.window.begin);
      break;
    case core::JoinRefusal::too_late:
      e = refusal(r, "the room closed at " + core::format_rfc3339_utc(facts.window.end));
      e.with("closedAt", facts.window.end);
      break;
    case core::JoinRefusal::denied:
      e = refusal(r, "a host denied or removed you from this room");
      break;
    case core::JoinRefusal::ended:
      e = refusal(r, "this meeting has ended");
      break;
    case core::JoinRefusal::not_invited:
      break;
  }
  return e;
}

RoomView Rooms::view(const core::Booking& b, const std::string& participant_id) const {
  auto s = catalog_.service(b.business_id, b.service_id);
  core::Service service = s ? *s : core::Service{};  // archived service: the default room settings
  auto decision = rooms_.room_decision(b.id, participant_id);
  core::RoomFacts facts{b.status, core::room_window(b, service), rooms_.room(b.id).ended_at.has_value(),
                        decision ? std::optional(decision->state) : std::nullopt};
  return RoomView{std::move(service), facts};
}

JoinPreview Rooms::preview(const core::Booking& b, const std::string& participant_id) const {
  JoinPreview p;
  p.room = view(b, participant_id);
  p.refusal = core::check_join(p.room.facts, clock_.now());
  if (auto provider = catalog_.provider(b.business_id, b.provider_id)) p.provider_name = provider->name;
  if (auto business = catalog_.business_by_id(b.business_id)) {
    p.business_name = business->name;
    p.business_slug = business->slug;
  }
  for (auto h = b.history.rbegin(); h != b.history.rend(); ++h) {
    if (h->action == "rescheduled") {
      p.moved_from = h->from.begin;
      break;
    }
  }
  return p;
}

core::Result<RoomView> Rooms::admit(const core::Booking& b, const std::string& participant_id) const {
  RoomView v = view(b, participant_id);
  if (auto r = core::check_join(v.facts, clock_.now())) return join_refusal(*r, v.facts);
  return v;
}

RoomView Rooms::view(const store::ExternalRoom& r, const std::string& participant_id) const {
  core::Service service = core::external_room_service(r.title, r.lobby);
  auto decision = rooms_.room_decision(r.id, participant_id);
  core::RoomFacts facts{core::BookingStatus::confirmed, r.window, r.ended_at.has_value(),
                        decision ? std::optional(decision->state) : std::nullopt};
  return RoomView{std::move(service), facts};
}

core::Result<RoomView> Rooms::admit(const store::ExternalRoom& r, const std::string& participant_id) const {
  RoomView v = view(r, participant_id);
  if (auto refusal = core::check_join(v.facts, clock_.now())) return join_refusal(*refusal, v.facts);
  return v;
}

core::Result<Rooms::ChatHistory> Rooms::chat_history(const core::Id& room_id, const std::string& participant_id,
                                                     core::RoomRole role, std::int64_t before, int limit) const {
  if (role == core::RoomRole::guest) {
    auto decision = rooms_.room_decision(room_id, participant_id);
    if (!decision || decision->state != core::LobbyState::admitted) {
      return not_invited("chat is for admitted participants; wait until a host admits you");
    }
  }
  return ChatHistory{rooms_.chat_page(room_id, before, limit), rooms_.room(room_id).last_seq};
}

core::Result<core::Booking> Rooms::hosted_booking(const core::Id& room_id, const StaffCaller& caller) const {
  const auto no_such_room = core::Error::make(core::ErrorCode::not_found, "no such room");
  auto booking = bookings_.booking(room_id);
  if (!booking) return no_such_room;
  // Staff of another business learn nothing from a room id: theirs answers like an unknown one.
  if (caller.token_business && *caller.token_business != booking->business_id) return no_such_room;
  std::optional<core::Role> role = staff_.role_in(caller.user_id, booking->business_id);
  if (role && caller.token_role && !core::role_at_least(*caller.token_role, *role)) role = caller.token_role;
  auto provider = catalog_.provider(booking->business_id, booking->provider_id);
  const bool is_provider = provider && provider->user_id && *provider->user_id == caller.user_id;
  if (!role && !is_provider) return no_such_room;
  if (!core::may_host(role, is_provider)) return not_invited();
  return booking;
}

core::Result<store::ExternalRoom> Rooms::hosted_external_room(const core::Id& room_id,
                                                              const StaffCaller& caller) const {
  const auto no_such_room = core::Error::make(core::ErrorCode::not_found, "no such room");
  auto room = external_rooms_.external_room_by_id(room_id);
  if (!room) return no_such_room;
  if (caller.token_business && *caller.token_business != room->business_id) return no_such_room;
  std::optional<core::Role> role = staff_.role_in(caller.user_id, room->business_id);
  if (role && caller.token_role && !core::role_at_least(*caller.token_role, *role)) role = caller.token_role;
  bool is_provider = false;
  if (room->provider_id) {
    auto provider = catalog_.provider(room->business_id, *room->provider_id);
    is_provider = provider && provider->user_id && *provider->user_id == caller.user_id;
  }
  if (!role && !is_provider) return no_such_room;
  if (!core::may_host(role, is_provider)) return not_invited();
  return room;
}

}  // namespace visitd::service
