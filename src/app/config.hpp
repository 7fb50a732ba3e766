#pragma once
// visitd's configuration: environment variables VISITD_* over an optional TOML file
// (VISITD_CONFIG or --config), over defaults. Every setting is described once, in the
// table in config.cpp, which also feeds `visitd serve --help`.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace visitd::app {

struct Config {
  std::string database = "visitd.db";  // SQLite file path (postgres:// later)
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::string public_url;  // default: http://<listen>
  std::string secret;      // capability signing key; generated and kept in the DB when empty
  std::string static_dir;  // built web UI; default: web/dist when it exists
  int threads = 4;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  int header_timeout_s = 10;
  int idle_timeout_s = 60;
  double login_rate_per_minute = 10;
  double login_burst = 5;
  double booking_rate_per_minute = 30;
  double booking_burst = 10;
  bool secure_cookies = false;
  int session_hours = 12;
  int manage_link_days = 30;         // manage link valid until the end + this
  int join_link_minutes = 30;        // join link valid until the end + this
  long long clock_skew_seconds = 0;  // tests and drills only
  std::string log_level = "info";
  // notifications (issue B)
  std::string smtp_host;  // empty: e-mail not sent (messages wait, then fail)
  int smtp_port = 587;
  std::string smtp_tls = "starttls";  // none, starttls, implicit
  std::string smtp_username;
  std::string smtp_password;
  std::string smtp_ca_file;  // empty: the system trust store
  std::string smtp_from = "visitd@localhost";
  std::string smtp_from_name;
  std::string sms_base_url = "https://api.twilio.com";
  std::string sms_account_sid;  // empty: SMS not sent
  std::string sms_auth_token;
  std::string sms_from;
  int notify_interval_ms = 1000;
  int notify_batch = 50;
  int notify_lease_s = 120;
  int notify_max_attempts = 8;
  int notify_retry_base_s = 30;
  int notify_retry_max_s = 3600;
  bool demo_outbox = false;  // capture messages at /dev/outbox instead of sending
  // appointment rooms (issue C)
  std::string turn_secret;             // shared with coturn (static-auth-secret); empty: no TURN
  std::vector<std::string> turn_urls;  // turn:/stun: URLs handed to browsers
  int turn_ttl_s = 3600;
  std::string turn_realm = "visitd";
  int room_grace_s = 30;
  int room_token_ttl_s = 900;
  std::size_t live_max_message_bytes = 64 << 10;
  double live_rate_per_second = 20;
  double live_burst = 40;
  std::size_t live_queue_bytes = 1 << 20;
};

struct SettingSpec {
  const char* env;       // VISITD_LISTEN
  const char* key;       // listen (TOML)
  const char* fallback;  // default as text
  const char* help;
};
const std::vector<SettingSpec>& setting_specs();

// Reads the TOML file (when given) then the environment (via `getenv`, injectable for
// tests). Returns every problem, one line each ("VISITD_LISTEN: expected host:port").
struct LoadedConfig {
  Config config;
  std::vector<std::string> errors;
};
LoadedConfig load_config(const std::optional<std::string>& toml_path,
                         const std::function<const char*(const char*)>& getenv);

// The settings table as text for --help.
std::string settings_help();

}  // namespace visitd::app
