#pragma once
// The live module assembled: room tokens, TURN credentials, the hub and the connection limits.
// Built once by the composition root (app/wiring.cpp), which also builds the RoomBus and the
// Timers it runs on; the HTTP server hands it upgraded WebSocket connections
// (live/websocket.hpp) and the room routes use it to mint tokens and ICE servers.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "live/freed_memory.hpp"
#include "live/live_metrics.hpp"
#include "live/room_bus.hpp"
#include "live/room_hub.hpp"
#include "live/room_token.hpp"
#include "live/room_work.hpp"
#include "live/timers.hpp"
#include "live/turn.hpp"
#include "store/store.hpp"

namespace visitd::live {

struct LiveSettings {
  std::size_t max_message_bytes = 64 << 10;  // larger messages close the connection (1009)
  double rate_per_second = 20;               // messages a client may send, sustained
  double burst = 40;                         // and in a burst
  std::size_t queue_bytes = 1 << 20;         // unsent bytes before a slow client is dropped
  std::chrono::seconds auth_timeout{10};     // the first message (auth) must come by then
  std::chrono::seconds idle_timeout{30};     // pings go out at half of it; silence closes
  std::chrono::seconds token_ttl{900};       // room token lifetime (never past the window)
  std::chrono::seconds grace{30};            // reconnect grace
  TurnSettings turn;
};

class LiveService {
 public:
  // `bus`, `timers`, `work` and `clock` (the one time source) must outlive the service; stop
  // the timers and finish the work (join its pool) before destroying it.
  LiveService(HubStores store, RoomBus& bus, Timers& timers, RoomWork& work, std::string secret,
              const core::Clock& clock, LiveSettings settings);
  ~LiveService();
  LiveService(const LiveService&) = delete;
  LiveService& operator=(const LiveService&) = delete;

  [[nodiscard]] const LiveSettings& settings() const { return settings_; }
  [[nodiscard]] const RoomTokenSigner& signer() const { return signer_; }
  [[nodiscard]] core::Instant now() const { return now_(); }
  [[nodiscard]] const core::Clock& clock() const { return clock_; }
  RoomHub& hub() { return *hub_; }
  LiveMetrics& metrics() { return metrics_; }

  // Every WebSocket connection registers itself, so shutdown can close them all. After many
  // closed (half of a peak of 256 or more), untrack returns the freed memory to the system.
  std::uint64_t track(std::weak_ptr<Peer> peer);
  void untrack(std::uint64_t id);
  // Closes every live connection (1001) and waits for the room work in hand; the server calls
  // it when it starts draining.
  void shutdown();

  // The event entry point for booking changes (reschedule, provider change, cancel,
  // complete, no-show): call it after the change committed, with the booking as it is now.
  // The booking's room, if anyone is connected to it, re-evaluates its window at once
  // (RoomHub::booking_changed). Never blocks on the network; reads the store once.
  void booking_changed(const core::Booking& booking);
  // Rooms booked elsewhere (issue I): see RoomHub's methods of the same names.
  void external_room_changed(const std::string& room_id);
  void participant_removed(const std::string& room_id, const std::string& participant_id, const std::string& by);
  void room_ended(const std::string& room_id, const std::string& by);

 private:
  LiveSettings settings_;
  RoomWork& work_;
  const core::Clock& clock_;
  RoomTokenSigner signer_;
  std::function<core::Instant()> now_;
  LiveMetrics metrics_;
  std::unique_ptr<RoomHub> hub_;
  std::mutex mu_;
  std::map<std::uint64_t, std::weak_ptr<Peer>> connections_;
  std::uint64_t next_id_ = 1;
  TrimPolicy trim_;  // under mu_: when closed connections' memory goes back to the system
  bool stopping_ = false;
};

}  // namespace visitd::live
