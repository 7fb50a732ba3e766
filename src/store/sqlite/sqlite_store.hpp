#pragma once
// The embedded SQLite implementation of Store. Reads run in plain (deferred) transactions
// on pooled connections, concurrently; every write runs in one BEGIN IMMEDIATE transaction,
// and writers of this process queue on a mutex first so they wait in order instead of
// spinning in SQLite's busy handler. Other processes on the same file are still excluded
// by SQLite's own lock.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>

#include "store/branding.hpp"
#include "store/sqlite/connection_pool.hpp"
#include "store/sqlite/statement.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/store.hpp"
#include "store/webhooks.hpp"

namespace visitd::store::sqlite {

inline constexpr std::size_t kDefaultPoolSize = 8;

class SqliteStore final : public Store {
 public:
  // Throws SqliteError when the file cannot be opened; open_store() reports it as a value.
  SqliteStore(const std::string& path, Clock clock, std::shared_ptr<core::IdGenerator> ids,
              std::size_t pool_size = kDefaultPoolSize);

  Status migrate() override;
  int schema_version() override;
  bool healthy() override;

  std::optional<std::string> get_setting(const std::string& key) override;
  std::string put_setting_if_absent(const std::string& key, const std::string& value) override;

  Result<core::Business> create_business(core::Business b, const Actor& by) override;
  Result<core::Business> business_by_id(const Id& id) override;
  Result<core::Business> business_by_slug(const std::string& slug) override;
  Result<core::Business> update_business(const core::Business& b, const Actor& by) override;

  Result<core::User> create_user(core::User u, const std::string& password_hash) override;
  Result<StoredUser> user_by_email(const std::string& email) override;
  Result<StoredUser> user_by_id(const Id& id) override;
  Status set_password_hash(const Id& user_id, const std::string& hash) override;
  std::vector<core::Membership> memberships_of(const Id& user_id) override;
  std::optional<core::Role> role_in(const Id& user_id, const Id& business_id) override;
  std::vector<StaffMember> staff_of(const Id& business_id) override;
  Status set_membership(const core::Membership& m, const Actor& by) override;
  Status remove_membership(const Id& business_id, const Id& user_id, const Actor& by) override;

  Status create_session(const Session& s) override;
  std::optional<Session> session_by_hash(const std::string& token_hash, Instant now) override;
  Status delete_session(const std::string& token_hash) override;
  Result<ApiToken> create_api_token(ApiToken t, const Actor& by) override;
  std::optional<ApiToken> api_token_by_hash(const std::string& token_hash) override;
  std::vector<ApiToken> api_tokens_of(const Id& business_id) override;
  Status delete_api_token(const Id& business_id, const Id& token_id, const Actor& by) override;
  void touch_api_token(const Id& token_id, Instant now) override;

  Result<core::Provider> create_provider(core::Provider p, const Actor& by) override;
  Result<core::Provider> provider(const Id& business_id, const Id& provider_id) override;
  std::vector<core::Provider> providers_of(const Id& business_id) override;
  std::vector<core::Provider> providers_by_ids(const Id& business_id, const std::vector<Id>& provider_ids) override;
  Result<core::Provider> update_provider(const core::Provider& p, const Actor& by) override;
  Status delete_provider(const Id& business_id, const Id& provider_id, const Actor& by) override;
  Status set_weekly_hours(const Id& business_id, const Id& provider_id, const core::WeeklyHours& w,
                          const Actor& by) override;
  Result<core::DateOverride> put_override(const Id& business_id, const Id& provider_id, core::DateOverride o,
                                          const Actor& by) override;
  Status delete_override(const Id& business_id, const Id& provider_id, const Id& override_id, const Actor& by) override;
  Result<core::TimeOff> add_time_off(const Id& business_id, const Id& provider_id, core::TimeOff t,
                                     const Actor& by) override;
  Status delete_time_off(const Id& business_id, const Id& provider_id, const Id& time_off_id, const Actor& by) override;

  Result<core::Service> create_service(core::Service s, const Actor& by) override;
  Result<core::Service> service(const Id& business_id, const Id& service_id) override;
  std::vector<core::Service> services_of(const Id& business_id) override;
  Result<core::Service> update_service(const core::Service& s, const Actor& by) override;
  Status delete_service(const Id& business_id, const Id& service_id, const Actor& by) override;

