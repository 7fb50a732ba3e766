// Services with their providers and intake questions.
#include <set>

#include "store/postgres/postgres_store.hpp"
#include "store/postgres/rows.hpp"

namespace visitd::store::postgres {
namespace {

core::Error service_not_found() { return core::Error::make(core::ErrorCode::not_found, "service not found"); }

bool service_exists(PGconn* db, const Id& business_id, const Id& service_id) {
  Statement q(db, "SELECT 1 FROM services WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, service_id).bind(2, business_id);
  return q.step();
}

// Assigned providers must be live providers of the same business, each listed once.
std::optional<core::Error> check_providers(PGconn* db, const core::Service& s) {
  Statement q(db, "SELECT 1 FROM providers WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  std::set<Id> seen;
  for (const auto& id : s.provider_ids) {
    if (!seen.insert(id).second) return core::Error::invalid("providerIds", "lists a provider twice");
    q.reset();
    q.bind(1, id).bind(2, s.business_id);
    if (!q.step()) return core::Error::invalid("providerIds", "unknown provider " + id);
  }
  std::set<std::string> keys;
  for (const auto& question : s.questions) {
    if (!keys.insert(question.key).second) return core::Error::invalid("questions", "repeats key " + question.key);
  }
  return std::nullopt;
}

// The service row itself, for create and update alike: an update keeps the row's business
// and creation time (the caller has checked the service belongs to the business).
void write_service_row(PGconn* db, const core::Service& s, core::Instant created_at) {
  Statement q(db,
              "INSERT INTO services (id, business_id, name, duration_minutes, buffer_before_minutes, "
              "buffer_after_minutes, min_notice_minutes, booking_window_days, slot_interval_minutes, "
              "max_per_day, room_open_before_minutes, room_close_after_minutes, room_auto_admit, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (id) DO UPDATE SET name = excluded.name, duration_minutes = excluded.duration_minutes, "
              "buffer_before_minutes = excluded.buffer_before_minutes, "
              "buffer_after_minutes = excluded.buffer_after_minutes, "
              "min_notice_minutes = excluded.min_notice_minutes, booking_window_days = excluded.booking_window_days, "
              "slot_interval_minutes = excluded.slot_interval_minutes, max_per_day = excluded.max_per_day, "
              "room_open_before_minutes = excluded.room_open_before_minutes, "
              "room_close_after_minutes = excluded.room_close_after_minutes, "
              "room_auto_admit = excluded.room_auto_admit");
  q.bind(1, s.id)
      .bind(2, s.business_id)
      .bind(3, s.name)
      .bind(4, s.duration_minutes)
      .bind(5, s.buffer_before_minutes)
      .bind(6, s.buffer_after_minutes)
      .bind(7, s.min_notice_minutes)
      .bind(8, s.booking_window_days)
      .bind(9, s.slot_interval_minutes)
      .bind(10, s.max_per_day)
      .bind(11, s.room_open_before_minutes)
      .bind(12, s.room_close_after_minutes)
      .bind(13, s.room_auto_admit)
      .bind(14, created_at)
      .run();
}

void write_links_and_questions(PGconn* db, const core::Service& s) {
  Statement clear_links(db, "DELETE FROM service_providers WHERE service_id = ?");
  clear_links.bind(1, s.id).run();
  Statement link(db, "INSERT INTO service_providers (service_id, provider_id, position) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < s.provider_ids.size(); ++i) {
    link.reset();
    link.bind(1, s.id).bind(2, s.provider_ids[i]).bind(3, static_cast<int>(i)).run();
  }

  Statement clear_questions(db, "DELETE FROM service_questions WHERE service_id = ?");  // choices cascade
  clear_questions.bind(1, s.id).run();
  Statement question(db,
                     "INSERT INTO service_questions (service_id, key, position, label, kind, required) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
  Statement choice(db,
                   "INSERT INTO service_question_choices (service_id, question_key, position, value) "
                   "VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < s.questions.size(); ++i) {
    const auto& q = s.questions[i];
    question.reset();
    question.bind(1, s.id)
        .bind(2, q.key)
        .bind(3, static_cast<int>(i))
        .bind(4, q.label)
        .bind(5, question_kind_text(q.kind))
        .bind(6, q.required)
        .run();
    for (std::size_t c = 0; c < q.choices.size(); ++c) {
      choice.reset();
      choice.bind(1, s.id).bind(2, q.key).bind(3, static_cast<int>(c)).bind(4, q.choices[c]).run();
    }
  }
}

}  // namespace

Result<core::Service> PostgresStore::create_service(core::Service s, const Actor& by) {
  return write([&](PGconn* db) -> Result<core::Service> {
    if (!load_business_by_id(db, s.business_id)) {
      return core::Error::make(core::ErrorCode::not_found, "business not found");
    }
    if (auto e = check_providers(db, s)) return *e;
    s.id = new_id("svc_");
    write_service_row(db, s, now());
    write_links_and_questions(db, s);
    audit(db, s.business_id, by, "service.create", "service:" + s.id, "name=" + s.name);
    return *load_service(db, s.business_id, s.id);
  });
}

Result<core::Service> PostgresStore::service(const Id& business_id, const Id& service_id) {
  return read([&](PGconn* db) -> Result<core::Service> {
    auto s = load_service(db, business_id, service_id);
    if (!s) return service_not_found();
    return *s;
  });
}

std::vector<core::Service> PostgresStore::services_of(const Id& business_id) {
  return read([&](PGconn* db) {
    Statement q(db, "SELECT id FROM services WHERE business_id = ? AND deleted_at IS NULL ORDER BY seq");
    q.bind(1, business_id);
    std::vector<Id> ids;
    while (q.step()) ids.push_back(q.text(0));
    std::vector<core::Service> out;
    for (const auto& id : ids) {
      if (auto s = load_service(db, business_id, id)) out.push_back(std::move(*s));
    }
    return out;
  });
}

Result<core::Service> PostgresStore::update_service(const core::Service& s, const Actor& by) {
  return write([&](PGconn* db) -> Result<core::Service> {
    if (!service_exists(db, s.business_id, s.id)) return service_not_found();
    if (auto e = check_providers(db, s)) return *e;
    write_service_row(db, s, now());
    write_links_and_questions(db, s);
    audit(db, s.business_id, by, "service.update", "service:" + s.id, "name=" + s.name);
    return *load_service(db, s.business_id, s.id);
  });
}

Status PostgresStore::delete_service(const Id& business_id, const Id& service_id, const Actor& by) {
  return write([&](PGconn* db) -> Status {
    if (!service_exists(db, business_id, service_id)) return service_not_found();
    Statement busy(db, "SELECT COUNT(*) FROM bookings WHERE service_id = ? AND status = 'confirmed'");
    busy.bind(1, service_id);
    busy.step();
    if (busy.integer(0) > 0) {
      return core::Error::make(core::ErrorCode::conflict,
                               "service has confirmed bookings; cancel or complete them first");
    }
    // Archived, not removed: past bookings and their answers still refer to it.
    Statement q(db, "UPDATE services SET deleted_at = ? WHERE id = ?");
    q.bind(1, now()).bind(2, service_id).run();
    Statement links(db, "DELETE FROM service_providers WHERE service_id = ?");
    links.bind(1, service_id).run();
    audit(db, business_id, by, "service.delete", "service:" + service_id);
    return core::ok_status();
  });
}

}  // namespace visitd::store::postgres
