#include "store/sqlite/backup.hpp"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace visitd::store::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10'000;

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, Closer>;

core::Error failure(core::ErrorCode code, const std::string& what, sqlite3* db) {
  return core::Error::make(code, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

core::Result<Db> open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return failure(core::ErrorCode::unavailable, "cannot open " + path, raw);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

// The single text or integer answer of `sql`, or nullopt.
std::optional<std::string> scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) return std::nullopt;
  std::optional<std::string> out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  return out;
}

// An intact visitd database: integrity_check says "ok" and migrations were applied.
core::Result<int> check_copy(sqlite3* db, const std::string& path) {
  if (scalar(db, "PRAGMA integrity_check") != "ok") {
    return core::Error::invalid("backup", path + " is not an intact SQLite database");
  }
  auto version = scalar(db, "SELECT max(version) FROM schema_migrations");
  if (!version) return core::Error::invalid("backup", path + " does not hold a visitd database");
  return std::stoi(*version);
}

// Copies every page of `from` into `to` in one step (one read transaction on `from`).
core::Result<std::int64_t> copy_all(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) return failure(core::ErrorCode::unavailable, what, to);
  int rc = SQLITE_OK;
  // BUSY/LOCKED: another connection holds a lock for a moment; the busy handler already
  // waited, so retry a bounded number of times before giving up.
  for (int attempt = 0; attempt < 50; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(100);
  }
  const std::int64_t pages = sqlite3_backup_pagecount(b);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return failure(core::ErrorCode::unavailable, what, to);
  return pages;
}

std::int64_t file_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_size) : 0;
}

}  // namespace

core::Result<CopyReport> backup_database(const std::string& source, const std::string& dest) {
  auto from = open(source, SQLITE_OPEN_READONLY);
  if (!from) return from.error();
  const std::string part = dest + ".part";
  ::unlink(part.c_str());
  {
    // Created 0600 before SQLite opens it: the copy holds secrets and personal data.
    const mode_t old = ::umask(077);
    auto to = open(part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ::umask(old);
    if (!to) return to.error();
    auto pages = copy_all(from.value().get(), to.value().get(), "cannot back up " + source + " to " + part);
    if (!pages) {
      to.value().reset();
      ::unlink(part.c_str());
      return pages.error();
    }
    // A single file: the copy keeps no WAL beside it.
    sqlite3_exec(to.value().get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    auto version = check_copy(to.value().get(), part);
    if (!version) {
      to.value().reset();
      ::unlink(part.c_str());
      return core::Error::make(core::ErrorCode::internal, version.error().detail);
    }
    to.value().reset();
    ::chmod(part.c_str(), S_IRUSR | S_IWUSR);
    if (std::rename(part.c_str(), dest.c_str()) != 0) {
      ::unlink(part.c_str());
      return core::Error::make(core::ErrorCode::unavailable, "cannot move the backup into place at " + dest);
    }
    return CopyReport{dest, *pages, file_size(dest), *version};
  }
}

core::Result<CopyReport> restore_database(const std::string& backup, const std::string& database) {
  if (::access(backup.c_str(), R_OK) != 0) return core::Error::invalid("backup", backup + " cannot be read");
  auto from = open(backup, SQLITE_OPEN_READONLY);
  if (!from) return core::Error::invalid("backup", from.error().detail);
  auto version = check_copy(from.value().get(), backup);
  if (!version) return version.error();
  const mode_t old = ::umask(077);
  auto to = open(database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ::umask(old);
  if (!to) return to.error();
  sqlite3_exec(to.value().get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  auto pages = copy_all(from.value().get(), to.value().get(), "cannot restore " + backup + " into " + database);
  if (!pages) return pages.error();
  // Into the main file now: the restored database does not depend on its WAL.
  sqlite3_exec(to.value().get(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  return CopyReport{database, *pages, file_size(database), *version};
}

}  // namespace visitd::store::sqlite