  std::vector<core::Booking> busy_bookings(const std::vector<Id>& provider_ids, Interval range) override;
  std::map<Id, core::ProviderLoad> provider_loads(const std::vector<Id>& provider_ids, Interval window) override;
  Result<core::Booking> create_booking(NewBooking nb, const Actor& by) override;
  Result<core::Booking> reschedule_booking(const Reschedule& r, const Actor& by) override;
  Result<core::Booking> reissue_links(const Id& booking_id, const Actor& by,
                                      const std::vector<core::PlannedMessage>& messages) override;
  Result<core::Booking> set_booking_status(const Id& booking_id, core::BookingStatus to, const std::string& reason,
                                           const Actor& by,
                                           const std::vector<core::PlannedMessage>& messages = {}) override;
  Result<core::Booking> booking(const Id& booking_id) override;
  BookingPage bookings(const BookingFilter& f) override;

  std::optional<IdempotentBooking> booking_by_idempotency_key(const Id& business_id, const std::string& key) override;

  std::vector<core::AuditEntry> audit_log(const Id& business_id, int limit, int offset) override;
  AuditPage audit_page(const Id& business_id, const AuditQuery& q) override;

  // appointment rooms (rooms.cpp)
  RoomRecord room(const Id& room_id) override;
  Result<RoomRecord> end_room(const Id& room_id, const std::string& by, Instant at) override;
  std::optional<RoomDecision> room_decision(const Id& room_id, const std::string& participant_id) override;
  Status decide_participant(const Id& room_id, const std::string& participant_id, core::LobbyState state,
                            const std::string& by, Instant at) override;
  Status mark_read(const Id& room_id, const std::string& participant_id, std::int64_t seq) override;
  Result<ChatMessage> append_chat(const Id& room_id, const std::string& author_id, const std::string& author_name,
                                  const std::string& body, Instant at) override;
  Result<ChatMessage> change_chat(const Id& room_id, std::int64_t seq, const std::string& by_participant,
                                  bool any_author, const std::optional<std::string>& new_body, Instant at) override;
  std::vector<ChatMessage> chat_page(const Id& room_id, std::int64_t before, int limit) override;
  std::vector<ChatMessage> chat_since(const Id& room_id, std::int64_t seq, int limit) override;

  // rooms for appointments booked elsewhere (external_rooms.cpp)
  Result<CreatedExternalRoom> create_external_room(const NewExternalRoom& r, const Actor& by) override;
  Result<ExternalRoom> external_room(const Id& business_id, const Id& room_id) override;
  Result<ExternalRoom> external_room_by_id(const Id& room_id) override;
  ExternalRoomPage external_rooms(const Id& business_id, int offset, int limit) override;
  Result<ExternalRoom> update_external_room(const Id& business_id, const Id& room_id,
                                            const std::optional<Interval>& window,
                                            const std::optional<std::string>& title, const Actor& by) override;
  Result<RoomParticipant> add_room_participant(const Id& business_id, const Id& room_id,
                                               const core::RoomParticipantSpec& p, const Actor& by) override;
  Result<RoomParticipant> remove_room_participant(const Id& business_id, const Id& room_id, const Id& participant_id,
                                                  const Actor& by) override;
  Result<RoomParticipant> room_participant(const Id& participant_id) override;

  // notifications (outbox.cpp, notify_policy.cpp)
  std::vector<OutboxMessage> claim_due_messages(const std::string& owner, Instant now, core::Seconds lease,
                                                int limit) override;
  Status record_send_outcome(const Id& message_id, const std::string& owner, const SendOutcome& o) override;
  Status record_delivery(const std::string& carrier_id, bool delivered, const std::string& error) override;
  std::vector<OutboxMessage> booking_messages(const Id& booking_id) override;
  std::vector<OutboxMessage> recent_messages(int limit) override;
  Result<OutboxMessage> resend_message(const Id& booking_id, const Id& message_id, const Actor& by) override;
  std::optional<Instant> sms_consent_at(const Id& booking_id) override;
  void set_sms_opt_out(const std::string& e164, bool opted_out) override;
  std::optional<Instant> sms_opted_out_at(const std::string& e164) override;
  PolicyRecord notification_policy(const Id& business_id, const std::optional<Id>& service_id) override;
  Status put_notification_policy(const Id& business_id, const std::optional<Id>& service_id,
                                 const std::optional<core::NotificationPolicy>& policy, const Actor& by) override;
  std::optional<MessageTemplate> message_template(const Id& business_id, core::MessageKind kind,
                                                  core::Channel channel) override;
  std::vector<MessageTemplate> message_templates(const Id& business_id) override;
  Status put_message_template(const Id& business_id, const MessageTemplate& t, const Actor& by) override;
  Status delete_message_template(const Id& business_id, core::MessageKind kind, core::Channel channel,
                                 const Actor& by) override;
  void capture_message(const CapturedMessage& m) override;
  std::vector<CapturedMessage> captured_messages(int limit) override;

