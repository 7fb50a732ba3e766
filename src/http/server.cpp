// The only translation unit that sees Beast and Asio: everything else speaks
// visitd::http::Request/Response, so handler files stay cheap to compile.
#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/connection_limits.hpp"
#include "http/problem.hpp"
#include "http/request_target.hpp"
#include "http/static_files.hpp"
#include "live/live_service.hpp"
#include "live/websocket.hpp"
#include "workers/await_pool.hpp"
#include "workers/pool_metrics.hpp"
#include "workers/worker_pool.hpp"

namespace visitd::http {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);

// In-flight requests get this long to finish after SIGINT/SIGTERM before the loop stops.
constexpr auto kDrainLimit = std::chrono::seconds(10);
// After an error answer we close, but first read (and drop) what the client is still
// sending, so the kernel does not reset the connection before the client reads our answer.
constexpr auto kLingerLimit = std::chrono::seconds(3);
constexpr std::size_t kLingerMaxBytes = 8u << 20;
constexpr std::size_t kReadChunk = 8192;
constexpr std::size_t kMaxRequestIdLength = 64;
// The WebSocket endpoint of appointment rooms (docs/live-protocol.md).
constexpr const char* kLivePath = "/api/v1/live";

// ---------------------------------------------------------------------------------------
// Small pure helpers.

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool valid_client_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  return std::all_of(id.begin(), id.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.'; });
}

std::string random_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  std::uint64_t v = rng();
  for (auto& c : id) {
    c = kHex[v & 0xf];
    v >>= 4;
  }
  return id;
}

std::string request_id_for(std::string_view client_value) {
  return valid_client_request_id(client_value) ? std::string(client_value) : random_request_id();
}

// Methods label metrics; an arbitrary client token must not create new series.
std::string method_label(std::string_view method) {
  static constexpr std::string_view kKnown[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  for (auto m : kKnown) {
    if (m == method) return std::string(m);
  }
  return "OTHER";
}

// Paths the API and operations own: an unknown one is a 404 problem, never the SPA shell.
bool reserved_path(std::string_view path) {
  return path == "/api" || path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/readyz" || path == "/metrics";
}

std::string http_date() {
  std::time_t t = std::time(nullptr);
  std::tm gmt{};
  gmtime_r(&t, &gmt);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &gmt);
  return std::string(buf, n);
}

template <class Socket>
std::string remote_ip_of(const Socket& socket) {
  beast::error_code ec;
  auto ep = socket.remote_endpoint(ec);
  if (ec) return {};
  auto addr = ep.address();
  if (addr.is_v6() && addr.to_v6().is_v4_mapped()) {
    return net::ip::make_address_v4(net::ip::v4_mapped, addr.to_v6()).to_string();
  }
  return addr.to_string();
}

// Cookie pairs are separated by "; ", everything else by ", " (RFC 9110 §5.3, RFC 6265 §5.4).
void add_header(std::map<std::string, std::string>& headers, std::string name, std::string_view value) {
  auto [it, inserted] = headers.try_emplace(std::move(name), value);
  if (!inserted) {
    it->second += it->first == "cookie" ? "; " : ", ";
    it->second += value;
  }
}

Response not_found() {
  return problem_from(core::Error::make(core::ErrorCode::not_found, "No resource at this path."));
}

Response internal_error() { return problem_from(core::Error::make(core::ErrorCode::internal, "a handler failed")); }

// The request as handlers see it, or a 400 problem when the target is not origin-form.
std::optional<Response> fill_request(const bhttp::request<bhttp::string_body>& msg, Request& req) {
  req.method = std::string(msg.method_string());
  if (auto bad = fill_target(msg.target(), req)) return bad;
  for (const auto& field : msg) add_header(req.headers, lower(field.name_string()), field.value());
  return std::nullopt;
}

// A page whose policy names the sites that may frame it (embeds): X-Frame-Options has no way
// to say so, and browsers that know frame-ancestors ignore it anyway (CSP3 §6.4.2).
bool framing_allowed(const Response& res) {
  for (const auto& [name, value] : res.headers) {
    if (lower(name) != "content-security-policy") continue;
    constexpr std::string_view kNone = "frame-ancestors 'none'";
    auto at = value.find("frame-ancestors ");
    return at != std::string::npos && std::string_view(value).substr(at, kNone.size()) != kNone;
  }
  return false;
}

