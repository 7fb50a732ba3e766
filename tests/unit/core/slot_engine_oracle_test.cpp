// The slot engine against an oracle written without it, over every clock change of
// 2026-2027 in every IANA zone (issue J, faults 12 and 13).
//
// The oracle walks every minute of a week around the change, reads each minute's wall
// clock with the tz library, and applies the rules literally:
//   - a working range runs from the first minute whose wall clock shows its opening (or,
//     when the clock skips the opening, the first minute showing a later time) to the
//     same for its closing;
//   - time off cuts a range into parts; each part steps a grid of slot intervals in wall
//     time from the wall time at which it begins;
//   - a grid wall time is a start at the first minute showing it, if that minute lies in
//     the part; a wall time nobody's clock shows is no start;
//   - a slot needs every one of its minutes worked (in any range) and clear of bookings.
// Hour patterns are placed relative to each change, so openings, closings, joints, grid
// points, bookings and time off fall inside the repeated or skipped stretch of wall time.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using std::chrono::minutes;

constexpr std::int64_t kDay = 1440;  // minutes

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A clock change: the instant and the zone's wall readings (local minutes since the
// epoch) just before and at it.
struct Change {
  const date::time_zone* tz;
  Instant at;
  std::int64_t wall_before;  // the reading the clock would have shown without the change
  std::int64_t wall_after;
};

std::vector<Change> changes_in_2026_and_2027() {
  const Instant from{date::sys_days{date::year{2026} / 1 / 1}.time_since_epoch()};
  const Instant to{date::sys_days{date::year{2028} / 1 / 1}.time_since_epoch()};
  std::vector<Change> out;
  for (const auto& z : date::get_tzdb().zones) {
    const std::string name{z.name()};
    if (name.rfind("posix", 0) == 0 || name.rfind("right", 0) == 0) continue;  // copies under other rules
    date::sys_info info = z.get_info(from);
    while (info.end < to) {
      date::sys_info next = z.get_info(info.end);
      if (next.offset != info.offset) {
        const std::int64_t at_min = info.end.time_since_epoch().count() / 60;
        out.push_back({&z, info.end, at_min + info.offset.count() / 60, at_min + next.offset.count() / 60});
      }
      info = next;
    }
  }
  return out;
}

// Every minute of [begin, begin + n) with its wall reading.
struct Minutes {
  Instant begin;
  std::vector<std::int64_t> wall;
  std::vector<std::int64_t> running_max;  // of wall, for "first minute showing at least"
  std::vector<int> first_index;           // per reading - wall_min: first minute showing it, or -1
  std::int64_t wall_min = 0;

  Minutes(const date::time_zone* tz, Instant from, int n) : begin(from) {
    for (int i = 0; i < n; ++i) {
      auto local = tz->to_local(from + minutes{i});
      wall.push_back(local.time_since_epoch().count() / 60);
    }
    std::int64_t hi = wall.front();
    for (auto w : wall) running_max.push_back(hi = std::max(hi, w));
    wall_min = *std::min_element(wall.begin(), wall.end());
    first_index.assign(static_cast<std::size_t>(hi - wall_min + 1), -1);
    for (int i = 0; i < n; ++i) {
      int& slot = first_index[static_cast<std::size_t>(wall[static_cast<std::size_t>(i)] - wall_min)];
      if (slot < 0) slot = i;
    }
  }
  int size() const { return static_cast<int>(wall.size()); }
  Instant instant(int i) const { return begin + minutes{i}; }
  int index(Instant t) const { return static_cast<int>((t - begin).count() / 60); }
  // First minute showing exactly this reading, or -1.
  int first_showing(std::int64_t reading) const {
    if (reading < wall_min || reading - wall_min >= static_cast<std::int64_t>(first_index.size())) return -1;
    return first_index[static_cast<std::size_t>(reading - wall_min)];
  }
  // First minute showing this reading, else the first showing a later one (end if none).
  int first_at_least(std::int64_t reading) const {
    if (int i = first_showing(reading); i >= 0) return i;
    return static_cast<int>(std::lower_bound(running_max.begin(), running_max.end(), reading) - running_max.begin());
  }
};

