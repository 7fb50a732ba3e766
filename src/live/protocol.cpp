#include "live/protocol.hpp"

#include <array>
#include <climits>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/validation.hpp"
#include "wire/names.hpp"

namespace visitd::live::protocol {

namespace json = boost::json;

namespace {

template <class E, std::size_t N>
struct Spelling {
  std::array<std::pair<E, std::string_view>, N> rows;
  [[nodiscard]] std::string_view of(E e) const {
    for (const auto& [v, s] : rows) {
      if (v == e) return s;
    }
    return "";
  }
};

constexpr Spelling<ClientType, 15> kClientTypes{{{
    {ClientType::auth, "auth"},
    {ClientType::lobby_admit, "lobby.admit"},
    {ClientType::lobby_deny, "lobby.deny"},
    {ClientType::participant_remove, "participant.remove"},
    {ClientType::room_end, "room.end"},
    {ClientType::signal_offer, "signal.offer"},
    {ClientType::signal_answer, "signal.answer"},
    {ClientType::signal_ice, "signal.ice"},
    {ClientType::call_hangup, "call.hangup"},
    {ClientType::call_media, "call.media"},
    {ClientType::chat_send, "chat.send"},
    {ClientType::chat_edit, "chat.edit"},
    {ClientType::chat_delete, "chat.delete"},
    {ClientType::chat_typing, "chat.typing"},
    {ClientType::chat_read, "chat.read"},
}}};

constexpr Spelling<ServerType, 22> kServerTypes{{{
    {ServerType::welcome, "welcome"},
    {ServerType::lobby_waiting, "lobby.waiting"},
    {ServerType::lobby_left, "lobby.left"},
    {ServerType::lobby_decided, "lobby.decided"},
    {ServerType::lobby_admitted, "lobby.admitted"},
    {ServerType::lobby_denied, "lobby.denied"},
    {ServerType::presence, "presence"},
    {ServerType::participant_removed, "participant.removed"},
    {ServerType::signal_offer, "signal.offer"},
    {ServerType::signal_answer, "signal.answer"},
    {ServerType::signal_ice, "signal.ice"},
    {ServerType::call_hangup, "call.hangup"},
    {ServerType::call_media, "call.media"},
    {ServerType::chat_message, "chat.message"},
    {ServerType::chat_edited, "chat.edited"},
    {ServerType::chat_deleted, "chat.deleted"},
    {ServerType::chat_typing, "chat.typing"},
    {ServerType::chat_read, "chat.read"},
    {ServerType::room_window, "room.window"},
    {ServerType::room_closed, "room.closed"},
    {ServerType::room_ended, "room.ended"},
    {ServerType::error, "error"},
}}};

constexpr Spelling<ErrorCode, 15> kErrorCodes{{{
    {ErrorCode::invalid, "invalid"},
    {ErrorCode::forbidden, "forbidden"},
    {ErrorCode::not_admitted, "not-admitted"},
    {ErrorCode::not_found, "not-found"},
    {ErrorCode::room_full, "room-full"},
    {ErrorCode::rate_limited, "rate-limited"},
    {ErrorCode::auth_required, "auth-required"},
    {ErrorCode::auth_failed, "auth-failed"},
    {ErrorCode::token_expired, "token-expired"},
    {ErrorCode::denied, "denied"},
    {ErrorCode::ended, "ended"},
    {ErrorCode::room_too_early, "room-too-early"},
    {ErrorCode::room_too_late, "room-too-late"},
    {ErrorCode::unavailable, "unavailable"},
    {ErrorCode::internal, "internal"},
}}};

template <class E, std::size_t N>
constexpr std::array<E, N> values_of(const Spelling<E, N>& s) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = s.rows[i].first;
  return out;
}
constexpr auto kClientTypeValues = values_of(kClientTypes);
constexpr auto kServerTypeValues = values_of(kServerTypes);
constexpr auto kErrorCodeValues = values_of(kErrorCodes);

constexpr std::size_t kMaxClientIdLength = 64;
using core::kMaxIdLength;  // core/validation

std::string iso(core::Instant t) { return core::format_rfc3339_utc(t); }

std::optional<std::string> string_field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().as_string());
}

std::optional<std::int64_t> int_field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_uint64() && it->value().as_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(it->value().as_uint64());
  }
  return std::nullopt;
}

