// The contract suite's PostgreSQL backend: each test gets its own database on the server
// the run started (CREATE DATABASE), dropped when the test ends.
#include <libpq-fe.h>

#include <unistd.h>
#include <atomic>
#include <stdexcept>
#include <string>

#include "postgres_backend.hpp"

namespace visitd::store::testing {
namespace {

void admin(const std::string& url, const std::string& sql) {
  PGconn* db = PQconnectdb(url.c_str());
  if (PQstatus(db) != CONNECTION_OK) {
    std::string message = PQerrorMessage(db);
    PQfinish(db);
    throw std::runtime_error("cannot reach the test PostgreSQL: " + message);
  }
  PGresult* r = PQexec(db, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string message = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(db);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

// The server URL with another database name (the path after the authority).
std::string with_database(const std::string& url, const std::string& name) {
  const auto authority = url.find("://") + 3;
  const auto query = url.find('?', authority);
  const auto slash = url.find('/', authority);
  const std::string rest = query == std::string::npos ? "" : url.substr(query);
  const auto end = slash == std::string::npos || (query != std::string::npos && slash > query)
                       ? (query == std::string::npos ? url.size() : query)
                       : slash;
  return url.substr(0, end) + "/" + name + rest;
}

}  // namespace

PostgresBackend::PostgresBackend() : server_(test_postgres_url()) {
  static std::atomic<int> counter{0};
  name_ = "visitd_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  admin(server_, "CREATE DATABASE " + name_);
  url_ = with_database(server_, name_);
}

PostgresBackend::~PostgresBackend() {
  try {
    admin(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {  // the server and its data directory go at the end of the run anyway
  }
}

std::unique_ptr<Store> PostgresBackend::open(Clock clock, std::shared_ptr<core::IdGenerator> ids) {
  auto opened = open_store(url_, std::move(clock), std::move(ids), 4);
  if (!opened.ok()) throw std::runtime_error(opened.error().detail);
  return std::move(opened).value();
}

std::unique_ptr<StoreBackend> make_postgres_backend() { return std::make_unique<PostgresBackend>(); }

}  // namespace visitd::store::testing
