#pragma once
// Plumbing shared by the consumer-facing routes (public booking by slug, manage by
// capability link): rate limiting, slot ranges from the query string, and the slot and
// booking wire shapes.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/slot_engine.hpp"
#include "http/context.hpp"
#include "http/message.hpp"

namespace visitd::http::consumer {

// A 429 problem with Retry-After when `key` has used its budget, nullopt when allowed.
std::optional<Response> rate_limited(ApiContext& ctx, RateLimiter& limiter, const std::string& key);

// ?from=YYYY-MM-DD&to=YYYY-MM-DD&timeZone=IANA: inclusive local dates in that zone, to >=
// from, at most core::kMaxQueryDays days. Bad parameters are appended to `errors`.
struct SlotWindow {
  core::Interval range;  // [from 00:00, to + 1 day 00:00) in the zone
  core::Zone zone;
};
std::optional<SlotWindow> read_slot_window(const Request& req, std::vector<core::FieldError>& errors);

boost::json::object slot_to_json(const core::Slot& s, const core::Zone& display);
// {timeZone, days:[{date, slots:[...]}]}: days without slots are omitted.
boost::json::object slots_answer(const std::vector<core::Slot>& slots, const core::Zone& display);

using core::zone_or_utc;  // the one fallback (core/time)

// {booking, manageUrl, joinUrl} with times in the consumer's zone.
boost::json::object booking_with_links(ApiContext& ctx, const core::Booking& b);
// The consumer view of a booking (service and provider by id and name), consumer's zone.
boost::json::object booking_view(ApiContext& ctx, const core::Booking& b);

}  // namespace visitd::http::consumer
