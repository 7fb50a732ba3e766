#pragma once
// Which messages a booking change owes, to whom, on which channel and when: the pure half
// of the outbox. The store writes what this returns in the same transaction as the change;
// the notify worker sends it. No I/O: `now` and everything else come in as values.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace visitd::core {

enum class MessageKind { confirmation, reschedule, cancellation, reminder };
enum class Channel { email, sms };
enum class Recipient { consumer, provider };

const char* to_string(MessageKind k);
const char* to_string(Channel c);
const char* to_string(Recipient r);
std::optional<MessageKind> message_kind_from_string(std::string_view s);
std::optional<Channel> channel_from_string(std::string_view s);
std::optional<Recipient> recipient_from_string(std::string_view s);

struct Route {
  Recipient to = Recipient::consumer;
  Channel channel = Channel::email;
  friend bool operator==(const Route&, const Route&) = default;
};

inline constexpr int kMaxReminderOffsetMinutes = 60 * 24 * 30;
inline constexpr std::size_t kMaxReminderOffsets = 10;

// Per business, overridable per service. Reminder offsets are minutes before the start.
struct NotificationPolicy {
  std::vector<Route> confirmation = {{Recipient::consumer, Channel::email},
                                     {Recipient::consumer, Channel::sms},
                                     {Recipient::provider, Channel::email}};
  std::vector<Route> reschedule = confirmation;
  std::vector<Route> cancellation = confirmation;
  std::vector<Route> reminder = {{Recipient::consumer, Channel::email}, {Recipient::consumer, Channel::sms}};
  std::vector<int> reminder_offsets_minutes = {1440, 60};
  friend bool operator==(const NotificationPolicy&, const NotificationPolicy&) = default;
};

// "consumer:email,provider:email" and back; nullopt on any unknown word or duplicate.
std::string routes_text(const std::vector<Route>& routes);
std::optional<std::vector<Route>> routes_from_text(std::string_view text);
// Offsets must be 1..kMaxReminderOffsetMinutes, at most kMaxReminderOffsets, no duplicates.
Status validate_policy(const NotificationPolicy& p);

enum class BookingEvent { created, rescheduled, cancelled };

struct PlanInput {
  BookingEvent event = BookingEvent::created;
  Interval time;  // the booking's (new) time
  bool consumer_has_email = true;
  bool consumer_sms_allowed = false;  // a phone number and explicit consent
  int sequence = 0;                   // iCalendar SEQUENCE after this change
  Instant now;
  NotificationPolicy policy;
};

struct PlannedMessage {
  MessageKind kind = MessageKind::confirmation;
  Channel channel = Channel::email;
  Recipient recipient = Recipient::consumer;
  Instant due_at;
  int offset_minutes = 0;  // reminders only
  int sequence = 0;
  friend bool operator==(const PlannedMessage&, const PlannedMessage&) = default;
};

// The messages owed by one change. Notices (confirmation, reschedule, cancellation) are due
// now; reminders at start - offset, skipped when that moment has already passed at planning
// (the notice just sent covers it) or the appointment has begun. Routes the consumer cannot
// receive (no consent or no phone for SMS) are left out; provider SMS is never planned
// (providers have no phone on record). Reminders are planned only by created/rescheduled;
// the store withdraws a booking's pending messages before writing a new plan.
std::vector<PlannedMessage> plan_messages(const PlanInput& in);

}  // namespace visitd::core
