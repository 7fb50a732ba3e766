#include "core/booking_policy.hpp"

#include <algorithm>

namespace visitd::core {

namespace {

bool is_final(BookingStatus s) { return s != BookingStatus::confirmed; }

Error policy(std::string detail) { return Error::make(ErrorCode::policy, std::move(detail)); }

const char* human(BookingStatus s) {
  switch (s) {
    case BookingStatus::confirmed:
      return "confirmed";
    case BookingStatus::cancelled:
      return "cancelled";
    case BookingStatus::completed:
      return "completed";
    case BookingStatus::no_show:
      return "a no-show";
  }
  return "final";
}

std::string already(const Booking& b) { return std::string("booking is already ") + human(b.status); }

std::string hours_text(int hours) { return std::to_string(hours) + (hours == 1 ? " hour" : " hours"); }

// Shared by cancel and reschedule: only a confirmed, not yet started booking moves, and a
// consumer must act before start - cutoff.
Status check_change(const Booking& b, int cutoff_hours, Actor actor, Instant now, const char* what) {
  if (is_final(b.status)) return policy(already(b));
  if (now >= b.time.begin) return policy(std::string(what) + " is not possible after the appointment started");
  if (actor == Actor::consumer) {
    if (now >= consumer_deadline(b, cutoff_hours))
      return policy(std::string(what) + " closed " + hours_text(cutoff_hours) + " before the start");
  }
  return ok_status();
}

}  // namespace

Status check_status_change(BookingStatus from, BookingStatus to) {
  if (is_final(from)) return policy(std::string("booking is already ") + human(from));
  if (to == BookingStatus::confirmed) return policy("booking is already confirmed");
  return ok_status();
}

Status check_movable(BookingStatus current) {
  if (is_final(current)) {
    const std::string what = current == BookingStatus::no_show ? "no-show" : human(current);
    return policy("a " + what + " booking cannot be rescheduled");
  }
  return ok_status();
}

Status check_transition(const Booking& b, BookingStatus to, Instant now) {
  if (auto s = check_status_change(b.status, to); !s) return s;
  switch (to) {
    case BookingStatus::confirmed:
      return policy("booking is already confirmed");
    case BookingStatus::cancelled:
      return ok_status();
    case BookingStatus::completed:
    case BookingStatus::no_show:
      if (now < b.time.begin)
        return policy(std::string("a booking can be marked ") + human(to) + " only once the appointment started");
      return ok_status();
  }
  return policy("unknown transition");
}

Status check_cancel(const Booking& b, const BookingRules& rules, Actor actor, Instant now) {
  return check_change(b, rules.cancel_cutoff_hours, actor, now, "cancellation");
}

Status check_reschedule(const Booking& b, const BookingRules& rules, Actor actor, Instant now) {
  return check_change(b, rules.reschedule_cutoff_hours, actor, now, "rescheduling");
}

Instant consumer_deadline(const Booking& b, int cutoff_hours) {
  return b.time.begin - std::chrono::hours{std::max(cutoff_hours, 0)};
}

Interval padded_block(Interval time, const Service& service) {
  return {time.begin - Minutes{service.buffer_before_minutes}, time.end + Minutes{service.buffer_after_minutes}};
}

}  // namespace visitd::core
