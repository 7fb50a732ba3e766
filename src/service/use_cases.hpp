#pragma once
// Every use case over one set of ports: what an entry point (HTTP, the outbox worker, CLI,
// later webhooks) holds to act on visitd. Built once by the composition root.
#include "service/audit.hpp"
#include "service/bookings.hpp"
#include "service/links.hpp"
#include "service/notes.hpp"
#include "service/ports.hpp"
#include "service/rooms.hpp"
#include "service/staff.hpp"

namespace visitd::service {

struct UseCases {
  UseCases(Ports p, LinkSettings link_settings)
      : ports(p), bookings(p), links(p, std::move(link_settings)), rooms(p), staff(p), notes(p), audit(p) {}

  Ports ports;
  Bookings bookings;
  Links links;
  Rooms rooms;
  Staff staff;
  Notes notes;
  AuditLog audit;
};

}  // namespace visitd::service
