#pragma once
// Use cases for calendars beyond visitd's bookings (issue I):
//  - CalendarFeeds: a secret, revocable subscription URL per provider and per business, and
//    what the feed behind a presented token holds (the appointments of core::feed_window,
//    each with the identity of its mailed invites: booking id, SEQUENCE, DTSTAMP). A booking
//    reaches only the feed of its own provider and of its own business.
//  - ExternalCalendars: a provider's external calendars ("secret addresses") and their fetch
//    state; the fetching itself is notify/calendar_sync's, in the background.
// Staff act within their scope: a provider-role caller reaches only their own provider's feed
// and calendars (forbidden otherwise, core::check_provider_scope, decided before whether the
// provider exists); the whole business's feed is for managers (the caller's gate).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/staff_policy.hpp"
#include "service/ports.hpp"

namespace visitd::service {

// Whose appointments a feed holds: one provider's, or (nullopt) the whole business's.
struct FeedScope {
  core::Id business_id;
  std::optional<core::Id> provider_id;
};

struct IssuedFeed {
  store::CalendarFeed feed;
  std::string token;  // shown once; only its SHA-256 is stored
};

struct FeedEntry {
  core::Booking booking;
  std::string service_name;   // "Appointment" when the service is gone
  std::string provider_name;  // empty when the provider is gone
  int sequence = 0;           // as the mailed invites: reschedules (+1 once cancelled)
  core::Instant stamp{};      // DTSTAMP: the booking's last change, so an unchanged feed is byte-identical
};

struct FeedCalendar {
  std::string name;  // "<business>" or "<business>: <provider>", the calendar's display name
  std::string business_name;
  bool whole_business = false;     // the business's feed (entries of every provider)
  std::vector<FeedEntry> entries;  // by start, then id
};

class CalendarFeeds {
 public:
  CalendarFeeds(store::CalendarStore& calendars, store::CatalogStore& catalog, store::BookingStore& bookings,
                const core::Clock& clock)
      : calendars_(calendars), catalog_(catalog), bookings_(bookings), clock_(clock) {}
  explicit CalendarFeeds(const Ports& p)
      : CalendarFeeds(p.store.calendars, p.store.catalog, p.store.bookings, p.clock) {}

  // nullopt when no feed is issued; not_found for a provider not of the business.
  [[nodiscard]] core::Result<std::optional<store::CalendarFeed>> feed(const core::StaffScope& caller,
                                                                      const FeedScope& scope) const;
  // Issues the feed's token, replacing (and so revoking) any previous one. not_found.
  [[nodiscard]] core::Result<IssuedFeed> issue(const core::StaffScope& caller, const FeedScope& scope,
                                               const store::Actor& by) const;
  // not_found when none is issued (or for a provider not of the business).
  [[nodiscard]] core::Status revoke(const core::StaffScope& caller, const FeedScope& scope,
                                    const store::Actor& by) const;
  // The feed a token opens; not_found alike for an unknown, malformed, rotated or revoked
  // token and for a provider removed since.
  [[nodiscard]] core::Result<FeedCalendar> read(const std::string& token) const;

 private:
  store::CalendarStore& calendars_;
  store::CatalogStore& catalog_;
  store::BookingStore& bookings_;
  const core::Clock& clock_;
};

struct NewExternalCalendar {
  std::string name;
  std::string url;  // as pasted; normalized by core::normalize_calendar_url
  std::optional<int> refresh_minutes;
};

class ExternalCalendars {
 public:
  ExternalCalendars(store::CalendarStore& calendars, store::CatalogStore& catalog, const core::Clock& clock)
      : calendars_(calendars), catalog_(catalog), clock_(clock) {}
  explicit ExternalCalendars(const Ports& p) : ExternalCalendars(p.store.calendars, p.store.catalog, p.clock) {}

  // forbidden when a provider-role caller names a colleague (core::check_provider_scope).
  // Every method below checks it first; an entry point may ask before reading a body.
  [[nodiscard]] static core::Status may_manage(const core::StaffScope& caller, const core::Id& provider_id);

  // not_found for the provider.
  [[nodiscard]] core::Result<std::vector<store::ExternalCalendar>> list(const core::StaffScope& caller,
                                                                        const core::Id& business_id,
                                                                        const core::Id& provider_id) const;
  // invalid naming name / url / refreshMinutes; not_found for the provider. Due at once.
  [[nodiscard]] core::Result<store::ExternalCalendar> add(const core::StaffScope& caller, const core::Id& business_id,
                                                          const core::Id& provider_id, const NewExternalCalendar& c,
                                                          const store::Actor& by) const;
  // not_found when it is not this provider's.
  [[nodiscard]] core::Status remove(const core::StaffScope& caller, const core::Id& business_id,
                                    const core::Id& provider_id, const core::Id& id, const store::Actor& by) const;
  // Due now ("fetch now"); the answer is the calendar as it is (the fetch follows).
  [[nodiscard]] core::Result<store::ExternalCalendar> fetch_now(const core::StaffScope& caller,
                                                                const core::Id& business_id,
                                                                const core::Id& provider_id, const core::Id& id) const;

  // The refresh period when none is given (VISITD_CALENDAR_REFRESH_MINUTES), and the
  // background fetcher's wake-up for a calendar due now; both set before serving.
  void set_default_refresh_minutes(int minutes) { default_refresh_minutes_ = minutes; }
  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }

 private:
  [[nodiscard]] core::Result<store::ExternalCalendar> own(const core::Id& business_id, const core::Id& provider_id,
                                                          const core::Id& id) const;
  void wake() const {
    if (wake_) wake_();
  }

  store::CalendarStore& calendars_;
  store::CatalogStore& catalog_;
  const core::Clock& clock_;
  int default_refresh_minutes_ = 15;
  std::function<void()> wake_;
};

}  // namespace visitd::service
