// The room decision (window, end, decisions) and the staff rules, through the use cases; and
// the WebSocket refusal table every room error goes through.
#include <gtest/gtest.h>

#include "service/rooms.hpp"
#include "service/staff.hpp"
#include "service_fixture.hpp"

namespace visitd::service {
namespace {

using namespace std::chrono_literals;
using testing::at;

class RoomsTest : public testing::ServiceTest {};

TEST_F(RoomsTest, TooEarlyCarriesOpensAtAndTheWindowFollowsAReschedule) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  const std::string guest = "guest:" + b->id;
  clock_.set(at("2026-03-03T09:00:00Z"));
  auto early = use_->rooms.admit(*b, guest);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, core::ErrorCode::forbidden);
  EXPECT_EQ(early.error().type, "room-too-early");
  ASSERT_EQ(early.error().extensions.size(), 1u);
  EXPECT_EQ(early.error().extensions[0].first, "opensAt");
  const auto opens = std::get<core::ExtensionInstant>(early.error().extensions[0].second.v);
  EXPECT_LT(opens, at("2026-03-03T10:00:00Z"));

  clock_.set(opens);
  EXPECT_TRUE(use_->rooms.admit(*b, guest).ok());

  // Moved an hour later: the same instant is too early again.
  clock_.set(at("2026-03-02T08:00:00Z"));
  auto moved = reschedule(*b, at("2026-03-03T11:00:00Z"), core::Actor::staff);
  ASSERT_TRUE(moved.ok());
  clock_.set(opens);
  EXPECT_EQ(use_->rooms.admit(*moved, guest).error().type, "room-too-early");
}

TEST_F(RoomsTest, CancelledBookingsRoomHasEnded) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  auto c = use_->bookings.cancel(*b, "", core::Actor::staff, store::Actor{"user:x"});
  ASSERT_TRUE(c.ok());
  clock_.set(at("2026-03-03T10:00:00Z"));
  EXPECT_EQ(use_->rooms.admit(*c, "guest:" + b->id).error().type, "room-ended");
}

TEST_F(RoomsTest, OnlyTheProviderOrAManagerMayHost) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  auto user = store_->create_user(core::User{"", "eve@example.test", "Eve"}, "");
  ASSERT_TRUE(user.ok());
  // Not a member of the business: its room answers like an unknown one (issue H).
  auto stranger = use_->rooms.hosted_booking(b->id, StaffCaller{user->id, std::nullopt, std::nullopt});
  EXPECT_EQ(stranger.error().code, core::ErrorCode::not_found);
  EXPECT_EQ(stranger.error().detail,
            use_->rooms.hosted_booking("bk_none", StaffCaller{user->id, std::nullopt, std::nullopt}).error().detail);
  ASSERT_TRUE(store_->set_membership(core::Membership{business_.id, user->id, core::Role::manager}, by_).ok());
  EXPECT_TRUE(use_->rooms.hosted_booking(b->id, StaffCaller{user->id, std::nullopt, std::nullopt}).ok());
  EXPECT_EQ(use_->rooms.hosted_booking("bk_none", StaffCaller{user->id, std::nullopt, std::nullopt}).error().code,
            core::ErrorCode::not_found);
}

class StaffTest : public testing::ServiceTest {};

TEST_F(StaffTest, OnlyAnOwnerGrantsOwnershipAndANewUserNeedsNameAndPassword) {
  NewMember m{"new@example.test", std::nullopt, core::Role::owner, std::nullopt};
  EXPECT_EQ(use_->staff.add_member(business_.id, core::Role::manager, m, by_).error().code, core::ErrorCode::forbidden);
  auto missing = use_->staff.add_member(business_.id, core::Role::owner, m, by_);
  ASSERT_FALSE(missing.ok());
  ASSERT_EQ(missing.error().fields.size(), 2u);
  EXPECT_EQ(missing.error().fields[0].field, "name");
  EXPECT_EQ(missing.error().fields[1].field, "password");
  m.name = "New";
  m.password = "long enough secret";
  auto added = use_->staff.add_member(business_.id, core::Role::owner, m, by_);
  ASSERT_TRUE(added.ok()) << added.error().detail;
  auto twice = use_->staff.add_member(business_.id, core::Role::owner, m, by_);
  EXPECT_EQ(twice.error().code, core::ErrorCode::conflict);
  EXPECT_EQ(twice.error().fields.at(0).field, "email");
  // The only owner cannot step down (the store re-checks inside its transaction).
  EXPECT_EQ(
      use_->staff.change_role(business_.id, core::Role::owner, added->user.id, core::Role::manager, by_).error().code,
      core::ErrorCode::policy);
}

TEST_F(StaffTest, ALoginLinksToOneProviderOnly) {
  auto user = store_->create_user(core::User{"", "ada@example.test", "Ada"}, "");
  ASSERT_TRUE(user.ok());
  auto p = *store_->provider(business_.id, provider_ids_[0]);
  auto q = *store_->provider(business_.id, provider_ids_[1]);
  core::Provider linked = p;
  linked.user_id = user->id;
  EXPECT_EQ(use_->staff.update_provider(p, linked, by_).error().fields.at(0).field, "userId");  // not staff
  ASSERT_TRUE(store_->set_membership(core::Membership{business_.id, user->id, core::Role::provider}, by_).ok());
  ASSERT_TRUE(use_->staff.update_provider(p, linked, by_).ok());
  core::Provider other = q;
  other.user_id = user->id;
  EXPECT_EQ(use_->staff.update_provider(q, other, by_).error().code, core::ErrorCode::conflict);
}

}  // namespace
}  // namespace visitd::service
