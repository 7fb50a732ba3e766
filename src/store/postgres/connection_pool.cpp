#include "store/postgres/connection_pool.hpp"

#include <libpq-fe.h>

namespace visitd::store::postgres {
namespace {

// The URL may carry a password: errors name the server's answer, never the URL.
PGconn* open_connection(const std::string& url) {
  PGconn* db = PQconnectdb(url.c_str());
  if (!db || PQstatus(db) != CONNECTION_OK) {
    std::string message = db ? PQerrorMessage(db) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (db) PQfinish(db);
    throw PgError(kConnectionFailure, "cannot connect to PostgreSQL: " + message);
  }
  try {
    // Instants are unix seconds in BIGINT columns; the session zone only matters to the
    // exclusion constraint's tstzrange, which compares instants, so any zone is right.
    // Keep notices (e.g. "extension already exists") out of the server's stderr.
    exec(db, "SET client_min_messages = warning");
  } catch (...) {
    PQfinish(db);
    throw;
  }
  return db;
}

}  // namespace

ConnectionPool::ConnectionPool(const std::string& url, std::size_t size) {
  if (size == 0) size = 1;
  try {
    for (std::size_t i = 0; i < size; ++i) all_.push_back(open_connection(url));
  } catch (...) {
    for (auto* db : all_) PQfinish(db);
    throw;
  }
  idle_ = all_;
}

ConnectionPool::~ConnectionPool() {
  for (auto* db : all_) {
    forget_statements(db);
    PQfinish(db);
  }
}

ConnectionPool::Lease ConnectionPool::acquire() {
  PGconn* db = nullptr;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !idle_.empty(); });
    db = idle_.back();
    idle_.pop_back();
  }
  Lease lease(*this, db);
  if (PQstatus(db) == CONNECTION_BAD) {
    // The server restarted or dropped us: reconnect with the same parameters. Its prepared
    // statements are gone with the old session.
    forget_statements(db);
    PQreset(db);
    if (PQstatus(db) != CONNECTION_OK) {
      throw PgError(kConnectionFailure, std::string("PostgreSQL connection lost: ") + PQerrorMessage(db));
    }
    exec(db, "SET client_min_messages = warning");
  }
  return lease;
}

void ConnectionPool::release(PGconn* db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(db);
  }
  available_.notify_one();
}

}  // namespace visitd::store::postgres
