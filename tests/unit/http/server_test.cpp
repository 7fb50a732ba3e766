// End to end: a real run_server on a loopback port, spoken to over a plain POSIX socket so
// the test sees exactly the bytes a client would.
#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <stdexcept>
#include <thread>

#include "http/problem.hpp"

namespace visitd::http {
namespace {

struct WireResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  [[nodiscard]] std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  [[nodiscard]] bool has(const std::string& name) const { return headers.count(name) != 0; }
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// A blocking HTTP/1.1 client on one connection. The receive timeout is only a safety net so
// a broken server fails the test instead of hanging it.
class Client {
 public:
  explicit Client(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("connect");
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send");
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads one response; `head` = the request was HEAD, so no body follows the header.
  std::optional<WireResponse> read(bool head = false) {
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    WireResponse r;
    std::string header = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    std::size_t line_end = header.find("\r\n");
    std::string status_line = header.substr(0, line_end);
    r.status = std::stoi(status_line.substr(status_line.find(' ') + 1, 3));
    while (line_end != std::string::npos) {
      std::size_t start = line_end + 2;
      line_end = header.find("\r\n", start);
      std::string line = header.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers[lower(line.substr(0, colon))] = value;
    }
    if (!head && r.status >= 200 && r.status != 204 && r.status != 304) {
      const std::size_t length = r.has("content-length") ? std::stoul(r.header("content-length")) : 0;
      while (buf_.size() < length) {
        if (!fill()) return std::nullopt;
      }
      r.body = buf_.substr(0, length);
      buf_.erase(0, length);
    }
    return r;
  }

  // True when the server closed the connection (and sent nothing more); false when data
  // arrived or the safety-net receive timeout expired.
  bool closed_by_peer() {
    if (!buf_.empty()) return false;
    char byte;
    ssize_t n = ::recv(fd_, &byte, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

  std::optional<WireResponse> roundtrip(const std::string& request, bool head = false) {
    send(request);
    return read(head);
  }

 private:
  bool fill() {
    char chunk[8192];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
  int fd_ = -1;
  std::string buf_;
};

std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra_headers + "\r\n";
}

// run_server on its own thread; stopped through the stop token (the SIGTERM path shares
// everything after the trigger).
class RunningServer {
 public:
  RunningServer(ServerOptions options, const Router& router) : options_(std::move(options)) {
    auto port = listening_.get_future();
    thread_ = std::jthread([this, &router](std::stop_token stop) {
      exit_code_ = run_server(
          options_, router, metrics_,
          [this](std::uint16_t p) {
            port_reported_ = true;
            listening_.set_value(p);
          },
          stop);
      if (!port_reported_) listening_.set_exception(std::make_exception_ptr(std::runtime_error("bind failed")));
    });
    port_ = port.get();
  }
  ~RunningServer() { stop(); }

  // Requests shutdown and waits until run_server has returned.
  int stop() {
    thread_.request_stop();
    return wait();
  }
  // Waits until run_server returns on its own (e.g. after a signal).
  int wait() {
    if (thread_.joinable()) thread_.join();
    return exit_code_;
  }
  [[nodiscard]] std::uint16_t port() const { return port_; }
  Metrics& metrics() { return metrics_; }

 private:
  ServerOptions options_;
  Metrics metrics_;
  std::promise<std::uint16_t> listening_;
  bool port_reported_ = false;  // only touched on the server thread
  int exit_code_ = -1;
  std::uint16_t port_ = 0;
  std::jthread thread_;
};

Response text(std::string body) {
  Response r;
  r.content_type = "text/plain";
  r.body = std::move(body);
  return r;
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    router_.add("GET", "/api/v1/hello", [](Request&) { return text("hello"); });
    router_.add("POST", "/api/v1/echo", [](Request& req) { return text(req.body); });
    router_.add("GET", "/api/v1/items/{id}", [](Request& req) {
      std::string out = "id=" + req.param("id") + ";q=" + req.query_param("q").value_or("-") + ";ip=" + req.remote_ip +
                        ";accept=" + req.header("accept").value_or("-");
      return text(out);
    });
    router_.add("GET", "/api/v1/cached",
                [](Request&) { return text("c").with_header("Cache-Control", "private, max-age=5"); });
    router_.add("GET", "/api/v1/boom", [](Request&) -> Response { throw std::runtime_error("secret detail"); });
    router_.add("GET", "/api/v1/slow", [this](Request&) {
      entered_.set_value();
      release_.get_future().wait();
      return text("done");
    });
    options_.host = "127.0.0.1";
    options_.port = 0;
    options_.limits.max_body_bytes = 1024;
    options_.limits.max_header_bytes = 2048;
    options_.limits.threads = 2;
  }

  RunningServer& start() {
    server_.emplace(options_, router_);
    return *server_;
  }

  Router router_;
  ServerOptions options_;
  std::optional<RunningServer> server_;
  std::promise<void> entered_, release_;
};

TEST_F(ServerTest, AnswersARouteWithSecurityHeaders) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/hello"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
  EXPECT_EQ(r->header("content-type"), "text/plain");
  EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r->header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r->header("x-frame-options"), "DENY");
  EXPECT_EQ(r->header("cache-control"), "no-store");
  EXPECT_TRUE(r->has("date"));
}

TEST_F(ServerTest, HandlerCacheControlWins) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/cached"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("cache-control"), "private, max-age=5");
}

TEST_F(ServerTest, DecodesPathParametersQueryAndHeaders) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/items/a%20b?q=x%26y+z", "Accept: text/plain\r\nAccept: application/json\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "id=a b;q=x&y z;ip=127.0.0.1;accept=text/plain, application/json");
}

