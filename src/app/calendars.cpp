#include "app/calendars.hpp"

#include "notify/booking_invite.hpp"
#include "notify/calendar_sync.hpp"
#include "notify/icalendar.hpp"
#include "wire/names.hpp"

namespace visitd::app {

namespace {

std::string base_of(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

notify::Invite feed_event(const service::FeedEntry& e, bool business_feed, const std::string& base,
                          const std::string& from_address) {
  const core::Booking& b = e.booking;
  const bool cancelled = b.status == core::BookingStatus::cancelled;
  notify::Invite inv;
  inv.cancel = cancelled;
  inv.uid = notify::booking_uid(b.id, from_address);  // the mailed invites' UID
  inv.sequence = e.sequence;
  inv.time = b.time;
  inv.stamp = e.stamp;
  inv.summary = e.service_name + ": " + b.consumer.name;
  if (business_feed && !e.provider_name.empty()) inv.summary += " with " + e.provider_name;
  inv.description = "Client: " + b.consumer.name;
  if (!b.consumer.email.empty()) inv.description += " <" + b.consumer.email + ">";
  if (!b.consumer.phone.empty()) inv.description += "\nPhone: " + b.consumer.phone;
  if (!e.provider_name.empty()) inv.description += "\nProvider: " + e.provider_name;
  inv.description += std::string("\nStatus: ") + wire::name(b.status);
  if (cancelled && !b.cancel_reason.empty()) inv.description += "\nCancelled: " + b.cancel_reason;
  // The provider joins from the staff app (signed in), as in their mailed invite.
  if (!cancelled && !base.empty()) inv.join_url = base + "/staff/rooms/" + b.id;
  return inv;
}

}  // namespace

void configure_calendar_api(const Config& config, http::ApiSettings& settings) {
  settings.calendar_feed = [&settings, from = config.mail.smtp_from,
                            refresh = config.calendars.refresh_minutes](const service::FeedCalendar& cal) {
    const std::string base = base_of(settings.public_url);
    std::vector<notify::Invite> events;
    events.reserve(cal.entries.size());
    for (const auto& e : cal.entries) events.push_back(feed_event(e, cal.whole_business, base, from));
    return notify::build_feed(cal.name, events, refresh);
  };
}

std::unique_ptr<notify::CalendarSync> start_calendar_sync(const Config& config, store::Store& store,
                                                          const core::Clock& clock,
                                                          service::ExternalCalendars& calendars) {
  notify::CalendarSyncSettings s;
  s.limits.allow_private = config.calendars.fetch_allow_private;
  s.limits.connect_timeout = config.calendars.connect_timeout;
  s.limits.total_timeout = config.calendars.fetch_timeout;
  s.limits.max_bytes = config.calendars.max_bytes;
  s.fetchers = config.calendars.fetchers;
  auto sync = std::make_unique<notify::CalendarSync>(store, store, clock, s);
  calendars.set_default_refresh_minutes(config.calendars.refresh_minutes);
  calendars.set_wake([raw = sync.get()] { raw->wake(); });
  sync->start();
  return sync;
}

}  // namespace visitd::app
