#include "notify/busy_import.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace visitd::notify {

namespace {

using Owned = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

constexpr int kMaxIterations = 100000;  // per series: a FREQ=SECONDLY rule is cut, not run forever

// What a time of the file means as an instant, in its own zone.
class Times {
 public:
  Times(icalcomponent* calendar, const core::Zone& floating) : calendar_(calendar), floating_(floating) {}

  // A DATE or DATE-TIME value with the TZID it was written with (nullptr: none).
  [[nodiscard]] std::optional<core::Instant> instant(icaltimetype t, const char* tzid) const {
    if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) return std::nullopt;
    if (t.is_date) return floating(t);
    if (icaltime_is_utc(t)) return core::Instant{core::Seconds{icaltime_as_timet(t)}};
    if (tzid != nullptr) {
      if (icaltimezone* zone = zone_of(tzid)) {
        return core::Instant{core::Seconds{icaltime_as_timet_with_zone(t, zone)}};
      }
    }
    return floating(t);  // floating, or a zone nobody knows: the provider's wall clock
  }

 private:
  [[nodiscard]] icaltimezone* zone_of(const char* tzid) const {
    if (icaltimezone* z = icalcomponent_get_timezone(calendar_, tzid)) return z;
    return icaltimezone_get_builtin_timezone(tzid);
  }

  [[nodiscard]] core::Instant floating(icaltimetype t) const {
    const core::LocalDate day{std::chrono::year{t.year}, std::chrono::month{static_cast<unsigned>(t.month)},
                              std::chrono::day{static_cast<unsigned>(t.day)}};
    if (t.is_date) return floating_.resolve(day, 0);
    return floating_.resolve(day, t.hour * 60 + t.minute) + core::Seconds{t.second};
  }

  icalcomponent* calendar_;
  const core::Zone& floating_;
};

const char* tzid_of(icalproperty* p) {
  if (p == nullptr) return nullptr;
  icalparameter* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  return param ? icalparameter_get_tzid(param) : nullptr;
}

bool not_busy(icalcomponent* ev) {
  if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) return true;
  icalproperty* transp = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY);
  return transp != nullptr && icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT;
}

std::chrono::sys_days civil(icaltimetype t) {
  return std::chrono::sys_days{std::chrono::year{t.year} / static_cast<unsigned>(t.month) /
                               static_cast<unsigned>(t.day)};
}

// How long each instance of an event lasts: whole days for DATE starts with a DATE end or a
// DURATION in days/weeks; else exact seconds (DTEND - DTSTART, or the DURATION).
struct Length {
  int days = 0;
  core::Seconds exact{0};
};

std::optional<Length> length_of(icalcomponent* ev, icaltimetype start, const Times& times) {
  icalproperty* end_prop = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
  icalproperty* dur_prop = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
  if (end_prop != nullptr) {
    icaltimetype end = icalproperty_get_dtend(end_prop);
    if (start.is_date && end.is_date) return Length{static_cast<int>((civil(end) - civil(start)).count()), {}};
    auto s = times.instant(start, tzid_of(icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY)));
    auto e = times.instant(end, tzid_of(end_prop));
    if (!s || !e) return std::nullopt;
    return Length{0, *e - *s};
  }
  if (dur_prop != nullptr) {
    icaldurationtype d = icalproperty_get_duration(dur_prop);
    if (d.is_neg) return std::nullopt;
    if (start.is_date) return Length{static_cast<int>(d.days + 7 * d.weeks), core::Seconds{0}};
    return Length{0, core::Seconds{icaldurationtype_as_int(d)}};
  }
  if (start.is_date) return Length{1, core::Seconds{0}};  // an all-day event without end is one day
  return Length{0, core::Seconds{0}};                     // a moment: takes no time
}

class Expander {
 public:
  Expander(icalcomponent* calendar, core::Interval horizon, const core::Zone& floating)
      : times_(calendar, floating), horizon_(horizon) {}

  // One event's instances; `replaced` are the instants of its instances that overrides take.
  void add_event(icalcomponent* ev, const std::set<core::Instant>& replaced) {
    icalproperty* start_prop = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (start_prop == nullptr) return;
    const icaltimetype start = icalcomponent_get_dtstart(ev);  // with the zone of its TZID
    const char* tzid = tzid_of(start_prop);
    auto length = length_of(ev, icalproperty_get_dtstart(start_prop), times_);
    if (!length) return;

    std::set<core::Instant> excluded = replaced;
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p != nullptr;
         p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
      if (auto at = times_.instant(icalproperty_get_exdate(p), tzid_of(p) ? tzid_of(p) : tzid)) excluded.insert(*at);
    }

