#pragma once
// Between the room hub (decisions) and delivery (sockets). The hub publishes every room event
// here and delivers what the bus hands back to its local connections, so a second
// implementation (PostgreSQL LISTEN/NOTIFY, for several visitd instances) changes nothing
// in the hub. Events of one room must be delivered in the order they were published.
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace visitd::live {

struct Audience {
  enum class To { everyone, admitted, hosts, one };
  To to = To::admitted;
  std::string participant;  // for To::one
  std::string except;       // never to this participant (the sender)
};

struct RoomEvent {
  std::string room_id;
  Audience audience;
  std::string payload;  // one JSON message, as sent on the wire
  int close_code = 0;   // non-zero: close the recipients' connections after the payload
};

class RoomBus {
 public:
  using Handler = std::function<void(const RoomEvent&)>;
  virtual ~RoomBus() = default;
  virtual void publish(const RoomEvent& event) = 0;
  // The handler receives every event published by any instance (including this one).
  virtual void subscribe(Handler handler) = 0;
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
