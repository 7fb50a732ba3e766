#pragma once
// Internet Message Format for visitd's mails, composed with GMime 3 so headers (RFC 5322),
// address lists, RFC 2047 encoded words (display names and subjects in any UTF-8, with
// commas, quotes or angle brackets) and the multipart/alternative structure (text, HTML,
// and the iCalendar invite as text/calendar with its METHOD, RFC 6047) are correct by
// construction. Pure: no I/O, no clock.
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace visitd::notify {

struct Mailbox {
  std::string name;     // display name; any UTF-8, encoded as the library sees fit
  std::string address;  // addr-spec; refused unless safe_address()
};

struct MailContent {
  Mailbox from;
  Mailbox to;
  std::string subject;          // UTF-8; line breaks become spaces
  std::string text;             // UTF-8
  std::string html;             // UTF-8; empty = text only
  std::string calendar;         // iCalendar text; empty = none
  std::string calendar_method;  // "REQUEST" or "CANCEL"
  std::string message_id;       // without angle brackets: "msg_x@example.org"
  core::Instant date;
};

// The complete message with CRLF line endings, bodies base64 (lines of at most 76
// characters); nullopt when an address or the Message-ID is unsafe. Deterministic: the
// same content gives the same bytes (a retried send is the same message).
std::optional<std::string> build_mime(const MailContent& m);

// An addr-spec visitd will put on the wire: one '@', no spaces, controls, quotes, angle
// brackets, commas or semicolons, at most 254 bytes.
bool safe_address(std::string_view address);

}  // namespace visitd::notify
