#pragma once
// The one table from a refusal (core::Error) to what a WebSocket client sees: the `error`
// message's code and, when the refusal ends the connection, the close code
// (docs/live-protocol.md, "Errors" and "Close codes"). Its HTTP sibling is http/problem.cpp
// (core::Error -> problem+json); no other place maps refusals for either edge.
#include "core/result.hpp"
#include "core/room_policy.hpp"
#include "live/protocol.hpp"

namespace visitd::live {

struct WsRefusal {
  protocol::ErrorCode code = protocol::ErrorCode::internal;
  // The close code when the refusal ends the connection: always while authenticating, and
  // for a few refusals (rate limit) at any time. 0 = the connection stays.
  int close_code = 0;
  bool fatal = false;  // closes the connection even after auth
};

// `type` picks a row first (e.g. forbidden + "not-admitted"), then the code's own row.
WsRefusal to_ws(const core::Error& e);

// A join refusal as a core error (problem type = core::to_string(refusal)), for to_ws.
core::Error join_refusal_error(core::JoinRefusal r);

}  // namespace visitd::live
