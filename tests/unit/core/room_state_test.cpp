// The room's membership rules, driven directly: no hub, no store, no clock.
#include <gtest/gtest.h>

#include "core/room_state.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;

class RoomStateTest : public ::testing::Test {
 protected:
  RoomMember host(std::uint64_t conn = 1) {
    return room_.arrive("host-1", "Dr Host", RoomRole::host, LobbyState::admitted, conn).value().member;
  }
  RoomMember guest(LobbyState start = LobbyState::waiting, std::uint64_t conn = 2) {
    return room_.arrive("guest-bk", "Sam", RoomRole::guest, start, conn).value().member;
  }
  RoomState room_;
};

TEST_F(RoomStateTest, OnlyHostsControlTheLobbyAndTheEnd) {
  const auto h = host();
  const auto g = guest(LobbyState::admitted);
  for (auto action : {RoomAction::admit, RoomAction::deny, RoomAction::remove, RoomAction::end}) {
    EXPECT_TRUE(RoomState::may(h, action).ok());
    EXPECT_EQ(RoomState::may(g, action).error().code, ErrorCode::forbidden);
  }
}

TEST_F(RoomStateTest, WaitingGuestMayNeitherChatNorSignal) {
  host();
  const auto g = guest();
  for (auto action : {RoomAction::chat, RoomAction::signal, RoomAction::media}) {
    const auto refusal = RoomState::may(g, action);
    ASSERT_FALSE(refusal.ok());
    EXPECT_EQ(refusal.error().type, "not-admitted");
  }
  ASSERT_TRUE(room_.admit("guest-bk").ok());
  EXPECT_TRUE(RoomState::may(*room_.find("guest-bk"), RoomAction::chat).ok());
}

TEST_F(RoomStateTest, AdmitAndDenyOnlyAWaitingOnlineGuest) {
  host();
  EXPECT_EQ(room_.check_admit("guest-bk").error().code, ErrorCode::not_found);
  EXPECT_EQ(room_.check_admit("host-1").error().code, ErrorCode::not_found);  // hosts are never in the lobby
  guest();
  EXPECT_TRUE(room_.check_deny("guest-bk").ok());
  auto denied = room_.deny("guest-bk");
  ASSERT_TRUE(denied.ok());
  EXPECT_EQ(denied->state, LobbyState::denied);
  EXPECT_EQ(room_.find("guest-bk"), nullptr);
  EXPECT_EQ(room_.admit("guest-bk").error().code, ErrorCode::not_found);
}

TEST_F(RoomStateTest, TheMeshTakesAtMostFour) {
  for (int i = 0; i < kMaxCallParticipants; ++i) {
    ASSERT_TRUE(room_.arrive("h" + std::to_string(i), "H", RoomRole::host, LobbyState::admitted, 10 + i).ok());
  }
  guest();
  EXPECT_EQ(room_.check_admit("guest-bk").error().type, "room-full");
  auto fifth = room_.arrive("h9", "H", RoomRole::host, LobbyState::admitted, 99);
  ASSERT_FALSE(fifth.ok());
  EXPECT_EQ(fifth.error().type, "room-full");
  // Someone already in the call coming back is not a fifth.
  EXPECT_TRUE(room_.arrive("h0", "H", RoomRole::host, LobbyState::admitted, 50).ok());
}

TEST_F(RoomStateTest, ADroppedMemberReconnectsInGraceOrLeavesAfterIt) {
  host();
  guest(LobbyState::admitted, 2);
  RoomMember m;
  EXPECT_EQ(room_.disconnect("guest-bk", 2, false, &m), Departure::reconnecting);
  EXPECT_FALSE(m.online);
  EXPECT_EQ(room_.check_signal("host-1", "guest-bk").error().code, ErrorCode::not_found);  // offline
  auto back = room_.arrive("guest-bk", "Sam", RoomRole::guest, LobbyState::admitted, 3);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->resumed);
  EXPECT_FALSE(back->replaced.has_value());                   // nobody online to replace
  EXPECT_FALSE(room_.grace_over("guest-bk", 2).has_value());  // the old grace is stale
  EXPECT_TRUE(room_.check_signal("host-1", "guest-bk").ok());
  EXPECT_EQ(room_.disconnect("guest-bk", 3, false, nullptr), Departure::reconnecting);
  EXPECT_TRUE(room_.grace_over("guest-bk", 3).has_value());
  EXPECT_EQ(room_.find("guest-bk"), nullptr);
}

