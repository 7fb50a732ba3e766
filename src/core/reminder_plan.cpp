#include "core/reminder_plan.hpp"

#include <algorithm>
#include <set>

namespace visitd::core {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(std::string_view s, const std::pair<E, const char*> (&table)[N]) {
  for (const auto& [e, name] : table)
    if (s == name) return e;
  return std::nullopt;
}

constexpr std::pair<MessageKind, const char*> kKinds[] = {{MessageKind::confirmation, "confirmation"},
                                                          {MessageKind::reschedule, "reschedule"},
                                                          {MessageKind::cancellation, "cancellation"},
                                                          {MessageKind::reminder, "reminder"}};
constexpr std::pair<Channel, const char*> kChannels[] = {{Channel::email, "email"}, {Channel::sms, "sms"}};
constexpr std::pair<Recipient, const char*> kRecipients[] = {{Recipient::consumer, "consumer"},
                                                             {Recipient::provider, "provider"}};

bool reachable(const PlanInput& in, const Route& r) {
  if (r.to == Recipient::provider) return r.channel == Channel::email;
  return r.channel == Channel::email ? in.consumer_has_email : in.consumer_sms_allowed;
}

}  // namespace

const char* to_string(MessageKind k) { return kKinds[static_cast<int>(k)].second; }
const char* to_string(Channel c) { return kChannels[static_cast<int>(c)].second; }
const char* to_string(Recipient r) { return kRecipients[static_cast<int>(r)].second; }
std::optional<MessageKind> message_kind_from_string(std::string_view s) { return lookup(s, kKinds); }
std::optional<Channel> channel_from_string(std::string_view s) { return lookup(s, kChannels); }
std::optional<Recipient> recipient_from_string(std::string_view s) { return lookup(s, kRecipients); }

std::string routes_text(const std::vector<Route>& routes) {
  std::string out;
  for (const auto& r : routes) {
    if (!out.empty()) out += ',';
    out += to_string(r.to);
    out += ':';
    out += to_string(r.channel);
  }
  return out;
}

std::optional<std::vector<Route>> routes_from_text(std::string_view text) {
  std::vector<Route> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto to = recipient_from_string(item.substr(0, colon));
    auto channel = channel_from_string(item.substr(colon + 1));
    if (!to || !channel) return std::nullopt;
    Route r{*to, *channel};
    if (std::find(out.begin(), out.end(), r) != out.end()) return std::nullopt;
    out.push_back(r);
  }
  return out;
}

Status validate_policy(const NotificationPolicy& p) {
  if (p.reminder_offsets_minutes.size() > kMaxReminderOffsets)
    return Error::invalid("reminderOffsetsMinutes", "at most " + std::to_string(kMaxReminderOffsets) + " offsets");
  std::set<int> seen;
  for (std::size_t i = 0; i < p.reminder_offsets_minutes.size(); ++i) {
    const int m = p.reminder_offsets_minutes[i];
    const std::string field = "reminderOffsetsMinutes[" + std::to_string(i) + "]";
    if (m < 1 || m > kMaxReminderOffsetMinutes)
      return Error::invalid(field, "must be from 1 to " + std::to_string(kMaxReminderOffsetMinutes));
    if (!seen.insert(m).second) return Error::invalid(field, "is listed twice");
  }
  return ok_status();
}

std::vector<PlannedMessage> plan_messages(const PlanInput& in) {
  std::vector<PlannedMessage> out;
  const NotificationPolicy& p = in.policy;
  const std::vector<Route>* notice = nullptr;
  MessageKind kind = MessageKind::confirmation;
  switch (in.event) {
    case BookingEvent::created:
      notice = &p.confirmation;
      kind = MessageKind::confirmation;
      break;
    case BookingEvent::rescheduled:
      notice = &p.reschedule;
      kind = MessageKind::reschedule;
      break;
    case BookingEvent::cancelled:
      notice = &p.cancellation;
      kind = MessageKind::cancellation;
      break;
  }
  const bool moved_provider = in.event == BookingEvent::rescheduled && !in.previous_provider_id.empty() &&
                              in.previous_provider_id != in.provider_id;
  for (const auto& r : *notice) {
    if (!reachable(in, r)) continue;
    PlannedMessage m{kind, r.channel, r.to, in.now, 0, in.sequence, {}, false, false};
    if (r.to == Recipient::provider) m.provider_id = in.provider_id;
    if (in.event == BookingEvent::rescheduled) {
      m.time_changed = in.time_changed;
      m.provider_changed = moved_provider;
    }
    if (moved_provider && r.to == Recipient::provider) {
      // The old provider's calendar entry goes; the new provider is told of a new appointment.
      PlannedMessage gone = m;
      gone.kind = MessageKind::cancellation;
      gone.provider_id = in.previous_provider_id;
      out.push_back(gone);
      m.kind = MessageKind::confirmation;
      m.time_changed = m.provider_changed = false;
    }
    out.push_back(m);
  }
  if (in.event == BookingEvent::cancelled) return out;

  std::vector<int> offsets = p.reminder_offsets_minutes;
  std::sort(offsets.begin(), offsets.end(), std::greater<>());  // earliest reminder first
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  for (int offset : offsets) {
    const Instant due = in.time.begin - Minutes{offset};
    if (due <= in.now || in.time.begin <= in.now) continue;
    for (const auto& r : p.reminder) {
      if (!reachable(in, r)) continue;
      PlannedMessage m{MessageKind::reminder, r.channel, r.to, due, offset, in.sequence, {}, false, false};
      if (r.to == Recipient::provider) m.provider_id = in.provider_id;
      out.push_back(m);
    }
  }
  return out;
}

bool reminder_overtaken(Instant due_at, Channel channel, Recipient recipient, const std::vector<SentBefore>& others,
                        Instant now) {
  return std::any_of(others.begin(), others.end(), [&](const SentBefore& o) {
    return o.kind == MessageKind::reminder && o.channel == channel && o.recipient == recipient &&
           (o.pending || o.sent) && o.due_at > due_at && o.due_at <= now;
  });
}

bool recipient_was_told(Channel channel, Recipient recipient, const Id& provider_id,
                        const std::vector<SentBefore>& others) {
  return std::any_of(others.begin(), others.end(), [&](const SentBefore& o) {
    return o.sent && (o.kind == MessageKind::confirmation || o.kind == MessageKind::reschedule) &&
           o.channel == channel && o.recipient == recipient &&
           (recipient == Recipient::consumer || o.provider_id.empty() || provider_id.empty() ||
            o.provider_id == provider_id);
  });
}

std::vector<PlannedMessage> plan_links_notice(bool consumer_has_email, bool consumer_sms_allowed, Instant now,
                                              int sequence) {
  std::vector<PlannedMessage> out;
  auto notice = [&](Channel channel) {
    PlannedMessage m;
    m.kind = MessageKind::confirmation;
    m.channel = channel;
    m.recipient = Recipient::consumer;
    m.due_at = now;
    m.sequence = sequence;
    out.push_back(m);
  };
  if (consumer_has_email) notice(Channel::email);
  if (consumer_sms_allowed) notice(Channel::sms);
  return out;
}

}  // namespace visitd::core
