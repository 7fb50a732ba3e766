#pragma once
// The store contract suite's fixture: every test runs against each backend in
// store_factories() through the Store interface alone, with a clock the test moves by hand
// and deterministic ids.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "store/store.hpp"

namespace visitd::store::testing {

inline core::Instant at(std::int64_t unix_seconds) { return core::Instant(core::Seconds(unix_seconds)); }
inline core::Interval span(std::int64_t begin, std::int64_t end) { return {at(begin), at(end)}; }

// 2030-01-07 00:00:00 UTC, a Monday.
inline constexpr std::int64_t kDay0 = 1893974400;
inline constexpr std::int64_t kHour = 3600;
inline constexpr std::int64_t kMinute = 60;
inline core::Interval utc_day(std::int64_t t) {
  std::int64_t start = t - ((t - kDay0) % 86400 + 86400) % 86400;
  return span(start, start + 86400);
}

inline BookingFilter all_of(const core::Id& business_id) {
  BookingFilter f;
  f.business_id = business_id;
  return f;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "visitd-store-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// One backend under test. Each test gets a fresh, empty database from make(); open() gives
// another handle on that same database (a second process, as far as the backend can tell).
class StoreBackend {
 public:
  virtual ~StoreBackend() = default;
  virtual std::unique_ptr<Store> open(Clock clock, std::shared_ptr<core::IdGenerator> ids) = 0;
};

// How the contract suite reaches a backend: every contract test runs against each factory
// in store_factories().
struct StoreFactory {
  std::string name;  // test-name suffix: letters and digits only
  std::function<std::unique_ptr<StoreBackend>()> make;
};
// Test listings show the backend's name, not the factory's bytes.
inline void PrintTo(const StoreFactory& f, std::ostream* os) { *os << f.name; }

// A SQLite file in a fresh temporary directory (removed afterwards).
class SqliteBackend final : public StoreBackend {
 public:
  std::unique_ptr<Store> open(Clock clock, std::shared_ptr<core::IdGenerator> ids) override {
    auto opened = open_store(file(), std::move(clock), std::move(ids));
    if (!opened.ok()) throw std::runtime_error(opened.error().detail);
    return std::move(opened).value();
  }
  [[nodiscard]] std::string file() const { return dir_.file("visitd.db"); }

 private:
  TempDir dir_;
};

// A fresh database on the PostgreSQL server named by VISITD_TEST_POSTGRES_URL (a test run
// starts one: tests/postgres/with_postgres.sh), dropped afterwards (postgres_backend.cpp,
// built into store_tests only).
std::unique_ptr<StoreBackend> make_postgres_backend();
// The server's URL, or empty when the run has no PostgreSQL.
inline std::string test_postgres_url() {
  const char* url = std::getenv("VISITD_TEST_POSTGRES_URL");
  return url ? url : "";
}

// SQLite always; PostgreSQL when the run provides a server (the ctest entry
// store_tests_postgres does, and the README's test command runs it).
inline std::vector<StoreFactory> store_factories() {
  std::vector<StoreFactory> out = {
      {"Sqlite", [] { return std::unique_ptr<StoreBackend>(std::make_unique<SqliteBackend>()); }}};
  if (!test_postgres_url().empty()) out.push_back({"Postgres", [] { return make_postgres_backend(); }});
  return out;
}

// A migrated store on a fresh database, a clock the test moves by hand, sequential ids, and
// small builders for the domain values most tests need. Subclasses say which backend.
class StoreTestBase : public ::testing::Test {
 protected:
  virtual std::unique_ptr<StoreBackend> make_backend() = 0;

  void SetUp() override {
    backend_ = make_backend();
    store_ = open();
    auto migrated = store_->migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().detail;
  }

  // Another store on the same database: a second process, as far as the backend can tell.
  std::unique_ptr<Store> open() {
    return backend_->open([this] { return at(clock_.load()); }, ids_);
  }

  core::Business make_business(const std::string& slug = "acme") {
    core::Business b;
    b.slug = slug;
    b.name = "Acme Clinic";
    b.zone = "Europe/London";
    auto created = store_->create_business(b, staff_);
    EXPECT_TRUE(created.ok());
    return created.value();
  }

  core::Provider make_provider(const core::Id& business_id, const std::string& name = "Dr Ada") {
    core::Provider p;
    p.business_id = business_id;
    p.name = name;
    p.zone = "Europe/London";
    p.weekly[0] = {{9 * 60, 17 * 60}};
    auto created = store_->create_provider(p, staff_);
    EXPECT_TRUE(created.ok());
    return created.value();
  }

  core::Service make_service(const core::Id& business_id, std::vector<core::Id> provider_ids, int buffer_before = 0,
                             int buffer_after = 0, int max_per_day = 0) {
    core::Service s;
    s.business_id = business_id;
    s.name = "Consultation";
    s.duration_minutes = 30;
    s.buffer_before_minutes = buffer_before;
    s.buffer_after_minutes = buffer_after;
    s.max_per_day = max_per_day;
    s.provider_ids = std::move(provider_ids);
    auto created = store_->create_service(s, staff_);
    EXPECT_TRUE(created.ok());
    return created.value();
  }

  // A 30-minute booking request at `start` (unix seconds), padded by the service's buffers.
  NewBooking booking_request(const core::Service& s, const std::vector<core::Id>& providers, std::int64_t start) {
    NewBooking nb;
    nb.booking.business_id = s.business_id;
    nb.booking.service_id = s.id;
    nb.booking.time = span(start, start + s.duration_minutes * kMinute);
    nb.booking.block = span(start - s.buffer_before_minutes * kMinute,
                            start + (s.duration_minutes + s.buffer_after_minutes) * kMinute);
    nb.booking.consumer = {"Grace", "grace@example.test", "", "America/New_York"};
    for (const auto& p : providers) nb.candidates.push_back({p, utc_day(start)});
    nb.max_per_day = s.max_per_day;
    return nb;
  }

  std::unique_ptr<StoreBackend> backend_;
  std::shared_ptr<core::IdGenerator> ids_ = std::make_shared<core::SequentialIds>();
  std::atomic<std::int64_t> clock_{kDay0 - 30 * 86400};
  std::unique_ptr<Store> store_;
  Actor staff_{"user:usr_test"};
};

// The contract suite: TEST_P on a fixture derived from StoreContractTest, then
// VISITD_STORE_CONTRACT(Fixture) once per fixture runs it against every backend.
class StoreContractTest : public StoreTestBase, public ::testing::WithParamInterface<StoreFactory> {
 protected:
  std::unique_ptr<StoreBackend> make_backend() override { return GetParam().make(); }
};

#define VISITD_STORE_CONTRACT(Fixture)                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, Fixture, ::testing::ValuesIn(store_factories()), \
                           [](const ::testing::TestParamInfo<StoreFactory>& info) { return info.param.name; })

// Tests of SQLite itself (its file, its migrations directory), and other layers' tests that
// need a real store (live's room hub): SQLite only, plain TEST_F.
class SqliteStoreTest : public StoreTestBase {
 protected:
  std::unique_ptr<StoreBackend> make_backend() override {
    auto backend = std::make_unique<SqliteBackend>();
    sqlite_ = backend.get();
    return backend;
  }
  [[nodiscard]] std::string sqlite_file() const { return sqlite_->file(); }

 private:
  SqliteBackend* sqlite_ = nullptr;
};

// The name other layers' tests derive from (a SQLite store, TEST_F).
class StoreTest : public SqliteStoreTest {};

}  // namespace visitd::store::testing
