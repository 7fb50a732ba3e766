#pragma once
// Posting one webhook: the signed request (Standard Webhooks headers webhook-id,
// webhook-timestamp, webhook-signature) to a target checked by the SSRF guard, connecting only
// to the addresses the guard resolved and checked. No redirects are followed, no proxy is used,
// and at most `timeout` passes per attempt; the answer's body is not kept.
#include <chrono>
#include <cstdint>
#include <string>

namespace visitd::notify {

struct WebhookRequest {
  std::string url;
  std::string message_id;      // webhook-id
  std::int64_t timestamp = 0;  // webhook-timestamp, unix seconds
  std::string signature;       // webhook-signature ("v1,<base64>")
  std::string body;            // application/json
};

struct WebhookAnswer {
  int response_code = 0;  // 0 = no HTTP answer
  int latency_ms = 0;
  std::string error;            // empty when an HTTP answer came (any status)
  bool refused_target = false;  // the guard refused it: nothing was sent
};

class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  virtual WebhookAnswer post(const WebhookRequest& r) = 0;
};

class CurlWebhookSender final : public WebhookSender {
 public:
  CurlWebhookSender(bool allow_private_targets, std::chrono::seconds timeout)
      : allow_private_(allow_private_targets), timeout_(timeout) {}
  WebhookAnswer post(const WebhookRequest& r) override;

 private:
  bool allow_private_;
  std::chrono::seconds timeout_;
};

}  // namespace visitd::notify
