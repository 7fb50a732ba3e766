#pragma once
// A fixed set of libpq connections shared by the worker threads, sized by configuration
// (VISITD_DATABASE_POOL). Each connection is used by one thread at a time; a thread waits
// when all are leased. A connection the server dropped is reset when it is next leased.
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/statement.hpp"

namespace visitd::store::postgres {

class ConnectionPool {
 public:
  // Opens every connection now (so a bad URL or an unreachable server fails at start).
  // Throws PgError.
  ConnectionPool(const std::string& url, std::size_t size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(ConnectionPool& pool, PGconn* db) : pool_(&pool), db_(db) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), db_(o.db_) { o.db_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (db_) pool_->release(db_);
    }
    [[nodiscard]] PGconn* get() const { return db_; }

   private:
    ConnectionPool* pool_;
    PGconn* db_;
  };

  // Throws PgError when a dropped connection cannot be re-established.
  Lease acquire();
  [[nodiscard]] std::size_t size() const { return all_.size(); }

 private:
  void release(PGconn* db);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<PGconn*> all_;
  std::vector<PGconn*> idle_;
};

}  // namespace visitd::store::postgres
