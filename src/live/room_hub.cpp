#include "live/room_hub.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace visitd::live {

namespace json = boost::json;
using core::LobbyState;
using core::RoomRole;

namespace {

constexpr std::size_t kMaxClientIdLength = 64;
constexpr std::size_t kMaxIdLength = 128;
constexpr int kMaxReplay = 10000;
constexpr std::size_t kMaxWatchersPerRoom = 8;  // a few dashboard tabs per room, not unbounded

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

json::object message_json(const store::ChatMessage& m) {
  json::object o{{"type", "chat.message"}, {"seq", m.seq},   {"from", m.author_id},
                 {"name", m.author_name},  {"text", m.body}, {"at", iso(m.created_at)}};
  if (m.edited_at) o["editedAt"] = iso(*m.edited_at);
  if (m.deleted_at) o["deleted"] = true;
  return o;
}

}  // namespace

RoomHub::RoomHub(store::Store& store, const RoomTokenSigner& signer, RoomBus& bus, Timers& timers, LiveMetrics& metrics,
                 std::function<core::Instant()> now, HubSettings settings)
    : store_(store),
      signer_(signer),
      bus_(bus),
      timers_(timers),
      metrics_(metrics),
      now_(std::move(now)),
      settings_(settings) {
  bus_.subscribe([this](const RoomEvent& e) { deliver(e); });
}

std::shared_ptr<Attachment> RoomHub::attach(std::shared_ptr<Peer> peer) {
  auto a = std::make_shared<Attachment>();
  a->peer = std::move(peer);
  std::lock_guard lock(rooms_mu_);
  a->number = next_number_++;
  return a;
}

// ---------------------------------------------------------------------------------------
// Rooms and delivery

std::shared_ptr<RoomHub::Room> RoomHub::room_for(const std::string& room_id, bool create) {
  std::lock_guard lock(rooms_mu_);
  auto it = rooms_.find(room_id);
  if (it != rooms_.end()) return it->second;
  if (!create) return nullptr;
  auto room = std::make_shared<Room>();
  rooms_.emplace(room_id, room);
  metrics_.rooms_open.store(static_cast<long long>(rooms_.size()));
  return room;
}

void RoomHub::drop_room_if_empty(const std::string& room_id, Room& room) {
  if (!room.members.empty() || has_watchers(room)) return;
  room.dead = true;
  std::lock_guard lock(rooms_mu_);
  auto it = rooms_.find(room_id);
  if (it != rooms_.end() && it->second.get() == &room) rooms_.erase(it);
  metrics_.rooms_open.store(static_cast<long long>(rooms_.size()));
}

void RoomHub::publish(Room&, const std::string& room_id, Audience to, const json::object& msg, int close_code) {
  bus_.publish(RoomEvent{room_id, std::move(to), json::serialize(msg), close_code});
}

void RoomHub::deliver(const RoomEvent& e) {
  auto room = room_for(e.room_id, false);
  if (!room) return;
  auto text = std::make_shared<const std::string>(e.payload);
  std::lock_guard lock(room->delivery_mu);
  for (const auto& [id, t] : room->targets) {
    if (id == e.audience.except) continue;
    bool wanted = false;
    switch (e.audience.to) {
      case Audience::To::everyone:
        wanted = true;
        break;
      case Audience::To::admitted:
        wanted = t.admitted;
        break;
      case Audience::To::hosts:
        wanted = t.role == RoomRole::host;
        break;
      case Audience::To::one:
        wanted = id == e.audience.participant;
        break;
    }
    if (!wanted) continue;
    t.peer->send(text);
    metrics_.messages_relayed.fetch_add(1, std::memory_order_relaxed);
    if (e.close_code != 0) t.peer->close(e.close_code, "");
  }
  // Watchers get what hosts get (the lobby) and what everyone gets (room.ended), nothing else.
  if (e.audience.to == Audience::To::hosts || e.audience.to == Audience::To::everyone) {
    for (const auto& [number, peer] : room->watchers) {
      peer->send(text);
      metrics_.messages_relayed.fetch_add(1, std::memory_order_relaxed);
      if (e.close_code != 0) peer->close(e.close_code, "");
    }
  }
}

