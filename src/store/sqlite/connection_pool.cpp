#include "store/sqlite/connection_pool.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/sqlite/statement.hpp"

namespace visitd::store::sqlite {
namespace {

// Long enough to ride out another process's migration or a burst of writers; a request
// that still cannot get the lock fails rather than hangs.
constexpr int kBusyTimeoutMs = 10'000;

// The database holds the link-signing secret, password hashes, personal data and chats: a new
// file is created readable by its owner only. SQLite gives the -wal and -shm files the main
// file's permissions, so they follow. An existing file keeps its mode (the app warns when it
// is readable by others). ":memory:" and URI names are left to SQLite.
void create_private_file(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd >= 0) {
    ::fchmod(fd, S_IRUSR | S_IWUSR);  // whatever the umask
    ::close(fd);
    return;
  }
  if (errno == EEXIST) return;
  throw SqliteError(SQLITE_CANTOPEN, "cannot create SQLite database '" + path + "': " + std::strerror(errno));
}

sqlite3* open_connection(const std::string& path) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw SqliteError(rc, "cannot open SQLite database '" + path + "': " + message);
  }
  try {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  } catch (...) {
    sqlite3_close_v2(db);
    throw;
  }
  return db;
}

}  // namespace

ConnectionPool::ConnectionPool(const std::string& path, std::size_t size) {
  // Every ":memory:" connection would be a separate empty database.
  if (path == ":memory:") size = 1;
  if (size == 0) size = 1;
  try {
    create_private_file(path);
    for (std::size_t i = 0; i < size; ++i) all_.push_back(open_connection(path));
  } catch (...) {
    for (auto* db : all_) {
      forget_statements(db);
      sqlite3_close_v2(db);
    }
    throw;
  }
  idle_ = all_;
}

ConnectionPool::~ConnectionPool() {
  for (auto* db : all_) {
    forget_statements(db);
    sqlite3_close_v2(db);
  }
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  sqlite3* db = idle_.back();
  idle_.pop_back();
  return Lease(*this, db);
}

void ConnectionPool::release(sqlite3* db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(db);
  }
  available_.notify_one();
}

}  // namespace visitd::store::sqlite
