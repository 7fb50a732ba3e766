#pragma once
// Port: what happened to a booking (or its room) once the change is committed. The seam for
// webhooks, the cross-instance bus and live rooms (a moved or closed window must reach the
// people in the room). Publishing never fails a use case: the rows are already committed.
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace visitd::service {

enum class EventKind {
  booking_created,
  booking_rescheduled,
  booking_cancelled,
  booking_completed,
  booking_no_show,
  room_changed
};
// "booking.created", "booking.rescheduled", "booking.cancelled", "booking.completed",
// "booking.no_show", "room.changed".
const char* to_string(EventKind k);

struct Event {
  EventKind kind = EventKind::booking_created;
  core::Booking booking;  // as committed
  // For a reschedule: where it was before (time and provider).
  std::optional<core::Interval> previous_time;
  std::optional<core::Id> previous_provider_id;
  std::string actor;  // "consumer", "user:<id>", "token:<id>", "system"
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Called after the commit, on the caller's thread; must not block for long.
  virtual void publish(const Event& e) = 0;
};

class NoEvents final : public EventSink {
 public:
  void publish(const Event&) override {}
};

// Keeps every event in order (tests; thread-safe).
class RecordingEventSink final : public EventSink {
 public:
  void publish(const Event& e) override {
    std::lock_guard lock(mu_);
    events_.push_back(e);
  }
  [[nodiscard]] std::vector<Event> events() const {
    std::lock_guard lock(mu_);
    return events_;
  }
  [[nodiscard]] std::vector<EventKind> kinds() const {
    std::lock_guard lock(mu_);
    std::vector<EventKind> out;
    for (const auto& e : events_) out.push_back(e.kind);
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Event> events_;
};

}  // namespace visitd::service
