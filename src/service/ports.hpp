#pragma once
// The ports every use case stands on, built once by the composition root (app/wiring.cpp)
// and shared by every entry point (HTTP handlers, the outbox worker, CLI, later webhooks).
// None of them is HTTP, JSON or SQL specific.
#include "core/clock.hpp"
#include "service/event_sink.hpp"
#include "service/link_signer.hpp"
#include "service/metrics_sink.hpp"
#include "store/store.hpp"

namespace visitd::service {

struct Ports {
  // Persistence. The whole Store for now; narrows to its role interfaces (catalog,
  // bookings, staff, outbox, rooms) as the store is split.
  store::Store& store;
  const core::Clock& clock;
  const LinkSigner& signer;
  MetricsSink& metrics;
  EventSink& events;
};

}  // namespace visitd::service
