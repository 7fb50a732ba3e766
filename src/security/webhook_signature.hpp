#pragma once
// Webhook signatures per the Standard Webhooks specification (standardwebhooks.com, v1):
//   secret     "whsec_" + base64 (RFC 4648, padded) of 24 random bytes; the decoded bytes are the key
//   signed     "<webhook-id>.<webhook-timestamp>.<body>" (timestamp: unix seconds, decimal)
//   signature  "v1," + base64(HMAC-SHA256(key, signed)), sent as the webhook-signature header
// Receivers verify with the same secret (docs/webhooks.md has Python and Node snippets).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace visitd::security {

std::string new_webhook_secret();
// nullopt when `secret` is not "whsec_" + base64.
std::optional<std::string> webhook_signature(std::string_view secret, std::string_view message_id,
                                             std::int64_t timestamp, std::string_view body);

}  // namespace visitd::security