// Turns a handler's Response into the wire message, adding the headers every answer carries.
bhttp::response<bhttp::string_body> to_wire(Response res, unsigned version, bool head, bool from_static,
                                            const std::string& request_id, bool keep_alive) {
  bhttp::response<bhttp::string_body> out;
  out.version(version);
  out.result(static_cast<unsigned>(res.status));
  for (auto& [name, value] : res.headers) out.insert(name, value);
  const bool bodiless = res.status / 100 == 1 || res.status == 204 || res.status == 304;
  if (!bodiless && !res.content_type.empty() && out.find(bhttp::field::content_type) == out.end()) {
    out.set(bhttp::field::content_type, res.content_type);
  }
  auto set_default = [&out](std::string_view name, std::string_view v) {
    if (out.find(name) == out.end()) out.set(name, v);
  };
  set_default("X-Content-Type-Options", "nosniff");
  set_default("Referrer-Policy", "no-referrer");
  if (!framing_allowed(res)) set_default("X-Frame-Options", "DENY");
  // API answers carry per-user data; static files set their own cache policy.
  if (!from_static) set_default("Cache-Control", "no-store");
  out.set("X-Request-Id", request_id);
  out.set(bhttp::field::date, http_date());
  out.keep_alive(keep_alive);
  if (!bodiless) {
    out.content_length(res.body.size());
    if (!head) out.body() = std::move(res.body);  // HEAD: same headers, no body
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Connection bookkeeping shared with coroutine frames, which may outlive the Server object
// when the drain limit stops the loop with requests still running.

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;  // waiting for the first byte of a request; touched only on the connection's strand
};

struct Registry {
  std::mutex mu;
  std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> live;
  std::uint64_t next_id = 0;
  std::atomic<bool> stopping{false};
  std::function<void()> on_drained;  // called (under mu) when the last connection ends while stopping

  std::uint64_t add(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(mu);
    live.emplace(next_id, c);
    return next_id++;
  }
  void remove(std::uint64_t id) {
    std::lock_guard lock(mu);
    live.erase(id);
    if (live.empty() && stopping && on_drained) on_drained();
  }
  std::vector<std::shared_ptr<Connection>> snapshot() {
    std::lock_guard lock(mu);
    std::vector<std::shared_ptr<Connection>> out;
    for (auto& [id, weak] : live) {
      if (auto c = weak.lock()) out.push_back(std::move(c));
    }
    return out;
  }
  bool empty() {
    std::lock_guard lock(mu);
    return live.empty();
  }
};

struct RegistryEntry {
  std::shared_ptr<Registry> registry;
  std::uint64_t id;
  RegistryEntry(std::shared_ptr<Registry> r, std::uint64_t i) : registry(std::move(r)), id(i) {}
  RegistryEntry(const RegistryEntry&) = delete;
  RegistryEntry& operator=(const RegistryEntry&) = delete;
  ~RegistryEntry() { registry->remove(id); }
};

// What a handler produced, with the labels the access log and metrics need.
struct Dispatched {
  Response res;
  std::string route = "unmatched";
  bool from_static = false;
};

// ---------------------------------------------------------------------------------------

class Server {
 public:
  Server(const ServerOptions& options, const Router& router, Metrics& metrics)
      : options_(options),
        router_(router),
        metrics_(metrics),
        ioc_(std::max(1, options.limits.threads)),
        control_(net::make_strand(ioc_)),
        acceptor_(control_),
        signals_(control_),
        drain_timer_(control_),
        registry_(std::make_shared<Registry>()),
        connection_limits_(std::make_shared<ConnectionLimits>(
            options.limits.max_connections, options.limits.max_connections_per_address, metrics.connections())),
        workers_("http", workers::PoolSize{options.limits.worker_threads, options.limits.worker_queue}) {
    if (options.pool_metrics != nullptr) options.pool_metrics->add(workers_.counters());
  }

  int run(const std::function<void(std::uint16_t)>& on_listening, const std::stop_token& stop);

 private:
  bool listen(std::uint16_t& bound_port);
  void wait_for_signal();
  void begin_shutdown();
  void finish_drain();
  net::awaitable<void> accept_loop();
  net::awaitable<void> session(std::shared_ptr<Connection> conn, std::uint64_t id, std::string remote_ip);
  // One request and its answer; false: the connection ends here. A WebSocket upgrade comes
  // back in `upgrade` (with false) for session() to run, so this frame is gone meanwhile.
  net::awaitable<bool> serve_one(const std::shared_ptr<Connection>& owner, beast::flat_buffer& buffer,
                                 const std::string& remote_ip,
                                 std::optional<bhttp::request<bhttp::string_body>>& upgrade);
  net::awaitable<void> reject(Connection& conn, beast::flat_buffer& buffer, const beast::error_code& ec,
                              const bhttp::request<bhttp::string_body>& partial, Clock::time_point started);
  net::awaitable<void> answer_and_close(Connection& conn, beast::flat_buffer& buffer, Response res, unsigned version,
                                        const std::string& method, const std::string& request_id,
                                        Clock::time_point started);
  Router::Match route(const Request& req) const;
  bool needs_worker(const Request& req, const Router::Match& m) const;
  Dispatched dispatch(Request& req, Router::Match m) const;
  Dispatched busy(const Router::Match& m) const;
  // One log line per request; `client` is the client address (after trusted proxies), when read.
  void record(const std::string& method, const std::string& route, int status, Clock::time_point started,
              const std::string& request_id, const std::string& client = {});

  const ServerOptions& options_;
  const Router& router_;
  Metrics& metrics_;
  net::io_context ioc_;
  net::strand<net::io_context::executor_type> control_;  // acceptor, signals, drain timer
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer drain_timer_;
  bool drained_ = false;  // control_ only
  std::shared_ptr<Registry> registry_;
  // Shared with sessions, which may outlive the Server when the drain limit stops the loop.
  std::shared_ptr<ConnectionLimits> connection_limits_;
  // Declared after ioc_, so it is joined (jobs finish, their completions are posted to a
  // still-existing io_context) before ioc_ is destroyed.
  workers::WorkerPool workers_;
};

bool Server::listen(std::uint16_t& bound_port) {
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  beast::error_code ec;
  tcp::resolver resolver(ioc_);
  auto results = resolver.resolve(options_.host, std::to_string(options_.port),
                                  tcp::resolver::numeric_service | tcp::resolver::passive, ec);
  if (ec || results.empty()) {
    std::cerr << "visitd: cannot resolve listen address " << where << ": " << ec.message() << "\n";
    return false;
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) bound_port = acceptor_.local_endpoint(ec).port();
  if (!ec) return true;
  std::cerr << "visitd: cannot listen on " << where << ": " << ec.message() << "\n";
  return false;
}

int Server::run(const std::function<void(std::uint16_t)>& on_listening, const std::stop_token& stop) {
  std::uint16_t port = 0;
  if (!listen(port)) return 1;
  metrics_.connections().header_timeout_s = static_cast<unsigned long long>(options_.limits.header_timeout.count());
  metrics_.connections().body_timeout_s = static_cast<unsigned long long>(options_.limits.body_timeout.count());

  registry_->on_drained = [this] { net::post(control_, [this] { finish_drain(); }); };
  signals_.add(SIGINT);
  signals_.add(SIGTERM);
  wait_for_signal();
  net::co_spawn(control_, accept_loop(), net::detached);
  std::stop_callback on_stop(stop, [this] { net::post(control_, [this] { begin_shutdown(); }); });

  if (on_listening) on_listening(port);

  const int extra = std::max(1, options_.limits.threads) - 1;
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(extra));
  for (int i = 0; i < extra; ++i) threads.emplace_back([this] { ioc_.run(); });
  ioc_.run();
  for (auto& t : threads) t.join();

  // Frames still suspended (drain limit hit) are destroyed with ioc_; they must not call back.
  std::lock_guard lock(registry_->mu);
  registry_->on_drained = nullptr;
  return 0;
}

