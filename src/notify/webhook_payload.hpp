#pragma once
// The JSON bodies of webhooks (docs/webhooks.md): {"type", "timestamp", "data"} as Standard
// Webhooks recommends. Times are RFC 3339 UTC; ids are visitd's. Each builder returns the
// exact text that is signed and sent.
#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "store/outbox.hpp"

namespace visitd::notify {

struct BookingEventFacts {
  std::string_view type;  // booking.created, booking.rescheduled, ...
  const core::Booking& booking;
  std::optional<core::Interval> previous_time;  // a reschedule: where it was
  std::optional<core::Id> previous_provider_id;
  std::string_view actor;  // "consumer", "user:<id>", "token:<id>", "system"
};

// data: the booking (id, businessId, serviceId, providerId, status, start, end, consumer,
// cancelReason), the actor, and for a reschedule "previous" {start, end, providerId}.
std::string booking_event_payload(const BookingEventFacts& facts, core::Instant at);
// message.failed; data: messageId, bookingId, kind, channel, recipient, attempts, error, errorCode.
std::string message_failed_payload(const store::OutboxMessage& m, std::string_view error, core::Instant at);
// room.opened / room.ended; data: roomId, bookingId (the room's booking), by (who opened or ended it).
std::string room_event_payload(std::string_view type, const core::Id& room_id, std::string_view by, core::Instant at);

}  // namespace visitd::notify
