#pragma once
// SMTP submission (RFC 5321) through libcurl: plain, STARTTLS (required) or implicit TLS,
// optional AUTH. Sessions are kept open between messages: the next mail is a new MAIL FROM
// transaction on the same connection (one per concurrent sender), closed after it idles for
// `idle_reuse_s` or after any failed transaction.
#include <string>

#include "notify/curl_handles.hpp"
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
  // A session idle longer than this is not reused (relays drop idle clients; RFC 5321 4.5.3.2.7
  // asks them to wait at least 5 minutes).
  int idle_reuse_s = 60;
};

class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(SmtpSettings s) : settings_(std::move(s)) {}
  // Thread-safe: concurrent callers each use their own session. A transport error on a reused
  // session (the relay closed it meanwhile) is tried once more on a new connection.
  SendResult send_mail(const std::string& from, const std::string& to, const std::string& mime) override;

 private:
  SendResult transact(CURL* c, const std::string& from, const std::string& to, const std::string& mime,
                      bool& broken_reused);

  SmtpSettings settings_;
  CurlHandles handles_;
};

}  // namespace visitd::notify
