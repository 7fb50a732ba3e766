#include "store/insights.hpp"

#include "store/outbox.hpp"

namespace visitd::store {

core::ReminderOutcome reminder_outcome(std::string_view outbox_status) {
  // The outbox's column spellings (both schemas' CHECK), not the wire's.
  if (outbox_status == "planned" || outbox_status == "sending") return core::ReminderOutcome::pending;
  if (outbox_status == "sent") return core::ReminderOutcome::sent;
  if (outbox_status == "delivered") return core::ReminderOutcome::delivered;
  if (outbox_status == "failed") return core::ReminderOutcome::failed;
  return core::ReminderOutcome::skipped;  // withdrawn, suppressed_opt_out, no_address
}

}  // namespace visitd::store
