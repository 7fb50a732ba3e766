#pragma once
// Store role: webhooks (issue I). Endpoints a manager registered per business, and the
// deliveries owed to them: a durable outbox of its own (claimed under a lease like the message
// outbox, retried with backoff), ordered per subject (a booking or a room): a delivery is not
// claimed while an earlier one of the same endpoint and subject is still owed. Every attempt
// is logged with its response code, latency and error.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

struct WebhookEndpoint {
  Id id;
  Id business_id;
  std::string url;                       // http or https, checked by the caller
  std::vector<std::string> event_types;  // "booking.created", ... (checked by the caller)
  std::string description;
  std::string secret;  // "whsec_" + base64 key (Standard Webhooks); shown once at creation
  bool enabled = true;
  Instant created_at;
  Instant updated_at;
};

// What a manager may change; absent = unchanged.
struct WebhookEndpointPatch {
  std::optional<std::string> url;
  std::optional<std::vector<std::string>> event_types;
  std::optional<std::string> description;
  std::optional<bool> enabled;
};

// pending: waiting for its (next) attempt; sending: claimed under a lease; delivered: a 2xx
// answer; failed: attempts exhausted or refused for good.
enum class DeliveryStatus { pending, sending, delivered, failed };
const char* to_string(DeliveryStatus s);

struct WebhookAttempt {
  Instant at;
  int response_code = 0;  // 0 = no HTTP answer (refused target, timeout, connection error)
  int latency_ms = 0;
  std::string error;  // empty on success
};

struct WebhookDelivery {
  Id id;
  Id endpoint_id;
  Id business_id;
  std::string message_id;  // the webhook-id header: the same for a redelivery of one event
  std::string event_type;
  std::string subject;  // ordering key: the booking's (or room's) id
  std::string payload;  // the exact body that is signed and sent
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;
  Instant next_attempt_at;
  Instant created_at;
  std::optional<Instant> delivered_at;
  std::vector<WebhookAttempt> log;  // filled by webhook_deliveries() only, oldest first
  // Filled by claims only: where and how to send it.
  std::string url;
  std::string secret;
};

// One event for a business; the store fans it out to every enabled endpoint subscribed to it.
struct WebhookEvent {
  Id business_id;
  std::string event_type;
  std::string subject;
  std::string payload;
};

// What one attempt came to. pending + retry_at = try again then.
struct WebhookOutcome {
  DeliveryStatus status = DeliveryStatus::delivered;
  WebhookAttempt attempt;
  std::optional<Instant> retry_at;
};

class WebhookStore {
 public:
  virtual ~WebhookStore() = default;

  // Audited as webhook.create / webhook.update / webhook.delete on "webhook:<id>".
  virtual Result<WebhookEndpoint> create_webhook(WebhookEndpoint e, const Actor& by) = 0;
  virtual std::vector<WebhookEndpoint> webhooks_of(const Id& business_id) = 0;
  // not_found when the endpoint is not the business's.
  virtual Result<WebhookEndpoint> webhook(const Id& business_id, const Id& webhook_id) = 0;
  virtual Result<WebhookEndpoint> update_webhook(const Id& business_id, const Id& webhook_id,
                                                 const WebhookEndpointPatch& patch, const Actor& by) = 0;
  // Its deliveries and their log go with it.
  virtual Status delete_webhook(const Id& business_id, const Id& webhook_id, const Actor& by) = 0;

  // One delivery per enabled endpoint of the business subscribed to the event type, due now,
  // all sharing one message id. Returns how many were written.
  virtual int enqueue_webhook_event(const WebhookEvent& e, Instant now) = 0;
  // Claims up to `limit` due deliveries for `owner` (pending and due, or sending with an
  // expired lease), counting the attempt, never one whose endpoint has an earlier delivery of
  // the same subject still pending or sending. Two owners never hold one delivery.
  virtual std::vector<WebhookDelivery> claim_webhook_deliveries(const std::string& owner, Instant now,
                                                                core::Seconds lease, int limit) = 0;
  // Logs the attempt and sets the status; ignored (not_found) when `owner` no longer holds the lease.
  virtual Status record_webhook_attempt(const Id& delivery_id, const std::string& owner,
                                        const WebhookOutcome& outcome) = 0;
  // Newest first, with their attempt logs; not_found when the endpoint is not the business's.
  virtual Result<std::vector<WebhookDelivery>> webhook_deliveries(const Id& business_id, const Id& webhook_id,
                                                                  int limit) = 0;
  // A new delivery of the same event (same message id and payload), due now, after anything
  // already owed for its subject. Audited as webhook.redeliver.
  virtual Result<WebhookDelivery> redeliver_webhook(const Id& business_id, const Id& webhook_id, const Id& delivery_id,
                                                    const Actor& by) = 0;
};

}  // namespace visitd::store
