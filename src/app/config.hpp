#pragma once
// visitd's configuration: environment variables VISITD_* over an optional TOML file
// (VISITD_CONFIG or --config), over defaults. Every setting is one row of the table in
// config.cpp (name, parser with its range, default, help); that table drives the
// environment, TOML, validation, `visitd serve --help` and the README table
// (`visitd settings`). Durations are std::chrono types.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace visitd::app {

struct StoreConfig {
  std::string database = "visitd.db";  // SQLite file path, or a postgres:// URL
  int pool = 8;                        // database connections this process keeps open
};

struct HttpConfig {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;
  std::string public_url;          // default: http://<listen>
  std::string static_dir;          // built web UI; default: web/dist when it exists
  int threads = 4;                 // network threads: parse, route, write
  int worker_threads = 4;          // handlers that touch the store, check passwords, read files
  std::size_t worker_queue = 256;  // requests waiting for a worker; 503 beyond
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::size_t max_connections = 4096;  // cut to the open-file limit at start
  std::size_t max_connections_per_address = 64;
  std::string trusted_proxies;  // CIDR list whose X-Forwarded-For names the client; empty = none
  double booking_rate_per_minute = 30;
  double booking_burst = 10;
  double booking_network_rate_per_minute = 30;  // per /24 (IPv4) or /64 (IPv6)
  double booking_network_burst = 30;
  double business_booking_rate_per_minute = 60;  // per business, every address together
  double business_booking_burst = 60;
};

struct AuthConfig {
  int password_checks = 2;  // concurrent argon2id checks; 503 beyond
  double login_rate_per_minute = 10;
  double login_burst = 5;
  double login_network_rate_per_minute = 30;  // per /24 (IPv4) or /64 (IPv6)
  double login_network_burst = 30;
  double account_failures_per_hour = 12;  // failed passwords an account recovers per hour
  double account_failures_burst = 5;      // failed passwords before its logins are refused
  bool secure_cookies = false;
  std::chrono::hours session{12};
};

struct LinksConfig {
  std::string secret;                  // capability signing key; generated and kept in the DB when empty
  std::chrono::days manage_link{30};   // manage link valid until the end + this
  std::chrono::minutes join_link{30};  // join link valid until the end + this
};

struct RuntimeConfig {
  std::chrono::seconds clock_skew{0};  // tests and drills only
  std::string log_level = "info";
};

struct MailConfig {
  std::string smtp_host;  // empty: e-mail not sent (messages wait, then fail)
  int smtp_port = 587;
  std::string smtp_tls = "starttls";  // none, starttls, implicit
  std::string smtp_username;
  std::string smtp_password;
  std::string smtp_ca_file;  // empty: the system trust store
  std::string smtp_from = "visitd@localhost";
  std::string smtp_from_name;
};

struct SmsConfig {
  std::string sms_base_url = "https://api.twilio.com";
  std::string sms_account_sid;  // empty: SMS not sent
  std::string sms_auth_token;
  std::string sms_from;
};

struct OutboxConfig {
  std::chrono::milliseconds interval{1000};
  int batch = 50;
  int senders = 4;  // concurrent sends, each with its own kept-alive connection
  std::chrono::seconds lease{120};
  int max_attempts = 8;
  std::chrono::seconds retry_base{30};
  std::chrono::seconds retry_max{3600};
  bool demo_outbox = false;  // capture messages at /dev/outbox instead of sending
};

// Webhooks (issue I): deliveries to endpoints managers register.
struct WebhookConfig {
  // Loopback, private, link-local, CGNAT and ULA targets are refused after DNS resolution
  // unless this is on (tests and on-premises receivers).
  bool allow_private_targets = false;
  std::chrono::seconds timeout{10};
  int max_attempts = 8;
  std::chrono::seconds retry_base{30};
  std::chrono::seconds retry_max{3600};
};

struct LiveConfig {
  std::string turn_secret;             // shared with coturn (static-auth-secret); empty: no TURN
  std::vector<std::string> turn_urls;  // turn:/stun: URLs handed to browsers
  // Offered when no relay is configured, so browsers behind NAT still learn their public
  // address; Google's public STUN server is what most WebRTC deployments start with.
  std::vector<std::string> stun_urls{"stun:stun.l.google.com:19302"};
  std::chrono::seconds turn_ttl{3600};
  std::string turn_realm = "visitd";
  std::chrono::seconds room_grace{30};
  std::chrono::seconds room_token_ttl{900};
  std::size_t max_message_bytes = 64 << 10;
  double rate_per_second = 20;
  double burst = 40;
  std::size_t queue_bytes = 1 << 20;
  int worker_threads = 2;           // room work that touches the store (chat, lobby, auth)
  std::size_t worker_queue = 1024;  // room messages waiting for a worker; refused beyond
  // Several instances on PostgreSQL (issue F): an instance that stops renewing its lease this
  // long is taken for dead, and its room participants leave everyone's presence.
  std::chrono::seconds instance_lease{15};
};

// External calendars (issue I): the background fetcher of providers' busy calendars.
struct CalendarConfig {
  bool fetch_allow_private = false;  // loopback/private/link-local targets allowed (tests only)
  int refresh_minutes = 15;          // a calendar's schedule when the provider gives none
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds fetch_timeout{20};
  std::size_t max_bytes = 5 << 20;
  int fetchers = 2;  // calendars fetched at once
};

struct Config {
  StoreConfig store;
  HttpConfig http;
  AuthConfig auth;
  LinksConfig links;
  RuntimeConfig runtime;
  MailConfig mail;
  SmsConfig sms;
  OutboxConfig outbox;
  LiveConfig live;
  WebhookConfig webhooks;
  CalendarConfig calendars;
};

// One row per setting. `apply` parses a textual value (environment or TOML), checks its
// range and stores it; it returns an error message, or empty when the value was taken.
struct Setting {
  const char* group;     // the module it configures (a README sub-table, a --help heading)
  const char* env;       // VISITD_LISTEN
  const char* key;       // listen (TOML)
  std::string fallback;  // the default, as shown
  std::string help;      // meaning, with the accepted range
  std::function<std::string(Config&, const std::string&)> apply;
};
const std::vector<Setting>& settings();

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
// The same table as Markdown, one sub-table per group: the README's configuration section
// (`visitd settings`; a test keeps README.md equal to it).
std::string settings_markdown();

}  // namespace visitd::app
