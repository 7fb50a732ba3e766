#include "app/wiring.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/calendars.hpp"
#include "app/file_limit.hpp"
#include "app/notifications.hpp"
#include "app/room_control.hpp"
#include "app/room_events.hpp"
#include "app/shared_buckets.hpp"
#include "app/system_clock.hpp"
#include "app/webhook_events.hpp"
#include "http/connection_limits.hpp"
#include "http/context.hpp"
#include "http/handlers/embed_routes.hpp"
#include "http/handlers/webhook_routes.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "live/live_service.hpp"
#include "live/postgres_room_bus.hpp"
#include "notify/calendar_sync.hpp"
#include "notify/ssrf_guard.hpp"
#include "notify/webhook_worker.hpp"
#include "notify/worker.hpp"
#include "security/crypto.hpp"
#include "service/use_cases.hpp"
#include "workers/pool_metrics.hpp"
#include "workers/worker_pool.hpp"

namespace visitd::app {
namespace {

constexpr const char* kSecretSetting = "capability_secret";

std::string signing_secret(const Config& config, store::Store& store) {
  if (!config.links.secret.empty()) return config.links.secret;
  // First start generates it; later starts (and other instances) read the same one, so
  // links stay valid across restarts.
  return store.put_setting_if_absent(kSecretSetting, security::random_token(32));
}

http::ApiSettings api_settings(const Config& c) {
  http::ApiSettings s;
  s.public_url = c.http.public_url;
  s.secure_cookies = c.auth.secure_cookies;
  s.session_hours = static_cast<int>(c.auth.session.count());
  return s;
}

service::LinkSettings link_settings(const Config& c) {
  service::LinkSettings s;
  s.public_url = c.http.public_url;
  s.lifetimes.manage_after_end = c.links.manage_link;
  s.lifetimes.join_after_end = c.links.join_link;
  return s;
}

live::TurnSettings turn_settings(const Config& c) {
  return live::TurnSettings{c.live.turn_secret, c.live.turn_urls, static_cast<int>(c.live.turn_ttl.count()),
                            c.live.turn_realm, c.live.stun_urls};
}

live::LiveSettings live_settings(const Config& c) {
  live::LiveSettings s;
  s.max_message_bytes = c.live.max_message_bytes;
  s.rate_per_second = c.live.rate_per_second;
  s.burst = c.live.burst;
  s.queue_bytes = c.live.queue_bytes;
  s.token_ttl = c.live.room_token_ttl;
  s.grace = c.live.room_grace;
  s.turn = turn_settings(c);
  return s;
}

// The database and its WAL/SHM files hold secrets and personal data: say so at start when
// anyone but the owner may read them (new files are created 0600 by the store).
void warn_when_readable_by_others(const std::string& database) {
  if (database.empty() || database == ":memory:" || database.rfind("postgres", 0) == 0) return;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string path = database + suffix;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) continue;
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      spdlog::warn(
          "{} is readable by other users (mode {:o}); it holds the link-signing secret, password "
          "hashes and personal data: chmod 600 it",
          path, st.st_mode & 0777);
    }
  }
}

}  // namespace

core::Result<std::unique_ptr<store::Store>> open_migrated_store(const Config& config, const core::Clock& clock) {
  security::init();
  // The store stamps history and audit rows with the same (possibly skewed) clock as the API.
  auto opened = store::open_store(
      config.store.database, [&clock] { return clock.now(); }, static_cast<std::size_t>(config.store.pool));
  if (!opened) return opened.error();
  if (auto migrated = opened.value()->migrate(); !migrated) return migrated.error();
  return opened;
}

