// Issue K store roles: a provider's private note on a booking (NoteStore) and the filtered,
// counted audit page (AuditStore::audit_page).
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class NotesAndAudit : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    biz_ = make_business();
    p1_ = make_provider(biz_.id, "One");
    s_ = make_service(biz_.id, {p1_.id});
  }
  core::Booking book(std::int64_t start) {
    return store_->create_booking(booking_request(s_, {p1_.id}, start), Actor{"consumer"}).value();
  }

  core::Business biz_;
  core::Provider p1_;
  core::Service s_;
};

TEST_P(NotesAndAudit, NoteIsAbsentUntilWrittenThenReplacedAndAuditedWithoutItsText) {
  auto b = book(kDay0 + 10 * kHour);
  EXPECT_FALSE(store_->booking_note(biz_.id, b.id).has_value());
  auto first = store_->put_booking_note(biz_.id, b.id, "knee pain", staff_);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->updated_by, staff_.name);
  ASSERT_TRUE(store_->put_booking_note(biz_.id, b.id, "knee better", staff_).ok());
  auto read = store_->booking_note(biz_.id, b.id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->text, "knee better");
  auto log = store_->audit_log(biz_.id, 1, 0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "booking.note");
  EXPECT_EQ(log[0].target, "booking:" + b.id);
  EXPECT_EQ(log[0].detail.find("knee"), std::string::npos);
}

TEST_P(NotesAndAudit, NoteOfAnotherBusinessesBookingIsNotFound) {
  auto b = book(kDay0 + 10 * kHour);
  auto other = make_business("other");
  EXPECT_EQ(store_->put_booking_note(other.id, b.id, "x", staff_).error().code, core::ErrorCode::not_found);
  EXPECT_EQ(store_->put_booking_note(biz_.id, "bk_missing", "x", staff_).error().code, core::ErrorCode::not_found);
  ASSERT_TRUE(store_->put_booking_note(biz_.id, b.id, "mine", staff_).ok());
  EXPECT_FALSE(store_->booking_note(other.id, b.id).has_value());
}

TEST_P(NotesAndAudit, AuditPageFiltersByActorActionFamilyAndPeriodAndCountsAll) {
  const auto start_of_bookings = core::Instant(core::Seconds(clock_.load()));
  auto b = book(kDay0 + 10 * kHour);
  clock_ += 60;
  ASSERT_TRUE(store_->set_booking_status(b.id, core::BookingStatus::cancelled, "", staff_).ok());
  clock_ += 60;
  make_provider(biz_.id, "Two");

  AuditQuery all;
  all.limit = 1;
  auto page = store_->audit_page(biz_.id, all);
  EXPECT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.total, static_cast<std::int64_t>(store_->audit_log(biz_.id, 200, 0).size()));

  AuditQuery family;
  family.action = "booking";
  auto bookings = store_->audit_page(biz_.id, family);
  ASSERT_EQ(bookings.total, 2);
  EXPECT_EQ(bookings.items[0].action, "booking.cancel");
  EXPECT_EQ(bookings.items[1].action, "booking.create");

  AuditQuery exact;
  exact.action = "booking.cancel";
  EXPECT_EQ(store_->audit_page(biz_.id, exact).total, 1);
  AuditQuery prefix_only;  // "book" is not a family: families end at a dot
  prefix_only.action = "book";
  EXPECT_EQ(store_->audit_page(biz_.id, prefix_only).total, 0);

  AuditQuery by_consumer;
  by_consumer.actor = "consumer";
  auto consumer = store_->audit_page(biz_.id, by_consumer);
  ASSERT_EQ(consumer.total, 1);
  EXPECT_EQ(consumer.items[0].action, "booking.create");

  AuditQuery period;
  period.period = core::Interval{start_of_bookings + core::Seconds(30), start_of_bookings + core::Seconds(90)};
  auto middle = store_->audit_page(biz_.id, period);
  ASSERT_EQ(middle.total, 1);
  EXPECT_EQ(middle.items[0].action, "booking.cancel");
}

VISITD_STORE_CONTRACT(NotesAndAudit);

}  // namespace
}  // namespace visitd::store::testing
