#pragma once
// The one table that turns a refusal (core::Error) into a room WebSocket answer: the `error`
// message's `code` and, when the refusal ends the connection, the close code that
// docs/live-protocol.md promises. The problem+json table (http/problem.cpp) is its HTTP twin.
// Header-only so src/live can use it without linking the service layer.
#include <string_view>

#include "core/result.hpp"

namespace visitd::service {

struct LiveRefusal {
  std::string_view code;  // the `error` message's code
  int close_code = 0;     // 0 = not fatal: the connection stays open
};

namespace live_close {
inline constexpr int kPolicy = 1008;        // rate limit / protocol violation
inline constexpr int kTooBig = 1009;        // message too big
inline constexpr int kAuthFailed = 4001;    // bad token, token of another room, no auth first
inline constexpr int kTokenExpired = 4002;  // join again
inline constexpr int kDenied = 4003;        // denied or removed by a host
inline constexpr int kEnded = 4004;         // the meeting ended or the booking is no longer confirmed
inline constexpr int kClosed = 4005;        // outside the room's window
inline constexpr int kFull = 4009;          // mesh full
}  // namespace live_close

struct LiveRefusalRow {
  std::string_view type;  // an Error::type slug; empty = any type of this code
  core::ErrorCode code;
  LiveRefusal refusal;
};

// Rows with a type win over the code's default row (type empty).
inline constexpr LiveRefusalRow kLiveRefusals[] = {
    {"room-too-early", core::ErrorCode::forbidden, {"room-too-early", live_close::kClosed}},
    {"room-too-late", core::ErrorCode::forbidden, {"room-too-late", live_close::kClosed}},
    {"room-denied", core::ErrorCode::forbidden, {"denied", live_close::kDenied}},
    {"room-ended", core::ErrorCode::forbidden, {"ended", live_close::kEnded}},
    {"room-not-invited", core::ErrorCode::forbidden, {"auth-failed", live_close::kAuthFailed}},
    {"room-full", core::ErrorCode::conflict, {"room-full", live_close::kFull}},
    {"not-admitted", core::ErrorCode::forbidden, {"not-admitted", 0}},
    {"", core::ErrorCode::gone, {"token-expired", live_close::kTokenExpired}},
    {"", core::ErrorCode::unauthorized, {"auth-failed", live_close::kAuthFailed}},
    {"", core::ErrorCode::invalid, {"invalid", 0}},
    {"", core::ErrorCode::not_found, {"not-found", 0}},
    {"", core::ErrorCode::conflict, {"conflict", 0}},
    {"", core::ErrorCode::forbidden, {"forbidden", 0}},
    {"", core::ErrorCode::policy, {"forbidden", 0}},
    {"", core::ErrorCode::rate_limited, {"rate-limited", live_close::kPolicy}},
    {"", core::ErrorCode::too_large, {"too-large", live_close::kTooBig}},
    {"", core::ErrorCode::unavailable, {"unavailable", 0}},
    {"", core::ErrorCode::unsupported_media_type, {"invalid", 0}},
    {"", core::ErrorCode::method_not_allowed, {"invalid", 0}},
    {"", core::ErrorCode::internal, {"internal", 0}},
};

inline LiveRefusal live_refusal(const core::Error& e) {
  for (const auto& row : kLiveRefusals)
    if (!row.type.empty() && row.type == e.type && row.code == e.code) return row.refusal;
  for (const auto& row : kLiveRefusals)
    if (row.type.empty() && row.code == e.code) return row.refusal;
  return {"internal", 0};
}

}  // namespace visitd::service
