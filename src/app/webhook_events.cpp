#include "app/webhook_events.hpp"

#include <spdlog/spdlog.h>

#include "notify/webhook_payload.hpp"

namespace visitd::app {

void WebhookEvents::enqueue(const core::Id& business_id, const std::string& type, const std::string& subject,
                            const std::string& payload) {
  try {
    store_.enqueue_webhook_event(store::WebhookEvent{business_id, type, subject, payload}, clock_.now());
  } catch (const std::exception& e) {
    // Publishing never fails the change that caused it (it is committed already).
    spdlog::error("webhooks: could not record {} for {}: {}", type, subject, e.what());
  }
}

void WebhookEvents::publish(const service::Event& e) {
  if (e.kind == service::EventKind::room_changed) return;  // live rooms only; not a webhook type
  const std::string type = service::to_string(e.kind);
  const auto payload = notify::booking_event_payload(
      notify::BookingEventFacts{type, e.booking, e.previous_time, e.previous_provider_id, e.actor}, clock_.now());
  enqueue(e.booking.business_id, type, e.booking.id, payload);
}

void WebhookEvents::message_failed(const store::OutboxMessage& m, const std::string& error) {
  enqueue(m.business_id, "message.failed", m.booking_id, notify::message_failed_payload(m, error, clock_.now()));
}

}  // namespace visitd::app