int serve(const Config& config) {
  // The one clock of the process: the store, the use cases, the limiters, the rooms and the
  // outbox all read it.
  const SystemClock clock(config.runtime.clock_skew);
  auto opened = open_migrated_store(config, clock);
  if (!opened) {
    std::cerr << "visitd: cannot open database " << store::database_for_display(config.store.database) << ": "
              << opened.error().detail << "\n";
    return 1;
  }
  auto& store = *opened.value();
  warn_when_readable_by_others(config.store.database);
  security::CapabilitySigner signer(signing_secret(config, store));
  http::Metrics metrics;
  http::RateLimiter login_limiter(config.auth.login_rate_per_minute, config.auth.login_burst);
  http::RateLimiter booking_limiter(config.http.booking_rate_per_minute, config.http.booking_burst);
  // The use cases and their ports (service/): every entry point below calls these.
  service::CapabilityLinkSigner link_signer(signer);
  RoomEvents room_events;  // live rooms
  // Webhooks (issue I): booking events from the use cases and
  // failed messages from the outbox become deliveries.
  WebhookEvents webhook_events(store, clock);
  EventFanOut events(room_events, webhook_events);
  service::UseCases use(service::Ports{store, clock, link_signer, metrics, events}, link_settings(config));
  service::Webhooks webhooks(store);
  webhooks.set_target_check([allow = config.webhooks.allow_private_targets](std::string_view url) -> core::Status {
    auto checked = notify::check_target(url, allow);
    if (!checked) return checked.error();
    return core::ok_status();
  });
  http::ApiContext ctx{use, metrics, login_limiter, booking_limiter, clock, api_settings(config)};
  configure_notification_api(config, store, ctx.settings);
  configure_calendar_api(config, ctx.settings);  // issue I: subscription feeds
  // External calendars are fetched in the background from the start (issue I).
  auto calendar_sync = start_calendar_sync(config, store, clock, use.external_calendars);
  // Appointment rooms: room tokens are signed with the same server secret as consumer links.
  // The bus and the timer thread are built here and nowhere else. One SQLite process keeps
  // its rooms in process; instances on PostgreSQL share theirs over LISTEN/NOTIFY (issue F).
  std::unique_ptr<live::RoomBus> room_bus_owner;
  live::PostgresRoomBus* shared_bus = nullptr;
  if (store::is_postgres_url(config.store.database)) {
    auto bus = std::make_unique<live::PostgresRoomBus>(
        live::PostgresBusSettings{config.store.database, config.live.instance_lease});
    shared_bus = bus.get();
    room_bus_owner = std::move(bus);
  } else {
    room_bus_owner = std::make_unique<live::InProcessBus>();
  }
  live::RoomBus& room_bus = *room_bus_owner;
  live::ThreadTimers live_timers(clock);
  // Room messages that touch the store run here, one room at a time, off the network threads.
  workers::PoolMetrics pool_metrics;
  workers::WorkerPool live_pool("live", workers::PoolSize{config.live.worker_threads, config.live.worker_queue});
  pool_metrics.add(live_pool.counters());
  live::PooledRoomWork room_work(live_pool, config.live.worker_queue);
  const service::StoreRoles roles(store);  // the hub gets the roles it uses, not the store
  live::LiveService live(live::HubStores{roles.catalog, roles.bookings, roles.staff, roles.rooms, roles.external_rooms},
                         room_bus, live_timers, room_work, signing_secret(config, store), clock, live_settings(config));
  ctx.live = &live;
  if (shared_bus) {
    try {
      shared_bus->start();  // the hub has subscribed
    } catch (const std::exception& e) {
      std::cerr << "visitd: " << e.what() << "\n";
      return 1;
    }
  }
  room_events.attach(&live);
  // Rooms booked elsewhere (issue I): API changes reach the people connected.
  LiveRoomControl room_control;
  room_control.attach(&live);
  use.external_rooms.set_room_control(&room_control);
  security::PasswordCheckLimit password_checks(config.auth.password_checks, std::chrono::seconds(1));
  ctx.password_checks = &password_checks;
  http::ThrottleSettings budgets;
  budgets.login_network_per_minute = config.auth.login_network_rate_per_minute;
  budgets.login_network_burst = config.auth.login_network_burst;
  budgets.account_failures_per_hour = config.auth.account_failures_per_hour;
  budgets.account_failures_burst = config.auth.account_failures_burst;
  budgets.booking_network_per_minute = config.http.booking_network_rate_per_minute;
  budgets.booking_network_burst = config.http.booking_network_burst;
  budgets.business_bookings_per_minute = config.http.business_booking_rate_per_minute;
  budgets.business_bookings_burst = config.http.business_booking_burst;
  http::Throttles throttles(budgets, clock, metrics);
  ctx.throttles = &throttles;
  // Several instances on one PostgreSQL database: every budget lives in the database, so a
  // limit hit through one instance holds on all. One SQLite process keeps them in memory.
  StoreBuckets shared_buckets(store, clock);
  if (store::is_postgres_url(config.store.database)) {
    login_limiter.share(&shared_buckets, "login_ip");
    booking_limiter.share(&shared_buckets, "booking_ip");
    throttles.share(&shared_buckets);
  }
  metrics.add_source([&live] { return live.metrics().render(); });
  metrics.add_source([&pool_metrics] { return pool_metrics.render(); });
  http::Router router;
  http::register_api(router, ctx);
  http::register_webhook_routes(router, ctx, webhooks);

  std::shared_ptr<notify::OutboxWorker> outbox_worker;
  notify::WebhookWorkerSettings webhook_settings;
  webhook_settings.interval = config.outbox.interval;
  webhook_settings.lease = config.outbox.lease;
  webhook_settings.max_attempts = config.webhooks.max_attempts;
  webhook_settings.retry_base = config.webhooks.retry_base;
  webhook_settings.retry_max = config.webhooks.retry_max;
  notify::WebhookWorker webhook_worker(
      store, clock,
      std::make_shared<notify::CurlWebhookSender>(config.webhooks.allow_private_targets, config.webhooks.timeout),
      webhook_settings);
  http::ServerOptions options;
  options.host = config.http.listen_host;
  options.port = config.http.listen_port;
  options.static_dir = config.http.static_dir;
  options.limits.max_body_bytes = config.http.max_body_bytes;
  options.limits.max_header_bytes = config.http.max_header_bytes;
  options.limits.header_timeout = config.http.header_timeout;
  options.limits.idle_timeout = config.http.idle_timeout;
  options.limits.body_timeout = config.http.body_timeout;
  {
    const FileLimit files = raise_file_limit();
    std::string warning;
    options.limits.max_connections =
        http::connection_cap(config.http.max_connections, files.soft, files.hard, &warning);
    if (!warning.empty()) spdlog::warn("{}", warning);
  }
  options.limits.max_connections_per_address = config.http.max_connections_per_address;
  options.trusted_proxies = http::TrustedProxies::parse(config.http.trusted_proxies).value();  // checked by config
  options.limits.threads = config.http.threads;
  options.limits.worker_threads = config.http.worker_threads;
  options.limits.worker_queue = config.http.worker_queue;
  options.live = &live;
  options.pool_metrics = &pool_metrics;
  options.frame_ancestors = [&ctx](const std::string& path) { return http::page_frame_ancestors(ctx, path); };
  const bool default_public_url =
      config.http.public_url == "http://" + config.http.listen_host + ":" + std::to_string(config.http.listen_port);
  const int rc = http::run_server(options, router, metrics, [&](std::uint16_t port) {
    std::string address = "http://" + config.http.listen_host + ":" + std::to_string(port);
    if (default_public_url) {  // port 0: links name the real port
      ctx.settings.public_url = address;
      use.links.set_public_url(address);
      use.invitations.set_public_url(address);  // issue H: invitation links
    }
    std::printf("visitd listening on %s\n", address.c_str());
    std::fflush(stdout);
    // Links need the final public URL.
    outbox_worker = start_outbox_worker(config, store, clock, use.links, ctx.settings.public_url,
                                        [&webhook_events](const store::OutboxMessage& m, const std::string& error) {
                                          webhook_events.message_failed(m, error);
                                        });
    webhook_worker.start();
    spdlog::info("listening on {} (database {})", address, store::database_for_display(config.store.database));
  });
  if (shared_bus) shared_bus->stop();        // sends the departures queued while draining; no more remote events
  if (outbox_worker) outbox_worker->stop();  // finishes the message in hand; the rest stay planned
  webhook_worker.stop();                     // the delivery in hand finishes; the rest stay pending
  calendar_sync->stop();                     // fetches in hand finish (each bounded by its timeout)
  use.external_calendars.set_wake({});       // nothing wakes the stopped fetcher
  live_pool.join();                          // room work in hand finishes before the hub goes
  live_timers.stop();                        // no room timer may fire into the hub while it is destroyed
  room_events.attach(nullptr);               // the live service is destroyed before the events
  use.external_rooms.set_room_control(nullptr);
  room_control.attach(nullptr);
  return rc;
}

