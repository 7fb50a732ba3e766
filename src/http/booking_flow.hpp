#pragma once
// The booking use cases shared by the public, manage and staff handlers: gather what the
// slot engine needs from the store, decide, and commit atomically through the store.
// No JSON or HTTP types here beyond the context. book/reschedule/cancel count the booking
// metrics (created, conflict, rescheduled, cancelled) themselves: callers must not.
#include <optional>
#include <vector>

#include "core/booking_policy.hpp"
#include "core/reminder_plan.hpp"
#include "core/slot_engine.hpp"
#include "http/context.hpp"

namespace visitd::http {

// Free slots of a service in [range), for one provider or every assigned provider.
// not_found when providerId is not assigned to the service.
core::Result<std::vector<core::Slot>> find_slots(ApiContext& ctx, const core::Service& service,
                                                 const std::optional<core::Id>& provider_id, core::Interval range,
                                                 const std::optional<core::Id>& exclude_booking = std::nullopt);

struct BookRequest {
  core::Business business;
  core::Service service;
  std::optional<core::Id> provider_id;  // nullopt = any provider (round robin)
  core::Instant start;
  core::Consumer consumer;
  std::vector<core::Answer> answers;
  std::optional<std::string> idempotency_key;
  std::string request_fingerprint;
  bool sms_consent = false;  // explicit; stored with its time
};

// conflict when the slot is not (or no longer) free; Error.detail explains. On conflict
// `nearest` (if given) receives up to 5 nearest free slots.
core::Result<core::Booking> book(ApiContext& ctx, const BookRequest& req, std::vector<core::Slot>* nearest);

// Moves a confirmed booking (same id, history kept). Consumers are held to the cutoff;
// staff may override it. new_provider only for staff.
core::Result<core::Booking> reschedule(ApiContext& ctx, const core::Booking& booking, core::Instant new_start,
                                       const std::optional<core::Id>& new_provider, core::Actor actor,
                                       const store::Actor& by, std::vector<core::Slot>* nearest);

core::Result<core::Booking> cancel(ApiContext& ctx, const core::Booking& booking, const std::string& reason,
                                   core::Actor actor, const store::Actor& by);

// The consumer's capability links for a booking (manage until end + N days, join until end + M minutes).
struct BookingLinks {
  std::string manage_url;
  std::string join_url;
  std::string manage_token;
  std::string join_token;
};
BookingLinks links_for(ApiContext& ctx, const core::Booking& booking);

// The messages a booking change owes under its service's notification policy (core plans;
// the store writes them in the change's own transaction). `time` and `provider_id` are the
// booking's after the change (empty provider = unchanged).
std::vector<core::PlannedMessage> plan_for(ApiContext& ctx, const core::Booking& booking, core::BookingEvent event,
                                           core::Interval time, bool sms_consent, const core::Id& provider_id = {});
// iCalendar SEQUENCE of a booking: raised on every reschedule.
int calendar_sequence(const core::Booking& booking);

}  // namespace visitd::http
