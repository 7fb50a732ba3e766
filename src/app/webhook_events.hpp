#pragma once
// Turns what happened into webhook deliveries (issue I): the use cases' booking events and
// the outbox's failed messages each become one event of their business, which the store fans out to every enabled
// endpoint subscribed to its type (WebhookStore::enqueue_webhook_event). The subject that orders deliveries is the
// booking's id (a room's id is its booking's). Events are written after their change committed: a crash between the two
// loses the event (docs/webhooks.md says so).
#include <string>

#include "core/clock.hpp"
#include "service/event_sink.hpp"
#include "store/outbox.hpp"
#include "store/webhooks.hpp"

namespace visitd::app {

class WebhookEvents final : public service::EventSink {
 public:
  WebhookEvents(store::WebhookStore& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  void publish(const service::Event& e) override;
  // The outbox gave up on a message (status failed).
  void message_failed(const store::OutboxMessage& m, const std::string& error);

 private:
  void enqueue(const core::Id& business_id, const std::string& type, const std::string& subject,
               const std::string& payload);

  store::WebhookStore& store_;
  const core::Clock& clock_;
};

// Several sinks behind one port, in order (live rooms first, then webhooks).
class EventFanOut final : public service::EventSink {
 public:
  EventFanOut(service::EventSink& first, service::EventSink& second) : first_(first), second_(second) {}
  void publish(const service::Event& e) override {
    first_.publish(e);
    second_.publish(e);
  }

 private:
  service::EventSink& first_;
  service::EventSink& second_;
};

}  // namespace visitd::app
