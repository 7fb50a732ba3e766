#include "core/reminder_plan.hpp"

#include <algorithm>
#include <set>

namespace visitd::core {
namespace {

bool reachable(const PlanInput& in, const Route& r) {
  if (r.to == Recipient::provider) return r.channel == Channel::email;
  return r.channel == Channel::email ? in.consumer_has_email : in.consumer_sms_allowed;
}

}  // namespace

namespace {

// A notice's routes: each (recipient, channel) at most once, and SMS only to consumers (a
// provider's record has no phone).
void check_routes(const std::vector<Route>& routes, const std::string& field, std::vector<FieldError>& errors) {
  if (routes.size() > kMaxRoutesPerNotice) {
    errors.push_back({field, "at most " + std::to_string(kMaxRoutesPerNotice) + " routes"});
    return;
  }
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    if (routes[i].to == Recipient::provider && routes[i].channel == Channel::sms) {
      errors.push_back({item, "providers have no phone on record: SMS goes to consumers only"});
    } else if (std::find(routes.begin(), routes.begin() + static_cast<std::ptrdiff_t>(i), routes[i]) !=
               routes.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.push_back({item, "is listed twice"});
    }
  }
}

}  // namespace

Status validate_policy(const NotificationPolicy& p) {
  std::vector<FieldError> errors;
  check_routes(p.confirmation, "confirmation", errors);
  check_routes(p.reschedule, "reschedule", errors);
  check_routes(p.cancellation, "cancellation", errors);
  check_routes(p.reminder, "reminder", errors);
  if (p.reminder_offsets_minutes.size() > kMaxReminderOffsets) {
    errors.push_back({"reminderOffsetsMinutes", "at most " + std::to_string(kMaxReminderOffsets) + " offsets"});
  } else {
    std::set<int> seen;
    for (std::size_t i = 0; i < p.reminder_offsets_minutes.size(); ++i) {
      const int m = p.reminder_offsets_minutes[i];
      const std::string field = "reminderOffsetsMinutes[" + std::to_string(i) + "]";
      if (m < 1 || m > kMaxReminderOffsetMinutes) {
        errors.push_back({field, "must be from 1 to " + std::to_string(kMaxReminderOffsetMinutes)});
      } else if (!seen.insert(m).second) {
        errors.push_back({field, "is listed twice"});
      }
    }
  }
  if (!errors.empty()) return Error::invalid_fields(std::move(errors));
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
