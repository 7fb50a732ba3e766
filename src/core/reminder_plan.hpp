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

struct Route {
  Recipient to = Recipient::consumer;
  Channel channel = Channel::email;
  friend bool operator==(const Route&, const Route&) = default;
};

inline constexpr int kMaxReminderOffsetMinutes = 60 * 24 * 30;
inline constexpr std::size_t kMaxReminderOffsets = 10;
inline constexpr std::size_t kMaxRoutesPerNotice = 4;  // every (recipient, channel) pair once

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

// invalid naming every bad field at once: a notice's route listed twice or an SMS to the
// provider ("confirmation[1]"), more than kMaxRoutesPerNotice routes; offsets outside
// 1..kMaxReminderOffsetMinutes, repeated, or more than kMaxReminderOffsets.
Status validate_policy(const NotificationPolicy& p);

enum class BookingEvent { created, rescheduled, cancelled };

struct PlanInput {
  BookingEvent event = BookingEvent::created;
  Interval time;   // the booking's (new) time
  Id provider_id;  // the booking's (new) provider
  // Reschedules: the provider before the change when staff moved the booking to another
  // provider (empty = same provider), and whether the time moved.
  Id previous_provider_id;
  bool time_changed = true;
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
  Id provider_id;  // provider messages: the provider it goes to (a move notifies the old one too)
  // Reschedule notices: what changed, for the wording.
  bool time_changed = false;
  bool provider_changed = false;
  friend bool operator==(const PlannedMessage&, const PlannedMessage&) = default;
};

// The messages owed by one change. Notices (confirmation, reschedule, cancellation) are due
// now; reminders at start - offset, skipped when that moment has already passed at planning
// (the notice just sent covers it) or the appointment has begun. Routes the consumer cannot
// receive (no consent or no phone for SMS) are left out; provider SMS is never planned
// (providers have no phone on record). Reminders are planned only by created/rescheduled;
// the store withdraws a booking's pending messages before writing a new plan. A reschedule
// to another provider gives the reschedule policy's provider routes a cancellation to the
// previous provider and a confirmation to the new one (each holds their own calendar
// entry); the consumer's notice says what changed.
std::vector<PlannedMessage> plan_messages(const PlanInput& in);

// The notice carrying a booking's reissued links (staff replaced them): the consumer's
// confirmation again, due `now` at iCalendar `sequence`, by e-mail when they have an address
// and by SMS when they may receive it. Staff asked for it, so the notification policy does
// not silence it; nothing goes to the provider.
std::vector<PlannedMessage> plan_links_notice(bool consumer_has_email, bool consumer_sms_allowed, Instant now,
                                              int sequence);

// ---- decisions at send time (the worker asks them of the booking's message history) ----

// One earlier message of the same booking, as the send-time rules see it.
struct SentBefore {
  MessageKind kind = MessageKind::confirmation;
  Channel channel = Channel::email;
  Recipient recipient = Recipient::consumer;
  Id provider_id;  // empty on rows planned before providers were recorded: matches any
  Instant due_at;
  bool sent = false;     // went to the wire (sent_at recorded)
  bool pending = false;  // planned or being sent, not withdrawn or failed
};

// A reminder that came due while visitd was down is overtaken when a later reminder of the
// same booking, channel and recipient is also due by `now` (pending or already sent):
// sending both back to back would only repeat it. Reminders are keyed by due time.
bool reminder_overtaken(Instant due_at, Channel channel, Recipient recipient, const std::vector<SentBefore>& others,
                        Instant now);

// Whether the recipient ever received the appointment on this channel: a confirmation or
// reschedule (the messages that carry the calendar invite) that went to the wire. A cancellation or
// calendar CANCEL for a booking they never heard of is withdrawn; a reschedule of one
// is worded and sent as its first confirmation.
bool recipient_was_told(Channel channel, Recipient recipient, const Id& provider_id,
                        const std::vector<SentBefore>& others);

}  // namespace visitd::core
