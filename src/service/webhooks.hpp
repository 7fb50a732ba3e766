#pragma once
// Use case: a business's webhook endpoints (issue I), managed by managers and owners. The
// target of an endpoint is checked by an injected TargetCheck (notify/ssrf_guard: http or
// https, and after DNS resolution no loopback, private, link-local, CGNAT or ULA address
// unless configured), so the service stays free of sockets; the signing secret is minted here
// and shown once. Deliveries are written by the event sink (app/webhook_events) and sent by
// notify's WebhookWorker. Built by the composition root beside service::UseCases.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/webhooks.hpp"

namespace visitd::service {

// ok, or invalid naming "url" with the reason.
using TargetCheck = std::function<core::Status(std::string_view url)>;

struct NewWebhook {
  std::string url;
  std::vector<std::string> event_types;
  std::string description;
  bool enabled = true;
};

class Webhooks {
 public:
  // Only the webhook role: endpoints and deliveries are all this use case touches.
  explicit Webhooks(store::WebhookStore& store) : store_(store) {}

  // Until set, every target is refused ("webhooks are not configured"): the composition root
  // sets the guard before serving.
  void set_target_check(TargetCheck check) { check_ = std::move(check); }

  [[nodiscard]] std::vector<store::WebhookEndpoint> list(const core::Id& business_id) const;
  // invalid naming url / eventTypes / description; conflict past core::kMaxWebhooksPerBusiness.
  // The returned endpoint carries its secret (shown once).
  [[nodiscard]] core::Result<store::WebhookEndpoint> create(const core::Id& business_id, const NewWebhook& w,
                                                            const store::Actor& by) const;
  [[nodiscard]] core::Result<store::WebhookEndpoint> get(const core::Id& business_id, const core::Id& webhook_id) const;
  [[nodiscard]] core::Result<store::WebhookEndpoint> update(const core::Id& business_id, const core::Id& webhook_id,
                                                            const store::WebhookEndpointPatch& patch,
                                                            const store::Actor& by) const;
  [[nodiscard]] core::Status remove(const core::Id& business_id, const core::Id& webhook_id,
                                    const store::Actor& by) const;
  [[nodiscard]] core::Result<std::vector<store::WebhookDelivery>> deliveries(const core::Id& business_id,
                                                                             const core::Id& webhook_id,
                                                                             int limit) const;
  [[nodiscard]] core::Result<store::WebhookDelivery> redeliver(const core::Id& business_id, const core::Id& webhook_id,
                                                               const core::Id& delivery_id,
                                                               const store::Actor& by) const;

 private:
  [[nodiscard]] core::Status check_target(std::string_view url) const;
  store::WebhookStore& store_;
  TargetCheck check_;
};

}  // namespace visitd::service
