#include "app/demo_large.hpp"

#include <set>
#include <utility>

#include "core/booking_policy.hpp"

namespace visitd::app {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

const store::Actor kSystem{"system"};
constexpr int kQuartersPerDay = 48;  // 08:00-20:00 in quarter-hours
constexpr int kDaysOfHistory = 730;  // a year behind and a year ahead of now

core::WeeklyHours every_day_eight_to_eight() {
  core::WeeklyHours w;
  for (auto& day : w) day = {core::TimeRange{8 * 60, 20 * 60}};
  return w;
}

core::Instant utc_midnight(core::Instant t) { return core::Instant(std::chrono::floor<days>(t.time_since_epoch())); }

}  // namespace

core::Result<LargeDemo> seed_large_demo(store::Store& store, core::Instant now, int providers, int history) {
  LargeDemo result;
  if (auto existing = store.business_by_slug("large")) {
    result.business_id = existing->id;
    return result;
  }
  core::Business biz;
  biz.slug = "large";
  biz.name = "Large Clinic (benchmark data)";
  biz.zone = "UTC";
  auto created = store.create_business(biz, kSystem);
  if (!created) return created.error();
  result.created = true;
  result.business_id = created->id;

  const core::WeeklyHours weekly = every_day_eight_to_eight();
  for (int i = 0; i < providers; ++i) {
    core::Provider p;
    p.business_id = created->id;
    p.name = i == 0 ? std::string("History") : "Provider " + std::to_string(i);
    p.zone = "UTC";
    p.weekly = weekly;
    auto made = store.create_provider(p, kSystem);
    if (!made) return made.error();
    result.provider_ids.push_back(made->id);
  }

  core::Service s;
  s.business_id = created->id;
  s.name = "Consultation";
  s.duration_minutes = 15;
  s.slot_interval_minutes = 15;
  s.min_notice_minutes = 0;
  s.booking_window_days = 400;
  s.provider_ids = result.provider_ids;
  auto service = store.create_service(s, kSystem);
  if (!service) return service.error();
  result.service_id = service->id;
  if (result.provider_ids.empty()) return result;

  // Distinct quarter-hours, evenly over the days, pseudo-randomly within each day (a fixed
  // LCG, so every run seeds the same calendar).
  const core::Instant first_day = utc_midnight(now) - days{kDaysOfHistory / 2};
  const core::Id& history_provider = result.provider_ids.front();
  std::set<std::pair<int, int>> taken;
  std::uint32_t rng = 12345;
  for (int i = 0; i < history; ++i) {
    const int day = static_cast<int>(static_cast<long long>(i) * kDaysOfHistory / history);
    rng = rng * 1664525u + 1013904223u;
    int quarter = static_cast<int>((rng >> 8) % kQuartersPerDay);
    for (int tries = 0; tries < kQuartersPerDay && taken.count({day, quarter}); ++tries)
      quarter = (quarter + 1) % kQuartersPerDay;
    if (!taken.insert({day, quarter}).second) continue;  // the day is full
    const core::Instant start = first_day + days{day} + hours{8} + minutes{15 * quarter};
    store::NewBooking nb;
    nb.booking.business_id = created->id;
    nb.booking.service_id = service->id;
    nb.booking.time = {start, start + minutes{15}};
    nb.booking.block = core::padded_block(nb.booking.time, *service);
    nb.booking.consumer = {"Bench Consumer " + std::to_string(i), "bench" + std::to_string(i) + "@example.test", "",
                           "UTC"};
    nb.candidates.push_back({history_provider, {first_day + days{day}, first_day + days{day + 1}}});
    if (store.create_booking(std::move(nb), store::Actor{"consumer"})) ++result.bookings;
  }
  return result;
}

}  // namespace visitd::app
