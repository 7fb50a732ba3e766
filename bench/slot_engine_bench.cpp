// Slot engine cost for the design target: 31 days of slots for one provider holding
// 10,000 bookings. (a) hands the engine every booking of the year, unsorted;
// (b) only those overlapping the query, sorted, as the store delivers them.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>

#include "core/slot_engine.hpp"

namespace {

using namespace visitd::core;

constexpr int kBookings = 10'000;
constexpr int kDays = 365;
constexpr int kQuarterHoursPerDay = (20 - 8) * 4;  // 08:00-20:00

struct Fixture {
  Provider provider;
  Service service;
  std::vector<BusyBooking> all;
  std::vector<BusyBooking> overlapping;
  Interval range;
  Instant now;

  Fixture() {
    Zone london = *Zone::find("Europe/London");
    provider.id = "prv_bench";
    provider.zone = "Europe/London";
    for (auto& d : provider.weekly) d = {{8 * 60, 20 * 60}};

    service.id = "svc_consult";
    service.duration_minutes = 30;
    service.slot_interval_minutes = 15;
    service.booking_window_days = 400;

    // 27 or 28 quarter-hour bookings per day at pseudo-random quarters, a year long,
    // alternating between two services: a busy but not full calendar.
    std::mt19937 rng(42);
    const LocalDate first = *parse_date("2026-01-01");
    int placed = 0;
    for (int d = 0; d < kDays; ++d) {
      int today = kBookings / kDays + (d < kBookings % kDays ? 1 : 0);
      std::vector<int> quarters(kQuarterHoursPerDay);
      for (int q = 0; q < kQuarterHoursPerDay; ++q) quarters[q] = q;
      std::shuffle(quarters.begin(), quarters.end(), rng);
      std::sort(quarters.begin(), quarters.begin() + today);
      for (int i = 0; i < today && placed < kBookings; ++i, ++placed) {
        Instant start = london.resolve(add_days(first, d), 8 * 60 + quarters[i] * 15);
        Interval time{start, start + std::chrono::minutes{15}};
        all.push_back({placed % 2 == 0 ? "svc_consult" : "svc_quick", time, time, "bk_" + std::to_string(placed)});
      }
    }

    // 31 days across London's spring-forward.
    range = {london.day_span(*parse_date("2026-03-15")).begin, london.day_span(*parse_date("2026-04-14")).end};
    now = range.begin - std::chrono::hours{1};
    for (const auto& b : all)
      if (b.block.overlaps(range)) overlapping.push_back(b);
    std::shuffle(all.begin(), all.end(), rng);
  }

  SlotQuery query(const std::vector<BusyBooking>& busy) const {
    SlotQuery q;
    q.service = &service;
    q.providers.push_back({&provider, busy});
    q.range = range;
    q.now = now;
    return q;
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void run(benchmark::State& state, const std::vector<BusyBooking>& busy) {
  const Fixture& f = fixture();
  SlotQuery q = f.query(busy);  // built once: the copy of the busy list is not what we measure
  std::size_t slots = 0;
  for (auto _ : state) {
    auto s = compute_slots(q);
    slots = s.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.counters["slots"] = static_cast<double>(slots);
  state.counters["busy"] = static_cast<double>(busy.size());
}

void bm_slots_31_days_all_bookings_passed(benchmark::State& state) { run(state, fixture().all); }
void bm_slots_31_days_overlapping_bookings_only(benchmark::State& state) { run(state, fixture().overlapping); }

BENCHMARK(bm_slots_31_days_all_bookings_passed)->Unit(benchmark::kMicrosecond);
BENCHMARK(bm_slots_31_days_overlapping_bookings_only)->Unit(benchmark::kMicrosecond);

}  // namespace
