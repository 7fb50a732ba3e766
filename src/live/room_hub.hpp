#pragma once
// The room hub: who is in which room, the lobby, presence and reconnect grace, chat and call
// signaling. It decides and publishes events on the RoomBus; what the bus hands back it
// delivers to its local connections (Peers). No sockets and no Beast here.
//
// Locking: each room has `mu` (its state; held while deciding and publishing, so a room's
// events are published in order) and `delivery_mu` (its local connections; taken by delivery).
// The hub's room map lock is a leaf: nothing else is locked while holding it.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "core/room_policy.hpp"
#include "live/live_metrics.hpp"
#include "live/peer.hpp"
#include "live/room_bus.hpp"
#include "live/room_token.hpp"
#include "live/timers.hpp"
#include "store/store.hpp"

namespace visitd::live {

struct HubSettings {
  std::chrono::seconds grace{30};  // a dropped participant may reconnect this long
};

// A connection's handle into the hub, owned by the connection.
struct Attachment {
  std::shared_ptr<Peer> peer;
  bool authed = false;
  std::string room_id;
  std::string participant_id;
  core::RoomRole role = core::RoomRole::guest;
  std::uint64_t number = 0;  // tells this connection from a newer one of the same participant
  // A host's lobby-only watch connection (auth `"watch": true`): not a member of the room, never
  // in presence or signaling; receives lobby events and may admit/deny.
  bool watching = false;
};

class RoomHub {
 public:
  RoomHub(store::Store& store, const RoomTokenSigner& signer, RoomBus& bus, Timers& timers, LiveMetrics& metrics,
          std::function<core::Instant()> now, HubSettings settings);
  RoomHub(const RoomHub&) = delete;
  RoomHub& operator=(const RoomHub&) = delete;

  std::shared_ptr<Attachment> attach(std::shared_ptr<Peer> peer);
  // One text message from the connection (the first must be `auth`).
  void on_text(Attachment& a, std::string_view text);
  // The connection is gone; `clean` = the client closed it (no reconnect grace).
  void on_closed(Attachment& a, bool clean);
  // Server shutdown: every authenticated connection is closed (1001).
  void shutdown();

 private:
  struct Member {
    std::string id;
    std::string name;
    core::RoomRole role = core::RoomRole::guest;
    core::LobbyState state = core::LobbyState::waiting;
    std::shared_ptr<Peer> peer;  // null while reconnecting
    std::uint64_t number = 0;
    bool audio = true;
    bool video = true;
  };
  struct Target {  // a local connection, for delivery
    std::shared_ptr<Peer> peer;
    core::RoomRole role;
    bool admitted;
  };
  struct Room {
    std::mutex mu;
    std::map<std::string, Member> members;
    bool dead = false;  // removed from the map; get a fresh one
    std::mutex delivery_mu;
    std::map<std::string, Target> targets;
    std::map<std::uint64_t, std::shared_ptr<Peer>> watchers;  // by connection number; under delivery_mu
  };

  void authenticate(Attachment& a, const boost::json::object& msg);
  void handle(Attachment& a, Room& room, const std::string& type, const boost::json::object& msg);
  // lobby.admit / lobby.deny by host `by` (a member or a watcher); room.mu held.
  void decide_lobby(Attachment& a, Room& room, const std::string& by, const std::string& type,
                    const boost::json::object& msg);
  // Watch mode: the room is locked and the token is a host's.
  void start_watching(Attachment& a, Room& room, const std::string& room_id, const std::string& host_id,
                      const std::string& name);
  void on_watch_text(Attachment& a, const std::string& type, const boost::json::object& msg);
  void stop_watching(Attachment& a);
  bool has_watchers(Room& room);  // takes delivery_mu
  void deliver(const RoomEvent& e);

  std::shared_ptr<Room> room_for(const std::string& room_id, bool create);
  void drop_room_if_empty(const std::string& room_id, Room& room);  // room.mu held
  void publish(Room& room, const std::string& room_id, Audience to, const boost::json::object& msg,
               int close_code = 0);              // room.mu held
  void set_target(Room& room, const Member& m);  // room.mu held
  void remove_target(Room& room, const std::string& participant_id, const std::shared_ptr<Peer>& only = nullptr);
  void leave(Room& room, const std::string& room_id, const std::string& participant_id);  // room.mu held
  void grace_expired(const std::string& room_id, const std::string& participant_id, std::uint64_t number);
  int admitted_count(const Room& room) const;

  void send_to(const std::shared_ptr<Peer>& peer, const boost::json::object& msg);
  void reply_error(Attachment& a, std::string_view code, std::string_view message, std::string_view ref);

  store::Store& store_;
  const RoomTokenSigner& signer_;
  RoomBus& bus_;
  Timers& timers_;
  LiveMetrics& metrics_;
  std::function<core::Instant()> now_;
  HubSettings settings_;

  std::mutex rooms_mu_;  // leaf lock
  std::map<std::string, std::shared_ptr<Room>> rooms_;
  std::uint64_t next_number_ = 1;  // under rooms_mu_
};

}  // namespace visitd::live
