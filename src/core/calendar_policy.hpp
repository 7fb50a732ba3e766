#pragma once
// Rules for calendars beyond visitd's bookings (issue I): which appointments a subscription
// feed carries, and what an external calendar's address and schedule may be.
#include <cstddef>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"

namespace visitd::core {

// A feed carries appointments that end after now - 30 days and start before now + 731 days
// (recent ones stay visible for a month; the longest booking window is 730 days).
inline constexpr Seconds kFeedRecent{30LL * 24 * 3600};
inline constexpr Seconds kFeedUpcoming{731LL * 24 * 3600};
Interval feed_window(Instant now);

inline constexpr std::size_t kMaxCalendarNameLength = 100;
inline constexpr std::size_t kMaxCalendarUrlLength = 2048;
inline constexpr int kMinRefreshMinutes = 5;
inline constexpr int kMaxRefreshMinutes = 1440;

// The address to fetch for what a provider pasted: http:// or https://, or webcal:// /
// webcals:// (the calendar apps' spelling of the same subscription) as https://. invalid
// naming `field` for another scheme, no host, spaces or control characters, or over
// kMaxCalendarUrlLength. Whether the host may be reached is decided when it is resolved
// (notify/ssrf_guard), not here.
Result<std::string> normalize_calendar_url(const std::string& text, const std::string& field);

// invalid naming `field` outside [kMinRefreshMinutes, kMaxRefreshMinutes].
Status validate_refresh_minutes(int minutes, const std::string& field);

}  // namespace visitd::core
