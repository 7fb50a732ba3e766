#pragma once
// Every use case over one set of ports: what an entry point (HTTP, the outbox worker, CLI,
// later webhooks) holds to act on visitd. Built once by the composition root; each use case
// keeps only the ports (store roles, clock, signer, sinks) it needs.
#include "service/access.hpp"
#include "service/account_notices.hpp"
#include "service/audit.hpp"
#include "service/bookings.hpp"
#include "service/branding.hpp"
#include "service/calendars.hpp"
#include "service/catalog.hpp"
#include "service/external_rooms.hpp"
#include "service/insights.hpp"
#include "service/invitations.hpp"
#include "service/links.hpp"
#include "service/messages.hpp"
#include "service/notes.hpp"
#include "service/ports.hpp"
#include "service/rooms.hpp"
#include "service/staff.hpp"

namespace visitd::service {

struct UseCases {
  UseCases(const Ports& p, LinkSettings link_settings)
      : access(p),
        invitations(p, InvitationSettings{link_settings.public_url}),
        bookings(p),
        branding(p),
        catalog(p),
        links(p, std::move(link_settings)),
        messages(p),
        rooms(p),
        staff(p),
        notes(p),
        audit(p),
        account_notices(p),
        insights(p),
        feeds(p),
        external_calendars(p),
        external_rooms(p, links),
        settings(p.store.settings) {}

  Access access;                   // sessions, API tokens, memberships
  Invitations invitations;         // staff invitations (issue H)
  Bookings bookings;               // slots, book, reschedule, cancel, complete, no-show, booking reads
  Branding branding;               // the clinic's public face
  Catalog catalog;                 // business settings, catalogue reads, provider schedules
  Links links;                     // consumer capability links
  Messages messages;               // notifications: per booking, policy, templates, gateway reports
  Rooms rooms;                     // who may join a room now, who may host; chat history
  Staff staff;                     // memberships, providers, services
  Notes notes;                     // staff-only notes on bookings
  AuditLog audit;                  // the audit log with names, filtered and paged
  AccountNotices account_notices;  // mail to staff accounts: lockout notices
  Insights insights;               // the manager's numbers over a period

  // Calendars (issue I): subscription feeds; a provider's external busy calendars.
  CalendarFeeds feeds;
  ExternalCalendars external_calendars;
  // Rooms for appointments booked elsewhere (issue I); after `links`, whose settings it reads.
  ExternalRooms external_rooms;
  // Readiness (a trivial query succeeds) and the server's own settings.
  store::SettingsStore& settings;
};

}  // namespace visitd::service
