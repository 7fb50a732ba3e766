#pragma once
// The webhook endpoints' routes under /api/v1/businesses/{businessId}/webhooks (issue I),
// registered by the composition root with the use case it built (service::Webhooks).
#include "http/context.hpp"
#include "http/router.hpp"
#include "service/webhooks.hpp"

namespace visitd::http {

void register_webhook_routes(Router& r, ApiContext& ctx, service::Webhooks& webhooks);

}  // namespace visitd::http
