// The backend-neutral row mapping (store/rows): both stores hand it their rows, so a record
// reads the same whichever database holds it, and a damaged value is refused through the
// backend's own corruption error instead of being read as something else.
#include "store/rows.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace visitd::store {
namespace {

struct Damaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One row of text cells (nullopt = NULL), the way both backends hand them over.
class FakeRow final : public RowReader {
 public:
  explicit FakeRow(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  [[nodiscard]] bool is_null(int c) const override { return !cells_.at(static_cast<std::size_t>(c)); }
  [[nodiscard]] std::string text(int c) const override { return cells_.at(static_cast<std::size_t>(c)).value_or(""); }
  [[nodiscard]] std::int64_t int64(int c) const override { return std::stoll(text(c)); }
  [[noreturn]] void corrupt(const std::string& what) const override { throw Damaged(what); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

std::vector<std::optional<std::string>> booking_cells(const std::string& status) {
  return {"bk_1",          "biz_1",      "svc_1", "prv_1",     "1772532000",       "1772533800",
          "1772531700",    "1772534100", status,  "Ann",       "ann@example.test", "",
          "Europe/London", "",           "2",     "1772440000"};
}

TEST(Rows, ABookingIsReadInTheOrderItsSelectNamesTheColumns) {
  const core::Booking b = booking_row(FakeRow(booking_cells("no_show")));
  EXPECT_EQ(b.id, "bk_1");
  EXPECT_EQ(b.provider_id, "prv_1");
  EXPECT_EQ(b.time.begin, core::Instant(core::Seconds(1772532000)));
  EXPECT_EQ(b.block.end, core::Instant(core::Seconds(1772534100)));
  EXPECT_EQ(b.status, core::BookingStatus::no_show);  // the column's spelling, not the wire's noShow
  EXPECT_EQ(b.consumer.email, "ann@example.test");
  EXPECT_EQ(b.consumer.zone, "Europe/London");
  EXPECT_EQ(b.capability_version, 2);
}

TEST(Rows, AnUnknownWordIsADamagedRowNamingTheValue) {
  try {
    (void)booking_row(FakeRow(booking_cells("noShow")));
    FAIL() << "a wire spelling in the status column was accepted";
  } catch (const Damaged& e) {
    EXPECT_EQ(std::string(e.what()), "damaged row: status 'noShow'");
  }
  const FakeRow token({"tok_1", "biz_1", "usr_1", "ci", "admin", "hash", "1772440000", std::nullopt});
  EXPECT_THROW((void)token_row(token), Damaged);
  const FakeRow policy({"consumer:fax", "", "", "", "60"});
  EXPECT_THROW((void)notification_policy_row(policy), Damaged);
  const FakeRow offsets({"biz_1", "acme", "Acme", "UTC", "24", "24", "1440,soon"});
  EXPECT_THROW((void)business_row(offsets), Damaged);
}

TEST(Rows, NullColumnsAreAbsentValues) {
  const FakeRow token({"tok_1", "biz_1", "usr_1", "ci", "manager", "hash", "1772440000", std::nullopt});
  const ApiToken t = token_row(token);
  EXPECT_EQ(t.role, core::Role::manager);
  EXPECT_FALSE(t.last_used_at.has_value());
  const FakeRow feed({"fd_1", "biz_1", std::nullopt, "1772440000", "user:x"});
  EXPECT_FALSE(feed_row(feed).provider_id.has_value());  // the business's own feed
}

TEST(Rows, SpellingsRoundTripThroughTheirColumns) {
  for (auto r : {core::Role::owner, core::Role::manager, core::Role::provider})
    EXPECT_EQ(role_column(FakeRow({role_text(r)}), 0), r);
  for (auto k : {core::QuestionKind::short_text, core::QuestionKind::long_text, core::QuestionKind::single_choice})
    EXPECT_EQ(question_kind_column(FakeRow({question_kind_text(k)}), 0), k);
  EXPECT_EQ(reminder_offsets_column(FakeRow({reminder_offsets_text({1440, 60})}), 0), (std::vector<int>{1440, 60}));
  EXPECT_TRUE(reminder_offsets_column(FakeRow({""}), 0).empty());
}

}  // namespace
}  // namespace visitd::store