struct Pattern {
  std::string label;
  int duration;
  int interval;
  std::vector<std::pair<int, int>> daily;     // minutes relative to the change's local midnight
  std::vector<std::pair<int, int>> override;  // same, the change's date only (empty: none)
  std::pair<int, int> time_off{0, 0};         // minutes relative to the change instant
  std::pair<int, int> booking{0, 0};          // minutes relative to the change instant
};

// Ranges relative to a date's midnight as valid daily hours: parts before midnight or
// after the next one wrap onto every day (hours that run past midnight).
std::vector<TimeRange> wrap_daily(const std::vector<std::pair<int, int>>& relative) {
  std::vector<TimeRange> out;
  for (auto [a, b] : relative) {
    for (int day_start = static_cast<int>(floor_div(a, kDay)) * kDay; day_start < b; day_start += kDay) {
      int from = std::max(a, day_start) - day_start;
      int to = std::min(b, day_start + static_cast<int>(kDay)) - day_start;
      if (from < to) out.push_back({from, to});
    }
  }
  std::sort(out.begin(), out.end(), [](const TimeRange& x, const TimeRange& y) { return x.start < y.start; });
  return out;
}

std::vector<TimeRange> clamp_to_day(const std::vector<std::pair<int, int>>& relative) {
  std::vector<TimeRange> out;
  for (auto [a, b] : relative) {
    int from = std::clamp(a, 0, static_cast<int>(kDay));
    int to = std::clamp(b, 0, static_cast<int>(kDay));
    if (from < to) out.push_back({from, to});
  }
  return out;
}

bool sorted_and_disjoint(const std::vector<TimeRange>& r) {
  for (std::size_t i = 1; i < r.size(); ++i)
    if (r[i - 1].end > r[i].start) return false;
  return true;
}

