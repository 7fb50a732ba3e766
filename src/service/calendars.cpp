#include "service/calendars.hpp"

#include <algorithm>
#include <map>

#include "core/calendar_policy.hpp"
#include "core/validation.hpp"
#include "security/crypto.hpp"
#include "service/bookings.hpp"

namespace visitd::service {

namespace {

core::Error no_feed() { return core::Error::make(core::ErrorCode::not_found, "no such calendar feed"); }

// Feed tokens carry a prefix so a leaked one is recognisable in logs and scanners.
constexpr const char* kFeedTokenPrefix = "vcf_";
constexpr int kPage = 200;

// A feed of one provider is theirs or their managers' (the whole business's is gated to managers).
core::Status in_scope(const core::StaffScope& caller, const FeedScope& scope) {
  if (scope.provider_id) return core::check_provider_scope(caller, *scope.provider_id);
  return core::ok_status();
}

core::Instant last_change(const core::Booking& b) {
  core::Instant at = b.created_at;
  for (const auto& c : b.history) at = std::max(at, c.at);
  return at;
}

}  // namespace

// ---- feeds -----------------------------------------------------------------

core::Result<std::optional<store::CalendarFeed>> CalendarFeeds::feed(const core::StaffScope& caller,
                                                                     const FeedScope& scope) const {
  if (auto own = in_scope(caller, scope); !own) return own.error();
  if (scope.provider_id) {
    if (auto p = catalog_.provider(scope.business_id, *scope.provider_id); !p) return p.error();
  }
  return calendars_.calendar_feed(scope.business_id, scope.provider_id);
}

core::Result<IssuedFeed> CalendarFeeds::issue(const core::StaffScope& caller, const FeedScope& scope,
                                              const store::Actor& by) const {
  if (auto own = in_scope(caller, scope); !own) return own.error();
  IssuedFeed out;
  out.token = kFeedTokenPrefix + security::random_token();
  auto feed = calendars_.put_calendar_feed(scope.business_id, scope.provider_id, security::sha256_hex(out.token), by);
  if (!feed) return feed.error();
  out.feed = std::move(*feed);
  return out;
}

core::Status CalendarFeeds::revoke(const core::StaffScope& caller, const FeedScope& scope,
                                   const store::Actor& by) const {
  if (auto f = feed(caller, scope); !f) return f.error();
  return calendars_.delete_calendar_feed(scope.business_id, scope.provider_id, by);
}

core::Result<FeedCalendar> CalendarFeeds::read(const std::string& token) const {
  if (token.empty() || token.size() > core::kMaxTokenLength) return no_feed();
  auto feed = calendars_.calendar_feed_by_hash(security::sha256_hex(token));
  if (!feed) return no_feed();
  auto business = catalog_.business_by_id(feed->business_id);
  if (!business) return no_feed();

  FeedCalendar cal;
  cal.business_name = business->name;
  cal.name = business->name;
  cal.whole_business = !feed->provider_id;
  if (feed->provider_id) {
    auto provider = catalog_.provider(feed->business_id, *feed->provider_id);
    if (!provider) return no_feed();
    cal.name += ": " + provider->name;
  }
  std::map<core::Id, std::string> service_names, provider_names;
  for (const auto& s : catalog_.services_of(feed->business_id)) service_names[s.id] = s.name;
  for (const auto& p : catalog_.providers_of(feed->business_id)) provider_names[p.id] = p.name;

  store::BookingFilter f;
  f.business_id = feed->business_id;
  f.provider_id = feed->provider_id;  // a provider's feed holds only their own appointments
  f.range = core::feed_window(clock_.now());
  f.limit = kPage;
  for (;;) {
    auto page = bookings_.bookings(f);
    for (auto& b : page.items) {
      FeedEntry e;
      auto sn = service_names.find(b.service_id);
      e.service_name = sn == service_names.end() ? std::string("Appointment") : sn->second;
      auto pn = provider_names.find(b.provider_id);
      if (pn != provider_names.end()) e.provider_name = pn->second;
      const bool cancelled = b.status == core::BookingStatus::cancelled;
      e.sequence = calendar_sequence(b) + (cancelled ? 1 : 0);
      e.stamp = last_change(b);
      e.booking = std::move(b);
      cal.entries.push_back(std::move(e));
    }
    f.offset += static_cast<int>(page.items.size());
    if (page.items.empty() || f.offset >= page.total) break;
  }
  return cal;
}

// ---- external calendars ----------------------------------------------------

core::Status ExternalCalendars::may_manage(const core::StaffScope& caller, const core::Id& provider_id) {
  return core::check_provider_scope(caller, provider_id);
}

core::Result<std::vector<store::ExternalCalendar>> ExternalCalendars::list(const core::StaffScope& caller,
                                                                           const core::Id& business_id,
                                                                           const core::Id& provider_id) const {
  if (auto own = may_manage(caller, provider_id); !own) return own.error();
  if (auto p = catalog_.provider(business_id, provider_id); !p) return p.error();
  return calendars_.external_calendars(business_id, provider_id);
}

core::Result<store::ExternalCalendar> ExternalCalendars::add(const core::StaffScope& caller,
                                                             const core::Id& business_id, const core::Id& provider_id,
                                                             const NewExternalCalendar& c,
                                                             const store::Actor& by) const {
  if (auto own = may_manage(caller, provider_id); !own) return own.error();
  if (auto p = catalog_.provider(business_id, provider_id); !p) return p.error();
  std::vector<core::FieldError> errors;
  if (c.name.empty() || c.name.size() > core::kMaxCalendarNameLength)
    errors.push_back({"name", "must be 1 to " + std::to_string(core::kMaxCalendarNameLength) + " characters"});
  auto url = core::normalize_calendar_url(c.url, "url");
  if (!url) errors.insert(errors.end(), url.error().fields.begin(), url.error().fields.end());
  const int refresh = c.refresh_minutes.value_or(default_refresh_minutes_);
  if (auto r = core::validate_refresh_minutes(refresh, "refreshMinutes"); !r)
    errors.insert(errors.end(), r.error().fields.begin(), r.error().fields.end());
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));

  store::ExternalCalendar cal;
  cal.business_id = business_id;
  cal.provider_id = provider_id;
  cal.name = c.name;
  cal.url = *url;
  cal.refresh_minutes = refresh;
  auto added = calendars_.add_external_calendar(cal, by);
  if (added) wake();
  return added;
}

