#include "core/time.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>

namespace visitd::core {

namespace {

// Days since 1970-01-01 of a calendar date, and back (std::chrono and date::
// each have their own calendar types; a day count is the common ground).
std::int64_t day_number(LocalDate d) { return std::chrono::sys_days{d}.time_since_epoch().count(); }

LocalDate date_from_day_number(std::int64_t n) { return LocalDate{std::chrono::sys_days{std::chrono::days{n}}}; }

date::local_seconds to_local_seconds(LocalDate day, MinuteOfDay minute) {
  return date::local_seconds{Seconds{day_number(day) * 86400 + std::int64_t{minute} * 60}};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Local seconds since the epoch at an instant (offset applied).
std::int64_t local_count(const date::time_zone* tz, Instant t) {
  return (t + tz->get_info(t).offset).time_since_epoch().count();
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at s[pos...]; false if any is not a digit.
bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

std::optional<LocalDate> make_date(int y, int m, int d) {
  LocalDate date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                 std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// "YYYY-MM-DD" at the start of s (no more, no less checked by the caller).
std::optional<LocalDate> read_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || !read_digits(s, 0, 4, y) || s[4] != '-' || !read_digits(s, 5, 2, m) || s[7] != '-' ||
      !read_digits(s, 8, 2, d))
    return std::nullopt;
  return make_date(y, m, d);
}

bool is_utc_name(const std::string& name) {
  static constexpr std::array<std::string_view, 8> kNames = {"UTC",  "Etc/UTC",  "UCT",       "Etc/UCT",
                                                             "Zulu", "Etc/Zulu", "Universal", "Etc/Universal"};
  for (auto n : kNames)
    if (n == name) return true;
  return false;
}

std::string format_local(std::int64_t local_secs) {
  std::int64_t days = floor_div(local_secs, 86400);
  std::int64_t sod = local_secs - days * 86400;
  LocalDate d = date_from_day_number(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), static_cast<int>(sod / 3600),
                static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60));
  return buf;
}

}  // namespace

// ---- Zone -------------------------------------------------------------------

