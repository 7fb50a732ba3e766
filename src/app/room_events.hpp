#pragma once
// Connects the use cases' events to live rooms: whatever moves or closes a booking's window
// (reschedule, provider change, cancel, complete, no-show) reaches the people already in its
// room at once (issue J, fault 2), not only when the old close timer fires.
#include <atomic>

#include "live/live_service.hpp"
#include "service/event_sink.hpp"

namespace visitd::app {

class RoomEvents final : public service::EventSink {
 public:
  // The live service is built after the use cases (it needs the signing secret and the bus);
  // until attached, events are dropped (nobody can be in a room before the server serves).
  void attach(live::LiveService* live) { live_.store(live); }
  void publish(const service::Event& e) override {
    if (e.kind != service::EventKind::room_changed) return;
    if (auto* live = live_.load()) live->booking_changed(e.booking);
  }

 private:
  std::atomic<live::LiveService*> live_{nullptr};
};

}  // namespace visitd::app