bool RoomHub::has_watchers(Room& room) {
  std::lock_guard lock(room.delivery_mu);
  return !room.watchers.empty();
}

void RoomHub::set_target(Room& room, const Member& m) {
  std::lock_guard lock(room.delivery_mu);
  room.targets[m.id] = Target{m.peer, m.role, m.state == LobbyState::admitted};
}

void RoomHub::remove_target(Room& room, const std::string& participant_id, const std::shared_ptr<Peer>& only) {
  std::lock_guard lock(room.delivery_mu);
  auto it = room.targets.find(participant_id);
  if (it != room.targets.end() && (!only || it->second.peer == only)) room.targets.erase(it);
}

int RoomHub::admitted_count(const Room& room) const {
  int n = 0;
  for (const auto& [id, m] : room.members) n += m.state == LobbyState::admitted ? 1 : 0;
  return n;
}

void RoomHub::send_to(const std::shared_ptr<Peer>& peer, const json::object& msg) {
  peer->send(std::make_shared<const std::string>(json::serialize(msg)));
  metrics_.messages_relayed.fetch_add(1, std::memory_order_relaxed);
}

void RoomHub::reply_error(Attachment& a, std::string_view code, std::string_view message, std::string_view ref) {
  send_to(a.peer, json::object{{"type", "error"}, {"code", code}, {"message", message}, {"ref", ref}});
}

