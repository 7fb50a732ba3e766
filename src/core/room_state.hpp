#pragma once
// One appointment room's membership as a pure state machine: who is in it, the lobby,
// presence and reconnect, and who may do what. No I/O, no clock, no JSON: the hub (src/live)
// feeds it what happened and carries out the answer (store writes, deliveries, timers).
//
// Refusals are core::Error values with a `type` the live edge maps to a WebSocket error code
// (live/ws_errors.cpp): forbidden, forbidden/"not-admitted", not_found, invalid,
// conflict/"room-full".
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/room_policy.hpp"

namespace visitd::core {

struct RoomMember {
  std::string id;  // participant id: a staff user's id, or guest-<bookingId>
  std::string name;
  RoomRole role = RoomRole::guest;
  LobbyState state = LobbyState::waiting;
  bool online = true;            // false while in reconnect grace
  std::uint64_t connection = 0;  // tells this connection from a newer one of the same participant
  bool audio = true;
  bool video = true;
};

// What a member asks the room to do.
enum class RoomAction {
  admit,   // lobby.admit
  deny,    // lobby.deny
  remove,  // participant.remove
  end,     // room.end
  chat,    // send, edit, delete, typing, read
  signal,  // offer, answer, ice, hangup
  media,   // call.media
};

// The outcome of a connection arriving for a participant.
struct Arrival {
  RoomMember member;
  bool resumed = false;                   // the participant was still a member (grace or replace)
  std::optional<std::uint64_t> replaced;  // the older connection to close (4008), if it was online
};

enum class Departure {
  ignored,       // not the member's current connection (replaced, removed, ended)
  left,          // gone: removed from the room
  reconnecting,  // in grace: still a member, offline
};

class RoomState {
 public:
  // A participant's connection arrives in state `start` (core::initial_lobby_state). Refused
  // (conflict, "room-full") when it would be admitted into a full mesh.
  Result<Arrival> arrive(const std::string& id, const std::string& name, RoomRole role, LobbyState start,
                         std::uint64_t connection);

  // The member behind this connection, or null when it was replaced, removed or ended.
  [[nodiscard]] const RoomMember* current(const std::string& id, std::uint64_t connection) const;
  [[nodiscard]] const RoomMember* find(const std::string& id) const;

  // Who may do what: lobby, remove and end are for hosts (forbidden); everything else needs
  // admission (forbidden, "not-admitted").
  [[nodiscard]] static Status may(const RoomMember& actor, RoomAction action);

  // Checks made before the decision is stored, then applied once it is. An apply re-checks,
  // since the room may have changed while the store wrote. not_found: not a waiting (admit,
  // deny) or present (remove) guest; conflict "room-full": the mesh is full.
  [[nodiscard]] Status check_admit(const std::string& guest) const;
  [[nodiscard]] Status check_deny(const std::string& guest) const;
  [[nodiscard]] Status check_remove(const std::string& guest) const;
  Result<RoomMember> admit(const std::string& guest);
  Result<RoomMember> deny(const std::string& guest);    // the guest leaves the room
  Result<RoomMember> remove(const std::string& guest);  // the guest leaves the room

  // Signaling goes from an admitted member to another admitted, online member (not_found).
  [[nodiscard]] Status check_signal(const std::string& from, const std::string& to) const;
  // Changes the member's media flags (unset ones are kept); returns the member.
  RoomMember set_media(const std::string& id, std::optional<bool> audio, std::optional<bool> video);

  // A connection went away. `clean`: the client closed it (no grace). A waiting guest leaves
  // at once either way; it queues again when it comes back.
  Departure disconnect(const std::string& id, std::uint64_t connection, bool clean, RoomMember* out);
  // The grace period of that connection ran out: the member leaves unless it came back.
  std::optional<RoomMember> grace_over(const std::string& id, std::uint64_t connection);

  // Another instance's word about a member (several visitd instances share a room): taken as
  // it is, no checks; the instance that decided it has checked. `forget` drops the member
  // (left, denied, removed, or its instance's lease ran out) and returns it, if it was here.
  void mirror(const RoomMember& m) { members_[m.id] = m; }
  std::optional<RoomMember> forget(const std::string& id);

  // Everyone out (the meeting ended or the room closed); returns who was in it.
  std::vector<RoomMember> clear();

  [[nodiscard]] std::vector<RoomMember> members() const;  // everyone, in any state
  [[nodiscard]] std::vector<RoomMember> admitted() const;
  [[nodiscard]] std::vector<RoomMember> waiting_online() const;  // the lobby a host sees
  [[nodiscard]] int admitted_count() const;
  [[nodiscard]] bool empty() const { return members_.empty(); }

 private:
  [[nodiscard]] Status check_waiting_guest(const std::string& guest) const;
  std::map<std::string, RoomMember> members_;
};

}  // namespace visitd::core
