#pragma once
// Rules about a booking's life: state transitions, consumer cutoffs, round-robin choice.
#include <map>

#include "core/model.hpp"

namespace visitd::core {

enum class Actor { consumer, staff };

// confirmed -> cancelled | completed | no_show; nothing leaves a final state.
// completed and no_show only once the appointment has started.
Status check_transition(const Booking& b, BookingStatus to, Instant now);

// Consumers must act before start - cutoff; staff may override. Only confirmed bookings
// can be rescheduled or cancelled, and never after they started.
Status check_cancel(const Booking& b, const BookingRules& rules, Actor actor, Instant now);
Status check_reschedule(const Booking& b, const BookingRules& rules, Actor actor, Instant now);

// "Any provider": order the free candidates by fewest confirmed bookings in the ISO week
// (business zone) containing the slot, then by provider id (stable tie-break).
std::vector<Id> round_robin_order(const std::vector<Id>& free_providers, const std::map<Id, int>& confirmed_this_week);

// The block a booking occupies: time widened by the service's buffers.
Interval padded_block(Interval time, const Service& service);

}  // namespace visitd::core
