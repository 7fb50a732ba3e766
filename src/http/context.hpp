#pragma once
// Everything handlers need, built once by the composition root (app/wiring.cpp).
#include <functional>
#include <string>

#include "core/time.hpp"
#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "security/capability.hpp"
#include "store/store.hpp"

namespace visitd::http {

struct ApiSettings {
  std::string public_url = "http://127.0.0.1:8080";  // base of manageUrl/joinUrl
  bool secure_cookies = false;                        // Secure flag on the session cookie
  int session_hours = 12;
  int manage_link_days_after_end = 30;                // manage link valid until end + this
  int join_link_minutes_after_end = 30;               // join link valid until end + this
};

struct ApiContext {
  store::Store& store;
  security::CapabilitySigner& signer;
  Metrics& metrics;
  RateLimiter& login_limiter;
  RateLimiter& booking_limiter;
  std::function<core::Instant()> now;   // injected clock
  ApiSettings settings;
};

class Router;
// Registers every /api/v1 route (app/wiring.cpp calls it once).
void register_api(Router& router, ApiContext& ctx);

}  // namespace visitd::http
