#include "service/external_rooms.hpp"

#include "core/validation.hpp"

namespace visitd::service {

namespace {

core::Status may_manage(core::Role role) {
  if (!core::may_manage_rooms(role)) {
    return core::Error::make(core::ErrorCode::forbidden, "rooms are managed by managers and owners");
  }
  return core::ok_status();
}

core::Error invalid_fields(std::vector<core::FieldError> errors) {
  core::Error e = core::Error::make(core::ErrorCode::invalid, "invalid room");
  e.fields = std::move(errors);
  return e;
}

core::Error invalid_link() { return core::Error::make(core::ErrorCode::not_found, "this link is not valid"); }

constexpr core::Seconds kKeyLifetime{24 * 3600};

}  // namespace

core::Result<store::CreatedExternalRoom> ExternalRooms::create(const Create& c, const store::Actor& by) {
  if (auto ok = may_manage(c.caller_role); !ok) return ok.error();
  auto errors = core::validate_external_room(c.spec);
  if (c.spec.provider_id && !catalog_.provider(c.business_id, *c.spec.provider_id)) {
    errors.push_back({"providerId", "no such provider in this business"});
  }
  if (!errors.empty()) return invalid_fields(std::move(errors));
  store::NewExternalRoom r{c.business_id, c.spec, c.idempotency_key, c.request_fingerprint,
                           clock_.now() - kKeyLifetime};
  return rooms_.create_external_room(r, by);
}

core::Result<store::ExternalRoom> ExternalRooms::get(const core::Id& business_id, core::Role caller_role,
                                                     const core::Id& room_id) const {
  if (auto ok = may_manage(caller_role); !ok) return ok.error();
  return rooms_.external_room(business_id, room_id);
}

core::Result<store::ExternalRoomPage> ExternalRooms::list(const core::Id& business_id, core::Role caller_role,
                                                          int offset, int limit) const {
  if (auto ok = may_manage(caller_role); !ok) return ok.error();
  return rooms_.external_rooms(business_id, offset, limit);
}

core::Result<store::ExternalRoom> ExternalRooms::update(const core::Id& business_id, core::Role caller_role,
                                                        const core::Id& room_id,
                                                        const std::optional<core::Interval>& window,
                                                        const std::optional<std::string>& title,
                                                        const store::Actor& by) {
  if (auto ok = may_manage(caller_role); !ok) return ok.error();
  if (auto errors = core::validate_room_change(window, title); !errors.empty()) {
    return invalid_fields(std::move(errors));
  }
  auto updated = rooms_.update_external_room(business_id, room_id, window, title, by);
  if (updated && window) control_->room_changed(room_id);
  return updated;
}

core::Result<store::RoomParticipant> ExternalRooms::add_participant(const core::Id& business_id, core::Role caller_role,
                                                                    const core::Id& room_id,
                                                                    const core::RoomParticipantSpec& p,
                                                                    const store::Actor& by) {
  if (auto ok = may_manage(caller_role); !ok) return ok.error();
  if (auto errors = core::validate_room_participant(p, ""); !errors.empty()) return invalid_fields(std::move(errors));
  return rooms_.add_room_participant(business_id, room_id, p, by);
}

core::Result<store::RoomParticipant> ExternalRooms::remove_participant(const core::Id& business_id,
                                                                       core::Role caller_role, const core::Id& room_id,
                                                                       const core::Id& participant_id,
                                                                       const store::Actor& by) {
  if (auto ok = may_manage(caller_role); !ok) return ok.error();
  auto removed = rooms_.remove_room_participant(business_id, room_id, participant_id, by);
  if (removed) control_->participant_removed(room_id, participant_id, by.name);
  return removed;
}

core::Result<store::ExternalRoom> ExternalRooms::end(const core::Id& business_id, core::Role caller_role,
                                                     const core::Id& room_id, const store::Actor& by) {
  if (auto ok = may_manage(caller_role); !ok) return ok.error();
  auto room = rooms_.external_room(business_id, room_id);
  if (!room) return room.error();
  if (auto ok = core::check_room_change(room->ended_at.has_value()); !ok) return ok.error();
  auto ended = room_records_.end_room(room_id, by.name, clock_.now());
  if (!ended) return ended.error();
  control_->room_ended(room_id, by.name);
  return rooms_.external_room(business_id, room_id);
}

ParticipantLink ExternalRooms::link(const store::RoomParticipant& p) const {
  std::string base = links_.settings().public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  ParticipantLink out;
  out.token = signer_.sign({core::LinkKind::participant, p.id, p.link_version, std::nullopt});
  out.join_url = base + "/join/" + out.token;
  return out;
}

core::Result<ParticipantJoin> ExternalRooms::resolve(const std::string& token) const {
  if (token.empty() || token.size() > core::kMaxTokenLength) return invalid_link();
  auto claims = signer_.read(token, core::LinkKind::participant);
  if (!claims) return invalid_link();
  auto participant = rooms_.room_participant(claims->booking_id);
  if (!participant) return invalid_link();
  auto room = rooms_.external_room_by_id(participant->room_id);
  if (!room) return invalid_link();
  auto valid = core::check_participant_link(claims->version, participant->link_version,
                                            participant->removed_at.has_value(), room->ended_at.has_value(),
                                            room->window.end, links_.settings().lifetimes.join_after_end, clock_.now());
  if (!valid) {
    if (valid.error().code != core::ErrorCode::gone) return invalid_link();
    return valid.error();
  }
  return ParticipantJoin{std::move(*room), std::move(*participant)};
}

core::Result<store::ExternalRoom> ExternalRooms::by_id(const core::Id& room_id) const {
  return rooms_.external_room_by_id(room_id);
}

}  // namespace visitd::service
