#pragma once
// X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + each POST parameter's name and
// value, sorted by name)). Used to trust status callbacks and inbound messages.
#include <string>
#include <utility>
#include <vector>

namespace visitd::notify {

using FormParams = std::vector<std::pair<std::string, std::string>>;

std::string twilio_signature(const std::string& auth_token, const std::string& url, FormParams params);
// Constant-time comparison against the header value.
bool twilio_signature_valid(const std::string& auth_token, const std::string& url, const FormParams& params,
                            const std::string& signature);

}  // namespace visitd::notify
