#include "app/config.hpp"

#include <toml++/toml.h>
#include <charconv>
#include <filesystem>
#include <map>
#include <sstream>

namespace visitd::app {
namespace {

const std::vector<SettingSpec> kSpecs = {
    {"VISITD_DATABASE", "database", "visitd.db", "SQLite database file (created if missing)"},
    {"VISITD_LISTEN", "listen", "127.0.0.1:8080", "host:port to listen on; port 0 picks a free port"},
    {"VISITD_PUBLIC_URL", "public_url", "http://<listen>", "base URL of links sent to consumers (manage/join)"},
    {"VISITD_SECRET", "secret", "(generated, kept in the database)", "key that signs consumer links; >= 16 chars"},
    {"VISITD_STATIC_DIR", "static_dir", "web/dist if present", "directory of the built web UI"},
    {"VISITD_THREADS", "threads", "4", "HTTP worker threads (1..64)"},
    {"VISITD_MAX_BODY_BYTES", "max_body_bytes", "1048576", "largest request body accepted (413 beyond)"},
    {"VISITD_MAX_HEADER_BYTES", "max_header_bytes", "16384", "largest request header block (431 beyond)"},
    {"VISITD_HEADER_TIMEOUT_S", "header_timeout_s", "10", "seconds allowed to send a request header"},
    {"VISITD_IDLE_TIMEOUT_S", "idle_timeout_s", "60", "seconds a keep-alive connection may idle"},
    {"VISITD_LOGIN_RATE_PER_MINUTE", "login_rate_per_minute", "10", "login attempts per client IP per minute"},
    {"VISITD_LOGIN_BURST", "login_burst", "5", "login attempts allowed in a burst"},
    {"VISITD_BOOKING_RATE_PER_MINUTE", "booking_rate_per_minute", "30", "public bookings per client IP per minute"},
    {"VISITD_BOOKING_BURST", "booking_burst", "10", "public bookings allowed in a burst"},
    {"VISITD_SECURE_COOKIES", "secure_cookies", "false", "mark the session cookie Secure (behind HTTPS)"},
    {"VISITD_SESSION_HOURS", "session_hours", "12", "staff session lifetime in hours (1..720)"},
    {"VISITD_MANAGE_LINK_DAYS", "manage_link_days", "30",
     "a manage link works until the appointment end + this (1..365)"},
    {"VISITD_JOIN_LINK_MINUTES", "join_link_minutes", "30",
     "a join link works until the appointment end + this (0..1440)"},
    {"VISITD_CLOCK_SKEW_SECONDS", "clock_skew_seconds", "0", "shift the clock (tests and drills only)"},
    {"VISITD_LOG_LEVEL", "log_level", "info", "trace, debug, info, warn, error or off"},
    {"VISITD_SMTP_HOST", "smtp_host", "(none: e-mail off)", "SMTP relay host for confirmations and reminders"},
    {"VISITD_SMTP_PORT", "smtp_port", "587", "SMTP relay port"},
    {"VISITD_SMTP_TLS", "smtp_tls", "starttls", "none, starttls (required) or implicit (smtps)"},
    {"VISITD_SMTP_USERNAME", "smtp_username", "(none: no AUTH)", "SMTP AUTH user"},
    {"VISITD_SMTP_PASSWORD", "smtp_password", "", "SMTP AUTH password"},
    {"VISITD_SMTP_CA_FILE", "smtp_ca_file", "(the system trust store)",
     "PEM file of CA certificates trusted for the relay's TLS certificate"},
    {"VISITD_SMTP_FROM", "smtp_from", "visitd@localhost", "sender address (also names the Message-ID domain)"},
    {"VISITD_SMTP_FROM_NAME", "smtp_from_name", "(the business name)", "sender display name"},
    {"VISITD_SMS_BASE_URL", "sms_base_url", "https://api.twilio.com", "Twilio-compatible SMS API base URL"},
    {"VISITD_SMS_ACCOUNT_SID", "sms_account_sid", "(none: SMS off)", "SMS account SID (Basic auth user)"},
    {"VISITD_SMS_AUTH_TOKEN", "sms_auth_token", "", "SMS auth token (Basic auth; verifies X-Twilio-Signature)"},
    {"VISITD_SMS_FROM", "sms_from", "", "SMS sender number (E.164)"},
    {"VISITD_NOTIFY_INTERVAL_MS", "notify_interval_ms", "1000",
     "how often the outbox worker looks for due messages (10..600000)"},
    {"VISITD_NOTIFY_BATCH", "notify_batch", "50", "messages claimed per pass (1..500)"},
    {"VISITD_NOTIFY_LEASE_S", "notify_lease_s", "120",
     "a claimed message is retried by any instance after this (1..86400)"},
    {"VISITD_NOTIFY_MAX_ATTEMPTS", "notify_max_attempts", "8",
     "sends tried before a message is marked failed (1..100)"},
    {"VISITD_NOTIFY_RETRY_BASE_S", "notify_retry_base_s", "30",
     "first retry delay; doubles per attempt, with jitter (0..86400)"},
    {"VISITD_NOTIFY_RETRY_MAX_S", "notify_retry_max_s", "3600", "longest retry delay (0..604800)"},
    {"VISITD_DEMO_OUTBOX", "demo_outbox", "false", "capture messages at /dev/outbox instead of sending (demo only)"},
    {"VISITD_TURN_SECRET", "turn_secret", "(none: no TURN credentials)",
     "secret shared with coturn (use-auth-secret); >= 16 chars"},
    {"VISITD_TURN_URLS", "turn_urls", "(none)",
     "comma-separated turn:/stun: URLs for browsers, e.g. turn:host:3478?transport=udp"},
    {"VISITD_TURN_TTL_S", "turn_ttl_s", "3600", "lifetime of minted TURN credentials in seconds (60..86400)"},
    {"VISITD_TURN_REALM", "turn_realm", "visitd", "TURN realm (coturn's realm)"},
    {"VISITD_ROOM_GRACE_S", "room_grace_s", "30", "a dropped room participant may reconnect this long (0..3600)"},
    {"VISITD_ROOM_TOKEN_TTL_S", "room_token_ttl_s", "900", "room token lifetime in seconds (10..86400)"},
    {"VISITD_LIVE_MAX_MESSAGE_BYTES", "live_max_message_bytes", "65536", "largest WebSocket message (1024..1048576)"},
    {"VISITD_LIVE_RATE_PER_SECOND", "live_rate_per_second", "20",
     "WebSocket messages a connection may send per second"},
    {"VISITD_LIVE_BURST", "live_burst", "40", "WebSocket messages allowed in a burst"},
    {"VISITD_LIVE_QUEUE_BYTES", "live_queue_bytes", "1048576",
     "unsent bytes before a slow WebSocket client is dropped"},
};

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

// Applies one textual value; returns an error message or empty.
std::string apply(Config& c, const std::string& key, const std::string& v) {
  auto int_in = [&](auto& out, long long lo, long long hi) -> std::string {
    auto n = parse_number<long long>(v);
    if (!n || *n < lo || *n > hi)
      return "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got \"" + v + "\"";
    out = static_cast<std::remove_reference_t<decltype(out)>>(*n);
    return {};
  };
  auto rate = [&](double& out) -> std::string {
    auto d = parse_double(v);
    if (!d || *d <= 0 || *d > 1e9) return "expected a positive number, got \"" + v + "\"";
    out = *d;
    return {};
  };
  if (key == "database") {
    if (v.empty()) return "must not be empty";
    c.database = v;
  } else if (key == "listen") {
    auto colon = v.rfind(':');
    if (colon == std::string::npos || colon == 0) return "expected host:port, got \"" + v + "\"";
    auto port = parse_number<unsigned>(v.substr(colon + 1));
    if (!port || *port > 65535) return "expected a port from 0 to 65535 in \"" + v + "\"";
    c.listen_host = v.substr(0, colon);
    c.listen_port = static_cast<std::uint16_t>(*port);
  } else if (key == "public_url") {
    if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) return "expected an http:// or https:// URL";
    c.public_url = v;
    while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
  } else if (key == "secret") {
    if (v.size() < 16) return "must be at least 16 characters";
    c.secret = v;
  } else if (key == "static_dir") {
    c.static_dir = v;
  } else if (key == "threads") {
    return int_in(c.threads, 1, 64);
  } else if (key == "max_body_bytes") {
    return int_in(c.max_body_bytes, 1024, 64LL << 20);
  } else if (key == "max_header_bytes") {
    return int_in(c.max_header_bytes, 1024, 1 << 20);
  } else if (key == "header_timeout_s") {
    return int_in(c.header_timeout_s, 1, 3600);
  } else if (key == "idle_timeout_s") {
    return int_in(c.idle_timeout_s, 1, 3600);
  } else if (key == "login_rate_per_minute") {
    return rate(c.login_rate_per_minute);
  } else if (key == "login_burst") {
    return rate(c.login_burst);
  } else if (key == "booking_rate_per_minute") {
    return rate(c.booking_rate_per_minute);
  } else if (key == "booking_burst") {
    return rate(c.booking_burst);
  } else if (key == "secure_cookies") {
    if (v == "true" || v == "1")
      c.secure_cookies = true;
    else if (v == "false" || v == "0")
      c.secure_cookies = false;
    else
      return "expected true or false, got \"" + v + "\"";
  } else if (key == "session_hours") {
    return int_in(c.session_hours, 1, 720);
  } else if (key == "manage_link_days") {
    return int_in(c.manage_link_days, 1, 365);
  } else if (key == "join_link_minutes") {
    return int_in(c.join_link_minutes, 0, 1440);
  } else if (key == "clock_skew_seconds") {
    return int_in(c.clock_skew_seconds, -10LL * 365 * 86400, 10LL * 365 * 86400);
  } else if (key == "smtp_host") {
    c.smtp_host = v;
  } else if (key == "smtp_port") {
    return int_in(c.smtp_port, 1, 65535);
  } else if (key == "smtp_tls") {
    if (v != "none" && v != "starttls" && v != "implicit") return "expected none, starttls or implicit";
    c.smtp_tls = v;
  } else if (key == "smtp_username") {
    c.smtp_username = v;
  } else if (key == "smtp_password") {
    c.smtp_password = v;
  } else if (key == "smtp_ca_file") {
    c.smtp_ca_file = v;
  } else if (key == "smtp_from") {
    if (v.find('@') == std::string::npos || v.find_first_of(" <>\r\n\"") != std::string::npos)
      return "expected a plain e-mail address";
    c.smtp_from = v;
  } else if (key == "smtp_from_name") {
    c.smtp_from_name = v;
  } else if (key == "sms_base_url") {
    if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) return "expected an http:// or https:// URL";
    c.sms_base_url = v;
  } else if (key == "sms_account_sid") {
    c.sms_account_sid = v;
  } else if (key == "sms_auth_token") {
    c.sms_auth_token = v;
  } else if (key == "sms_from") {
    c.sms_from = v;
  } else if (key == "notify_interval_ms") {
    return int_in(c.notify_interval_ms, 10, 600000);
  } else if (key == "notify_batch") {
    return int_in(c.notify_batch, 1, 500);
  } else if (key == "notify_lease_s") {
    return int_in(c.notify_lease_s, 1, 86400);
  } else if (key == "notify_max_attempts") {
    return int_in(c.notify_max_attempts, 1, 100);
  } else if (key == "notify_retry_base_s") {
    return int_in(c.notify_retry_base_s, 0, 86400);
  } else if (key == "notify_retry_max_s") {
    return int_in(c.notify_retry_max_s, 0, 604800);
  } else if (key == "demo_outbox") {
    if (v == "true" || v == "1")
      c.demo_outbox = true;
    else if (v == "false" || v == "0")
      c.demo_outbox = false;
    else
      return "expected true or false, got \"" + v + "\"";
  } else if (key == "turn_secret") {
    if (!v.empty() && v.size() < 16) return "must be at least 16 characters";
    c.turn_secret = v;
  } else if (key == "turn_urls") {
    c.turn_urls.clear();
    std::stringstream in(v);
    for (std::string url; std::getline(in, url, ',');) {
      while (!url.empty() && url.front() == ' ') url.erase(url.begin());
      while (!url.empty() && url.back() == ' ') url.pop_back();
      if (url.empty()) continue;
      if (url.rfind("turn:", 0) != 0 && url.rfind("turns:", 0) != 0 && url.rfind("stun:", 0) != 0 &&
          url.rfind("stuns:", 0) != 0)
        return "expected turn:, turns:, stun: or stuns: URLs, got \"" + url + "\"";
      c.turn_urls.push_back(url);
    }
  } else if (key == "turn_ttl_s") {
    return int_in(c.turn_ttl_s, 60, 86400);
  } else if (key == "turn_realm") {
    if (v.empty()) return "must not be empty";
    c.turn_realm = v;
  } else if (key == "room_grace_s") {
    return int_in(c.room_grace_s, 0, 3600);
  } else if (key == "room_token_ttl_s") {
    return int_in(c.room_token_ttl_s, 10, 86400);
  } else if (key == "live_max_message_bytes") {
    return int_in(c.live_max_message_bytes, 1024, 1 << 20);
  } else if (key == "live_rate_per_second") {
    return rate(c.live_rate_per_second);
  } else if (key == "live_burst") {
    return rate(c.live_burst);
  } else if (key == "live_queue_bytes") {
    return int_in(c.live_queue_bytes, 4096, 256LL << 20);
  } else if (key == "log_level") {
    static const char* levels[] = {"trace", "debug", "info", "warn", "error", "off"};
    if (std::find(std::begin(levels), std::end(levels), v) == std::end(levels))
      return "expected trace, debug, info, warn, error or off";
    c.log_level = v;
  }
  return {};
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

const std::vector<SettingSpec>& setting_specs() { return kSpecs; }

LoadedConfig load_config(const std::optional<std::string>& toml_path,
                         const std::function<const char*(const char*)>& getenv) {
  LoadedConfig out;
  if (toml_path) {
    try {
      auto table = toml::parse_file(*toml_path);
      for (auto&& [k, node] : table) {
        std::string key(k.str());
        auto spec = std::find_if(kSpecs.begin(), kSpecs.end(), [&](const SettingSpec& s) { return key == s.key; });
        if (spec == kSpecs.end()) {
          out.errors.push_back(*toml_path + ": unknown setting \"" + key + "\"");
          continue;
        }
        auto text = toml_value_text(node);
        auto err = text == "\x01" ? std::string("expected a single value") : apply(out.config, key, text);
        if (!err.empty()) out.errors.push_back(*toml_path + ": " + key + ": " + err);
      }
    } catch (const toml::parse_error& e) {
      out.errors.push_back(*toml_path + ": " + std::string(e.description()));
    }
  }
  for (const auto& spec : kSpecs) {
    if (const char* v = getenv(spec.env)) {
      auto err = apply(out.config, spec.key, v);
      if (!err.empty()) out.errors.push_back(std::string(spec.env) + ": " + err);
    }
  }
  auto& c = out.config;
  if (c.public_url.empty()) c.public_url = "http://" + c.listen_host + ":" + std::to_string(c.listen_port);
  if (c.static_dir.empty() && std::filesystem::is_regular_file("web/dist/index.html")) c.static_dir = "web/dist";
  return out;
}

std::string settings_help() {
  std::ostringstream o;
  o << "Settings (environment variable / TOML key in --config file: meaning [default]):\n";
  for (const auto& s : kSpecs) o << "  " << s.env << " / " << s.key << ": " << s.help << " [" << s.fallback << "]\n";
  o << "Environment variables override the TOML file.\n";
  return o.str();
}

}  // namespace visitd::app