void Server::wait_for_signal() {
  signals_.async_wait([this](const beast::error_code& ec, int signo) {
    if (ec) return;  // cancelled once drained
    if (registry_->stopping) {
      spdlog::warn("second signal {}: stopping without waiting for requests", signo);
      ioc_.stop();
      return;
    }
    spdlog::info("signal {}: shutting down", signo);
    wait_for_signal();  // armed before begin_shutdown, whose drain may cancel it right away
    begin_shutdown();
  });
}

void Server::begin_shutdown() {
  if (registry_->stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor_.close(ec);
  // Live sessions are long-lived: tell them to close (1001) so the drain can finish.
  if (options_.live != nullptr) options_.live->shutdown();
  // Idle keep-alive connections are closed now; busy ones finish their request and close.
  for (auto& conn : registry_->snapshot()) {
    net::post(conn->stream.get_executor(), [conn] {
      if (conn->idle) conn->stream.cancel();
    });
  }
  drain_timer_.expires_after(kDrainLimit);
  drain_timer_.async_wait([this](const beast::error_code& ec) {
    if (ec) return;
    spdlog::warn("requests still running after {}s: stopping anyway", kDrainLimit.count());
    ioc_.stop();
  });
  if (registry_->empty()) finish_drain();
}

void Server::finish_drain() {
  if (drained_) return;
  drained_ = true;
  beast::error_code ec;
  signals_.cancel(ec);
  drain_timer_.cancel();
  acceptor_.close(ec);
  // With no pending work left, every ioc_.run() returns.
}

net::awaitable<void> Server::accept_loop() {
  while (!registry_->stopping) {
    auto [ec, socket] = co_await acceptor_.async_accept(net::make_strand(ioc_), kUseTuple);
    if (registry_->stopping || !acceptor_.is_open()) co_return;
    if (ec) {
      // Typically EMFILE: back off briefly instead of spinning on the failing accept.
      spdlog::warn("accept failed: {}", ec.message());
      net::steady_timer backoff(control_, std::chrono::milliseconds(100));
      co_await backoff.async_wait(kUseTuple);
      continue;
    }
    // Over a cap the connection is closed at once: holding it would spend a descriptor (the
    // global cap keeps accept from failing with EMFILE) or let one address crowd out others.
    std::string remote_ip = remote_ip_of(socket);
    const bool proxy = options_.trusted_proxies.contains(remote_ip);
    if (connection_limits_->admit(remote_ip, !proxy) != ConnectionLimits::Verdict::admitted) {
      beast::error_code ignored;
      socket.close(ignored);
      continue;
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    const std::uint64_t id = registry_->add(conn);
    net::co_spawn(conn->stream.get_executor(), session(conn, id, std::move(remote_ip)), net::detached);
  }
}

net::awaitable<void> Server::session(std::shared_ptr<Connection> conn, std::uint64_t id, std::string remote_ip) {
  RegistryEntry entry(registry_, id);
  struct Place {  // the place admit() gave this connection, given back however the session ends
    std::shared_ptr<ConnectionLimits> limits;
    std::string address;
    ~Place() { limits->release(address); }
  } place{connection_limits_, remote_ip};
  const auto& limits = options_.limits;
  beast::flat_buffer buffer;
  bool first = true;
  try {
    for (;;) {
      conn->idle = true;
      if (registry_->stopping) break;  // set before the cancel is posted, so no idle read is missed
      if (buffer.size() == 0) {
        // A new connection gets the header timeout from accept; a kept-alive one the idle timeout.
        conn->stream.expires_after(first ? limits.header_timeout : limits.idle_timeout);
        auto [ec, n] = co_await conn->stream.async_read_some(buffer.prepare(kReadChunk), kUseTuple);
        if (ec == beast::error::timeout && first) metrics_.connections().header_timeouts.fetch_add(1);
        if (ec) break;  // closed by the peer, timed out, or cancelled by shutdown
        buffer.commit(n);
      }
      conn->idle = false;
      if (!first) conn->stream.expires_after(limits.header_timeout);
      first = false;
      std::optional<bhttp::request<bhttp::string_body>> upgrade;
      if (co_await serve_one(conn, buffer, remote_ip, upgrade)) continue;
      if (upgrade) {
        // The connection becomes a live room session until it closes; it never returns to
        // HTTP. This frame lives as long as the WebSocket does (often hours, by the
        // thousand): the read buffer goes first (a client sends nothing more before the 101,
        // RFC 6455 4.1).
        buffer.clear();
        buffer.shrink_to_fit();
        co_await live::serve_websocket(*options_.live, conn, conn->stream, std::move(*upgrade));
      }
      break;
    }
  } catch (const std::exception& e) {
    spdlog::error("connection failed: {}", e.what());
  }
  beast::error_code ec;
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn->stream.close();
}

net::awaitable<bool> Server::serve_one(const std::shared_ptr<Connection>& owner, beast::flat_buffer& buffer,
                                       const std::string& remote_ip,
                                       std::optional<bhttp::request<bhttp::string_body>>& upgrade) {
  Connection& conn = *owner;
  const auto started = Clock::now();
  const auto& limits = options_.limits;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.max_header_bytes, UINT32_MAX)));
  parser.body_limit(limits.max_body_bytes);

  if (auto [ec, n] = co_await bhttp::async_read_header(conn.stream, buffer, parser, kUseTuple); ec) {
    if (ec == beast::error::timeout) metrics_.connections().header_timeouts.fetch_add(1);
    co_await reject(conn, buffer, ec, parser.get(), started);
    co_return false;
  }

  Request req;
  req.remote_ip = remote_ip;
  req.request_id = request_id_for(parser.get()["X-Request-Id"]);
  const unsigned version = parser.get().version();
  if (auto bad = fill_request(parser.get(), req)) {
    co_await answer_and_close(conn, buffer, std::move(*bad), version, req.method, req.request_id, started);
    co_return false;
  }
  // Behind a trusted proxy the client is named by X-Forwarded-For; from anyone else the header
  // means nothing. The rate limits and the request log see this address.
  req.remote_ip = options_.trusted_proxies.client_of(remote_ip, req.header("x-forwarded-for"));

  if (!parser.is_done()) {
    // curl and browsers may wait for "100 Continue" before sending a larger body.
    if (version >= 11 && lower(parser.get()[bhttp::field::expect]) == "100-continue") {
      bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, version};
      if (auto [ec, n] = co_await bhttp::async_write(conn.stream, proceed, kUseTuple); ec) co_return false;
    }
    // One deadline for the whole body, however slowly it trickles in (a byte a second
    // would otherwise hold the connection for as long as each read beat the idle timeout).
    conn.stream.expires_after(limits.body_timeout);
    if (auto [ec, n] = co_await bhttp::async_read(conn.stream, buffer, parser, kUseTuple); ec) {
      if (ec == beast::error::timeout) metrics_.connections().body_timeouts.fetch_add(1);
      co_await reject(conn, buffer, ec, parser.get(), started);
      co_return false;
    }
  }
  bhttp::request<bhttp::string_body> msg = parser.release();
  if (req.path == kLivePath && options_.live != nullptr && beast::websocket::is_upgrade(msg) && !registry_->stopping) {
    record(req.method, kLivePath, 101, started, req.request_id, req.remote_ip);
    upgrade.emplace(std::move(msg));  // session() runs it once this frame is gone
    co_return false;
  }
  req.body = std::move(msg.body());
  const bool head = msg.method() == bhttp::verb::head;
  const std::string method = req.method;
  const std::string request_id = req.request_id;
  const std::string client = req.remote_ip;

  // The network thread only routes; whatever may block runs on the worker pool.
  Router::Match m = route(req);
  Dispatched done;
  if (!needs_worker(req, m)) {
    done = dispatch(req, std::move(m));
  } else {
    // The job owns what it reads (a forced stop may destroy this frame while it runs).
    auto shared = std::make_shared<Request>(std::move(req));
    std::function<Dispatched()> job = [this, shared, m]() mutable { return dispatch(*shared, std::move(m)); };
    std::optional<Dispatched> ran = co_await workers::run_on<Dispatched>(workers_, job);
    if (ran) {
      done = std::move(*ran);
    } else {
      done = busy(m);
    }
  }
  const int status = done.res.status;
  const bool keep_alive = msg.keep_alive() && !registry_->stopping;
  auto out = to_wire(std::move(done.res), version, head, done.from_static, request_id, keep_alive);

  conn.stream.expires_after(limits.idle_timeout);
  auto [ec, n] = co_await bhttp::async_write(conn.stream, out, kUseTuple);
  record(method, done.route, status, started, request_id, client);
  co_return !ec && keep_alive;
}

