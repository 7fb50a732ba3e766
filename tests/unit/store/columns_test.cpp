// Column spellings both backends share (store/columns): a notification policy's routes are
// one text column; a corrupt one is refused rather than read as something else.
#include "store/columns.hpp"

#include <gtest/gtest.h>

namespace visitd::store {
namespace {

using core::Channel;
using core::Recipient;
using core::Route;

TEST(Columns, RoutesRoundTripAndRejectUnknownWords) {
  std::vector<Route> r = {{Recipient::consumer, Channel::sms}, {Recipient::provider, Channel::email}};
  EXPECT_EQ(routes_to_column(r), "consumer:sms,provider:email");
  EXPECT_EQ(routes_from_column("consumer:sms,provider:email"), r);
  EXPECT_EQ(routes_from_column(""), std::vector<Route>{});
  EXPECT_FALSE(routes_from_column("consumer:fax"));
  EXPECT_FALSE(routes_from_column("consumer:sms,consumer:sms"));
}

TEST(Columns, LobbyDecisionsRoundTrip) {
  for (auto s : {core::LobbyState::admitted, core::LobbyState::denied, core::LobbyState::removed})
    EXPECT_EQ(lobby_from_column(lobby_column(s)), s);
  EXPECT_FALSE(lobby_from_column("Admitted"));
}

}  // namespace
}  // namespace visitd::store
