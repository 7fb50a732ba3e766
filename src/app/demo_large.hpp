#pragma once
// `visitd demo --size large`: the benchmark data set (bench/run_all.sh), beside Northwind.
//
// Business slug "large" (zone UTC) with one service "Consultation" (15 minutes, no buffers,
// 15-minute grid, no notice, a 400-day booking window) and `providers` providers working
// 08:00-20:00 UTC every day. Provider 0 ("History") holds `history` confirmed bookings at
// pseudo-random distinct quarter-hours spread evenly over the year before and the year after
// `now` (about 14 a day at 10,000); the others hold none, so a load generator can book their
// slots without collisions. Idempotent: nothing changes when "large" exists.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "store/store.hpp"

namespace visitd::app {

struct LargeDemo {
  bool created = false;
  std::string business_id;
  std::string service_id;
  std::vector<std::string> provider_ids;  // [0] holds the history
  int bookings = 0;
};

core::Result<LargeDemo> seed_large_demo(store::Store& store, core::Instant now, int providers = 50,
                                        int history = 10'000);

}  // namespace visitd::app