std::optional<bool> bool_field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_bool()) return std::nullopt;
  return it->value().as_bool();
}

core::Error invalid(std::string field, std::string message) { return core::Error::invalid(field, message); }

core::Result<std::string> participant_id(const json::object& o) {
  auto pid = string_field(o, "participantId");
  if (!pid || pid->empty() || pid->size() > kMaxIdLength) return invalid("participantId", "participantId is required");
  return *pid;
}

core::Result<ClientBody> body_of(ClientType type, const json::object& o) {
  switch (type) {
    case ClientType::auth: {
      Auth a;
      auto token = string_field(o, "token");
      if (!token) return core::Error::typed(core::ErrorCode::unauthorized, "", "auth needs a token");
      a.token = *token;
      if (auto seq = int_field(o, "lastSeq"); seq && *seq >= 0) a.last_seq = *seq;
      a.watch = bool_field(o, "watch").value_or(false);
      return ClientBody{a};
    }
    case ClientType::lobby_admit:
    case ClientType::lobby_deny: {
      auto pid = participant_id(o);
      if (!pid) return pid.error();
      return ClientBody{LobbyDecision{*pid}};
    }
    case ClientType::participant_remove: {
      auto pid = participant_id(o);
      if (!pid) return pid.error();
      return ClientBody{RemoveParticipant{*pid}};
    }
    case ClientType::room_end:
      return ClientBody{EndRoom{}};
    case ClientType::signal_offer:
    case ClientType::signal_answer:
    case ClientType::signal_ice: {
      SignalIn s;
      s.to = string_field(o, "to").value_or("");
      if (type == ClientType::signal_ice) {
        auto it = o.find("candidate");
        if (it == o.end() || !(it->value().is_object() || it->value().is_null())) {
          return invalid("candidate", "candidate must be an object or null");
        }
        s.candidate_json = json::serialize(it->value());
      } else {
        auto sdp = string_field(o, "sdp");
        if (!sdp) return invalid("sdp", "sdp is required");
        s.sdp = *sdp;
      }
      return ClientBody{s};
    }
    case ClientType::call_hangup:
      return ClientBody{HangupIn{string_field(o, "to").value_or("")}};
    case ClientType::call_media:
      return ClientBody{MediaIn{bool_field(o, "audio"), bool_field(o, "video")}};
    case ClientType::chat_send: {
      auto text = string_field(o, "text");
      if (!text) return invalid("text", "text is required");
      ChatSend c{*text, ""};
      if (auto cid = string_field(o, "clientId"); cid && cid->size() <= kMaxClientIdLength) c.client_id = *cid;
      return ClientBody{c};
    }
    case ClientType::chat_edit:
    case ClientType::chat_delete: {
      auto seq = int_field(o, "seq");
      if (!seq || *seq <= 0) return invalid("seq", "seq is required");
      if (type == ClientType::chat_delete) return ClientBody{ChatDelete{*seq}};
      auto text = string_field(o, "text");
      if (!text) return invalid("text", "text is required");
      return ClientBody{ChatEdit{*seq, *text}};
    }
    case ClientType::chat_typing:
      return ClientBody{TypingIn{bool_field(o, "typing").value_or(true)}};
    case ClientType::chat_read: {
      auto seq = int_field(o, "seq");
      if (!seq || *seq < 0) return invalid("seq", "seq is required");
      return ClientBody{ReadIn{*seq}};
    }
  }
  return invalid("type", "unknown message type");
}

json::object participant_json(const ParticipantView& p) {
  json::object o{{"id", p.id},
                 {"name", p.name},
                 {"role", wire::name(p.role)},
                 {"presence", p.online ? "online" : "reconnecting"},
                 {"audio", p.audio},
                 {"video", p.video}};
  if (p.state) o["state"] = wire::name(*p.state);
  return o;
}

json::array participants_json(const std::vector<ParticipantView>& ps) {
  json::array out;
  for (const auto& p : ps) out.push_back(participant_json(p));
  return out;
}

std::string_view presence_status(PresenceStatus s) {
  switch (s) {
    case PresenceStatus::joined:
      return "joined";
    case PresenceStatus::left:
      return "left";
    case PresenceStatus::reconnecting:
      return "reconnecting";
  }
  return "joined";
}

