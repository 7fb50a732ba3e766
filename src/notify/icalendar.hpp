#pragma once
// iCalendar invites (RFC 5545/5546) for a booking, generated with libical: METHOD:REQUEST
// for a new or moved appointment, METHOD:CANCEL when it is cancelled; one UID per booking,
// SEQUENCE raised on every reschedule, times in UTC.
#include <string>

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

}  // namespace visitd::notify
