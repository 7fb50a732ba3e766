#pragma once
// Lifetime of a consumer's capability links. A link names a booking, not a deadline: it is
// valid until the booking's *current* end plus a grace (manage: days, join: minutes), decided
// when the link is used, so a reschedule moves the deadline and a revocation (bumped
// capability_version) ends it.
#include <chrono>

#include "core/model.hpp"

namespace visitd::core {

enum class LinkKind { manage, join };

struct LinkLifetimes {
  std::chrono::days manage_after_end{30};  // manage link valid until end + this
  Minutes join_after_end{30};              // join link valid until end + this
};

// end + the kind's grace.
Instant link_deadline(LinkKind kind, const Booking& b, const LinkLifetimes& lifetimes);

// ok while `link_version` is the booking's capability_version and now < link_deadline;
// not_found for a revoked link (say nothing about the booking), gone after the deadline.
Status check_link(LinkKind kind, const Booking& b, int link_version, const LinkLifetimes& lifetimes, Instant now);

}  // namespace visitd::core
