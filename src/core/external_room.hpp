#pragma once
// Rules of a room for an appointment booked elsewhere (issue I, "Rooms API"): an outside
// system names the window, a title and the participants; visitd runs the room exactly like a
// booking's (lobby, chat, call). The room's window is the validity window it was given, with
// no open-before/close-after margins: the caller already chose when people may enter.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/room_policy.hpp"

namespace visitd::core {

inline constexpr std::size_t kMaxRoomParticipants = 20;  // per room, removed ones not counted
inline constexpr std::size_t kMaxRoomTitleLength = 200;  // bytes
inline constexpr std::size_t kMaxDisplayNameLength = 100;
inline constexpr std::size_t kMaxExternalIdLength = 200;  // the outside system's own participant id
inline constexpr Seconds kMaxRoomWindow{7 * 24 * 3600};   // a room is one meeting, not a standing space

struct RoomParticipantSpec {
  std::string display_name;
  RoomRole role = RoomRole::guest;
  std::optional<std::string> email;
  std::optional<std::string> phone;  // E.164, normalised by the edge
  std::optional<std::string> external_id;
};

struct ExternalRoomSpec {
  Interval window;  // [start, end)
  std::string title;
  std::optional<Id> provider_id;  // a staff provider who hosts (checked against the business by the caller)
  bool lobby = true;              // guests wait until a host admits them
  std::vector<RoomParticipantSpec> participants;
};

// Field errors, named as on the wire ("start", "end", "title", "participants",
// "participants[2].displayName", ...). Times: end after start, at most kMaxRoomWindow.
// Counts: 0..kMaxRoomParticipants participants. A participant: a display name of 1..
// kMaxDisplayNameLength bytes, a plausible e-mail when given, an external id up to
// kMaxExternalIdLength.
std::vector<FieldError> validate_external_room(const ExternalRoomSpec& spec);
std::vector<FieldError> validate_room_participant(const RoomParticipantSpec& p, const std::string& prefix);
// A new window or title (PATCH): the same rules as at creation for what is given.
std::vector<FieldError> validate_room_change(const std::optional<Interval>& window,
                                             const std::optional<std::string>& title);
// Adding one more participant: conflict "room-full" at kMaxRoomParticipants present ones;
// gone "room-ended" once the room was ended.
Status check_add_participant(std::size_t present, bool ended);
// Changing an ended room: gone "room-ended".
Status check_room_change(bool ended);

// A participant's join link, checked at use time against the room as it is now: not_found
// for a version the participant never had; gone "participant-removed" once removed, gone
// "room-ended" once the room was ended, gone "link-expired" from the window's end + `grace`
// (a moved window moves it), in that order.
Status check_participant_link(int link_version, int current_version, bool removed, bool ended, Instant window_end,
                              Minutes grace, Instant now);

// Who manages rooms of a business through the API: managers and owners (a token capped at
// provider may not).
bool may_manage_rooms(Role role);

// The stand-ins the room machinery reads for a booking's room: an appointment equal to the
// window (confirmed) and room settings without margins; `lobby` off admits guests at once.
Booking external_room_booking(const Id& room_id, const Id& business_id, const Interval& window,
                              const std::optional<Id>& provider_id);
Service external_room_service(const std::string& title, bool lobby);

}  // namespace visitd::core
