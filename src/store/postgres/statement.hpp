#pragma once
// Prepared statements over libpq with the shape the SQLite store's Statement has: 1-based
// bound parameters (SQL text never carries values), step() through rows, typed column
// readers. SQL is written with SQLite's placeholders (`?` in order, or `?N`) and rewritten
// to PostgreSQL's `$N` once, when the statement is first prepared on a connection.
// Parameters and results travel in text format; the server infers parameter types from
// their use (write `?::bigint` where it cannot).
// Errors throw PgError carrying the SQLSTATE; PostgresStore turns them into Result values
// at its boundary, so exceptions never leave the adapter.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "store/row_reader.hpp"

struct pg_conn;
struct pg_result;
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace visitd::store::postgres {

// SQLSTATEs the store acts on (PostgreSQL manual, appendix A).
inline constexpr const char* kUniqueViolation = "23505";
inline constexpr const char* kExclusionViolation = "23P01";
inline constexpr const char* kCheckViolation = "23514";
inline constexpr const char* kSerializationFailure = "40001";
inline constexpr const char* kDeadlockDetected = "40P01";
inline constexpr const char* kDataCorrupted = "XX001";
inline constexpr const char* kConnectionFailure = "08006";

class PgError : public std::runtime_error {
 public:
  PgError(std::string sqlstate, const std::string& what) : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }
  [[nodiscard]] bool is(const char* state) const { return sqlstate_ == state; }
  // Serialization failure or deadlock: the transaction may simply be run again.
  [[nodiscard]] bool is_retryable() const { return is(kSerializationFailure) || is(kDeadlockDetected); }

 private:
  std::string sqlstate_;
};

// Runs SQL without parameters (schema, BEGIN/COMMIT); may hold several statements.
void exec(PGconn* db, const std::string& sql);

// Statements are prepared once per connection and reused by name. Call when a connection is
// closed or reset (the server forgets its prepared statements then).
void forget_statements(PGconn* db);

// `?` / `?N` placeholders to `$N`, outside quoted literals; `count` gets the highest number.
std::string to_postgres_placeholders(std::string_view sql, int& count);

class Statement final : public RowReader {
 public:
  Statement(PGconn* db, std::string_view sql);
  ~Statement() override;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based. Each returns *this for chaining.
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, core::Instant value);  // unix seconds
  Statement& bind_null(int index);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Runs the statement on the first call; true while a row is available.
  bool step();
  // Runs it (INSERT/UPDATE/DELETE); returns the number of changed rows.
  int run();
  // Forgets the result and the bound values, to run again.
  void reset();

  // The current row (store/row_reader.hpp; integer, instant and the optional readers come
  // from there). corrupt() throws this backend's corruption error.
  [[nodiscard]] bool is_null(int column) const override;
  [[nodiscard]] std::string text(int column) const override;
  [[nodiscard]] std::int64_t int64(int column) const override;
  [[noreturn]] void corrupt(const std::string& what) const override;

 private:
  void execute();
  void clear_result();

  PGconn* db_;
  std::string name_;  // prepared statement name; empty = run unnamed with the SQL below
  std::string sql_;   // with $N placeholders
  std::vector<std::optional<std::string>> params_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

}  // namespace visitd::store::postgres
