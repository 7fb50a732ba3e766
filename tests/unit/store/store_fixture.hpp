#pragma once
// A migrated SQLite store in a fresh temporary directory (removed afterwards), a clock the
// test moves by hand, and small builders for the domain values most tests need.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

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

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open();
    auto migrated = store_->migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().detail;
  }

  // Another store on the same file: a second process, as far as SQLite can tell.
  std::unique_ptr<Store> open() {
    auto opened = open_store(dir_.file("visitd.db"), [this] { return at(clock_.load()); });
    if (!opened.ok()) throw std::runtime_error(opened.error().detail);
    return std::move(opened).value();
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

  TempDir dir_;
  std::atomic<std::int64_t> clock_{kDay0 - 30 * 86400};
  std::unique_ptr<Store> store_;
  Actor staff_{"user:usr_test"};
};

}  // namespace visitd::store::testing
