// Many writers racing for one slot: exactly one wins, in one process and across two
// stores on the same file (what two visitd processes would be).
#include <latch>
#include <thread>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

constexpr int kThreads = 16;

class Race : public StoreContractTest {
 protected:
  struct Outcome {
    int created = 0;
    int conflicts = 0;
    int other = 0;
  };

  // Every thread builds its request, waits at the latch, then books at once.
  Outcome race(const core::Service& s, const std::vector<core::Id>& candidates, std::int64_t start) {
    auto second = open();
    std::latch go(kThreads);
    std::vector<Result<core::Booking>> results(kThreads, core::Error{});
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        Store& store = i % 2 == 0 ? *store_ : *second;
        NewBooking nb = booking_request(s, candidates, start);
        nb.booking.consumer.email = "racer" + std::to_string(i) + "@example.test";
        go.arrive_and_wait();
        results[static_cast<std::size_t>(i)] = store.create_booking(std::move(nb), {"consumer"});
      });
    }
    for (auto& t : threads) t.join();
    Outcome o;
    for (const auto& r : results) {
      if (r.ok()) {
        ++o.created;
      } else if (r.error().code == core::ErrorCode::conflict) {
        ++o.conflicts;
      } else {
        ++o.other;
      }
    }
    return o;
  }

  int confirmed_at(const core::Id& business_id, const core::Id& provider_id, std::int64_t start) {
    BookingFilter f = all_of(business_id);
    f.provider_id = provider_id;
    f.status = core::BookingStatus::confirmed;
    f.range = span(start, start + 1);
    return store_->bookings(f).total;
  }
};

TEST_P(Race, ExactlyOneOfManySimultaneousBookingsForOneSlotSucceeds) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  auto s = make_service(biz.id, {p.id}, 5, 5);
  const std::int64_t start = kDay0 + 9 * kHour;

  auto o = race(s, {p.id}, start);
  EXPECT_EQ(o.created, 1);
  EXPECT_EQ(o.conflicts, kThreads - 1);
  EXPECT_EQ(o.other, 0);
  EXPECT_EQ(confirmed_at(biz.id, p.id, start), 1);
  EXPECT_EQ(store_->bookings(all_of(biz.id)).total, 1);
}

TEST_P(Race, AnyProviderRaceGivesEachProviderExactlyOneBooking) {
  auto biz = make_business();
  auto p1 = make_provider(biz.id, "One");
  auto p2 = make_provider(biz.id, "Two");
  auto s = make_service(biz.id, {p1.id, p2.id});
  const std::int64_t start = kDay0 + 9 * kHour;

  auto o = race(s, {p1.id, p2.id}, start);
  EXPECT_EQ(o.created, 2);
  EXPECT_EQ(o.conflicts, kThreads - 2);
  EXPECT_EQ(o.other, 0);
  EXPECT_EQ(confirmed_at(biz.id, p1.id, start), 1);
  EXPECT_EQ(confirmed_at(biz.id, p2.id, start), 1);
}

VISITD_STORE_CONTRACT(Race);

}  // namespace
}  // namespace visitd::store::testing
