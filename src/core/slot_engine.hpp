#pragma once
// Free slots as interval-set algebra:
//   availability = weekly hours expanded per provider-local day through the zone
//                  (date overrides replace a day's ranges) minus time off
//   free         = availability minus busy bookings, each widened so the new slot's own
//                  buffers stay clear of the booking's padded block
//   slots        = free cut by the service duration on a grid of slot_interval anchored
//                  at the start of each availability range, then filtered by minimum
//                  notice, booking window and the per-day limit.
// DST: a nonexistent wall time resolves to the first instant after the gap; in a
// fall-back overlap each wall-clock start is offered once (its first occurrence).
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
