#include "core/assignment.hpp"

#include <algorithm>
#include <tuple>

namespace visitd::core {

Interval round_robin_window(Instant slot_start) {
  return {slot_start - kRoundRobinReach, slot_start + kRoundRobinReach};
}

std::vector<Id> round_robin_order(const std::vector<Id>& providers, const std::map<Id, ProviderLoad>& loads) {
  std::vector<std::tuple<int, std::int64_t, Id>> keyed;
  keyed.reserve(providers.size());
  for (const auto& id : providers) {
    auto it = loads.find(id);
    const ProviderLoad load = it == loads.end() ? ProviderLoad{} : it->second;
    keyed.emplace_back(load.bookings, load.last_assigned, id);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<Id> out;
  out.reserve(keyed.size());
  for (auto& k : keyed) {
    if (std::find(out.begin(), out.end(), std::get<2>(k)) == out.end()) out.push_back(std::move(std::get<2>(k)));
  }
  return out;
}

bool under_day_limit(int bookings_that_day, int max_per_day) {
  return max_per_day <= 0 || bookings_that_day < max_per_day;
}

Result<Id> choose_provider(const std::vector<CandidateFacts>& candidates, int max_per_day, CandidateOrder order) {
  std::vector<const CandidateFacts*> ordered;
  if (order == CandidateOrder::round_robin) {
    std::vector<Id> ids;
    std::map<Id, ProviderLoad> loads;
    for (const auto& c : candidates) {
      ids.push_back(c.provider_id);
      loads.emplace(c.provider_id, c.load);
    }
    for (const auto& id : round_robin_order(ids, loads)) {
      auto it = std::find_if(candidates.begin(), candidates.end(), [&](const auto& c) { return c.provider_id == id; });
      ordered.push_back(&*it);
    }
  } else {
    for (const auto& c : candidates) ordered.push_back(&c);
  }

  bool any_offers = false;
  for (const CandidateFacts* c : ordered) {
    if (!c->offers_service) continue;
    any_offers = true;
    if (c->free && under_day_limit(c->bookings_that_day, max_per_day)) return c->provider_id;
  }
  // Removed or unlinked since the slots were shown: to the consumer, the slot is gone.
  if (!any_offers) return Error::make(ErrorCode::conflict, "no provider offers this service any more");
  return Error::make(ErrorCode::conflict, "slot is no longer available");
}

}  // namespace visitd::core