void put_times(json::object& o, const core::Interval& appointment, const core::Interval& window) {
  o["start"] = iso(appointment.begin);
  o["end"] = iso(appointment.end);
  o["opensAt"] = iso(window.begin);
  o["closesAt"] = iso(window.end);
}

struct Encoder {
  json::object operator()(const Welcome& m) const {
    json::object o{{"roomId", m.room_id},
                   {"you", participant_json(m.you)},
                   {"participants", participants_json(m.participants)},
                   {"lastSeq", m.last_seq},
                   {"resumed", m.resumed},
                   {"opensAt", iso(m.window.begin)},
                   {"closesAt", iso(m.window.end)}};
    if (m.waiting) o["waiting"] = participants_json(*m.waiting);
    if (m.watching) o["watching"] = true;
    return o;
  }
  json::object operator()(const LobbyWaiting& m) const { return {{"participant", participant_json(m.participant)}}; }
  json::object operator()(const LobbyLeft& m) const { return {{"participantId", m.participant_id}}; }
  json::object operator()(const LobbyDecided& m) const {
    return {{"participantId", m.participant_id}, {"outcome", m.admitted ? "admitted" : "denied"}, {"by", m.by}};
  }
  json::object operator()(const LobbyAdmitted& m) const {
    return {{"participants", participants_json(m.participants)}, {"lastSeq", m.last_seq}};
  }
  json::object operator()(const LobbyDenied&) const { return {}; }
  json::object operator()(const Presence& m) const {
    return {{"participant", participant_json(m.participant)}, {"status", presence_status(m.status)}};
  }
  json::object operator()(const ParticipantRemoved& m) const {
    return {{"participantId", m.participant_id}, {"by", m.by}};
  }
  json::object operator()(const SignalOut& m) const {
    json::object o{{"from", m.from}};
    if (m.type == ServerType::signal_ice) {
      o["candidate"] = json::parse(m.candidate_json.empty() ? "null" : m.candidate_json);
    } else {
      o["sdp"] = m.sdp;
    }
    return o;
  }
  json::object operator()(const HangupOut& m) const { return {{"from", m.from}}; }
  json::object operator()(const MediaOut& m) const {
    return {{"from", m.from}, {"audio", m.audio}, {"video", m.video}};
  }
  json::object operator()(const ChatMessageOut& m) const {
    json::object o{{"seq", m.seq}, {"from", m.from}, {"name", m.name}, {"text", m.text}, {"at", iso(m.at)}};
    if (m.edited_at) o["editedAt"] = iso(*m.edited_at);
    if (m.deleted) o["deleted"] = true;
    if (!m.client_id.empty()) o["clientId"] = m.client_id;
    return o;
  }
  json::object operator()(const ChatEdited& m) const {
    return {{"seq", m.seq}, {"messageSeq", m.message_seq}, {"text", m.text}, {"at", iso(m.at)}};
  }
  json::object operator()(const ChatDeleted& m) const { return {{"seq", m.seq}, {"messageSeq", m.message_seq}}; }
  json::object operator()(const TypingOut& m) const { return {{"from", m.from}, {"typing", m.typing}}; }
  json::object operator()(const ReadOut& m) const { return {{"from", m.from}, {"seq", m.seq}}; }
  json::object operator()(const RoomWindow& m) const {
    json::object o;
    put_times(o, m.appointment, m.window);
    return o;
  }
  json::object operator()(const RoomClosed& m) const {
    json::object o{{"reason", m.reason == RoomClosed::Reason::moved ? "moved" : "over"}};
    put_times(o, m.appointment, m.window);
    return o;
  }
  json::object operator()(const RoomEnded& m) const {
    std::string_view reason = m.reason == RoomEnded::Reason::host        ? "host"
                              : m.reason == RoomEnded::Reason::cancelled ? "cancelled"
                              : m.reason == RoomEnded::Reason::completed ? "completed"
                                                                         : "no-show";
    json::object o{{"reason", reason}};
    if (!m.by.empty()) o["by"] = m.by;
    return o;
  }
  json::object operator()(const ErrorOut& m) const {
    return {{"code", to_string(m.code)}, {"message", m.message}, {"ref", m.ref}};
  }
};

