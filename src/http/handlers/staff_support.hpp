#pragma once
// Shared plumbing for the staff API under /api/v1/businesses/{businessId}: the role gate
// every route passes through, query-parameter parsing that
// names the bad parameter, and the per-resource registration functions.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/invitation.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "http/auth.hpp"
#include "http/context.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "store/store.hpp"

namespace visitd::http::staff {

// "/api/v1/businesses/{businessId}" + suffix.
std::string route(std::string_view suffix);

using StaffHandler = Response (*)(ApiContext&, Request&, const BusinessAccess&);
// Every staff route: authorize() with the minimum role first, then the handler.
Handler gated(ApiContext& ctx, core::Role need, StaffHandler handler);

inline store::Actor actor_of(const BusinessAccess& a) { return store::Actor{a.caller.actor}; }

Response fail(const core::Error& e);
Response forbidden(std::string detail);
Response not_found(std::string detail);
Response no_content();

// The request body as an object. With `optional_body`, an empty body reads as {} (action
// POSTs such as cancel take an optional reason).
core::Result<boost::json::object> body_object(const Request& req, bool optional_body = false);

// Query parameters; a bad value is a 400 naming the parameter.
core::Result<int> int_param(const Request& req, std::string_view name, int min, int max, int fallback);
core::Result<std::optional<core::Instant>> instant_param(const Request& req, std::string_view name);
// ?timeZone= (IANA) for displaying instants; defaults to the business zone.
core::Result<core::Zone> display_zone(const Request& req, const core::Business& business);

// Zone for formatting a provider's instants; falls back to UTC for a corrupt name.
using core::zone_or_utc;  // the one fallback (core/time)

// Wire shapes this family owns (the json_io codecs cover the rest).
boost::json::object override_to_json(const core::DateOverride& o);
boost::json::object time_off_to_json(const core::TimeOff& t, const core::Zone& zone);
boost::json::object member_to_json(const store::StaffMember& m);
boost::json::object token_to_json(const store::ApiToken& t);
// {id, email, role, status (pending|expired|accepted|revoked), createdAt, expiresAt} (issue H).
boost::json::object invitation_to_json(const core::Invitation& i, core::Instant now);

// One registration function per resource (each in its own staff_<resource>.cpp).
void register_business(Router& r, ApiContext& ctx);
void register_providers(Router& r, ApiContext& ctx);
void register_schedule(Router& r, ApiContext& ctx);
void register_services(Router& r, ApiContext& ctx);
void register_members(Router& r, ApiContext& ctx);
void register_tokens(Router& r, ApiContext& ctx);
void register_bookings(Router& r, ApiContext& ctx);
void register_audit(Router& r, ApiContext& ctx);
void register_messages(Router& r, ApiContext& ctx);          // staff_messages.cpp (notifications)
void register_video(Router& r, ApiContext& ctx);             // staff_video.cpp (ICE servers, relay warning)
void register_notes(Router& r, ApiContext& ctx);             // staff_notes.cpp (private booking notes)
void register_template_preview(Router& r, ApiContext& ctx);  // staff_template_preview.cpp
void register_calendars(Router& r, ApiContext& ctx);         // staff_calendars.cpp (feeds, external calendars; issue I)
void register_insights(Router& r, ApiContext& ctx);          // staff_insights.cpp (manager's numbers, CSV)
void register_invitations(Router& r, ApiContext& ctx);       // staff_invitations.cpp (issue H)
void register_rooms(Router& r, ApiContext& ctx);             // staff_rooms.cpp (rooms booked elsewhere; issue I)

}  // namespace visitd::http::staff
