#pragma once
// Internet Message Format for visitd's mails: headers (RFC 5322, RFC 2047 encoded words for
// non-ASCII), multipart/alternative bodies (text, HTML, and the iCalendar invite as
// text/calendar with its METHOD), base64 transfer encoding. Pure: no I/O, no clock.
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace visitd::notify {

struct Mailbox {
  std::string name;     // display name; may be any UTF-8, encoded as needed
  std::string address;  // addr-spec; refused when it holds CR, LF, <, > or spaces
};

struct MailContent {
  Mailbox from;
  Mailbox to;
  std::string subject;
  std::string text;             // UTF-8
  std::string html;             // UTF-8; empty = text only
  std::string calendar;         // iCalendar text; empty = none
  std::string calendar_method;  // "REQUEST" or "CANCEL"
  std::string message_id;       // without angle brackets: "msg_x@example.org"
  core::Instant date;
};

// The complete message with CRLF line endings; nullopt when an address is unsafe.
std::optional<std::string> build_mime(const MailContent& m);

// Helpers, exposed for tests.
std::string base64_lines(std::string_view data);        // 76-character lines, CRLF
std::string encode_header_word(std::string_view text);  // RFC 2047 B-encoding when needed
std::string rfc5322_date(core::Instant t);              // "Tue, 24 Nov 2026 22:30:00 +0000"
bool safe_address(std::string_view address);

}  // namespace visitd::notify
