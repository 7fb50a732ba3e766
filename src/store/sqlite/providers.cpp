// Providers with their weekly hours, date overrides and time off.
#include "store/sqlite/rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {
namespace {

core::Error provider_not_found() { return core::Error::make(core::ErrorCode::not_found, "provider not found"); }

bool provider_exists(sqlite3* db, const Id& business_id, const Id& provider_id) {
  Statement q(db, "SELECT 1 FROM providers WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, provider_id).bind(2, business_id);
  return q.step();
}

std::optional<core::Error> check_user(sqlite3* db, const std::optional<Id>& user_id) {
  if (!user_id) return std::nullopt;
  Statement q(db, "SELECT 1 FROM users WHERE id = ?");
  q.bind(1, *user_id);
  if (q.step()) return std::nullopt;
  return core::Error::invalid("userId", "unknown user");
}

void insert_weekly_hours(sqlite3* db, const Id& provider_id, const core::WeeklyHours& w) {
  Statement clear(db, "DELETE FROM weekly_hours WHERE provider_id = ?");
  clear.bind(1, provider_id).run();
  Statement q(db, "INSERT INTO weekly_hours (provider_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)");
  for (std::size_t day = 0; day < w.size(); ++day) {
    for (const auto& r : w[day]) {
      q.reset();
      q.bind(1, provider_id).bind(2, static_cast<int>(day)).bind(3, r.start).bind(4, r.end).run();
    }
  }
}

// Replaces the override of o.date (keeping its id when one exists, so links stay stable).
core::DateOverride upsert_override(sqlite3* db, core::IdGenerator& ids, const Id& provider_id, core::DateOverride o) {
  std::string date = core::format_date(o.date);
  Statement existing(db, "SELECT id FROM date_overrides WHERE provider_id = ? AND date = ?");
  existing.bind(1, provider_id).bind(2, date);
  if (existing.step()) {
    o.id = existing.text(0);
    Statement clear(db, "DELETE FROM date_override_ranges WHERE override_id = ?");
    clear.bind(1, o.id).run();
  } else {
    o.id = ids.next("ovr_");
    Statement insert(db, "INSERT INTO date_overrides (id, provider_id, date) VALUES (?, ?, ?)");
    insert.bind(1, o.id).bind(2, provider_id).bind(3, date).run();
  }
  Statement range(db, "INSERT INTO date_override_ranges (override_id, start_minute, end_minute) VALUES (?, ?, ?)");
  for (const auto& r : o.ranges) {
    range.reset();
    range.bind(1, o.id).bind(2, r.start).bind(3, r.end).run();
  }
  return o;
}

core::TimeOff insert_time_off(sqlite3* db, core::IdGenerator& ids, const Id& provider_id, core::TimeOff t) {
  t.id = ids.next("off_");
  Statement q(db, "INSERT INTO time_off (id, provider_id, start_at, end_at, reason) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, t.id).bind(2, provider_id).bind(3, t.span.begin).bind(4, t.span.end).bind(5, t.reason).run();
  return t;
}

}  // namespace

Result<core::Provider> SqliteStore::create_provider(core::Provider p, const Actor& by) {
  return write([&](sqlite3* db) -> Result<core::Provider> {
    if (!load_business_by_id(db, p.business_id)) {
      return core::Error::make(core::ErrorCode::not_found, "business not found");
    }
    if (auto e = check_user(db, p.user_id)) return *e;
    for (const auto& t : p.time_off) {
      if (t.span.empty()) return core::Error::invalid("timeOff", "end must be after start");
    }
    p.id = new_id("prv_");
    Statement q(db,
                "INSERT INTO providers (id, business_id, name, zone, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, p.id).bind(2, p.business_id).bind(3, p.name).bind(4, p.zone).bind(5, p.user_id).bind(6, now()).run();
    insert_weekly_hours(db, p.id, p.weekly);
    for (auto& o : p.overrides) o = upsert_override(db, *ids_, p.id, o);
    for (auto& t : p.time_off) t = insert_time_off(db, *ids_, p.id, t);
    audit(db, p.business_id, by, "provider.create", "provider:" + p.id, "name=" + p.name);
    return *load_provider(db, p.business_id, p.id);
  });
}

Result<core::Provider> SqliteStore::provider(const Id& business_id, const Id& provider_id) {
  return read([&](sqlite3* db) -> Result<core::Provider> {
    auto p = load_provider(db, business_id, provider_id);
    if (!p) return provider_not_found();
    return *p;
  });
}

std::vector<core::Provider> SqliteStore::providers_of(const Id& business_id) {
  return read([&](sqlite3* db) {
    Statement q(db, "SELECT id FROM providers WHERE business_id = ? AND deleted_at IS NULL ORDER BY rowid");
    q.bind(1, business_id);
    std::vector<Id> ids;
    while (q.step()) ids.push_back(q.text(0));
    std::vector<core::Provider> out;
    for (const auto& id : ids) {
      if (auto p = load_provider(db, business_id, id)) out.push_back(std::move(*p));
    }
    return out;
  });
}

std::vector<core::Provider> SqliteStore::providers_by_ids(const Id& business_id, const std::vector<Id>& provider_ids) {
  return read([&](sqlite3* db) {
    std::vector<core::Provider> out;
    out.reserve(provider_ids.size());
    for (const auto& id : provider_ids) {
      if (auto p = load_provider(db, business_id, id)) out.push_back(std::move(*p));
    }
    return out;
  });
}

Result<core::Provider> SqliteStore::update_provider(const core::Provider& p, const Actor& by) {
  return write([&](sqlite3* db) -> Result<core::Provider> {
    if (!provider_exists(db, p.business_id, p.id)) return provider_not_found();
    if (auto e = check_user(db, p.user_id)) return *e;
    Statement q(db, "UPDATE providers SET name = ?, zone = ?, user_id = ? WHERE id = ? AND business_id = ?");
    q.bind(1, p.name).bind(2, p.zone).bind(3, p.user_id).bind(4, p.id).bind(5, p.business_id).run();
    audit(db, p.business_id, by, "provider.update", "provider:" + p.id, "name=" + p.name);
    return *load_provider(db, p.business_id, p.id);
  });
}

Status SqliteStore::delete_provider(const Id& business_id, const Id& provider_id, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!provider_exists(db, business_id, provider_id)) return provider_not_found();
    Statement busy(db, "SELECT COUNT(*) FROM bookings WHERE provider_id = ? AND status = 'confirmed'");
    busy.bind(1, provider_id);
    busy.step();
    if (busy.integer(0) > 0) {
      return core::Error::make(core::ErrorCode::conflict,
                               "provider has confirmed bookings; cancel or complete them first");
    }
    // Archived, not removed: past bookings still name this provider.
    Statement q(db, "UPDATE providers SET deleted_at = ? WHERE id = ?");
    q.bind(1, now()).bind(2, provider_id).run();
    Statement links(db, "DELETE FROM service_providers WHERE provider_id = ?");
    links.bind(1, provider_id).run();
    audit(db, business_id, by, "provider.delete", "provider:" + provider_id);
    return core::ok_status();
  });
}

