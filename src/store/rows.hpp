#pragma once
// Backend-neutral row mapping: domain records built from a row's columns (store/row_reader),
// the column lists those mappers read (each `k...Columns` names the columns in the order its
// mapper reads them; the caller adds FROM/WHERE), and the column spellings of the enumerations
// the schemas store as text. Both stores (sqlite/, postgres/) run their own SQL and binding,
// then hand the row here, so a record has one mapping whichever database holds it.
//
// Mappers that meet a value they cannot read (an unknown enum word, a bad date) call
// RowReader::corrupt, which throws the backend's corruption error.
#include <string>
#include <vector>

#include "core/invitation.hpp"
#include "core/model.hpp"
#include "store/account_mail.hpp"
#include "store/calendars.hpp"
#include "store/outbox.hpp"
#include "store/rooms.hpp"
#include "store/row_reader.hpp"
#include "store/staff.hpp"

namespace visitd::store {

// ---- column spellings (the schemas' words, snake_case; the wire's are in wire/names) ----
const char* role_text(core::Role r);             // owner | manager | provider
const char* status_text(core::BookingStatus s);  // confirmed | cancelled | completed | no_show (also a history action)
const char* question_kind_text(core::QuestionKind k);  // short_text | long_text | single_choice
core::Role role_column(const RowReader& row, int column);
core::BookingStatus status_column(const RowReader& row, int column);
core::QuestionKind question_kind_column(const RowReader& row, int column);
core::LocalDate date_column(const RowReader& row, int column);  // YYYY-MM-DD
// Reminder offsets in minutes as one column: "1440,60" (empty = none).
std::string reminder_offsets_text(const std::vector<int>& minutes);
std::vector<int> reminder_offsets_column(const RowReader& row, int column);
std::string lower_ascii(std::string s);

// ---- catalogue ----
inline constexpr const char* kBusinessColumns =
    "SELECT id, slug, name, zone, cancel_cutoff_hours, reschedule_cutoff_hours, reminder_offsets FROM businesses ";
core::Business business_row(const RowReader& row);
// A provider's own columns (hours, overrides and time off are loaded apart).
inline constexpr const char* kProviderColumns = "SELECT id, business_id, name, zone, user_id FROM providers ";
core::Provider provider_row(const RowReader& row);
// A service's own columns (providers and questions are loaded apart).
inline constexpr const char* kServiceColumns =
    "SELECT id, business_id, name, duration_minutes, buffer_before_minutes, buffer_after_minutes, "
    "min_notice_minutes, booking_window_days, slot_interval_minutes, max_per_day, "
    "room_open_before_minutes, room_close_after_minutes, room_auto_admit FROM services ";
core::Service service_row(const RowReader& row);
// key, label, kind, required (choices are loaded apart).
core::Question question_row(const RowReader& row);

// ---- bookings ----
// A booking's own columns (prefix "SELECT ... FROM bookings ").
inline constexpr const char* kBookingSelect =
    "SELECT id, business_id, service_id, provider_id, start_at, end_at, block_start, block_end, status, "
    "consumer_name, consumer_email, consumer_phone, consumer_zone, cancel_reason, capability_version, "
    "created_at FROM bookings ";
core::Booking booking_row(const RowReader& row);
inline constexpr const char* kHistoryColumns =
    "SELECT at, action, actor, from_start, from_end, to_start, to_end, reason FROM booking_history ";
core::BookingChange history_row(const RowReader& row);
// id, business_id, at, actor, action, target, detail of audit_log.
core::AuditEntry audit_row(const RowReader& row);

// ---- staff ----
// id, email, name, password_hash of users.
StoredUser user_row(const RowReader& row);
inline constexpr const char* kTokenColumns =
    "SELECT id, business_id, user_id, name, role, token_hash, created_at, last_used_at FROM api_tokens ";
ApiToken token_row(const RowReader& row);
inline constexpr const char* kAccountMailColumns =
    "id, kind, address, subject, body, status, attempts, next_attempt_at, last_error, created_at, sent_at";
AccountMail account_mail_row(const RowReader& row);
inline constexpr const char* kInvitationSelect =
    "SELECT id, business_id, email, role, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at "
    "FROM invitations ";
core::Invitation invitation_row(const RowReader& row);

// ---- outbox and notification settings ----
inline constexpr const char* kOutboxColumns =
    "id, business_id, booking_id, kind, channel, recipient, offset_minutes, sequence, due_at, status, attempts, "
    "next_attempt_at, address, carrier_id, message_id, last_error, created_at, sent_at, updated_at, error_code, "
    "provider_id, changes";
OutboxMessage outbox_row(const RowReader& row);
// What a reschedule notice reports as changed, as the `changes` column spells it.
std::string changes_text(bool time, bool provider);
// kind, channel, subject, text_body, html_body of message_templates.
MessageTemplate template_row(const RowReader& row);
// confirmation, reschedule, cancellation, reminder (route lists), reminder_offsets.
core::NotificationPolicy notification_policy_row(const RowReader& row);

// ---- calendars and rooms ----
inline constexpr const char* kFeedColumns = "id, business_id, provider_id, created_at, created_by";
CalendarFeed feed_row(const RowReader& row);
inline constexpr const char* kCalendarColumns =
    "id, business_id, provider_id, name, url, refresh_minutes, created_at, next_fetch_at, last_fetch_at, "
    "last_success_at, last_error, etag, last_modified, last_result";
ExternalCalendar calendar_row(const RowReader& row);
inline constexpr const char* kChatMessageSelect =
    "SELECT room_id, seq, author_id, author_name, body, created_at, edited_at, deleted_at, changed_seq "
    "FROM room_messages ";
ChatMessage chat_message_row(const RowReader& row);

}  // namespace visitd::store
