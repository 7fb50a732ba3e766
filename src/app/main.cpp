// visitd: the one binary. Subcommands: serve, migrate, demo, routes, admin ...
#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <iostream>

#include "app/admin.hpp"
#include "app/config.hpp"
#include "app/demo.hpp"
#include "app/demo_large.hpp"
#include "app/logging.hpp"
#include "app/migrate_data.hpp"
#include "app/system_clock.hpp"
#include "app/wiring.hpp"
#include "store/sqlite/backup.hpp"

namespace {

using visitd::app::Config;

int fail(const visitd::core::Error& e) {
  std::cerr << "visitd: " << e.detail;
  for (const auto& f : e.fields) std::cerr << " (" << f.field << ": " << f.message << ")";
  std::cerr << "\n";
  return 1;
}

int print_result(const visitd::core::Result<std::string>& r) {
  if (!r) return fail(r.error());
  std::cout << r.value() << "\n";
  return 0;
}

// `visitd backup PATH` / `visitd restore PATH`: one JSON line on success.
int run_copy(const Config& config, const std::string& path, bool restore) {
  const std::string& database = config.store.database;
  if (database.rfind("postgres", 0) == 0) {
    std::cerr << "visitd: backup and restore are for the SQLite store; use pg_dump / pg_restore for PostgreSQL\n";
    return 2;
  }
  if (database == ":memory:") {
    std::cerr << "visitd: an in-memory database has nothing to back up\n";
    return 2;
  }
  auto copied = restore ? visitd::store::sqlite::restore_database(path, database)
                        : visitd::store::sqlite::backup_database(database, path);
  if (!copied) return fail(copied.error());
  const auto& r = copied.value();
  std::cout << boost::json::serialize(boost::json::object{
                   {"path", r.path}, {"pages", r.pages}, {"bytes", r.bytes}, {"schemaVersion", r.schema_version}})
            << "\n";
  return 0;
}

// The benchmark data set (bench/run_all.sh): business "large", see app/demo_large.hpp.
int run_large_demo(const Config& config, int providers, int history) {
  const visitd::app::SystemClock clock(config.runtime.clock_skew);
  auto store = visitd::app::open_migrated_store(config, clock);
  if (!store) return fail(store.error());
  auto seeded = visitd::app::seed_large_demo(*store.value(), clock.now(), providers, history);
  if (!seeded) return fail(seeded.error());
  const auto& d = seeded.value();
  if (!d.created) {
    std::cout << "Business \"large\" already exists; nothing changed.\n";
    return 0;
  }
  std::cout << "Created business \"large\" with " << d.provider_ids.size() << " providers and " << d.bookings
            << " bookings; service " << d.service_id << "; providers";
  for (const auto& id : d.provider_ids) std::cout << " " << id;
  std::cout << "\n";
  return 0;
}

int run_demo(const Config& config) {
  const visitd::app::SystemClock clock(config.runtime.clock_skew);
  auto store = visitd::app::open_migrated_store(config, clock);
  if (!store) return fail(store.error());
  auto seeded = visitd::app::seed_demo(*store.value(), clock.now());
  if (!seeded) return fail(seeded.error());
  const auto& d = seeded.value();
  if (!d.created) {
    std::cout << "Demo business \"northwind\" already exists in "
              << visitd::store::database_for_display(config.store.database)
              << "; nothing changed. (Passwords were printed when it was created; "
                 "`visitd admin reset-password --email owner@northwind.test` sets a new one.)\n";
    return 0;
  }
  std::cout << "Created demo business Northwind Health (slug northwind) with " << d.bookings << " bookings in "
            << visitd::store::database_for_display(config.store.database) << ".\nLogins (shown once):\n";
  for (const auto& l : d.logins) std::cout << "  " << l.role << ": " << l.email << "  password: " << l.password << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"visitd: self-hosted virtual appointments"};
  app.require_subcommand(1);
  std::string config_file;
  app.add_option("--config", config_file, "TOML configuration file (or VISITD_CONFIG)");
  app.footer(visitd::app::settings_help());

