// One WebSocket connection: reads on its strand (a coroutine), writes through a bounded
// queue with one write in flight (a client that falls behind by more than the queue limit is
// dropped), Beast's ping/pong keepalive, a message size limit and a per-connection rate limit.
// Thousands sit idle at once, so an idle one holds little: the upgrade request is released
// after the handshake, the read buffer between messages, the auth deadline's timer once the
// connection authenticated (then Beast's keepalive timer is its only one).
#include "live/websocket.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>

#include <list>
#include <optional>

#include "core/token_bucket.hpp"
#include "live/live_service.hpp"
#include "live/protocol.hpp"
#include "live/ws_errors.hpp"

namespace visitd::live {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);

class Session final : public Peer, public std::enable_shared_from_this<Session> {
 public:
  Session(LiveService& live, std::shared_ptr<void> owner, beast::tcp_stream& stream)
      : live_(live),
        owner_(std::move(owner)),
        ws_(stream),
        bucket_(live.settings().rate_per_second, live.settings().burst, live.clock().monotonic()) {}

  net::awaitable<void> run(beast::http::request<beast::http::string_body> req);

  void send(std::shared_ptr<const std::string> text) override {
    net::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)] {
      self->enqueue(Out{text, 0, {}});
    });
  }
  void close(int code, std::string reason) override {
    net::post(ws_.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
      self->enqueue(Out{nullptr, code, reason});
    });
  }

 private:
  struct Out {
    std::shared_ptr<const std::string> text;
    int close_code = 0;  // non-zero: a close frame
    std::string reason;
  };

  void enqueue(Out out);
  void write_next();
  void drop();

  LiveService& live_;
  std::shared_ptr<void> owner_;  // the server's connection, which owns the TCP stream
  websocket::stream<beast::tcp_stream&> ws_;
  std::optional<net::steady_timer> auth_timer_;  // until the connection authenticated
  core::TokenBucket bucket_;                     // messages this connection may send (strand-only)
  // Strand-only state.
  std::list<Out> queue_;  // not a deque: an empty std::deque still holds a 512-byte block
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool closing_ = false;  // a close frame is queued or sent: nothing more goes out
  bool dropped_ = false;
};

void Session::enqueue(Out out) {
  if (closing_ || dropped_) return;
  if (out.close_code != 0) {
    closing_ = true;
  } else {
    queued_bytes_ += out.text->size();
    if (queued_bytes_ > live_.settings().queue_bytes) {
      // Never let one slow reader hold unbounded memory: it loses its connection instead.
      live_.metrics().slow_client_disconnects.fetch_add(1);
      spdlog::info("live: dropping a slow client ({} bytes queued)", queued_bytes_);
      drop();
      return;
    }
  }
  queue_.push_back(std::move(out));
  if (!writing_) write_next();
}

void Session::write_next() {
  if (queue_.empty() || dropped_) {
    writing_ = false;
    return;
  }
  writing_ = true;
  Out& front = queue_.front();
  if (front.close_code != 0) {
    websocket::close_reason reason(static_cast<websocket::close_code>(front.close_code), front.reason);
    ws_.async_close(reason, [self = shared_from_this()](beast::error_code) {
      self->queue_.clear();
      self->queued_bytes_ = 0;
      self->writing_ = false;
    });
    return;
  }
  ws_.text(true);
  ws_.async_write(net::buffer(*front.text), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (self->queue_.empty()) return;  // dropped meanwhile
    self->queued_bytes_ -= self->queue_.front().text->size();
    self->queue_.pop_front();
    if (ec) {
      self->drop();
      return;
    }
    self->write_next();
  });
}

void Session::drop() {
  if (dropped_) return;
  dropped_ = true;
  closing_ = true;
  queue_.clear();
  queued_bytes_ = 0;
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  beast::get_lowest_layer(ws_).close();
}

net::awaitable<void> Session::run(beast::http::request<beast::http::string_body> req) {
  const auto& settings = live_.settings();
  beast::get_lowest_layer(ws_).expires_never();
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = settings.auth_timeout;
  timeouts.idle_timeout = settings.idle_timeout;
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.read_message_max(settings.max_message_bytes);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "visitd"); }));

  auto [accept_ec] = co_await ws_.async_accept(req, kUseTuple);
  { const auto done_with = std::move(req); }  // its headers would otherwise live as long as the session
  if (accept_ec) co_return;

  live_.metrics().connections.fetch_add(1);
  const std::uint64_t tracked = live_.track(weak_from_this());
  auto attachment = live_.hub().attach(shared_from_this());

  // The token must come in the first message, soon.
  auth_timer_.emplace(ws_.get_executor(), settings.auth_timeout);
  auth_timer_->async_wait([self = shared_from_this(), attachment](beast::error_code ec) {
    if (ec) return;  // cancelled: authenticated or gone
    if (!attachment->authed) self->close(close_code::kAuthFailed, "no auth in time");
    self->auth_timer_.reset();  // its operation is already finished: the timer can go
  });

  beast::flat_buffer buffer;
  bool clean = false;
  for (;;) {
    auto [ec, n] = co_await ws_.async_read(buffer, kUseTuple);
    if (ec) {
      clean = ec == websocket::error::closed && !closing_;
      break;
    }
    if (closing_) {  // after our close frame only the peer's close matters
      buffer.consume(buffer.size());
      continue;
    }
    if (!bucket_.take(live_.clock().monotonic())) {
      live_.metrics().rate_limited_disconnects.fetch_add(1);
      // `ref` names the type of the message that went over the limit (docs/live-protocol.md).
      const auto refusal = core::Error::make(core::ErrorCode::rate_limited, "too many messages");
      const WsRefusal ws = to_ws(refusal);
      enqueue(Out{std::make_shared<const std::string>(protocol::encode(protocol::ErrorOut{
                      ws.code, refusal.detail, protocol::peek_type(beast::buffers_to_string(buffer.data()))})),
                  0,
                  {}});
      enqueue(Out{nullptr, ws.close_code, "rate limit"});
      buffer.consume(buffer.size());
      continue;
    }
    if (!ws_.got_text()) {
      enqueue(Out{nullptr, close_code::kPolicy, "text messages only"});
      buffer.consume(buffer.size());
      continue;
    }
    const std::string text = beast::buffers_to_string(buffer.data());
    buffer.consume(buffer.size());
    buffer.shrink_to_fit();  // an idle connection keeps no message-sized buffer
    try {
      live_.hub().on_text(*attachment, text);
    } catch (const std::exception& e) {
      spdlog::error("live: message handling failed: {}", e.what());
      enqueue(Out{nullptr, 1011, "internal error"});
    }
    if (auth_timer_ && attachment->authed) auth_timer_.reset();  // cancels the wait, frees the timer
  }
  auth_timer_.reset();
  try {
    live_.hub().on_closed(*attachment, clean);
  } catch (const std::exception& e) {
    spdlog::error("live: disconnect handling failed: {}", e.what());
  }
  live_.untrack(tracked);
  live_.metrics().connections.fetch_sub(1);
  // The hub releases attachment->peer once the departure is handled (after queued messages).
  if (!dropped_ && beast::get_lowest_layer(ws_).socket().is_open() && !writing_) drop();
}

}  // namespace

net::awaitable<void> serve_websocket(LiveService& live, std::shared_ptr<void> owner, beast::tcp_stream& stream,
                                     beast::http::request<beast::http::string_body> request) {
  auto session = std::make_shared<Session>(live, std::move(owner), stream);
  co_await session->run(std::move(request));
}

}  // namespace visitd::live
