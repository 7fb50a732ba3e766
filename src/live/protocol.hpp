#pragma once
// The live protocol's codec (docs/live-protocol.md): typed messages in and out. Parsing and
// serialising JSON for the WebSocket happens here and nowhere else; the hub works on the
// structs below. The enumerations list every message type and error code the server accepts
// or emits, and a test compares them with the document's tables.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "core/room_policy.hpp"
#include "core/time.hpp"

namespace visitd::live::protocol {

// ---- enumerations (wire spellings in protocol.cpp) -------------------------------------

enum class ClientType {
  auth,
  lobby_admit,
  lobby_deny,
  participant_remove,
  room_end,
  signal_offer,
  signal_answer,
  signal_ice,
  call_hangup,
  call_media,
  chat_send,
  chat_edit,
  chat_delete,
  chat_typing,
  chat_read,
};
std::string_view to_string(ClientType t);
std::optional<ClientType> client_type_from_string(std::string_view s);
std::span<const ClientType> all_client_types();

enum class ServerType {
  welcome,
  lobby_waiting,
  lobby_left,
  lobby_decided,
  lobby_admitted,
  lobby_denied,
  presence,
  participant_removed,
  signal_offer,
  signal_answer,
  signal_ice,
  call_hangup,
  call_media,
  chat_message,
  chat_edited,
  chat_deleted,
  chat_typing,
  chat_read,
  room_window,
  room_closed,
  room_ended,
  error,
};
std::string_view to_string(ServerType t);
std::span<const ServerType> all_server_types();

// The `code` of an `error` message.
enum class ErrorCode {
  invalid,
  forbidden,
  not_admitted,
  not_found,
  room_full,
  rate_limited,
  auth_required,
  auth_failed,
  token_expired,
  denied,
  ended,
  room_too_early,
  room_too_late,
  unavailable,
  internal,
};
std::string_view to_string(ErrorCode c);
std::span<const ErrorCode> all_error_codes();

// The `status` of the room preview (`GET /api/v1/join/{token}`); nullopt = may join now.
std::string_view preview_status(std::optional<core::JoinRefusal> refusal);
std::vector<std::string_view> all_preview_statuses();

// ---- client -> server ------------------------------------------------------------------

struct Auth {
  std::string token;
  std::optional<std::int64_t> last_seq;  // highest chat seq seen (>= 0)
  bool watch = false;                    // a host's lobby-only connection
};
struct LobbyDecision {  // lobby.admit / lobby.deny
  std::string participant_id;
};
struct RemoveParticipant {
  std::string participant_id;
};
struct EndRoom {};
struct SignalIn {  // signal.offer / signal.answer / signal.ice
  std::string to;
  std::string sdp;             // offer, answer
  std::string candidate_json;  // ice: the RTCIceCandidateInit object or null, as JSON, relayed as is
};
struct HangupIn {
  std::string to;  // empty: everyone
};
struct MediaIn {
  std::optional<bool> audio, video;
};
struct ChatSend {
  std::string text;       // not yet cleaned (core::clean_chat_text)
  std::string client_id;  // echoed back; empty when absent or too long
};
struct ChatEdit {
  std::int64_t seq = 0;
  std::string text;
};
struct ChatDelete {
  std::int64_t seq = 0;
};
struct TypingIn {
  bool typing = true;
};
struct ReadIn {
  std::int64_t seq = 0;
};

using ClientBody = std::variant<Auth, LobbyDecision, RemoveParticipant, EndRoom, SignalIn, HangupIn, MediaIn, ChatSend,
                                ChatEdit, ChatDelete, TypingIn, ReadIn>;

// One parsed client message. The type is known whenever the text was an object with a known
// `type`, even if its fields are wrong, so the hub can check permission first (a guest
// sending a malformed lobby.admit learns "forbidden", not which field was missing).
struct Inbound {
  std::string ref;                 // the `type` as sent ("" when absent), echoed in errors
  std::optional<ClientType> type;  // nullopt: not an object, or no/unknown type
  core::Result<ClientBody> body = core::Error::make(core::ErrorCode::invalid, "");
};
Inbound parse(std::string_view text);
// The `type` of a message without validating the rest ("" when there is none).
std::string peek_type(std::string_view text);

// ---- server -> client ------------------------------------------------------------------

struct ParticipantView {
  std::string id;
  std::string name;
  core::RoomRole role = core::RoomRole::guest;
  std::optional<core::LobbyState> state;  // left out for a watcher's own `you`
  bool online = true;
  bool audio = true;
  bool video = true;
};

struct Welcome {
  std::string room_id;
  ParticipantView you;
  std::vector<ParticipantView> participants;
  std::optional<std::vector<ParticipantView>> waiting;  // hosts only
  std::int64_t last_seq = 0;
  bool resumed = false;
  bool watching = false;
  core::Interval window;  // opensAt / closesAt
};
struct LobbyWaiting {
  ParticipantView participant;
};
struct LobbyLeft {
  std::string participant_id;
};
struct LobbyDecided {
  std::string participant_id;
  bool admitted = false;
  std::string by;
};
struct LobbyAdmitted {
  std::vector<ParticipantView> participants;
  std::int64_t last_seq = 0;
};
struct LobbyDenied {};
enum class PresenceStatus { joined, left, reconnecting };
struct Presence {
  ParticipantView participant;
  PresenceStatus status = PresenceStatus::joined;
};
struct ParticipantRemoved {
  std::string participant_id;
  std::string by;
};
struct SignalOut {
  ServerType type = ServerType::signal_offer;  // signal_offer / signal_answer / signal_ice
  std::string from;
  std::string sdp;
  std::string candidate_json;
};
struct HangupOut {
  std::string from;
};
struct MediaOut {
  std::string from;
  bool audio = true, video = true;
};
struct ChatMessageOut {
  std::int64_t seq = 0;
  std::string from, name, text;
  core::Instant at;
  std::optional<core::Instant> edited_at;
  bool deleted = false;
  std::string client_id;
};
struct ChatEdited {
  std::int64_t seq = 0, message_seq = 0;
  std::string text;
  core::Instant at;
};
struct ChatDeleted {
  std::int64_t seq = 0, message_seq = 0;
};
struct TypingOut {
  std::string from;
  bool typing = true;
};
struct ReadOut {
  std::string from;
  std::int64_t seq = 0;
};
// The booking's time and so the room's window changed; the room stays open.
struct RoomWindow {
  core::Interval appointment;  // start / end
  core::Interval window;       // opensAt / closesAt
};
// The room closes now (then close 4005): its time is over, or the appointment moved away
// (then the new times come along).
struct RoomClosed {
  enum class Reason { over, moved } reason = Reason::over;
  core::Interval appointment;
  core::Interval window;
};
// The meeting is over for good (then close 4004).
struct RoomEnded {
  enum class Reason { host, cancelled, completed, no_show } reason = Reason::host;
  std::string by;  // the host who ended it; empty otherwise
};
struct ErrorOut {
  ErrorCode code = ErrorCode::invalid;
  std::string message;
  std::string ref;  // the offending message's type
};

using ServerMessage = std::variant<Welcome, LobbyWaiting, LobbyLeft, LobbyDecided, LobbyAdmitted, LobbyDenied, Presence,
                                   ParticipantRemoved, SignalOut, HangupOut, MediaOut, ChatMessageOut, ChatEdited,
                                   ChatDeleted, TypingOut, ReadOut, RoomWindow, RoomClosed, RoomEnded, ErrorOut>;

ServerType type_of(const ServerMessage& m);
// One JSON object, as sent on the wire.
std::string encode(const ServerMessage& m);

}  // namespace visitd::live::protocol
