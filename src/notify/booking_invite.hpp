#pragma once
// The calendar identity of one booking, shared by every iCalendar visitd produces for it:
// the invites mailed to the consumer and the provider and the consumer's downloadable .ics
// carry the same UID and SEQUENCE, so a calendar that imported one applies the others
// (RFC 5546: an update or CANCEL matches by UID, newer by SEQUENCE).
#include <string>

#include "core/model.hpp"
#include "notify/icalendar.hpp"
#include "store/store.hpp"

namespace visitd::notify {

// "<bookingId>@<domain of the mail sender>"; visitd.invalid when no sender is configured.
std::string booking_uid(const core::Id& booking_id, const std::string& from_address);

struct InviteParty {
  std::string name;
  std::string email;
};

struct BookingInviteFacts {
  const core::Booking* booking = nullptr;
  std::string business_name;
  std::string service_name;   // "Appointment" when the service is gone
  std::string provider_name;  // empty when the provider is gone
  std::string from_address;   // the organizer's address and the UID's domain
  InviteParty attendee;
  std::string manage_url;  // consumer only; empty = none (cancelled, provider)
  std::string join_url;    // the recipient's own way into the call; empty = none
  std::string book_url;    // a cancelled booking offers booking again
  int sequence = 0;
  bool cancel = false;
  core::Instant stamp;
};

Invite booking_invite(const BookingInviteFacts& f);

// The consumer's own copy of the appointment as an iCalendar text (METHOD:REQUEST, or
// CANCEL once cancelled), exactly what their mailed invite says now: same UID, the given
// SEQUENCE, the join link in DESCRIPTION, URL and LOCATION. `sequence` is the booking's
// reschedule count (+1 when cancelled), as the outbox plans it.
std::string consumer_calendar(store::CatalogStore& catalog, const core::Booking& b, const std::string& manage_url,
                              const std::string& join_url, const std::string& book_url, const std::string& from_address,
                              int sequence, core::Instant now);

}  // namespace visitd::notify
