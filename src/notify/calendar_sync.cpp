#include "notify/calendar_sync.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "notify/busy_import.hpp"
#include "workers/worker_pool.hpp"

namespace visitd::notify {

namespace {

// A claim holds a calendar for longer than any fetch can take; a crashed instance's claim
// simply runs out.
core::Seconds lease_for(const FetchLimits& l) {
  return core::Seconds{l.total_timeout.count() * (kMaxRedirects + 1) + 60};
}

}  // namespace

CalendarSync::CalendarSync(store::CalendarStore& calendars, store::CatalogStore& catalog, const core::Clock& clock,
                           CalendarSyncSettings settings)
    : calendars_(calendars),
      catalog_(catalog),
      clock_(clock),
      settings_(settings),
      pool_(std::make_unique<workers::WorkerPool>(
          "calendar-fetch", workers::PoolSize{std::max(1, settings.fetchers),
                                              static_cast<std::size_t>(std::max(1, settings.fetchers) * 2)})) {}

CalendarSync::~CalendarSync() { stop(); }

void CalendarSync::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void CalendarSync::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (pool_) pool_->join();
}

void CalendarSync::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

void CalendarSync::run() {
  const int capacity = std::max(1, settings_.fetchers) * 2;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      woken_ = false;
    }
    const int room = capacity - in_flight_.load();
    if (room > 0) {
      try {
        const core::Instant now = clock_.now();
        for (auto& c : calendars_.claim_due_calendars(now, now + lease_for(settings_.limits), room)) {
          {
            std::lock_guard lock(mutex_);
            if (!fetching_.insert(c.id).second) continue;
          }
          ++in_flight_;
          auto done = [this, id = c.id] {
            {
              std::lock_guard lock(mutex_);
              fetching_.erase(id);
            }
            --in_flight_;
          };
          if (!pool_->try_submit([this, c, done] {
                try {
                  sync_one(c);
                } catch (const std::exception& e) {
                  spdlog::error("calendar {}: sync failed: {}", c.id, e.what());
                }
                done();
                wake();  // a slot is free: more may be due
              })) {
            done();  // the lease runs out and it is claimed again
          }
        }
      } catch (const std::exception& e) {
        spdlog::error("calendar fetcher: claiming due calendars failed: {}", e.what());
      }
    }
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, settings_.tick, [this] { return stopping_ || woken_; });
  }
}

void CalendarSync::sync_one(const store::ExternalCalendar& c) {
  const FetchResult r = fetch_calendar({c.url, c.etag, c.last_modified}, settings_.limits);
  const core::Instant now = clock_.now();
  store::CalendarFetch f;
  f.at = now;
  f.next_fetch_at = now + core::Minutes{c.refresh_minutes};

  std::string zone_name = "UTC";
  if (auto p = catalog_.provider(c.business_id, c.provider_id)) zone_name = p->zone;
  const core::Zone zone = core::zone_or_utc(zone_name);
  const core::Interval horizon{now - core::Seconds{86400}, now + core::Seconds{86400LL * settings_.horizon_days}};

  std::optional<std::string> text;
  if (r.kind == FetchResult::Kind::fetched) {
    text = r.body;
  } else if (r.kind == FetchResult::Kind::not_modified) {
    text = calendars_.calendar_body(c.id);
    if (!text) f.error = "the server answered 304 Not Modified but no earlier copy is kept";
  } else {
    f.error = r.error;
  }
  if (text) {
    auto busy = busy_intervals(*text, horizon, zone);
    if (busy) {
      f.ok = true;
      f.result = r.kind == FetchResult::Kind::fetched ? "fetched" : "not_modified";
      f.busy = std::move(*busy);
      if (r.kind == FetchResult::Kind::fetched) {
        f.body = std::move(*text);
        f.etag = r.etag;
        f.last_modified = r.last_modified;
      }
    } else {
      f.error = "the address did not give an iCalendar file";
    }
  }
  if (!f.ok) f.result = "failed";
  if (!f.ok) spdlog::warn("calendar {} of provider {}: {}", c.id, c.provider_id, f.error);
  if (auto s = calendars_.record_calendar_fetch(c.id, f); !s)
    spdlog::error("calendar {}: recording the fetch failed: {}", c.id, s.error().detail);
}

}  // namespace visitd::notify
