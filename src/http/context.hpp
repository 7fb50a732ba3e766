#pragma once
// Everything handlers need, built once by the composition root (app/wiring.cpp). Handlers
// parse, call a use case (ctx.use), and render; they never reach the store itself.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/reminder_plan.hpp"
#include "core/time.hpp"
#include "http/metrics.hpp"
#include "http/rate_limit.hpp"
#include "http/throttle.hpp"
#include "security/password_checks.hpp"
#include "service/use_cases.hpp"
#include "store/store.hpp"

namespace visitd::live {
class LiveService;
}

namespace visitd::http {

// A message's parts as the template editor sees them (notify::TemplateSet / RenderedMessage).
struct MessageTexts {
  std::string subject;  // email only
  std::string text;     // email text part, or the SMS body
  std::string html;     // email only
};

struct ApiSettings {
  std::string public_url = "http://127.0.0.1:8080";  // this server's base URL (SMS webhook signatures)
  bool secure_cookies = false;                       // Secure flag on the session cookie
  int session_hours = 12;
  // Notifications (issue B)
  bool demo_outbox = false;    // serve /dev/outbox (demo mode only)
  std::string sms_auth_token;  // key of the X-Twilio-Signature HMAC
  // Checks a webhook's X-Twilio-Signature (notify::twilio_signature_valid), injected by the
  // composition root so http does not depend on notify. Unset = every webhook is refused.
  std::function<bool(const std::string& url, const std::vector<std::pair<std::string, std::string>>& params,
                     const std::string& signature)>
      sms_signature_valid;
  // The consumer's .ics of a booking, the same iCalendar the mailed invite carries
  // (notify::consumer_calendar), injected for the same reason. Unset = 404.
  std::function<std::string(const core::Booking&, const std::string& manage_url, const std::string& join_url,
                            const std::string& book_url, int sequence, core::Instant now)>
      consumer_calendar;
  // The template editor (issue K), injected for the same reason: the built-in texts of a kind
  // and channel, and a template rendered by the sending engine with a sample appointment
  // (notify::preview_template; invalid naming subject / textBody / htmlBody). Unset = 404.
  std::function<MessageTexts(core::MessageKind, core::Channel)> default_templates;
  std::function<core::Result<MessageTexts>(const core::Business&, core::MessageKind, core::Channel, const MessageTexts&,
                                           core::Instant now)>
      preview_template;
  // A subscription feed's iCalendar text (issue I; app/calendar_feed over notify::build_feed),
  // injected for the same reason. Unset = 404.
  std::function<std::string(const service::FeedCalendar&)> calendar_feed;
};

struct ApiContext {
  service::UseCases& use;  // every use case (service/use_cases.hpp)
  Metrics& metrics;
  RateLimiter& login_limiter;
  RateLimiter& booking_limiter;
  const core::Clock& clock;  // the one time source (wall: now(); monotonic: rate limits)
  ApiSettings settings;
  live::LiveService* live = nullptr;  // appointment rooms (issue C); null = rooms answer 503
  // Global cap on concurrent password checks (logins); null = uncapped (tools, tests).
  security::PasswordCheckLimit* password_checks = nullptr;
  // Budgets beyond the address (per network, account, business); null = none (tools, tests).
  Throttles* throttles = nullptr;

  [[nodiscard]] core::Instant now() const { return clock.now(); }
};

class Router;
// Registers every /api/v1 route (app/wiring.cpp calls it once).
void register_api(Router& router, ApiContext& ctx);

}  // namespace visitd::http
