#pragma once
// Store role: outgoing notifications. The outbox (planned messages, claimed by senders
// under a lease), notification policy and templates per business/service, SMS consent and
// opt-out, and the demo capture of what would have gone out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reminder_plan.hpp"
#include "store/actor.hpp"

namespace visitd::store {

// no_address: the recipient has no e-mail address or phone number on record. Wire spellings
// ("no-address"): wire/names.hpp; column spellings: each backend's outbox.cpp.
enum class MessageStatus { planned, sending, sent, delivered, failed, withdrawn, suppressed_opt_out, no_address };

struct OutboxMessage {
  Id id;
  Id business_id;
  Id booking_id;
  core::MessageKind kind = core::MessageKind::confirmation;
  core::Channel channel = core::Channel::email;
  core::Recipient recipient = core::Recipient::consumer;
  int offset_minutes = 0;
  int sequence = 0;
  Instant due_at;
  MessageStatus status = MessageStatus::planned;
  int attempts = 0;  // sends tried so far (a claim counts as one)
  Instant next_attempt_at;
  std::string address;     // resolved at send time
  std::string carrier_id;  // gateway sid / Message-ID
  std::string message_id;  // stable across retries: duplicates share it
  std::string last_error;
  std::string error_code;  // the gateway's own code for the last failure (Twilio: "21610"), or empty
  Instant created_at;
  std::optional<Instant> sent_at;
  Instant updated_at;
  Id provider_id;             // provider messages: whom it goes to; empty = the booking's provider
  bool time_changed = false;  // reschedule notices: what changed
  bool provider_changed = false;
};

// What one send attempt came to. planned + retry_at = try again then.
struct SendOutcome {
  MessageStatus status = MessageStatus::sent;
  std::string address;
  std::string carrier_id;
  std::string error;
  std::optional<Instant> retry_at;
  std::string error_code;  // the gateway's own code, kept for staff
};

// The effective policy for a business or one of its services, and whether the service
// has its own (otherwise it inherits the business's).
struct PolicyRecord {
  core::NotificationPolicy policy;
  bool overridden = false;
};

struct MessageTemplate {  // Mustache; empty parts fall back to the defaults
  core::MessageKind kind = core::MessageKind::confirmation;
  core::Channel channel = core::Channel::email;
  std::string subject;
  std::string text_body;
  std::string html_body;
};

struct CapturedMessage {  // demo mode: what would have gone out
  long long seq = 0;
  Id outbox_id;
  core::Channel channel = core::Channel::email;
  std::string address;
  std::string subject;
  std::string body;
  Instant captured_at;
};

class OutboxStore {
 public:
  virtual ~OutboxStore() = default;

  // Claims up to `limit` due messages for `owner` with one UPDATE that sets the lease
  // (owner + expiry) and counts the attempt: planned rows whose next attempt is due, and
  // sending rows whose lease expired (their sender died). Two owners never hold one row.
  virtual std::vector<OutboxMessage> claim_due_messages(const std::string& owner, Instant now, core::Seconds lease,
                                                        int limit) = 0;
  // Records an attempt's outcome; ignored (not_found) when `owner` no longer holds the lease.
  virtual Status record_send_outcome(const Id& message_id, const std::string& owner, const SendOutcome& o) = 0;
  // A carrier's delivery report by its id (SMS status callback). not_found when unknown.
  virtual Status record_delivery(const std::string& carrier_id, bool delivered, const std::string& error) = 0;
  virtual std::vector<OutboxMessage> booking_messages(const Id& booking_id) = 0;
  virtual std::vector<OutboxMessage> recent_messages(int limit) = 0;
  // Plans a copy of a message due now (a new row and Message-ID); audited.
  virtual Result<OutboxMessage> resend_message(const Id& booking_id, const Id& message_id, const Actor& by) = 0;
  virtual std::optional<Instant> sms_consent_at(const Id& booking_id) = 0;
  virtual void set_sms_opt_out(const std::string& e164, bool opted_out) = 0;
  virtual std::optional<Instant> sms_opted_out_at(const std::string& e164) = 0;
  virtual PolicyRecord notification_policy(const Id& business_id, const std::optional<Id>& service_id) = 0;
  // service_id empty = the business policy (its offsets are the business's reminder offsets);
  // for a service, nullopt policy removes its override.
  virtual Status put_notification_policy(const Id& business_id, const std::optional<Id>& service_id,
                                         const std::optional<core::NotificationPolicy>& policy, const Actor& by) = 0;
  virtual std::optional<MessageTemplate> message_template(const Id& business_id, core::MessageKind kind,
                                                          core::Channel channel) = 0;
  virtual std::vector<MessageTemplate> message_templates(const Id& business_id) = 0;
  virtual Status put_message_template(const Id& business_id, const MessageTemplate& t, const Actor& by) = 0;
  virtual Status delete_message_template(const Id& business_id, core::MessageKind kind, core::Channel channel,
                                         const Actor& by) = 0;
  virtual void capture_message(const CapturedMessage& m) = 0;
  virtual std::vector<CapturedMessage> captured_messages(int limit) = 0;
};

}  // namespace visitd::store
