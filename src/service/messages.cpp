#include "service/messages.hpp"

#include <kainjow/mustache.hpp>

namespace visitd::service {

BookingMessages Messages::of_booking(const core::Booking& b) const {
  BookingMessages out;
  out.items = outbox_.booking_messages(b.id);
  out.sms_consent_at = outbox_.sms_consent_at(b.id);
  if (!b.consumer.phone.empty()) out.sms_opted_out_at = outbox_.sms_opted_out_at(b.consumer.phone);
  return out;
}

core::Result<store::OutboxMessage> Messages::resend(const core::Id& booking_id, const core::Id& message_id,
                                                    const store::Actor& by) const {
  return outbox_.resend_message(booking_id, message_id, by);
}

store::PolicyRecord Messages::policy(const core::Id& business_id, const std::optional<core::Id>& service_id) const {
  return outbox_.notification_policy(business_id, service_id);
}

core::Status Messages::put_policy(const core::Id& business_id, const std::optional<core::Id>& service_id,
                                  const std::optional<core::NotificationPolicy>& p, const store::Actor& by) const {
  if (p) {
    if (auto ok = core::validate_policy(*p); !ok) return ok.error();
  }
  return outbox_.put_notification_policy(business_id, service_id, p, by);
}

std::vector<store::MessageTemplate> Messages::templates(const core::Id& business_id) const {
  return outbox_.message_templates(business_id);
}

core::Status Messages::put_template(const core::Id& business_id, const store::MessageTemplate& t,
                                    const store::Actor& by) const {
  // Refuse what the sending engine (kainjow's Mustache, as notify/templates renders with)
  // cannot parse now, rather than failing every send later.
  std::vector<core::FieldError> errors;
  for (auto [field, text] :
       {std::pair{"subject", &t.subject}, {"textBody", &t.text_body}, {"htmlBody", &t.html_body}}) {
    kainjow::mustache::mustache m{*text};
    if (!m.is_valid()) errors.push_back({field, "is not a valid Mustache template: " + m.error_message()});
  }
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));
  return outbox_.put_message_template(business_id, t, by);
}

core::Status Messages::delete_template(const core::Id& business_id, core::MessageKind kind, core::Channel channel,
                                       const store::Actor& by) const {
  return outbox_.delete_message_template(business_id, kind, channel, by);
}

core::Status Messages::record_delivery(const std::string& carrier_id, bool delivered, const std::string& error) const {
  return outbox_.record_delivery(carrier_id, delivered, error);
}

void Messages::set_sms_opt_out(const std::string& e164, bool opted_out) const {
  outbox_.set_sms_opt_out(e164, opted_out);
}

std::vector<store::CapturedMessage> Messages::captured(int limit) const { return outbox_.captured_messages(limit); }

}  // namespace visitd::service
