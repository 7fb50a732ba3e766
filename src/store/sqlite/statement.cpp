#include "store/sqlite/statement.hpp"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace visitd::store::sqlite {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
  int code = db ? sqlite3_extended_errcode(db) : rc;
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw SqliteError(code, std::string(context) + ": " + message);
}

// A connection is leased to one thread at a time, so an entry is never shared; the mutex
// only guards the maps themselves. An entry already in use (the same SQL nested inside
// its own loop) is bypassed with a one-off statement.
constexpr std::size_t kMaxCachedPerConnection = 256;  // dynamic filter SQL must not grow it forever

std::mutex cache_mutex;
}  // namespace

struct CacheEntry {
  sqlite3_stmt* stmt = nullptr;
  bool in_use = false;
};

namespace {
// Element references in unordered_map stay valid across rehashing, so a Statement may hold one.
std::unordered_map<sqlite3*, std::unordered_map<std::string, CacheEntry>> caches;
}  // namespace

void forget_statements(sqlite3* db) {
  std::lock_guard lock(cache_mutex);
  auto it = caches.find(db);
  if (it == caches.end()) return;
  for (auto& [sql, entry] : it->second) sqlite3_finalize(entry.stmt);
  caches.erase(it);
}

bool SqliteError::is_unique_violation() const {
  return code_ == SQLITE_CONSTRAINT_UNIQUE || code_ == SQLITE_CONSTRAINT_PRIMARYKEY;
}

bool SqliteError::is_busy() const { return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED; }

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw SqliteError(sqlite3_extended_errcode(db), "sqlite exec: " + text);
  }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  {
    std::lock_guard lock(cache_mutex);
    auto& cache = caches[db];
    auto it = cache.find(std::string(sql));
    if (it != cache.end() && !it->second.in_use) {
      it->second.in_use = true;
      stmt_ = it->second.stmt;
      cached_ = &it->second;
      return;
    }
  }
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "sqlite prepare");
  std::lock_guard lock(cache_mutex);
  auto& cache = caches[db];
  if (cache.size() < kMaxCachedPerConnection && cache.find(std::string(sql)) == cache.end()) {
    cached_ = &cache.emplace(std::string(sql), CacheEntry{stmt_, true}).first->second;
  }
}

Statement::~Statement() {
  if (!cached_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  std::lock_guard lock(cache_mutex);
  cached_->in_use = false;
}

Statement& Statement::bind(int index, std::string_view value) {
  // An empty view may have a null data pointer, which SQLite would store as NULL.
  const char* data = value.data() ? value.data() : "";
  int rc = sqlite3_bind_text(stmt_, index, data, static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(db_, rc, "sqlite bind");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(db_, rc, "sqlite bind");
  return *this;
}

Statement& Statement::bind(int index, core::Instant value) {
  return bind(index, static_cast<std::int64_t>(value.time_since_epoch().count()));
}

Statement& Statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(db_, rc, "sqlite bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, rc, "sqlite step");
}

int Statement::run() {
  while (step()) {
  }
  return sqlite3_changes(db_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

void Statement::corrupt(const std::string& what) const { throw SqliteError(SQLITE_CORRUPT, what); }

}  // namespace visitd::store::sqlite
