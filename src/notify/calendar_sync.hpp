#pragma once
// The background fetcher of external calendars (issue I). One scheduler thread claims due
// calendars from the store (a lease, so instances sharing a database never fetch one twice
// at once) and hands each to its own worker pool — never the network threads. A fetch is
// notify/calendar_fetch (conditional GET through the SSRF guard); its text is expanded by
// notify/busy_import over [now - 1 day, now + horizon) in the provider's zone and stored as
// busy intervals; a 304 re-expands the stored text (the horizon moves on). Every outcome is
// recorded for the provider to see; a failure keeps the last known busy times and never
// blocks booking.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "notify/calendar_fetch.hpp"
#include "store/store.hpp"

namespace visitd::workers {
class WorkerPool;
}

namespace visitd::notify {

struct CalendarSyncSettings {
  FetchLimits limits;
  int horizon_days = 731;         // busy times kept ahead: the longest booking window (730 days) and a day
  int fetchers = 2;               // calendars fetched at once
  std::chrono::seconds tick{15};  // how often the scheduler looks for due calendars unwoken
};

class CalendarSync {
 public:
  CalendarSync(store::CalendarStore& calendars, store::CatalogStore& catalog, const core::Clock& clock,
               CalendarSyncSettings settings);
  ~CalendarSync();
  CalendarSync(const CalendarSync&) = delete;
  CalendarSync& operator=(const CalendarSync&) = delete;

  void start();
  // Stops claiming, lets running fetches finish (each bounded by the total timeout).
  void stop();
  // Looks for due calendars now (one was added or asked to be fetched).
  void wake();

  // One calendar, synchronously (the worker's job; public for tests).
  void sync_one(const store::ExternalCalendar& c);

 private:
  void run();

  store::CalendarStore& calendars_;
  store::CatalogStore& catalog_;
  const core::Clock& clock_;
  CalendarSyncSettings settings_;
  std::unique_ptr<workers::WorkerPool> pool_;
  std::atomic<int> in_flight_{0};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
  // Calendars being fetched by this instance: a "fetch now" claiming one again meanwhile is
  // dropped (the fetch in hand is that fetch), so two records of one calendar never race.
  std::set<std::string> fetching_;
  std::thread thread_;
};

}  // namespace visitd::notify
