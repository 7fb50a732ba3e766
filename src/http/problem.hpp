#pragma once
// RFC 9457 problem+json: the one place where a refusal (core::Error) becomes an HTTP answer.
// One table (problem.cpp) maps an error's code and type slug to the status, the type URI
// "https://visitd.dev/problems/<slug>" and the title; the error's own fields become `errors`,
// its extension members become members of the body (instants as RFC 3339 in `display`, or
// UTC "Z" without one), and retry_after / allow / location become Retry-After / Allow /
// Location. 401 adds WWW-Authenticate, 426 adds Upgrade: websocket.
// The WebSocket twin of this table is live/ws_errors.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "http/message.hpp"

namespace visitd::http {

Response problem_from(const core::Error& e);
Response problem_from(const core::Error& e, const core::Zone& display);

// What the table says for an error (status, type URI, title, headers except those built
// from the error's own values), for tests and documentation.
struct ProblemShape {
  int status = 500;
  std::string type;  // full URI
  std::string title;
  std::vector<std::pair<std::string, std::string>> headers;
};
ProblemShape problem_shape(const core::Error& e);

// A 400 naming one field (problem_from(core::Error::invalid(field, message))).
Response bad_request(std::string field, std::string message);

}  // namespace visitd::http
