#pragma once
// The loaders several PostgreSQL store operations share: a record with the rows it owns (a
// provider's hours, overrides and time off; a service's providers and questions; a booking's
// answers and history). Rows become domain values through the backend-neutral mapping in
// store/rows.hpp. All run inside the caller's transaction on the caller's connection.
#include <optional>
#include <string>

#include "core/model.hpp"
#include "store/postgres/statement.hpp"
#include "store/rows.hpp"

namespace visitd::store::postgres {

std::optional<core::Business> load_business_by_id(PGconn* db, const core::Id& id);
std::optional<core::Business> load_business_by_slug(PGconn* db, const std::string& slug);
// Live (not deleted) providers and services only.
std::optional<core::Provider> load_provider(PGconn* db, const core::Id& business_id, const core::Id& provider_id);
std::optional<core::Service> load_service(PGconn* db, const core::Id& business_id, const core::Id& service_id);
void load_booking_details(PGconn* db, core::Booking& b);  // answers and history
// Any booking, with answers and history.
std::optional<core::Booking> load_booking(PGconn* db, const core::Id& booking_id);

}  // namespace visitd::store::postgres
