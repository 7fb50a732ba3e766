#include "app/config.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <sstream>

#include "http/client_address.hpp"

namespace visitd::app {
namespace {

template <class T>
std::optional<T> parse_number(const std::string& s) {
  T v{};
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc{} || p != end || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> parse_double(const std::string& s) {
  try {
    std::size_t used = 0;
    double v = std::stod(s, &used);
    if (used != s.size()) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

std::string number_text(double d) {
  std::ostringstream o;
  o << d;
  return o.str();
}

bool http_url(const std::string& v) { return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0; }

// The defaults shown in help and README are read from here: the struct initialisers in
// config.hpp are the one place a default is written.
const Config& defaults() {
  static const Config c;
  return c;
}

// A comma-separated list of ICE server URLs; `turn` also allows turn:/turns: entries.
std::string ice_urls(const std::string& v, std::vector<std::string>& out, bool turn) {
  out.clear();
  std::stringstream in(v);
  for (std::string u; std::getline(in, u, ',');) {
    while (!u.empty() && u.front() == ' ') u.erase(u.begin());
    while (!u.empty() && u.back() == ' ') u.pop_back();
    if (u.empty()) continue;
    const bool stun = u.rfind("stun:", 0) == 0 || u.rfind("stuns:", 0) == 0;
    const bool relay = u.rfind("turn:", 0) == 0 || u.rfind("turns:", 0) == 0;
    if (!stun && !(turn && relay))
      return std::string(turn ? "expected turn:, turns:, stun: or stuns: URLs" : "expected stun: or stuns: URLs") +
             ", got \"" + u + "\"";
    out.push_back(u);
  }
  return {};
}

std::string join_list(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "(none)" : out;
}

using Apply = std::function<std::string(Config&, const std::string&)>;

// Row builders: each parses one kind of value, checks its range and names it in the help.
template <class Get>
Setting integer(const char* group, const char* env, const char* key, std::string help, Get get, long long lo,
                long long hi) {
  help += " (" + std::to_string(lo) + ".." + std::to_string(hi) + ")";
  Apply apply = [get, lo, hi](Config& c, const std::string& v) -> std::string {
    auto n = parse_number<long long>(v);
    if (!n || *n < lo || *n > hi)
      return "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got \"" + v + "\"";
    auto& out = get(c);
    out = static_cast<std::remove_reference_t<decltype(out)>>(*n);
    return {};
  };
  return {group, env, key, std::to_string(get(const_cast<Config&>(defaults()))), std::move(help), std::move(apply)};
}

// A std::chrono duration given as a whole number of its unit (the name's suffix says which).
template <class Get>
Setting duration(const char* group, const char* env, const char* key, std::string help, Get get, long long lo,
                 long long hi) {
  help += " (" + std::to_string(lo) + ".." + std::to_string(hi) + ")";
  Apply apply = [get, lo, hi](Config& c, const std::string& v) -> std::string {
    auto n = parse_number<long long>(v);
    if (!n || *n < lo || *n > hi)
      return "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got \"" + v + "\"";
    auto& out = get(c);
    out = std::remove_reference_t<decltype(out)>(*n);
    return {};
  };
  return {group,           env, key, std::to_string(get(const_cast<Config&>(defaults())).count()), std::move(help),
          std::move(apply)};
}

// A positive rate or burst.
template <class Get>
Setting positive(const char* group, const char* env, const char* key, std::string help, Get get) {
  help += " (> 0)";
  Apply apply = [get](Config& c, const std::string& v) -> std::string {
    auto d = parse_double(v);
    if (!d || *d <= 0 || *d > 1e9) return "expected a positive number, got \"" + v + "\"";
    get(c) = *d;
    return {};
  };
  return {group, env, key, number_text(get(const_cast<Config&>(defaults()))), std::move(help), std::move(apply)};
}

template <class Get>
Setting boolean(const char* group, const char* env, const char* key, std::string help, Get get) {
  help += " (true or false)";
  Apply apply = [get](Config& c, const std::string& v) -> std::string {
    if (v == "true" || v == "1") {
      get(c) = true;
    } else if (v == "false" || v == "0") {
      get(c) = false;
    } else {
      return "expected true or false, got \"" + v + "\"";
    }
    return {};
  };
  return {group, env, key, get(const_cast<Config&>(defaults())) ? "true" : "false", std::move(help), std::move(apply)};
}

template <class Get>
Setting one_of(const char* group, const char* env, const char* key, std::string help, Get get,
               std::vector<std::string> choices) {
  std::string list;
  for (const auto& ch : choices) list += (list.empty() ? "" : ", ") + ch;
  help += " (" + list + ")";
  Apply apply = [get, choices, list](Config& c, const std::string& v) -> std::string {
    if (std::find(choices.begin(), choices.end(), v) == choices.end()) return "expected one of " + list;
    get(c) = v;
    return {};
  };
  return {group, env, key, get(const_cast<Config&>(defaults())), std::move(help), std::move(apply)};
}

// Free text; `check` returns an error message for a value it refuses.
template <class Get>
Setting text(const char* group, const char* env, const char* key, std::string fallback, std::string help, Get get,
             std::function<std::string(const std::string&)> check = {}) {
  Apply apply = [get, check](Config& c, const std::string& v) -> std::string {
    if (check) {
      if (auto err = check(v); !err.empty()) return err;
    }
    get(c) = v;
    return {};
  };
  return {group, env, key, std::move(fallback), std::move(help), std::move(apply)};
}

constexpr const char* kStore = "Database";
constexpr const char* kHttp = "HTTP server";
constexpr const char* kAuth = "Staff sign-in";
constexpr const char* kLinks = "Consumer links";
constexpr const char* kRuntime = "Logs and clock";
constexpr const char* kMail = "E-mail";
constexpr const char* kSms = "SMS";
constexpr const char* kOutbox = "Outbox worker";
constexpr const char* kWebhooks = "Webhooks";
constexpr const char* kLive = "Appointment rooms";
constexpr const char* kCalendars = "External calendars";

std::vector<Setting> make_settings() {
  const auto not_empty = [](const std::string& v) { return v.empty() ? std::string("must not be empty") : ""; };
  const auto url = [](const std::string& v) {
    return http_url(v) ? std::string() : std::string("expected an http:// or https:// URL");
  };
  std::vector<Setting> rows;
  // Database
  rows.push_back(text(
      kStore, "VISITD_DATABASE", "database", defaults().store.database,
      "SQLite database file (created if missing), or a PostgreSQL URL postgres://user:password@host:port/dbname",
      [](Config & c) -> auto& { return c.store.database; }, not_empty));
  rows.push_back(integer(
      kStore, "VISITD_DATABASE_POOL", "database_pool",
      "database connections this process keeps open (PostgreSQL: count them against max_connections)",
      [](Config & c) -> auto& { return c.store.pool; }, 1, 512));
  // HTTP server
  rows.push_back({kHttp, "VISITD_LISTEN", "listen", "127.0.0.1:8080",
                  "host:port to listen on; port 0 picks a free port",
                  [](Config& c, const std::string& v) -> std::string {
                    auto colon = v.rfind(':');
                    if (colon == std::string::npos || colon == 0) return "expected host:port, got \"" + v + "\"";
                    auto port = parse_number<unsigned>(v.substr(colon + 1));
                    if (!port || *port > 65535) return "expected a port from 0 to 65535 in \"" + v + "\"";
                    c.http.listen_host = v.substr(0, colon);
                    c.http.listen_port = static_cast<std::uint16_t>(*port);
                    return {};
                  }});
  rows.push_back({kHttp, "VISITD_PUBLIC_URL", "public_url", "(http:// and the listen address)",
                  "base URL of links sent to consumers (manage/join) and of SMS webhooks",
                  [url](Config& c, const std::string& v) -> std::string {
                    if (auto err = url(v); !err.empty()) return err;
                    c.http.public_url = v;
                    while (!c.http.public_url.empty() && c.http.public_url.back() == '/') c.http.public_url.pop_back();
                    return {};
                  }});
  rows.push_back(text(
      kHttp, "VISITD_STATIC_DIR", "static_dir", "(web/dist if present)", "directory of the built web UI",
      [](Config & c) -> auto& { return c.http.static_dir; }));
  rows.push_back(integer(
      kHttp, "VISITD_THREADS", "threads", "network threads: parse, route and write",
      [](Config & c) -> auto& { return c.http.threads; }, 1, 64));
  rows.push_back(integer(
      kHttp, "VISITD_WORKER_THREADS", "worker_threads",
      "worker threads for requests that touch the database, check passwords or read files",
      [](Config & c) -> auto& { return c.http.worker_threads; }, 1, 256));
  rows.push_back(integer(
      kHttp, "VISITD_WORKER_QUEUE", "worker_queue",
      "requests waiting for a worker thread; more are answered 503 with Retry-After",
      [](Config & c) -> auto& { return c.http.worker_queue; }, 1, 100000));
  rows.push_back(integer(
      kHttp, "VISITD_MAX_BODY_BYTES", "max_body_bytes", "largest request body accepted (413 beyond)",
      [](Config & c) -> auto& { return c.http.max_body_bytes; }, 1024, 64LL << 20));
  rows.push_back(integer(
      kHttp, "VISITD_MAX_HEADER_BYTES", "max_header_bytes", "largest request header block (431 beyond)",
      [](Config & c) -> auto& { return c.http.max_header_bytes; }, 1024, 1 << 20));
  rows.push_back(duration(
      kHttp, "VISITD_HEADER_TIMEOUT_S", "header_timeout_s",
      "seconds a client has to send a request header; then the connection is closed",
      [](Config & c) -> auto& { return c.http.header_timeout; }, 1, 3600));
  rows.push_back(duration(
      kHttp, "VISITD_BODY_TIMEOUT_S", "body_timeout_s",
      "seconds a client has to send a whole request body once its header is in; then the connection is closed",
      [](Config & c) -> auto& { return c.http.body_timeout; }, 1, 3600));
  rows.push_back(integer(
      kHttp, "VISITD_MAX_CONNECTIONS", "max_connections",
      "connections held at once; more are closed at accept (cut at start to the open-file limit less 64, with a "
      "warning)",
      [](Config & c) -> auto& { return c.http.max_connections; }, 1, 1000000));
  rows.push_back(integer(
      kHttp, "VISITD_MAX_CONNECTIONS_PER_ADDRESS", "max_connections_per_address",
      "connections one client address may hold; more are closed at accept",
      [](Config & c) -> auto& { return c.http.max_connections_per_address; }, 1, 1000000));
  rows.push_back(text(
      kHttp, "VISITD_TRUSTED_PROXIES", "trusted_proxies", "(none)",
      "comma-separated CIDR blocks of reverse proxies (127.0.0.1, 10.0.0.0/8, ::1); from these peers the client "
      "address is the rightmost untrusted X-Forwarded-For entry, and the per-address connection cap does not apply",
      [](Config & c) -> auto& { return c.http.trusted_proxies; },
      [](const std::string& v) {
        auto parsed = http::TrustedProxies::parse(v);
        return parsed.ok() ? std::string() : parsed.error().detail;
      }));
  rows.push_back(duration(
      kHttp, "VISITD_IDLE_TIMEOUT_S", "idle_timeout_s", "seconds a keep-alive connection may idle before it is closed",
      [](Config & c) -> auto& { return c.http.idle_timeout; }, 1, 3600));
  rows.push_back(positive(
      kHttp, "VISITD_BOOKING_RATE_PER_MINUTE", "booking_rate_per_minute", "public bookings per client IP per minute",
      [](Config & c) -> auto& { return c.http.booking_rate_per_minute; }));
  rows.push_back(positive(
      kHttp, "VISITD_BOOKING_BURST", "booking_burst", "public bookings allowed in a burst",
      [](Config & c) -> auto& { return c.http.booking_burst; }));
  rows.push_back(positive(
      kHttp, "VISITD_BOOKING_NETWORK_RATE_PER_MINUTE", "booking_network_rate_per_minute",
      "public bookings per minute from one network (/24 of IPv4, /64 of IPv6)",
      [](Config & c) -> auto& { return c.http.booking_network_rate_per_minute; }));
  rows.push_back(positive(
      kHttp, "VISITD_BOOKING_NETWORK_BURST", "booking_network_burst",
      "public bookings allowed in a burst from one network",
      [](Config & c) -> auto& { return c.http.booking_network_burst; }));
  rows.push_back(positive(
      kHttp, "VISITD_BUSINESS_BOOKING_RATE_PER_MINUTE", "business_booking_rate_per_minute",
      "public bookings per minute of one business, from every address together",
      [](Config & c) -> auto& { return c.http.business_booking_rate_per_minute; }));
  rows.push_back(positive(
      kHttp, "VISITD_BUSINESS_BOOKING_BURST", "business_booking_burst",
      "public bookings of one business allowed in a burst",
      [](Config & c) -> auto& { return c.http.business_booking_burst; }));
  // Staff sign-in
  rows.push_back(integer(
      kAuth, "VISITD_PASSWORD_CHECKS", "password_checks",
      "password checks (argon2id) at once; more logins are answered 503 with Retry-After",
      [](Config & c) -> auto& { return c.auth.password_checks; }, 1, 64));
  rows.push_back(positive(
      kAuth, "VISITD_LOGIN_RATE_PER_MINUTE", "login_rate_per_minute", "login attempts per client IP per minute",
      [](Config & c) -> auto& { return c.auth.login_rate_per_minute; }));
  rows.push_back(positive(
      kAuth, "VISITD_LOGIN_BURST", "login_burst", "login attempts allowed in a burst",
      [](Config & c) -> auto& { return c.auth.login_burst; }));
  rows.push_back(positive(
      kAuth, "VISITD_LOGIN_NETWORK_RATE_PER_MINUTE", "login_network_rate_per_minute",
      "login attempts per minute from one network (/24 of IPv4, /64 of IPv6)",
      [](Config & c) -> auto& { return c.auth.login_network_rate_per_minute; }));
  rows.push_back(positive(
      kAuth, "VISITD_LOGIN_NETWORK_BURST", "login_network_burst", "login attempts allowed in a burst from one network",
      [](Config & c) -> auto& { return c.auth.login_network_burst; }));
  rows.push_back(positive(
      kAuth, "VISITD_ACCOUNT_LOGIN_FAILURES_PER_HOUR", "account_login_failures_per_hour",
      "failed passwords an account recovers per hour once locked (its backoff)",
      [](Config & c) -> auto& { return c.auth.account_failures_per_hour; }));
  rows.push_back(positive(
      kAuth, "VISITD_ACCOUNT_LOGIN_FAILURES", "account_login_failures",
      "failed passwords for one account, from any address, before its logins are refused 429 (even the right "
      "one) until it recovers",
      [](Config & c) -> auto& { return c.auth.account_failures_burst; }));
  rows.push_back(boolean(
      kAuth, "VISITD_SECURE_COOKIES", "secure_cookies", "mark the session cookie Secure (behind HTTPS)",
      [](Config & c) -> auto& { return c.auth.secure_cookies; }));
  rows.push_back(duration(
      kAuth, "VISITD_SESSION_HOURS", "session_hours", "staff session lifetime in hours",
      [](Config & c) -> auto& { return c.auth.session; }, 1, 720));
  // Consumer links
  rows.push_back(text(
      kLinks, "VISITD_SECRET", "secret", "(generated, kept in the database)",
      "key that signs consumer links and room tokens (>= 16 characters)",
      [](Config & c) -> auto& { return c.links.secret; },
      [](const std::string& v) { return v.size() < 16 ? "must be at least 16 characters" : ""; }));
  rows.push_back(duration(
      kLinks, "VISITD_MANAGE_LINK_DAYS", "manage_link_days",
      "a manage link works until the appointment end + this many days",
      [](Config & c) -> auto& { return c.links.manage_link; }, 1, 365));
  rows.push_back(duration(
      kLinks, "VISITD_JOIN_LINK_MINUTES", "join_link_minutes",
      "a join link works until the appointment end + this many minutes",
      [](Config & c) -> auto& { return c.links.join_link; }, 0, 1440));
  // Logs and clock
  rows.push_back(one_of(kRuntime, "VISITD_LOG_LEVEL", "log_level",
                        "least severe log lines written to stderr; info and below include one access line per request",
                        [](Config & c) -> auto& { return c.runtime.log_level; },
                        {"trace", "debug", "info", "warn", "error", "off"}));
  rows.push_back(duration(
      kRuntime, "VISITD_CLOCK_SKEW_SECONDS", "clock_skew_seconds",
      "shift the wall clock by this many seconds (tests and drills only)",
      [](Config & c) -> auto& { return c.runtime.clock_skew; }, -10LL * 365 * 86400, 10LL * 365 * 86400));
  // E-mail
  rows.push_back(text(
      kMail, "VISITD_SMTP_HOST", "smtp_host", "(none: e-mail off)", "SMTP relay host for confirmations and reminders",
      [](Config & c) -> auto& { return c.mail.smtp_host; }));
  rows.push_back(integer(
      kMail, "VISITD_SMTP_PORT", "smtp_port", "SMTP relay port", [](Config & c) -> auto& { return c.mail.smtp_port; },
      1, 65535));
  rows.push_back(one_of(kMail, "VISITD_SMTP_TLS", "smtp_tls",
                        "none (a relay on localhost), starttls (required, never opportunistic) or implicit (smtps, "
                        "usually port 465)",
                        [](Config & c) -> auto& { return c.mail.smtp_tls; }, {"none", "starttls", "implicit"}));
  rows.push_back(text(
      kMail, "VISITD_SMTP_USERNAME", "smtp_username", "(none: no AUTH)", "SMTP AUTH user",
      [](Config & c) -> auto& { return c.mail.smtp_username; }));
  rows.push_back(text(
      kMail, "VISITD_SMTP_PASSWORD", "smtp_password", "(none)", "SMTP AUTH password",
      [](Config & c) -> auto& { return c.mail.smtp_password; }));
  rows.push_back(text(
      kMail, "VISITD_SMTP_CA_FILE", "smtp_ca_file", "(the system trust store)",
      "PEM file of CA certificates trusted for the relay's TLS certificate (a private CA); "
      "verification is never turned off",
      [](Config & c) -> auto& { return c.mail.smtp_ca_file; }));
  rows.push_back(text(
      kMail, "VISITD_SMTP_FROM", "smtp_from", defaults().mail.smtp_from,
      "sender address; its domain also names Message-IDs and invite UIDs",
      [](Config & c) -> auto& { return c.mail.smtp_from; },
      [](const std::string& v) {
        return v.find('@') == std::string::npos || v.find_first_of(" <>\r\n\"") != std::string::npos
                   ? "expected a plain e-mail address"
                   : "";
      }));
  rows.push_back(text(
      kMail, "VISITD_SMTP_FROM_NAME", "smtp_from_name", "(the business name)", "sender display name",
      [](Config & c) -> auto& { return c.mail.smtp_from_name; }));
  // SMS
  rows.push_back(text(
      kSms, "VISITD_SMS_BASE_URL", "sms_base_url", defaults().sms.sms_base_url,
      "any gateway speaking the Twilio Messages API", [](Config & c) -> auto& { return c.sms.sms_base_url; }, url));
  rows.push_back(text(
      kSms, "VISITD_SMS_ACCOUNT_SID", "sms_account_sid", "(none: SMS off)", "SMS account SID (Basic auth user)",
      [](Config & c) -> auto& { return c.sms.sms_account_sid; }));
  rows.push_back(text(
      kSms, "VISITD_SMS_AUTH_TOKEN", "sms_auth_token", "(none)",
      "SMS auth token (Basic auth; also verifies X-Twilio-Signature on webhooks)",
      [](Config & c) -> auto& { return c.sms.sms_auth_token; }));
  rows.push_back(text(
      kSms, "VISITD_SMS_FROM", "sms_from", "(none)", "SMS sender number (E.164)",
      [](Config & c) -> auto& { return c.sms.sms_from; }));
  // Outbox worker
  rows.push_back(duration(
      kOutbox, "VISITD_NOTIFY_INTERVAL_MS", "notify_interval_ms",
      "how often the outbox worker looks for due messages, in milliseconds",
      [](Config & c) -> auto& { return c.outbox.interval; }, 10, 600000));
  rows.push_back(integer(
      kOutbox, "VISITD_NOTIFY_BATCH", "notify_batch", "messages claimed per pass",
      [](Config & c) -> auto& { return c.outbox.batch; }, 1, 500));
  rows.push_back(integer(
      kOutbox, "VISITD_NOTIFY_SENDERS", "notify_senders",
      "messages sent at once, each over its own kept-alive SMTP session or HTTP connection; "
      "one booking's messages always go in order",
      [](Config & c) -> auto& { return c.outbox.senders; }, 1, 32));
  rows.push_back(duration(
      kOutbox, "VISITD_NOTIFY_LEASE_S", "notify_lease_s",
      "a claimed message whose sender died is taken over by any instance after this many seconds",
      [](Config & c) -> auto& { return c.outbox.lease; }, 1, 86400));
  rows.push_back(integer(
      kOutbox, "VISITD_NOTIFY_MAX_ATTEMPTS", "notify_max_attempts", "sends tried before a message is marked failed",
      [](Config & c) -> auto& { return c.outbox.max_attempts; }, 1, 100));
  rows.push_back(duration(
      kOutbox, "VISITD_NOTIFY_RETRY_BASE_S", "notify_retry_base_s",
      "first retry delay in seconds; doubles per attempt, with jitter",
      [](Config & c) -> auto& { return c.outbox.retry_base; }, 0, 86400));
  rows.push_back(duration(
      kOutbox, "VISITD_NOTIFY_RETRY_MAX_S", "notify_retry_max_s", "longest retry delay in seconds",
      [](Config & c) -> auto& { return c.outbox.retry_max; }, 0, 604800));
  rows.push_back(boolean(
      kOutbox, "VISITD_DEMO_OUTBOX", "demo_outbox", "demo only: capture messages at /dev/outbox instead of sending",
      [](Config & c) -> auto& { return c.outbox.demo_outbox; }));
  // Webhooks (issue I)
  rows.push_back(boolean(
      kWebhooks, "VISITD_WEBHOOK_ALLOW_PRIVATE_TARGETS", "webhook_allow_private_targets",
      "deliver webhooks to loopback, private, link-local, CGNAT and ULA addresses too (refused by default, "
      "checked after DNS resolution)",
      [](Config & c) -> auto& { return c.webhooks.allow_private_targets; }));
  rows.push_back(duration(
      kWebhooks, "VISITD_WEBHOOK_TIMEOUT_S", "webhook_timeout_s",
      "seconds a receiver has to answer a delivery (connecting included)",
      [](Config & c) -> auto& { return c.webhooks.timeout; }, 1, 120));
  rows.push_back(integer(
      kWebhooks, "VISITD_WEBHOOK_MAX_ATTEMPTS", "webhook_max_attempts",
      "attempts before a delivery is marked failed (a manager may redeliver it)",
      [](Config & c) -> auto& { return c.webhooks.max_attempts; }, 1, 100));
  rows.push_back(duration(
      kWebhooks, "VISITD_WEBHOOK_RETRY_BASE_S", "webhook_retry_base_s",
      "first retry delay in seconds; doubles per attempt, with jitter",
      [](Config & c) -> auto& { return c.webhooks.retry_base; }, 0, 86400));
  rows.push_back(duration(
      kWebhooks, "VISITD_WEBHOOK_RETRY_MAX_S", "webhook_retry_max_s", "longest webhook retry delay in seconds",
      [](Config & c) -> auto& { return c.webhooks.retry_max; }, 0, 604800));
  // Appointment rooms
  rows.push_back(text(
      kLive, "VISITD_TURN_SECRET", "turn_secret", "(none: no TURN credentials)",
      "secret shared with coturn (use-auth-secret; >= 16 characters); `visitd turn-config` prints a "
      "matching coturn configuration",
      [](Config & c) -> auto& { return c.live.turn_secret; },
      [](const std::string& v) { return !v.empty() && v.size() < 16 ? "must be at least 16 characters" : ""; }));
  rows.push_back({kLive, "VISITD_TURN_URLS", "turn_urls", "(none)",
                  "comma-separated turn:/stun: URLs handed to browsers with each room join, e.g. "
                  "turn:host:3478?transport=udp",
                  [](Config& c, const std::string& v) { return ice_urls(v, c.live.turn_urls, true); }});
  rows.push_back({kLive, "VISITD_STUN_URLS", "stun_urls", join_list(defaults().live.stun_urls),
                  "comma-separated stun: URLs handed to browsers when no TURN relay is configured (a relay "
                  "answers STUN itself); empty: none",
                  [](Config& c, const std::string& v) { return ice_urls(v, c.live.stun_urls, false); }});
  rows.push_back(duration(
      kLive, "VISITD_TURN_TTL_S", "turn_ttl_s",
      "longest lifetime of minted TURN credentials in seconds (they also end with the room token; only admitted "
      "participants get them)",
      [](Config & c) -> auto& { return c.live.turn_ttl; }, 60, 86400));
  rows.push_back(text(
      kLive, "VISITD_TURN_REALM", "turn_realm", defaults().live.turn_realm, "TURN realm (coturn's realm)",
      [](Config & c) -> auto& { return c.live.turn_realm; }, not_empty));
  rows.push_back(duration(
      kLive, "VISITD_ROOM_GRACE_S", "room_grace_s",
      "seconds a dropped room participant may reconnect and get the chat it missed",
      [](Config & c) -> auto& { return c.live.room_grace; }, 0, 3600));
  rows.push_back(duration(
      kLive, "VISITD_ROOM_TOKEN_TTL_S", "room_token_ttl_s",
      "room token lifetime in seconds (never past the room's window)",
      [](Config & c) -> auto& { return c.live.room_token_ttl; }, 10, 86400));
  rows.push_back(integer(
      kLive, "VISITD_LIVE_MAX_MESSAGE_BYTES", "live_max_message_bytes",
      "largest WebSocket message (closed with 1009 beyond)",
      [](Config & c) -> auto& { return c.live.max_message_bytes; }, 1024, 1 << 20));
  rows.push_back(positive(
      kLive, "VISITD_LIVE_RATE_PER_SECOND", "live_rate_per_second",
      "WebSocket messages a connection may send per second (closed with 1008 beyond)",
      [](Config & c) -> auto& { return c.live.rate_per_second; }));
  rows.push_back(positive(
      kLive, "VISITD_LIVE_BURST", "live_burst", "WebSocket messages allowed in a burst",
      [](Config & c) -> auto& { return c.live.burst; }));
  rows.push_back(integer(
      kLive, "VISITD_LIVE_QUEUE_BYTES", "live_queue_bytes", "unsent bytes before a slow WebSocket client is dropped",
      [](Config & c) -> auto& { return c.live.queue_bytes; }, 4096, 256LL << 20));
  rows.push_back(integer(
      kLive, "VISITD_LIVE_WORKER_THREADS", "live_worker_threads",
      "worker threads for room messages that touch the database (auth, chat, lobby decisions)",
      [](Config & c) -> auto& { return c.live.worker_threads; }, 1, 256));
  rows.push_back(integer(
      kLive, "VISITD_LIVE_WORKER_QUEUE", "live_worker_queue",
      "room messages waiting for a worker thread; more are answered with an `unavailable` error",
      [](Config & c) -> auto& { return c.live.worker_queue; }, 1, 100000));
  rows.push_back(duration(
      kLive, "VISITD_LIVE_INSTANCE_LEASE_S", "live_instance_lease_s",
      "with PostgreSQL: seconds after which an instance that stopped renewing its lease is taken for dead and its "
      "room participants leave (renewed every third of it)",
      [](Config & c) -> auto& { return c.live.instance_lease; }, 3, 3600));
  // External calendars (issue I)
  rows.push_back(boolean(
      kCalendars, "VISITD_FETCH_ALLOW_PRIVATE", "fetch_allow_private",
      "fetch staff-given addresses (external calendars) on loopback, private and link-local networks; "
      "off, such targets are refused after DNS resolution. Tests and closed networks only",
      [](Config & c) -> auto& { return c.calendars.fetch_allow_private; }));
  rows.push_back(integer(
      kCalendars, "VISITD_CALENDAR_REFRESH_MINUTES", "calendar_refresh_minutes",
      "how often an external calendar is fetched when the provider sets no schedule, in minutes",
      [](Config & c) -> auto& { return c.calendars.refresh_minutes; }, 5, 1440));
  rows.push_back(duration(
      kCalendars, "VISITD_CALENDAR_CONNECT_TIMEOUT_S", "calendar_connect_timeout_s",
      "seconds to connect to an external calendar's server",
      [](Config & c) -> auto& { return c.calendars.connect_timeout; }, 1, 60));
  rows.push_back(duration(
      kCalendars, "VISITD_CALENDAR_FETCH_TIMEOUT_S", "calendar_fetch_timeout_s",
      "seconds one fetch of an external calendar may take in all (reported to the provider beyond)",
      [](Config & c) -> auto& { return c.calendars.fetch_timeout; }, 1, 300));
  rows.push_back(integer(
      kCalendars, "VISITD_CALENDAR_MAX_BYTES", "calendar_max_bytes",
      "largest external calendar accepted, in bytes after decompression (reported to the provider beyond)",
      [](Config & c) -> auto& { return c.calendars.max_bytes; }, 4096, 64LL << 20));
  rows.push_back(integer(
      kCalendars, "VISITD_CALENDAR_FETCHERS", "calendar_fetchers", "external calendars fetched at once",
      [](Config & c) -> auto& { return c.calendars.fetchers; }, 1, 16));
  return rows;
}

const Setting* find_by_key(const std::string& key) {
  for (const auto& s : settings()) {
    if (key == s.key) return &s;
  }
  return nullptr;
}

std::string toml_value_text(const toml::node& n) {
  if (auto s = n.value<std::string>()) return *s;
  if (auto b = n.value<bool>()) return *b ? "true" : "false";
  if (n.is_integer()) return std::to_string(*n.value<long long>());
  if (auto d = n.value<double>()) {
    std::ostringstream o;
    o << *d;
    return o.str();
  }
  return "\x01";  // not a scalar: reported below
}

}  // namespace

const std::vector<Setting>& settings() {
  static const std::vector<Setting> rows = make_settings();
  return rows;
}

LoadedConfig load_config(const std::optional<std::string>& toml_path,
                         const std::function<const char*(const char*)>& getenv) {
  LoadedConfig out;
  if (toml_path) {
    try {
      auto table = toml::parse_file(*toml_path);
      for (auto&& [k, node] : table) {
        std::string key(k.str());
        const Setting* spec = find_by_key(key);
        if (spec == nullptr) {
          out.errors.push_back(*toml_path + ": unknown setting \"" + key + "\"");
          continue;
        }
        auto text = toml_value_text(node);
        auto err = text == "\x01" ? std::string("expected a single value") : spec->apply(out.config, text);
        if (!err.empty()) out.errors.push_back(*toml_path + ": " + key + ": " + err);
      }
    } catch (const toml::parse_error& e) {
      out.errors.push_back(*toml_path + ": " + std::string(e.description()));
    }
  }
  for (const auto& spec : settings()) {
    if (const char* v = getenv(spec.env)) {
      auto err = spec.apply(out.config, v);
      if (!err.empty()) out.errors.push_back(std::string(spec.env) + ": " + err);
    }
  }
  auto& c = out.config;
  if (c.http.public_url.empty())
    c.http.public_url = "http://" + c.http.listen_host + ":" + std::to_string(c.http.listen_port);
  if (c.http.static_dir.empty() && std::filesystem::is_regular_file("web/dist/index.html"))
    c.http.static_dir = "web/dist";
  return out;
}

std::string settings_help() {
  std::ostringstream o;
  o << "Settings (environment variable / TOML key in --config file: meaning [default]):\n";
  std::string group;
  for (const auto& s : settings()) {
    if (group != s.group) o << " " << (group = s.group) << ":\n";
    o << "  " << s.env << " / " << s.key << ": " << s.help << " [" << s.fallback << "]\n";
  }
  o << "Environment variables override the TOML file.\n";
  return o.str();
}

std::string settings_markdown() {
  std::ostringstream o;
  std::string group;
  for (const auto& s : settings()) {
    if (group != s.group) {
      if (!group.empty()) o << "\n";
      o << "#### " << (group = s.group)
        << "\n\n| variable | TOML key | default | meaning |\n| --- | --- | --- | --- |\n";
    }
    // A literal default is code; a description ("(none: e-mail off)") is prose.
    const bool literal = !s.fallback.empty() && s.fallback.front() != '(';
    o << "| `" << s.env << "` | `" << s.key << "` | " << (literal ? "`" + s.fallback + "`" : s.fallback) << " | "
      << s.help << " |\n";
  }
  return o.str();
}

}  // namespace visitd::app
