#pragma once
// Use cases: rooms for appointments booked elsewhere (issue I). A business's API token or a
// manager's session creates a room with a validity window and participants, reads, moves and
// ends it, adds and removes participants; each participant gets a join link to the same join
// page and room machinery as a booking's consumer (lobby, chat, call). Rules are
// core/external_room's; live rooms learn of changes through the RoomControl port.
//
// Errors: forbidden below manager (core::may_manage_rooms); invalid with field errors
// (core::validate_external_room, "providerId" for a provider not of this business);
// not_found for a room or participant of another business; gone "room-ended" for changes to
// an ended room; conflict "room-full"; invalid "idempotency-key-reused" (422).
#include <optional>
#include <string>
#include <vector>

#include "core/external_room.hpp"
#include "service/links.hpp"
#include "service/ports.hpp"
#include "service/room_control.hpp"
#include "store/external_rooms.hpp"

namespace visitd::service {

struct ParticipantLink {
  std::string join_url;  // <public_url>/join/<token>
  std::string token;
};

// A participant link presented at the join page, resolved.
struct ParticipantJoin {
  store::ExternalRoom room;
  store::RoomParticipant participant;
};

class ExternalRooms {
 public:
  ExternalRooms(const Ports& p, const Links& links)
      : rooms_(p.store.external_rooms),
        room_records_(p.store.rooms),
        catalog_(p.store.catalog),
        clock_(p.clock),
        signer_(p.signer),
        links_(links) {}

  // Set once by the composition root, before serving.
  void set_room_control(RoomControl* control) { control_ = control ? control : &no_control_; }

  struct Create {
    core::Id business_id;
    core::Role caller_role = core::Role::provider;
    core::ExternalRoomSpec spec;
    std::optional<std::string> idempotency_key;
    std::string request_fingerprint;
  };
  [[nodiscard]] core::Result<store::CreatedExternalRoom> create(const Create& c, const store::Actor& by);
  [[nodiscard]] core::Result<store::ExternalRoom> get(const core::Id& business_id, core::Role caller_role,
                                                      const core::Id& room_id) const;
  [[nodiscard]] core::Result<store::ExternalRoomPage> list(const core::Id& business_id, core::Role caller_role,
                                                           int offset, int limit) const;
  [[nodiscard]] core::Result<store::ExternalRoom> update(const core::Id& business_id, core::Role caller_role,
                                                         const core::Id& room_id,
                                                         const std::optional<core::Interval>& window,
                                                         const std::optional<std::string>& title,
                                                         const store::Actor& by);
  [[nodiscard]] core::Result<store::RoomParticipant> add_participant(const core::Id& business_id,
                                                                     core::Role caller_role, const core::Id& room_id,
                                                                     const core::RoomParticipantSpec& p,
                                                                     const store::Actor& by);
  [[nodiscard]] core::Result<store::RoomParticipant> remove_participant(const core::Id& business_id,
                                                                        core::Role caller_role, const core::Id& room_id,
                                                                        const core::Id& participant_id,
                                                                        const store::Actor& by);
  // Ends the room for good (the room record's end); ending an ended room is gone "room-ended".
  [[nodiscard]] core::Result<store::ExternalRoom> end(const core::Id& business_id, core::Role caller_role,
                                                      const core::Id& room_id, const store::Actor& by);

  [[nodiscard]] ParticipantLink link(const store::RoomParticipant& p) const;
  // The participant a link names: not_found for anything not genuine; gone per
  // core::check_participant_link.
  [[nodiscard]] core::Result<ParticipantJoin> resolve(const std::string& token) const;
  // The room by id alone (staff join, live): not_found.
  [[nodiscard]] core::Result<store::ExternalRoom> by_id(const core::Id& room_id) const;

 private:
  store::ExternalRoomStore& rooms_;
  store::RoomStore& room_records_;
  store::CatalogStore& catalog_;
  const core::Clock& clock_;
  const LinkSigner& signer_;
  const Links& links_;
  NoRoomControl no_control_;
  RoomControl* control_ = &no_control_;
};

}  // namespace visitd::service
