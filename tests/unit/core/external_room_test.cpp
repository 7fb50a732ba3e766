#include <gtest/gtest.h>

#include "core/external_room.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;

ExternalRoomSpec spec() {
  ExternalRoomSpec s;
  s.window = {at("2026-03-09T14:00:00Z"), at("2026-03-09T15:00:00Z")};
  s.title = "Follow-up";
  s.participants = {{"Grace", RoomRole::guest, "grace@example.test", {}, "crm-1"}};
  return s;
}

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(ExternalRoom, AValidRoomHasNoErrors) { EXPECT_TRUE(validate_external_room(spec()).empty()); }

TEST(ExternalRoom, WindowMustRunForwardAndAtMostAWeek) {
  auto s = spec();
  s.window.end = s.window.begin;
  EXPECT_EQ(fields(validate_external_room(s)), std::vector<std::string>{"end"});
  s.window.end = s.window.begin + kMaxRoomWindow;
  EXPECT_TRUE(validate_external_room(s).empty());
  s.window.end += Seconds{1};
  EXPECT_EQ(fields(validate_external_room(s)), std::vector<std::string>{"end"});
}

TEST(ExternalRoom, ParticipantsAreNamedByTheirIndex) {
  auto s = spec();
  s.title = "";
  s.participants.push_back({"", RoomRole::guest, "not-an-address", {}, std::string(kMaxExternalIdLength + 1, 'x')});
  EXPECT_EQ(fields(validate_external_room(s)),
            (std::vector<std::string>{"title", "participants[1].displayName", "participants[1].email",
                                      "participants[1].externalId"}));
}

TEST(ExternalRoom, AtMostTwentyParticipants) {
  auto s = spec();
  s.participants.assign(kMaxRoomParticipants, {"P", RoomRole::guest, {}, {}, {}});
  EXPECT_TRUE(validate_external_room(s).empty());
  s.participants.push_back({"P", RoomRole::guest, {}, {}, {}});
  EXPECT_EQ(fields(validate_external_room(s)), std::vector<std::string>{"participants"});
  EXPECT_EQ(check_add_participant(kMaxRoomParticipants, false).error().type, "room-full");
  EXPECT_TRUE(check_add_participant(kMaxRoomParticipants - 1, false).ok());
  EXPECT_EQ(check_add_participant(0, true).error().type, "room-ended");
}

TEST(ExternalRoom, OnlyManagersAndOwnersManageRooms) {
  EXPECT_TRUE(may_manage_rooms(Role::owner));
  EXPECT_TRUE(may_manage_rooms(Role::manager));
  EXPECT_FALSE(may_manage_rooms(Role::provider));
}

TEST(ExternalRoom, ParticipantLinkRefusalsInOrder) {
  const Instant end = at("2026-03-09T15:00:00Z");
  const Minutes grace{30};
  EXPECT_TRUE(check_participant_link(1, 1, false, false, end, grace, end + Minutes{29}).ok());
  EXPECT_EQ(check_participant_link(2, 1, false, false, end, grace, end).error().code, ErrorCode::not_found);
  EXPECT_EQ(check_participant_link(1, 1, true, true, end, grace, end).error().type, "participant-removed");
  EXPECT_EQ(check_participant_link(1, 1, false, true, end, grace, end).error().type, "room-ended");
  EXPECT_EQ(check_participant_link(1, 1, false, false, end, grace, end + grace).error().type, "link-expired");
}

TEST(ExternalRoom, StandInsGiveTheWindowWithoutMarginsAndTheLobbySetting) {
  const Interval w{at("2026-03-09T14:00:00Z"), at("2026-03-09T15:00:00Z")};
  const Booking b = external_room_booking("room_1", "biz_1", w, std::nullopt);
  const Service with_lobby = external_room_service("Follow-up", true);
  EXPECT_EQ(room_window(b, with_lobby), w);
  EXPECT_FALSE(with_lobby.room_auto_admit);
  EXPECT_TRUE(external_room_service("Follow-up", false).room_auto_admit);
  EXPECT_EQ(b.status, BookingStatus::confirmed);
}

}  // namespace
}  // namespace visitd::core
