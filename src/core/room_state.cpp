#include "core/room_state.hpp"

namespace visitd::core {

namespace {

Error room_full() {
  return Error::typed(ErrorCode::conflict, "room-full", "the call already has the most participants a mesh allows");
}

}  // namespace

Result<Arrival> RoomState::arrive(const std::string& id, const std::string& name, RoomRole role, LobbyState start,
                                  std::uint64_t connection) {
  auto existing = members_.find(id);
  const bool resumed = existing != members_.end();
  const bool was_admitted = resumed && existing->second.state == LobbyState::admitted;
  if (start == LobbyState::admitted && !was_admitted && admitted_count() >= kMaxCallParticipants) {
    return Error::typed(ErrorCode::conflict, "room-full", "the call is full");
  }
  Arrival out;
  RoomMember m;
  if (resumed) {
    m = existing->second;  // keeps media flags across a reconnect
    if (m.online) out.replaced = m.connection;
  }
  m.id = id;
  m.name = name;
  m.role = role;
  m.state = start;
  m.online = true;
  m.connection = connection;
  members_[id] = m;
  out.member = m;
  out.resumed = resumed;
  return out;
}

const RoomMember* RoomState::current(const std::string& id, std::uint64_t connection) const {
  auto it = members_.find(id);
  if (it == members_.end() || it->second.connection != connection) return nullptr;
  return &it->second;
}

std::vector<RoomMember> RoomState::members() const {
  std::vector<RoomMember> out;
  out.reserve(members_.size());
  for (const auto& [id, m] : members_) out.push_back(m);
  return out;
}

std::optional<RoomMember> RoomState::forget(const std::string& id) {
  auto it = members_.find(id);
  if (it == members_.end()) return std::nullopt;
  RoomMember m = it->second;
  members_.erase(it);
  return m;
}

const RoomMember* RoomState::find(const std::string& id) const {
  auto it = members_.find(id);
  return it == members_.end() ? nullptr : &it->second;
}

Status RoomState::may(const RoomMember& actor, RoomAction action) {
  switch (action) {
    case RoomAction::admit:
    case RoomAction::deny:
    case RoomAction::remove:
      if (actor.role != RoomRole::host) return Error::make(ErrorCode::forbidden, "only a host may do this");
      return ok_status();
    case RoomAction::end:
      if (actor.role != RoomRole::host) return Error::make(ErrorCode::forbidden, "only a host may end the meeting");
      return ok_status();
    case RoomAction::chat:
    case RoomAction::signal:
    case RoomAction::media:
      break;
  }
  if (actor.state != LobbyState::admitted) {
    return Error::typed(ErrorCode::forbidden, "not-admitted", "wait until a host admits you");
  }
  return ok_status();
}

Status RoomState::check_waiting_guest(const std::string& guest) const {
  auto it = members_.find(guest);
  if (it == members_.end() || it->second.role != RoomRole::guest) {
    return Error::make(ErrorCode::not_found, "no such guest here");
  }
  if (it->second.state != LobbyState::waiting || !it->second.online) {
    return Error::make(ErrorCode::not_found, "that guest is not waiting");
  }
  return ok_status();
}

Status RoomState::check_admit(const std::string& guest) const {
  if (auto waiting = check_waiting_guest(guest); !waiting) return waiting;
  if (admitted_count() >= kMaxCallParticipants) return room_full();
  return ok_status();
}

Status RoomState::check_deny(const std::string& guest) const { return check_waiting_guest(guest); }

Status RoomState::check_remove(const std::string& guest) const {
  auto it = members_.find(guest);
  if (it == members_.end() || it->second.role != RoomRole::guest) {
    return Error::make(ErrorCode::not_found, "no such guest here");
  }
  return ok_status();
}

Result<RoomMember> RoomState::admit(const std::string& guest) {
  if (auto ok = check_admit(guest); !ok) return ok.error();
  RoomMember& m = members_.at(guest);
  m.state = LobbyState::admitted;
  return m;
}

Result<RoomMember> RoomState::deny(const std::string& guest) {
  if (auto ok = check_deny(guest); !ok) return ok.error();
  auto it = members_.find(guest);
  RoomMember m = it->second;
  members_.erase(it);
  m.state = LobbyState::denied;
  return m;
}

Result<RoomMember> RoomState::remove(const std::string& guest) {
  if (auto ok = check_remove(guest); !ok) return ok.error();
  auto it = members_.find(guest);
  RoomMember m = it->second;
  members_.erase(it);
  return m;  // keeps the state it had, so the caller knows whether the call saw it
}

Status RoomState::check_signal(const std::string& from, const std::string& to) const {
  auto it = members_.find(to);
  if (to.empty() || to == from || it == members_.end() || it->second.state != LobbyState::admitted ||
      !it->second.online) {
    return Error::make(ErrorCode::not_found, "`to` must name another admitted participant who is online");
  }
  return ok_status();
}

RoomMember RoomState::set_media(const std::string& id, std::optional<bool> audio, std::optional<bool> video) {
  RoomMember& m = members_.at(id);
  if (audio) m.audio = *audio;
  if (video) m.video = *video;
  return m;
}

Departure RoomState::disconnect(const std::string& id, std::uint64_t connection, bool clean, RoomMember* out) {
  auto it = members_.find(id);
  if (it == members_.end() || it->second.connection != connection) return Departure::ignored;
  if (out) *out = it->second;
  if (clean || it->second.state != LobbyState::admitted) {
    members_.erase(it);
    return Departure::left;
  }
  it->second.online = false;
  if (out) out->online = false;
  return Departure::reconnecting;
}

std::optional<RoomMember> RoomState::grace_over(const std::string& id, std::uint64_t connection) {
  auto it = members_.find(id);
  if (it == members_.end() || it->second.connection != connection || it->second.online) return std::nullopt;
  RoomMember m = it->second;
  members_.erase(it);
  return m;
}

std::vector<RoomMember> RoomState::clear() {
  std::vector<RoomMember> out;
  for (auto& [id, m] : members_) out.push_back(std::move(m));
  members_.clear();
  return out;
}

std::vector<RoomMember> RoomState::admitted() const {
  std::vector<RoomMember> out;
  for (const auto& [id, m] : members_) {
    if (m.state == LobbyState::admitted) out.push_back(m);
  }
  return out;
}

std::vector<RoomMember> RoomState::waiting_online() const {
  std::vector<RoomMember> out;
  for (const auto& [id, m] : members_) {
    if (m.state == LobbyState::waiting && m.online) out.push_back(m);
  }
  return out;
}

int RoomState::admitted_count() const {
  int n = 0;
  for (const auto& [id, m] : members_) n += m.state == LobbyState::admitted ? 1 : 0;
  return n;
}

}  // namespace visitd::core
