#pragma once
// What the application needs from persistence, in domain words. SQLite is the embedded
// default (store/sqlite); PostgreSQL (a later issue) is a second implementation of this
// same interface. Every method is thread-safe; each call is its own transaction unless
// it says otherwise. Ids are minted here (random, opaque).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/reminder_plan.hpp"
#include "core/result.hpp"
#include "core/room_policy.hpp"

namespace visitd::store {

using core::Id;
using core::Instant;
using core::Interval;
using core::Result;
using core::Status;

struct Actor {       // who makes a change, for the audit log
  std::string name;  // "user:<id>", "token:<id>", "consumer", "system"
};

struct StoredUser {
  core::User user;
  std::string password_hash;  // argon2id encoded string; empty = no password login
};

struct Session {
  std::string token_hash;  // sha256 hex of the cookie value; the raw value is never stored
  Id user_id;
  std::string csrf_token;
  Instant expires_at;
};

struct ApiToken {
  Id id;
  Id business_id;
  Id user_id;  // the staff user the token acts as
  std::string name;
  core::Role role;         // never above the creating user's role
  std::string token_hash;  // sha256 hex
  Instant created_at;
  std::optional<Instant> last_used_at;
};

struct StaffMember {
  core::User user;
  core::Role role;
};

struct BookingFilter {
  Id business_id;
  std::optional<Interval> range;  // bookings whose time overlaps it
  std::optional<Id> provider_id;
  std::optional<core::BookingStatus> status;
  int limit = 50;  // 1..200
  int offset = 0;
};

struct BookingPage {
  std::vector<core::Booking> items;
  int total = 0;
};

// A booking to insert atomically. Candidates are tried in order inside one write
// transaction (SQLite: BEGIN IMMEDIATE); the first provider whose padded blocks do not
// collide and whose day limit is not reached gets the booking.
struct BookingCandidate {
  Id provider_id;
  Interval day;  // the provider-local day containing the start, for max_per_day
};

struct NewBooking {
  core::Booking booking;  // id/created_at/provider_id/history filled by the store
  std::vector<BookingCandidate> candidates;
  int max_per_day = 0;  // of this service per provider per day; 0 = unlimited
  // Scoped to the business. When a booking with this key exists, create_booking returns
  // it unchanged instead of inserting (checked inside the same transaction).
  std::optional<std::string> idempotency_key;
  std::string request_fingerprint;             // sha256 of the request body, kept with the key
  std::vector<core::PlannedMessage> messages;  // outbox rows written in the same transaction
  std::optional<Instant> sms_consent_at;       // the consumer agreed to SMS at this time
};

// A move of an existing confirmed booking; the same collision rules, ignoring itself.
struct Reschedule {
  Id booking_id;
  Interval time;
  Interval block;
  Interval day;  // provider-local day of the new start
  int max_per_day = 0;
  std::string reason;
  std::optional<Id> provider_id = {};  // staff may move it to another provider of the service
  // Pending messages of the booking are withdrawn and these written, in the same transaction.
  std::vector<core::PlannedMessage> messages = {};
};

// ---- notifications (outbox) ----
// no_address: the recipient has no e-mail address or phone number on record (wire "no-address").
enum class MessageStatus { planned, sending, sent, delivered, failed, withdrawn, suppressed_opt_out, no_address };
const char* to_string(MessageStatus s);
std::optional<MessageStatus> message_status_from_string(std::string_view s);

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

struct IdempotentBooking {
  core::Booking booking;
  std::string request_fingerprint;  // a repeat with another body is refused by the edge
};

// ---- appointment rooms (issue C) ----
// Only what a room decides is stored: its end, lobby decisions, read receipts and chat.
struct RoomRecord {
  Id room_id;                 // = the booking's id
  std::int64_t last_seq = 0;  // latest chat event seq
  std::optional<Instant> ended_at;
  std::string ended_by;
};

struct RoomDecision {
  core::LobbyState state = core::LobbyState::admitted;
  std::string decided_by;
  std::int64_t read_seq = 0;
};

struct ChatMessage {
  Id room_id;
  std::int64_t seq = 0;   // the message's own seq (its id)
  std::string author_id;  // participant id
  std::string author_name;
  std::string body;  // plain text
  Instant created_at;
  std::optional<Instant> edited_at;
  std::optional<Instant> deleted_at;  // body is empty once deleted
  std::int64_t changed_seq = 0;       // seq of the latest change (== seq when never changed)
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- schema ----
  virtual Status migrate() = 0;  // apply pending numbered migrations
  virtual int schema_version() = 0;
  virtual bool healthy() = 0;  // a trivial query succeeds

