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

const std::vector<TimeRange>& ranges_on(const Provider& p, LocalDate day) {
  for (const auto& o : p.overrides)
    if (o.date == day) return o.ranges;
  return p.weekly[static_cast<std::size_t>(iso_weekday(day) - 1)];
}

// One configured working range (weekly hours or a date override) of one local date as
// instants: from the first moment the wall clock reaches its opening to the first moment
// it reaches its closing (see WallTimeline::first_reaching). The ranges of successive
// dates never overlap, since first_reaching is monotone.
struct WorkingRange {
  Instant open;
  Instant close;
};

std::vector<WorkingRange> working_ranges(const Provider& p, const WallTimeline& wall, LocalDate first, LocalDate last) {
  std::vector<WorkingRange> out;
  for (LocalDate d = first; std::chrono::sys_days{d} <= std::chrono::sys_days{last}; d = add_days(d, 1)) {
    for (const auto& r : ranges_on(p, d)) {
      MinuteOfDay a = std::clamp(r.start, 0, 1440);
      MinuteOfDay b = std::clamp(r.end, 0, 1440);
      if (a >= b) continue;
      Instant open = wall.first_reaching(wall_seconds(d, a));
      Instant close = wall.first_reaching(wall_seconds(d, b));
      if (open < close) out.push_back({open, close});  // a range inside a gap is empty
    }
  }
  // Validation keeps a day's ranges sorted; stored data from before it may not be.
  std::sort(out.begin(), out.end(), [](const WorkingRange& x, const WorkingRange& y) { return x.open < y.open; });
  return out;
}

// Instants wide enough to hold every local date in [first, last] plus a day each side.
Interval timeline_window(const Zone& zone, LocalDate first, LocalDate last) {
  return {zone.day_span(add_days(first, -1)).begin, zone.day_span(add_days(last, 1)).end};
}

// Working ranges minus time off, as one set of instants.
IntervalSet availability_of(const Provider& p, const std::vector<WorkingRange>& ranges) {
  std::vector<Interval> spans;
  spans.reserve(ranges.size());
  for (const auto& r : ranges) spans.push_back({r.open, r.close});
  IntervalSet avail(std::move(spans));
  if (avail.empty() || p.time_off.empty()) return avail;
  Interval window{avail.parts().front().begin, avail.parts().back().end};
  std::vector<Interval> off;
  for (const auto& t : p.time_off)
    if (t.span.overlaps(window)) off.push_back(t.span);
  return avail.subtract(IntervalSet(std::move(off)));
}

struct Bounds {
  Instant lo;  // earliest allowed start (range, notice)
  Instant hi;  // starts must be before this (range, window)
};

