#pragma once
// The Beast/Asio HTTP server. Only server.cpp includes Beast or Asio.
#include <chrono>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>

#include "http/client_address.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace visitd::live {
class LiveService;
}
namespace visitd::workers {
class PoolMetrics;
}

namespace visitd::http {

struct ServerLimits {
  std::size_t max_body_bytes = 1 << 20;     // 413 beyond
  std::size_t max_header_bytes = 16 << 10;  // 431 beyond
  std::chrono::seconds header_timeout{10};  // total time to receive a complete header
  std::chrono::seconds body_timeout{30};    // total time to receive a body once its header is in
  std::chrono::seconds idle_timeout{60};    // keep-alive idle
  // Connections held at once (keep it below the process's file limit: app/file_limit) and
  // by one client address; more are closed at accept and counted in /metrics.
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_address = 64;
  int threads = 4;                           // network threads: parse, route, write
  int worker_threads = 4;                    // handlers that may block (store, passwords, files)
  std::size_t worker_queue = 256;            // requests waiting for a worker; 503 beyond
  std::chrono::seconds busy_retry_after{1};  // Retry-After of that 503
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = pick a free port
  ServerLimits limits;
  std::string static_dir;  // web/dist; empty = no static files
  // Appointment rooms: WebSocket upgrades of /api/v1/live go here; null = no live endpoint.
  live::LiveService* live = nullptr;
  // The request worker pool (label "http") reports its numbers here; null = not reported.
  workers::PoolMetrics* pool_metrics = nullptr;
  // Reverse proxies whose X-Forwarded-For names the client (http/client_address.hpp); their
  // own connections are held only to the global cap, not the per-address one.
  TrustedProxies trusted_proxies;
  // The CSP frame-ancestors source list of the web page at a path (issue I, embeds), asked on
  // a worker for static answers; unset = "'none'" everywhere. Pages answered with anything
  // but "'none'" carry no X-Frame-Options (it would forbid every frame).
  std::function<std::string(const std::string& path)> frame_ancestors;
};

// Runs until SIGINT/SIGTERM, then drains in-flight requests. `on_listening` receives the
// bound port (useful with port 0) once accepting.
int run_server(const ServerOptions& options, const Router& router, Metrics& metrics,
               const std::function<void(std::uint16_t)>& on_listening);

// The same, and also drains and returns 0 when `stop` is requested (tests, embedding).
// Bind failure: a message on stderr and a non-zero return.
int run_server(const ServerOptions& options, const Router& router, Metrics& metrics,
               const std::function<void(std::uint16_t)>& on_listening, std::stop_token stop);

}  // namespace visitd::http
