#include "live/room_bus.hpp"

namespace visitd::live {

void InProcessBus::publish(const RoomEvent& event) {
  std::vector<Handler> handlers;
  {
    std::lock_guard lock(mu_);
    handlers = handlers_;
  }
  for (const auto& h : handlers) h(event);
}

void InProcessBus::subscribe(Handler handler) {
  std::lock_guard lock(mu_);
  handlers_.push_back(std::move(handler));
}

}  // namespace visitd::live
