#include "service/webhooks.hpp"

#include "core/webhook_policy.hpp"
#include "security/webhook_signature.hpp"

namespace visitd::service {

core::Status Webhooks::check_target(std::string_view url) const {
  if (url.empty()) return core::Error::invalid("url", "must not be empty");
  if (url.size() > core::kMaxWebhookUrlLength) {
    return core::Error::invalid("url", "must be at most " + std::to_string(core::kMaxWebhookUrlLength) + " characters");
  }
  if (!check_) return core::Error::invalid("url", "webhooks are not configured on this server");
  return check_(url);
}

std::vector<store::WebhookEndpoint> Webhooks::list(const core::Id& business_id) const {
  return store_.webhooks_of(business_id);
}

core::Result<store::WebhookEndpoint> Webhooks::create(const core::Id& business_id, const NewWebhook& w,
                                                      const store::Actor& by) const {
  std::vector<core::FieldError> errors;
  if (auto s = check_target(w.url); !s) errors.insert(errors.end(), s.error().fields.begin(), s.error().fields.end());
  if (auto s = core::validate_webhook_event_types(w.event_types); !s) {
    errors.insert(errors.end(), s.error().fields.begin(), s.error().fields.end());
  }
  if (w.description.size() > core::kMaxWebhookDescriptionLength) {
    errors.push_back(
        {"description", "must be at most " + std::to_string(core::kMaxWebhookDescriptionLength) + " characters"});
  }
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));
  if (store_.webhooks_of(business_id).size() >= core::kMaxWebhooksPerBusiness) {
    return core::Error::make(
        core::ErrorCode::conflict,
        "a business has at most " + std::to_string(core::kMaxWebhooksPerBusiness) + " webhook endpoints");
  }
  store::WebhookEndpoint e;
  e.business_id = business_id;
  e.url = w.url;
  e.event_types = w.event_types;
  e.description = w.description;
  e.enabled = w.enabled;
  e.secret = security::new_webhook_secret();
  return store_.create_webhook(std::move(e), by);
}

core::Result<store::WebhookEndpoint> Webhooks::get(const core::Id& business_id, const core::Id& webhook_id) const {
  return store_.webhook(business_id, webhook_id);
}

core::Result<store::WebhookEndpoint> Webhooks::update(const core::Id& business_id, const core::Id& webhook_id,
                                                      const store::WebhookEndpointPatch& patch,
                                                      const store::Actor& by) const {
  std::vector<core::FieldError> errors;
  if (patch.url) {
    if (auto s = check_target(*patch.url); !s) {
      errors.insert(errors.end(), s.error().fields.begin(), s.error().fields.end());
    }
  }
  if (patch.event_types) {
    if (auto s = core::validate_webhook_event_types(*patch.event_types); !s) {
      errors.insert(errors.end(), s.error().fields.begin(), s.error().fields.end());
    }
  }
  if (patch.description && patch.description->size() > core::kMaxWebhookDescriptionLength) {
    errors.push_back(
        {"description", "must be at most " + std::to_string(core::kMaxWebhookDescriptionLength) + " characters"});
  }
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));
  return store_.update_webhook(business_id, webhook_id, patch, by);
}

core::Status Webhooks::remove(const core::Id& business_id, const core::Id& webhook_id, const store::Actor& by) const {
  return store_.delete_webhook(business_id, webhook_id, by);
}

core::Result<std::vector<store::WebhookDelivery>> Webhooks::deliveries(const core::Id& business_id,
                                                                       const core::Id& webhook_id, int limit) const {
  return store_.webhook_deliveries(business_id, webhook_id, limit);
}

core::Result<store::WebhookDelivery> Webhooks::redeliver(const core::Id& business_id, const core::Id& webhook_id,
                                                         const core::Id& delivery_id, const store::Actor& by) const {
  return store_.redeliver_webhook(business_id, webhook_id, delivery_id, by);
}

}  // namespace visitd::service
