#pragma once
// Where composed messages go: a real SMTP relay and SMS gateway, or (demo mode) the local
// capture read at /dev/outbox. The worker only sees these interfaces.
#include <string>

namespace visitd::notify {

struct SendResult {
  bool ok = false;
  bool permanent = false;  // retrying cannot help (e.g. the gateway refused the number)
  std::string carrier_id;  // SMS: the gateway's message sid
  std::string error;       // short, never the message body
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
