#pragma once
// Webhooks (issue I) in domain terms: the event types a manager may subscribe an endpoint to,
// the limits on what they submit, and the rule that says whether an attempt's answer counts
// as delivered, is worth a retry, or failed for good.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace visitd::core {

// Wire names, as the webhook's "type" member and the endpoint's eventTypes spell them.
inline constexpr std::array<std::string_view, 8> kWebhookEventTypes = {
    "booking.created", "booking.rescheduled", "booking.cancelled", "booking.completed",
    "booking.no_show", "room.opened",         "room.ended",        "message.failed"};
inline constexpr std::size_t kMaxWebhookUrlLength = 2000;
inline constexpr std::size_t kMaxWebhookDescriptionLength = 200;
inline constexpr std::size_t kMaxWebhooksPerBusiness = 20;

bool is_webhook_event_type(std::string_view type);
// At least one type, each known, none twice; errors name "eventTypes".
Status validate_webhook_event_types(const std::vector<std::string>& types);

// What an attempt's HTTP answer means (Standard Webhooks: any 2xx is a success). A receiver
// that answered 410 Gone asks not to be sent this again; other answers and no answer at all
// (code 0: timeout, refused connection) are retried until the attempts run out.
enum class AttemptVerdict { delivered, retry, failed };
AttemptVerdict judge_attempt(int response_code, int attempts_so_far, int max_attempts);

}  // namespace visitd::core
