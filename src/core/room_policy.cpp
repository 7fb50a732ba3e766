#include "core/room_policy.hpp"

#include <algorithm>

namespace visitd::core {

const char* to_string(JoinRefusal r) {
  switch (r) {
    case JoinRefusal::too_early:
      return "room-too-early";
    case JoinRefusal::too_late:
      return "room-too-late";
    case JoinRefusal::not_invited:
      return "room-not-invited";
    case JoinRefusal::denied:
      return "room-denied";
    case JoinRefusal::ended:
      return "room-ended";
  }
  return "room-not-invited";
}

Interval room_window(const Booking& b, const Service& s) {
  return {b.time.begin - Minutes{s.room_open_before_minutes}, b.time.end + Minutes{s.room_close_after_minutes}};
}

std::optional<JoinRefusal> check_join(const RoomFacts& facts, Instant now) {
  if (facts.ended || facts.booking_status == BookingStatus::cancelled) return JoinRefusal::ended;
  if (facts.decision == LobbyState::denied || facts.decision == LobbyState::removed) return JoinRefusal::denied;
  if (now < facts.window.begin) return JoinRefusal::too_early;
  if (now >= facts.window.end) return JoinRefusal::too_late;
  // A booking marked completed or no-show inside its window: the meeting is over.
  if (facts.booking_status != BookingStatus::confirmed) return JoinRefusal::ended;
  return std::nullopt;
}

RoomReview review_room(const Interval& known, BookingStatus status, const Interval& window, Instant now) {
  if (status != BookingStatus::confirmed) return RoomReview::ends;
  const bool moved = known.begin != window.begin || known.end != window.end;
  const bool open = window.begin <= now && now < window.end;
  if (!open) return moved ? RoomReview::closes_moved : RoomReview::closes_over;
  return moved ? RoomReview::moved : RoomReview::stays;
}

bool may_host(std::optional<Role> role_in_business, bool is_bookings_provider) {
  if (!role_in_business) return false;
  return is_bookings_provider || role_at_least(*role_in_business, Role::manager);
}

bool passes_lobby(RoomRole role, bool auto_admit) { return role == RoomRole::guest && !auto_admit; }

Instant room_token_expiry(Instant now, Seconds lifetime, const Interval& window) {
  return std::min(now + lifetime, window.end);
}

LobbyState initial_lobby_state(RoomRole role, std::optional<LobbyState> decision, bool auto_admit) {
  if (role == RoomRole::host) return LobbyState::admitted;
  if (decision) return *decision;
  return auto_admit ? LobbyState::admitted : LobbyState::waiting;
}

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length and sets cp. Input is already
// valid UTF-8 (the JSON parser refuses anything else), so this only classifies.
std::size_t utf8_next(std::string_view s, std::size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;
  cp = len == 1 ? c : c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Result<std::string> clean_chat_text(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return Error::invalid("text", "must not be empty");
  std::string out;
  out.reserve(text.size());
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = utf8_next(text, i, cp);
    const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
    if (control && cp != '\n' && cp != '\t') {
      if (cp != '\r') return Error::invalid("text", "must not contain control characters");
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
    if (++chars > kMaxChatChars) {
      return Error::invalid("text", "must be at most " + std::to_string(kMaxChatChars) + " characters");
    }
  }
  return out;
}

bool may_use_relay(RoomRole role, const RoomFacts& facts, bool auto_admit) {
  if (role == RoomRole::host) return true;
  if (facts.decision) return *facts.decision == LobbyState::admitted;
  return auto_admit;
}

}  // namespace visitd::core
