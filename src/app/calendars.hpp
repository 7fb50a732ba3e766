#pragma once
// Wiring of issue I's calendars: the subscription feed's iCalendar writer for the HTTP layer,
// and the background fetcher of external calendars started inside `visitd serve`.
#include <memory>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "http/context.hpp"
#include "service/calendars.hpp"

namespace visitd::notify {
class CalendarSync;
}

namespace visitd::app {

// Sets settings.calendar_feed. Join links are "<public URL>/staff/rooms/<booking id>", as
// the provider's mailed invite has them; the public URL is read from `settings` at each
// request (it is final only once the server listens). UIDs are the mailed invites' (their
// domain is the mail sender's).
void configure_calendar_api(const Config& config, http::ApiSettings& settings);

// Starts the fetcher and connects the "fetch now" wake-up of the use case to it. Stopping
// is the returned object's destruction (or stop()).
std::unique_ptr<notify::CalendarSync> start_calendar_sync(const Config& config, store::Store& store,
                                                          const core::Clock& clock,
                                                          service::ExternalCalendars& calendars);

}  // namespace visitd::app
