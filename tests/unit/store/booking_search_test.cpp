// The staff list's text search (k-polish) on every backend: name, email, phone and answers,
// ASCII case ignored, LIKE wildcards taken literally, counted and paged like any filter.
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class BookingSearch : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    p_ = make_provider(biz_.id, "One");
    s_ = make_service(biz_.id, {p_.id});
  }
  core::Booking book(std::int64_t start, core::Consumer who, std::string reason) {
    auto nb = booking_request(s_, {p_.id}, start);
    nb.booking.consumer = std::move(who);
    nb.booking.answers = {{"reason", std::move(reason)}};
    return store_->create_booking(nb, Actor{"consumer"}).value();
  }
  std::vector<Id> search(const std::string& text, int limit = 50, int offset = 0, int* total = nullptr) {
    BookingFilter f;
    f.business_id = biz_.id;
    f.text = text;
    f.limit = limit;
    f.offset = offset;
    auto page = store_->bookings(f);
    if (total) *total = page.total;
    std::vector<Id> ids;
    for (const auto& b : page.items) ids.push_back(b.id);
    return ids;
  }

  core::Business biz_;
  core::Provider p_;
  core::Service s_;
};

TEST_P(BookingSearch, FindsByNameEmailPhoneOrAnswerIgnoringCase) {
  auto grace = book(kDay0 + 9 * kHour, {"Grace Hopper", "grace@navy.test", "+1 555 0100", "UTC"}, "Knee pain");
  auto ada = book(kDay0 + 10 * kHour, {"Ada Lovelace", "ada@engine.test", "", "UTC"}, "Back ache");
  EXPECT_EQ(search("hopper"), std::vector<Id>{grace.id});
  EXPECT_EQ(search("ENGINE.test"), std::vector<Id>{ada.id});
  EXPECT_EQ(search("555 01"), std::vector<Id>{grace.id});
  EXPECT_EQ(search("back"), std::vector<Id>{ada.id});
  EXPECT_EQ(search("a"), (std::vector<Id>{grace.id, ada.id}));
  EXPECT_TRUE(search("nobody").empty());
}

TEST_P(BookingSearch, WildcardsAreLiteralAndOtherBusinessesStayOut) {
  auto pct = book(kDay0 + 9 * kHour, {"Per Cent", "p@x.test", "", "UTC"}, "100% better_now!");
  book(kDay0 + 10 * kHour, {"Other", "o@x.test", "", "UTC"}, "1000 better");
  EXPECT_EQ(search("100%"), std::vector<Id>{pct.id});
  EXPECT_EQ(search("better_"), std::vector<Id>{pct.id});
  EXPECT_EQ(search("now!"), std::vector<Id>{pct.id});
  EXPECT_TRUE(search("%").size() == 1u);
  auto other = make_business("other");
  BookingFilter f;
  f.business_id = other.id;
  f.text = "cent";
  EXPECT_TRUE(store_->bookings(f).items.empty());
}

TEST_P(BookingSearch, MatchesAreCountedAndPagedNeverCutSilently) {
  std::vector<Id> smiths;
  for (int i = 0; i < 5; ++i)
    smiths.push_back(book(kDay0 + (9 + i) * kHour, {"Sam Smith " + std::to_string(i), "s@x.test", "", "UTC"}, "").id);
  book(kDay0 + 15 * kHour, {"Jo Jones", "j@x.test", "", "UTC"}, "");
  int total = 0;
  auto first = search("smith", 2, 0, &total);
  EXPECT_EQ(total, 5);
  auto second = search("smith", 2, 2);
  auto third = search("smith", 2, 4);
  std::vector<Id> all = first;
  all.insert(all.end(), second.begin(), second.end());
  all.insert(all.end(), third.begin(), third.end());
  EXPECT_EQ(all, smiths);
}

VISITD_STORE_CONTRACT(BookingSearch);

}  // namespace
}  // namespace visitd::store::testing
