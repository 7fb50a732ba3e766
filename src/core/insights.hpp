#pragma once
// Insights for a clinic's manager (issue K): what a period of appointments looked like,
// counted in the business's zone. Pure: the caller reads the facts (bookings starting in the
// period, reminder outcomes, providers' hours) and passes the zone and "now".
//
// Definitions (docs/architecture.md, "Insights for the manager"):
//   - a booking belongs to the local date (business zone) on which it starts; a week is
//     Monday to Sunday, counting only the days inside the period;
//   - utilisation of a provider = booked minutes / available minutes in the period, where
//     available = weekly hours and date overrides minus time off (core::provider_availability)
//     and booked = the time of their bookings that are not cancelled, both cut to the period;
//     nullopt when the provider had no available time;
//   - lead time = start - created_at of every booking (cancelled ones too: they were booked
//     that far ahead); negative lead times (entered after the fact) count as 0;
//   - cancellation rate = cancelled / all bookings; no-show rate = no-shows / appointments
//     that are over (not cancelled; ended by now, or already marked completed or no-show); nullopt when there is
//     nothing to divide by;
//   - reminders: the reminder messages of those bookings; delivery rate = (sent + delivered) /
//     (sent + delivered + failed), failure rate = failed / the same; pending and skipped
//     (withdrawn, opted out, no address) messages are counted but not rated.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/reminder_plan.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace visitd::core {

// The longest period one report covers (a year, leap day included).
inline constexpr int kMaxInsightDays = 366;

// A booking as insights see it: the appointment, nothing about the consumer.
struct InsightBooking {
  Id provider_id;
  Id service_id;
  Interval time;
  Instant created_at;
  BookingStatus status = BookingStatus::confirmed;
};

// What became of a reminder message.
enum class ReminderOutcome { pending, sent, delivered, failed, skipped };
const char* to_string(ReminderOutcome o);

// How many reminder messages of the counted bookings went by one channel with one outcome.
struct ReminderTally {
  Channel channel = Channel::email;
  ReminderOutcome outcome = ReminderOutcome::pending;
  std::int64_t count = 0;
};

// The period: local dates first..last (inclusive) of the business's zone.
struct InsightPeriod {
  LocalDate first;
  LocalDate last;
};

// invalid naming "to" when last is before first, or the period is longer than
// kMaxInsightDays.
Status check_insight_period(const InsightPeriod& period);
// The instants of the period: [first's local midnight, the day after last's local midnight).
Interval insight_span(const Zone& zone, const InsightPeriod& period);

struct InsightInput {
  const Zone* zone = nullptr;  // the business's zone
  InsightPeriod period;
  Instant now;
  std::vector<const Provider*> providers;  // whose utilisation is reported, in this order
  std::vector<InsightBooking> bookings;    // bookings starting inside insight_span (others are ignored)
  std::vector<ReminderTally> reminders;    // reminder messages of those bookings
};

struct StatusCounts {
  std::int64_t bookings = 0;  // all, cancelled ones included
  std::int64_t confirmed = 0;
  std::int64_t completed = 0;
  std::int64_t no_show = 0;
  std::int64_t cancelled = 0;
  friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

struct DayInsight {
  LocalDate date;
  StatusCounts counts;
};

struct WeekInsight {
  LocalDate week_start;  // the Monday (may lie before the period's first date)
  StatusCounts counts;   // of the week's days inside the period
};

struct ProviderUtilisation {
  Id provider_id;
  std::int64_t available_minutes = 0;
  std::int64_t booked_minutes = 0;
  std::optional<double> utilisation;  // booked / available, 0..(more than 1 when booked outside hours)
};

// Lead-time buckets, shortest first: under 1 day, 1-3 days, 4-7, 8-14, 15-30, over 30 days
// (whole days of 24 hours).
enum class LeadBucket { under_1_day, days_1_to_3, days_4_to_7, days_8_to_14, days_15_to_30, over_30_days };
inline constexpr int kLeadBuckets = 6;
const char* to_string(LeadBucket b);

struct LeadTime {
  std::int64_t count = 0;
  std::optional<std::int64_t> median_minutes;  // the lower median for an even count
  std::optional<std::int64_t> mean_minutes;    // rounded down
  std::int64_t buckets[kLeadBuckets] = {};     // indexed by LeadBucket
};

struct ReminderCounts {
  std::int64_t pending = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;
  std::int64_t skipped = 0;
  std::optional<double> delivery_rate;
  std::optional<double> failure_rate;
};

struct Insights {
  StatusCounts totals;
  std::vector<DayInsight> days;    // every date of the period, in order
  std::vector<WeekInsight> weeks;  // every week touching the period, in order
  std::vector<ProviderUtilisation> providers;
  LeadTime lead_time;
  std::optional<double> cancellation_rate;
  std::optional<double> no_show_rate;
  std::int64_t past_appointments = 0;  // the no-show rate's denominator
  ReminderCounts reminders;            // all channels
  ReminderCounts email_reminders;
  ReminderCounts sms_reminders;
};

// The report. The period must pass check_insight_period.
Insights compute_insights(const InsightInput& input);

}  // namespace visitd::core
