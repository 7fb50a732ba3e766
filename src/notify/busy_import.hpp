#pragma once
// Busy time from an external calendar (issue I): the instants an iCalendar text (RFC 5545)
// says its owner is busy, expanded through libical.
//  - Each VEVENT in its own zone: DTSTART/DTEND with TZID resolved against the file's
//    VTIMEZONEs (Outlook's Windows names included), else the system's IANA zones; UTC times
//    as given; floating times and all-day dates in `floating_zone` (the provider's).
//  - RRULE and RDATE expanded on the wall clock of the event's zone (so 09:00 stays 09:00
//    across DST), minus EXDATE; an instance with a RECURRENCE-ID override is replaced by the
//    override. A DTEND gives every instance the same exact duration, a DATE end or DURATION
//    in days the same number of days (RFC 5545 3.8.5.3).
//  - TRANSP:TRANSPARENT ("free") and STATUS:CANCELLED events (series or instance) are not busy.
//  - RANGE=THISANDFUTURE overrides are applied to their one instance only; VFREEBUSY and
//    VTODO components are not read.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace visitd::notify {

// At most this many busy intervals are kept per calendar (a runaway rule is cut, not fatal).
inline constexpr std::size_t kMaxBusyIntervals = 20000;

// Busy intervals overlapping `horizon`, sorted by start, not merged. invalid ("not an
// iCalendar file") when the text holds no VCALENDAR.
core::Result<std::vector<core::Interval>> busy_intervals(const std::string& ics, core::Interval horizon,
                                                         const core::Zone& floating_zone);

}  // namespace visitd::notify
