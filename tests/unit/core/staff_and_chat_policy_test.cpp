// The owner rule (core/staff_policy) and chat authorship (core/chat_policy): decisions the
// store asks for inside its transactions.
#include <gtest/gtest.h>

#include "core/chat_policy.hpp"
#include "core/staff_policy.hpp"

namespace visitd::core {
namespace {

TEST(OwnerRule, TheLastOwnerCannotStepDownOrLeave) {
  for (std::optional<Role> next :
       {std::optional<Role>(Role::manager), std::optional<Role>(Role::provider), std::optional<Role>()}) {
    auto s = check_owner_kept(Role::owner, next, 1);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::policy);
    EXPECT_EQ(s.error().detail, "a business must keep at least one owner");
  }
}

TEST(OwnerRule, WithAnotherOwnerAnOwnerMayStepDownOrLeave) {
  EXPECT_TRUE(check_owner_kept(Role::owner, Role::manager, 2).ok());
  EXPECT_TRUE(check_owner_kept(Role::owner, std::nullopt, 2).ok());
}

TEST(OwnerRule, ChangesThatKeepOrAddOwnersAreFine) {
  EXPECT_TRUE(check_owner_kept(Role::owner, Role::owner, 1).ok());
  EXPECT_TRUE(check_owner_kept(Role::manager, std::nullopt, 1).ok());
  EXPECT_TRUE(check_owner_kept(std::nullopt, Role::owner, 0).ok());
  EXPECT_TRUE(check_owner_kept(Role::provider, Role::manager, 0).ok());
}

TEST(ChatAuthorship, AuthorsEditAndDeleteTheirOwn) {
  ChatMessageFacts m{"p_guest", false};
  EXPECT_TRUE(check_chat_change(m, "p_guest", false, ChatChange::edit).ok());
  EXPECT_TRUE(check_chat_change(m, "p_guest", false, ChatChange::remove).ok());
}

TEST(ChatAuthorship, OthersMayNotEditEvenAsModerator) {
  ChatMessageFacts m{"p_guest", false};
  for (bool moderator : {false, true}) {
    auto s = check_chat_change(m, "p_host", moderator, ChatChange::edit);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::forbidden);
  }
}

TEST(ChatAuthorship, OnlyAModeratorDeletesSomeoneElsesMessage) {
  ChatMessageFacts m{"p_guest", false};
  EXPECT_TRUE(check_chat_change(m, "p_host", true, ChatChange::remove).ok());
  auto s = check_chat_change(m, "p_other_guest", false, ChatChange::remove);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::forbidden);
}

TEST(ChatAuthorship, ADeletedMessageIsGoneForEveryone) {
  ChatMessageFacts m{"p_guest", true};
  EXPECT_EQ(check_chat_change(m, "p_guest", false, ChatChange::edit).error().code, ErrorCode::gone);
  EXPECT_EQ(check_chat_change(m, "p_host", true, ChatChange::remove).error().code, ErrorCode::gone);
}

// ---- a staff caller's scope (moved out of the HTTP handlers) ----

Booking booking_of(const Id& provider_id) {
  Booking b;
  b.provider_id = provider_id;
  return b;
}

TEST(StaffScope, TokenRoleCapsTheMembershipNeverRaisesIt) {
  EXPECT_EQ(effective_role(Role::owner, std::nullopt), Role::owner);
  EXPECT_EQ(effective_role(Role::owner, Role::provider), Role::provider);
  EXPECT_EQ(effective_role(Role::provider, Role::owner), Role::provider);
}

TEST(StaffScope, AProviderSeesOnlyTheirOwnBookings) {
  const StaffScope alice{Role::provider, Id{"pr_alice"}};
  EXPECT_TRUE(check_booking_scope(alice, booking_of("pr_alice")).ok());
  auto other = check_booking_scope(alice, booking_of("pr_bob"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::forbidden);
  // Without a provider record a provider owns no booking.
  EXPECT_FALSE(check_booking_scope(StaffScope{Role::provider, std::nullopt}, booking_of("pr_alice")).ok());
  EXPECT_TRUE(check_booking_scope(StaffScope{Role::manager, std::nullopt}, booking_of("pr_bob")).ok());
}

TEST(StaffScope, AProviderManagesOnlyTheirOwnRecord) {
  const StaffScope alice{Role::provider, Id{"pr_alice"}};
  EXPECT_TRUE(check_provider_scope(alice, "pr_alice").ok());
  EXPECT_EQ(check_provider_scope(alice, "pr_bob").error().code, ErrorCode::forbidden);
  EXPECT_TRUE(check_provider_scope(StaffScope{Role::owner, std::nullopt}, "pr_bob").ok());
}

TEST(StaffScope, AProviderMayNotHandABookingToAColleague) {
  const StaffScope alice{Role::provider, Id{"pr_alice"}};
  EXPECT_TRUE(check_move_scope(alice, std::nullopt).ok());
  EXPECT_TRUE(check_move_scope(alice, Id{"pr_alice"}).ok());
  EXPECT_EQ(check_move_scope(alice, Id{"pr_bob"}).error().code, ErrorCode::forbidden);
  EXPECT_TRUE(check_move_scope(StaffScope{Role::manager, std::nullopt}, Id{"pr_bob"}).ok());
}

TEST(StaffScope, AProvidersListingIsTheirOwn) {
  const StaffScope alice{Role::provider, Id{"pr_alice"}};
  EXPECT_EQ(listing_provider(alice, std::nullopt).value(), Id{"pr_alice"});
  EXPECT_EQ(listing_provider(alice, Id{"pr_alice"}).value(), Id{"pr_alice"});
  EXPECT_EQ(listing_provider(alice, Id{"pr_bob"}).error().code, ErrorCode::forbidden);
  // No record: an id that matches no booking, never everyone's.
  EXPECT_EQ(listing_provider(StaffScope{Role::provider, std::nullopt}, std::nullopt).value(), Id{});
  const StaffScope manager{Role::manager, std::nullopt};
  EXPECT_EQ(listing_provider(manager, std::nullopt).value(), std::nullopt);
  EXPECT_EQ(listing_provider(manager, Id{"pr_bob"}).value(), Id{"pr_bob"});
}

}  // namespace
}  // namespace visitd::core
