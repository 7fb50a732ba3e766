// The wire spellings of the domain's enumerations (wire/names): each round-trips, and the
// words the contract fixes are exactly these (docs/openapi.yaml, docs/live-protocol.md).
#include "wire/names.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace visitd::wire {
namespace {

using core::BookingStatus;
using core::QuestionKind;
using core::Role;

template <class E>
void expect_round_trip(std::initializer_list<E> all) {
  std::set<std::string> seen;
  for (E e : all) {
    EXPECT_EQ(parse<E>(name(e)), e) << name(e);
    EXPECT_TRUE(seen.insert(name(e)).second) << "spelled twice: " << name(e);
  }
}

TEST(WireNames, EveryEnumerationRoundTrips) {
  expect_round_trip({Role::owner, Role::manager, Role::provider});
  expect_round_trip({QuestionKind::short_text, QuestionKind::long_text, QuestionKind::single_choice});
  expect_round_trip(
      {BookingStatus::confirmed, BookingStatus::cancelled, BookingStatus::completed, BookingStatus::no_show});
  expect_round_trip({core::MessageKind::confirmation, core::MessageKind::reschedule, core::MessageKind::cancellation,
                     core::MessageKind::reminder});
  expect_round_trip({core::Channel::email, core::Channel::sms});
  expect_round_trip({core::Recipient::consumer, core::Recipient::provider});
  expect_round_trip({core::RoomRole::host, core::RoomRole::guest});
  expect_round_trip(
      {core::LobbyState::waiting, core::LobbyState::admitted, core::LobbyState::denied, core::LobbyState::removed});
  expect_round_trip({store::MessageStatus::planned, store::MessageStatus::sending, store::MessageStatus::sent,
                     store::MessageStatus::delivered, store::MessageStatus::failed, store::MessageStatus::withdrawn,
                     store::MessageStatus::suppressed_opt_out, store::MessageStatus::no_address});
}

TEST(WireNames, TheContractsWords) {
  EXPECT_STREQ(name(BookingStatus::no_show), "noShow");
  EXPECT_STREQ(name(QuestionKind::single_choice), "singleChoice");
  EXPECT_STREQ(name(store::MessageStatus::suppressed_opt_out), "suppressed-opt-out");
  EXPECT_STREQ(name(store::MessageStatus::no_address), "no-address");
  EXPECT_STREQ(name(core::RoomRole::host), "host");
}

TEST(WireNames, AnythingElseIsRefused) {
  EXPECT_FALSE(parse<Role>("admin"));
  EXPECT_FALSE(parse<BookingStatus>("no_show"));  // the column's word, not the wire's
  EXPECT_FALSE(parse<QuestionKind>("Shorttext"));
  EXPECT_FALSE(parse<core::RoomRole>("admin"));
  EXPECT_FALSE(parse<core::Channel>(""));
  EXPECT_FALSE(parse<store::MessageStatus>("suppressed_opt_out"));
}

}  // namespace
}  // namespace visitd::wire