  // ---- key/value settings (e.g. the generated signing secret) ----
  virtual std::optional<std::string> get_setting(const std::string& key) = 0;
  // Sets only when absent; returns the value now stored (first writer wins).
  virtual std::string put_setting_if_absent(const std::string& key, const std::string& value) = 0;

  // ---- businesses ----
  virtual Result<core::Business> create_business(core::Business b, const Actor& by) = 0;  // conflict on slug
  virtual Result<core::Business> business_by_id(const Id& id) = 0;
  virtual Result<core::Business> business_by_slug(const std::string& slug) = 0;
  virtual Result<core::Business> update_business(const core::Business& b, const Actor& by) = 0;

  // ---- users, memberships ----
  virtual Result<core::User> create_user(core::User u, const std::string& password_hash) = 0;  // conflict on email
  virtual Result<StoredUser> user_by_email(const std::string& email) = 0;
  virtual Result<StoredUser> user_by_id(const Id& id) = 0;
  virtual Status set_password_hash(const Id& user_id, const std::string& hash) = 0;
  virtual std::vector<core::Membership> memberships_of(const Id& user_id) = 0;
  virtual std::optional<core::Role> role_in(const Id& user_id, const Id& business_id) = 0;
  virtual std::vector<StaffMember> staff_of(const Id& business_id) = 0;
  // Adds or changes a membership. Refuses (policy) to leave a business without an owner.
  virtual Status set_membership(const core::Membership& m, const Actor& by) = 0;
  virtual Status remove_membership(const Id& business_id, const Id& user_id, const Actor& by) = 0;

  // ---- sessions and API tokens ----
  virtual Status create_session(const Session& s) = 0;
  virtual std::optional<Session> session_by_hash(const std::string& token_hash, Instant now) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  virtual Result<ApiToken> create_api_token(ApiToken t, const Actor& by) = 0;
  virtual std::optional<ApiToken> api_token_by_hash(const std::string& token_hash) = 0;
  virtual std::vector<ApiToken> api_tokens_of(const Id& business_id) = 0;
  virtual Status delete_api_token(const Id& business_id, const Id& token_id, const Actor& by) = 0;
  virtual void touch_api_token(const Id& token_id, Instant now) = 0;

  // ---- providers (with weekly hours, overrides and time off) ----
  virtual Result<core::Provider> create_provider(core::Provider p, const Actor& by) = 0;
  virtual Result<core::Provider> provider(const Id& business_id, const Id& provider_id) = 0;
  virtual std::vector<core::Provider> providers_of(const Id& business_id) = 0;
  virtual Result<core::Provider> update_provider(const core::Provider& p, const Actor& by) = 0;  // name, zone, user_id
  virtual Status delete_provider(const Id& business_id, const Id& provider_id,
                                 const Actor& by) = 0;  // conflict if confirmed future bookings
  virtual Status set_weekly_hours(const Id& business_id, const Id& provider_id, const core::WeeklyHours& w,
                                  const Actor& by) = 0;
  // One override per date: setting a date again replaces it.
  virtual Result<core::DateOverride> put_override(const Id& business_id, const Id& provider_id, core::DateOverride o,
                                                  const Actor& by) = 0;
  virtual Status delete_override(const Id& business_id, const Id& provider_id, const Id& override_id,
                                 const Actor& by) = 0;
  virtual Result<core::TimeOff> add_time_off(const Id& business_id, const Id& provider_id, core::TimeOff t,
                                             const Actor& by) = 0;
  virtual Status delete_time_off(const Id& business_id, const Id& provider_id, const Id& time_off_id,
                                 const Actor& by) = 0;

