// Slot engine cost (issue G): 1 and 31 days; 0, 1,000 and 10,000 bookings; "any provider"
// over 10 and 50 providers; months across a spring-forward and a fall-back change.
//
// Each provider works 08:00-20:00 every day in its zone; its bookings are 15-minute
// appointments at pseudo-random quarter-hours spread over 2026 (two services). The engine
// gets what the store hands it: the bookings overlapping the query, sorted by start, unless
// the case says otherwise. The query is a 30-minute service on a 15-minute grid.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <tuple>

#include "core/slot_engine.hpp"

namespace {

using namespace visitd::core;

constexpr int kYearDays = 365;
constexpr int kQuarterHoursPerDay = (20 - 8) * 4;  // 08:00-20:00

LocalDate date(const char* text) { return *parse_date(text); }

Provider make_provider(std::string id, std::string zone) {
  Provider p;
  p.id = std::move(id);
  p.zone = std::move(zone);
  for (auto& d : p.weekly) d = {{8 * 60, 20 * 60}};
  return p;
}

Service make_service() {
  Service s;
  s.id = "svc_consult";
  s.duration_minutes = 30;
  s.slot_interval_minutes = 15;
  s.booking_window_days = 800;
  return s;
}

// `count` bookings spread evenly over the days of 2026, at distinct random quarter-hours
// of each day's working hours, in time order.
std::vector<BusyBooking> year_of_bookings(const Provider& p, int count, unsigned seed) {
  std::vector<BusyBooking> out;
  if (count == 0) return out;
  const Zone zone = *Zone::find(p.zone);
  std::mt19937 rng(seed);
  const LocalDate first = date("2026-01-01");
  std::vector<int> quarters(kQuarterHoursPerDay);
  for (int d = 0; d < kYearDays; ++d) {
    const int today = count / kYearDays + (d < count % kYearDays ? 1 : 0);
    for (int q = 0; q < kQuarterHoursPerDay; ++q) quarters[q] = q;
    std::shuffle(quarters.begin(), quarters.end(), rng);
    std::sort(quarters.begin(), quarters.begin() + today);
    for (int i = 0; i < today; ++i) {
      const Instant start = zone.resolve(add_days(first, d), 8 * 60 + quarters[i] * 15);
      const Interval time{start, start + std::chrono::minutes{15}};
      const auto n = out.size();
      out.push_back({n % 2 == 0 ? "svc_consult" : "svc_quick", time, time, p.id + "_bk_" + std::to_string(n)});
    }
  }
  return out;
}

std::vector<BusyBooking> overlapping(const std::vector<BusyBooking>& all, Interval range) {
  std::vector<BusyBooking> out;
  for (const auto& b : all)
    if (b.block.overlaps(range)) out.push_back(b);
  return out;
}

// `days` provider-local days from `first` in the zone.
Interval days_from(const char* zone, const char* first, int days) {
  const Zone z = *Zone::find(zone);
  return {z.day_span(date(first)).begin, z.day_span(add_days(date(first), days - 1)).end};
}

// Providers and their bookings live as long as the process: set-up is not measured.
struct Calendar {
  std::vector<std::unique_ptr<Provider>> providers;
  std::vector<std::vector<BusyBooking>> bookings;  // per provider, a whole year
};

const Calendar& calendar(int providers, int bookings_each, const char* zone) {
  static std::map<std::tuple<int, int, std::string>, Calendar> cache;
  auto key = std::make_tuple(providers, bookings_each, std::string(zone));
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  Calendar c;
  for (int i = 0; i < providers; ++i) {
    c.providers.push_back(std::make_unique<Provider>(make_provider("prv_" + std::to_string(i), zone)));
    c.bookings.push_back(year_of_bookings(*c.providers.back(), bookings_each, 42u + static_cast<unsigned>(i)));
  }
  return cache.emplace(key, std::move(c)).first->second;
}

void run(benchmark::State& state, const SlotQuery& q) {
  std::size_t slots = 0;
  std::size_t busy = 0;
  for (const auto& p : q.providers) busy += p.busy.size();
  for (auto _ : state) {
    auto s = compute_slots(q);
    slots = s.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.counters["slots"] = static_cast<double>(slots);
  state.counters["busy"] = static_cast<double>(busy);
}

SlotQuery query_for(const Service& svc, const Calendar& c, Interval range) {
  SlotQuery q;
  q.service = &svc;
  q.range = range;
  q.now = range.begin - std::chrono::hours{1};
  for (std::size_t i = 0; i < c.providers.size(); ++i)
    q.providers.push_back({c.providers[i].get(), overlapping(c.bookings[i], range)});
  return q;
}

// One provider; args: days, bookings in the year.
void bm_one_provider(benchmark::State& state) {
  static const Service svc = make_service();
  const auto& c = calendar(1, static_cast<int>(state.range(1)), "Europe/London");
  run(state, query_for(svc, c, days_from("Europe/London", "2026-06-01", static_cast<int>(state.range(0)))));
}
BENCHMARK(bm_one_provider)
    ->ArgNames({"days", "bookings"})
    ->ArgsProduct({{1, 31}, {0, 1'000, 10'000}})
    ->Unit(benchmark::kMicrosecond);

// "Any provider": args: providers, days; each provider holds 1,000 bookings in the year.
void bm_any_provider(benchmark::State& state) {
  static const Service svc = make_service();
  const auto& c = calendar(static_cast<int>(state.range(0)), 1'000, "Europe/London");
  run(state, query_for(svc, c, days_from("Europe/London", "2026-06-01", static_cast<int>(state.range(1)))));
}
BENCHMARK(bm_any_provider)
    ->ArgNames({"providers", "days"})
    ->ArgsProduct({{10, 50}, {1, 31}})
    ->Unit(benchmark::kMicrosecond);

// 31 days across a clock change, one provider with 10,000 bookings.
void bm_month_across_spring_forward_london(benchmark::State& state) {
  static const Service svc = make_service();
  run(state, query_for(svc, calendar(1, 10'000, "Europe/London"), days_from("Europe/London", "2026-03-15", 31)));
}
void bm_month_across_fall_back_new_york(benchmark::State& state) {
  static const Service svc = make_service();
  run(state, query_for(svc, calendar(1, 10'000, "America/New_York"), days_from("America/New_York", "2026-10-15", 31)));
}
BENCHMARK(bm_month_across_spring_forward_london)->Unit(benchmark::kMicrosecond);
BENCHMARK(bm_month_across_fall_back_new_york)->Unit(benchmark::kMicrosecond);

// The same London month, but handing the engine every booking of the year, unsorted (a
// store without a bounded range query): what the bounded query saves.
void bm_month_all_bookings_unsorted(benchmark::State& state) {
  static const Service svc = make_service();
  const auto& c = calendar(1, 10'000, "Europe/London");
  SlotQuery q = query_for(svc, c, days_from("Europe/London", "2026-03-15", 31));
  q.providers.front().busy = c.bookings.front();
  std::shuffle(q.providers.front().busy.begin(), q.providers.front().busy.end(), std::mt19937(7));
  run(state, q);
}
BENCHMARK(bm_month_all_bookings_unsorted)->Unit(benchmark::kMicrosecond);

}  // namespace
