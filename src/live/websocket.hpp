#pragma once
// The hand-over from the HTTP server to the live module: an upgraded request on its
// connection. Names Beast and Asio types, so only http/server.cpp and live/websocket.cpp
// include it.
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>

namespace visitd::live {

class LiveService;

// Accepts the WebSocket upgrade and runs the session until the connection closes. The
// stream's executor (the connection's strand) runs every step of the session. `owner` keeps
// the stream alive for as long as any operation of the session may still touch it.
boost::asio::awaitable<void> serve_websocket(LiveService& live, std::shared_ptr<void> owner,
                                             boost::beast::tcp_stream& stream,
                                             boost::beast::http::request<boost::beast::http::string_body> request);

}  // namespace visitd::live
