#pragma once
// Budgets beyond one client address (issue H): an attacker with many addresses still shares
// a network, and every guess at a password targets one account, every booking one business.
//  - login:   per network (/24 of IPv4, /64 of IPv6) and per account: each failed password
//             spends a token of the account's budget; with none left the account's logins are
//             refused (429, Retry-After) until one refills (backoff, then a temporary lockout);
//  - booking: per network and per business.
// The per-address budgets stay where they are (ApiContext's limiters). Every refusal is a
// core::Error of code rate_limited with retry_after (429 problem+json with Retry-After) and is
// counted by budget in /metrics (visitd_throttled_total{budget=...}). Time is the injected
// clock's monotonic reading.
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "http/rate_limit.hpp"

namespace visitd::http {

class Metrics;

struct ThrottleSettings {
  double login_network_per_minute = 30;  // login attempts per /24 or /64
  double login_network_burst = 30;
  double account_failures_per_hour = 12;   // failed passwords an account recovers per hour
  double account_failures_burst = 5;       // failed passwords before the account is locked
  double booking_network_per_minute = 30;  // public bookings per /24 or /64
  double booking_network_burst = 30;
  double business_bookings_per_minute = 60;  // public bookings per business, all addresses
  double business_bookings_burst = 60;
};

// The network a client address belongs to for these budgets: "a.b.c.0/24" for IPv4 (and
// IPv4-mapped IPv6), the first four groups + "::/64" for IPv6; anything else is returned as is.
std::string network_of(const std::string& ip);

class Throttles {
 public:
  Throttles(const ThrottleSettings& settings, const core::Clock& clock, Metrics& metrics);

  // Before checking a password for `account` (the e-mail as typed, case-folded by the caller)
  // from `ip`: the network's budget is spent; a locked account is refused without a check.
  core::Status login_attempt(const std::string& ip, const std::string& account);
  // After a wrong password (or an unknown account: both answer alike). True when this failure
  // spent the account's last token, i.e. the account is now locked.
  bool login_failed(const std::string& account);
  // Seconds until a locked `account` may try again; 0 when it is not locked.
  int locked_for_s(const std::string& account);
  // After a right password: the account's failures are forgotten.
  void login_succeeded(const std::string& account);

  // Before a public booking of `business_id` from `ip`.
  core::Status booking_attempt(const std::string& ip, const std::string& business_id);

  // Keeps every budget in `shared` (several instances on one database); before serving.
  void share(SharedBuckets* shared);

 private:
  core::Status refuse(const core::Status& status, const char* budget);
  const core::Clock& clock_;
  Metrics& metrics_;
  RateLimiter login_network_;
  RateLimiter account_failures_;
  RateLimiter booking_network_;
  RateLimiter business_bookings_;
};

}  // namespace visitd::http
