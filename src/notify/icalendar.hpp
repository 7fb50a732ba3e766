#pragma once
// iCalendar invites (RFC 5545/5546) for a booking, generated with libical: METHOD:REQUEST
// for a new or moved appointment, METHOD:CANCEL when it is cancelled; one UID per booking,
// SEQUENCE raised on every reschedule, times in UTC.
#include <string>
#include <vector>

#include "core/time.hpp"

namespace visitd::notify {

struct Invite {
  bool cancel = false;
  std::string uid;  // stable per booking: "<bookingId>@<domain>"
  int sequence = 0;
  core::Interval time;
  core::Instant stamp;  // DTSTAMP: when this version was produced
  std::string summary;
  std::string description;
  std::string join_url;  // also appended to DESCRIPTION
  std::string organizer_name;
  std::string organizer_email;
  std::string attendee_name;
  std::string attendee_email;
};

std::string build_invite(const Invite& invite);

// A subscription feed (RFC 5545 without METHOD, RFC 7986 NAME and REFRESH-INTERVAL, and the
// X-WR-CALNAME / X-PUBLISHED-TTL that Google and Outlook read): one VEVENT per invite, each
// as build_invite writes it (a cancelled one STATUS:CANCELLED and TRANSPARENT). An invite
// without organizer or attendee e-mail carries no ORGANIZER / ATTENDEE.
std::string build_feed(const std::string& name, const std::vector<Invite>& events, int refresh_minutes);

}  // namespace visitd::notify
