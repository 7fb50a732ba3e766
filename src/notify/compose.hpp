#pragma once
// Turns one outbox row into what goes on the wire, from the booking as it is now: the
// recipient's address, a MIME mail (text, HTML, iCalendar invite) or an SMS text, with the
// time in the recipient's own zone, the consumer's manage and join links (a cancelled
// booking offers the business's booking page instead) and the provider's join link. Rows
// that cannot or must not be sent come back as a final outcome instead: no address
// (no-address), opted out, a reminder overtaken by a later one, a cancellation of an
// appointment the recipient was never sent (withdrawn). A reschedule notice to a
// recipient who never got the appointment goes out as its confirmation.
#include <functional>
#include <optional>
#include <string>

#include "store/store.hpp"

namespace visitd::notify {

struct ConsumerLinks {
  std::string manage_url;
  std::string join_url;
};
using LinkMaker = std::function<ConsumerLinks(const core::Booking&)>;

struct ComposeSettings {
  std::string from_address = "visitd@localhost";
  std::string from_name;   // default: the business's name
  std::string public_url;  // base of the booking page and the provider's room links
};

struct Composed {
  core::Channel channel = core::Channel::email;
  std::string address;  // e-mail address or E.164 number
  std::string subject;  // email only (also shown in the demo capture)
  std::string body;     // the complete MIME message, or the SMS text
  std::string text;     // the readable text (the mail's text part), for the demo capture
};

struct ComposeResult {
  std::optional<Composed> message;
  std::optional<store::SendOutcome> final_outcome;  // set when nothing should be sent
};

// The store roles composing a message reads (never the whole store): the booking; its
// business, service and provider; a staff recipient's login; the outbox (templates, the
// booking's other messages, SMS consent and opt-out); the clinic's branding.
struct ComposeStores {
  ComposeStores(store::Store& s)  // NOLINT(google-explicit-constructor): any Store is every role
      : catalog(s), bookings(s), staff(s), outbox(s), branding(s), account_mail(s) {}
  ComposeStores(store::CatalogStore& c, store::BookingStore& b, store::StaffStore& st, store::OutboxStore& o,
                store::BrandingStore& br, store::AccountMailStore& am)
      : catalog(c), bookings(b), staff(st), outbox(o), branding(br), account_mail(am) {}
  store::CatalogStore& catalog;
  store::BookingStore& bookings;
  store::StaffStore& staff;
  store::OutboxStore& outbox;
  store::BrandingStore& branding;
  store::AccountMailStore& account_mail;  // the worker's pass over mail to staff accounts
};

ComposeResult compose(const ComposeStores& store, const store::OutboxMessage& m, const ComposeSettings& settings,
                      const LinkMaker& links, core::Instant now);

// "Tuesday 24 November 2026, 09:00" in the zone, and "09:30".
std::string format_local_long(core::Instant t, const core::Zone& zone);
std::string format_local_time(core::Instant t, const core::Zone& zone);
// The domain part of an address, for Message-IDs and UIDs.
std::string domain_of(const std::string& address);

}  // namespace visitd::notify
