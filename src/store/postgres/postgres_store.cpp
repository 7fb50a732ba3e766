#include "store/postgres/postgres_store.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "security/crypto.hpp"
#include "store/migrations.hpp"

namespace visitd::store::postgres {

PostgresStore::PostgresStore(const std::string& url, Clock clock, std::shared_ptr<core::IdGenerator> ids,
                             std::size_t pool_size)
    : pool_(url, pool_size), clock_(std::move(clock)), ids_(std::move(ids)) {
  security::init();
}

core::Error PostgresStore::to_error(const PgError& e) {
  if (e.is(kUniqueViolation)) return core::Error::make(core::ErrorCode::conflict, "already exists");
  // The database refused a double booking the application's own check did not see (another
  // instance committed first): the same answer as a slot found taken.
  if (e.is(kExclusionViolation)) return core::Error::make(core::ErrorCode::conflict, "slot is no longer available");
  // Callers validate first (core/validation); a CHECK that still fires is bad input, not a crash.
  if (e.is(kCheckViolation)) return core::Error::make(core::ErrorCode::invalid, "value out of range");
  // Text PostgreSQL cannot store (invalid UTF-8, a NUL byte) is bad input too.
  if (e.sqlstate() == "22021" || e.sqlstate() == "22P05") {
    return core::Error::make(core::ErrorCode::invalid, "text is not valid UTF-8");
  }
  if (e.is_retryable() || e.sqlstate().rfind("08", 0) == 0 || e.sqlstate() == "57P01") {
    core::Error busy = core::Error::make(core::ErrorCode::unavailable, "database busy or unreachable");
    busy.retry_after = std::chrono::seconds(1);
    return busy;
  }
  return core::Error::make(core::ErrorCode::internal, e.what());
}

void PostgresStore::back_off(int attempt) {
  // Jittered, growing to ~50 ms: colliding transactions retry apart rather than in step.
  thread_local std::minstd_rand jitter(std::random_device{}());
  const int cap = std::min(50, 1 << std::min(attempt, 6));
  std::this_thread::sleep_for(std::chrono::milliseconds(1 + static_cast<int>(jitter() % static_cast<unsigned>(cap))));
}

void PostgresStore::lock_providers(PGconn* db, std::vector<Id> provider_ids) {
  std::sort(provider_ids.begin(), provider_ids.end());
  provider_ids.erase(std::unique(provider_ids.begin(), provider_ids.end()), provider_ids.end());
  // Key space 1 = providers (hashtext of the id); migrations hold their own key below.
  Statement q(db, "SELECT pg_advisory_xact_lock(1, hashtext(?::text))");
  for (const auto& id : provider_ids) {
    q.reset();
    q.bind(1, id);
    q.step();
  }
}

void PostgresStore::audit(PGconn* db, const Id& business_id, const Actor& by, std::string_view action,
                          std::string_view target, std::string_view detail) const {
  Statement q(db,
              "INSERT INTO audit_log (id, business_id, at, actor, action, target, detail) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, new_id("aud_"))
      .bind(2, business_id)
      .bind(3, now())
      .bind(4, by.name)
      .bind(5, action)
      .bind(6, target)
      .bind(7, detail)
      .run();
}

// ---- schema ----------------------------------------------------------------

namespace {

// Held for the whole migration run: two instances starting at once apply each step once.
constexpr const char* kMigrationLock = "SELECT pg_advisory_lock(0, 1)";
constexpr const char* kMigrationUnlock = "SELECT pg_advisory_unlock(0, 1)";
constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

int current_version(PGconn* db) {
  Statement q(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.step();
  return q.integer(0);
}

// Whether one numbered migration was applied. Steps are applied by absence, not by being above
// the highest applied number: migrations written on parallel branches land with numbers below
// one already applied elsewhere, and must still run.
bool applied(PGconn* db, int version) {
  Statement q(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
  q.bind(1, version);
  return q.step();
}

bool migrations_table_exists(PGconn* db) {
  Statement q(db, "SELECT to_regclass('schema_migrations') IS NOT NULL");
  q.step();
  return q.int64(0) != 0;
}

int latest_known_version() {
  int latest = 0;
  for (const auto& m : postgres_migrations()) latest = std::max(latest, m.version);
  return latest;
}

core::Error newer_schema(int current, int known) {
  return core::Error::make(core::ErrorCode::policy, "database schema version " + std::to_string(current) +
                                                        " is newer than this visitd understands (" +
                                                        std::to_string(known) +
                                                        "); upgrade visitd before using this database");
}

}  // namespace

Status PostgresStore::migrate() {
  try {
    auto lease = pool_.acquire();
    PGconn* db = lease.get();
    exec(db, kMigrationLock);
    struct Unlock {
      PGconn* db;
      ~Unlock() {
        try {
          exec(db, kMigrationUnlock);
        } catch (...) {  // the session's end releases it anyway
        }
      }
    } unlock{db};
    exec(db, kCreateMigrationsTable);
    const int known = latest_known_version();
    for (const auto& m : postgres_migrations()) {
      Transaction tx(db, Transaction::Kind::read_committed);
      const int current = current_version(db);
      if (current > known) return newer_schema(current, known);
      if (applied(db, m.version)) continue;
      exec(db, m.sql);
      Statement record(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      record.bind(1, m.version).bind(2, m.name).bind(3, now()).run();
      tx.commit();
    }
    if (const int current = current_version(db); current > known) return newer_schema(current, known);
    return core::ok_status();
  } catch (const PgError& e) {
    return core::Error::make(core::ErrorCode::internal, std::string("migration failed: ") + e.what());
  }
}

int PostgresStore::schema_version() {
  return read([](PGconn* db) { return migrations_table_exists(db) ? current_version(db) : 0; });
}

bool PostgresStore::healthy() {
  try {
    return read([](PGconn* db) {
      Statement q(db, "SELECT 1");
      return q.step() && q.int64(0) == 1;
    });
  } catch (const std::exception&) {
    return false;
  }
}

// ---- settings --------------------------------------------------------------

std::optional<std::string> PostgresStore::get_setting(const std::string& key) {
  return read([&](PGconn* db) -> std::optional<std::string> {
    Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (!q.step()) return std::nullopt;
    return q.text(0);
  });
}

std::string PostgresStore::put_setting_if_absent(const std::string& key, const std::string& value) {
  return write([&](PGconn* db) {
    Statement insert(db, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
    insert.bind(1, key).bind(2, value).run();
    Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    q.step();
    return q.text(0);
  });
}

}  // namespace visitd::store::postgres
