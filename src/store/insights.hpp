#pragma once
// Store role: the facts a manager's insights are computed from (core/insights.hpp). Reads
// only; one snapshot per call, so the bookings and their reminders agree.
#include <optional>
#include <string_view>
#include <vector>

#include "core/insights.hpp"
#include "store/actor.hpp"

namespace visitd::store {

struct InsightQuery {
  Id business_id;
  Interval range;                 // bookings whose start lies in [begin, end)
  std::optional<Id> provider_id;  // only this provider's bookings
  std::optional<Id> service_id;   // only this service's bookings
};

struct InsightFacts {
  std::vector<core::InsightBooking> bookings;  // by start
  // Reminder messages of those bookings by channel and outcome: planned/sending = pending,
  // withdrawn/suppressed_opt_out/no_address = skipped.
  std::vector<core::ReminderTally> reminders;
};

class InsightStore {
 public:
  virtual ~InsightStore() = default;

  virtual InsightFacts insight_facts(const InsightQuery& q) = 0;
};

// The outcome a reminder's outbox status stands for (shared by both backends).
core::ReminderOutcome reminder_outcome(std::string_view outbox_status);

}  // namespace visitd::store
