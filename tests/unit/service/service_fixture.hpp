#pragma once
// The use cases over real ports: a migrated SQLite store in a temporary file (removed
// afterwards), a ManualClock the test moves, a recording EventSink and counting metrics.
// A business in London with two providers working 09:00-17:00 every day and a 30-minute
// service.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "security/crypto.hpp"
#include "service/use_cases.hpp"
#include "store/store.hpp"

namespace visitd::service::testing {

inline core::Instant at(const char* rfc3339) { return *core::parse_rfc3339(rfc3339); }

struct CountingMetrics final : MetricsSink {
  int created = 0, conflicts = 0, rescheduled = 0, cancelled = 0;
  void booking_created() override { ++created; }
  void booking_conflict() override { ++conflicts; }
  void booking_rescheduled() override { ++rescheduled; }
  void booking_cancelled() override { ++cancelled; }
};

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init();
    std::string pattern = (std::filesystem::temp_directory_path() / "visitd-service-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto opened = store::open_store((dir_ / "visitd.db").string(), [this] { return clock_.now(); });
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    store_ = std::move(opened.value());
    ASSERT_TRUE(store_->migrate().ok());
    use_ = std::make_unique<UseCases>(Ports{*store_, clock_, link_signer_, metrics_, events_}, LinkSettings{});
    core::Business b;
    b.slug = "flow";
    b.name = "Flow";
    b.zone = "Europe/London";
    auto created = store_->create_business(b, by_);
    ASSERT_TRUE(created.ok()) << created.error().detail;
    business_ = *created;
    for (const char* name : {"Ada", "Bo"}) {
      core::Provider p;
      p.business_id = business_.id;
      p.name = name;
      p.zone = "Europe/London";
      auto prov = store_->create_provider(p, by_);
      ASSERT_TRUE(prov.ok()) << prov.error().detail;
      core::WeeklyHours w;
      for (auto& day : w) day = {{9 * 60, 17 * 60}};
      ASSERT_TRUE(store_->set_weekly_hours(business_.id, prov->id, w, by_).ok());
      provider_ids_.push_back(prov->id);
    }
    std::sort(provider_ids_.begin(), provider_ids_.end());
    service_ = make_service(0);
  }

  void TearDown() override {
    use_.reset();
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  core::Service make_service(int max_per_day, int booking_window_days = 0) {
    core::Service s;
    s.business_id = business_.id;
    s.name = "Consult " + std::to_string(max_per_day);
    s.duration_minutes = 30;
    s.slot_interval_minutes = 30;
    s.max_per_day = max_per_day;
    if (booking_window_days > 0) s.booking_window_days = booking_window_days;
    s.provider_ids = provider_ids_;
    auto created = store_->create_service(s, by_);
    EXPECT_TRUE(created.ok()) << created.error().detail;
    return *created;
  }

  core::Result<core::Booking> book(core::Instant start, std::optional<core::Id> provider,
                                   std::vector<core::Slot>* nearest = nullptr, const core::Service* service = nullptr) {
    BookRequest r{business_,
                  service ? *service : service_,
                  std::move(provider),
                  start,
                  core::Consumer{"Ann", "ann@example.com", "", "Europe/London"},
                  {},
                  std::nullopt,
                  "fp"};
    return use_->bookings.book(r, nearest);
  }

  core::Result<core::Booking> reschedule(const core::Booking& b, core::Instant start, core::Actor actor,
                                         std::vector<core::Slot>* nearest = nullptr,
                                         std::optional<core::Id> provider = std::nullopt) {
    const store::Actor by{actor == core::Actor::consumer ? "consumer" : "user:x"};
    return use_->bookings.reschedule(RescheduleRequest{b, start, std::move(provider), actor, by}, nearest);
  }

  std::filesystem::path dir_;
  core::ManualClock clock_{at("2026-03-02T08:00:00Z")};  // a Monday
  std::unique_ptr<store::Store> store_;
  security::CapabilitySigner signer_{"unit-test-secret-0123456789"};
  CapabilityLinkSigner link_signer_{signer_};
  CountingMetrics metrics_;
  RecordingEventSink events_;
  std::unique_ptr<UseCases> use_;
  store::Actor by_{"system"};
  core::Business business_;
  std::vector<core::Id> provider_ids_;
  core::Service service_;
};

}  // namespace visitd::service::testing