struct TypeOf {
  ServerType operator()(const Welcome&) const { return ServerType::welcome; }
  ServerType operator()(const LobbyWaiting&) const { return ServerType::lobby_waiting; }
  ServerType operator()(const LobbyLeft&) const { return ServerType::lobby_left; }
  ServerType operator()(const LobbyDecided&) const { return ServerType::lobby_decided; }
  ServerType operator()(const LobbyAdmitted&) const { return ServerType::lobby_admitted; }
  ServerType operator()(const LobbyDenied&) const { return ServerType::lobby_denied; }
  ServerType operator()(const Presence&) const { return ServerType::presence; }
  ServerType operator()(const ParticipantRemoved&) const { return ServerType::participant_removed; }
  ServerType operator()(const SignalOut& m) const { return m.type; }
  ServerType operator()(const HangupOut&) const { return ServerType::call_hangup; }
  ServerType operator()(const MediaOut&) const { return ServerType::call_media; }
  ServerType operator()(const ChatMessageOut&) const { return ServerType::chat_message; }
  ServerType operator()(const ChatEdited&) const { return ServerType::chat_edited; }
  ServerType operator()(const ChatDeleted&) const { return ServerType::chat_deleted; }
  ServerType operator()(const TypingOut&) const { return ServerType::chat_typing; }
  ServerType operator()(const ReadOut&) const { return ServerType::chat_read; }
  ServerType operator()(const RoomWindow&) const { return ServerType::room_window; }
  ServerType operator()(const RoomClosed&) const { return ServerType::room_closed; }
  ServerType operator()(const RoomEnded&) const { return ServerType::room_ended; }
  ServerType operator()(const ErrorOut&) const { return ServerType::error; }
};

}  // namespace

std::string_view to_string(ClientType t) { return kClientTypes.of(t); }
std::string_view to_string(ServerType t) { return kServerTypes.of(t); }
std::string_view to_string(ErrorCode c) { return kErrorCodes.of(c); }

std::optional<ClientType> client_type_from_string(std::string_view s) {
  for (const auto& [v, spelling] : kClientTypes.rows) {
    if (spelling == s) return v;
  }
  return std::nullopt;
}

std::span<const ClientType> all_client_types() { return kClientTypeValues; }
std::span<const ServerType> all_server_types() { return kServerTypeValues; }
std::span<const ErrorCode> all_error_codes() { return kErrorCodeValues; }

std::string_view preview_status(std::optional<core::JoinRefusal> refusal) {
  if (!refusal) return "open";
  switch (*refusal) {
    case core::JoinRefusal::too_early:
      return "early";
    case core::JoinRefusal::denied:
      return "denied";
    case core::JoinRefusal::ended:
      return "ended";
    case core::JoinRefusal::too_late:
    case core::JoinRefusal::not_invited:
      return "closed";
  }
  return "closed";
}

std::vector<std::string_view> all_preview_statuses() {
  std::vector<std::string_view> out{preview_status(std::nullopt)};
  for (auto r : {core::JoinRefusal::too_early, core::JoinRefusal::too_late, core::JoinRefusal::not_invited,
                 core::JoinRefusal::denied, core::JoinRefusal::ended}) {
    auto s = preview_status(r);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

Inbound parse(std::string_view text) {
  Inbound in;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) {
    in.body = invalid("", "each message must be a JSON object");
    return in;
  }
  const json::object& o = v.as_object();
  in.ref = string_field(o, "type").value_or("");
  in.type = client_type_from_string(in.ref);
  if (!in.type) {
    in.body = invalid("type", "unknown message type");
    return in;
  }
  in.body = body_of(*in.type, o);
  return in;
}

std::string peek_type(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return "";
  auto type = string_field(v.as_object(), "type").value_or("");
  return type.size() <= kMaxIdLength ? type : "";
}

ServerType type_of(const ServerMessage& m) { return std::visit(TypeOf{}, m); }

std::string encode(const ServerMessage& m) {
  json::object o = std::visit(Encoder{}, m);
  // `type` first, as every message in the document shows it.
  json::object out{{"type", to_string(type_of(m))}};
  for (auto& [k, v] : o) out[k] = std::move(v);
  return json::serialize(out);
}

}  // namespace visitd::live::protocol
