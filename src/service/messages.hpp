#pragma once
// Use cases of notifications as staff and gateways touch them: a booking's planned and sent
// messages and a resend; the business's and each service's notification policy
// (core::validate_policy); the editable templates; what an SMS gateway reports back
// (delivery receipts, STOP/START opt-outs); the demo outbox. Sending itself is src/notify's.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/reminder_plan.hpp"
#include "service/ports.hpp"

namespace visitd::service {

struct BookingMessages {
  std::vector<store::OutboxMessage> items;
  std::optional<core::Instant> sms_consent_at;    // when the consumer agreed to SMS
  std::optional<core::Instant> sms_opted_out_at;  // when their number sent STOP
};

class Messages {
 public:
  explicit Messages(store::OutboxStore& outbox) : outbox_(outbox) {}
  explicit Messages(const Ports& p) : Messages(p.store.outbox) {}

  [[nodiscard]] BookingMessages of_booking(const core::Booking& b) const;
  // not_found: no such message of the booking; the copy is planned now.
  [[nodiscard]] core::Result<store::OutboxMessage> resend(const core::Id& booking_id, const core::Id& message_id,
                                                          const store::Actor& by) const;

  // The effective policy (a service's override, else the business's).
  [[nodiscard]] store::PolicyRecord policy(const core::Id& business_id,
                                           const std::optional<core::Id>& service_id) const;
  // invalid naming the field (core::validate_policy); nullopt removes a service's override.
  [[nodiscard]] core::Status put_policy(const core::Id& business_id, const std::optional<core::Id>& service_id,
                                        const std::optional<core::NotificationPolicy>& p, const store::Actor& by) const;

  [[nodiscard]] std::vector<store::MessageTemplate> templates(const core::Id& business_id) const;
  // invalid naming each part ("subject", "textBody", "htmlBody") the Mustache engine cannot
  // parse.
  [[nodiscard]] core::Status put_template(const core::Id& business_id, const store::MessageTemplate& t,
                                          const store::Actor& by) const;
  [[nodiscard]] core::Status delete_template(const core::Id& business_id, core::MessageKind kind, core::Channel channel,
                                             const store::Actor& by) const;

  // The gateway's word on a message it carries (`carrier_id`): delivered or failed.
  [[nodiscard]] core::Status record_delivery(const std::string& carrier_id, bool delivered,
                                             const std::string& error) const;
  // STOP (true) / START (false) from a number in E.164.
  void set_sms_opt_out(const std::string& e164, bool opted_out) const;
  // Demo mode: the newest captured messages.
  [[nodiscard]] std::vector<store::CapturedMessage> captured(int limit) const;

 private:
  store::OutboxStore& outbox_;
};

}  // namespace visitd::service
