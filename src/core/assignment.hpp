#pragma once
// Which provider gets a booking: the candidate choice the store asks for inside its write
// transaction (after re-reading the facts there), and round-robin fairness for "any
// provider". Pure: the store gathers the facts, this file decides.
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace visitd::core {

// How a provider's recent workload looks to round robin.
struct ProviderLoad {
  // Bookings that took the provider's time (confirmed, completed, no-show; not cancelled)
  // whose start lies in round_robin_window(slot start).
  int bookings = 0;
  // When the latest of those bookings was assigned, in the store's assignment order (any
  // number that grows with each new booking; 0 = none in the window). Only compared.
  std::int64_t last_assigned = 0;
};

// Round robin looks this far either side of the slot's start: long enough that a weekly
// rhythm (one booking every Monday) still alternates, short enough that a provider who
// joins later is not flooded for months to catch up.
inline constexpr Minutes kRoundRobinReach = std::chrono::days{28};
Interval round_robin_window(Instant slot_start);  // [start - reach, start + reach)

// "Any provider": fewest bookings in the window first; on a tie whoever was assigned least
// recently (never assigned counts as least recent); then by provider id, so the order is
// total and stable. Duplicates are dropped. Providers missing from `loads` have no load.
std::vector<Id> round_robin_order(const std::vector<Id>& providers, const std::map<Id, ProviderLoad>& loads);

// What the store re-read about one candidate inside its write transaction.
struct CandidateFacts {
  Id provider_id;
  bool offers_service = false;  // linked to the service, neither deleted
  bool free = false;            // no confirmed booking's block overlaps the new block
  int bookings_that_day = 0;    // confirmed of this service on the provider-local day
  ProviderLoad load;            // read only for round robin
};

enum class CandidateOrder {
  as_given,     // the caller's order (a provider the consumer chose, or staff's pick)
  round_robin,  // reordered by round_robin_order over the facts' loads
};

// The provider that gets the booking: the first candidate (in `order`) that offers the
// service, is free and is under `max_per_day` (0 = unlimited).
// Errors: conflict "no provider offers this service any more" when no candidate offers it;
// conflict "slot is no longer available" when all that offer it are busy or at their limit.
Result<Id> choose_provider(const std::vector<CandidateFacts>& candidates, int max_per_day, CandidateOrder order);

// The per-day limit of a service: false when `max_per_day` (0 = unlimited) is reached.
bool under_day_limit(int bookings_that_day, int max_per_day);

}  // namespace visitd::core
