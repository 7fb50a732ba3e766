#pragma once
// Port: tells live rooms about a change an external room's owner made through the API, after
// it committed (the people connected must learn it at once, as for a booking's room). The
// composition root connects it to live::LiveService; NoRoomControl until then and in tests.
#include <string>

#include "core/model.hpp"

namespace visitd::service {

class RoomControl {
 public:
  virtual ~RoomControl() = default;
  // The room's window may have moved: re-evaluate it (announce, or close when it moved away).
  virtual void room_changed(const core::Id& room_id) = 0;
  // A participant was removed: drop their connection (close 4003) and tell the others.
  virtual void participant_removed(const core::Id& room_id, const std::string& participant_id,
                                   const std::string& by) = 0;
  // The room was ended: everyone connected gets room.ended and close 4004.
  virtual void room_ended(const core::Id& room_id, const std::string& by) = 0;
};

class NoRoomControl final : public RoomControl {
 public:
  void room_changed(const core::Id&) override {}
  void participant_removed(const core::Id&, const std::string&, const std::string&) override {}
  void room_ended(const core::Id&, const std::string&) override {}
};

}  // namespace visitd::service