int print_routes(const Config& config, bool with_bodies) {
  Config scratch = config;
  scratch.store.database = ":memory:";
  const core::ManualClock clock(core::Instant{});
  auto opened = open_migrated_store(scratch, clock);
  if (!opened) {
    std::cerr << "visitd: " << opened.error().detail << "\n";
    return 1;
  }
  security::CapabilitySigner signer("routes-listing-only-secret");
  http::Metrics metrics;
  http::RateLimiter limiter(1, 1);
  service::CapabilityLinkSigner link_signer(signer);
  service::NoEvents events;
  service::UseCases use(service::Ports{*opened.value(), clock, link_signer, metrics, events}, {});
  http::ApiContext ctx{use, metrics, limiter, limiter, clock, {}};
  configure_notification_api(config, *opened.value(), ctx.settings);  // /dev/outbox exists only in demo mode
  service::Webhooks webhooks(*opened.value());
  configure_calendar_api(config, ctx.settings);
  http::Router router;
  http::register_api(router, ctx);
  http::register_webhook_routes(router, ctx, webhooks);
  for (const auto& r : router.routes()) {
    std::cout << r.method << " " << r.pattern;
    if (with_bodies) std::cout << " " << http::to_string(r.body);
    std::cout << "\n";
  }
  return 0;
}

int print_turn_config(const Config& config, int listening_port, const std::string& listening_ip,
                      const std::string& relay_ip) {
  if (config.live.turn_secret.empty()) {
    std::cerr << "visitd: set VISITD_TURN_SECRET (the secret coturn and visitd share) first\n";
    return 2;
  }
  live::CoturnOptions o;
  o.listening_port = listening_port;
  o.listening_ip = listening_ip;
  o.relay_ip = relay_ip;
  std::cout << live::coturn_config(turn_settings(config), o);
  return 0;
}

}  // namespace visitd::app
