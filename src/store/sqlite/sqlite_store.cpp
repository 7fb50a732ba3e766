#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include "security/crypto.hpp"
#include "store/migrations.hpp"

namespace visitd::store::sqlite {

SqliteStore::SqliteStore(const std::string& path, Clock clock, std::shared_ptr<core::IdGenerator> ids,
                         std::size_t pool_size)
    : pool_(path, pool_size), clock_(std::move(clock)), ids_(std::move(ids)) {
  security::init();
}

core::Error SqliteStore::to_error(const SqliteError& e) {
  if (e.is_unique_violation()) return core::Error::make(core::ErrorCode::conflict, "already exists");
  // Callers validate first (core/validation); a CHECK that still fires is bad input, not a crash.
  if (e.code() == SQLITE_CONSTRAINT_CHECK) return core::Error::make(core::ErrorCode::invalid, "value out of range");
  if (e.is_busy()) return core::Error::make(core::ErrorCode::internal, "database busy");
  return core::Error::make(core::ErrorCode::internal, e.what());
}

void SqliteStore::audit(sqlite3* db, const Id& business_id, const Actor& by, std::string_view action,
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

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

int current_version(sqlite3* db) {
  Statement q(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.step();
  return q.integer(0);
}

// Whether one numbered migration was applied. Steps are applied by absence, not by being above
// the highest applied number: migrations written on parallel branches land with numbers below
// one already applied elsewhere, and must still run.
bool applied(sqlite3* db, int version) {
  Statement q(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
  q.bind(1, version);
  return q.step();
}

bool migrations_table_exists(sqlite3* db) {
  Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  return q.step();
}

int latest_known_version() {
  int latest = 0;
  for (const auto& m : sqlite_migrations()) latest = std::max(latest, m.version);
  return latest;
}

}  // namespace

Status SqliteStore::migrate() {
  try {
    std::lock_guard serial(write_mutex_);
    auto lease = pool_.acquire();
    sqlite3* db = lease.get();
    exec(db, kCreateMigrationsTable);

    const int known = latest_known_version();
    for (const auto& m : sqlite_migrations()) {
      // One transaction per migration, each re-reading the version under the write lock,
      // so two processes migrating at once apply every step exactly once.
      Transaction tx(db, Transaction::Kind::write);
      int current = current_version(db);
      if (current > known) {
        return core::Error::make(core::ErrorCode::policy, "database schema version " + std::to_string(current) +
                                                              " is newer than this visitd understands (" +
                                                              std::to_string(known) +
                                                              "); upgrade visitd before using this database");
      }
      if (applied(db, m.version)) continue;
      exec(db, m.sql);
      Statement record(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      record.bind(1, m.version).bind(2, m.name).bind(3, now()).run();
      tx.commit();
    }
    // Also refuse a newer database when this binary had nothing left to apply.
    Transaction tx(db, Transaction::Kind::read);
    int current = current_version(db);
    tx.commit();
    if (current > known) {
      return core::Error::make(core::ErrorCode::policy, "database schema version " + std::to_string(current) +
                                                            " is newer than this visitd understands (" +
                                                            std::to_string(known) +
                                                            "); upgrade visitd before using this database");
    }
    return core::ok_status();
  } catch (const SqliteError& e) {
    return core::Error::make(core::ErrorCode::internal, std::string("migration failed: ") + e.what());
  }
}

int SqliteStore::schema_version() {
  return read([](sqlite3* db) { return migrations_table_exists(db) ? current_version(db) : 0; });
}

bool SqliteStore::healthy() {
  try {
    return read([](sqlite3* db) {
      Statement q(db, "SELECT 1");
      return q.step() && q.int64(0) == 1;
    });
  } catch (const std::exception&) {
    return false;
  }
}

// ---- settings --------------------------------------------------------------

std::optional<std::string> SqliteStore::get_setting(const std::string& key) {
  return read([&](sqlite3* db) -> std::optional<std::string> {
    Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (!q.step()) return std::nullopt;
    return q.text(0);
  });
}

std::string SqliteStore::put_setting_if_absent(const std::string& key, const std::string& value) {
  return write([&](sqlite3* db) {
    Statement insert(db, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
    insert.bind(1, key).bind(2, value).run();
    Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    q.step();
    return q.text(0);
  });
}

}  // namespace visitd::store::sqlite
