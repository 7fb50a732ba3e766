// CalendarStore on PostgreSQL, as on SQLite: feed token hashes, external calendars with their fetch state and
// last text, and the busy intervals expanded from them (migration 0004).
#include <algorithm>

#include "store/postgres/postgres_store.hpp"
#include "store/rows.hpp"

namespace visitd::store::postgres {

namespace {

constexpr int kMaxClaimed = 100;

std::string scope_of(const std::optional<Id>& provider_id) {
  return provider_id ? "provider:" + *provider_id : std::string("business");
}

std::string target_of(const Id& business_id, const std::optional<Id>& provider_id) {
  return provider_id ? "provider:" + *provider_id : "business:" + business_id;
}

// The audit names where a calendar points, never the secret path.
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  return url.substr(start, url.find_first_of("/?#", start) - start);
}

bool provider_of_business(PGconn* db, const Id& business_id, const Id& provider_id) {
  Statement q(db, "SELECT 1 FROM providers WHERE id = ? AND business_id = ? AND deleted_at IS NULL");
  q.bind(1, provider_id).bind(2, business_id);
  return q.step();
}

core::Error no_provider() { return core::Error::make(core::ErrorCode::not_found, "provider not found"); }
core::Error no_feed() { return core::Error::make(core::ErrorCode::not_found, "no calendar feed"); }
core::Error no_calendar() { return core::Error::make(core::ErrorCode::not_found, "external calendar not found"); }

int busy_count(PGconn* db, const Id& calendar_id) {
  Statement q(db, "SELECT COUNT(*) FROM external_busy WHERE calendar_id = ?");
  q.bind(1, calendar_id);
  q.step();
  return q.integer(0);
}

}  // namespace

// ---- feeds -----------------------------------------------------------------

Result<CalendarFeed> PostgresStore::put_calendar_feed(const Id& business_id, const std::optional<Id>& provider_id,
                                                      const std::string& token_hash, const Actor& by) {
  return write([&](PGconn* db) -> Result<CalendarFeed> {
    if (provider_id && !provider_of_business(db, business_id, *provider_id)) return no_provider();
    const Instant at = now();
    Statement q(db,
                "INSERT INTO calendar_feeds (id, business_id, provider_id, scope, token_hash, created_at, created_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (business_id, scope) DO UPDATE SET "
                "token_hash = excluded.token_hash, created_at = excluded.created_at, created_by = excluded.created_by");
    q.bind(1, new_id("cfd_"))
        .bind(2, business_id)
        .bind(3, provider_id)
        .bind(4, scope_of(provider_id))
        .bind(5, token_hash)
        .bind(6, at)
        .bind(7, by.name)
        .run();
    audit(db, business_id, by, "calendar_feed.issue", target_of(business_id, provider_id));
    Statement back(db,
                   std::string("SELECT ") + kFeedColumns + " FROM calendar_feeds WHERE business_id = ? AND scope = ?");
    back.bind(1, business_id).bind(2, scope_of(provider_id));
    back.step();
    return feed_row(back);
  });
}

std::optional<CalendarFeed> PostgresStore::calendar_feed(const Id& business_id, const std::optional<Id>& provider_id) {
  return read([&](PGconn* db) -> std::optional<CalendarFeed> {
    Statement q(db, std::string("SELECT ") + kFeedColumns + " FROM calendar_feeds WHERE business_id = ? AND scope = ?");
    q.bind(1, business_id).bind(2, scope_of(provider_id));
    if (!q.step()) return std::nullopt;
    return feed_row(q);
  });
}

Status PostgresStore::delete_calendar_feed(const Id& business_id, const std::optional<Id>& provider_id,
                                           const Actor& by) {
  return write([&](PGconn* db) -> Status {
    Statement q(db, "DELETE FROM calendar_feeds WHERE business_id = ? AND scope = ?");
    q.bind(1, business_id).bind(2, scope_of(provider_id));
    if (q.run() == 0) return no_feed();
    audit(db, business_id, by, "calendar_feed.revoke", target_of(business_id, provider_id));
    return core::ok_status();
  });
}

