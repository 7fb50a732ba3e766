#pragma once
// One result row as either backend's prepared statement reads it. The backend-neutral row
// mapping (store/rows.hpp) builds domain records through this interface, so the SQLite and
// PostgreSQL stores keep only their SQL, binding and transactions.
//
// Columns are 0-based, in the SELECT's order. Instants are stored as integer unix seconds
// (UTC) by both schemas.
#include <cstdint>
#include <optional>
#include <string>

#include "core/time.hpp"

namespace visitd::store {

class RowReader {
 public:
  virtual ~RowReader() = default;

  [[nodiscard]] virtual bool is_null(int column) const = 0;
  [[nodiscard]] virtual std::string text(int column) const = 0;  // "" for NULL
  [[nodiscard]] virtual std::int64_t int64(int column) const = 0;
  // A value no mapping accepts means a damaged row: throws the backend's own corruption
  // error, which its store turns into an internal error at its boundary.
  [[noreturn]] virtual void corrupt(const std::string& what) const = 0;

  [[nodiscard]] int integer(int column) const { return static_cast<int>(int64(column)); }
  [[nodiscard]] core::Instant instant(int column) const { return core::Instant(core::Seconds(int64(column))); }
  [[nodiscard]] std::optional<std::string> optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
  }
  [[nodiscard]] std::optional<core::Instant> optional_instant(int column) const {
    if (is_null(column)) return std::nullopt;
    return instant(column);
  }
};

}  // namespace visitd::store