TEST_F(ServerTest, EchoesAValidClientRequestId) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/hello", "X-Request-Id: trace-42_a.b\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("x-request-id"), "trace-42_a.b");
}

TEST_F(ServerTest, ReplacesAnUnsafeRequestIdWithAGeneratedOne) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/hello", "X-Request-Id: <script>\r\n"));
  ASSERT_TRUE(r);
  const std::string id = r->header("x-request-id");
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(id.find('<'), std::string::npos);
  auto again = c.roundtrip(get("/api/v1/hello", "X-Request-Id: " + std::string(65, 'a') + "\r\n"));
  ASSERT_TRUE(again);
  EXPECT_NE(again->header("x-request-id"), std::string(65, 'a'));
}

TEST_F(ServerTest, UnknownApiPathIsA404Problem) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/nope/secret-token"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  EXPECT_NE(r->body.find("https://visitd.dev/problems/not-found"), std::string::npos);
  EXPECT_EQ(r->body.find("secret-token"), std::string::npos);
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  Client c(start().port());
  auto r = c.roundtrip("DELETE /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->header("allow"), "GET, HEAD");
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
}

TEST_F(ServerTest, HandlerExceptionIsA500WithoutDetails) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/boom"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body.find("secret detail"), std::string::npos);
  // The connection survives a failed handler.
  auto next = c.roundtrip(get("/api/v1/hello"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(ServerTest, OversizeBodyIs413AndCloses) {
  Client c(start().port());
  const std::string body(2000, 'x');
  auto r = c.roundtrip(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2000\r\n\r\n" + body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  EXPECT_EQ(lower(r->header("connection")), "close");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, OversizeChunkedBodyIs413) {
  Client c(start().port());
  const std::string chunk(1500, 'y');
  auto r = c.roundtrip("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5dc\r\n" + chunk +
                       "\r\n0\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, BodyWithinTheLimitIsDelivered) {
  Client c(start().port());
  const std::string body(1024, 'z');
  auto r = c.roundtrip("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, body);
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimAnswer) {
  Client c(start().port());
  c.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  auto interim = c.read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  auto r = c.roundtrip("hello");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
}

TEST_F(ServerTest, OversizeHeaderIs431) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/hello", "X-Big: " + std::string(4000, 'h') + "\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
  Client c(start().port());
  auto r = c.roundtrip("GET /api/v1/hello HTTP/1.1\r\nBad Header Line\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, EncodedSlashInPathIs400) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/items/a%2Fb"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client c(start().port());
  auto first = c.roundtrip(get("/api/v1/hello"));
  auto second = c.roundtrip(get("/api/v1/items/7"));
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->body.rfind("id=7;", 0), 0u);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Client c(start().port());
  c.send(get("/api/v1/items/1") + get("/api/v1/items/2"));
  auto a = c.read();
  auto b = c.read();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->body.rfind("id=1;", 0), 0u);
  EXPECT_EQ(b->body.rfind("id=2;", 0), 0u);
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Client c(start().port());
  auto r = c.roundtrip(get("/api/v1/hello", "Connection: close\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, HeadHasGetHeadersWithoutBody) {
  Client c(start().port());
  auto head = c.roundtrip("HEAD /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n", /*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), "5");
  EXPECT_EQ(head->header("content-type"), "text/plain");
  // Had a body followed the HEAD answer, this read would see it instead of the next answer.
  auto next = c.roundtrip(get("/api/v1/hello"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, "hello");
}

TEST_F(ServerTest, CountsRequestsByRoutePattern) {
  auto& server = start();
  Client c(server.port());
  ASSERT_TRUE(c.roundtrip(get("/api/v1/items/abc")));
  ASSERT_TRUE(c.roundtrip(get("/api/v1/missing")));
  server.stop();  // requests are counted once answered; stopping waits for that
  const std::string text = server.metrics().render();
  EXPECT_NE(text.find(R"(visitd_http_requests_total{method="GET",route="/api/v1/items/{id}",status="200"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(visitd_http_requests_total{method="GET",route="unmatched",status="404"} 1)"),
            std::string::npos);
  EXPECT_EQ(text.find("abc"), std::string::npos);
}

TEST_F(ServerTest, ServesStaticFilesWithSpaFallbackButNotForApiPaths) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("visitd-server-static-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "index.html") << "<html>shell</html>";
  options_.static_dir = dir.string();
  Client c(start().port());
  auto spa = c.roundtrip(get("/manage/abc.def"));
  auto api = c.roundtrip(get("/api/v1/unknown"));
  auto health = c.roundtrip(get("/healthz"));
  fs::remove_all(dir);
  ASSERT_TRUE(spa && api && health);
  EXPECT_EQ(spa->status, 200);
  EXPECT_EQ(spa->body, "<html>shell</html>");
  EXPECT_EQ(spa->header("cache-control"), "no-cache");
  EXPECT_TRUE(spa->has("content-security-policy"));
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(api->header("content-type"), "application/problem+json");
  EXPECT_EQ(health->status, 404);
}

TEST_F(ServerTest, StopClosesIdleConnectionsAndReturnsZero) {
  auto& server = start();
  Client c(server.port());
  ASSERT_TRUE(c.roundtrip(get("/api/v1/hello")));
  EXPECT_EQ(server.stop(), 0);
  EXPECT_TRUE(c.closed_by_peer());
}

// These two wait for a one-second timeout to expire: the slowest tests here, kept because
// they are the only guard against connections held open forever.
TEST_F(ServerTest, IncompleteHeaderIsCutOffByTheHeaderTimeout) {
  options_.limits.header_timeout = std::chrono::seconds(1);
  Client c(start().port());
  c.send("GET /api/v1/hello HTTP/1.1\r\nHost: x\r\n");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedByTheIdleTimeout) {
  options_.limits.idle_timeout = std::chrono::seconds(1);
  Client c(start().port());
  ASSERT_TRUE(c.roundtrip(get("/api/v1/hello")));
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(ServerTest, SigtermClosesIdleConnectionsAndReturnsZero) {
  auto& server = start();  // the signal handler is installed before the port is reported
  Client c(server.port());
  ASSERT_TRUE(c.roundtrip(get("/api/v1/hello")));
  ASSERT_EQ(std::raise(SIGTERM), 0);
  EXPECT_TRUE(c.closed_by_peer());
  EXPECT_EQ(server.wait(), 0);
}

TEST_F(ServerTest, SigtermWithoutConnectionsReturnsZero) {
  auto& server = start();
  ASSERT_EQ(std::raise(SIGTERM), 0);
  EXPECT_EQ(server.wait(), 0);  // hangs (and times out) if shutdown left work behind
}

TEST_F(ServerTest, StopLetsAnInFlightRequestFinish) {
  auto& server = start();
  Client c(server.port());
  c.send(get("/api/v1/slow"));
  entered_.get_future().wait();
  std::thread stopper([&server] { server.stop(); });
  release_.set_value();
  auto r = c.read();
  stopper.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "done");
}

TEST_F(ServerTest, BindFailureReturnsNonZero) {
  auto& first = start();
  ServerOptions clash = options_;
  clash.port = first.port();
  Metrics metrics;
  bool listened = false;
  const int rc = run_server(
      clash, router_, metrics, [&](std::uint16_t) { listened = true; }, std::stop_token{});
  EXPECT_NE(rc, 0);
  EXPECT_FALSE(listened);
}

}  // namespace
}  // namespace visitd::http
