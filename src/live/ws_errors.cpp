#include "live/ws_errors.hpp"

#include <array>
#include <string_view>

#include "live/peer.hpp"

namespace visitd::live {

namespace {

using core::ErrorCode;
using W = protocol::ErrorCode;

struct Row {
  ErrorCode code;
  std::string_view type;  // "" = any type of this code without a more precise row
  W wire;
  int close_code;
  bool fatal;
};

// One row per refusal a client can meet. The close codes are those docs/live-protocol.md lists.
constexpr std::array kRows{
    Row{ErrorCode::forbidden, "not-admitted", W::not_admitted, close_code::kAuthFailed, false},
    Row{ErrorCode::forbidden, "room-denied", W::denied, close_code::kDenied, false},
    Row{ErrorCode::forbidden, "room-ended", W::ended, close_code::kEnded, false},
    Row{ErrorCode::forbidden, "room-too-early", W::room_too_early, close_code::kClosed, false},
    Row{ErrorCode::forbidden, "room-too-late", W::room_too_late, close_code::kClosed, false},
    Row{ErrorCode::forbidden, "room-not-invited", W::auth_failed, close_code::kAuthFailed, false},
    Row{ErrorCode::forbidden, "", W::forbidden, close_code::kAuthFailed, false},
    Row{ErrorCode::conflict, "room-full", W::room_full, close_code::kFull, false},
    Row{ErrorCode::conflict, "watchers-full", W::room_full, close_code::kPolicy, false},
    Row{ErrorCode::unauthorized, "auth-required", W::auth_required, close_code::kAuthFailed, false},
    Row{ErrorCode::unauthorized, "", W::auth_failed, close_code::kAuthFailed, false},
    Row{ErrorCode::gone, "", W::token_expired, close_code::kTokenExpired, false},
    Row{ErrorCode::invalid, "", W::invalid, close_code::kAuthFailed, false},
    Row{ErrorCode::not_found, "", W::not_found, close_code::kAuthFailed, false},
    Row{ErrorCode::policy, "", W::invalid, close_code::kPolicy, false},
    Row{ErrorCode::conflict, "", W::invalid, close_code::kPolicy, false},
    Row{ErrorCode::rate_limited, "", W::rate_limited, close_code::kPolicy, true},
    Row{ErrorCode::too_large, "", W::invalid, close_code::kTooBig, true},
    Row{ErrorCode::unavailable, "", W::unavailable, close_code::kTryAgainLater, false},
    Row{ErrorCode::internal, "", W::internal, close_code::kInternal, false},
};

}  // namespace

WsRefusal to_ws(const core::Error& e) {
  for (const auto& r : kRows) {
    if (r.code == e.code && !r.type.empty() && r.type == e.type) return {r.wire, r.close_code, r.fatal};
  }
  for (const auto& r : kRows) {
    if (r.code == e.code && r.type.empty()) return {r.wire, r.close_code, r.fatal};
  }
  return {W::internal, close_code::kInternal, false};
}

core::Error join_refusal_error(core::JoinRefusal r) {
  std::string detail;
  switch (r) {
    case core::JoinRefusal::denied:
      detail = "denied by the host";
      break;
    case core::JoinRefusal::ended:
      detail = "the meeting has ended";
      break;
    case core::JoinRefusal::not_invited:
      detail = "room token not recognised";
      break;
    case core::JoinRefusal::too_early:
    case core::JoinRefusal::too_late:
      detail = "the room is not open now";
      break;
  }
  return core::Error::typed(ErrorCode::forbidden, core::to_string(r), detail);
}

}  // namespace visitd::live
