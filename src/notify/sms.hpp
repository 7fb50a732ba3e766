#pragma once
// SMS through the Twilio Messages API wire format: POST form-encoded To, From, Body (and
// StatusCallback) to {base}/2010-04-01/Accounts/{sid}/Messages.json with Basic auth. The
// base URL is configurable, so any compatible gateway (or a test fake) works. Requests go over
// kept-alive HTTP/1.1 connections (one per concurrent sender), reused while the gateway keeps them.
#include <string>

#include "notify/curl_handles.hpp"
#include "notify/transport.hpp"

namespace visitd::notify {

struct SmsSettings {
  std::string base_url = "https://api.twilio.com";  // empty account_sid = SMS disabled
  std::string account_sid;
  std::string auth_token;
  std::string from;                 // E.164 sender or messaging service
  std::string status_callback_url;  // where delivery reports are posted
  int timeout_s = 30;
};

class TwilioSmsTransport final : public SmsTransport {
 public:
  explicit TwilioSmsTransport(SmsSettings s) : settings_(std::move(s)) {}
  // Thread-safe: concurrent callers each use their own connection.
  SendResult send_sms(const std::string& to, const std::string& body) override;

 private:
  SmsSettings settings_;
  CurlHandles handles_;
};

}  // namespace visitd::notify