// Start instants the oracle finds in [from, to) for a provider whose bookings take
// `booked` (buffers are zero in these patterns).
std::vector<Instant> oracle_starts(const Minutes& m, const Provider& p, const Service& svc,
                                   const std::vector<Interval>& booked, Instant from, Instant to) {
  const int n = m.size();
  auto minute = [&](int i) { return Interval{m.instant(i), m.instant(i) + minutes{1}}; };
  std::vector<char> worked(static_cast<std::size_t>(n), 0);
  std::vector<char> off(static_cast<std::size_t>(n), 0);
  std::vector<char> taken(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < n; ++i) {
    for (const auto& t : p.time_off) off[static_cast<std::size_t>(i)] |= t.span.overlaps(minute(i));
    for (const auto& b : booked) taken[static_cast<std::size_t>(i)] |= b.overlaps(minute(i));
  }

  struct Range {
    int open, close;               // minute indexes
    std::int64_t closing_reading;  // wall minutes
  };
  std::vector<Range> ranges;
  // Whole local dates inside the week (a day's margin at each end).
  for (std::int64_t d = floor_div(m.wall.front(), kDay) + 1; d <= floor_div(m.wall.back(), kDay) - 1; ++d) {
    LocalDate date{std::chrono::sys_days{std::chrono::days{d}}};
    const std::vector<TimeRange>* list = &p.weekly[static_cast<std::size_t>(iso_weekday(date) - 1)];
    for (const auto& o : p.overrides)
      if (o.date == date) list = &o.ranges;
    for (const auto& r : *list) {
      int open = m.first_at_least(d * kDay + r.start);
      int close = m.first_at_least(d * kDay + r.end);
      for (int i = open; i < close; ++i) worked[static_cast<std::size_t>(i)] = 1;
      ranges.push_back({open, close, d * kDay + r.end});
    }
  }

  std::vector<Instant> out;
  for (const Range& r : ranges) {
    int a = r.open;
    while (a < r.close) {
      if (off[static_cast<std::size_t>(a)]) {
        ++a;
        continue;
      }
      int b = a;
      while (b < r.close && !off[static_cast<std::size_t>(b)]) ++b;
      // The part [a, b) steps its grid from the wall time it begins at.
      for (std::int64_t reading = m.wall[static_cast<std::size_t>(a)]; reading < r.closing_reading;
           reading += svc.slot_interval_minutes) {
        int s = m.first_showing(reading);
        if (s < a || s >= b || s + svc.duration_minutes > n) continue;
        bool fits = true;
        for (int i = s; i < s + svc.duration_minutes; ++i) {
          auto k = static_cast<std::size_t>(i);
          fits = fits && worked[k] && !off[k] && !taken[k];
        }
        if (fits && m.instant(s) >= from && m.instant(s) < to) out.push_back(m.instant(s));
      }
      a = b;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Patterns around a change whose repeated or skipped wall time starts `m` minutes after
// the change's local midnight and lasts `g` minutes.
std::vector<Pattern> patterns(int m, int g) {
  return {
      {"whole days, 45/45", 45, 45, {{0, 1440}}, {}, {}, {}},
      {"closing inside, 30/15", 30, 15, {{m - 60, m + g / 2}}, {}, {}, {}},
      {"opening inside, 30/15", 30, 15, {{m + g / 2, m + g + 90}}, {}, {}, {}},
      {"joint inside, 45/45", 45, 45, {{m - 90, m + 10}, {m + 10, m + g + 120}}, {}, {}, {}},
      {"grid off the hour, 25/20", 25, 20, {{m - 35, m + g + 35}}, {}, {}, {}},
      {"override on the day, 30/30", 30, 30, {{9 * 60, 17 * 60}}, {{m - 15, m + g + 15}}, {}, {}},
      {"override with a joint, 40/40", 40, 40, {{0, 1440}}, {{m - 100, m + g / 3}, {m + g / 3, m + g + 100}}, {}, {}},
      {"time off ends inside, 30/15", 30, 15, {{m - 120, m + g + 120}}, {}, {-50, 20}, {}},
      {"booking inside, 30/30", 30, 30, {{m - 60, m + g + 60}}, {}, {}, {10, 40}},
      {"evening into night, 60/30", 60, 30, {{m - 200, m + g + 200}}, {}, {}, {}},
  };
}

std::string describe(const Change& c, const Pattern& p, const std::vector<Instant>& engine,
                     const std::vector<Instant>& oracle) {
  std::ostringstream out;
  out << c.tz->name() << " change at " << format_rfc3339_utc(c.at) << ", " << p.label << ": engine";
  Zone z = *Zone::find(c.tz->name());
  for (auto t : engine) out << ' ' << format_rfc3339(t, z);
  out << "; oracle";
  for (auto t : oracle) out << ' ' << format_rfc3339(t, z);
  return out.str();
}

TEST(SlotEngineOracle, AgreesOnEveryClockChangeOf2026And2027InEveryZone) {
  const auto changes = changes_in_2026_and_2027();
  std::vector<std::string> zones;
  for (const auto& c : changes) zones.emplace_back(c.tz->name());
  std::sort(zones.begin(), zones.end());
  zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
  // Sanity: the tz database is there and has the usual DST zones.
  ASSERT_GT(zones.size(), 100u);
  ASSERT_TRUE(std::binary_search(zones.begin(), zones.end(), "America/New_York"));
  ASSERT_TRUE(std::binary_search(zones.begin(), zones.end(), "Australia/Lord_Howe"));

  const std::vector<Zone> display_zones = {testing::zone("Pacific/Kiritimati"), testing::zone("America/St_Johns"),
                                           testing::zone("Australia/Lord_Howe")};
  std::size_t compared = 0, slots_seen = 0, differing = 0;
  std::vector<std::string> differences, differing_zones, display_differences;
  for (const Change& c : changes) {
    const Minutes week(c.tz, c.at - std::chrono::days{3}, 6 * kDay);
    const std::int64_t lo = std::min(c.wall_before, c.wall_after);
    const std::int64_t midnight = floor_div(lo, kDay) * kDay;
    const int m = static_cast<int>(lo - midnight);
    const int g = static_cast<int>(std::abs(c.wall_after - c.wall_before));
    const LocalDate change_date{std::chrono::sys_days{std::chrono::days{midnight / kDay}}};
    const Interval range{c.at - std::chrono::hours{30}, c.at + std::chrono::hours{30}};

    for (const Pattern& pat : patterns(m, g)) {
      Provider p = testing::provider("p", std::string(c.tz->name()), wrap_daily(pat.daily));
      if (!pat.override.empty()) p.overrides.push_back({"o", change_date, clamp_to_day(pat.override)});
      if (!sorted_and_disjoint(p.weekly[0])) continue;  // the pattern does not fit this change
      if (pat.time_off.first != pat.time_off.second)
        p.time_off.push_back({"off", {c.at + minutes{pat.time_off.first}, c.at + minutes{pat.time_off.second}}, ""});
      std::vector<Interval> booked;
      std::vector<BusyBooking> busy;
      if (pat.booking.first != pat.booking.second) {
        booked.push_back({c.at + minutes{pat.booking.first}, c.at + minutes{pat.booking.second}});
        busy.push_back(testing::busy("svc", booked.back(), booked.back()));
      }
      Service svc = testing::service(pat.duration, pat.interval);

      SlotQuery q;
      q.service = &svc;
      q.providers.push_back({&p, busy});
      q.range = range;
      q.now = c.at - std::chrono::days{60};
      const std::vector<Slot> slots = compute_slots(q);
      std::vector<Instant> engine;
      for (const auto& s : slots) {
        engine.push_back(s.time.begin);
        if (s.time.end - s.time.begin != minutes{pat.duration}) differences.push_back("wrong slot length");
      }
      std::vector<Instant> oracle = oracle_starts(week, p, svc, booked, range.begin, range.end);
      ++compared;
      slots_seen += oracle.size();
      if (engine != oracle) {
        if (differences.size() < 20) differences.push_back(describe(c, pat, engine, oracle));
        ++differing;
        differing_zones.emplace_back(c.tz->name());
      }

      // A consumer's display zone only decides where the days are cut: asking day by
      // day in any zone finds the same slots as asking for the whole span at once.
      for (const Zone& display : display_zones) {
        std::vector<Slot> by_day;
        for (Instant from = range.begin; from < range.end;) {
          Instant to = std::min(range.end, display.day_span(display.local_date(from)).end);
          q.range = {from, to};
          for (auto& s : compute_slots(q)) by_day.push_back(std::move(s));
          from = to;
        }
        if (by_day != slots) display_differences.push_back(std::string(c.tz->name()) + " shown in " + display.name());
      }
    }
  }
  // Every change was checked with most patterns, and the patterns offered slots to compare.
  EXPECT_GT(compared, changes.size() * 8);
  EXPECT_GT(slots_seen, compared * 5);
  std::sort(differing_zones.begin(), differing_zones.end());
  differing_zones.erase(std::unique(differing_zones.begin(), differing_zones.end()), differing_zones.end());
  EXPECT_TRUE(differences.empty()) << differing << " differences in " << differing_zones.size() << " zones, first:\n"
                                   << [&] {
                                        std::string all;
                                        for (const auto& d : differences) all += d + "\n";
                                        return all;
                                      }();
  EXPECT_TRUE(display_differences.empty())
      << display_differences.size() << " differences, first: " << display_differences.front();
  std::cout << "[ oracle   ] " << changes.size() << " clock changes in " << zones.size() << " zones, " << compared
            << " engine/oracle comparisons, " << slots_seen << " slots\n";
}

}  // namespace
}  // namespace visitd::core
