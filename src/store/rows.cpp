#include "store/rows.hpp"

#include <algorithm>
#include <charconv>

#include "core/time.hpp"
#include "store/columns.hpp"

namespace visitd::store {
namespace {

[[noreturn]] void damaged(const RowReader& row, const std::string& what) { row.corrupt("damaged row: " + what); }

template <class T>
T outbox_value(const RowReader& row, int column, std::optional<T> (*parse)(std::string_view)) {
  const std::string text = row.text(column);
  auto parsed = parse(text);
  if (!parsed) row.corrupt("unknown outbox value: " + text);
  return *parsed;
}

std::vector<core::Route> routes_at(const RowReader& row, int column) {
  const std::string text = row.text(column);
  auto routes = routes_from_column(text);
  if (!routes) row.corrupt("bad notification routes: " + text);
  return *routes;
}

}  // namespace

// ---- column spellings ----------------------------------------------------------

const char* role_text(core::Role r) {
  switch (r) {
    case core::Role::owner:
      return "owner";
    case core::Role::manager:
      return "manager";
    case core::Role::provider:
      return "provider";
  }
  return "provider";
}

const char* status_text(core::BookingStatus s) {
  switch (s) {
    case core::BookingStatus::confirmed:
      return "confirmed";
    case core::BookingStatus::cancelled:
      return "cancelled";
    case core::BookingStatus::completed:
      return "completed";
    case core::BookingStatus::no_show:
      return "no_show";
  }
  return "confirmed";
}

const char* question_kind_text(core::QuestionKind k) {
  switch (k) {
    case core::QuestionKind::short_text:
      return "short_text";
    case core::QuestionKind::long_text:
      return "long_text";
    case core::QuestionKind::single_choice:
      return "single_choice";
  }
  return "short_text";
}

core::Role role_column(const RowReader& row, int column) {
  const std::string text = row.text(column);
  for (auto r : {core::Role::owner, core::Role::manager, core::Role::provider}) {
    if (text == role_text(r)) return r;
  }
  damaged(row, "role '" + text + "'");
}

core::BookingStatus status_column(const RowReader& row, int column) {
  const std::string text = row.text(column);
  for (auto s : {core::BookingStatus::confirmed, core::BookingStatus::cancelled, core::BookingStatus::completed,
                 core::BookingStatus::no_show}) {
    if (text == status_text(s)) return s;
  }
  damaged(row, "status '" + text + "'");
}

core::QuestionKind question_kind_column(const RowReader& row, int column) {
  const std::string text = row.text(column);
  for (auto k : {core::QuestionKind::short_text, core::QuestionKind::long_text, core::QuestionKind::single_choice}) {
    if (text == question_kind_text(k)) return k;
  }
  damaged(row, "question kind '" + text + "'");
}

core::LocalDate date_column(const RowReader& row, int column) {
  const std::string text = row.text(column);
  auto d = core::parse_date(text);
  if (!d) damaged(row, "date '" + text + "'");
  return *d;
}

std::string reminder_offsets_text(const std::vector<int>& minutes) {
  std::string out;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(minutes[i]);
  }
  return out;
}

std::vector<int> reminder_offsets_column(const RowReader& row, int column) {
  const std::string text = row.text(column);
  std::vector<int> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data() + start, text.data() + comma, value);
    if (ec != std::errc() || ptr != text.data() + comma) damaged(row, "reminder offsets '" + text + "'");
    out.push_back(value);
    start = comma + 1;
  }
  return out;
}

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return s;
}

// ---- catalogue -------------------------------------------------------------------

core::Business business_row(const RowReader& row) {
  core::Business b;
  b.id = row.text(0);
  b.slug = row.text(1);
  b.name = row.text(2);
  b.zone = row.text(3);
  b.rules.cancel_cutoff_hours = row.integer(4);
  b.rules.reschedule_cutoff_hours = row.integer(5);
  b.rules.reminder_offsets_minutes = reminder_offsets_column(row, 6);
  return b;
}

core::Provider provider_row(const RowReader& row) {
  core::Provider p;
  p.id = row.text(0);
  p.business_id = row.text(1);
  p.name = row.text(2);
  p.zone = row.text(3);
  p.user_id = row.optional_text(4);
  return p;
}

core::Service service_row(const RowReader& row) {
  core::Service s;
  s.id = row.text(0);
  s.business_id = row.text(1);
  s.name = row.text(2);
  s.duration_minutes = row.integer(3);
  s.buffer_before_minutes = row.integer(4);
  s.buffer_after_minutes = row.integer(5);
  s.min_notice_minutes = row.integer(6);
  s.booking_window_days = row.integer(7);
  s.slot_interval_minutes = row.integer(8);
  s.max_per_day = row.integer(9);
  s.room_open_before_minutes = row.integer(10);
  s.room_close_after_minutes = row.integer(11);
  s.room_auto_admit = row.int64(12) != 0;
  return s;
}

core::Question question_row(const RowReader& row) {
  core::Question q;
  q.key = row.text(0);
  q.label = row.text(1);
  q.kind = question_kind_column(row, 2);
  q.required = row.int64(3) != 0;
  return q;
}

// ---- bookings --------------------------------------------------------------------

core::Booking booking_row(const RowReader& row) {
  core::Booking b;
  b.id = row.text(0);
  b.business_id = row.text(1);
  b.service_id = row.text(2);
  b.provider_id = row.text(3);
  b.time = {row.instant(4), row.instant(5)};
  b.block = {row.instant(6), row.instant(7)};
  b.status = status_column(row, 8);
  b.consumer = {row.text(9), row.text(10), row.text(11), row.text(12)};
  b.cancel_reason = row.text(13);
  b.capability_version = row.integer(14);
  b.created_at = row.instant(15);
  return b;
}

