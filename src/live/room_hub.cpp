#include "live/room_hub.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "live/room_subject.hpp"
#include "live/ws_errors.hpp"

namespace visitd::live {

namespace pr = protocol;
using core::LobbyState;
using core::RoomMember;
using core::RoomRole;

namespace {

constexpr int kMaxReplay = 10000;
constexpr std::size_t kMaxWatchersPerRoom = 8;  // a few dashboard tabs per room, not unbounded
// A close timer that fires early (the wall clock and the timer's steady clock disagree) is
// re-armed; never sooner than this, so a clock that lags cannot spin it.
constexpr auto kMinRearm = std::chrono::milliseconds(250);

// A booking or a room booked elsewhere changed: the room's people may be on other instances,
// and each instance reviews the room for its own (no-op on the in-process bus).
void ask_every_instance_to_review(RoomBus& bus, const std::string& room_id) {
  if (!bus.shared()) return;
  RoomEvent e;
  e.room_id = room_id;
  e.sync.kind = MemberSync::Kind::review;
  bus.publish(e);
}

pr::ParticipantView view(const RoomMember& m) {
  return pr::ParticipantView{m.id, m.name, m.role, m.state, m.online, m.audio, m.video};
}

std::vector<pr::ParticipantView> views(const std::vector<RoomMember>& ms) {
  std::vector<pr::ParticipantView> out;
  out.reserve(ms.size());
  for (const auto& m : ms) out.push_back(view(m));
  return out;
}

pr::ChatMessageOut chat_out(const store::ChatMessage& m) {
  return pr::ChatMessageOut{
      m.seq, m.author_id, m.author_name, m.body, m.created_at, m.edited_at, m.deleted_at.has_value(), ""};
}

core::RoomAction action_of(pr::ClientType t) {
  switch (t) {
    case pr::ClientType::lobby_admit:
      return core::RoomAction::admit;
    case pr::ClientType::lobby_deny:
      return core::RoomAction::deny;
    case pr::ClientType::participant_remove:
      return core::RoomAction::remove;
    case pr::ClientType::room_end:
      return core::RoomAction::end;
    case pr::ClientType::signal_offer:
    case pr::ClientType::signal_answer:
    case pr::ClientType::signal_ice:
    case pr::ClientType::call_hangup:
      return core::RoomAction::signal;
    case pr::ClientType::call_media:
      return core::RoomAction::media;
    default:
      return core::RoomAction::chat;
  }
}

pr::ServerType signal_type(pr::ClientType t) {
  return t == pr::ClientType::signal_offer    ? pr::ServerType::signal_offer
         : t == pr::ClientType::signal_answer ? pr::ServerType::signal_answer
                                              : pr::ServerType::signal_ice;
}

}  // namespace

RoomHub::RoomHub(HubStores store, const RoomTokenSigner& signer, RoomBus& bus, Timers& timers, LiveMetrics& metrics,
                 std::function<core::Instant()> now, HubSettings settings, RoomWork* work)
    : store_(store),
      signer_(signer),
      bus_(bus),
      timers_(timers),
      metrics_(metrics),
      now_(std::move(now)),
      settings_(settings),
      work_(work != nullptr ? *work : inline_work_) {
  if (bus_.shared()) {
    // A participant's connection number must tell connections apart across instances too.
    std::random_device rd;
    next_number_ = ((static_cast<std::uint64_t>(rd()) << 32) | rd()) >> 2;
  }
  bus_.subscribe([this](const RoomEvent& e) { on_bus(e); });
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
  // Members on other instances do not keep the room here: a later arrival reads them again.
  if (has_local(room) || has_watchers(room)) return;
  room.dead = true;
  std::lock_guard lock(rooms_mu_);
  auto it = rooms_.find(room_id);
  if (it != rooms_.end() && it->second.get() == &room) rooms_.erase(it);
  metrics_.rooms_open.store(static_cast<long long>(rooms_.size()));
}

void RoomHub::publish(const std::string& room_id, Audience to, const pr::ServerMessage& msg, int close_code,
                      MemberSync sync) {
  bus_.publish(RoomEvent{room_id, std::move(to), pr::encode(msg), close_code, std::move(sync), false});
}

bool RoomHub::has_local(Room& room) const {
  for (const auto& m : room.state.members())
    if (!room.owners.contains(m.id)) return true;
  return false;
}

std::string RoomHub::owner_of(const Room& room, const std::string& participant_id) const {
  auto it = room.owners.find(participant_id);
  return it == room.owners.end() ? bus_.instance() : it->second;
}

MemberSync RoomHub::member_sync(const Room& room, const RoomMember& m) const {
  return MemberSync{MemberSync::Kind::member, m, owner_of(room, m.id), 0};
}

MemberSync RoomHub::gone_sync(const std::string& participant_id) {
  MemberSync s;
  s.kind = MemberSync::Kind::gone;
  s.member.id = participant_id;
  return s;
}

// ---------------------------------------------------------------------------------------
// Several instances: what the others changed in a room, applied to this instance's copy.

void RoomHub::on_bus(const RoomEvent& e) {
  if (!e.remote) return deliver(e);  // published here, under the room's lock, in order
  // The bus's listener thread must not wait for a room: the room's work applies it, in order.
  work_.post_or_run(e.room_id, [this, e] { on_remote(e); });
}

void RoomHub::on_remote(const RoomEvent& e) {
  auto room = room_for(e.room_id, false);
  if (!room) return;  // nobody of this room here
  if (e.sync.kind == MemberSync::Kind::review) {
    // The booking changed on another instance; its hub told only its own connections.
    if (auto subject = load_room_subject(store_, e.room_id)) review(e.room_id, subject->booking, subject->service);
    return;
  }
  if (e.sync.kind == MemberSync::Kind::none) return deliver(e);
  Lock lock(room->mu);
  if (room->dead) return;
  // A member's new standing applies before its message (an admission, then what the admitted
  // see); a departure after it (the denied guest still gets its denial).
  const bool leaving = e.sync.kind != MemberSync::Kind::member;
  if (leaving && !e.payload.empty()) deliver(e);
  apply_sync(*room, e.room_id, e.sync);
  if (!leaving && !e.payload.empty()) deliver(e);
}

void RoomHub::apply_sync(Room& room, const std::string& room_id, const MemberSync& s) {
  const std::string& id = s.member.id;
  if (s.kind == MemberSync::Kind::cleared) {  // its last message closed our connections
    {
      std::lock_guard lock(room.delivery_mu);
      room.targets.clear();
      room.watchers.clear();
    }
    room.state.clear();
    room.owners.clear();
    room.versions.clear();
    room.close_timer = 0;
    return drop_room_if_empty(room_id, room);
  }
  if (s.version != 0) {
    auto& known = room.versions[id];
    if (s.version <= known) return;  // older than what this instance already knows
    known = s.version;
  }
  const bool ours = !room.owners.contains(id);
  const RoomMember* here = room.state.find(id);
  if (s.kind == MemberSync::Kind::member) {
    if (s.owner == bus_.instance()) {
      // Our member, decided about elsewhere (a host on another instance admitted it).
      if (!here || !ours) return;  // it left or moved meanwhile
      RoomMember m = *here;
      m.state = s.member.state;
      m.audio = s.member.audio;
      m.video = s.member.video;
      room.state.mirror(m);
      return set_target(room, m, nullptr);
    }
    if (here && ours) {
      // Ours until now: the participant connected again through another instance.
      if (auto old = target_peer(room, id)) old->close(close_code::kReplaced, "connected again elsewhere");
      remove_target(room, id);
    }
    room.owners[id] = s.owner;
    room.state.mirror(s.member);
    return;
  }
  if (!here) return;
  if (s.kind == MemberSync::Kind::expired && ours) return;  // alive here, whatever the lease said
  const RoomMember gone = *room.state.forget(id);
  room.owners.erase(id);
  if (ours) remove_target(room, id);  // denied or removed by a host elsewhere: its close came first
  if (s.kind == MemberSync::Kind::expired) {
    // Its instance died without a word: this instance tells its own connections, as every
    // other instance does for its own, so each client hears it once.
    RoomMember offline = gone;
    offline.online = false;
    if (gone.state == LobbyState::admitted) {
      deliver(RoomEvent{room_id,
                        Audience{Audience::To::admitted, "", id},
                        pr::encode(pr::Presence{view(offline), pr::PresenceStatus::left}),
                        0,
                        {},
                        false});
    } else {
      deliver(RoomEvent{room_id, Audience{Audience::To::hosts, "", id}, pr::encode(pr::LobbyLeft{id}), 0, {}, false});
    }
  }
  drop_room_if_empty(room_id, room);
}

void RoomHub::deliver(const RoomEvent& e) {
  if (e.payload.empty()) return;  // membership news only
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
  // Watchers get what hosts get (the lobby) and what everyone gets (the room's end), nothing else.
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

void RoomHub::set_target(Room& room, const RoomMember& m, const std::shared_ptr<Peer>& peer) {
  std::lock_guard lock(room.delivery_mu);
  if (peer) {
    room.targets[m.id] = Target{peer, m.role, m.state == LobbyState::admitted};
  } else if (auto it = room.targets.find(m.id); it != room.targets.end()) {
    it->second.admitted = m.state == LobbyState::admitted;
  }
}

void RoomHub::remove_target(Room& room, const std::string& participant_id, const std::shared_ptr<Peer>& only) {
  std::lock_guard lock(room.delivery_mu);
  auto it = room.targets.find(participant_id);
  if (it != room.targets.end() && (!only || it->second.peer == only)) room.targets.erase(it);
}

std::shared_ptr<Peer> RoomHub::target_peer(Room& room, const std::string& participant_id) {
  std::lock_guard lock(room.delivery_mu);
  auto it = room.targets.find(participant_id);
  return it == room.targets.end() ? nullptr : it->second.peer;
}

void RoomHub::send_to(const std::shared_ptr<Peer>& peer, const pr::ServerMessage& msg) {
  peer->send(std::make_shared<const std::string>(pr::encode(msg)));
  metrics_.messages_relayed.fetch_add(1, std::memory_order_relaxed);
}

void RoomHub::reply_error(Attachment& a, const core::Error& e, std::string_view ref) {
  const WsRefusal r = to_ws(e);
  send_to(a.peer, pr::ErrorOut{r.code, e.detail, std::string(ref)});
  if (r.fatal) a.peer->close(r.close_code, e.detail);
}

void RoomHub::store_failed(Attachment& a, const core::Error& e, std::string_view ref, std::string_view what) {
  spdlog::error("live: room {}: could not {}: {}", a.room_id, what, e.detail);
  reply_error(a, core::Error::make(core::ErrorCode::unavailable, "could not " + std::string(what) + "; try again"),
              ref);
}

void RoomHub::close_room(Room& room, const std::string& room_id, const pr::ServerMessage& last, int close_code) {
  MemberSync cleared;
  cleared.kind = MemberSync::Kind::cleared;
  publish(room_id, Audience{Audience::To::everyone, "", ""}, last, close_code, cleared);
  {
    std::lock_guard lock(room.delivery_mu);
    room.targets.clear();
    room.watchers.clear();
  }
  room.state.clear();
  room.owners.clear();
  room.versions.clear();
  room.close_timer = 0;
  drop_room_if_empty(room_id, room);
}

// ---------------------------------------------------------------------------------------
// Messages

void RoomHub::on_text(Attachment& a, std::string_view text) {
  if (a.queue.empty()) {
    a.queue = room_of_auth(text);
    if (a.queue.empty()) return text_now(a, text);  // refused without touching the store
  }
  auto self = a.shared_from_this();
  if (!work_.post(a.queue, [this, self, text = std::string(text)] { text_now(*self, text); })) {
    const std::string ref = pr::peek_type(text);
    const auto busy = core::Error::typed(core::ErrorCode::unavailable, "server-busy", "the server is busy; try again");
    if (!a.authed) return fail_auth(a, busy, ref);
    reply_error(a, busy, ref);
  }
}

std::string RoomHub::room_of_auth(std::string_view text) const {
  const pr::Inbound in = pr::parse(text);
  if (in.type != pr::ClientType::auth || !in.body) return {};
  const auto& auth = std::get<pr::Auth>(*in.body);
  auto claims = signer_.verify(auth.token, now_());
  return claims ? claims->room_id : std::string();
}

void RoomHub::text_now(Attachment& a, std::string_view text) {
  const pr::Inbound in = pr::parse(text);
  if (!a.authed) {
    if (in.type != pr::ClientType::auth) {
      return fail_auth(a, core::Error::typed(core::ErrorCode::unauthorized, "auth-required", "send auth first"),
                       in.ref);
    }
    if (!in.body) return fail_auth(a, in.body.error(), in.ref);
    return authenticate(a, std::get<pr::Auth>(*in.body));
  }
  if (in.type == pr::ClientType::auth) {
    return reply_error(a, core::Error::make(core::ErrorCode::invalid, "already authenticated"), in.ref);
  }
  if (!in.type) return reply_error(a, in.body.error(), in.ref);
  if (a.watching) return on_watch_text(a, in);
  auto room = room_for(a.room_id, false);
  if (!room) return;
  Lock lock(room->mu);
  if (!room->state.current(a.participant_id, a.number)) return;  // replaced or gone
  handle(a, *room, lock, in);
}

void RoomHub::fail_auth(Attachment& a, const core::Error& e, std::string_view ref) {
  metrics_.auth_failures.fetch_add(1);
  const WsRefusal r = to_ws(e);
  send_to(a.peer, pr::ErrorOut{r.code, e.detail, std::string(ref)});
  a.peer->close(r.close_code, e.detail);
}

void RoomHub::authenticate(Attachment& a, const pr::Auth& auth) {
  constexpr std::string_view kRef = "auth";
  const core::Instant now = now_();
  auto claims = signer_.verify(auth.token, now);
  if (!claims) {
    if (claims.error().code == core::ErrorCode::gone) {
      return fail_auth(a, core::Error::make(core::ErrorCode::gone, "room token expired; join again"), kRef);
    }
    return fail_auth(a, core::Error::make(core::ErrorCode::unauthorized, "room token not recognised"), kRef);
  }
  if (auth.watch && claims->role != RoomRole::host) {
    return fail_auth(a, core::Error::make(core::ErrorCode::forbidden, "only a host may watch the lobby"), kRef);
  }

  // Everything the store knows is read before the room is locked.
  auto subject = load_room_subject(store_, claims->room_id);
  if (!subject) return fail_auth(a, core::Error::make(core::ErrorCode::unauthorized, "no such room"), kRef);
  const core::Booking* booking = &subject->booking;
  const core::Service& service = subject->service;  // a booking's: defaults when archived since
  const auto record = store_.rooms.room(claims->room_id);
  const auto decision = store_.rooms.room_decision(claims->room_id, claims->participant_id);
  const core::Interval window = core::room_window(*booking, service);
  core::RoomFacts facts{booking->status, window, record.ended_at.has_value(),
                        decision ? std::optional(decision->state) : std::nullopt};
  if (auto refusal = core::check_join(facts, now)) return fail_auth(a, join_refusal_error(*refusal), kRef);
  auto who = participant_name(store_, *subject, claims->participant_id, claims->role);
  if (!who) return fail_auth(a, core::Error::make(core::ErrorCode::unauthorized, "room token not recognised"), kRef);
  const std::string name = *who;
  const LobbyState start = core::initial_lobby_state(
      claims->role, decision ? std::optional(decision->state) : std::nullopt, service.room_auto_admit);
  if (!auth.watch && start == LobbyState::admitted && claims->role == RoomRole::guest && !decision) {
    // The service admits automatically: recorded so a reconnect finds the guest admitted.
    if (auto recorded =
            store_.rooms.decide_participant(claims->room_id, claims->participant_id, LobbyState::admitted, "auto", now);
        !recorded) {
      spdlog::error("live: room {}: could not record an automatic admission: {}", claims->room_id,
                    recorded.error().detail);
      return fail_auth(a, core::Error::make(core::ErrorCode::unavailable, "could not join the room; try again"), kRef);
    }
  }

  // Several instances: the members others hold, read once the room exists here (so no change
  // published meanwhile is missed; the versions sort out which word is newer).
  std::optional<std::vector<SharedMember>> elsewhere = std::vector<SharedMember>{};
  if (bus_.shared()) {
    auto early = room_for(claims->room_id, true);
    elsewhere = bus_.members(claims->room_id);
  }
  std::shared_ptr<Room> room;
  Lock lock;
  for (;;) {  // a room emptied and dropped meanwhile is replaced by a fresh one
    room = room_for(claims->room_id, true);
    lock = Lock(room->mu);
    if (!room->dead) break;
    lock.unlock();
  }
  if (!elsewhere) {
    drop_room_if_empty(claims->room_id, *room);
    lock.unlock();
    return fail_auth(a, core::Error::make(core::ErrorCode::unavailable, "could not join the room; try again"), kRef);
  }
  for (const auto& sm : *elsewhere) {
    if (sm.owner != bus_.instance())
      apply_sync(*room, claims->room_id, MemberSync{MemberSync::Kind::member, sm.member, sm.owner, sm.version});
  }
  room->last_seq = std::max(room->last_seq, record.last_seq);
  learn_window(*room, claims->room_id, *booking, window, now);
  if (auth.watch) {
    bool full = false;
    {
      std::lock_guard delivery(room->delivery_mu);
      full = room->watchers.size() >= kMaxWatchersPerRoom;
    }
    if (full) {
      drop_room_if_empty(claims->room_id, *room);
      lock.unlock();
      return fail_auth(
          a, core::Error::typed(core::ErrorCode::conflict, "watchers-full", "too many lobby watchers for this room"),
          kRef);
    }
    return start_watching(a, *room, claims->room_id, claims->participant_id, name);
  }

  auto arrival = room->state.arrive(claims->participant_id, name, claims->role, start, a.number);
  if (!arrival) {
    drop_room_if_empty(claims->room_id, *room);
    lock.unlock();
    return fail_auth(a, arrival.error(), kRef);
  }
  if (arrival->replaced) {
    if (auto old = target_peer(*room, claims->participant_id)) {
      old->close(close_code::kReplaced, "connected again elsewhere");
    }
  }
  room->owners.erase(claims->participant_id);  // its connection is here now
  const RoomMember& m = arrival->member;
  a.authed = true;
  a.room_id = claims->room_id;
  a.participant_id = m.id;
  a.role = m.role;

  // The welcome (and any replay) goes straight to the new connection before it is a delivery
  // target; room.mu is held, so no room event can slip in between.
  const bool admitted = m.state == LobbyState::admitted;
  pr::Welcome welcome;
  welcome.room_id = a.room_id;
  welcome.you = view(m);
  welcome.participants = views(room->state.admitted());
  if (m.role == RoomRole::host) welcome.waiting = views(room->state.waiting_online());
  welcome.last_seq = admitted ? room->last_seq : 0;
  welcome.resumed = arrival->resumed;
  welcome.window = room->window;
  send_to(a.peer, welcome);
  if (admitted && auth.last_seq && *auth.last_seq < room->last_seq) {
    // A read, not a write: it must see exactly what was published before this connection
    // becomes a target, so it stays under room.mu.
    for (const auto& cm : store_.rooms.chat_since(a.room_id, *auth.last_seq, kMaxReplay)) {
      if (cm.seq > *auth.last_seq) {
        send_to(a.peer, chat_out(cm));
      } else if (cm.deleted_at) {
        send_to(a.peer, pr::ChatDeleted{cm.changed_seq, cm.seq});
      } else {
        send_to(a.peer, pr::ChatEdited{cm.changed_seq, cm.seq, cm.body, cm.edited_at.value_or(cm.created_at)});
      }
    }
  }
  set_target(*room, m, a.peer);

  if (admitted) {
    publish(a.room_id, Audience{Audience::To::admitted, "", m.id}, pr::Presence{view(m), pr::PresenceStatus::joined}, 0,
            member_sync(*room, m));
  } else {
    publish(a.room_id, Audience{Audience::To::hosts, "", m.id}, pr::LobbyWaiting{view(m)}, 0, member_sync(*room, m));
  }
}

void RoomHub::handle(Attachment& a, Room& room, Lock& lock, const pr::Inbound& in) {
  const RoomMember me = *room.state.current(a.participant_id, a.number);
  const std::string& room_id = a.room_id;
  const pr::ClientType type = *in.type;
  if (auto allowed = core::RoomState::may(me, action_of(type)); !allowed) {
    return reply_error(a, allowed.error(), in.ref);
  }
  if (!in.body) return reply_error(a, in.body.error(), in.ref);
  const pr::ClientBody& body = *in.body;
  const Audience others{Audience::To::admitted, "", me.id};

  switch (type) {
    case pr::ClientType::lobby_admit:
    case pr::ClientType::lobby_deny:
      return decide_lobby(a, room, lock, me.id, type == pr::ClientType::lobby_admit,
                          std::get<pr::LobbyDecision>(body).participant_id, in.ref);
    case pr::ClientType::participant_remove:
      return remove_guest(a, room, lock, me.id, std::get<pr::RemoveParticipant>(body).participant_id);
    case pr::ClientType::room_end:
      return end_meeting(a, room, lock, me.id);
    case pr::ClientType::chat_send:
    case pr::ClientType::chat_edit:
    case pr::ClientType::chat_delete:
      return chat_change(a, room, lock, me, in);
    case pr::ClientType::chat_typing:
      return publish(room_id, others, pr::TypingOut{me.id, std::get<pr::TypingIn>(body).typing});
    case pr::ClientType::chat_read:
      return mark_read(a, room, lock, me, std::get<pr::ReadIn>(body).seq);
    case pr::ClientType::call_media: {
      const auto& media = std::get<pr::MediaIn>(body);
      const RoomMember now = room.state.set_media(me.id, media.audio, media.video);
      return publish(room_id, others, pr::MediaOut{me.id, now.audio, now.video}, 0, member_sync(room, now));
    }
    case pr::ClientType::call_hangup: {
      const auto& hangup = std::get<pr::HangupIn>(body);
      if (hangup.to.empty()) return publish(room_id, others, pr::HangupOut{me.id});
      if (auto ok = room.state.check_signal(me.id, hangup.to); !ok) return reply_error(a, ok.error(), in.ref);
      return publish(room_id, Audience{Audience::To::one, hangup.to, ""}, pr::HangupOut{me.id});
    }
    case pr::ClientType::signal_offer:
    case pr::ClientType::signal_answer:
    case pr::ClientType::signal_ice: {
      const auto& signal = std::get<pr::SignalIn>(body);
      if (auto ok = room.state.check_signal(me.id, signal.to); !ok) return reply_error(a, ok.error(), in.ref);
      return publish(room_id, Audience{Audience::To::one, signal.to, ""},
                     pr::SignalOut{signal_type(type), me.id, signal.sdp, signal.candidate_json});
    }
    case pr::ClientType::auth:
      break;
  }
}

// ---------------------------------------------------------------------------------------
// Changes that are stored: checked under room.mu, written without it, applied under it.

void RoomHub::decide_lobby(Attachment& a, Room& room, Lock& lock, const std::string& by, bool admit,
                           const std::string& guest, std::string_view ref) {
  const std::string room_id = a.room_id;
  if (auto ok = admit ? room.state.check_admit(guest) : room.state.check_deny(guest); !ok) {
    return reply_error(a, ok.error(), ref);
  }
  lock.unlock();
  auto stored =
      store_.rooms.decide_participant(room_id, guest, admit ? LobbyState::admitted : LobbyState::denied, by, now_());
  lock.lock();
  if (!stored) return store_failed(a, stored.error(), ref, admit ? "record the admission" : "record the denial");
  if (room.dead) return;
  if (!admit) {
    auto denied = room.state.deny(guest);
    if (!denied) return reply_error(a, denied.error(), ref);
    publish(room_id, Audience{Audience::To::hosts, "", ""}, pr::LobbyDecided{guest, false, by});
    publish(room_id, Audience{Audience::To::one, guest, ""}, pr::LobbyDenied{}, close_code::kDenied, gone_sync(guest));
    room.owners.erase(guest);
    remove_target(room, guest);
    drop_room_if_empty(room_id, room);
    return;
  }
  auto admitted = room.state.admit(guest);
  if (!admitted) return reply_error(a, admitted.error(), ref);
  set_target(room, *admitted, nullptr);
  publish(room_id, Audience{Audience::To::hosts, "", ""}, pr::LobbyDecided{guest, true, by}, 0,
          member_sync(room, *admitted));
  publish(room_id, Audience{Audience::To::one, guest, ""},
          pr::LobbyAdmitted{views(room.state.admitted()), room.last_seq});
  publish(room_id, Audience{Audience::To::admitted, "", guest},
          pr::Presence{view(*admitted), pr::PresenceStatus::joined});
}

void RoomHub::remove_guest(Attachment& a, Room& room, Lock& lock, const std::string& by, const std::string& guest) {
  constexpr std::string_view kRef = "participant.remove";
  const std::string room_id = a.room_id;
  if (auto ok = room.state.check_remove(guest); !ok) return reply_error(a, ok.error(), kRef);
  lock.unlock();
  auto stored = store_.rooms.decide_participant(room_id, guest, LobbyState::removed, by, now_());
  lock.lock();
  if (!stored) return store_failed(a, stored.error(), kRef, "record the removal");
  if (room.dead) return;
  auto removed = room.state.remove(guest);
  if (!removed) return reply_error(a, removed.error(), kRef);
  publish(room_id, Audience{Audience::To::one, guest, ""}, pr::ParticipantRemoved{guest, by}, close_code::kDenied,
          gone_sync(guest));
  if (removed->state == LobbyState::admitted) {
    publish(room_id, Audience{Audience::To::admitted, "", guest}, pr::ParticipantRemoved{guest, by});
  }
  room.owners.erase(guest);
  remove_target(room, guest);
  drop_room_if_empty(room_id, room);
}

void RoomHub::end_meeting(Attachment& a, Room& room, Lock& lock, const std::string& by) {
  const std::string room_id = a.room_id;
  lock.unlock();
  auto ended = store_.rooms.end_room(room_id, by, now_());
  lock.lock();
  if (!ended) return store_failed(a, ended.error(), "room.end", "end the meeting");
  if (room.dead) return;
  close_room(room, room_id, pr::RoomEnded{pr::RoomEnded::Reason::host, by}, close_code::kEnded);
}

void RoomHub::chat_change(Attachment& a, Room& room, Lock& lock, const RoomMember& me, const pr::Inbound& in) {
  const std::string room_id = a.room_id;
  const pr::ClientType type = *in.type;
  std::optional<std::string> text;  // the cleaned body of a send or an edit
  if (const auto* send = std::get_if<pr::ChatSend>(&*in.body)) text = send->text;
  if (const auto* edit = std::get_if<pr::ChatEdit>(&*in.body)) text = edit->text;
  if (text) {
    auto clean = core::clean_chat_text(*text);
    if (!clean) return reply_error(a, clean.error(), in.ref);
    text = *clean;
  }
  lock.unlock();
  std::unique_lock chat_order(room.chat_order);
  const core::Instant now = now_();
  std::optional<pr::ServerMessage> out;
  std::optional<core::Error> failed;
  std::optional<core::Error> refused;
  std::int64_t seq = 0;
  if (type == pr::ClientType::chat_send) {
    auto stored = store_.rooms.append_chat(room_id, me.id, me.name, *text, now);
    if (stored) {
      auto msg = chat_out(*stored);
      msg.client_id = std::get<pr::ChatSend>(*in.body).client_id;
      seq = stored->seq;
      out = msg;
    } else {
      failed = stored.error();
    }
  } else {
    const std::int64_t message_seq = type == pr::ClientType::chat_edit ? std::get<pr::ChatEdit>(*in.body).seq
                                                                       : std::get<pr::ChatDelete>(*in.body).seq;
    auto changed = store_.rooms.change_chat(room_id, message_seq, me.id, me.role == RoomRole::host,
                                            type == pr::ClientType::chat_edit ? text : std::nullopt, now);
    if (changed) {
      seq = changed->changed_seq;
      if (type == pr::ClientType::chat_edit) {
        out = pr::ChatEdited{changed->changed_seq, changed->seq, changed->body, now};
      } else {
        out = pr::ChatDeleted{changed->changed_seq, changed->seq};
      }
    } else if (changed.error().code == core::ErrorCode::internal ||
               changed.error().code == core::ErrorCode::unavailable) {
      failed = changed.error();
    } else {
      refused = changed.error();  // not yours, no such message, already deleted
    }
  }
  lock.lock();
  if (failed)
    return store_failed(a, *failed, in.ref,
                        type == pr::ClientType::chat_send ? "store the message" : "change the message");
  if (refused) {
    if (refused->code == core::ErrorCode::gone) refused->code = core::ErrorCode::not_found;
    return reply_error(a, *refused, in.ref);
  }
  if (room.dead) return;
  room.last_seq = std::max(room.last_seq, seq);
  publish(room_id, Audience{Audience::To::admitted, "", ""}, *out);
}

void RoomHub::mark_read(Attachment& a, Room& room, Lock& lock, const RoomMember& me, std::int64_t seq) {
  const std::string room_id = a.room_id;
  lock.unlock();
  auto stored = store_.rooms.mark_read(room_id, me.id, seq);
  lock.lock();
  if (!stored) return store_failed(a, stored.error(), "chat.read", "record the read receipt");
  if (room.dead) return;
  publish(room_id, Audience{Audience::To::admitted, "", me.id}, pr::ReadOut{me.id, seq});
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
  pr::Welcome welcome;
  welcome.room_id = room_id;
  welcome.watching = true;
  welcome.you = pr::ParticipantView{host_id, name, RoomRole::host, std::nullopt, true, false, false};
  welcome.participants = views(room.state.admitted());
  welcome.waiting = views(room.state.waiting_online());
  welcome.window = room.window;
  // room.mu is held: no lobby event can reach the watcher before its welcome.
  send_to(a.peer, welcome);
  std::lock_guard lock(room.delivery_mu);
  room.watchers[a.number] = a.peer;
}

void RoomHub::on_watch_text(Attachment& a, const pr::Inbound& in) {
  auto room = room_for(a.room_id, false);
  if (!room) return;
  Lock lock(room->mu);
  {
    std::lock_guard delivery(room->delivery_mu);
    if (!room->watchers.contains(a.number)) return;  // the meeting ended meanwhile
  }
  if (in.type != pr::ClientType::lobby_admit && in.type != pr::ClientType::lobby_deny) {
    return reply_error(
        a, core::Error::make(core::ErrorCode::forbidden, "a lobby watch connection may only admit or deny"), in.ref);
  }
  if (!in.body) return reply_error(a, in.body.error(), in.ref);
  decide_lobby(a, *room, lock, a.participant_id, in.type == pr::ClientType::lobby_admit,
               std::get<pr::LobbyDecision>(*in.body).participant_id, in.ref);
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

void RoomHub::leave(Room& room, const std::string& room_id, const RoomMember& m) {
  remove_target(room, m.id);
  if (m.state == LobbyState::admitted) {
    RoomMember gone = m;
    gone.online = false;
    publish(room_id, Audience{Audience::To::admitted, "", m.id}, pr::Presence{view(gone), pr::PresenceStatus::left}, 0,
            gone_sync(m.id));
  } else {
    publish(room_id, Audience{Audience::To::hosts, "", m.id}, pr::LobbyLeft{m.id}, 0, gone_sync(m.id));
  }
  drop_room_if_empty(room_id, room);
}

void RoomHub::on_closed(Attachment& a, bool clean) {
  if (a.queue.empty()) {  // never authenticated: nothing of it is in a room
    a.peer.reset();
    return;
  }
  auto self = a.shared_from_this();
  work_.post_or_run(a.queue, [this, self, clean] {
    closed_now(*self, clean);
    self->peer.reset();  // breaks the session <-> attachment cycle
  });
}

void RoomHub::closed_now(Attachment& a, bool clean) {
  if (!a.authed) return;
  if (a.watching) return stop_watching(a);
  auto room = room_for(a.room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  RoomMember m;
  switch (room->state.disconnect(a.participant_id, a.number, clean, &m)) {
    case core::Departure::ignored:  // replaced, removed or ended
      return;
    case core::Departure::left:
      return leave(*room, a.room_id, m);
    case core::Departure::reconnecting:
      break;
  }
  remove_target(*room, m.id, a.peer);
  publish(a.room_id, Audience{Audience::To::admitted, "", m.id},
          pr::Presence{view(m), pr::PresenceStatus::reconnecting}, 0, member_sync(*room, m));
  timers_.after(
      std::chrono::duration_cast<std::chrono::milliseconds>(settings_.grace),
      [this, room_id = a.room_id, pid = a.participant_id, number = a.number] { grace_expired(room_id, pid, number); });
}

void RoomHub::grace_expired(const std::string& room_id, const std::string& participant_id, std::uint64_t number) {
  auto room = room_for(room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  if (auto gone = room->state.grace_over(participant_id, number)) leave(*room, room_id, *gone);
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

// ---------------------------------------------------------------------------------------
// The room's window: whatever ends or moves it reaches the people in the room at once.

void RoomHub::arm_close(Room& room, const std::string& room_id, core::Instant now) {
  const std::uint64_t timer = next_timer_.fetch_add(1);
  room.close_timer = timer;
  auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(room.window.end - now);
  if (delay < std::chrono::milliseconds(0)) delay = std::chrono::milliseconds(0);
  timers_.after(delay, [this, room_id, timer] { close_time(room_id, timer); });
}

void RoomHub::learn_window(Room& room, const std::string& room_id, const core::Booking& b, const core::Interval& window,
                           core::Instant now) {
  const bool known = room.close_timer != 0;
  if (known && room.window == window) return;
  const bool moved = known && !(room.window == window);
  room.appointment = b.time;
  room.window = window;
  if (moved) publish(room_id, Audience{Audience::To::everyone, "", ""}, pr::RoomWindow{b.time, window});
  arm_close(room, room_id, now);
}

void RoomHub::close_time(const std::string& room_id, std::uint64_t timer) {
  auto room = room_for(room_id, false);
  if (!room) return;
  {
    std::lock_guard lock(room->mu);
    if (room->close_timer != timer) return;  // re-armed or closed since
  }
  auto subject = load_room_subject(store_, room_id);
  if (!subject) {
    // Without the booking the window cannot be checked; close as planned rather than run on.
    spdlog::error("live: room {}: could not read its booking at its close time: {}", room_id, subject.error().detail);
    std::lock_guard lock(room->mu);
    if (room->dead || room->close_timer != timer) return;
    return close_room(*room, room_id, pr::RoomClosed{pr::RoomClosed::Reason::over, room->appointment, room->window},
                      close_code::kClosed);
  }
  review(room_id, subject->booking, subject->service);
}

void RoomHub::booking_changed(const core::Booking& booking) {
  ask_every_instance_to_review(bus_, booking.id);
  if (!room_for(booking.id, false)) return;  // nobody here to tell
  const RoomSubject subject = booking_subject(store_, booking);
  review(booking.id, subject.booking, subject.service);
}

void RoomHub::external_room_changed(const std::string& room_id) {
  ask_every_instance_to_review(bus_, room_id);
  if (!room_for(room_id, false)) return;
  auto subject = load_room_subject(store_, room_id);
  if (!subject) {
    spdlog::error("live: room {}: could not read it after a change: {}", room_id, subject.error().detail);
    return;
  }
  review(room_id, subject->booking, subject->service);
}

void RoomHub::participant_removed(const std::string& room_id, const std::string& participant_id,
                                  const std::string& by) {
  auto room = room_for(room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  if (room->dead) return;
  // The removal is stored already (lobby decision "removed"); this carries it out as a
  // host's removal would: the participant is told and closed, the others learn they left.
  auto removed = room->state.remove(participant_id);
  if (!removed) return;  // not here (or already gone)
  publish(room_id, Audience{Audience::To::one, participant_id, ""}, pr::ParticipantRemoved{participant_id, by},
          close_code::kDenied);
  if (removed->state == LobbyState::admitted) {
    publish(room_id, Audience{Audience::To::admitted, "", participant_id}, pr::ParticipantRemoved{participant_id, by});
  }
  remove_target(*room, participant_id);
  drop_room_if_empty(room_id, *room);
}

void RoomHub::room_ended(const std::string& room_id, const std::string& by) {
  auto room = room_for(room_id, false);
  if (!room) return;
  std::lock_guard lock(room->mu);
  if (room->dead) return;
  close_room(*room, room_id, pr::RoomEnded{pr::RoomEnded::Reason::host, by}, close_code::kEnded);
}

void RoomHub::review(const std::string& room_id, const core::Booking& b, const core::Service& service) {
  auto room = room_for(room_id, false);
  if (!room) return;  // nobody here to tell
  const core::Interval window = core::room_window(b, service);
  const core::Instant now = now_();
  std::lock_guard lock(room->mu);
  if (room->dead || room->close_timer == 0) return;
  switch (core::review_room(room->window, b.status, window, now)) {
    case core::RoomReview::stays: {
      // Early (the timer's clock ran ahead of the wall clock): wait for the rest.
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(room->window.end - now);
      const std::uint64_t timer = next_timer_.fetch_add(1);
      room->close_timer = timer;
      timers_.after(std::max(left, kMinRearm), [this, room_id, timer] { close_time(room_id, timer); });
      return;
    }
    case core::RoomReview::moved:
      room->appointment = b.time;
      room->window = window;
      publish(room_id, Audience{Audience::To::everyone, "", ""}, pr::RoomWindow{b.time, window});
      return arm_close(*room, room_id, now);
    case core::RoomReview::closes_moved:
      return close_room(*room, room_id, pr::RoomClosed{pr::RoomClosed::Reason::moved, b.time, window},
                        close_code::kClosed);
    case core::RoomReview::closes_over:
      return close_room(*room, room_id, pr::RoomClosed{pr::RoomClosed::Reason::over, b.time, window},
                        close_code::kClosed);
    case core::RoomReview::ends:
      return close_room(*room, room_id,
                        pr::RoomEnded{b.status == core::BookingStatus::cancelled   ? pr::RoomEnded::Reason::cancelled
                                      : b.status == core::BookingStatus::completed ? pr::RoomEnded::Reason::completed
                                                                                   : pr::RoomEnded::Reason::no_show,
                                      ""},
                        close_code::kEnded);
  }
}

}  // namespace visitd::live
