#include "http/throttle.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "http/metrics.hpp"

namespace visitd::http {

std::string network_of(const std::string& ip) {
  std::array<unsigned char, 16> bytes{};
  if (::inet_pton(AF_INET, ip.c_str(), bytes.data()) == 1) {
    return std::to_string(bytes[0]) + "." + std::to_string(bytes[1]) + "." + std::to_string(bytes[2]) + ".0/24";
  }
  if (::inet_pton(AF_INET6, ip.c_str(), bytes.data()) == 1) {
    const bool v4_mapped = std::all_of(bytes.begin(), bytes.begin() + 10, [](unsigned char b) { return b == 0; }) &&
                           bytes[10] == 0xff && bytes[11] == 0xff;
    if (v4_mapped) {
      return std::to_string(bytes[12]) + "." + std::to_string(bytes[13]) + "." + std::to_string(bytes[14]) + ".0/24";
    }
    char out[40];
    std::snprintf(out, sizeof out, "%x:%x:%x:%x::/64", (bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3],
                  (bytes[4] << 8) | bytes[5], (bytes[6] << 8) | bytes[7]);
    return out;
  }
  return ip;
}

Throttles::Throttles(const ThrottleSettings& s, const core::Clock& clock, Metrics& metrics)
    : clock_(clock),
      metrics_(metrics),
      login_network_(s.login_network_per_minute, s.login_network_burst),
      account_failures_(s.account_failures_per_hour / 60.0, s.account_failures_burst),
      booking_network_(s.booking_network_per_minute, s.booking_network_burst),
      business_bookings_(s.business_bookings_per_minute, s.business_bookings_burst) {}

void Throttles::share(SharedBuckets* shared) {
  login_network_.share(shared, "login_network");
  account_failures_.share(shared, "login_account");
  booking_network_.share(shared, "booking_network");
  business_bookings_.share(shared, "booking_business");
}

core::Status Throttles::refuse(const core::Status& status, const char* budget) {
  if (!status) metrics_.throttled(budget);
  return status;
}

core::Status Throttles::login_attempt(const std::string& ip, const std::string& account) {
  const auto now = clock_.monotonic();
  if (auto s = refuse(login_network_.admit("login:" + network_of(ip), now), "login_network"); !s) return s;
  int retry_after = 1;
  if (!account_failures_.peek("account:" + account, now, &retry_after)) {
    core::Error e =
        core::Error::make(core::ErrorCode::rate_limited, "too many failed sign-ins for this account; retry after " +
                                                             std::to_string(retry_after) + " s");
    e.retry_after = std::chrono::seconds(retry_after);
    return refuse(e, "login_account");
  }
  return core::ok_status();
}

bool Throttles::login_failed(const std::string& account) {
  const auto now = clock_.monotonic();
  const std::string key = "account:" + account;
  (void)account_failures_.allow(key, now, nullptr);
  return !account_failures_.peek(key, now, nullptr);
}

int Throttles::locked_for_s(const std::string& account) {
  int retry_after_s = 0;
  if (account_failures_.peek("account:" + account, clock_.monotonic(), &retry_after_s)) return 0;
  return std::max(retry_after_s, 1);
}

void Throttles::login_succeeded(const std::string& account) { account_failures_.forget("account:" + account); }

core::Status Throttles::booking_attempt(const std::string& ip, const std::string& business_id) {
  const auto now = clock_.monotonic();
  if (auto s = refuse(booking_network_.admit("booking:" + network_of(ip), now), "booking_network"); !s) return s;
  return refuse(business_bookings_.admit("business:" + business_id, now), "booking_business");
}

}  // namespace visitd::http
