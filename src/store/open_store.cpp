#include <chrono>

#include "security/random_ids.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace visitd::store {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock,
                                          std::shared_ptr<core::IdGenerator> ids) {
  if (starts_with(database, "postgres://") || starts_with(database, "postgresql://")) {
    return core::Error::make(core::ErrorCode::invalid, "PostgreSQL is not supported yet");
  }
  if (database.empty()) return core::Error::make(core::ErrorCode::invalid, "no database path given");
  if (!clock) return core::Error::make(core::ErrorCode::internal, "open_store needs a clock");
  if (!ids) return core::Error::make(core::ErrorCode::internal, "open_store needs an id generator");
  try {
    return std::unique_ptr<Store>(std::make_unique<sqlite::SqliteStore>(database, std::move(clock), std::move(ids)));
  } catch (const sqlite::SqliteError& e) {
    return core::Error::make(core::ErrorCode::internal, e.what());
  }
}

Result<std::unique_ptr<Store>> open_store(const std::string& database, Clock clock) {
  return open_store(database, std::move(clock), std::make_shared<security::RandomIds>());
}

Result<std::unique_ptr<Store>> open_store(const std::string& database) {
  return open_store(database,
                    [] { return std::chrono::time_point_cast<core::Seconds>(std::chrono::system_clock::now()); });
}

}  // namespace visitd::store
