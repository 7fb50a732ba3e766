#pragma once
// The staff list's text search (store::BookingFilter::text), the same SQL on both backends:
// four bound LIKE patterns over the consumer's name, email, phone and the booking's answers,
// ASCII case ignored (SQLite's lower() folds ASCII only, so PostgreSQL is held to the same).
#include <string>
#include <string_view>

namespace visitd::store {

inline constexpr const char* kBookingTextFilter =
    " AND (lower(consumer_name) LIKE ? ESCAPE '!' OR lower(consumer_email) LIKE ? ESCAPE '!'"
    " OR lower(consumer_phone) LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM booking_answers a"
    " WHERE a.booking_id = bookings.id AND lower(a.value) LIKE ? ESCAPE '!'))";
inline constexpr int kBookingTextFilterParams = 4;

// "%<text, ASCII-lowercased, with %, _ and ! escaped by !>%": the bound value of each pattern.
std::string like_contains(std::string_view text);

}  // namespace visitd::store