    const bool busy = !not_busy(ev);
    auto instance = [&](icaltimetype wall) {
      auto begin = times_.instant(wall, tzid);
      if (!begin || excluded.count(*begin) != 0) return;
      excluded.insert(*begin);  // an RDATE repeating an RRULE instance counts once
      if (!busy) return;
      core::Instant end;
      if (length->days > 0) {
        icaltimetype last = wall;
        icaltime_adjust(&last, length->days, 0, 0, 0);
        auto e = times_.instant(last, tzid);
        if (!e) return;
        end = *e;
      } else {
        end = *begin + length->exact;
      }
      core::Interval span{*begin, end};
      if (!span.empty() && span.overlaps(horizon_) && out_.size() < kMaxBusyIntervals) out_.push_back(span);
    };

    icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
    if (rrule == nullptr) {
      instance(start);
    } else {
      icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), start);
      if (it != nullptr) {
        int n = 0;
        for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) && n < kMaxIterations;
             t = icalrecur_iterator_next(it), ++n) {
          auto at = times_.instant(t, tzid);
          if (at && *at >= horizon_.end) break;
          instance(t);
        }
        icalrecur_iterator_free(it);
      }
    }
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); p != nullptr;
         p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
      icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
      if (!icaltime_is_null_time(rdate.time)) instance(rdate.time);
    }
  }

  [[nodiscard]] const Times& times() const { return times_; }
  std::vector<core::Interval> take() {
    std::sort(out_.begin(), out_.end(), [](const core::Interval& a, const core::Interval& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    return std::move(out_);
  }

 private:
  Times times_;
  core::Interval horizon_;
  std::vector<core::Interval> out_;
};

void expand_calendar(icalcomponent* calendar, core::Interval horizon, const core::Zone& floating,
                     std::vector<core::Interval>& out) {
  Expander x(calendar, horizon, floating);
  // Overrides (RECURRENCE-ID) by UID: the master skips the instants they replace; each
  // override is an event of its own.
  std::map<std::string, std::set<core::Instant>> replaced;
  std::vector<icalcomponent*> masters, overrides;
  for (icalcomponent* ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); ev != nullptr;
       ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
    if (rid == nullptr) {
      masters.push_back(ev);
      continue;
    }
    overrides.push_back(ev);
    const char* uid = icalcomponent_get_uid(ev);
    if (auto at = x.times().instant(icalproperty_get_recurrenceid(rid), tzid_of(rid)))
      replaced[uid ? uid : ""].insert(*at);
  }
  static const std::set<core::Instant> kNone;
  for (icalcomponent* ev : masters) {
    const char* uid = icalcomponent_get_uid(ev);
    auto r = replaced.find(uid ? uid : "");
    x.add_event(ev, r == replaced.end() ? kNone : r->second);
  }
  for (icalcomponent* ev : overrides) {
    // An override is one instance: its own RRULE (none is allowed) is not followed.
    if (icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
      icalcomponent_remove_property(ev, rrule);
      icalproperty_free(rrule);
    }
    x.add_event(ev, kNone);
  }
  auto got = x.take();
  out.insert(out.end(), got.begin(), got.end());
}

}  // namespace

core::Result<std::vector<core::Interval>> busy_intervals(const std::string& ics, core::Interval horizon,
                                                         const core::Zone& floating_zone) {
  Owned root(icalparser_parse_string(ics.c_str()), icalcomponent_free);
  std::vector<icalcomponent*> calendars;
  if (root && icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
    calendars.push_back(root.get());
  } else if (root && icalcomponent_isa(root.get()) == ICAL_XROOT_COMPONENT) {
    for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT); c != nullptr;
         c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
      calendars.push_back(c);
  }
  if (calendars.empty()) return core::Error::make(core::ErrorCode::invalid, "not an iCalendar file");
  std::vector<core::Interval> out;
  for (icalcomponent* c : calendars) expand_calendar(c, horizon, floating_zone, out);
  std::sort(out.begin(), out.end(), [](const core::Interval& a, const core::Interval& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  if (out.size() > kMaxBusyIntervals) out.resize(kMaxBusyIntervals);
  return out;
}

}  // namespace visitd::notify