std::optional<CalendarFeed> PostgresStore::calendar_feed_by_hash(const std::string& token_hash) {
  return read([&](PGconn* db) -> std::optional<CalendarFeed> {
    Statement q(db, std::string("SELECT ") + kFeedColumns + " FROM calendar_feeds WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return feed_row(q);
  });
}

// ---- external calendars ----------------------------------------------------

Result<ExternalCalendar> PostgresStore::add_external_calendar(const ExternalCalendar& c, const Actor& by) {
  return write([&](PGconn* db) -> Result<ExternalCalendar> {
    if (!provider_of_business(db, c.business_id, c.provider_id)) return no_provider();
    ExternalCalendar out = c;
    out.id = new_id("xcal_");
    out.created_at = now();
    out.next_fetch_at = out.created_at;
    out.last_fetch_at.reset();
    out.last_success_at.reset();
    out.last_error.clear();
    out.last_result.clear();
    out.etag.clear();
    out.last_modified.clear();
    out.busy_count = 0;
    Statement q(db,
                "INSERT INTO external_calendars (id, business_id, provider_id, name, url, refresh_minutes, created_at, "
                "next_fetch_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, out.id)
        .bind(2, out.business_id)
        .bind(3, out.provider_id)
        .bind(4, out.name)
        .bind(5, out.url)
        .bind(6, out.refresh_minutes)
        .bind(7, out.created_at)
        .bind(8, out.next_fetch_at)
        .run();
    audit(db, c.business_id, by, "external_calendar.add", "external_calendar:" + out.id,
          "provider " + c.provider_id + ", host " + host_of(c.url));
    return out;
  });
}

std::vector<ExternalCalendar> PostgresStore::external_calendars(const Id& business_id,
                                                                const std::optional<Id>& provider_id) {
  return read([&](PGconn* db) {
    std::string sql = std::string("SELECT ") + kCalendarColumns + " FROM external_calendars WHERE business_id = ?";
    if (provider_id) sql += " AND provider_id = ?";
    Statement q(db, sql + " ORDER BY created_at, id");
    q.bind(1, business_id);
    if (provider_id) q.bind(2, *provider_id);
    std::vector<ExternalCalendar> out;
    while (q.step()) out.push_back(calendar_row(q));
    for (auto& c : out) c.busy_count = busy_count(db, c.id);
    return out;
  });
}

Result<ExternalCalendar> PostgresStore::external_calendar(const Id& business_id, const Id& calendar_id) {
  return read([&](PGconn* db) -> Result<ExternalCalendar> {
    Statement q(
        db, std::string("SELECT ") + kCalendarColumns + " FROM external_calendars WHERE business_id = ? AND id = ?");
    q.bind(1, business_id).bind(2, calendar_id);
    if (!q.step()) return no_calendar();
    auto c = calendar_row(q);
    c.busy_count = busy_count(db, c.id);
    return c;
  });
}

Status PostgresStore::delete_external_calendar(const Id& business_id, const Id& calendar_id, const Actor& by) {
  return write([&](PGconn* db) -> Status {
    Statement busy(db,
                   "DELETE FROM external_busy WHERE calendar_id IN "
                   "(SELECT id FROM external_calendars WHERE business_id = ? AND id = ?)");
    busy.bind(1, business_id).bind(2, calendar_id).run();
    Statement q(db, "DELETE FROM external_calendars WHERE business_id = ? AND id = ?");
    q.bind(1, business_id).bind(2, calendar_id);
    if (q.run() == 0) return no_calendar();
    audit(db, business_id, by, "external_calendar.remove", "external_calendar:" + calendar_id);
    return core::ok_status();
  });
}

Status PostgresStore::request_calendar_fetch(const Id& business_id, const Id& calendar_id, Instant at) {
  return write([&](PGconn* db) -> Status {
    Statement q(db, "UPDATE external_calendars SET next_fetch_at = ? WHERE business_id = ? AND id = ?");
    q.bind(1, at).bind(2, business_id).bind(3, calendar_id);
    if (q.run() == 0) return no_calendar();
    return core::ok_status();
  });
}

std::vector<ExternalCalendar> PostgresStore::claim_due_calendars(Instant at, Instant lease_until, int limit) {
  return write([&](PGconn* db) {
    Statement q(db, std::string("UPDATE external_calendars SET next_fetch_at = ? WHERE id IN ("
                                "SELECT c.id FROM external_calendars c JOIN providers p ON p.id = c.provider_id "
                                "WHERE c.next_fetch_at <= ? AND p.deleted_at IS NULL "
                                "ORDER BY c.next_fetch_at, c.id LIMIT ? FOR UPDATE OF c SKIP LOCKED) RETURNING ") +
                        kCalendarColumns);
    q.bind(1, lease_until).bind(2, at).bind(3, std::clamp(limit, 1, kMaxClaimed));
    std::vector<ExternalCalendar> out;
    while (q.step()) out.push_back(calendar_row(q));
    return out;
  });
}

std::optional<std::string> PostgresStore::calendar_body(const Id& calendar_id) {
  return read([&](PGconn* db) -> std::optional<std::string> {
    Statement q(db, "SELECT body FROM external_calendars WHERE id = ?");
    q.bind(1, calendar_id);
    if (!q.step()) return std::nullopt;
    return q.optional_text(0);
  });
}

Status PostgresStore::record_calendar_fetch(const Id& calendar_id, const CalendarFetch& f) {
  return write([&](PGconn* db) -> Status {
    Statement owner(db, "SELECT provider_id FROM external_calendars WHERE id = ?");
    owner.bind(1, calendar_id);
    if (!owner.step()) return core::ok_status();  // removed while it was being fetched
    const Id provider_id = owner.text(0);
    Statement q(db,
                "UPDATE external_calendars SET last_fetch_at = ?, next_fetch_at = ?, last_error = ?, last_result = ?, "
                "last_success_at = CASE WHEN ? = 1 THEN ? ELSE last_success_at END, "
                "body = COALESCE(?, body), etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) "
                "WHERE id = ?");
    q.bind(1, f.at)
        .bind(2, f.next_fetch_at)
        .bind(3, f.ok ? std::string() : f.error)
        .bind(4, f.result)
        .bind(5, f.ok)
        .bind(6, f.at)
        .bind(7, f.body)
        .bind(8, f.body ? f.etag.value_or("") : f.etag)
        .bind(9, f.body ? f.last_modified.value_or("") : f.last_modified)
        .bind(10, calendar_id)
        .run();
    if (f.busy) {
      Statement clear(db, "DELETE FROM external_busy WHERE calendar_id = ?");
      clear.bind(1, calendar_id).run();
      Statement add(db, "INSERT INTO external_busy (calendar_id, provider_id, start_at, end_at) VALUES (?, ?, ?, ?)");
      for (const auto& i : *f.busy) {
        add.bind(1, calendar_id).bind(2, provider_id).bind(3, i.begin).bind(4, i.end).run();
        add.reset();
      }
    }
    return core::ok_status();
  });
}

std::vector<ExternalBusy> PostgresStore::external_busy(const std::vector<Id>& provider_ids, Interval range) {
  return read([&](PGconn* db) {
    std::vector<ExternalBusy> out;
    Statement q(db,
                "SELECT provider_id, start_at, end_at FROM external_busy WHERE provider_id = ? AND start_at < ? "
                "AND end_at > ? ORDER BY start_at");
    for (const auto& id : provider_ids) {
      q.bind(1, id).bind(2, range.end).bind(3, range.begin);
      while (q.step()) out.push_back({q.text(0), {q.instant(1), q.instant(2)}});
      q.reset();
    }
    return out;
  });
}

}  // namespace visitd::store::postgres
