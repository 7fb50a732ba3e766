#pragma once
// Free slots as interval-set algebra:
//   availability = each configured range of weekly hours (or of the date's override) of
//                  each provider-local date, as instants, minus time off
//   free         = availability minus busy bookings, each widened so the new slot's own
//                  buffers stay clear of the booking's padded block, minus busy times of the
//                  provider's external calendars, widened the same way
//   slots        = starts on a wall-clock grid of slot_interval anchored at each configured
//                  range's opening, where the slot's duration fits in free time, then
//                  filtered by minimum notice, booking window and the per-day limit.
// Wall clock and DST (docs/architecture.md, "Time"):
//   - a range runs from the first instant at which the provider's wall clock shows its
//     opening to the first instant at which it shows its closing; a reading the clock
//     skips (spring-forward gap) is reached when the gap ends;
//   - grid readings step in wall-clock time (09:00, 09:45, ...) from the opening, or from
//     where time off inside the range ends; a reading is a start at its first occurrence
//     only, and only inside the range (or part); a reading the clock skips is no start;
//   - a slot may run on across the joint into a touching range (the provider works
//     through), but each range keeps its own grid.
#include <map>
#include <vector>

#include "core/interval_set.hpp"
#include "core/model.hpp"

namespace visitd::core {

struct BusyBooking {  // a confirmed booking as the engine sees it
  Id service_id;
  Interval time;
  Interval block;  // time padded with that booking's buffers
  Id booking_id;   // lets a reschedule ignore the booking being moved (exclude_booking)
};

struct ProviderCalendar {
  const Provider* provider = nullptr;  // weekly hours, overrides, time off, zone
  std::vector<BusyBooking> busy;       // confirmed bookings overlapping the query (+ margin)
  // Busy times imported from the provider's external calendars (issue I), any order, may
  // overlap. Like a booking they block slots without moving the grid (time off does).
  std::vector<Interval> external_busy;
};

struct SlotQuery {
  const Service* service = nullptr;
  std::vector<ProviderCalendar> providers;  // one for a named provider, several for "any"
  Interval range;                           // instants to report slots starting in
  Instant now;
  std::optional<Id> exclude_booking;  // a reschedule ignores the booking being moved
};

struct Slot {
  Interval time;
  std::vector<Id> provider_ids;  // sorted; who is free for exactly this slot
  friend bool operator==(const Slot&, const Slot&) = default;
};

// Slots sorted by start; "any provider" merges equal instants into one Slot.
std::vector<Slot> compute_slots(const SlotQuery& query);

// Availability of one provider over `range` before bookings and filters (exposed for tests
// and for the reschedule check).
IntervalSet provider_availability(const Provider& provider, Interval range);

// Is exactly this slot bookable for this provider (same rules as compute_slots)?
// query.range is not consulted: the start itself is the range.
bool is_slot_free(const SlotQuery& query, const Id& provider_id, Instant start);

// Slots nearest to `wanted` (by absolute distance of start), at most `limit`, sorted by start.
std::vector<Slot> nearest_slots(const std::vector<Slot>& slots, Instant wanted, std::size_t limit);

// Group slots by local date in the display zone (display only; never changes instants).
std::map<std::string, std::vector<Slot>> group_by_local_date(const std::vector<Slot>& slots, const Zone& zone);

}  // namespace visitd::core
