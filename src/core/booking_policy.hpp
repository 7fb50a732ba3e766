#pragma once
// Rules about a booking's life: state transitions, consumer cutoffs, round-robin choice.
#include <map>

#include "core/model.hpp"

namespace visitd::core {

enum class Actor { consumer, staff };

// confirmed -> cancelled | completed | no_show; nothing leaves a final state.
// completed and no_show only once the appointment has started.
Status check_transition(const Booking& b, BookingStatus to, Instant now);

// The part of check_transition that depends only on the stored status: what a store
// re-checks inside its write transaction (two racing cancels cannot both succeed).
// policy error "booking is already <status>" otherwise.
Status check_status_change(BookingStatus from, BookingStatus to);

// Only a confirmed booking can be moved (re-checked by the store under its write lock).
// policy error "a <status> booking cannot be rescheduled" otherwise.
Status check_movable(BookingStatus current);

// Consumers must act before start - cutoff; staff may override. Only confirmed bookings
// can be rescheduled or cancelled, and never after they started.
Status check_cancel(const Booking& b, const BookingRules& rules, Actor actor, Instant now);
Status check_reschedule(const Booking& b, const BookingRules& rules, Actor actor, Instant now);
// The last instant before which a consumer may still act: start - cutoff (a negative
// cutoff counts as 0).
Instant consumer_deadline(const Booking& b, int cutoff_hours);

// The block a booking occupies: time widened by the service's buffers.
Interval padded_block(Interval time, const Service& service);

// The longest block a booking can have: a service's duration and each buffer are at most a
// day (core/validation). Stores read busy bookings by block_start in [from - this, to), a
// range an index answers, instead of every earlier booking of the provider; they refuse a
// longer block.
inline constexpr Seconds kMaxBlockLength{3 * 24 * 3600};

}  // namespace visitd::core
