#include "core/webhook_policy.hpp"

#include <algorithm>

namespace visitd::core {

bool is_webhook_event_type(std::string_view type) {
  return std::find(kWebhookEventTypes.begin(), kWebhookEventTypes.end(), type) != kWebhookEventTypes.end();
}

Status validate_webhook_event_types(const std::vector<std::string>& types) {
  if (types.empty()) return Error::invalid("eventTypes", "must name at least one event type");
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (!is_webhook_event_type(types[i])) return Error::invalid("eventTypes", "unknown event type: " + types[i]);
    if (std::find(types.begin(), types.begin() + static_cast<std::ptrdiff_t>(i), types[i]) !=
        types.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Error::invalid("eventTypes", "names " + types[i] + " twice");
    }
  }
  return ok_status();
}

AttemptVerdict judge_attempt(int response_code, int attempts_so_far, int max_attempts) {
  if (response_code >= 200 && response_code < 300) return AttemptVerdict::delivered;
  if (response_code == 410) return AttemptVerdict::failed;
  return attempts_so_far >= max_attempts ? AttemptVerdict::failed : AttemptVerdict::retry;
}

}  // namespace visitd::core
