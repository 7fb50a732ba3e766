#pragma once
// Rules of an appointment room. A room belongs to exactly one booking and has no times of
// its own: its window derives from the booking's current time and the service's room
// settings, so it moves with a reschedule and closes with a cancel by construction.
#include <optional>
#include <string>

#include "core/model.hpp"

namespace visitd::core {

enum class RoomRole { host, guest };

// A participant's standing in the lobby. Only decisions are stored; `waiting` is the
// absence of one.
enum class LobbyState { waiting, admitted, denied, removed };

// Calls are a full mesh between browsers: each participant sends to every other one.
inline constexpr int kMaxCallParticipants = 4;

// [start - open_before, end + close_after).
Interval room_window(const Booking& b, const Service& s);

enum class JoinRefusal {
  too_early,    // the window has not opened yet (see JoinCheck::opens_at)
  too_late,     // the window has closed
  not_invited,  // not a participant of this booking's room
  denied,       // the host denied or removed this participant
  ended,        // the host ended the meeting, or the appointment is no longer confirmed
};
const char* to_string(JoinRefusal r);

struct RoomFacts {  // what the caller gathered about the room
  BookingStatus booking_status = BookingStatus::confirmed;
  Interval window;
  bool ended = false;
  std::optional<LobbyState> decision;  // stored decision about this participant
};

// nullopt = may join. The order matters: an ended room says "ended" even inside its
// window, a denied participant learns it rather than "too early".
std::optional<JoinRefusal> check_join(const RoomFacts& facts, Instant now);

// Whether a join answer carries TURN relay credentials: a host always, a guest only once
// admitted (a stored decision, or a service without a lobby). A guest waiting in the lobby
// may not signal anyone, so it gets no relay to spend; it joins again once admitted.
bool may_use_relay(RoomRole role, const RoomFacts& facts, bool auto_admit);

// A room with people in it re-checks its window whenever the booking may have changed (a
// reschedule, a cancel, a status change) and when its close time comes. What it must do:
enum class RoomReview {
  stays,         // same window, still open: nothing to tell
  moved,         // the window moved but still holds `now`: tell the new times, re-arm the close
  closes_moved,  // the window moved away from `now`: tell the new times, close (4005)
  closes_over,   // `now` reached the window's end: close (4005)
  ends,          // the booking is cancelled, completed or a no-show: the meeting is over (4004)
};
// `known` is the window the room was opened with; `window` the booking's current one.
RoomReview review_room(const Interval& known, BookingStatus status, const Interval& window, Instant now);

// Staff may host a booking's room when they are its provider (their login is linked to
// the booking's provider) or a manager or owner of its business.
bool may_host(std::optional<Role> role_in_business, bool is_bookings_provider);

// Where a participant starts once connected: hosts are in at once; a guest is in when a
// host admitted them before or the service admits automatically; otherwise it waits.
LobbyState initial_lobby_state(RoomRole role, std::optional<LobbyState> decision, bool auto_admit);
// Whether joining in `role` passes through the lobby at all (what the join answer tells the
// client before it connects): a guest, unless the service admits automatically.
bool passes_lobby(RoomRole role, bool auto_admit);
// A room token's expiry (and so its relay credentials'): `lifetime` from now, never past the
// room's window (a meeting's credentials do not outlive its room).
Instant room_token_expiry(Instant now, Seconds lifetime, const Interval& window);

// Plain-text chat: 1..kMaxChatChars code points after trimming, no control characters
// except newline and tab. Returns the cleaned text or an error message.
inline constexpr std::size_t kMaxChatChars = 2000;
Result<std::string> clean_chat_text(std::string_view text);

}  // namespace visitd::core
