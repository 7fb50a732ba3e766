#pragma once
// Store role: appointment rooms (a room's id is its booking's id, or an external room's:
// store/external_rooms.hpp). Only what a room decides
// is stored: its end, lobby decisions, read receipts and chat with a per-room sequence.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/room_policy.hpp"
#include "store/actor.hpp"

namespace visitd::store {

struct RoomRecord {
  Id room_id;                 // = the booking's id
  std::int64_t last_seq = 0;  // latest chat event seq
  std::optional<Instant> ended_at;
  std::string ended_by;
};

struct RoomDecision {
  core::LobbyState state = core::LobbyState::admitted;
  std::string decided_by;
  std::int64_t read_seq = 0;
};

struct ChatMessage {
  Id room_id;
  std::int64_t seq = 0;   // the message's own seq (its id)
  std::string author_id;  // participant id
  std::string author_name;
  std::string body;  // plain text
  Instant created_at;
  std::optional<Instant> edited_at;
  std::optional<Instant> deleted_at;  // body is empty once deleted
  std::int64_t changed_seq = 0;       // seq of the latest change (== seq when never changed)
};

class RoomStore {
 public:
  virtual ~RoomStore() = default;

  // The room's record; a room nothing was stored for yet reads as fresh (last_seq 0).
  virtual RoomRecord room(const Id& room_id) = 0;
  // Ends the room for good; ending an ended room keeps the first end. not_found without a booking or external room.
  virtual Result<RoomRecord> end_room(const Id& room_id, const std::string& by, Instant at) = 0;
  virtual std::optional<RoomDecision> room_decision(const Id& room_id, const std::string& participant_id) = 0;
  // Records admitted/denied/removed (waiting is no decision: invalid "state"). A denied or
  // removed participant stays so.
  virtual Status decide_participant(const Id& room_id, const std::string& participant_id, core::LobbyState state,
                                    const std::string& by, Instant at) = 0;
  // Raises the participant's read receipt (never lowers it).
  virtual Status mark_read(const Id& room_id, const std::string& participant_id, std::int64_t seq) = 0;
  // Appends a message with the room's next seq. not_found without a booking or external room.
  virtual Result<ChatMessage> append_chat(const Id& room_id, const std::string& author_id,
                                          const std::string& author_name, const std::string& body, Instant at) = 0;
  // Edit (new body) or delete (nullopt) a message; `any_author` = the participant moderates
  // (a host). Who may is core::check_chat_change's call on the message re-read in the
  // transaction; the change takes the room's next seq as changed_seq.
  // not_found / forbidden / gone.
  virtual Result<ChatMessage> change_chat(const Id& room_id, std::int64_t seq, const std::string& by_participant,
                                          bool any_author, const std::optional<std::string>& new_body, Instant at) = 0;
  // Newest first, seq < before (0 = from the newest), at most limit (1..200).
  virtual std::vector<ChatMessage> chat_page(const Id& room_id, std::int64_t before, int limit) = 0;
  // Messages created or changed after `seq` (replay on reconnect): a new one at its own seq, an
  // older changed one at the seq of its change, in that order.
  virtual std::vector<ChatMessage> chat_since(const Id& room_id, std::int64_t seq, int limit) = 0;
};

}  // namespace visitd::store
