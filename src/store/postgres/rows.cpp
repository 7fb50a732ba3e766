#include "store/postgres/rows.hpp"

namespace visitd::store::postgres {
namespace {

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
    if (day < 0 || day > 6) hours.corrupt("damaged row: weekday");
    p.weekly[static_cast<std::size_t>(day)].push_back({hours.integer(1), hours.integer(2)});
  }

  Statement overrides(db, "SELECT id, date FROM date_overrides WHERE provider_id = ? ORDER BY date");
  overrides.bind(1, p.id);
  while (overrides.step()) {
    core::DateOverride o;
    o.id = overrides.text(0);
    o.date = date_column(overrides, 1);
    p.overrides.push_back(std::move(o));
  }
  for (auto& o : p.overrides) o.ranges = load_override_ranges(db, o.id);

  Statement off(db, "SELECT id, start_at, end_at, reason FROM time_off WHERE provider_id = ? ORDER BY start_at, id");
  off.bind(1, p.id);
  while (off.step()) p.time_off.push_back({off.text(0), {off.instant(1), off.instant(2)}, off.text(3)});
}

}  // namespace

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
  Statement q(db, std::string(kProviderColumns) + "WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, provider_id).bind(2, business_id);
  if (!q.step()) return std::nullopt;
  core::Provider p = provider_row(q);
  load_provider_time(db, p);
  return p;
}

std::optional<core::Service> load_service(PGconn* db, const core::Id& business_id, const core::Id& service_id) {
  Statement q(db, std::string(kServiceColumns) + "WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, service_id).bind(2, business_id);
  if (!q.step()) return std::nullopt;
  core::Service s = service_row(q);

  Statement links(db, "SELECT provider_id FROM service_providers WHERE service_id = ? ORDER BY position");
  links.bind(1, s.id);
  while (links.step()) s.provider_ids.push_back(links.text(0));

  Statement questions(db,
                      "SELECT key, label, kind, required FROM service_questions WHERE service_id = ? "
                      "ORDER BY position");
  questions.bind(1, s.id);
  while (questions.step()) s.questions.push_back(question_row(questions));
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

void load_booking_details(PGconn* db, core::Booking& b) {
  Statement answers(db, "SELECT key, value FROM booking_answers WHERE booking_id = ? ORDER BY position");
  answers.bind(1, b.id);
  while (answers.step()) b.answers.push_back({answers.text(0), answers.text(1)});

  Statement history(db, std::string(kHistoryColumns) + "WHERE booking_id = ? ORDER BY seq");
  history.bind(1, b.id);
  while (history.step()) b.history.push_back(history_row(history));
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