  // ---- services ----
  virtual Result<core::Service> create_service(core::Service s, const Actor& by) = 0;
  virtual Result<core::Service> service(const Id& business_id, const Id& service_id) = 0;
  virtual std::vector<core::Service> services_of(const Id& business_id) = 0;
  virtual Result<core::Service> update_service(const core::Service& s, const Actor& by) = 0;
  virtual Status delete_service(const Id& business_id, const Id& service_id, const Actor& by) = 0;

  // ---- bookings ----
  // Confirmed bookings of these providers whose block overlaps `range`.
  virtual std::vector<core::Booking> busy_bookings(const std::vector<Id>& provider_ids, Interval range) = 0;
  // Confirmed bookings per provider whose start lies in `range` (round-robin counts).
  virtual std::map<Id, int> confirmed_counts(const std::vector<Id>& provider_ids, Interval range) = 0;
  // conflict (ErrorCode::conflict) when no candidate is free at commit time.
  virtual Result<core::Booking> create_booking(NewBooking nb, const Actor& by) = 0;
  virtual Result<core::Booking> reschedule_booking(const Reschedule& r, const Actor& by) = 0;
  // `messages` are written after the booking's pending messages are withdrawn, in the same
  // transaction (a cancellation's notice; nothing for completed/no-show).
  virtual Result<core::Booking> set_booking_status(const Id& booking_id, core::BookingStatus to,
                                                   const std::string& reason, const Actor& by,
                                                   const std::vector<core::PlannedMessage>& messages = {}) = 0;
  virtual Result<core::Booking> booking(const Id& booking_id) = 0;
  virtual BookingPage bookings(const BookingFilter& f) = 0;

  // ---- idempotency ----
  virtual std::optional<IdempotentBooking> booking_by_idempotency_key(const Id& business_id,
                                                                      const std::string& key) = 0;

  // ---- audit ----
  virtual std::vector<core::AuditEntry> audit_log(const Id& business_id, int limit, int offset) = 0;

  // ---- appointment rooms (issue C) ----
  // The room's record; a room nothing was stored for yet reads as fresh (last_seq 0).
  virtual RoomRecord room(const Id& room_id) = 0;
  // Ends the room for good; ending an ended room keeps the first end.
  virtual Result<RoomRecord> end_room(const Id& room_id, const std::string& by, Instant at) = 0;
  virtual std::optional<RoomDecision> room_decision(const Id& room_id, const std::string& participant_id) = 0;
  // Records admitted/denied/removed (waiting is no decision). A denied or removed
  // participant stays so.
  virtual Status decide_participant(const Id& room_id, const std::string& participant_id, core::LobbyState state,
                                    const std::string& by, Instant at) = 0;
  // Raises the participant's read receipt (never lowers it).
  virtual Status mark_read(const Id& room_id, const std::string& participant_id, std::int64_t seq) = 0;
  // Appends a message with the room's next seq.
  virtual Result<ChatMessage> append_chat(const Id& room_id, const std::string& author_id,
                                          const std::string& author_name, const std::string& body, Instant at) = 0;
  // Edit (new body) or delete (nullopt) the author's own message (`any_author` for hosts
  // deleting); each takes the room's next seq as changed_seq. not_found / forbidden / gone.
  virtual Result<ChatMessage> change_chat(const Id& room_id, std::int64_t seq, const std::string& by_participant,
                                          bool any_author, const std::optional<std::string>& new_body, Instant at) = 0;
  // Newest first, seq < before (0 = from the newest), at most limit (1..200).
  virtual std::vector<ChatMessage> chat_page(const Id& room_id, std::int64_t before, int limit) = 0;
  // Messages created or changed after `seq` (replay on reconnect): a new one at its own seq, an
  // older changed one at the seq of its change, in that order.
  virtual std::vector<ChatMessage> chat_since(const Id& room_id, std::int64_t seq, int limit) = 0;

  // ---- notifications: outbox, policy, templates, SMS consent and opt-out ----
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

// Opens the store named by a database setting: a file path (SQLite) today; a
// postgres:// URL later. Does not migrate.
Result<std::unique_ptr<Store>> open_store(const std::string& database);

// The source of "now" for what the store stamps itself (created_at, history, audit). The
// app passes its own clock (which may be skewed for drills); the overload above uses the
// system clock.
using Clock = std::function<Instant()>;
Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock);

}  // namespace visitd::store
