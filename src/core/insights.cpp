#include "core/insights.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "core/interval_set.hpp"
#include "core/slot_engine.hpp"

namespace visitd::core {

namespace {

using std::chrono::sys_days;

std::int64_t minutes_of(const IntervalSet& set) {
  std::int64_t seconds = 0;
  for (const auto& part : set.parts()) seconds += (part.end - part.begin).count();
  return seconds / 60;
}

void count(StatusCounts& c, BookingStatus status) {
  ++c.bookings;
  switch (status) {
    case BookingStatus::confirmed:
      ++c.confirmed;
      break;
    case BookingStatus::completed:
      ++c.completed;
      break;
    case BookingStatus::no_show:
      ++c.no_show;
      break;
    case BookingStatus::cancelled:
      ++c.cancelled;
      break;
  }
}

LocalDate monday_of(LocalDate d) { return add_days(d, 1 - iso_weekday(d)); }

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

LeadBucket bucket_of(std::int64_t lead_minutes) {
  const std::int64_t days = lead_minutes / (24 * 60);
  if (days < 1) return LeadBucket::under_1_day;
  if (days <= 3) return LeadBucket::days_1_to_3;
  if (days <= 7) return LeadBucket::days_4_to_7;
  if (days <= 14) return LeadBucket::days_8_to_14;
  if (days <= 30) return LeadBucket::days_15_to_30;
  return LeadBucket::over_30_days;
}

void tally(ReminderCounts& c, const ReminderTally& t) {
  switch (t.outcome) {
    case ReminderOutcome::pending:
      c.pending += t.count;
      break;
    case ReminderOutcome::sent:
      c.sent += t.count;
      break;
    case ReminderOutcome::delivered:
      c.delivered += t.count;
      break;
    case ReminderOutcome::failed:
      c.failed += t.count;
      break;
    case ReminderOutcome::skipped:
      c.skipped += t.count;
      break;
  }
}

void rate(ReminderCounts& c) {
  const std::int64_t finished = c.sent + c.delivered + c.failed;
  c.delivery_rate = ratio(c.sent + c.delivered, finished);
  c.failure_rate = ratio(c.failed, finished);
}

LeadTime lead_time_of(const std::vector<InsightBooking>& bookings) {
  LeadTime lead;
  std::vector<std::int64_t> minutes;
  minutes.reserve(bookings.size());
  for (const auto& b : bookings) {
    const std::int64_t m = std::max<std::int64_t>(0, (b.time.begin - b.created_at).count() / 60);
    minutes.push_back(m);
    ++lead.buckets[static_cast<int>(bucket_of(m))];
  }
  lead.count = static_cast<std::int64_t>(minutes.size());
  if (minutes.empty()) return lead;
  std::sort(minutes.begin(), minutes.end());
  lead.median_minutes = minutes[(minutes.size() - 1) / 2];
  std::int64_t sum = 0;
  for (auto m : minutes) sum += m;
  lead.mean_minutes = sum / lead.count;
  return lead;
}

}  // namespace

const char* to_string(ReminderOutcome o) {
  switch (o) {
    case ReminderOutcome::pending:
      return "pending";
    case ReminderOutcome::sent:
      return "sent";
    case ReminderOutcome::delivered:
      return "delivered";
    case ReminderOutcome::failed:
      return "failed";
    case ReminderOutcome::skipped:
      return "skipped";
  }
  return "pending";
}

const char* to_string(LeadBucket b) {
  switch (b) {
    case LeadBucket::under_1_day:
      return "under1Day";
    case LeadBucket::days_1_to_3:
      return "days1To3";
    case LeadBucket::days_4_to_7:
      return "days4To7";
    case LeadBucket::days_8_to_14:
      return "days8To14";
    case LeadBucket::days_15_to_30:
      return "days15To30";
    case LeadBucket::over_30_days:
      return "over30Days";
  }
  return "under1Day";
}

Status check_insight_period(const InsightPeriod& period) {
  if (!period.first.ok() || !period.last.ok()) return Error::invalid("from", "must be a date");
  const auto days = (sys_days(period.last) - sys_days(period.first)).count() + 1;
  if (days < 1) return Error::invalid("to", "must not be before from");
  if (days > kMaxInsightDays)
    return Error::invalid("to", "must be at most " + std::to_string(kMaxInsightDays) + " days after from");
  return ok_status();
}

Interval insight_span(const Zone& zone, const InsightPeriod& period) {
  return {zone.day_span(period.first).begin, zone.day_span(period.last).end};
}

Insights compute_insights(const InsightInput& input) {
  Insights out;
  const Zone& zone = *input.zone;
  const Interval span = insight_span(zone, input.period);

  std::vector<InsightBooking> counted;
  for (const auto& b : input.bookings)
    if (b.time.begin >= span.begin && b.time.begin < span.end) counted.push_back(b);

  // Days and weeks, every one of the period even when empty, so a chart has no gaps.
  std::map<sys_days, std::size_t> day_index;
  std::map<sys_days, std::size_t> week_index;
  for (LocalDate d = input.period.first; sys_days(d) <= sys_days(input.period.last); d = add_days(d, 1)) {
    day_index[sys_days(d)] = out.days.size();
    out.days.push_back({d, {}});
    const LocalDate monday = monday_of(d);
    if (week_index.emplace(sys_days(monday), out.weeks.size()).second) out.weeks.push_back({monday, {}});
  }

  std::map<Id, IntervalSet> booked;
  for (const auto& b : counted) {
    count(out.totals, b.status);
    const LocalDate day = zone.local_date(b.time.begin);
    if (auto it = day_index.find(sys_days(day)); it != day_index.end()) count(out.days[it->second].counts, b.status);
    if (auto it = week_index.find(sys_days(monday_of(day))); it != week_index.end())
      count(out.weeks[it->second].counts, b.status);
    if (b.status != BookingStatus::cancelled) {
      booked[b.provider_id].add(b.time);
      // Over: its end has passed, or staff already said how it went (a no-show may be marked early).
      if (b.time.end <= input.now || b.status != BookingStatus::confirmed) ++out.past_appointments;
    }
  }

  for (const Provider* p : input.providers) {
    ProviderUtilisation u;
    u.provider_id = p->id;
    u.available_minutes = minutes_of(provider_availability(*p, span));
    if (auto it = booked.find(p->id); it != booked.end()) u.booked_minutes = minutes_of(it->second.intersect(span));
    u.utilisation = ratio(u.booked_minutes, u.available_minutes);
    out.providers.push_back(std::move(u));
  }

  out.lead_time = lead_time_of(counted);
  out.cancellation_rate = ratio(out.totals.cancelled, out.totals.bookings);
  out.no_show_rate = ratio(out.totals.no_show, out.past_appointments);

  for (const auto& t : input.reminders) {
    tally(out.reminders, t);
    tally(t.channel == Channel::sms ? out.sms_reminders : out.email_reminders, t);
  }
  rate(out.reminders);
  rate(out.email_reminders);
  rate(out.sms_reminders);
  return out;
}

}  // namespace visitd::core
