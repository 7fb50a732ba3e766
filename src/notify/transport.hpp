#pragma once
// Where composed messages go: a real SMTP relay and SMS gateway, or (demo mode) the local
// capture read at /dev/outbox. The worker only sees these interfaces.
#include <optional>
#include <string>

#include "core/time.hpp"

namespace visitd::notify {

struct SendResult {
  bool ok = false;
  bool permanent = false;  // retrying cannot help (e.g. the gateway refused the number)
  bool opted_out = false;  // the gateway says the recipient unsubscribed: treat as an inbound STOP
  std::string carrier_id;  // SMS: the gateway's message sid
  std::string error;       // short, never the message body
  std::string error_code;  // the gateway's own error code (Twilio's numeric code), or empty
  // The gateway's Retry-After (RFC 9110 10.2.3): no new try before this. Either a delay or
  // an HTTP-date, as sent.
  std::optional<core::Seconds> retry_after;
  std::optional<core::Instant> retry_not_before;
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual SendResult send_mail(const std::string& from, const std::string& to, const std::string& mime) = 0;
};

class SmsTransport {
 public:
  virtual ~SmsTransport() = default;
  virtual SendResult send_sms(const std::string& to, const std::string& body) = 0;
};

}  // namespace visitd::notify
