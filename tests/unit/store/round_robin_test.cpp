// Round robin through the real write path: "any provider" bookings ask the store for
// CandidateOrder::round_robin, and the store reads every candidate's load inside its
// transaction (issue J, fault 4: two providers with equal hours must share fairly).
#include <algorithm>
#include <latch>
#include <map>
#include <thread>
#include <vector>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

using core::BookingStatus;
using core::CandidateOrder;

constexpr std::int64_t kWeek = 7 * 86400;

class RoundRobin : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    alice_ = make_provider(biz_.id, "Alice");
    bob_ = make_provider(biz_.id, "Bob");
    service_ = make_service(biz_.id, {alice_.id, bob_.id});
  }

  // An "any provider" booking; the candidates come in the order slot search lists them.
  Result<core::Booking> book_any(std::int64_t start) {
    NewBooking nb = booking_request(service_, {alice_.id, bob_.id}, start);
    nb.order = CandidateOrder::round_robin;
    return store_->create_booking(nb, Actor{"consumer"});
  }
  Result<core::Booking> book_with(const core::Id& provider_id, std::int64_t start) {
    return store_->create_booking(booking_request(service_, {provider_id}, start), Actor{"consumer"});
  }
  std::string name_of(const core::Id& provider_id) const { return provider_id == alice_.id ? "A" : "B"; }

  core::Business biz_;
  core::Provider alice_, bob_;
  core::Service service_;
  const std::int64_t monday_ten_ = kDay0 + 10 * kHour;  // kDay0 is a Monday
};

TEST_P(RoundRobin, OneBookingEachMondayForSixWeeksAlternates) {
  std::string order;
  for (int week = 0; week < 6; ++week) {
    auto b = book_any(monday_ten_ + week * kWeek);
    ASSERT_TRUE(b.ok()) << b.error().detail;
    order += name_of(b->provider_id);
  }
  EXPECT_EQ(order, "ABABAB");
  EXPECT_EQ(std::count(order.begin(), order.end(), 'A'), 3);
  EXPECT_EQ(std::count(order.begin(), order.end(), 'B'), 3);
}

TEST_P(RoundRobin, ThreeAWeekForSixWeeksSplitsNineNine) {
  std::map<std::string, int> per_provider;
  for (int week = 0; week < 6; ++week) {
    for (int day : {0, 2, 4}) {  // Monday, Wednesday, Friday
      auto b = book_any(monday_ten_ + week * kWeek + day * 86400);
      ASSERT_TRUE(b.ok()) << b.error().detail;
      ++per_provider[name_of(b->provider_id)];
    }
  }
  EXPECT_EQ(per_provider["A"], 9);
  EXPECT_EQ(per_provider["B"], 9);
}

TEST_P(RoundRobin, CancelledBookingsDoNotCountButCompletedAndNoShowsDo) {
  auto a1 = book_with(alice_.id, monday_ten_).value();
  auto a2 = book_with(alice_.id, monday_ten_ + kHour).value();
  auto b1 = book_with(bob_.id, monday_ten_).value();
  clock_ = monday_ten_ + 2 * kHour;  // after both started
  ASSERT_TRUE(store_->set_booking_status(a1.id, BookingStatus::completed, "", staff_).ok());
  ASSERT_TRUE(store_->set_booking_status(a2.id, BookingStatus::no_show, "", staff_).ok());
  ASSERT_TRUE(store_->set_booking_status(b1.id, BookingStatus::cancelled, "", staff_).ok());

  auto loads = store_->provider_loads({alice_.id, bob_.id}, core::round_robin_window(at(monday_ten_ + 86400)));
  EXPECT_EQ(loads[alice_.id].bookings, 2);
  EXPECT_EQ(loads[bob_.id].bookings, 0);
  // Alice's completed visit and no-show took her time; Bob's cancelled one did not.
  auto next = book_any(monday_ten_ + 86400);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->provider_id, bob_.id);
}

TEST_P(RoundRobin, EqualLoadGoesToWhoeverWasAssignedLeastRecently) {
  // Bob first, then Alice: equal counts, and Bob has waited longer.
  ASSERT_TRUE(book_with(bob_.id, monday_ten_).ok());
  ASSERT_TRUE(book_with(alice_.id, monday_ten_ + kHour).ok());
  auto next = book_any(monday_ten_ + 86400);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->provider_id, bob_.id);
}

TEST_P(RoundRobin, BookingsOutsideTheWindowDoNotCount) {
  // Two of Alice's bookings more than four weeks before the slot are history, not load.
  ASSERT_TRUE(book_with(alice_.id, monday_ten_).ok());
  ASSERT_TRUE(book_with(alice_.id, monday_ten_ + kHour).ok());
  ASSERT_TRUE(book_with(bob_.id, monday_ten_ + 5 * kWeek).ok());
  auto next = book_any(monday_ten_ + 5 * kWeek + 86400);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->provider_id, alice_.id);
}

TEST_P(RoundRobin, TheFairestBusyProviderIsPassedOver) {
  ASSERT_TRUE(book_with(bob_.id, monday_ten_ + kWeek).ok());  // Bob has more load...
  ASSERT_TRUE(book_with(bob_.id, monday_ten_ + kWeek + kHour).ok());
  ASSERT_TRUE(book_with(alice_.id, monday_ten_).ok());  // ...but Alice is busy at ten
  auto next = book_any(monday_ten_);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->provider_id, bob_.id);
}

TEST_P(RoundRobin, ConcurrentBookingsSeeEachOthersLoad) {
  // Loads are read inside each write transaction, so sixteen "any" bookings racing from two
  // store handles (two processes) still split evenly.
  constexpr int kThreads = 16;
  auto second = open();
  std::latch go(kThreads);
  std::vector<Result<core::Booking>> results(kThreads, core::Error{});
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      NewBooking nb = booking_request(service_, {alice_.id, bob_.id}, monday_ten_ + i * kHour / 2);
      nb.order = CandidateOrder::round_robin;
      go.arrive_and_wait();
      results[i] = (i % 2 == 0 ? *store_ : *second).create_booking(nb, Actor{"consumer"});
    });
  }
  for (auto& t : threads) t.join();
  std::map<std::string, int> per_provider;
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.error().detail;
    ++per_provider[name_of(r->provider_id)];
  }
  EXPECT_EQ(per_provider["A"], 8);
  EXPECT_EQ(per_provider["B"], 8);
}

TEST_P(RoundRobin, CallersOrderIsKeptWithoutRoundRobin) {
  ASSERT_TRUE(book_with(alice_.id, monday_ten_).ok());
  NewBooking nb = booking_request(service_, {alice_.id, bob_.id}, monday_ten_ + kHour);
  auto b = store_->create_booking(nb, Actor{"consumer"});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->provider_id, alice_.id);
}

VISITD_STORE_CONTRACT(RoundRobin);

}  // namespace
}  // namespace visitd::store::testing
