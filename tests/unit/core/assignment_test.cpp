// Candidate choice and round-robin fairness (core/assignment): the rules the store asks
// for inside its booking transaction. Issue J fault 4's examples are replayed here on an
// in-memory ledger of assignments.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/assignment.hpp"
#include "core_test_support.hpp"

namespace visitd::core {
namespace {

using testing::at;

// Every "any provider" booking so far, in assignment order, and who got it.
struct Ledger {
  struct Entry {
    Instant start;
    Id provider;
  };
  std::vector<Entry> entries;

  std::map<Id, ProviderLoad> loads(Instant slot_start) const {
    const Interval window = round_robin_window(slot_start);
    std::map<Id, ProviderLoad> out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].start < window.begin || entries[i].start >= window.end) continue;
      auto& load = out[entries[i].provider];
      ++load.bookings;
      load.last_assigned = static_cast<std::int64_t>(i + 1);
    }
    return out;
  }
  Id book(Instant start, const std::vector<Id>& providers) {
    Id chosen = round_robin_order(providers, loads(start)).front();
    entries.push_back({start, chosen});
    return chosen;
  }
};

const std::vector<Id> kTwo{"prv_a", "prv_b"};

TEST(RoundRobin, OneBookingEachMondayForSixWeeksAlternates) {
  Ledger ledger;
  std::string order;
  for (int week = 0; week < 6; ++week) {
    order += ledger.book(at("2026-01-05T10:00:00Z") + std::chrono::days{7 * week}, kTwo) == "prv_a" ? "A" : "B";
  }
  EXPECT_EQ(order, "ABABAB");
}

TEST(RoundRobin, ThreeAWeekForSixWeeksSplitsNineNine) {
  Ledger ledger;
  std::map<Id, int> count;
  for (int week = 0; week < 6; ++week) {
    for (int day : {0, 2, 4})
      ++count[ledger.book(at("2026-01-05T10:00:00Z") + std::chrono::days{7 * week + day}, kTwo)];
  }
  EXPECT_EQ(count["prv_a"], 9);
  EXPECT_EQ(count["prv_b"], 9);
}

TEST(RoundRobin, WindowReachesFurtherThanAWeekBothWays) {
  const Instant slot = at("2026-03-02T10:00:00Z");
  const Interval window = round_robin_window(slot);
  EXPECT_GT(slot - window.begin, std::chrono::days{7});
  EXPECT_GT(window.end - slot, std::chrono::days{7});
  EXPECT_TRUE(window.begin <= slot && slot < window.end);
}

TEST(RoundRobin, FewestBookingsFirst) {
  std::map<Id, ProviderLoad> loads{{"prv_a", {3, 5}}, {"prv_b", {1, 9}}, {"prv_c", {2, 1}}};
  EXPECT_EQ(round_robin_order({"prv_a", "prv_b", "prv_c"}, loads), (std::vector<Id>{"prv_b", "prv_c", "prv_a"}));
}

TEST(RoundRobin, TieGoesToWhoeverWasAssignedLeastRecentlyThenById) {
  std::map<Id, ProviderLoad> loads{{"prv_a", {2, 8}}, {"prv_b", {2, 3}}, {"prv_c", {0, 0}}, {"prv_d", {0, 0}}};
  // Never assigned in the window counts as least recent; equal facts fall back to the id.
  EXPECT_EQ(round_robin_order({"prv_a", "prv_b", "prv_d", "prv_c"}, loads),
            (std::vector<Id>{"prv_c", "prv_d", "prv_b", "prv_a"}));
}

TEST(RoundRobin, MissingLoadIsNoLoadAndDuplicatesAreDropped) {
  std::map<Id, ProviderLoad> loads{{"prv_a", {1, 1}}};
  EXPECT_EQ(round_robin_order({"prv_a", "prv_b", "prv_a"}, loads), (std::vector<Id>{"prv_b", "prv_a"}));
}

CandidateFacts candidate(Id id, bool offers, bool free, int that_day = 0, ProviderLoad load = {}) {
  return {std::move(id), offers, free, that_day, load};
}

TEST(RoundRobin, OrderDoesNotDependOnInputOrder) {
  const std::map<Id, ProviderLoad> loads = {{"x", {2, 5}}, {"y", {2, 5}}, {"z", {0, 0}}};
  EXPECT_EQ(round_robin_order({"x", "y", "z"}, loads), round_robin_order({"z", "y", "x"}, loads));
}

TEST(ChooseProvider, FirstFreeCandidateInTheCallersOrder) {
  auto chosen =
      choose_provider({candidate("prv_b", true, false), candidate("prv_c", true, true), candidate("prv_a", true, true)},
                      0, CandidateOrder::as_given);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(*chosen, "prv_c");
}

TEST(ChooseProvider, RoundRobinReordersByLoadBeforeChoosing) {
  auto chosen = choose_provider({candidate("prv_a", true, true, 0, {4, 2}), candidate("prv_b", true, true, 0, {1, 7})},
                                0, CandidateOrder::round_robin);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(*chosen, "prv_b");
}

TEST(ChooseProvider, DayLimitSkipsACandidateAtItsLimit) {
  auto chosen = choose_provider({candidate("prv_a", true, true, 2), candidate("prv_b", true, true, 1)}, 2,
                                CandidateOrder::as_given);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(*chosen, "prv_b");
  EXPECT_TRUE(under_day_limit(1000, 0));  // 0 = unlimited
  EXPECT_TRUE(under_day_limit(1, 2));
  EXPECT_FALSE(under_day_limit(2, 2));
}

TEST(ChooseProvider, NoCandidateOffersTheServiceAnyMore) {
  auto chosen = choose_provider({candidate("prv_a", false, true)}, 0, CandidateOrder::as_given);
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().code, ErrorCode::conflict);
  EXPECT_EQ(chosen.error().detail, "no provider offers this service any more");
  EXPECT_FALSE(choose_provider({}, 0, CandidateOrder::round_robin).ok());
}

TEST(ChooseProvider, AllBusyOrFullIsSlotTaken) {
  auto chosen = choose_provider({candidate("prv_a", true, false), candidate("prv_b", true, true, 3)}, 3,
                                CandidateOrder::round_robin);
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().code, ErrorCode::conflict);
  EXPECT_EQ(chosen.error().detail, "slot is no longer available");
}

}  // namespace
}  // namespace visitd::core
