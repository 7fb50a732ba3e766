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

}  // namespace
}  // namespace visitd::core
