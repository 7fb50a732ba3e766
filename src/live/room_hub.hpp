#pragma once
// The room hub: carries out what a room's state machine (core::RoomState) decides. It reads
// client messages through the codec (live/protocol), asks the state machine, persists through
// the rooms part of the store, and publishes events on the RoomBus; what the bus hands back it
// delivers to its local connections (Peers). No sockets and no Beast here.
//
// Locking: each room has `mu` (its state; held while deciding and publishing, so a room's
// events are published in order) and `delivery_mu` (its local connections; taken by
// delivery). No store write happens while `mu` is held: a change is checked under `mu`,
// written without it, then applied and published under `mu` again (re-checked, as the room
// may have moved on). Chat writes hold the room's `chat_order` (not `mu`) from the write to
// the publish, because the store numbers a message when it commits: clients see chat seqs in
// order. The hub's room map lock is a leaf.
//
// Store failures reach the client as an `error` message (code `unavailable`, `ref` = the
// message type) and are logged; the room's state is left as it was.
//
// Several instances (a shared RoomBus): each member change is published with a MemberSync;
// another instance's changes arrive on the bus's thread and are applied on the room's work
// (on_remote). A hub meeting a room first reads the members other instances hold. Connection
// numbers start at a random value so they are unique across instances.
//
// Threads: a connection's messages and its departure run on the hub's RoomWork (the live
// worker pool in production), one job at a time per room and in arrival order, so the store
// is never touched on a network thread. Only the room a valid auth token names is read on the
// caller's thread (HMAC, no I/O); a message the workers cannot take is answered `unavailable`
// (type `server-busy`) at once. Timers and booking changes run on their own threads.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/room_policy.hpp"
#include "core/room_state.hpp"
#include "live/live_metrics.hpp"
#include "live/peer.hpp"
#include "live/protocol.hpp"
#include "live/room_bus.hpp"
#include "live/room_token.hpp"
#include "live/room_work.hpp"
#include "live/timers.hpp"
#include "store/store.hpp"

namespace visitd::live {

struct HubSettings {
  std::chrono::seconds grace{30};  // a dropped participant may reconnect this long
};

// A connection's handle into the hub, owned by the connection (and by its queued jobs).
struct Attachment : std::enable_shared_from_this<Attachment> {
  std::shared_ptr<Peer> peer;  // released by the hub once the departure is handled
  std::atomic<bool> authed{false};
  std::string queue;  // the room whose work queue takes this connection's messages (caller's thread only)
  std::string room_id;
  std::string participant_id;
  core::RoomRole role = core::RoomRole::guest;
  std::uint64_t number = 0;  // tells this connection from a newer one of the same participant
  // A host's lobby-only watch connection (auth `"watch": true`): not a member of the room, never
  // in presence or signaling; receives lobby events and may admit/deny.
  bool watching = false;
};

// The store roles the hub reads and writes (never the whole store): the booking a room
// belongs to, its service (the window settings), a staff participant's login, and the
// room's own record, lobby decisions, read receipts and chat.
struct HubStores {
  HubStores(store::Store& s)  // NOLINT(google-explicit-constructor): any Store is every role
      : catalog(s), bookings(s), staff(s), rooms(s), external_rooms(s) {}
  HubStores(store::CatalogStore& c, store::BookingStore& b, store::StaffStore& st, store::RoomStore& r,
            store::ExternalRoomStore& x)
      : catalog(c), bookings(b), staff(st), rooms(r), external_rooms(x) {}
  store::CatalogStore& catalog;
  store::BookingStore& bookings;
  store::StaffStore& staff;
  store::RoomStore& rooms;
  store::ExternalRoomStore& external_rooms;  // rooms booked elsewhere (live/room_subject)
};

class RoomHub {
 public:
  // `work` runs the connections' messages (null: at once on the caller's thread).
  RoomHub(HubStores store, const RoomTokenSigner& signer, RoomBus& bus, Timers& timers, LiveMetrics& metrics,
          std::function<core::Instant()> now, HubSettings settings, RoomWork* work = nullptr);
  RoomHub(const RoomHub&) = delete;
  RoomHub& operator=(const RoomHub&) = delete;

  std::shared_ptr<Attachment> attach(std::shared_ptr<Peer> peer);
  // One text message from the connection (the first must be `auth`). Queued on the room's
  // work; returns at once.
  void on_text(Attachment& a, std::string_view text);
  // The connection is gone; `clean` = the client closed it (no reconnect grace). Handled
  // after its queued messages; then the attachment's peer is released.
  void on_closed(Attachment& a, bool clean);
  // Server shutdown: every authenticated connection is closed (1001).
  void shutdown();

  // The booking (= room) changed: its time, provider or status. Re-evaluates the room's
  // window against `booking` at once and tells the connected participants: a new window
  // that still holds now is announced (`room.window`) and the close re-armed; a window
  // moved away closes the room (`room.closed` reason `moved` with the new times, close
  // 4005); a cancelled, completed or no-show booking ends it (`room.ended`, close 4004).
  // A room nobody is connected to is left alone. Reads the service (store) without a lock.
  void booking_changed(const core::Booking& booking);

  // Rooms booked elsewhere (issue I), after their change committed: the window may have
  // moved (re-read and reviewed like a booking's); a participant was removed (closed 4003,
  // the others told); the room was ended (room.ended by `by`, close 4004). A room nobody is
  // connected to is left alone.
  void external_room_changed(const std::string& room_id);
  void participant_removed(const std::string& room_id, const std::string& participant_id, const std::string& by);
  void room_ended(const std::string& room_id, const std::string& by);