  // mail to staff accounts: lockout notices, invitations (account_mail.cpp)
  AccountMail plan_account_mail(AccountMail m) override;
  std::optional<AccountMail> plan_account_mail_unless_since(AccountMail m, Instant since) override;
  std::vector<AccountMail> claim_account_mail(const std::string& owner, Instant now, core::Seconds lease,
                                              int limit) override;
  bool record_account_mail(const Id& id, const std::string& owner, bool sent, const std::string& error,
                           std::optional<Instant> retry_at) override;
  std::vector<AccountMail> account_mail_to(const std::string& address, int limit) override;
  // staff invitations (invitations.cpp)
  Result<core::Invitation> create_invitation(core::Invitation inv, const std::string& token_hash, AccountMail mail,
                                             const Actor& by) override;
  std::vector<core::Invitation> open_invitations_of(const Id& business_id) override;
  Result<core::Invitation> invitation(const Id& business_id, const Id& invitation_id) override;
  Result<core::Invitation> invitation_by_token(const std::string& token_hash) override;
  Result<core::Invitation> renew_invitation(const Id& business_id, const Id& invitation_id,
                                            const std::string& token_hash, Instant expires_at, AccountMail mail,
                                            const Actor& by) override;
  Status revoke_invitation(const Id& business_id, const Id& invitation_id, const Actor& by) override;
  Result<AcceptedInvitation> accept_invitation(const std::string& token_hash, const Joiner& who) override;
  // token buckets of the shared rate limits (rate_limits.cpp)
  Result<BucketVerdict> spend_token(const std::string& key, const BucketRule& rule, Instant now, bool take) override;
  Status forget_bucket(const std::string& key) override;
  Result<int> prune_buckets(Instant now) override;
  // webhooks: endpoints and their deliveries (webhooks.cpp)
  Result<WebhookEndpoint> create_webhook(WebhookEndpoint e, const Actor& by) override;
  std::vector<WebhookEndpoint> webhooks_of(const Id& business_id) override;
  Result<WebhookEndpoint> webhook(const Id& business_id, const Id& webhook_id) override;
  Result<WebhookEndpoint> update_webhook(const Id& business_id, const Id& webhook_id, const WebhookEndpointPatch& patch,
                                         const Actor& by) override;
  Status delete_webhook(const Id& business_id, const Id& webhook_id, const Actor& by) override;
  int enqueue_webhook_event(const WebhookEvent& e, Instant now) override;
  std::vector<WebhookDelivery> claim_webhook_deliveries(const std::string& owner, Instant now, core::Seconds lease,
                                                        int limit) override;
  Status record_webhook_attempt(const Id& delivery_id, const std::string& owner,
                                const WebhookOutcome& outcome) override;
  Result<std::vector<WebhookDelivery>> webhook_deliveries(const Id& business_id, const Id& webhook_id,
                                                          int limit) override;
  Result<WebhookDelivery> redeliver_webhook(const Id& business_id, const Id& webhook_id, const Id& delivery_id,
                                            const Actor& by) override;

  // staff-only notes on bookings (notes.cpp)
  std::optional<BookingNote> booking_note(const Id& business_id, const Id& booking_id) override;
  Result<BookingNote> put_booking_note(const Id& business_id, const Id& booking_id, const std::string& text,
                                       const Actor& by) override;

  // calendar feeds, external calendars and their busy times (calendars.cpp)
  Result<CalendarFeed> put_calendar_feed(const Id& business_id, const std::optional<Id>& provider_id,
                                         const std::string& token_hash, const Actor& by) override;
  std::optional<CalendarFeed> calendar_feed(const Id& business_id, const std::optional<Id>& provider_id) override;
  Status delete_calendar_feed(const Id& business_id, const std::optional<Id>& provider_id, const Actor& by) override;
  std::optional<CalendarFeed> calendar_feed_by_hash(const std::string& token_hash) override;
  Result<ExternalCalendar> add_external_calendar(const ExternalCalendar& c, const Actor& by) override;
  std::vector<ExternalCalendar> external_calendars(const Id& business_id,
                                                   const std::optional<Id>& provider_id) override;
  Result<ExternalCalendar> external_calendar(const Id& business_id, const Id& calendar_id) override;
  Status delete_external_calendar(const Id& business_id, const Id& calendar_id, const Actor& by) override;
  Status request_calendar_fetch(const Id& business_id, const Id& calendar_id, Instant at) override;
  std::vector<ExternalCalendar> claim_due_calendars(Instant now, Instant lease_until, int limit) override;
  std::optional<std::string> calendar_body(const Id& calendar_id) override;
  Status record_calendar_fetch(const Id& calendar_id, const CalendarFetch& f) override;
  std::vector<ExternalBusy> external_busy(const std::vector<Id>& provider_ids, Interval range) override;
  // facts for the manager's insights (insights.cpp)
  InsightFacts insight_facts(const InsightQuery& q) override;

