#pragma once
// Between the room hub (decisions) and delivery (sockets). The hub publishes every room event
// here and delivers what the bus hands back to its local connections, so a second
// implementation (PostgreSQL LISTEN/NOTIFY, for several visitd instances: live/postgres_room_bus)
// changes nothing in the hub's decisions. Events of one room published by one instance are
// delivered in the order they were published.
//
// With several instances a room's members may sit on different instances: every change of a
// member (arrival, lobby decision, media, departure, the room's end) also travels as a
// MemberSync event, which the other instances apply to their copy of the room, and a shared
// bus keeps the members where a late instance can read them (members()).
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/room_state.hpp"

namespace visitd::live {

struct Audience {
  enum class To { everyone, admitted, hosts, one };
  To to = To::admitted;
  std::string participant;  // for To::one
  std::string except;       // never to this participant (the sender)
};

// A change of one room's membership, for the other instances' copies.
struct MemberSync {
  enum class Kind {
    none,     // the event only delivers its payload
    member,   // `member` is the member as it is now, its connection held by instance `owner`
    gone,     // member `member.id` left (or was denied or removed)
    cleared,  // the room ended or closed: everyone out
    expired,  // member `member.id` left because its instance's lease ran out (no one said goodbye)
    review,   // the room's booking changed (on some instance): read it again and re-check the window
  };
  Kind kind = Kind::none;
  core::RoomMember member;
  std::string owner;
  std::uint64_t version = 0;  // set by a shared bus: later changes of all instances have larger ones
};

struct RoomEvent {
  std::string room_id;
  Audience audience;
  std::string payload;  // one JSON message, as sent on the wire; empty: nothing to deliver
  int close_code = 0;   // non-zero: close the recipients' connections after the payload
  MemberSync sync;
  bool remote = false;  // set by the bus: published by another instance (or by the bus itself)
};

// A member as a shared bus keeps it (members()).
struct SharedMember {
  core::RoomMember member;
  std::string owner;
  std::uint64_t version = 0;
};

class RoomBus {
 public:
  using Handler = std::function<void(const RoomEvent&)>;
  virtual ~RoomBus() = default;
  // Never blocks on the network. Handlers see the event before publish returns when it is
  // delivered in this process (remote = false).
  virtual void publish(const RoomEvent& event) = 0;
  // The handler receives every event published by any instance (including this one, once).
  // Remote events arrive on the bus's own thread: a handler must not block it for long.
  virtual void subscribe(Handler handler) = 0;

  // This instance's name on the bus ("" in one process).
  [[nodiscard]] virtual std::string instance() const { return {}; }
  // True when other instances may share rooms with this one.
  [[nodiscard]] virtual bool shared() const { return false; }
  // The room's members held by other instances, as last published; empty in one process,
  // nullopt when the database could not be read. Blocks on the database: call it from room
  // work, never from a network thread.
  [[nodiscard]] virtual std::optional<std::vector<SharedMember>> members(const std::string& room_id) {
    (void)room_id;
    return std::vector<SharedMember>{};
  }
};

// One process: publish delivers synchronously, on the publisher's thread.
class InProcessBus final : public RoomBus {
 public:
  void publish(const RoomEvent& event) override;
  void subscribe(Handler handler) override;

 private:
  std::mutex mu_;
  std::vector<Handler> handlers_;
};

}  // namespace visitd::live
