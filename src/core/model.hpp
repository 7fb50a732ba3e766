#pragma once
// The domain's nouns. Plain values: no I/O, no JSON, no SQL, no text spellings of the
// enumerations (the wire's are in wire/names.hpp, each store keeps its columns'). Ids are opaque strings
// minted by the store (random, never sequential, never guessable).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace visitd::core {

using Id = std::string;

// ---- business and staff ----------------------------------------------------

struct BookingRules {
  int cancel_cutoff_hours = 24;                            // consumer may cancel until start - cutoff
  int reschedule_cutoff_hours = 24;                        // consumer may reschedule until start - cutoff
  std::vector<int> reminder_offsets_minutes = {1440, 60};  // used by notifications (issue B)
  friend bool operator==(const BookingRules&, const BookingRules&) = default;
};

struct Business {
  Id id;
  std::string slug;  // [a-z0-9-]{2,64}, unique
  std::string name;
  std::string zone;  // IANA name
  BookingRules rules;
};

enum class Role { owner, manager, provider };
// owner > manager > provider
bool role_at_least(Role have, Role need);

struct User {
  Id id;
  std::string email;  // lower-cased, unique
  std::string name;
};

struct Membership {
  Id business_id;
  Id user_id;
  Role role;
};

// ---- providers and their time ----------------------------------------------

struct TimeRange {  // wall clock in the provider's zone, [start, end)
  MinuteOfDay start = 0;
  MinuteOfDay end = 0;
  friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// Index 0 = Monday ... 6 = Sunday; each day may hold several ranges.
using WeeklyHours = std::array<std::vector<TimeRange>, 7>;

struct DateOverride {  // replaces the weekly hours on one local date; no ranges = closed
  Id id;
  LocalDate date;
  std::vector<TimeRange> ranges;
};

struct TimeOff {  // an instant range, e.g. a holiday defined in another zone
  Id id;
  Interval span;
  std::string reason;
};

struct Provider {
  Id id;
  Id business_id;
  std::string name;
  std::string zone;           // IANA
  std::optional<Id> user_id;  // linked staff login, if any
  WeeklyHours weekly;
  std::vector<DateOverride> overrides;
  std::vector<TimeOff> time_off;
};

// ---- services --------------------------------------------------------------

enum class QuestionKind { short_text, long_text, single_choice };

struct Question {
  std::string key;  // stable key answers refer to, [a-z0-9_]{1,40}
  std::string label;
  QuestionKind kind = QuestionKind::short_text;
  bool required = false;
  std::vector<std::string> choices;  // single_choice only
};

struct Service {
  Id id;
  Id business_id;
  std::string name;
  int duration_minutes = 30;
  int buffer_before_minutes = 0;
  int buffer_after_minutes = 0;
  int min_notice_minutes = 0;
  int booking_window_days = 60;
  int slot_interval_minutes = 30;
  int max_per_day = 0;  // per provider per provider-local day; 0 = unlimited
  // The appointment room (issue C): open this long before the start until this long after
  // the end; auto_admit skips the lobby for the consumer.
  int room_open_before_minutes = 15;
  int room_close_after_minutes = 30;
  bool room_auto_admit = false;
  std::vector<Id> provider_ids;
  std::vector<Question> questions;
};

// ---- bookings --------------------------------------------------------------

enum class BookingStatus { confirmed, cancelled, completed, no_show };

struct Consumer {
  std::string name;
  std::string email;
  std::string phone;  // may be empty
  std::string zone;   // IANA, for display in messages
};

struct Answer {
  std::string key;
  std::string value;
};

struct BookingChange {  // history of a booking's times and transitions
  Instant at;
  std::string action;  // "created", "rescheduled", "cancelled", "completed", "no_show"
  std::string actor;   // "consumer" or "user:<id>"
  Interval from;       // previous times (== to for non-reschedules)
  Interval to;
  std::string reason;
};

struct Booking {
  Id id;
  Id business_id;
  Id service_id;
  Id provider_id;
  Interval time;   // the appointment itself
  Interval block;  // time padded with the service's buffers; what collides
  BookingStatus status = BookingStatus::confirmed;
  Consumer consumer;
  std::vector<Answer> answers;
  std::string cancel_reason;
  int capability_version = 1;  // bumped to revoke previously issued links
  Instant created_at;
  std::vector<BookingChange> history;
};

// ---- audit -----------------------------------------------------------------

struct AuditEntry {
  Id id;
  Id business_id;
  Instant at;
  std::string actor;   // "user:<id>", "token:<id>", "consumer", "system"
  std::string action;  // e.g. "service.update", "booking.cancel"
  std::string target;  // e.g. "service:<id>"
  std::string detail;  // short JSON or text, never secrets
};

}  // namespace visitd::core
