#include <chrono>

#include "security/random_ids.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace visitd::store {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

bool is_postgres_url(const std::string& database) {
  return starts_with(database, "postgres://") || starts_with(database, "postgresql://");
}

std::string database_for_display(const std::string& database) {
  if (!is_postgres_url(database)) return database;
  // postgres://user:password@host/... (RFC 3986 userinfo ends at the last '@' before the path)
  const auto authority = database.find("://") + 3;
  const auto path = database.find_first_of("/?", authority);
  const auto at = database.rfind('@', path == std::string::npos ? std::string::npos : path);
  if (at == std::string::npos || at < authority) return database;
  const auto colon = database.find(':', authority);
  if (colon == std::string::npos || colon > at) return database;
  return database.substr(0, colon + 1) + "***" + database.substr(at);
}

Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock,
                                          std::shared_ptr<core::IdGenerator> ids, std::size_t pool_size) {
  if (database.empty()) return core::Error::make(core::ErrorCode::invalid, "no database path given");
  if (!clock) return core::Error::make(core::ErrorCode::internal, "open_store needs a clock");
  if (!ids) return core::Error::make(core::ErrorCode::internal, "open_store needs an id generator");
  if (is_postgres_url(database)) {
    try {
      return std::unique_ptr<Store>(std::make_unique<postgres::PostgresStore>(
          database, std::move(clock), std::move(ids), pool_size ? pool_size : postgres::kDefaultPoolSize));
    } catch (const postgres::PgError& e) {
      return core::Error::make(core::ErrorCode::internal, e.what());
    }
  }
  try {
    return std::unique_ptr<Store>(std::make_unique<sqlite::SqliteStore>(
        database, std::move(clock), std::move(ids), pool_size ? pool_size : sqlite::kDefaultPoolSize));
  } catch (const sqlite::SqliteError& e) {
    return core::Error::make(core::ErrorCode::internal, e.what());
  }
}

Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock, std::size_t pool_size) {
  return open_store(database, std::move(clock), std::make_shared<security::RandomIds>(), pool_size);
}

Result<std::unique_ptr<Store>> open_store(const std::string& database) {
  return open_store(database,
                    [] { return std::chrono::time_point_cast<core::Seconds>(std::chrono::system_clock::now()); });
}

}  // namespace visitd::store
