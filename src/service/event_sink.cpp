#include "service/event_sink.hpp"

namespace visitd::service {

const char* to_string(EventKind k) {
  switch (k) {
    case EventKind::booking_created:
      return "booking.created";
    case EventKind::booking_rescheduled:
      return "booking.rescheduled";
    case EventKind::booking_cancelled:
      return "booking.cancelled";
    case EventKind::booking_completed:
      return "booking.completed";
    case EventKind::booking_no_show:
      return "booking.no_show";
    case EventKind::room_changed:
      return "room.changed";
  }
  return "unknown";
}

}  // namespace visitd::service