Router::Match Server::route(const Request& req) const {
  Router::Match m = router_.match(req.method, req.path);
  if (m.handler == nullptr && req.method == "HEAD") {
    Router::Match as_get = router_.match("GET", req.path);
    if (as_get.handler != nullptr) m = std::move(as_get);
  }
  return m;
}

bool Server::needs_worker(const Request& req, const Router::Match& m) const {
  if (m.handler != nullptr) return m.runs == Runs::on_worker;
  if (m.path_known) return false;  // 405 from the route table
  const bool get_like = req.method == "GET" || req.method == "HEAD";
  return get_like && !options_.static_dir.empty() && !reserved_path(req.path);  // a file read
}

Dispatched Server::busy(const Router::Match& m) const {
  core::Error e = core::Error::typed(core::ErrorCode::unavailable, "server-busy", "the server is busy; retry shortly");
  e.retry_after = options_.limits.busy_retry_after;
  Dispatched d;
  d.res = problem_from(e);
  if (m.handler != nullptr) d.route = m.pattern;
  return d;
}

Dispatched Server::dispatch(Request& req, Router::Match m) const {
  Dispatched d;
  const bool get_like = req.method == "GET" || req.method == "HEAD";
  if (m.handler != nullptr) {
    d.route = m.pattern;
    req.params = std::move(m.params);
    try {
      d.res = (*m.handler)(req);
      return d;
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", req.request_id, method_label(req.method), m.pattern, e.what());
    } catch (...) {
      spdlog::error("request {} {} {} failed: unknown exception", req.request_id, method_label(req.method), m.pattern);
    }
    d.res = internal_error();
    return d;
  }
  if (m.path_known) {
    d.route = m.pattern;
    auto allowed = m.allowed;
    if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end() &&
        std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end()) {
      allowed.emplace_back("HEAD");
    }
    std::sort(allowed.begin(), allowed.end());
    core::Error e =
        core::Error::make(core::ErrorCode::method_not_allowed, "This resource does not support the method.");
    e.allow = std::move(allowed);
    d.res = problem_from(e);
    return d;
  }
  if (get_like && !options_.static_dir.empty() && !reserved_path(req.path)) {
    const std::string ancestors = options_.frame_ancestors ? options_.frame_ancestors(req.path) : "'none'";
    if (auto file = serve_static(options_.static_dir, req, ancestors)) {
      d.route = "static";
      d.from_static = true;
      d.res = std::move(*file);
      return d;
    }
  }
  d.res = not_found();
  return d;
}