Status SqliteStore::set_weekly_hours(const Id& business_id, const Id& provider_id, const core::WeeklyHours& w,
                                     const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!provider_exists(db, business_id, provider_id)) return provider_not_found();
    insert_weekly_hours(db, provider_id, w);
    audit(db, business_id, by, "hours.set", "provider:" + provider_id);
    return core::ok_status();
  });
}

Result<core::DateOverride> SqliteStore::put_override(const Id& business_id, const Id& provider_id, core::DateOverride o,
                                                     const Actor& by) {
  return write([&](sqlite3* db) -> Result<core::DateOverride> {
    if (!provider_exists(db, business_id, provider_id)) return provider_not_found();
    o = upsert_override(db, *ids_, provider_id, std::move(o));
    audit(db, business_id, by, "override.put", "provider:" + provider_id, "date=" + core::format_date(o.date));
    return o;
  });
}

Status SqliteStore::delete_override(const Id& business_id, const Id& provider_id, const Id& override_id,
                                    const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!provider_exists(db, business_id, provider_id)) return provider_not_found();
    Statement q(db, "DELETE FROM date_overrides WHERE id = ? AND provider_id = ?");
    if (q.bind(1, override_id).bind(2, provider_id).run() == 0) {
      return core::Error::make(core::ErrorCode::not_found, "override not found");
    }
    audit(db, business_id, by, "override.delete", "provider:" + provider_id, "override=" + override_id);
    return core::ok_status();
  });
}

Result<core::TimeOff> SqliteStore::add_time_off(const Id& business_id, const Id& provider_id, core::TimeOff t,
                                                const Actor& by) {
  return write([&](sqlite3* db) -> Result<core::TimeOff> {
    if (!provider_exists(db, business_id, provider_id)) return provider_not_found();
    if (t.span.empty()) return core::Error::invalid("end", "must be after start");
    t = insert_time_off(db, *ids_, provider_id, std::move(t));
    audit(db, business_id, by, "timeoff.add", "provider:" + provider_id, "timeOff=" + t.id);
    return t;
  });
}

Status SqliteStore::delete_time_off(const Id& business_id, const Id& provider_id, const Id& time_off_id,
                                    const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    if (!provider_exists(db, business_id, provider_id)) return provider_not_found();
    Statement q(db, "DELETE FROM time_off WHERE id = ? AND provider_id = ?");
    if (q.bind(1, time_off_id).bind(2, provider_id).run() == 0) {
      return core::Error::make(core::ErrorCode::not_found, "time off not found");
    }
    audit(db, business_id, by, "timeoff.delete", "provider:" + provider_id, "timeOff=" + time_off_id);
    return core::ok_status();
  });
}

}  // namespace visitd::store::sqlite