std::optional<Zone> Zone::find(std::string_view name) {
  if (name.empty() || name.size() > kMaxZoneNameLength) return std::nullopt;
  try {
    const date::time_zone* tz = date::locate_zone(name);
    if (tz == nullptr) return std::nullopt;
    return Zone(std::string(name), tz);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Zone zone_or_utc(std::string_view name) {
  if (auto z = Zone::find(name)) return *z;
  return *Zone::find("UTC");
}

Seconds Zone::offset_at(Instant t) const { return tz_->get_info(t).offset; }

Zone::OffsetPeriod Zone::offset_period(Instant t) const {
  date::sys_info info = tz_->get_info(t);
  return {info.offset, {info.begin, info.end}};
}

LocalDate Zone::local_date(Instant t) const { return date_from_day_number(floor_div(local_count(tz_, t), 86400)); }

MinuteOfDay Zone::local_minute(Instant t) const {
  std::int64_t local = local_count(tz_, t);
  return static_cast<MinuteOfDay>((local - floor_div(local, 86400) * 86400) / 60);
}

Instant Zone::resolve(LocalDate day, MinuteOfDay minute, bool earliest) const {
  date::local_seconds local = to_local_seconds(day, minute);
  date::local_info info = tz_->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
      // The wall clock jumped over this time: the first instant after the gap.
      return info.second.begin;
    case date::local_info::ambiguous:
    default: {
      const auto& which = earliest ? info.first : info.second;
      return Instant{local.time_since_epoch() - which.offset};
    }
  }
}

Interval Zone::day_span(LocalDate day) const { return {resolve(day, 0), resolve(add_days(day, 1), 0)}; }

// ---- wall clock over a window ----------------------------------------------

WallSeconds wall_seconds(LocalDate day, MinuteOfDay minute) {
  return day_number(day) * 86400 + std::int64_t{minute} * 60;
}

WallTimeline::WallTimeline(const Zone& zone, Interval window) {
  Instant t = window.begin;
  do {
    Zone::OffsetPeriod p = zone.offset_period(t);
    Instant end = std::min(p.span.end, window.end);
    periods_.push_back({t, std::max(end, t + Seconds{1}), p.offset});
    t = p.span.end;
  } while (t < window.end);
}

WallSeconds WallTimeline::wall(Instant t) const {
  // Few periods (one per clock change in the window): a linear scan is the fast search.
  const Period* p = &periods_.front();
  for (const auto& q : periods_)
    if (q.begin <= t) p = &q;
  return (t + p->offset).time_since_epoch().count();
}

std::optional<Instant> WallTimeline::first_occurrence(WallSeconds reading) const {
  for (const auto& p : periods_) {
    Instant t{Seconds{reading} - p.offset};
    if (p.begin <= t && t < p.end) return t;
  }
  return std::nullopt;
}

Instant WallTimeline::first_reaching(WallSeconds reading) const {
  // Periods in time order: the reading is either inside one (its first occurrence) or
  // below a period's first reading, i.e. skipped by the jump into that period.
  for (const auto& p : periods_) {
    Instant t{Seconds{reading} - p.offset};
    if (t < p.begin) return p.begin;
    if (t < p.end) return t;
  }
  return periods_.back().end;
}

// ---- RFC 3339 ---------------------------------------------------------------

std::optional<Instant> parse_rfc3339(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
  auto date = read_date(s);
  if (!date || s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return std::nullopt;
  int hh = 0, mm = 0, ss = 0;
  if (!read_digits(s, 11, 2, hh) || s[13] != ':' || !read_digits(s, 14, 2, mm) || s[16] != ':' ||
      !read_digits(s, 17, 2, ss))
    return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::size_t pos = 19;
  if (s[pos] == '.') {
    std::size_t digits = 0;
    ++pos;
    while (pos < s.size() && is_digit(s[pos])) {
      ++pos;
      ++digits;
    }
    if (digits == 0 || digits > 9) return std::nullopt;
  }
  if (pos >= s.size()) return std::nullopt;  // no offset: a wall time without a zone
  int offset_seconds = 0;
  char sign = s[pos];
  if (sign == 'Z' || sign == 'z') {
    if (pos + 1 != s.size()) return std::nullopt;
  } else if (sign == '+' || sign == '-') {
    int oh = 0, om = 0;
    if (pos + 6 != s.size() || !read_digits(s, pos + 1, 2, oh) || s[pos + 3] != ':' || !read_digits(s, pos + 4, 2, om))
      return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;
    offset_seconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  std::int64_t local = day_number(*date) * 86400 + std::int64_t{hh} * 3600 + std::int64_t{mm} * 60 + ss;
  const std::int64_t utc = local - offset_seconds;
  // Only instants every zone can write back with a four-digit year (RFC 3339 has no other):
  // "9999-12-31T23:59:59-23:59" is in the year 10000 in UTC, and would come back as text
  // that is not RFC 3339 (found by fuzz/rfc3339).
  if (utc < day_number(*make_date(0, 1, 2)) * 86400 || utc >= day_number(*make_date(9999, 12, 31)) * 86400) {
    return std::nullopt;
  }
  return Instant{Seconds{utc}};
}

std::string format_rfc3339(Instant t, const Zone& zone) {
  Seconds offset = zone.offset_at(t);
  std::string out = format_local((t + offset).time_since_epoch().count());
  if (offset == Seconds{0} && is_utc_name(zone.name())) return out + "Z";
  // RFC 3339 offsets carry minutes only; historical LMT seconds are dropped.
  std::int64_t off_min = offset.count() / 60;
  char sign = off_min < 0 ? '-' : '+';
  if (off_min < 0) off_min = -off_min;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, static_cast<int>(off_min / 60), static_cast<int>(off_min % 60));
  return out + buf;
}

std::string format_rfc3339_utc(Instant t) { return format_local(t.time_since_epoch().count()) + "Z"; }

// ---- dates and times of day -------------------------------------------------

std::optional<LocalDate> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return read_date(text);
}

std::string format_date(LocalDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<MinuteOfDay> parse_time_of_day(std::string_view text) {
  int hh = 0, mm = 0;
  if (text.size() != 5 || !read_digits(text, 0, 2, hh) || text[2] != ':' || !read_digits(text, 3, 2, mm))
    return std::nullopt;
  if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) return std::nullopt;
  return hh * 60 + mm;
}

std::string format_time_of_day(MinuteOfDay m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

int iso_weekday(LocalDate d) { return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{d}}.iso_encoding()); }

LocalDate add_days(LocalDate d, int days) { return LocalDate{std::chrono::sys_days{d} + std::chrono::days{days}}; }

}  // namespace visitd::core
