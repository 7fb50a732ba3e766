#include "store/insights.hpp"

#include "store/columns.hpp"

namespace visitd::store {

core::ReminderOutcome reminder_outcome(std::string_view outbox_status) {
  const auto status = message_status_from_column(outbox_status);
  if (!status) return core::ReminderOutcome::skipped;
  switch (*status) {
    case MessageStatus::planned:
    case MessageStatus::sending:
      return core::ReminderOutcome::pending;
    case MessageStatus::sent:
      return core::ReminderOutcome::sent;
    case MessageStatus::delivered:
      return core::ReminderOutcome::delivered;
    case MessageStatus::failed:
      return core::ReminderOutcome::failed;
    case MessageStatus::withdrawn:
    case MessageStatus::suppressed_opt_out:
    case MessageStatus::no_address:
      return core::ReminderOutcome::skipped;
  }
  return core::ReminderOutcome::skipped;
}

}  // namespace visitd::store
