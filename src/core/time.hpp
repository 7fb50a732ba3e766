#pragma once
// Instants, intervals, calendar dates and IANA zones. Instants are UTC seconds;
// wall-clock values only exist together with a zone.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace date {
class time_zone;
}

namespace visitd::core {

using Instant = std::chrono::sys_seconds;  // UTC, whole seconds
using Minutes = std::chrono::minutes;
using Seconds = std::chrono::seconds;
using LocalDate = std::chrono::year_month_day;  // a calendar date with no zone

// Half-open [begin, end) span of instants.
struct Interval {
  Instant begin;
  Instant end;
  [[nodiscard]] bool empty() const { return end <= begin; }
  [[nodiscard]] bool overlaps(const Interval& o) const { return begin < o.end && o.begin < end; }
  [[nodiscard]] bool contains(const Interval& o) const { return begin <= o.begin && o.end <= end; }
  friend bool operator==(const Interval&, const Interval&) = default;
};

// A wall-clock time of day as minutes after local midnight, 0..1440 (1440 = 24:00, only as an end).
using MinuteOfDay = int;

// A wall-clock reading of some zone as seconds since 1970-01-01T00:00 on that wall clock
// (the date and time a clock on the wall shows, with no offset). Whole days are multiples
// of 86400, so date and time of day are floor division and remainder.
using WallSeconds = std::int64_t;

// The wall reading of a date at a time of day; 1440 gives the next date's 00:00.
WallSeconds wall_seconds(LocalDate day, MinuteOfDay minute);

// An IANA time zone, resolved against the system tz database.
// IANA names are short ("America/Argentina/ComodRivadavia" is among the longest); a bound
// keeps hostile input away from the tz database lookup. Longer names are not zones.
inline constexpr std::size_t kMaxZoneNameLength = 64;

class Zone {
 public:
  // nullopt when the name is not a known IANA zone.
  static std::optional<Zone> find(std::string_view name);
  [[nodiscard]] const std::string& name() const { return name_; }

  // UTC offset in effect at the instant.
  [[nodiscard]] Seconds offset_at(Instant t) const;
  // The offset in effect at t and the span of instants sharing it, so a caller walking many
  // nearby instants (the slot engine) needs one tz lookup per span, not one per instant.
  struct OffsetPeriod {
    Seconds offset;
    Interval span;
  };
  [[nodiscard]] OffsetPeriod offset_period(Instant t) const;
  // Local calendar date at the instant.
  [[nodiscard]] LocalDate local_date(Instant t) const;
  // Minutes after local midnight at the instant.
  [[nodiscard]] MinuteOfDay local_minute(Instant t) const;
  // Instant of a wall-clock time on a date. A nonexistent time (spring-forward gap) maps
  // to the first instant after the gap; an ambiguous one (fall-back overlap) to its
  // earliest occurrence when `earliest` is true, otherwise to its latest.
  [[nodiscard]] Instant resolve(LocalDate day, MinuteOfDay minute, bool earliest = true) const;
  // [local midnight of day, local midnight of next day) as instants.
  [[nodiscard]] Interval day_span(LocalDate day) const;

 private:
  Zone(std::string name, const date::time_zone* tz) : name_(std::move(name)), tz_(tz) {}
  std::string name_;
  const date::time_zone* tz_;
};

// The zone named, or UTC when the name is not a known zone (a stored record whose zone the
// tz database no longer knows is shown in UTC rather than failing). The one fallback.
Zone zone_or_utc(std::string_view name);

// The wall clock of one zone over a window of instants, for callers that look up many wall
// readings (the slot engine's grids): one tz lookup per offset period of the window, then
// plain arithmetic. Answers are only meaningful for readings the window holds; a reading
// before the window resolves to the window's start, one after it to the window's end.
class WallTimeline {
 public:
  WallTimeline(const Zone& zone, Interval window);

  // The wall reading at an instant of the window.
  [[nodiscard]] WallSeconds wall(Instant t) const;
  // The first instant showing exactly this reading; nullopt when the clock skips it
  // (spring-forward gap). In a fall-back overlap this is the earlier occurrence.
  [[nodiscard]] std::optional<Instant> first_occurrence(WallSeconds reading) const;
  // The first instant at which the clock shows this reading or a later one: the first
  // occurrence, or for a skipped reading the first instant after the gap. Non-decreasing
  // in `reading`.
  [[nodiscard]] Instant first_reaching(WallSeconds reading) const;

 private:
  struct Period {  // instants [begin, end) share one offset
    Instant begin;
    Instant end;
    Seconds offset;
  };
  std::vector<Period> periods_;  // ascending, contiguous, clipped to the window
};

// RFC 3339 with a mandatory offset or Z ("2026-03-08T09:00:00-04:00"); fractions are
// truncated to seconds. nullopt for anything else, including a missing offset and an instant
// outside 0000-01-02T00:00:00Z .. 9999-12-30T23:59:59Z (so that every zone writes it back with
// a four-digit year).
std::optional<Instant> parse_rfc3339(std::string_view text);
// RFC 3339 in the zone's local time with its numeric offset, "Z" for UTC.
std::string format_rfc3339(Instant t, const Zone& zone);
std::string format_rfc3339_utc(Instant t);
// Strict YYYY-MM-DD.
std::optional<LocalDate> parse_date(std::string_view text);
std::string format_date(LocalDate d);
// Strict HH:MM (00:00..24:00).
std::optional<MinuteOfDay> parse_time_of_day(std::string_view text);
std::string format_time_of_day(MinuteOfDay m);
// ISO weekday 1 (Monday) .. 7 (Sunday).
int iso_weekday(LocalDate d);
LocalDate add_days(LocalDate d, int days);

}  // namespace visitd::core
