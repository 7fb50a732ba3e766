// Many writers racing for one slot: exactly one wins, in one process and across two
// stores on the same database (what two visitd processes would be). The per-day limit holds
// under the same race, and several outbox workers claim every due message exactly once.
#include <latch>
#include <mutex>
#include <set>
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

TEST_P(Race, DayLimitHoldsWhenManyBookDifferentSlotsOfOneDayAtOnce) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  auto s = make_service(biz.id, {p.id}, 0, 0, /*max_per_day=*/3);
  auto second = open();
  std::latch go(kThreads);
  std::atomic<int> created{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Store& store = i % 2 == 0 ? *store_ : *second;
      // Every request its own free slot, all on one day: only the limit can refuse them.
      NewBooking nb = booking_request(s, {p.id}, kDay0 + 8 * kHour + i * 30 * kMinute);
      go.arrive_and_wait();
      auto r = store.create_booking(std::move(nb), {"consumer"});
      if (r.ok()) {
        ++created;
      } else if (r.error().code == core::ErrorCode::conflict) {
        ++conflicts;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 3);
  EXPECT_EQ(conflicts.load(), kThreads - 3);
  BookingFilter f = all_of(biz.id);
  f.status = core::BookingStatus::confirmed;
  EXPECT_EQ(store_->bookings(f).total, 3);
}

TEST_P(Race, SeveralOutboxWorkersClaimEveryDueMessageExactlyOnce) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  auto s = make_service(biz.id, {p.id});
  const std::int64_t now = clock_.load();
  constexpr int kBookings = 10;
  constexpr int kPerBooking = 20;
  for (int b = 0; b < kBookings; ++b) {
    NewBooking nb = booking_request(s, {p.id}, kDay0 + 8 * kHour + b * kHour);
    for (int m = 0; m < kPerBooking; ++m) {
      nb.messages.push_back(core::PlannedMessage{core::MessageKind::reminder, core::Channel::email,
                                                 core::Recipient::consumer, at(now - m), m + 1, 0});
    }
    ASSERT_TRUE(store_->create_booking(std::move(nb), {"consumer"}).ok());
  }

  constexpr int kWorkers = 6;
  std::vector<std::unique_ptr<Store>> instances;
  for (int w = 0; w < kWorkers; ++w) instances.push_back(open());
  std::mutex mutex;
  std::vector<core::Id> claimed;
  std::latch go(kWorkers);
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      const std::string owner = "worker-" + std::to_string(w);
      go.arrive_and_wait();
      // Small batches so the workers overlap; a long lease so nothing is taken over.
      for (;;) {
        auto batch = instances[static_cast<std::size_t>(w)]->claim_due_messages(owner, at(now), core::Seconds{600}, 7);
        if (batch.empty()) break;
        std::lock_guard lock(mutex);
        for (const auto& m : batch) claimed.push_back(m.id);
      }
    });
  }
  for (auto& t : workers) t.join();
  EXPECT_EQ(claimed.size(), static_cast<std::size_t>(kBookings * kPerBooking));
  EXPECT_EQ(std::set<core::Id>(claimed.begin(), claimed.end()).size(), claimed.size()) << "a message claimed twice";
}

VISITD_STORE_CONTRACT(Race);

}  // namespace
}  // namespace visitd::store::testing
