#pragma once
// RAII over sqlite3_stmt with bound parameters only: SQL text never carries values.
// Errors throw SqliteError; SqliteStore turns them into Result values at its boundary,
// so exceptions never leave the adapter.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/time.hpp"
#include "store/row_reader.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace visitd::store::sqlite {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  [[nodiscard]] int code() const { return code_; }  // extended result code
  [[nodiscard]] bool is_unique_violation() const;
  [[nodiscard]] bool is_busy() const;

 private:
  int code_;
};

// Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT); may hold several statements.
void exec(sqlite3* db, const char* sql);

// Prepared statements are cached per connection and reused (preparing costs more than
// running most of our queries). Call before closing a connection.
void forget_statements(sqlite3* db);

class Statement final : public RowReader {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement() override;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Each returns *this for chaining.
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, core::Instant value);
  Statement& bind_null(int index);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // true while a row is available; false when done.
  bool step();
  // Steps to completion (for INSERT/UPDATE/DELETE); returns the number of changed rows.
  int run();
  void reset();

  // The current row (store/row_reader.hpp; integer, instant and the optional readers come
  // from there). corrupt() throws this backend's corruption error.
  [[nodiscard]] bool is_null(int column) const override;
  [[nodiscard]] std::string text(int column) const override;
  [[nodiscard]] std::int64_t int64(int column) const override;
  [[noreturn]] void corrupt(const std::string& what) const override;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  struct CacheEntry* cached_ = nullptr;  // borrowed from the connection's cache: reset, not finalized
};

}  // namespace visitd::store::sqlite
