#pragma once
// Turning rows into domain values (and back) for the PostgreSQL store: the enum and date
// spellings used in columns, and the loaders several operations share. All run inside
// the caller's transaction on the caller's connection.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "store/postgres/statement.hpp"

namespace visitd::store::postgres {

// Column spellings, owned by the schema (snake_case), independent of the wire's.
const char* role_text(core::Role r);
const char* status_text(core::BookingStatus s);  // also the history action of a transition
const char* question_kind_text(core::QuestionKind k);
// Reading them back. A value that does not parse means a damaged row: PgError(CORRUPT).
core::Role role_column(const std::string& text);
core::BookingStatus status_column(const std::string& text);
core::QuestionKind question_kind_column(const std::string& text);
core::LocalDate date_column(const std::string& text);
std::string reminder_offsets_text(const std::vector<int>& minutes);
std::vector<int> reminder_offsets_column(const std::string& text);
std::string lower_ascii(std::string s);

std::optional<core::Business> load_business_by_id(PGconn* db, const core::Id& id);
std::optional<core::Business> load_business_by_slug(PGconn* db, const std::string& slug);
// Live (not deleted) providers and services only.
std::optional<core::Provider> load_provider(PGconn* db, const core::Id& business_id, const core::Id& provider_id);
std::optional<core::Service> load_service(PGconn* db, const core::Id& business_id, const core::Id& service_id);
// A booking's own columns, in the order booking_row() reads them (prefix "SELECT ... FROM bookings ").
inline constexpr const char* kBookingSelect =
    "SELECT id, business_id, service_id, provider_id, start_at, end_at, block_start, block_end, status, "
    "consumer_name, consumer_email, consumer_phone, consumer_zone, cancel_reason, capability_version, "
    "created_at FROM bookings ";
core::Booking booking_row(Statement& q);
void load_booking_details(PGconn* db, core::Booking& b);  // answers and history
// Any booking, with answers and history.
std::optional<core::Booking> load_booking(PGconn* db, const core::Id& booking_id);

}  // namespace visitd::store::postgres
