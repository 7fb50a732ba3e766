#include "live/room_subject.hpp"

#include "core/external_room.hpp"
#include "live/room_hub.hpp"
#include "live/room_token.hpp"

namespace visitd::live {

RoomSubject booking_subject(HubStores& stores, const core::Booking& booking) {
  RoomSubject s{booking, {}, std::nullopt};
  if (auto service = stores.catalog.service(booking.business_id, booking.service_id)) s.service = *service;
  return s;
}

core::Result<RoomSubject> load_room_subject(HubStores& stores, const core::Id& room_id) {
  if (auto booking = stores.bookings.booking(room_id)) return booking_subject(stores, *booking);
  auto room = stores.external_rooms.external_room_by_id(room_id);
  if (!room) return room.error();
  RoomSubject s{core::external_room_booking(room->id, room->business_id, room->window, room->provider_id),
                core::external_room_service(room->title, room->lobby), std::move(*room)};
  return s;
}

std::optional<std::string> participant_name(HubStores& stores, const RoomSubject& subject,
                                            const std::string& participant_id, core::RoomRole role) {
  if (subject.external) {
    for (const auto& p : subject.external->participants) {
      if (p.id == participant_id) {
        if (p.removed_at || p.spec.role != role) return std::nullopt;
        return p.spec.display_name;
      }
    }
  } else if (role == core::RoomRole::guest) {
    if (participant_id != guest_participant_id(subject.booking.id)) return std::nullopt;
    return subject.booking.consumer.name;
  }
  if (role != core::RoomRole::host) return std::nullopt;
  if (auto user = stores.staff.user_by_id(participant_id)) return user->user.name;
  return std::nullopt;
}

}  // namespace visitd::live