// Slot starts of one provider. The grid is wall-clock: each working range (and each
// part of it that time off cuts out) steps from the wall reading at which it opens in
// whole slot intervals of wall time. A grid reading is a start at its first occurrence
// only, and only when that instant lies inside the part; skipped readings are no starts.
// A slot must fit in free time, which may run on across the joint into a touching range.
std::vector<Interval> provider_slots(const ProviderCalendar& cal, const Service& service, Bounds bounds,
                                     const std::optional<Id>& exclude) {
  std::vector<Interval> out;
  const Provider& p = *cal.provider;
  auto zone = Zone::find(p.zone);
  if (!zone) return out;

  const Minutes duration{service.duration_minutes};
  const Minutes interval{service.slot_interval_minutes > 0 ? service.slot_interval_minutes : service.duration_minutes};
  const std::int64_t interval_s = std::chrono::duration_cast<Seconds>(interval).count();

  const LocalDate first_day = zone->local_date(bounds.lo);
  const LocalDate last_day = zone->local_date(bounds.hi - Seconds{1});
  const std::int64_t first_day_no = day_number(first_day);
  const std::int64_t day_count = day_number(last_day) - first_day_no + 1;

  // One day of margin each side: a slot late on the last day may run on into the next
  // day's hours, and a fall back at midnight can move an instant to the previous date.
  const LocalDate from_day = add_days(first_day, -1);
  const LocalDate to_day = add_days(last_day, 1);
  const WallTimeline wall(*zone, timeline_window(*zone, from_day, to_day));
  const std::vector<WorkingRange> ranges = working_ranges(p, wall, from_day, to_day);
  IntervalSet avail = availability_of(p, ranges);
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
  for (const auto& busy : cal.external_busy) {
    Interval padded{busy.begin - after, busy.end + before};
    if (!busy.empty() && padded.overlaps(window)) blocked.push_back(padded);
  }
  const IntervalSet free = avail.subtract(IntervalSet(std::move(blocked)));

  // Starts rise with their grid readings (first_reaching is monotone), and ranges come in
  // time order, so one forward pass over the available and free parts serves all ranges.
  auto a = avail.parts().begin();
  const auto a_end = avail.parts().end();
  auto f = free.parts().begin();
  const auto f_end = free.parts().end();
  for (const WorkingRange& r : ranges) {
    if (r.close <= bounds.lo) continue;
    if (r.open >= bounds.hi) break;
    while (a != a_end && a->end <= r.open) ++a;
    for (auto part = a; part != a_end && part->begin < r.close; ++part) {
      const Instant part_begin = std::max(part->begin, r.open);
      const Instant part_end = std::min(part->end, r.close);
      const WallSeconds anchor = wall.wall(part_begin);
      for (WallSeconds reading = anchor;; reading += interval_s) {
        std::optional<Instant> s = wall.first_occurrence(reading);
        if ((s ? *s : wall.first_reaching(reading)) >= part_end) break;
        if (!s || *s < part_begin || *s < bounds.lo) continue;  // skipped, repeated, or too early
        if (*s >= bounds.hi) break;
        while (f != f_end && f->end <= *s) ++f;
        if (f == f_end) break;
        if (f->begin > *s || *s + duration > f->end) continue;
        if (!per_day.empty()) {
          std::int64_t idx = floor_div(reading, 86400) - first_day_no;
          if (idx >= 0 && idx < day_count && per_day[static_cast<std::size_t>(idx)] >= service.max_per_day) continue;
        }
        out.push_back({*s, *s + duration});
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

  // Providers in id order: equal slots then list their ids sorted without comparing
  // strings per slot.
  std::vector<const ProviderCalendar*> cals;
  for (const auto& cal : query.providers)
    if (cal.provider != nullptr) cals.push_back(&cal);
  std::stable_sort(cals.begin(), cals.end(),
                   [](const auto* a, const auto* b) { return a->provider->id < b->provider->id; });

  // Each provider's slots come out sorted by start; a k-way merge over a small heap costs
  // n log(providers) and no buffer of every provider's slots at once.
  std::vector<std::vector<Interval>> lists;
  lists.reserve(cals.size());
  std::size_t total = 0;
  for (const auto* cal : cals) {
    lists.push_back(provider_slots(*cal, *query.service, *bounds, query.exclude_booking));
    total += lists.back().size();
  }
  struct Head {
    Interval time;
    std::size_t who;  // index into cals and lists
    std::size_t next;
  };
  // std heaps keep the greatest on top: "greater" puts the earliest slot, then the smallest id, there.
  auto later = [](const Head& a, const Head& b) {
    return std::tie(a.time.begin, a.time.end, a.who) > std::tie(b.time.begin, b.time.end, b.who);
  };
  std::vector<Head> heap;
  for (std::size_t i = 0; i < lists.size(); ++i)
    if (!lists[i].empty()) heap.push_back({lists[i].front(), i, 1});
  std::make_heap(heap.begin(), heap.end(), later);

  slots.reserve(cals.size() == 1 ? total : 0);
  std::vector<std::size_t> free_now;  // providers free for the slot being assembled
  while (!heap.empty()) {
    const Interval time = heap.front().time;
    free_now.clear();
    while (!heap.empty() && heap.front().time == time) {
      std::pop_heap(heap.begin(), heap.end(), later);
      Head& h = heap.back();
      if (free_now.empty() || free_now.back() != h.who) free_now.push_back(h.who);
      if (h.next < lists[h.who].size()) {
        h.time = lists[h.who][h.next++];
        std::push_heap(heap.begin(), heap.end(), later);
      } else {
        heap.pop_back();
      }
    }
    Slot slot{time, {}};
    slot.provider_ids.reserve(free_now.size());
    for (std::size_t who : free_now) {
      const Id& id = cals[who]->provider->id;
      if (slot.provider_ids.empty() || slot.provider_ids.back() != id) slot.provider_ids.push_back(id);
    }
    slots.push_back(std::move(slot));
  }
  return slots;
}

IntervalSet provider_availability(const Provider& provider, Interval range) {
  if (range.empty()) return {};
  auto zone = Zone::find(provider.zone);
  if (!zone) return {};
  // A day of margin each side: the date of an instant and the date whose hours hold it
  // differ around a fall back at midnight.
  const LocalDate first = add_days(zone->local_date(range.begin), -1);
  const LocalDate last = add_days(zone->local_date(range.end - Seconds{1}), 1);
  const WallTimeline wall(*zone, timeline_window(*zone, first, last));
  return availability_of(provider, working_ranges(provider, wall, first, last)).intersect(range);
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
