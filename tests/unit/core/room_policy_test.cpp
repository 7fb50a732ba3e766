#include <gtest/gtest.h>

#include "core/room_policy.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;

Booking booking_at(std::string_view start) {
  Booking b;
  b.id = "bk1";
  b.time = {at(start), at(start) + Minutes{30}};
  b.block = b.time;
  return b;
}

RoomFacts open_room() {
  RoomFacts f;
  f.window = {at("2026-06-10T09:45:00Z"), at("2026-06-10T11:00:00Z")};
  return f;
}

TEST(RoomPolicy, WindowOpensBeforeStartAndClosesAfterEndByServiceSettings) {
  Service s;
  s.room_open_before_minutes = 15;
  s.room_close_after_minutes = 30;
  auto w = room_window(booking_at("2026-06-10T10:00:00Z"), s);
  EXPECT_EQ(w.begin, at("2026-06-10T09:45:00Z"));
  EXPECT_EQ(w.end, at("2026-06-10T11:00:00Z"));
}

TEST(RoomPolicy, WindowMovesWithTheBooking) {
  Service s;
  auto moved = booking_at("2026-06-11T14:00:00Z");
  EXPECT_EQ(room_window(moved, s).begin, at("2026-06-11T13:45:00Z"));
}

TEST(RoomPolicy, JoiningInsideTheWindowIsAllowed) {
  EXPECT_FALSE(check_join(open_room(), at("2026-06-10T09:45:00Z")).has_value());
  EXPECT_FALSE(check_join(open_room(), at("2026-06-10T10:59:59Z")).has_value());
}

TEST(RoomPolicy, BeforeTheWindowIsTooEarlyAndAtItsEndTooLate) {
  EXPECT_EQ(check_join(open_room(), at("2026-06-10T09:44:59Z")), JoinRefusal::too_early);
  EXPECT_EQ(check_join(open_room(), at("2026-06-10T11:00:00Z")), JoinRefusal::too_late);
}

TEST(RoomPolicy, EndedRoomSaysEndedEvenInsideTheWindow) {
  auto f = open_room();
  f.ended = true;
  EXPECT_EQ(check_join(f, at("2026-06-10T10:00:00Z")), JoinRefusal::ended);
}

TEST(RoomPolicy, CancelledBookingClosesItsRoom) {
  auto f = open_room();
  f.booking_status = BookingStatus::cancelled;
  EXPECT_EQ(check_join(f, at("2026-06-10T10:00:00Z")), JoinRefusal::ended);
  EXPECT_EQ(check_join(f, at("2026-06-10T08:00:00Z")), JoinRefusal::ended);
}

TEST(RoomPolicy, DeniedOrRemovedParticipantIsDeniedBeforeWindowChecks) {
  for (auto d : {LobbyState::denied, LobbyState::removed}) {
    auto f = open_room();
    f.decision = d;
    EXPECT_EQ(check_join(f, at("2026-06-10T08:00:00Z")), JoinRefusal::denied);
  }
  auto f = open_room();
  f.decision = LobbyState::admitted;
  EXPECT_FALSE(check_join(f, at("2026-06-10T10:00:00Z")).has_value());
}

TEST(RoomPolicy, ProviderOfTheBookingOrManagerMayHost) {
  EXPECT_TRUE(may_host(Role::provider, true));
  EXPECT_FALSE(may_host(Role::provider, false));
  EXPECT_TRUE(may_host(Role::manager, false));
  EXPECT_TRUE(may_host(Role::owner, false));
  EXPECT_FALSE(may_host(std::nullopt, true));
}

TEST(RoomPolicy, GuestWaitsUnlessAdmittedBeforeOrAutoAdmit) {
  EXPECT_EQ(initial_lobby_state(RoomRole::guest, std::nullopt, false), LobbyState::waiting);
  EXPECT_EQ(initial_lobby_state(RoomRole::guest, std::nullopt, true), LobbyState::admitted);
  EXPECT_EQ(initial_lobby_state(RoomRole::guest, LobbyState::admitted, false), LobbyState::admitted);
  EXPECT_EQ(initial_lobby_state(RoomRole::host, std::nullopt, false), LobbyState::admitted);
}

TEST(RoomPolicy, ChatTextIsTrimmedAndKeepsNewlinesAndUnicode) {
  auto t = clean_chat_text("  hello\n<b>world</b> \xC3\xA9\xF0\x9F\x98\x80  ");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "hello\n<b>world</b> \xC3\xA9\xF0\x9F\x98\x80");
}

TEST(RoomPolicy, ChatTextRefusesEmptyControlAndOversize) {
  EXPECT_FALSE(clean_chat_text("   ").ok());
  EXPECT_FALSE(clean_chat_text(std::string("a\x01") + "b").ok());
  EXPECT_TRUE(clean_chat_text(std::string(kMaxChatChars, 'x')).ok());
  EXPECT_FALSE(clean_chat_text(std::string(kMaxChatChars + 1, 'x')).ok());
  // Counted in characters, not bytes: 2000 two-byte characters fit.
  std::string wide;
  for (std::size_t i = 0; i < kMaxChatChars; ++i) wide += "\xC3\xA9";
  EXPECT_TRUE(clean_chat_text(wide).ok());
}

TEST(RoomPolicy, OnlyAGuestOfALobbiedServicePassesTheLobby) {
  EXPECT_TRUE(passes_lobby(RoomRole::guest, false));
  EXPECT_FALSE(passes_lobby(RoomRole::guest, true));
  EXPECT_FALSE(passes_lobby(RoomRole::host, false));
}

TEST(RoomPolicy, RelayCredentialsGoToHostsAndAdmittedGuestsOnly) {
  RoomFacts facts;
  EXPECT_TRUE(may_use_relay(RoomRole::host, facts, false));
  EXPECT_FALSE(may_use_relay(RoomRole::guest, facts, false));  // in the lobby
  EXPECT_TRUE(may_use_relay(RoomRole::guest, facts, true));    // no lobby for this service
  facts.decision = LobbyState::admitted;
  EXPECT_TRUE(may_use_relay(RoomRole::guest, facts, false));
  for (auto refused : {LobbyState::denied, LobbyState::removed, LobbyState::waiting}) {
    facts.decision = refused;
    EXPECT_FALSE(may_use_relay(RoomRole::guest, facts, true));
  }
}

TEST(RoomPolicy, CredentialsEndWithTheTokenOrTheWindowWhicheverComesFirst) {
  const Instant now{std::chrono::seconds{10'000}};
  const Interval window{Instant{std::chrono::seconds{0}}, Instant{std::chrono::seconds{10'300}}};
  EXPECT_EQ(room_token_expiry(now, Seconds{900}, window), window.end);  // 5 minutes left
  const Interval later{window.begin, Instant{std::chrono::seconds{20'000}}};
  EXPECT_EQ(room_token_expiry(now, Seconds{900}, later), now + Seconds{900});
}

TEST(RoomPolicy, ARoomTokenNeverOutlivesTheWindow) {
  const Interval window{at("2026-06-10T09:45:00Z"), at("2026-06-10T11:00:00Z")};
  EXPECT_EQ(room_token_expiry(at("2026-06-10T10:00:00Z"), Seconds{900}, window), at("2026-06-10T10:15:00Z"));
  EXPECT_EQ(room_token_expiry(at("2026-06-10T10:55:00Z"), Seconds{900}, window), window.end);
}

TEST(RoomPolicy, JoinRefusalsAreProblemTypes) { EXPECT_STREQ(to_string(JoinRefusal::too_early), "room-too-early"); }

}  // namespace
}  // namespace visitd::core
