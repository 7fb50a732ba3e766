#pragma once
// Use case: may this participant enter a booking's room now? The decision part of joining
// (window, end, lobby decisions via core::check_join; who may host via core::may_host).
// Minting the room token and TURN credentials stays with the caller (live's signer).
//
// Refusals are forbidden errors typed by core::to_string(JoinRefusal): "room-too-early"
// (extension "opensAt": instant), "room-too-late" ("closedAt": instant), "room-denied",
// "room-ended", "room-not-invited".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/room_policy.hpp"
#include "service/ports.hpp"
#include "store/external_rooms.hpp"

namespace visitd::service {

struct RoomView {
  core::Service service;  // the booked service (defaults if it was archived)
  core::RoomFacts facts;  // window from the booking's *current* time
};

// What a join link's landing page shows before anyone enters (no decision is taken).
struct JoinPreview {
  RoomView room;
  std::optional<core::JoinRefusal> refusal;  // core::check_join now; nullopt: the room is open to them
  std::string provider_name;                 // empty when the provider is gone
  std::string business_name;                 // empty (with the slug) when the business is gone
  std::string business_slug;
  // The start before the booking's latest reschedule: the consumer may hold a reminder with
  // that time. nullopt when it was never moved.
  std::optional<core::Instant> moved_from;
};

// The caller behind a staff join: a session user, or an API token bound to a business and
// capped at a role.
struct StaffCaller {
  core::Id user_id;
  std::optional<core::Id> token_business;
  std::optional<core::Role> token_role;
};

class Rooms {
 public:
  Rooms(store::CatalogStore& catalog, store::BookingStore& bookings, store::StaffStore& staff, store::RoomStore& rooms,
        store::ExternalRoomStore& external_rooms, const core::Clock& clock)
      : catalog_(catalog),
        bookings_(bookings),
        staff_(staff),
        rooms_(rooms),
        external_rooms_(external_rooms),
        clock_(clock) {}
  explicit Rooms(const Ports& p)
      : Rooms(p.store.catalog, p.store.bookings, p.store.staff, p.store.rooms, p.store.external_rooms, p.clock) {}

  // What the room looks like to this participant right now (no decision).
  [[nodiscard]] RoomView view(const core::Booking& b, const std::string& participant_id) const;

  // The landing page's facts for this participant (the guest, for a join link).
  [[nodiscard]] JoinPreview preview(const core::Booking& b, const std::string& participant_id) const;

  // The view when the participant may join now, else the refusal (see above).
  [[nodiscard]] core::Result<RoomView> admit(const core::Booking& b, const std::string& participant_id) const;

  // The same for a room booked elsewhere (core/external_room): its window as given, no
  // margins, the lobby as the room says.
  [[nodiscard]] RoomView view(const store::ExternalRoom& r, const std::string& participant_id) const;
  [[nodiscard]] core::Result<RoomView> admit(const store::ExternalRoom& r, const std::string& participant_id) const;

  // A room's chat history, newest first, before seq `before` (0: the newest), at most `limit`
  // messages, with the room's latest seq. A guest reads it only once admitted: forbidden
  // "room-not-invited" before that.
  struct ChatHistory {
    std::vector<store::ChatMessage> messages;
    std::int64_t last_seq = 0;
  };
  [[nodiscard]] core::Result<ChatHistory> chat_history(const core::Id& room_id, const std::string& participant_id,
                                                       core::RoomRole role, std::int64_t before, int limit) const;

  // The booking whose room a staff caller may host: not_found "no such room";
  // forbidden "room-not-invited" unless they are its provider or a manager/owner.
  [[nodiscard]] core::Result<core::Booking> hosted_booking(const core::Id& room_id, const StaffCaller& caller) const;
  // The external room a staff caller may host: its provider, or a manager/owner of its
  // business; the same refusals as hosted_booking.
  [[nodiscard]] core::Result<store::ExternalRoom> hosted_external_room(const core::Id& room_id,
                                                                       const StaffCaller& caller) const;

 private:
  store::CatalogStore& catalog_;
  store::BookingStore& bookings_;
  store::StaffStore& staff_;
  store::RoomStore& rooms_;
  store::ExternalRoomStore& external_rooms_;
  const core::Clock& clock_;
};

// The refusal as an error value (type, detail, extension members).
core::Error join_refusal(core::JoinRefusal r, const core::RoomFacts& facts);
core::Error not_invited(std::string detail = "you are not a participant of this room");

}  // namespace visitd::service
