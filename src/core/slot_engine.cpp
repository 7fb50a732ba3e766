#include "core/slot_engine.hpp"

#include <algorithm>
#include <tuple>

#include "core/interval_set.hpp"

namespace visitd::core {

namespace {

std::int64_t day_number(LocalDate d) { return std::chrono::sys_days{d}.time_since_epoch().count(); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t ceil_div_nonneg(std::int64_t a, std::int64_t b) { return a <= 0 ? 0 : (a + b - 1) / b; }

const std::vector<TimeRange>& ranges_on(const Provider& p, LocalDate day) {
  for (const auto& o : p.overrides)
    if (o.date == day) return o.ranges;
  return p.weekly[static_cast<std::size_t>(iso_weekday(day) - 1)];
}

// Weekly hours (or the date's override) of each local day in [first, last], as the
// instants whose wall time lies in each range, minus time off. Not clipped: a range
// keeps its true start, which anchors the slot grid.
IntervalSet expand_days(const Provider& p, const Zone& zone, LocalDate first, LocalDate last) {
  std::vector<Interval> spans;
  for (LocalDate d = first; std::chrono::sys_days{d} <= std::chrono::sys_days{last}; d = add_days(d, 1)) {
    for (const auto& r : ranges_on(p, d)) {
      MinuteOfDay a = std::clamp(r.start, 0, 1440);
      MinuteOfDay b = std::clamp(r.end, 0, 1440);
      if (a >= b) continue;
      // 1440 resolves to the next local midnight by plain arithmetic on local seconds.
      spans.push_back({zone.resolve(d, a, true), zone.resolve(d, b, false)});
    }
  }
  IntervalSet avail(std::move(spans));
  if (avail.empty() || p.time_off.empty()) return avail;
  Interval window{avail.parts().front().begin, avail.parts().back().end};
  std::vector<Interval> off;
  for (const auto& t : p.time_off)
    if (t.span.overlaps(window)) off.push_back(t.span);
  return avail.subtract(IntervalSet(std::move(off)));
}

// Local wall seconds of instants walked in ascending order; one tz lookup per offset period.
class WallClock {
 public:
  explicit WallClock(const Zone& zone) : zone_(zone) {}
  std::int64_t at(Instant t) {
    if (!valid_ || t < period_.span.begin || t >= period_.span.end) {
      period_ = zone_.offset_period(t);
      valid_ = true;
    }
    return (t + period_.offset).time_since_epoch().count();
  }

 private:
  const Zone& zone_;
  Zone::OffsetPeriod period_{};
  bool valid_ = false;
};

// In a fall-back overlap the same wall time occurs twice; only its first occurrence is
// a candidate. Wall times rise with the instant except after a fall back, so a sorted
// list of the rising ones answers "seen before?" by binary search.
class WallDedupe {
 public:
  bool first_time(std::int64_t wall) {
    if (seen_.empty() || wall > seen_.back()) {
      seen_.push_back(wall);
      return true;
    }
    auto it = std::lower_bound(seen_.begin(), seen_.end(), wall);
    if (it != seen_.end() && *it == wall) return false;
    seen_.insert(it, wall);
    return true;
  }

 private:
  std::vector<std::int64_t> seen_;
};

struct Bounds {
  Instant lo;  // earliest allowed start (range, notice)
  Instant hi;  // starts must be before this (range, window)
};

std::vector<Interval> provider_slots(const ProviderCalendar& cal, const Service& service, Bounds bounds,
                                     const std::optional<Id>& exclude) {
  std::vector<Interval> out;
  const Provider& p = *cal.provider;
  auto zone = Zone::find(p.zone);
  if (!zone) return out;

  const Minutes duration{service.duration_minutes};
  const Minutes interval{service.slot_interval_minutes > 0 ? service.slot_interval_minutes : service.duration_minutes};
  const std::int64_t interval_s = std::chrono::duration_cast<Seconds>(interval).count();

  // Candidates are generated from the start of the provider-local day holding the first
  // allowed start, so an ambiguous wall time is recognised as a repeat no matter where
  // the query range begins.
  const LocalDate first_day = zone->local_date(bounds.lo);
  const LocalDate last_day = zone->local_date(bounds.hi - Seconds{1});
  const Instant gen_begin = std::min(zone->day_span(first_day).begin, bounds.lo);
  const std::int64_t first_day_no = day_number(first_day);
  const std::int64_t day_count = day_number(last_day) - first_day_no + 1;

  // One day of margin each side: ranges ending at 24:00 merge with the next day's 00:00
  // start, keeping one grid across midnight.
  IntervalSet avail = expand_days(p, *zone, add_days(first_day, -1), add_days(last_day, 1));
  if (avail.empty()) return out;
  const Interval window{avail.parts().front().begin, avail.parts().back().end};
  // The daily limit counts whole local days, also the parts outside the bounds.
  const Interval days{zone->day_span(first_day).begin, zone->day_span(last_day).end};

  const Minutes before{service.buffer_before_minutes};
  const Minutes after{service.buffer_after_minutes};
  std::vector<Interval> blocked;
  std::vector<int> per_day(service.max_per_day > 0 ? static_cast<std::size_t>(day_count) : 0, 0);
  for (const auto& b : cal.busy) {
    if (exclude && b.booking_id == *exclude) continue;
    // The new slot's padded block [s - before, s + d + after) must miss b.block, i.e.
    // [s, s + d) must miss [block.begin - after, block.end + before).
    Interval padded{b.block.begin - after, b.block.end + before};
    if (padded.overlaps(window)) blocked.push_back(padded);
    if (!per_day.empty() && b.service_id == service.id && b.time.begin >= days.begin && b.time.begin < days.end) {
      std::int64_t idx = day_number(zone->local_date(b.time.begin)) - first_day_no;
      if (idx >= 0 && idx < day_count) ++per_day[static_cast<std::size_t>(idx)];
    }
  }
  IntervalSet free = avail.subtract(IntervalSet(std::move(blocked)));

  WallClock wall(*zone);
  WallDedupe dedupe;
  auto f = free.parts().begin();
  const auto f_end = free.parts().end();
  for (const Interval& part : avail.parts()) {
    if (part.end <= gen_begin) continue;
    if (part.begin >= bounds.hi) break;
    while (f != f_end && f->end <= part.begin) ++f;
    for (; f != f_end && f->begin < part.end; ++f) {
      // First grid point (anchored at the availability part's start) inside this free part.
      Instant from = std::max(f->begin, gen_begin);
      std::int64_t k = ceil_div_nonneg((from - part.begin).count(), interval_s);
      for (Instant s = part.begin + Seconds{k * interval_s}; s + duration <= f->end && s < bounds.hi; s += interval) {
        std::int64_t w = wall.at(s);
        if (!dedupe.first_time(w)) continue;
        if (s < bounds.lo) continue;
        if (!per_day.empty()) {
          std::int64_t idx = floor_div(w, 86400) - first_day_no;
          if (idx >= 0 && idx < day_count && per_day[static_cast<std::size_t>(idx)] >= service.max_per_day) continue;
        }
        out.push_back({s, s + duration});
      }
    }
  }
  return out;
}

std::optional<Bounds> bounds_of(const SlotQuery& q) {
  if (q.service == nullptr || q.service->duration_minutes <= 0) return std::nullopt;
  Bounds b{std::max(q.range.begin, q.now + Minutes{std::max(q.service->min_notice_minutes, 0)}),
           std::min(q.range.end, q.now + std::chrono::days{std::max(q.service->booking_window_days, 0)})};
  if (b.lo >= b.hi) return std::nullopt;
  return b;
}

}  // namespace

std::vector<Slot> compute_slots(const SlotQuery& query) {
  std::vector<Slot> slots;
  auto bounds = bounds_of(query);
  if (!bounds) return slots;

  std::vector<std::pair<Interval, const Id*>> found;
  for (const auto& cal : query.providers) {
    if (cal.provider == nullptr) continue;
    for (const auto& t : provider_slots(cal, *query.service, *bounds, query.exclude_booking))
      found.emplace_back(t, &cal.provider->id);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.begin, a.first.end, *a.second) < std::tie(b.first.begin, b.first.end, *b.second);
  });
  for (const auto& [time, id] : found) {
    if (slots.empty() || !(slots.back().time == time)) slots.push_back({time, {}});
    auto& ids = slots.back().provider_ids;
    if (ids.empty() || ids.back() != *id) ids.push_back(*id);
  }
  return slots;
}

