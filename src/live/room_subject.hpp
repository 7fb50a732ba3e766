#pragma once
// What a room belongs to, as the hub reads it: a booking (its service's room settings give
// the window) or a room booked elsewhere (store/external_rooms.hpp: its own window, no
// margins, its own participants). Both come as the (booking, service) pair the room rules in
// core/room_policy read, so the hub runs one machinery for both.
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/room_policy.hpp"
#include "store/external_rooms.hpp"

namespace visitd::live {

struct HubStores;

struct RoomSubject {
  core::Booking booking;  // an external room's stand-in: core::external_room_booking
  core::Service service;  // an external room's: core::external_room_service
  std::optional<store::ExternalRoom> external;
};

// The booking's or else the external room's; not_found for neither.
core::Result<RoomSubject> load_room_subject(HubStores& stores, const core::Id& room_id);
// A booking as given, with its service (defaults when archived).
RoomSubject booking_subject(HubStores& stores, const core::Booking& booking);

// Who a room token's participant is, by name: the booking's consumer (guest), a staff user
// (host), or an external room's present participant with the token's role. nullopt = not
// recognised.
std::optional<std::string> participant_name(HubStores& stores, const RoomSubject& subject,
                                            const std::string& participant_id, core::RoomRole role);

}  // namespace visitd::live
