#include "store/postgres/rows.hpp"

#include <algorithm>
#include <charconv>

#include "core/time.hpp"

namespace visitd::store::postgres {
namespace {

[[noreturn]] void corrupt(const std::string& what) { throw PgError(kDataCorrupted, "damaged row: " + what); }

std::vector<core::TimeRange> load_override_ranges(PGconn* db, const core::Id& override_id) {
  Statement q(db,
              "SELECT start_minute, end_minute FROM date_override_ranges WHERE override_id = ? "
              "ORDER BY start_minute");
  q.bind(1, override_id);
  std::vector<core::TimeRange> ranges;
  while (q.step()) ranges.push_back({q.integer(0), q.integer(1)});
  return ranges;
}

void load_provider_time(PGconn* db, core::Provider& p) {
  Statement hours(db,
                  "SELECT weekday, start_minute, end_minute FROM weekly_hours WHERE provider_id = ? "
                  "ORDER BY weekday, start_minute");
  hours.bind(1, p.id);
  while (hours.step()) {
    int day = hours.integer(0);
    if (day < 0 || day > 6) corrupt("weekday");
    p.weekly[static_cast<std::size_t>(day)].push_back({hours.integer(1), hours.integer(2)});
  }

  Statement overrides(db, "SELECT id, date FROM date_overrides WHERE provider_id = ? ORDER BY date");
  overrides.bind(1, p.id);
  while (overrides.step()) {
    core::DateOverride o;
    o.id = overrides.text(0);
    o.date = date_column(overrides.text(1));
    p.overrides.push_back(std::move(o));
  }
  for (auto& o : p.overrides) o.ranges = load_override_ranges(db, o.id);

  Statement off(db, "SELECT id, start_at, end_at, reason FROM time_off WHERE provider_id = ? ORDER BY start_at, id");
  off.bind(1, p.id);
  while (off.step()) p.time_off.push_back({off.text(0), {off.instant(1), off.instant(2)}, off.text(3)});
}

core::Business business_row(Statement& q) {
  core::Business b;
  b.id = q.text(0);
  b.slug = q.text(1);
  b.name = q.text(2);
  b.zone = q.text(3);
  b.rules.cancel_cutoff_hours = q.integer(4);
  b.rules.reschedule_cutoff_hours = q.integer(5);
  b.rules.reminder_offsets_minutes = reminder_offsets_column(q.text(6));
  return b;
}

constexpr const char* kBusinessColumns =
    "SELECT id, slug, name, zone, cancel_cutoff_hours, reschedule_cutoff_hours, reminder_offsets FROM businesses ";

}  // namespace

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

core::Role role_column(const std::string& text) {
  for (auto r : {core::Role::owner, core::Role::manager, core::Role::provider}) {
    if (text == role_text(r)) return r;
  }
  corrupt("role '" + text + "'");
}

core::BookingStatus status_column(const std::string& text) {
  for (auto s : {core::BookingStatus::confirmed, core::BookingStatus::cancelled, core::BookingStatus::completed,
                 core::BookingStatus::no_show}) {
    if (text == status_text(s)) return s;
  }
  corrupt("status '" + text + "'");
}

core::QuestionKind question_kind_column(const std::string& text) {
  for (auto k : {core::QuestionKind::short_text, core::QuestionKind::long_text, core::QuestionKind::single_choice}) {
    if (text == question_kind_text(k)) return k;
  }
  corrupt("question kind '" + text + "'");
}

core::LocalDate date_column(const std::string& text) {
  auto d = core::parse_date(text);
  if (!d) corrupt("date '" + text + "'");
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

std::vector<int> reminder_offsets_column(const std::string& text) {
  std::vector<int> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data() + start, text.data() + comma, value);
    if (ec != std::errc() || ptr != text.data() + comma) corrupt("reminder offsets '" + text + "'");
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

std::optional<core::Business> load_business_by_id(PGconn* db, const core::Id& id) {
  Statement q(db, std::string(kBusinessColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return business_row(q);
}

std::optional<core::Business> load_business_by_slug(PGconn* db, const std::string& slug) {
  Statement q(db, std::string(kBusinessColumns) + "WHERE slug = ?");
  q.bind(1, slug);
  if (!q.step()) return std::nullopt;
  return business_row(q);
}

std::optional<core::Provider> load_provider(PGconn* db, const core::Id& business_id, const core::Id& provider_id) {
  Statement q(db,
              "SELECT id, business_id, name, zone, user_id FROM providers "
              "WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, provider_id).bind(2, business_id);
  if (!q.step()) return std::nullopt;
  core::Provider p;
  p.id = q.text(0);
  p.business_id = q.text(1);
  p.name = q.text(2);
  p.zone = q.text(3);
  p.user_id = q.optional_text(4);
  load_provider_time(db, p);
  return p;
}

std::optional<core::Service> load_service(PGconn* db, const core::Id& business_id, const core::Id& service_id) {
  Statement q(db,
              "SELECT id, business_id, name, duration_minutes, buffer_before_minutes, buffer_after_minutes, "
              "min_notice_minutes, booking_window_days, slot_interval_minutes, max_per_day, "
              "room_open_before_minutes, room_close_after_minutes, room_auto_admit FROM services "
              "WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, service_id).bind(2, business_id);
  if (!q.step()) return std::nullopt;
  core::Service s;
  s.id = q.text(0);
  s.business_id = q.text(1);
  s.name = q.text(2);
  s.duration_minutes = q.integer(3);
  s.buffer_before_minutes = q.integer(4);
  s.buffer_after_minutes = q.integer(5);
  s.min_notice_minutes = q.integer(6);
  s.booking_window_days = q.integer(7);
  s.slot_interval_minutes = q.integer(8);
  s.max_per_day = q.integer(9);
  s.room_open_before_minutes = q.integer(10);
  s.room_close_after_minutes = q.integer(11);
  s.room_auto_admit = q.int64(12) != 0;

  Statement links(db, "SELECT provider_id FROM service_providers WHERE service_id = ? ORDER BY position");
  links.bind(1, s.id);
  while (links.step()) s.provider_ids.push_back(links.text(0));

  Statement questions(db,
                      "SELECT key, label, kind, required FROM service_questions WHERE service_id = ? "
                      "ORDER BY position");
  questions.bind(1, s.id);
  while (questions.step()) {
    core::Question question;
    question.key = questions.text(0);
    question.label = questions.text(1);
    question.kind = question_kind_column(questions.text(2));
    question.required = questions.int64(3) != 0;
    s.questions.push_back(std::move(question));
  }
  Statement choices(db,
                    "SELECT value FROM service_question_choices WHERE service_id = ? AND question_key = ? "
                    "ORDER BY position");
  for (auto& question : s.questions) {
    choices.reset();
    choices.bind(1, s.id).bind(2, question.key);
    while (choices.step()) question.choices.push_back(choices.text(0));
  }
  return s;
}

core::Booking booking_row(Statement& q) {
  core::Booking b;
  b.id = q.text(0);
  b.business_id = q.text(1);
  b.service_id = q.text(2);
  b.provider_id = q.text(3);
  b.time = {q.instant(4), q.instant(5)};
  b.block = {q.instant(6), q.instant(7)};
  b.status = status_column(q.text(8));
  b.consumer = {q.text(9), q.text(10), q.text(11), q.text(12)};
  b.cancel_reason = q.text(13);
  b.capability_version = q.integer(14);
  b.created_at = q.instant(15);
  return b;
}

void load_booking_details(PGconn* db, core::Booking& b) {
  Statement answers(db, "SELECT key, value FROM booking_answers WHERE booking_id = ? ORDER BY position");
  answers.bind(1, b.id);
  while (answers.step()) b.answers.push_back({answers.text(0), answers.text(1)});

  Statement history(db,
                    "SELECT at, action, actor, from_start, from_end, to_start, to_end, reason FROM booking_history "
                    "WHERE booking_id = ? ORDER BY seq");
  history.bind(1, b.id);
  while (history.step()) {
    b.history.push_back({history.instant(0),
                         history.text(1),
                         history.text(2),
                         {history.instant(3), history.instant(4)},
                         {history.instant(5), history.instant(6)},
                         history.text(7)});
  }
}

std::optional<core::Booking> load_booking(PGconn* db, const core::Id& booking_id) {
  Statement q(db, std::string(kBookingSelect) + "WHERE id = ?");
  q.bind(1, booking_id);
  if (!q.step()) return std::nullopt;
  core::Booking b = booking_row(q);
  load_booking_details(db, b);
  return b;
}

}  // namespace visitd::store::postgres
