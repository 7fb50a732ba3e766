// The PostgreSQL schema itself refuses a double booking: rows written behind the store's back
// (another program, a bug, a second instance whose check raced) still cannot overlap.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <string>

#include "postgres_backend.hpp"

namespace visitd::store::testing {
namespace {

class PostgresSchema : public StoreTestBase {
 protected:
  std::unique_ptr<StoreBackend> make_backend() override {
    if (test_postgres_url().empty()) return std::make_unique<SqliteBackend>();
    auto backend = std::make_unique<PostgresBackend>();
    pg_ = backend.get();
    return backend;
  }
  void SetUp() override {
    if (test_postgres_url().empty()) GTEST_SKIP() << "no VISITD_TEST_POSTGRES_URL (ctest store_tests_postgres)";
    StoreTestBase::SetUp();
    db_ = PQconnectdb(pg_->url().c_str());
    ASSERT_EQ(PQstatus(db_), CONNECTION_OK) << PQerrorMessage(db_);
  }
  void TearDown() override {
    if (db_) PQfinish(db_);
  }

  // Inserts a booking row directly; returns the SQLSTATE ("" when it was stored).
  std::string insert_raw(const core::Booking& like, const std::string& id, std::int64_t block_start,
                         std::int64_t block_end, const std::string& status) {
    const std::string sql =
        "INSERT INTO bookings (id, business_id, service_id, provider_id, start_at, end_at, block_start, block_end, "
        "status, consumer_name, consumer_email, consumer_zone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $5, $6, "
        "$7, 'Raw', 'raw@example.test', 'UTC', 0)";
    const std::string b = std::to_string(block_start);
    const std::string e = std::to_string(block_end);
    const char* values[] = {id.c_str(),
                            like.business_id.c_str(),
                            like.service_id.c_str(),
                            like.provider_id.c_str(),
                            b.c_str(),
                            e.c_str(),
                            status.c_str()};
    PGresult* r = PQexecParams(db_, sql.c_str(), 7, nullptr, values, nullptr, nullptr, 0);
    std::string state;
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
      const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      state = s ? s : "?";
    }
    PQclear(r);
    return state;
  }

  PostgresBackend* pg_ = nullptr;
  PGconn* db_ = nullptr;
};

TEST_F(PostgresSchema, ExclusionConstraintRefusesOverlappingConfirmedBlocks) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  auto s = make_service(biz.id, {p.id});
  const std::int64_t start = kDay0 + 9 * kHour;
  auto booked = store_->create_booking(booking_request(s, {p.id}, start), staff_);
  ASSERT_TRUE(booked.ok());
  const auto& b = booked.value();

  EXPECT_EQ(insert_raw(b, "bk_overlap", start + 10 * kMinute, start + 40 * kMinute, "confirmed"), "23P01");
  // Half-open blocks: back to back is no overlap.
  EXPECT_EQ(insert_raw(b, "bk_after", start + 30 * kMinute, start + 60 * kMinute, "confirmed"), "");
  EXPECT_EQ(insert_raw(b, "bk_before", start - 30 * kMinute, start, "confirmed"), "");
  // Only confirmed bookings hold their time.
  EXPECT_EQ(insert_raw(b, "bk_cancelled", start, start + 30 * kMinute, "cancelled"), "");
  // Another provider's time is its own.
  auto other = make_provider(biz.id, "Dr Bea");
  core::Booking theirs = b;
  theirs.provider_id = other.id;
  EXPECT_EQ(insert_raw(theirs, "bk_theirs", start, start + 30 * kMinute, "confirmed"), "");
}

TEST_F(PostgresSchema, ABookingTheConstraintRefusesIsTheSameConflictAsATakenSlot) {
  auto biz = make_business();
  auto p = make_provider(biz.id);
  auto s = make_service(biz.id, {p.id});
  const std::int64_t start = kDay0 + 9 * kHour;
  auto first = store_->create_booking(booking_request(s, {p.id}, start), staff_);
  ASSERT_TRUE(first.ok());
  // Make the store's own collision check blind to the first booking (as if another instance
  // had committed it after the check read): only the constraint stands in the way. The
  // rewrite is visible to the constraint but not to the check's status = 'confirmed' filter.
  PGresult* r = PQexec(db_,
                       "ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;"
                       "ALTER TABLE bookings DROP CONSTRAINT bookings_no_double_booking;"
                       "ALTER TABLE bookings ADD CONSTRAINT bookings_no_double_booking EXCLUDE USING gist ("
                       "provider_id WITH =, tstzrange(to_timestamp(block_start), to_timestamp(block_end)) WITH &&) "
                       "WHERE (status IN ('confirmed', 'held'));"
                       "UPDATE bookings SET status = 'held'");
  ASSERT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQresultErrorMessage(r);
  PQclear(r);
  auto second = store_->create_booking(booking_request(s, {p.id}, start + 15 * kMinute), staff_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, core::ErrorCode::conflict);
  EXPECT_EQ(second.error().detail, "slot is no longer available");
}

}  // namespace
}  // namespace visitd::store::testing
