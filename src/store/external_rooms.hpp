#pragma once
// Store role: rooms for appointments booked elsewhere (issue I). The room's id is the
// external appointment's id, so the room tables (store/rooms.hpp: end, lobby decisions,
// chat) serve it exactly as they serve a booking's room. Kept here: the window, title,
// optional hosting provider, lobby setting, the participants (each with its own link
// version) and the Idempotency-Keys of creations (24 h).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/external_room.hpp"
#include "store/actor.hpp"

namespace visitd::store {

struct RoomParticipant {
  Id id;  // the room participant id (in room tokens and lobby decisions)
  Id room_id;
  core::RoomParticipantSpec spec;
  int link_version = 1;
  Instant created_at;
  std::optional<Instant> removed_at;  // a removed participant's link answers 410
};

struct ExternalRoom {
  Id id;
  Id business_id;
  std::string title;
  std::optional<Id> provider_id;
  Interval window;
  bool lobby = true;
  Instant created_at;
  Instant updated_at;
  std::optional<Instant> ended_at;            // from the room record (rooms.ended_at)
  std::vector<RoomParticipant> participants;  // present and removed, in the order given, then added
};

struct NewExternalRoom {
  Id business_id;
  core::ExternalRoomSpec spec;
  // Scoped to the business; a key younger than `key_since` with the same fingerprint
  // returns the first room, with another fingerprint refuses (see create_external_room).
  std::optional<std::string> idempotency_key;
  std::string request_fingerprint;  // sha256 of the request body
  Instant key_since;                // keys created before this are forgotten (24 h)
};

struct CreatedExternalRoom {
  ExternalRoom room;
  bool replayed = false;  // the key was seen before: this is the first answer's room
};

struct ExternalRoomPage {
  std::vector<ExternalRoom> items;  // by start, then id
  int total = 0;
};

class ExternalRoomStore {
 public:
  virtual ~ExternalRoomStore() = default;

  // The room and its participants in one transaction, audited ("room.create"). With a key
  // already used (and younger than key_since): the first room (replayed), or invalid type
  // "idempotency-key-reused" (field "Idempotency-Key") when the fingerprint differs. Older
  // keys are deleted on the way. Ids are minted by the store ("room_", "rp_").
  virtual Result<CreatedExternalRoom> create_external_room(const NewExternalRoom& r, const Actor& by) = 0;
  // not_found unless the room is this business's (rooms of other businesses do not exist).
  virtual Result<ExternalRoom> external_room(const Id& business_id, const Id& room_id) = 0;
  // By id alone (the room machinery, which knows no business): not_found.
  virtual Result<ExternalRoom> external_room_by_id(const Id& room_id) = 0;
  // By window start then id; offset/limit paging (limit 1..100).
  virtual ExternalRoomPage external_rooms(const Id& business_id, int offset, int limit) = 0;
  // A new window and/or title; participants and their links stay. not_found; gone type
  // "room-ended" for an ended room (core::check_room_change, read in the transaction).
  virtual Result<ExternalRoom> update_external_room(const Id& business_id, const Id& room_id,
                                                    const std::optional<Interval>& window,
                                                    const std::optional<std::string>& title, const Actor& by) = 0;
  // core::check_add_participant against the room as read in the transaction. not_found.
  virtual Result<RoomParticipant> add_room_participant(const Id& business_id, const Id& room_id,
                                                       const core::RoomParticipantSpec& p, const Actor& by) = 0;
  // Marks the participant removed and records the lobby decision "removed" for the room, in
  // one transaction. not_found for an unknown or already removed participant.
  virtual Result<RoomParticipant> remove_room_participant(const Id& business_id, const Id& room_id,
                                                          const Id& participant_id, const Actor& by) = 0;
  // One participant by id (present or removed): not_found.
  virtual Result<RoomParticipant> room_participant(const Id& participant_id) = 0;
};

}  // namespace visitd::store
