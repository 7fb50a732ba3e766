#pragma once
// Everything handlers need, built once by the composition root (app/wiring.cpp).
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/time.hpp"
#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "security/capability.hpp"
#include "security/password_checks.hpp"
#include "store/store.hpp"

namespace visitd::live {
class LiveService;
}

namespace visitd::http {

struct ApiSettings {
  std::string public_url = "http://127.0.0.1:8080";  // base of manageUrl/joinUrl
  bool secure_cookies = false;                       // Secure flag on the session cookie
  int session_hours = 12;
  int manage_link_days_after_end = 30;   // manage link valid until end + this
  int join_link_minutes_after_end = 30;  // join link valid until end + this
  // Notifications (issue B)
  bool demo_outbox = false;    // serve /dev/outbox (demo mode only)
  std::string sms_auth_token;  // key of the X-Twilio-Signature HMAC
  // Checks a webhook's X-Twilio-Signature (notify::twilio_signature_valid), injected by the
  // composition root so http does not depend on notify. Unset = every webhook is refused.
  std::function<bool(const std::string& url, const std::vector<std::pair<std::string, std::string>>& params,
                     const std::string& signature)>
      sms_signature_valid;
};

struct ApiContext {
  store::Store& store;
  security::CapabilitySigner& signer;
  Metrics& metrics;
  RateLimiter& login_limiter;
  RateLimiter& booking_limiter;
  std::function<core::Instant()> now;  // wall time, read from `clock`
  const core::Clock& clock;            // the one time source (monotonic: rate limits)
  ApiSettings settings;
  live::LiveService* live = nullptr;  // appointment rooms (issue C); null = rooms answer 503
  // Global cap on concurrent password checks (logins); null = uncapped (tools, tests).
  security::PasswordCheckLimit* password_checks = nullptr;
};

class Router;
// Registers every /api/v1 route (app/wiring.cpp calls it once).
void register_api(Router& router, ApiContext& ctx);

}  // namespace visitd::http