namespace {

json::object participant_json(const std::string& id, const std::string& name, RoomRole role, LobbyState state,
                              bool online, bool audio, bool video) {
  return json::object{{"id", id},
                      {"name", name},
                      {"role", core::to_string(role)},
                      {"state", core::to_string(state)},
                      {"presence", online ? "online" : "reconnecting"},
                      {"audio", audio},
                      {"video", video}};
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Messages

void RoomHub::on_text(Attachment& a, std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) {
    if (!a.authed) {
      metrics_.auth_failures.fetch_add(1);
      a.peer->close(close_code::kAuthFailed, "auth first");
      return;
    }
    reply_error(a, "invalid", "each message must be a JSON object", "");
    return;
  }
  const json::object& msg = v.as_object();
  auto type_ptr = string_field(msg, "type");
  const std::string type = type_ptr ? *type_ptr : "";
  if (!a.authed) {
    if (type != "auth") {
      metrics_.auth_failures.fetch_add(1);
      send_to(a.peer, json::object{
                          {"type", "error"}, {"code", "auth-required"}, {"message", "send auth first"}, {"ref", type}});
      a.peer->close(close_code::kAuthFailed, "auth first");
      return;
    }
    authenticate(a, msg);
    return;
  }
  if (type == "auth") {
    reply_error(a, "invalid", "already authenticated", type);
    return;
  }
  if (a.watching) return on_watch_text(a, type, msg);
  auto room = room_for(a.room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  auto it = room->members.find(a.participant_id);
  if (it == room->members.end() || it->second.number != a.number) return;  // replaced or gone
  handle(a, *room, type, msg);
}

void RoomHub::authenticate(Attachment& a, const json::object& msg) {
  auto fail = [&](int code, std::string_view reason, std::string_view error_code) {
    metrics_.auth_failures.fetch_add(1);
    send_to(a.peer, json::object{{"type", "error"}, {"code", error_code}, {"message", reason}, {"ref", "auth"}});
    a.peer->close(code, std::string(reason));
  };
  auto token = string_field(msg, "token");
  if (!token) return fail(close_code::kAuthFailed, "auth needs a token", "auth-failed");
  const core::Instant now = now_();
  auto claims = signer_.verify(*token, now);
  if (!claims) {
    if (claims.error().code == core::ErrorCode::gone) {
      return fail(close_code::kTokenExpired, "room token expired; join again", "token-expired");
    }
    return fail(close_code::kAuthFailed, "room token not recognised", "auth-failed");
  }
  std::optional<std::int64_t> last_seq = int_field(msg, "lastSeq");
  const bool watch = bool_field(msg, "watch").value_or(false);
  if (watch && claims->role != RoomRole::host) {
    return fail(close_code::kAuthFailed, "only a host may watch the lobby", "forbidden");
  }

  // The booking decides the window and whether the room is still open at all.
  auto booking = store_.booking(claims->room_id);
  if (!booking) return fail(close_code::kAuthFailed, "no such room", "auth-failed");
  core::Service service;  // defaults when the service was archived since
  if (auto s = store_.service(booking->business_id, booking->service_id)) service = *s;
  const auto record = store_.room(claims->room_id);
  const auto decision = store_.room_decision(claims->room_id, claims->participant_id);
  core::RoomFacts facts{booking->status, core::room_window(*booking, service), record.ended_at.has_value(),
                        decision ? std::optional(decision->state) : std::nullopt};
  if (auto refusal = core::check_join(facts, now)) {
    switch (*refusal) {
      case core::JoinRefusal::denied:
        return fail(close_code::kDenied, "denied by the host", "denied");
      case core::JoinRefusal::ended:
        return fail(close_code::kEnded, "the meeting has ended", "ended");
      default:
        return fail(close_code::kClosed, "the room is not open now", core::to_string(*refusal));
    }
  }
  std::string name;
  if (claims->role == RoomRole::guest) {
    if (claims->participant_id != guest_participant_id(booking->id)) {
      return fail(close_code::kAuthFailed, "room token not recognised", "auth-failed");
    }
    name = booking->consumer.name;
  } else if (auto user = store_.user_by_id(claims->participant_id)) {
    name = user->user.name;
  } else {
    return fail(close_code::kAuthFailed, "room token not recognised", "auth-failed");
  }

  std::shared_ptr<Room> room;
  std::unique_lock<std::mutex> lock;
  for (;;) {  // a room emptied and dropped meanwhile is replaced by a fresh one
    room = room_for(claims->room_id, true);
    lock = std::unique_lock(room->mu);
    if (!room->dead) break;
    lock.unlock();
  }
  if (watch) {
    bool full = false;
    {
      std::lock_guard delivery(room->delivery_mu);
      full = room->watchers.size() >= kMaxWatchersPerRoom;
    }
    if (full) {
      lock.unlock();
      return fail(close_code::kPolicy, "too many lobby watchers for this room", "room-full");
    }
    return start_watching(a, *room, claims->room_id, claims->participant_id, name);
  }

  const LobbyState state = core::initial_lobby_state(
      claims->role, decision ? std::optional(decision->state) : std::nullopt, service.room_auto_admit);
  auto existing = room->members.find(claims->participant_id);
  const bool resumed = existing != room->members.end();
  const bool was_admitted = resumed && existing->second.state == LobbyState::admitted;
  if (state == LobbyState::admitted && !was_admitted && admitted_count(*room) >= core::kMaxCallParticipants) {
    lock.unlock();
    return fail(close_code::kFull, "the call is full", "room-full");
  }
  if (state == LobbyState::admitted && claims->role == RoomRole::guest && !decision) {
    (void)store_.decide_participant(claims->room_id, claims->participant_id, LobbyState::admitted, "auto", now);
  }

  Member m;
  if (resumed) {
    m = existing->second;
    if (m.peer) m.peer->close(close_code::kReplaced, "connected again elsewhere");
  }
  m.id = claims->participant_id;
  m.name = name;
  m.role = claims->role;
  m.state = state;
  m.peer = a.peer;
  m.number = a.number;
  room->members[m.id] = m;
  a.authed = true;
  a.room_id = claims->room_id;
  a.participant_id = m.id;
  a.role = m.role;

  // The welcome (and any replay) goes straight to the new connection before it is a delivery
  // target; room.mu is held, so no room event can slip in between.
  json::array participants, waiting;
  for (const auto& [id, other] : room->members) {
    auto pj = participant_json(other.id, other.name, other.role, other.state, other.peer != nullptr, other.audio,
                               other.video);
    if (other.state == LobbyState::admitted)
      participants.push_back(pj);
    else if (other.state == LobbyState::waiting && other.peer && m.role == RoomRole::host)
      waiting.push_back(pj);
  }
  json::object welcome{{"type", "welcome"},
                       {"roomId", a.room_id},
                       {"you", participant_json(m.id, m.name, m.role, m.state, true, m.audio, m.video)},
                       {"participants", std::move(participants)},
                       {"lastSeq", m.state == LobbyState::admitted ? record.last_seq : 0},
                       {"resumed", resumed}};
  if (m.role == RoomRole::host) welcome["waiting"] = std::move(waiting);
  send_to(a.peer, welcome);
  if (m.state == LobbyState::admitted && last_seq && *last_seq >= 0 && *last_seq < record.last_seq) {
    for (const auto& cm : store_.chat_since(a.room_id, *last_seq, kMaxReplay)) {
      if (cm.seq > *last_seq) {
        send_to(a.peer, message_json(cm));
      } else if (cm.deleted_at) {
        send_to(a.peer, json::object{{"type", "chat.deleted"}, {"seq", cm.changed_seq}, {"messageSeq", cm.seq}});
      } else {
        send_to(a.peer, json::object{{"type", "chat.edited"},
                                     {"seq", cm.changed_seq},
                                     {"messageSeq", cm.seq},
                                     {"text", cm.body},
                                     {"at", iso(cm.edited_at.value_or(cm.created_at))}});
      }
    }
  }
  set_target(*room, m);

  auto pj = participant_json(m.id, m.name, m.role, m.state, true, m.audio, m.video);
  if (m.state == LobbyState::admitted) {
    publish(*room, a.room_id, Audience{Audience::To::admitted, "", m.id},
            json::object{{"type", "presence"}, {"participant", pj}, {"status", "joined"}});
  } else {
    publish(*room, a.room_id, Audience{Audience::To::hosts, "", m.id},
            json::object{{"type", "lobby.waiting"}, {"participant", pj}});
  }
}

void RoomHub::handle(Attachment& a, Room& room, const std::string& type, const json::object& msg) {
  Member& me = room.members.at(a.participant_id);
  const bool host = me.role == RoomRole::host;
  const bool admitted = me.state == LobbyState::admitted;
  const core::Instant now = now_();
  const std::string& room_id = a.room_id;
  auto everyone_but_me = Audience{Audience::To::admitted, "", me.id};

  // ---- host-only lobby and room control ----
  if (type == "lobby.admit" || type == "lobby.deny") {
    if (!host) return reply_error(a, "forbidden", "only a host may do this", type);
    return decide_lobby(a, room, me.id, type, msg);
  }
  if (type == "participant.remove") {
    if (!host) return reply_error(a, "forbidden", "only a host may do this", type);
    auto pid = string_field(msg, "participantId");
    if (!pid || pid->size() > kMaxIdLength) return reply_error(a, "invalid", "participantId is required", type);
    const std::string target_id = *pid;
    auto it = room.members.find(target_id);
    if (it == room.members.end() || it->second.role != RoomRole::guest) {
      return reply_error(a, "not-found", "no such guest here", type);
    }
    Member& guest = it->second;
    (void)store_.decide_participant(room_id, target_id, LobbyState::removed, me.id, now);
    publish(room, room_id, Audience{Audience::To::one, target_id, ""},
            json::object{{"type", "participant.removed"}, {"participantId", target_id}, {"by", me.id}},
            close_code::kDenied);
    if (guest.state == LobbyState::admitted) {
      publish(room, room_id, Audience{Audience::To::admitted, "", target_id},
              json::object{{"type", "participant.removed"}, {"participantId", target_id}, {"by", me.id}});
    }
    remove_target(room, target_id);
    room.members.erase(it);
    return;
  }
  if (type == "room.end") {
    if (!host) return reply_error(a, "forbidden", "only a host may end the meeting", type);
    auto ended = store_.end_room(room_id, me.id, now);
    if (!ended) return reply_error(a, "internal", "could not end the meeting", type);
    publish(room, room_id, Audience{Audience::To::everyone, "", ""},
            json::object{{"type", "room.ended"}, {"by", me.id}}, close_code::kEnded);
    {
      std::lock_guard lock(room.delivery_mu);
      room.targets.clear();
      room.watchers.clear();
    }
    room.members.clear();
    drop_room_if_empty(room_id, room);
    return;
  }

  // ---- everything else needs admission ----
  if (!admitted) return reply_error(a, "not-admitted", "wait until a host admits you", type);

  if (type == "chat.send") {
    auto text = string_field(msg, "text");
    if (!text) return reply_error(a, "invalid", "text is required", type);
    auto clean = core::clean_chat_text(*text);
    if (!clean) return reply_error(a, "invalid", clean.error().detail, type);
    std::string client_id;
    if (auto cid = string_field(msg, "clientId"); cid && cid->size() <= kMaxClientIdLength) {
      client_id = *cid;
    }
    auto stored = store_.append_chat(room_id, me.id, me.name, *clean, now);
    if (!stored) return reply_error(a, "internal", "could not store the message", type);
    auto out = message_json(*stored);
    if (!client_id.empty()) out["clientId"] = client_id;
    return publish(room, room_id, Audience{Audience::To::admitted, "", ""}, out);
  }
  if (type == "chat.edit" || type == "chat.delete") {
    auto seq = int_field(msg, "seq");
    if (!seq || *seq <= 0) return reply_error(a, "invalid", "seq is required", type);
    std::optional<std::string> body;
    if (type == "chat.edit") {
      auto text = string_field(msg, "text");
      if (!text) return reply_error(a, "invalid", "text is required", type);
      auto clean = core::clean_chat_text(*text);
      if (!clean) return reply_error(a, "invalid", clean.error().detail, type);
      body = *clean;
    }
    auto changed = store_.change_chat(room_id, *seq, me.id, host, body, now);
    if (!changed) {
      const auto code = changed.error().code;
      return reply_error(a, code == core::ErrorCode::forbidden ? "forbidden" : "not-found", changed.error().detail,
                         type);
    }
    if (body) {
      return publish(room, room_id, Audience{Audience::To::admitted, "", ""},
                     json::object{{"type", "chat.edited"},
                                  {"seq", changed->changed_seq},
                                  {"messageSeq", changed->seq},
                                  {"text", changed->body},
                                  {"at", iso(now)}});
    }
    return publish(room, room_id, Audience{Audience::To::admitted, "", ""},
                   json::object{{"type", "chat.deleted"}, {"seq", changed->changed_seq}, {"messageSeq", changed->seq}});
  }
  if (type == "chat.typing") {
    const bool typing = bool_field(msg, "typing").value_or(true);
    return publish(room, room_id, everyone_but_me,
                   json::object{{"type", "chat.typing"}, {"from", me.id}, {"typing", typing}});
  }
  if (type == "chat.read") {
    auto seq = int_field(msg, "seq");
    if (!seq || *seq < 0) return reply_error(a, "invalid", "seq is required", type);
    (void)store_.mark_read(room_id, me.id, *seq);
    return publish(room, room_id, everyone_but_me, json::object{{"type", "chat.read"}, {"from", me.id}, {"seq", *seq}});
  }
  if (type == "call.media") {
    if (auto audio = bool_field(msg, "audio")) me.audio = *audio;
    if (auto video = bool_field(msg, "video")) me.video = *video;
    return publish(room, room_id, everyone_but_me,
                   json::object{{"type", "call.media"}, {"from", me.id}, {"audio", me.audio}, {"video", me.video}});
  }
  if (type == "signal.offer" || type == "signal.answer" || type == "signal.ice" || type == "call.hangup") {
    auto to_ptr = string_field(msg, "to");
    std::string to = to_ptr ? *to_ptr : "";
    if (type == "call.hangup" && to.empty()) {
      return publish(room, room_id, everyone_but_me, json::object{{"type", "call.hangup"}, {"from", me.id}});
    }
    auto target = room.members.find(to);
    if (to.empty() || to == me.id || target == room.members.end() || target->second.state != LobbyState::admitted ||
        !target->second.peer) {
      return reply_error(a, "not-found", "`to` must name another admitted participant who is online", type);
    }
    json::object out{{"type", type}, {"from", me.id}};
    if (type == "signal.offer" || type == "signal.answer") {
      auto sdp = string_field(msg, "sdp");
      if (!sdp) return reply_error(a, "invalid", "sdp is required", type);
      out["sdp"] = *sdp;
    } else if (type == "signal.ice") {
      auto it = msg.find("candidate");
      if (it == msg.end() || !(it->value().is_object() || it->value().is_null())) {
        return reply_error(a, "invalid", "candidate must be an object or null", type);
      }
      out["candidate"] = it->value();
    }
    return publish(room, room_id, Audience{Audience::To::one, to, ""}, out);
  }
  reply_error(a, "invalid", "unknown message type", type);
}

// ---------------------------------------------------------------------------------------
// The lobby decision, shared by hosts in the room and lobby watchers

void RoomHub::decide_lobby(Attachment& a, Room& room, const std::string& by, const std::string& type,
                           const json::object& msg) {
  const core::Instant now = now_();
  const std::string& room_id = a.room_id;
  auto pid = string_field(msg, "participantId");
  if (!pid || pid->size() > kMaxIdLength) return reply_error(a, "invalid", "participantId is required", type);
  const std::string target_id = *pid;
  auto it = room.members.find(target_id);
  if (it == room.members.end() || it->second.role != RoomRole::guest) {
    return reply_error(a, "not-found", "no such guest here", type);
  }
  Member& guest = it->second;
  if (guest.state != LobbyState::waiting || !guest.peer) {
    return reply_error(a, "not-found", "that guest is not waiting", type);
  }
  if (type == "lobby.deny") {
    (void)store_.decide_participant(room_id, target_id, LobbyState::denied, by, now);
    publish(room, room_id, Audience{Audience::To::hosts, "", ""},
            json::object{{"type", "lobby.decided"}, {"participantId", target_id}, {"outcome", "denied"}, {"by", by}});
    publish(room, room_id, Audience{Audience::To::one, target_id, ""}, json::object{{"type", "lobby.denied"}},
            close_code::kDenied);
    remove_target(room, target_id);
    room.members.erase(it);
    return;
  }
  if (admitted_count(room) >= core::kMaxCallParticipants) {
    return reply_error(a, "room-full", "the call already has the most participants a mesh allows", type);
  }
  (void)store_.decide_participant(room_id, target_id, LobbyState::admitted, by, now);
  guest.state = LobbyState::admitted;
  set_target(room, guest);
  json::array participants;
  for (const auto& [id, other] : room.members) {
    if (other.state == LobbyState::admitted) {
      participants.push_back(participant_json(other.id, other.name, other.role, other.state, other.peer != nullptr,
                                              other.audio, other.video));
    }
  }
  publish(room, room_id, Audience{Audience::To::hosts, "", ""},
          json::object{{"type", "lobby.decided"}, {"participantId", target_id}, {"outcome", "admitted"}, {"by", by}});
  publish(room, room_id, Audience{Audience::To::one, target_id, ""},
          json::object{{"type", "lobby.admitted"},
                       {"participants", std::move(participants)},
                       {"lastSeq", store_.room(room_id).last_seq}});
  publish(room, room_id, Audience{Audience::To::admitted, "", target_id},
          json::object{{"type", "presence"},
                       {"participant", participant_json(guest.id, guest.name, guest.role, guest.state, true,
                                                        guest.audio, guest.video)},
                       {"status", "joined"}});
}

// ---------------------------------------------------------------------------------------
// Lobby watchers: a host's dashboard sees the lobby without being in the call, so it never
// shows in presence and never takes part in who sends the WebRTC offer.

void RoomHub::start_watching(Attachment& a, Room& room, const std::string& room_id, const std::string& host_id,
                             const std::string& name) {
  a.authed = true;
  a.watching = true;
  a.room_id = room_id;
  a.participant_id = host_id;
  a.role = RoomRole::host;
  json::array participants, waiting;
  for (const auto& [id, other] : room.members) {
    auto pj = participant_json(other.id, other.name, other.role, other.state, other.peer != nullptr, other.audio,
                               other.video);
    if (other.state == LobbyState::admitted)
      participants.push_back(pj);
    else if (other.state == LobbyState::waiting && other.peer)
      waiting.push_back(pj);
  }
  json::object you = participant_json(host_id, name, RoomRole::host, LobbyState::waiting, true, false, false);
  you.erase("state");
  // room.mu is held: no lobby event can reach the watcher before its welcome.
  send_to(a.peer, json::object{{"type", "welcome"},
                               {"roomId", room_id},
                               {"watching", true},
                               {"you", std::move(you)},
                               {"participants", std::move(participants)},
                               {"waiting", std::move(waiting)},
                               {"lastSeq", 0},
                               {"resumed", false}});
  std::lock_guard lock(room.delivery_mu);
  room.watchers[a.number] = a.peer;
}

void RoomHub::on_watch_text(Attachment& a, const std::string& type, const json::object& msg) {
  auto room = room_for(a.room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  {
    std::lock_guard delivery(room->delivery_mu);
    if (!room->watchers.contains(a.number)) return;  // the meeting ended meanwhile
  }
  if (type != "lobby.admit" && type != "lobby.deny") {
    return reply_error(a, "forbidden", "a lobby watch connection may only admit or deny", type);
  }
  decide_lobby(a, *room, a.participant_id, type, msg);
}

void RoomHub::stop_watching(Attachment& a) {
  auto room = room_for(a.room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  {
    std::lock_guard delivery(room->delivery_mu);
    room->watchers.erase(a.number);
  }
  drop_room_if_empty(a.room_id, *room);
}

// ---------------------------------------------------------------------------------------
// Leaving, reconnect grace, shutdown

void RoomHub::leave(Room& room, const std::string& room_id, const std::string& participant_id) {
  auto it = room.members.find(participant_id);
  if (it == room.members.end()) return;
  Member m = it->second;
  room.members.erase(it);
  remove_target(room, participant_id);
  if (m.state == LobbyState::admitted) {
    publish(room, room_id, Audience{Audience::To::admitted, "", m.id},
            json::object{{"type", "presence"},
                         {"participant", participant_json(m.id, m.name, m.role, m.state, false, m.audio, m.video)},
                         {"status", "left"}});
  } else {
    publish(room, room_id, Audience{Audience::To::hosts, "", m.id},
            json::object{{"type", "lobby.left"}, {"participantId", m.id}});
  }
  drop_room_if_empty(room_id, room);
}

void RoomHub::on_closed(Attachment& a, bool clean) {
  if (!a.authed) return;
  if (a.watching) return stop_watching(a);
  auto room = room_for(a.room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  auto it = room->members.find(a.participant_id);
  if (it == room->members.end() || it->second.number != a.number) return;  // replaced, removed or ended
  Member& m = it->second;
  // A waiting guest simply leaves the lobby; it queues again when it comes back.
  if (clean || m.state != LobbyState::admitted) return leave(*room, a.room_id, a.participant_id);
  m.peer = nullptr;
  remove_target(*room, m.id, a.peer);
  publish(*room, a.room_id, Audience{Audience::To::admitted, "", m.id},
          json::object{{"type", "presence"},
                       {"participant", participant_json(m.id, m.name, m.role, m.state, false, m.audio, m.video)},
                       {"status", "reconnecting"}});
  timers_.after(
      std::chrono::duration_cast<std::chrono::milliseconds>(settings_.grace),
      [this, room_id = a.room_id, pid = a.participant_id, number = a.number] { grace_expired(room_id, pid, number); });
}

void RoomHub::grace_expired(const std::string& room_id, const std::string& participant_id, std::uint64_t number) {
  auto room = room_for(room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  auto it = room->members.find(participant_id);
  if (it == room->members.end() || it->second.number != number || it->second.peer) return;  // came back
  leave(*room, room_id, participant_id);
}

void RoomHub::shutdown() {
  std::vector<std::shared_ptr<Room>> rooms;
  {
    std::lock_guard lock(rooms_mu_);
    for (auto& [id, r] : rooms_) rooms.push_back(r);
  }
  for (auto& room : rooms) {
    std::lock_guard lock(room->delivery_mu);
    for (auto& [id, t] : room->targets) t.peer->close(close_code::kGoingAway, "server shutting down");
    for (auto& [number, peer] : room->watchers) peer->close(close_code::kGoingAway, "server shutting down");
  }
}

}  // namespace visitd::live
