#pragma once
// SMTP submission through libcurl: plain, STARTTLS (required) or implicit TLS, optional
// AUTH. One connection per message keeps failure handling simple; volume is low.
#include <string>

#include "notify/transport.hpp"

namespace visitd::notify {

enum class SmtpTls { none, starttls, implicit };

struct SmtpSettings {
  std::string host;  // empty = email disabled
  int port = 587;
  SmtpTls tls = SmtpTls::starttls;
  std::string username;  // empty = no AUTH
  std::string password;
  std::string ca_file;  // PEM CA bundle for the relay certificate; empty = system store
  std::string from_address;
  std::string from_name;
  int timeout_s = 30;
};

class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(SmtpSettings s) : settings_(std::move(s)) {}
  SendResult send_mail(const std::string& from, const std::string& to, const std::string& mime) override;

 private:
  SmtpSettings settings_;
};

}  // namespace visitd::notify
