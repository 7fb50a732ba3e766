#include "live/live_service.hpp"

namespace visitd::live {

LiveService::LiveService(HubStores store, RoomBus& bus, Timers& timers, RoomWork& work, std::string secret,
                         const core::Clock& clock, LiveSettings settings)
    : settings_(std::move(settings)), work_(work), clock_(clock), signer_(std::move(secret)), now_([&clock] {
        return clock.now();
      }) {
  hub_ = std::make_unique<RoomHub>(store, signer_, bus, timers, metrics_, now_, HubSettings{settings_.grace}, &work);
}

LiveService::~LiveService() = default;

void LiveService::booking_changed(const core::Booking& booking) { hub_->booking_changed(booking); }

void LiveService::external_room_changed(const std::string& room_id) { hub_->external_room_changed(room_id); }

void LiveService::participant_removed(const std::string& room_id, const std::string& participant_id,
                                      const std::string& by) {
  hub_->participant_removed(room_id, participant_id, by);
}

void LiveService::room_ended(const std::string& room_id, const std::string& by) { hub_->room_ended(room_id, by); }

std::uint64_t LiveService::track(std::weak_ptr<Peer> peer) {
  std::lock_guard lock(mu_);
  if (stopping_) {
    if (auto p = peer.lock()) p->close(close_code::kGoingAway, "server shutting down");
  }
  connections_.emplace(next_id_, std::move(peer));
  trim_.opened(connections_.size());
  return next_id_++;
}

void LiveService::untrack(std::uint64_t id) {
  bool trim = false;
  {
    std::lock_guard lock(mu_);
    connections_.erase(id);
    trim = trim_.closed(connections_.size());
  }
  if (trim) return_freed_memory();
}

void LiveService::shutdown() {
  std::vector<std::shared_ptr<Peer>> peers;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    for (auto& [id, weak] : connections_) {
      if (auto p = weak.lock()) peers.push_back(std::move(p));
    }
  }
  for (auto& p : peers) p->close(close_code::kGoingAway, "server shutting down");
  // Queued room jobs send to their connections: they finish while the network still runs.
  work_.finish();
}

}  // namespace visitd::live
