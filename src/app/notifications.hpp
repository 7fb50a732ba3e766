#pragma once
// Wiring of the notifications (issue B): the SMS webhook signature check for the HTTP
// layer, and the outbox worker started inside `visitd serve`.
#include <functional>
#include <memory>
#include <string>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "http/context.hpp"
#include "service/links.hpp"

namespace visitd::notify {
class OutboxWorker;
}

namespace visitd::app {

// Fills the notification fields of the API settings (demo outbox, SMS webhook check).
void configure_notification_api(const Config& config, store::Store& store, http::ApiSettings& settings);

// Starts the outbox worker; call once the public URL is final (links and the SMS status
// callback name it). Consumer links in messages come from the links use case, so they
// follow the booking's current time. Stopping is the returned object's destruction (or stop()).
// `on_failed` (may be empty) is told of every message given up on (webhooks: message.failed).
std::shared_ptr<notify::OutboxWorker> start_outbox_worker(
    const Config& config, store::Store& store, const core::Clock& clock, const service::Links& links,
    const std::string& public_url,
    std::function<void(const store::OutboxMessage&, const std::string& error)> on_failed = {});

}  // namespace visitd::app