  // the clinic's public face (branding.cpp)
  BusinessProfile business_profile(const Id& business_id) override;
  Status put_business_profile(const Id& business_id, const BusinessProfile& p, const Actor& by) override;
  std::optional<Logo> logo(const Id& business_id) override;
  Status put_logo(const Id& business_id, const Logo& logo, const Actor& by) override;
  Status delete_logo(const Id& business_id, const Actor& by) override;
  std::vector<ServiceProfile> service_profiles(const Id& business_id) override;
  Status put_service_profile(const Id& business_id, const ServiceProfile& p, const Actor& by) override;
  std::vector<ProviderProfile> provider_profiles(const Id& business_id) override;
  Status put_provider_profile(const Id& business_id, const ProviderProfile& p, const Actor& by) override;
  std::optional<ProviderPhoto> provider_photo(const Id& business_id, const Id& provider_id) override;
  Status put_provider_photo(const Id& business_id, const Id& provider_id, const ProviderPhoto& photo,
                            const Actor& by) override;
  Status delete_provider_photo(const Id& business_id, const Id& provider_id, const Actor& by) override;
  std::vector<std::string> embed_origins(const Id& business_id) override;
  Status put_embed_origins(const Id& business_id, const std::vector<std::string>& origins, const Actor& by) override;

 private:
  template <class T>
  struct IsResult : std::false_type {};
  template <class T>
  struct IsResult<core::Result<T>> : std::true_type {};

  // Runs f(db) in a read transaction. Result-returning work gets SQLite failures as error
  // values; anything else lets them propagate as exceptions (std::runtime_error).
  template <class F>
  auto read(F&& f) -> std::invoke_result_t<F, sqlite3*> {
    using R = std::invoke_result_t<F, sqlite3*>;
    auto body = [&]() -> R {
      auto lease = pool_.acquire();
      Transaction tx(lease.get(), Transaction::Kind::read);
      R r = f(lease.get());
      tx.commit();
      return r;
    };
    if constexpr (IsResult<R>::value) {
      try {
        return body();
      } catch (const SqliteError& e) {
        return to_error(e);
      }
    } else {
      return body();
    }
  }

  // Runs f(db) in one BEGIN IMMEDIATE transaction; commits unless f returns an error value
  // or throws.
  template <class F>
  auto write(F&& f) -> std::invoke_result_t<F, sqlite3*> {
    using R = std::invoke_result_t<F, sqlite3*>;
    auto body = [&]() -> R {
      std::lock_guard serial(write_mutex_);
      auto lease = pool_.acquire();
      Transaction tx(lease.get(), Transaction::Kind::write);
      R r = f(lease.get());
      if constexpr (IsResult<R>::value) {
        if (r.ok()) tx.commit();
      } else {
        tx.commit();
      }
      return r;
    };
    if constexpr (IsResult<R>::value) {
      try {
        return body();
      } catch (const SqliteError& e) {
        return to_error(e);
      }
    } else {
      return body();
    }
  }

  // Outbox writes inside the caller's booking transaction (outbox.cpp).
  void withdraw_pending_messages(sqlite3* db, const Id& booking_id, std::string_view why) const;
  void plan_messages(sqlite3* db, const core::Booking& b, const std::vector<core::PlannedMessage>& messages) const;
  // Plans an account mail in the caller's transaction (account_mail.cpp): fills id, created_at, status.
  void insert_account_mail(sqlite3* db, AccountMail& m) const;
  static core::Error to_error(const SqliteError& e);
  [[nodiscard]] Instant now() const { return clock_(); }
  [[nodiscard]] Id new_id(std::string_view prefix) const { return ids_->next(prefix); }
  // Appends one audit_log row in the caller's transaction.
  void audit(sqlite3* db, const Id& business_id, const Actor& by, std::string_view action, std::string_view target,
             std::string_view detail = {}) const;

  ConnectionPool pool_;
  std::mutex write_mutex_;
  Clock clock_;
  std::shared_ptr<core::IdGenerator> ids_;
};

}  // namespace visitd::store::sqlite