TEST_F(RoomStateTest, CleanCloseAndWaitingGuestsLeaveAtOnce) {
  host();
  guest(LobbyState::waiting, 2);
  EXPECT_EQ(room_.disconnect("guest-bk", 2, false, nullptr), Departure::left);
  EXPECT_EQ(room_.disconnect("host-1", 1, true, nullptr), Departure::left);
  EXPECT_TRUE(room_.empty());
}

TEST_F(RoomStateTest, ASecondConnectionReplacesTheFirst) {
  host(1);
  auto again = room_.arrive("host-1", "Dr Host", RoomRole::host, LobbyState::admitted, 7);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->replaced, std::optional<std::uint64_t>(1));
  EXPECT_EQ(room_.current("host-1", 1), nullptr);
  EXPECT_EQ(room_.disconnect("host-1", 1, false, nullptr), Departure::ignored);
  EXPECT_NE(room_.current("host-1", 7), nullptr);
}

TEST_F(RoomStateTest, SignalingNeedsAnotherAdmittedOnlineMember) {
  host();
  guest();
  EXPECT_FALSE(room_.check_signal("host-1", "guest-bk").ok());  // waiting
  EXPECT_FALSE(room_.check_signal("host-1", "host-1").ok());    // oneself
  EXPECT_FALSE(room_.check_signal("host-1", "").ok());
  ASSERT_TRUE(room_.admit("guest-bk").ok());
  EXPECT_TRUE(room_.check_signal("host-1", "guest-bk").ok());
}

TEST_F(RoomStateTest, MediaFlagsSurviveAReconnect) {
  host();
  room_.set_media("host-1", false, std::nullopt);
  room_.disconnect("host-1", 1, false, nullptr);
  auto back = room_.arrive("host-1", "Dr Host", RoomRole::host, LobbyState::admitted, 4);
  EXPECT_FALSE(back->member.audio);
  EXPECT_TRUE(back->member.video);
}

TEST_F(RoomStateTest, AMemberMirroredFromAnotherInstanceCountsForSignalingAndTheMesh) {
  host();
  RoomMember remote{"guest-bk", "Sam", RoomRole::guest, LobbyState::admitted, true, 77, true, false};
  room_.mirror(remote);
  EXPECT_TRUE(room_.check_signal("host-1", "guest-bk").ok());
  EXPECT_EQ(room_.admitted_count(), 2);
  // The same participant connecting here takes over the mirrored member (a resume).
  auto here = room_.arrive("guest-bk", "Sam", RoomRole::guest, LobbyState::admitted, 5);
  ASSERT_TRUE(here.ok());
  EXPECT_TRUE(here->resumed);
  EXPECT_EQ(here->replaced, std::optional<std::uint64_t>(77));
  EXPECT_FALSE(here->member.video);  // its media flags came along
}

TEST_F(RoomStateTest, AForgottenMemberIsGoneForSignalingAndReturnedOnce) {
  host();
  guest(LobbyState::admitted);
  auto gone = room_.forget("guest-bk");
  ASSERT_TRUE(gone.has_value());
  EXPECT_EQ(gone->id, "guest-bk");
  EXPECT_FALSE(room_.check_signal("host-1", "guest-bk").ok());
  EXPECT_FALSE(room_.forget("guest-bk").has_value());
  EXPECT_EQ(room_.members().size(), 1u);
}

TEST(RoomReview, TheRoomFollowsItsBookingsWindow) {
  const Interval window{at("2026-12-20T09:45:00Z"), at("2026-12-20T10:35:00Z")};
  const Interval later{at("2026-12-20T11:45:00Z"), at("2026-12-20T12:35:00Z")};
  const Interval longer{at("2026-12-20T09:45:00Z"), at("2026-12-20T10:50:00Z")};
  const auto during = at("2026-12-20T10:10:00Z");
  EXPECT_EQ(review_room(window, BookingStatus::confirmed, window, during), RoomReview::stays);
  EXPECT_EQ(review_room(window, BookingStatus::confirmed, window, window.end), RoomReview::closes_over);
  EXPECT_EQ(review_room(window, BookingStatus::confirmed, later, during), RoomReview::closes_moved);
  EXPECT_EQ(review_room(window, BookingStatus::confirmed, longer, during), RoomReview::moved);
  EXPECT_EQ(review_room(window, BookingStatus::cancelled, window, during), RoomReview::ends);
  EXPECT_EQ(review_room(window, BookingStatus::completed, window, during), RoomReview::ends);
  EXPECT_EQ(review_room(window, BookingStatus::no_show, longer, during), RoomReview::ends);
}

}  // namespace
}  // namespace visitd::core
