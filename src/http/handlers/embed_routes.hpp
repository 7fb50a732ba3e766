#pragma once
// Embeds (issue I): GET/PUT /api/v1/businesses/{businessId}/embed (managers) and the CSP
// frame-ancestors value of each web page.
#include <string>

#include "http/context.hpp"
#include "http/router.hpp"

namespace visitd::http {

void register_embed_routes(Router& r, ApiContext& ctx);

// The frame-ancestors source list for the web page at `path` (a percent-decoded URL path):
// the business's allowlist for its booking pages (/b/{slug}, /b/{slug}/booked/{token}) and
// a booking's manage page (/manage/{token}, a valid link only); "'none'" for every other
// page (staff pages, join pages, unknown businesses). Reads the store: call on a worker.
std::string page_frame_ancestors(ApiContext& ctx, const std::string& path);

}  // namespace visitd::http
