#pragma once
// Connects the external-rooms use case (service::ExternalRooms) to live rooms: a moved window,
// a removed participant or an ended room reaches the people connected at once.
#include <atomic>

#include "live/live_service.hpp"
#include "service/room_control.hpp"

namespace visitd::app {

class LiveRoomControl final : public service::RoomControl {
 public:
  // Attached once the live service exists; until then nobody can be in a room.
  void attach(live::LiveService* live) { live_.store(live); }
  void room_changed(const core::Id& room_id) override {
    if (auto* live = live_.load()) live->external_room_changed(room_id);
  }
  void participant_removed(const core::Id& room_id, const std::string& participant_id, const std::string& by) override {
    if (auto* live = live_.load()) live->participant_removed(room_id, participant_id, by);
  }
  void room_ended(const core::Id& room_id, const std::string& by) override {
    if (auto* live = live_.load()) live->room_ended(room_id, by);
  }

 private:
  std::atomic<live::LiveService*> live_{nullptr};
};

}  // namespace visitd::app