core::Result<store::ExternalCalendar> ExternalCalendars::own(const core::Id& business_id, const core::Id& provider_id,
                                                             const core::Id& id) const {
  auto c = calendars_.external_calendar(business_id, id);
  if (!c) return c.error();
  if (c->provider_id != provider_id)
    return core::Error::make(core::ErrorCode::not_found, "external calendar not found");
  return c;
}

core::Status ExternalCalendars::remove(const core::StaffScope& caller, const core::Id& business_id,
                                       const core::Id& provider_id, const core::Id& id, const store::Actor& by) const {
  if (auto own = may_manage(caller, provider_id); !own) return own.error();
  if (auto c = own(business_id, provider_id, id); !c) return c.error();
  return calendars_.delete_external_calendar(business_id, id, by);
}

core::Result<store::ExternalCalendar> ExternalCalendars::fetch_now(const core::StaffScope& caller,
                                                                   const core::Id& business_id,
                                                                   const core::Id& provider_id,
                                                                   const core::Id& id) const {
  if (auto own = may_manage(caller, provider_id); !own) return own.error();
  auto c = own(business_id, provider_id, id);
  if (!c) return c.error();
  if (auto s = calendars_.request_calendar_fetch(business_id, id, clock_.now()); !s) return s.error();
  wake();
  return c;
}

}  // namespace visitd::service
