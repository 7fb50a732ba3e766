#pragma once
// Lifetime of a consumer's capability links. A link names a booking, not a deadline: it is
// valid until the booking's *current* end plus a grace (manage: days, join: minutes), decided
// when the link is used, so a reschedule moves the deadline and a revocation (bumped
// capability_version) ends it. A link may also carry its own "not after" (a hard cap, e.g.
// for a link handed out for a short time); the links visitd sends carry none.
#include <chrono>
#include <optional>

#include "core/model.hpp"

namespace visitd::core {

// participant: the join link of one participant of an external room (core/external_room);
// its id names the participant, not a booking.
enum class LinkKind { manage, join, participant };

struct LinkLifetimes {
  std::chrono::days manage_after_end{30};  // manage link valid until end + this
  Minutes join_after_end{30};              // join link valid until end + this
};

// end + the kind's grace.
Instant link_deadline(LinkKind kind, const Booking& b, const LinkLifetimes& lifetimes);

// ok while `link_version` is the booking's capability_version, now < link_deadline and
// now < not_after (when set). Refusals, in this order:
// - not_found for a version the booking never had (say nothing about the booking);
// - gone, type "link-expired", after either deadline (whatever happened to the booking);
// - gone, type "booking-cancelled", for any link the booking ever had once it is cancelled
//   (a cancellation raises the version: the link shows only that the booking was cancelled);
// - gone, type "link-revoked", for an older version (a reschedule or a reissue replaced it).
Status check_link(LinkKind kind, const Booking& b, int link_version, const LinkLifetimes& lifetimes, Instant now,
                  std::optional<Instant> not_after = std::nullopt);

// Whether staff may reissue a booking's links (raise its capability version and send the
// new ones): policy error for a cancelled booking, whose links only say "cancelled".
Status check_reissue(const Booking& b);

}  // namespace visitd::core