net::awaitable<void> Server::reject(Connection& conn, beast::flat_buffer& buffer, const beast::error_code& ec,
                                    const bhttp::request<bhttp::string_body>& partial, Clock::time_point started) {
  if (ec.category() != bhttp::make_error_code(bhttp::error::bad_target).category() ||
      ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
    co_return;  // transport trouble, timeout or the peer went away: nobody to answer
  }
  Response res;
  if (ec == bhttp::error::body_limit) {
    res = problem_from(
        core::Error::typed(core::ErrorCode::too_large, "body-too-large",
                           "The request body exceeds " + std::to_string(options_.limits.max_body_bytes) + " bytes."));
  } else if (ec == bhttp::error::header_limit) {
    res = problem_from(core::Error::typed(
        core::ErrorCode::too_large, "header-too-large",
        "The request header exceeds " + std::to_string(options_.limits.max_header_bytes) + " bytes."));
  } else {
    res = problem_from(
        core::Error::typed(core::ErrorCode::invalid, "malformed-request", "The request is not valid HTTP/1.1."));
  }
  const unsigned version = partial.version() == 10 ? 10 : 11;
  const std::string method = std::string(partial.method_string());
  co_await answer_and_close(conn, buffer, std::move(res), version, method, request_id_for(partial["X-Request-Id"]),
                            started);
}

