#pragma once
// The ports every use case stands on, built once by the composition root (app/wiring.cpp)
// and shared by every entry point (HTTP handlers, the outbox worker, CLI, later webhooks).
// None of them is HTTP, JSON or SQL specific. A use case keeps only the ports it needs (see
// its constructor): the store is reached through its role interfaces, never as a whole.
#include "core/clock.hpp"
#include "service/event_sink.hpp"
#include "service/link_signer.hpp"
#include "service/metrics_sink.hpp"
#include "store/store.hpp"

namespace visitd::service {

// The store's role interfaces (store/*.hpp), each a port of its own.
struct StoreRoles {
  // Any Store is every role.
  StoreRoles(store::Store& s)  // NOLINT(google-explicit-constructor)
      : settings(s),
        catalog(s),
        bookings(s),
        staff(s),
        outbox(s),
        rooms(s),
        external_rooms(s),
        audit(s),
        branding(s),
        notes(s),
        calendars(s),
        account_mail(s),
        insights(s),
        webhooks(s),
        invitations(s) {}

  store::SettingsStore& settings;
  store::CatalogStore& catalog;
  store::BookingStore& bookings;
  store::StaffStore& staff;
  store::OutboxStore& outbox;
  store::RoomStore& rooms;
  store::ExternalRoomStore& external_rooms;  // rooms for appointments booked elsewhere (issue I)
  store::AuditStore& audit;
  store::BrandingStore& branding;
  store::NoteStore& notes;
  store::CalendarStore& calendars;  // feeds, external calendars, busy times (issue I)
  store::AccountMailStore& account_mail;
  store::InsightStore& insights;
  store::WebhookStore& webhooks;  // endpoints and deliveries (issue I)
  store::InvitationStore& invitations;  // staff invitations (issue H)
};

struct Ports {
  StoreRoles store;
  const core::Clock& clock;
  const LinkSigner& signer;
  MetricsSink& metrics;
  EventSink& events;
};

}  // namespace visitd::service