  auto* serve = app.add_subcommand("serve", "Run the HTTP server (migrates first)");
  serve->footer(visitd::app::settings_help());
  bool with_demo = false;
  serve->add_flag("--demo", with_demo, "Seed the demo business first when it is absent");
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations and exit");
  auto* demo = app.add_subcommand("demo", "Create the demo business if absent, print its logins, exit");
  std::string demo_size = "small";
  demo->add_option("--size", demo_size, "small: Northwind; large: also the benchmark business \"large\"")
      ->check(CLI::IsMember({"small", "large"}))
      ->capture_default_str();
  int large_providers = 50;
  int large_history = 10'000;
  demo->add_option("--providers", large_providers, "--size large: providers of \"large\"")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  demo->add_option("--history", large_history, "--size large: bookings held by its first provider")
      ->check(CLI::Range(0, 35'040))
      ->capture_default_str();
  auto* routes = app.add_subcommand("routes", "Print every route the server answers");
  bool route_bodies = false;
  routes->add_flag("--bodies", route_bodies, "Also print each route's body: json, none or other");
  auto* settings = app.add_subcommand("settings", "Print the settings table as Markdown (the README's)");
  auto* turn_config = app.add_subcommand("turn-config", "Print a coturn configuration sharing VISITD_TURN_SECRET");
  int turn_port = 3478;
  turn_config->add_option("--port", turn_port, "TURN listening port")->capture_default_str();
  std::string turn_listening_ip = "127.0.0.1";
  std::string turn_relay_ip = "127.0.0.1";
  turn_config->add_option("--listening-ip", turn_listening_ip, "address coturn listens on")->capture_default_str();
  turn_config->add_option("--relay-ip", turn_relay_ip, "address coturn relays from (a public one in production)")
      ->capture_default_str();
  std::string backup_path, restore_path;
  auto* backup = app.add_subcommand("backup", "Copy the SQLite database to PATH while visitd serves (online backup)");
  backup->add_option("path", backup_path, "File to write (replaced atomically, mode 0600)")->required();
  auto* restore =
      app.add_subcommand("restore", "Replace the SQLite database with the backup at PATH (stop visitd first)");
  restore->add_option("path", restore_path, "A file written by `visitd backup`")->required();
  std::string migrate_from, migrate_to;
  auto* migrate_data = app.add_subcommand(
      "migrate-data", "Copy a SQLite install into an EMPTY PostgreSQL database, verified by counts and checksums");
  migrate_data->add_option("--from", migrate_from, "The SQLite database file (stop visitd first)")->required();
  migrate_data->add_option("--to", migrate_to, "postgres://user:password@host:port/dbname (an empty database)")
      ->required();
  auto* admin = app.add_subcommand("admin", "Operator commands");
  admin->require_subcommand(1);

  visitd::app::NewBusinessArgs nb;
  auto* create_business = admin->add_subcommand("create-business", "Create a business");
  create_business->add_option("--slug", nb.slug, "URL name, e.g. northwind")->required();
  create_business->add_option("--name", nb.name, "Display name")->required();
  create_business->add_option("--zone", nb.zone, "IANA time zone, e.g. Europe/London")->required();

  visitd::app::NewUserArgs nu;
  auto* create_user = admin->add_subcommand("create-user", "Create a staff user, optionally with a role in a business");
  create_user->add_option("--email", nu.email, "Login email")->required();
  create_user->add_option("--name", nu.name, "Display name")->required();
  create_user->add_option("--password", nu.password, "Password (>= 10 chars); generated and printed when omitted");
  create_user->add_option("--business", nu.business_slug, "Business slug to join");
  create_user->add_option("--role", nu.role, "owner, manager or provider")->capture_default_str();

  std::string reset_email, reset_password;
  auto* reset = admin->add_subcommand("reset-password", "Set a new password for a user");
  reset->add_option("--email", reset_email, "Login email")->required();
  reset->add_option("--password", reset_password, "New password; generated and printed when omitted");

  CLI11_PARSE(app, argc, argv);

  if (*settings) {
    std::cout << visitd::app::settings_markdown();
    return 0;
  }
  std::optional<std::string> toml_path;
  if (!config_file.empty())
    toml_path = config_file;
  else if (const char* env = std::getenv("VISITD_CONFIG"))
    toml_path = env;
  auto loaded = visitd::app::load_config(toml_path, [](const char* n) { return std::getenv(n); });
  if (!loaded.errors.empty()) {
    for (const auto& e : loaded.errors) std::cerr << "visitd: configuration: " << e << "\n";
    return 2;
  }
  const Config& config = loaded.config;
  visitd::app::configure_logging(config.runtime.log_level);

  if (*serve) {
    if (with_demo) {
      if (int rc = run_demo(config); rc != 0) return rc;
    }
    return visitd::app::serve(config);
  }
  // The clock of the one-shot subcommands (serve builds its own).
  const visitd::app::SystemClock clock(config.runtime.clock_skew);
  if (*migrate) {
    auto store = visitd::app::open_migrated_store(config, clock);
    if (!store) return fail(store.error());
    std::cout << "database " << visitd::store::database_for_display(config.store.database) << " at schema version "
              << store.value()->schema_version() << "\n";
    return 0;
  }
  if (*demo) {
    if (int rc = run_demo(config); rc != 0 || demo_size != "large") return rc;
    return run_large_demo(config, large_providers, large_history);
  }
  if (*routes) return visitd::app::print_routes(config, route_bodies);
  if (*turn_config) return visitd::app::print_turn_config(config, turn_port, turn_listening_ip, turn_relay_ip);
  if (*backup) return run_copy(config, backup_path, false);
  if (*restore) return run_copy(config, restore_path, true);
  if (*migrate_data) {
    return visitd::app::run_migrate_data(migrate_from, migrate_to, [&clock] { return clock.now(); });
  }

  auto store = visitd::app::open_migrated_store(config, clock);
  if (!store) return fail(store.error());
  if (*create_business) return print_result(visitd::app::admin_create_business(*store.value(), nb));
  if (*create_user) return print_result(visitd::app::admin_create_user(*store.value(), *store.value(), nu));
  if (*reset) return print_result(visitd::app::admin_reset_password(*store.value(), reset_email, reset_password));
  return 0;
}