 private:
  struct Target {  // a local connection, for delivery
    std::shared_ptr<Peer> peer;
    core::RoomRole role;
    bool admitted;
  };
  struct Room {
    std::mutex mu;
    core::RoomState state;
    bool dead = false;              // removed from the map; get a fresh one
    core::Interval appointment;     // the booking's time as last seen
    core::Interval window;          // and its room window
    std::uint64_t close_timer = 0;  // the armed close timer; older ones are stale
    std::int64_t last_seq = 0;      // latest chat seq known here
    // Chat writes and their publication, one at a time: the store numbers a message when it
    // commits, so holding this from the write to the publish keeps delivery in seq order.
    // Taken without mu held (then mu inside it), never the other way round; other room traffic
    // does not wait for it.
    std::mutex chat_order;
    std::mutex delivery_mu;
    std::map<std::string, Target> targets;
    std::map<std::uint64_t, std::shared_ptr<Peer>> watchers;  // by connection number; under delivery_mu
    // Several instances: the members whose connection another instance holds (id -> instance),
    // and the latest bus version seen of each member (kept after it left, so an older word
    // about it is not taken). Under mu.
    std::map<std::string, std::string> owners;
    std::map<std::string, std::uint64_t> versions;
  };
  using Lock = std::unique_lock<std::mutex>;

  // The room a valid auth message names, or "" (then the message is refused without I/O).
  std::string room_of_auth(std::string_view text) const;
  void text_now(Attachment& a, std::string_view text);
  void closed_now(Attachment& a, bool clean);
  void authenticate(Attachment& a, const protocol::Auth& auth);
  void fail_auth(Attachment& a, const core::Error& e, std::string_view ref);
  void handle(Attachment& a, Room& room, Lock& lock, const protocol::Inbound& in);
  void decide_lobby(Attachment& a, Room& room, Lock& lock, const std::string& by, bool admit, const std::string& guest,
                    std::string_view ref);
  void remove_guest(Attachment& a, Room& room, Lock& lock, const std::string& by, const std::string& guest);
  void end_meeting(Attachment& a, Room& room, Lock& lock, const std::string& by);
  void chat_change(Attachment& a, Room& room, Lock& lock, const core::RoomMember& me, const protocol::Inbound& in);
  void mark_read(Attachment& a, Room& room, Lock& lock, const core::RoomMember& me, std::int64_t seq);
  void start_watching(Attachment& a, Room& room, const std::string& room_id, const std::string& host_id,
                      const std::string& name);
  void on_watch_text(Attachment& a, const protocol::Inbound& in);
  void stop_watching(Attachment& a);
  bool has_watchers(Room& room);  // takes delivery_mu
  void deliver(const RoomEvent& e);
  // Another instance's events (several instances): applied on the room's work.
  void on_bus(const RoomEvent& e);
  void on_remote(const RoomEvent& e);
  void apply_sync(Room& room, const std::string& room_id, const MemberSync& s);  // room.mu held
  bool has_local(Room& room) const;                                              // room.mu held
  std::string owner_of(const Room& room, const std::string& participant_id) const;
  MemberSync member_sync(const Room& room, const core::RoomMember& m) const;
  static MemberSync gone_sync(const std::string& participant_id);

  std::shared_ptr<Room> room_for(const std::string& room_id, bool create);
  void drop_room_if_empty(const std::string& room_id, Room& room);  // room.mu held
  void publish(const std::string& room_id, Audience to, const protocol::ServerMessage& msg, int close_code = 0,
               MemberSync sync = {});                                                         // room.mu held
  void set_target(Room& room, const core::RoomMember& m, const std::shared_ptr<Peer>& peer);  // room.mu held
  void remove_target(Room& room, const std::string& participant_id, const std::shared_ptr<Peer>& only = nullptr);
  std::shared_ptr<Peer> target_peer(Room& room, const std::string& participant_id);
  void leave(Room& room, const std::string& room_id, const core::RoomMember& m);  // room.mu held
  void grace_expired(const std::string& room_id, const std::string& participant_id, std::uint64_t number);
  // Closes the room for everyone after `last` (room.ended / room.closed); room.mu held.
  void close_room(Room& room, const std::string& room_id, const protocol::ServerMessage& last, int close_code);

  // The room's window: kept up to date and closed on time.
  void arm_close(Room& room, const std::string& room_id, core::Instant now);  // room.mu held
  void close_time(const std::string& room_id, std::uint64_t timer);
  void review(const std::string& room_id, const core::Booking& booking, const core::Service& service);
  // A window learnt from a fresh read of the booking (auth); room.mu held.
  void learn_window(Room& room, const std::string& room_id, const core::Booking& b, const core::Interval& window,
                    core::Instant now);

  void send_to(const std::shared_ptr<Peer>& peer, const protocol::ServerMessage& msg);
  void reply_error(Attachment& a, const core::Error& e, std::string_view ref);
  // A store write failed: logged with what was being done, answered as `unavailable`.
  void store_failed(Attachment& a, const core::Error& e, std::string_view ref, std::string_view what);

  HubStores store_;
  const RoomTokenSigner& signer_;
  RoomBus& bus_;
  Timers& timers_;
  LiveMetrics& metrics_;
  std::function<core::Instant()> now_;
  HubSettings settings_;
  InlineRoomWork inline_work_;
  RoomWork& work_;

  std::mutex rooms_mu_;  // leaf lock
  std::map<std::string, std::shared_ptr<Room>> rooms_;
  std::uint64_t next_number_ = 1;  // under rooms_mu_
  std::atomic<std::uint64_t> next_timer_{1};
};

}  // namespace visitd::live
