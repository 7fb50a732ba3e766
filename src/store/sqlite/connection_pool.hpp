#pragma once
// A fixed set of SQLite connections shared by the HTTP threads. Each connection is used by
// one thread at a time (SQLITE_OPEN_NOMUTEX); a thread waits on the condition variable
// when all are leased.
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace visitd::store::sqlite {

class ConnectionPool {
 public:
  // Opens every connection now (so a bad path fails at start) with WAL, foreign keys,
  // a busy timeout and synchronous=NORMAL. Throws SqliteError.
  ConnectionPool(const std::string& path, std::size_t size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(ConnectionPool& pool, sqlite3* db) : pool_(&pool), db_(db) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), db_(o.db_) { o.db_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (db_) pool_->release(db_);
    }
    [[nodiscard]] sqlite3* get() const { return db_; }

   private:
    ConnectionPool* pool_;
    sqlite3* db_;
  };

  Lease acquire();

 private:
  void release(sqlite3* db);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<sqlite3*> all_;
  std::vector<sqlite3*> idle_;
};

}  // namespace visitd::store::sqlite
