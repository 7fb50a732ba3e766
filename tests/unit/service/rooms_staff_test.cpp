// The room decision (window, end, decisions) and the staff rules, through the use cases; and
// the WebSocket refusal table every room error goes through.
#include <gtest/gtest.h>

#include "service/calendars.hpp"
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

TEST_F(RoomsTest, PreviewSaysWhereAMovedAppointmentWasAndWhetherItIsOpen) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  const std::string guest = "guest:" + b->id;
  auto fresh = use_->rooms.preview(*b, guest);
  EXPECT_FALSE(fresh.moved_from.has_value());
  EXPECT_EQ(fresh.refusal, core::JoinRefusal::too_early);
  EXPECT_EQ(fresh.provider_name, store_->provider(business_.id, provider_ids_[0])->name);
  EXPECT_EQ(fresh.business_name, "Flow");
  EXPECT_EQ(fresh.business_slug, "flow");

  auto once = reschedule(*b, at("2026-03-03T11:00:00Z"), core::Actor::staff);
  ASSERT_TRUE(once.ok());
  auto twice = reschedule(*once, at("2026-03-03T12:00:00Z"), core::Actor::staff);
  ASSERT_TRUE(twice.ok());
  auto moved = use_->rooms.preview(*store_->booking(b->id), guest);
  // The latest move is what a reminder in hand may still show.
  ASSERT_TRUE(moved.moved_from.has_value());
  EXPECT_EQ(*moved.moved_from, at("2026-03-03T11:00:00Z"));
  clock_.set(at("2026-03-03T12:00:00Z"));
  EXPECT_FALSE(use_->rooms.preview(*twice, guest).refusal.has_value());
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

// ---- calendars: a provider reaches only their own, whichever entry point asks ----

class CalendarScopeTest : public testing::ServiceTest {};

TEST_F(CalendarScopeTest, AProviderReachesOnlyTheirOwnFeedAndCalendars) {
  const core::StaffScope ada{core::Role::provider, provider_ids_[0]};
  const core::StaffScope manager{core::Role::manager, std::nullopt};
  const store::Actor by{"user:ada"};
  const FeedScope colleague{business_.id, provider_ids_[1]};
  EXPECT_EQ(use_->feeds.feed(ada, colleague).error().code, core::ErrorCode::forbidden);
  EXPECT_EQ(use_->feeds.issue(ada, colleague, by).error().code, core::ErrorCode::forbidden);
  EXPECT_EQ(use_->feeds.revoke(ada, colleague, by).error().code, core::ErrorCode::forbidden);
  EXPECT_FALSE(use_->feeds.feed(manager, colleague)->has_value());  // nothing was issued
  ASSERT_TRUE(use_->feeds.issue(ada, FeedScope{business_.id, provider_ids_[0]}, by).ok());

  const NewExternalCalendar cal{"Home", "https://calendar.example.test/secret.ics", std::nullopt};
  EXPECT_EQ(use_->external_calendars.add(ada, business_.id, provider_ids_[1], cal, by).error().code,
            core::ErrorCode::forbidden);
  EXPECT_EQ(use_->external_calendars.list(ada, business_.id, provider_ids_[1]).error().code,
            core::ErrorCode::forbidden);
  // The scope is decided before whether the provider exists: a provider learns nothing.
  EXPECT_EQ(use_->external_calendars.list(ada, business_.id, "prv_nobody").error().code, core::ErrorCode::forbidden);
  EXPECT_EQ(use_->external_calendars.list(manager, business_.id, "prv_nobody").error().code,
            core::ErrorCode::not_found);
  auto added = use_->external_calendars.add(manager, business_.id, provider_ids_[1], cal, by);
  ASSERT_TRUE(added.ok()) << added.error().detail;
  EXPECT_EQ(use_->external_calendars.fetch_now(ada, business_.id, provider_ids_[1], added->id).error().code,
            core::ErrorCode::forbidden);
  EXPECT_EQ(use_->external_calendars.remove(ada, business_.id, provider_ids_[1], added->id, by).error().code,
            core::ErrorCode::forbidden);
  EXPECT_EQ(use_->external_calendars.list(manager, business_.id, provider_ids_[1])->size(), 1u);
}

}  // namespace
}  // namespace visitd::service