net::awaitable<void> Server::answer_and_close(Connection& conn, beast::flat_buffer& buffer, Response res,
                                              unsigned version, const std::string& method,
                                              const std::string& request_id, Clock::time_point started) {
  const int status = res.status;
  auto out = to_wire(std::move(res), version, false, false, request_id, false);
  conn.stream.expires_after(kLingerLimit);
  auto [ec, n] = co_await bhttp::async_write(conn.stream, out, kUseTuple);
  record(method, "unmatched", status, started, request_id);
  if (ec) co_return;
  beast::error_code ignored;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  // Lingering close: drain until the client closes, a bound, or the deadline set above.
  std::size_t drained = 0;
  while (drained < kLingerMaxBytes) {
    buffer.clear();
    auto [rec, got] = co_await conn.stream.async_read_some(buffer.prepare(kReadChunk), kUseTuple);
    if (rec) break;
    drained += got;
  }
}

void Server::record(const std::string& method, const std::string& route, int status, Clock::time_point started,
                    const std::string& request_id, const std::string& client) {
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  const std::string m = method_label(method);
  metrics_.observe_request(m, route, status, seconds);
  // The route pattern, never the raw path or query: capability tokens live in paths.
  if (client.empty()) {
    spdlog::info("{} {} {} {:.1f}ms rid={}", m, route, status, seconds * 1000.0, request_id);
  } else {
    spdlog::info("{} {} {} {:.1f}ms rid={} client={}", m, route, status, seconds * 1000.0, request_id, client);
  }
}

}  // namespace

int run_server(const ServerOptions& options, const Router& router, Metrics& metrics,
               const std::function<void(std::uint16_t)>& on_listening, std::stop_token stop) {
  Server server(options, router, metrics);
  return server.run(on_listening, stop);
}

int run_server(const ServerOptions& options, const Router& router, Metrics& metrics,
               const std::function<void(std::uint16_t)>& on_listening) {
  return run_server(options, router, metrics, on_listening, std::stop_token{});
}

}  // namespace visitd::http