core::BookingChange history_row(const RowReader& row) {
  return {row.instant(0), row.text(1), row.text(2), {row.instant(3), row.instant(4)}, {row.instant(5), row.instant(6)},
          row.text(7)};
}

core::AuditEntry audit_row(const RowReader& row) {
  return {row.text(0), row.text(1), row.instant(2), row.text(3), row.text(4), row.text(5), row.text(6)};
}

// ---- staff -----------------------------------------------------------------------

StoredUser user_row(const RowReader& row) {
  StoredUser s;
  s.user.id = row.text(0);
  s.user.email = row.text(1);
  s.user.name = row.text(2);
  s.password_hash = row.text(3);
  return s;
}

ApiToken token_row(const RowReader& row) {
  ApiToken t;
  t.id = row.text(0);
  t.business_id = row.text(1);
  t.user_id = row.text(2);
  t.name = row.text(3);
  t.role = role_column(row, 4);
  t.token_hash = row.text(5);
  t.created_at = row.instant(6);
  t.last_used_at = row.optional_instant(7);
  return t;
}

AccountMail account_mail_row(const RowReader& row) {
  AccountMail m;
  m.id = row.text(0);
  m.kind = row.text(1) == "invitation" ? AccountMailKind::invitation : AccountMailKind::lockout;
  m.address = row.text(2);
  m.subject = row.text(3);
  m.body = row.text(4);
  m.status = row.text(5);
  m.attempts = row.integer(6);
  m.next_attempt_at = row.instant(7);
  m.last_error = row.text(8);
  m.created_at = row.instant(9);
  m.sent_at = row.optional_instant(10);
  return m;
}

// ---- outbox and notification settings -------------------------------------------

std::string changes_text(bool time, bool provider) {
  return std::string(time ? "time" : "") + (time && provider ? "," : "") + (provider ? "provider" : "");
}

OutboxMessage outbox_row(const RowReader& row) {
  OutboxMessage m;
  m.id = row.text(0);
  m.business_id = row.text(1);
  m.booking_id = row.text(2);
  m.kind = outbox_value(row, 3, &kind_from_column);
  m.channel = outbox_value(row, 4, &channel_from_column);
  m.recipient = outbox_value(row, 5, &recipient_from_column);
  m.offset_minutes = row.integer(6);
  m.sequence = row.integer(7);
  m.due_at = row.instant(8);
  m.status = outbox_value(row, 9, &message_status_from_column);
  m.attempts = row.integer(10);
  m.next_attempt_at = row.instant(11);
  m.address = row.text(12);
  m.carrier_id = row.text(13);
  m.message_id = row.text(14);
  m.last_error = row.text(15);
  m.created_at = row.instant(16);
  m.sent_at = row.optional_instant(17);
  m.updated_at = row.instant(18);
  m.error_code = row.text(19);
  m.provider_id = row.text(20);
  const std::string changes = row.text(21);
  m.time_changed = changes.find("time") != std::string::npos;
  m.provider_changed = changes.find("provider") != std::string::npos;
  return m;
}

MessageTemplate template_row(const RowReader& row) {
  MessageTemplate t;
  auto kind = kind_from_column(row.text(0));
  auto channel = channel_from_column(row.text(1));
  if (!kind || !channel) row.corrupt("bad message template key");
  t.kind = *kind;
  t.channel = *channel;
  t.subject = row.text(2);
  t.text_body = row.text(3);
  t.html_body = row.text(4);
  return t;
}

core::NotificationPolicy notification_policy_row(const RowReader& row) {
  core::NotificationPolicy p;
  p.confirmation = routes_at(row, 0);
  p.reschedule = routes_at(row, 1);
  p.cancellation = routes_at(row, 2);
  p.reminder = routes_at(row, 3);
  p.reminder_offsets_minutes = reminder_offsets_column(row, 4);
  return p;
}

// ---- calendars and rooms ---------------------------------------------------------

CalendarFeed feed_row(const RowReader& row) {
  return CalendarFeed{row.text(0), row.text(1), row.optional_text(2), row.instant(3), row.text(4)};
}

ExternalCalendar calendar_row(const RowReader& row) {
  ExternalCalendar c;
  c.id = row.text(0);
  c.business_id = row.text(1);
  c.provider_id = row.text(2);
  c.name = row.text(3);
  c.url = row.text(4);
  c.refresh_minutes = row.integer(5);
  c.created_at = row.instant(6);
  c.next_fetch_at = row.instant(7);
  c.last_fetch_at = row.optional_instant(8);
  c.last_success_at = row.optional_instant(9);
  c.last_error = row.text(10);
  c.etag = row.text(11);
  c.last_modified = row.text(12);
  c.last_result = row.text(13);
  return c;
}

ChatMessage chat_message_row(const RowReader& row) {
  ChatMessage m;
  m.room_id = row.text(0);
  m.seq = row.int64(1);
  m.author_id = row.text(2);
  m.author_name = row.text(3);
  m.body = row.text(4);
  m.created_at = row.instant(5);
  m.edited_at = row.optional_instant(6);
  m.deleted_at = row.optional_instant(7);
  m.changed_seq = row.int64(8);
  return m;
}

core::Invitation invitation_row(const RowReader& q) {
  core::Invitation i;
  i.id = q.text(0);
  i.business_id = q.text(1);
  i.email = q.text(2);
  i.role = role_column(q, 3);
  i.invited_by = q.text(4);
  i.created_at = q.instant(5);
  i.expires_at = q.instant(6);
  i.accepted_at = q.optional_instant(7);
  i.accepted_by = q.optional_text(8);
  i.revoked_at = q.optional_instant(9);
  return i;
}

}  // namespace visitd::store