IntervalSet provider_availability(const Provider& provider, Interval range) {
  if (range.empty()) return {};
  auto zone = Zone::find(provider.zone);
  if (!zone) return {};
  return expand_days(provider, *zone, zone->local_date(range.begin), zone->local_date(range.end - Seconds{1}))
      .intersect(range);
}

bool is_slot_free(const SlotQuery& query, const Id& provider_id, Instant start) {
  SlotQuery one;
  one.service = query.service;
  one.range = {start, start + Seconds{1}};
  one.now = query.now;
  one.exclude_booking = query.exclude_booking;
  for (const auto& cal : query.providers)
    if (cal.provider != nullptr && cal.provider->id == provider_id) one.providers.push_back(cal);
  if (one.providers.empty()) return false;
  auto slots = compute_slots(one);
  return std::any_of(slots.begin(), slots.end(), [&](const Slot& s) { return s.time.begin == start; });
}

std::vector<Slot> nearest_slots(const std::vector<Slot>& slots, Instant wanted, std::size_t limit) {
  std::vector<Slot> out(slots);
  auto distance = [wanted](const Slot& s) {
    return s.time.begin < wanted ? wanted - s.time.begin : s.time.begin - wanted;
  };
  if (out.size() > limit) {
    // Ties go to the earlier start.
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(),
                     [&](const Slot& a, const Slot& b) {
                       return std::make_pair(distance(a), a.time.begin) < std::make_pair(distance(b), b.time.begin);
                     });
    out.resize(limit);
  }
  std::sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) { return a.time.begin < b.time.begin; });
  return out;
}

std::map<std::string, std::vector<Slot>> group_by_local_date(const std::vector<Slot>& slots, const Zone& zone) {
  std::map<std::string, std::vector<Slot>> days;
  for (const auto& s : slots) days[format_date(zone.local_date(s.time.begin))].push_back(s);
  return days;
}

}  // namespace visitd::core
