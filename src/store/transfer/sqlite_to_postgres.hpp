#pragma once
// `visitd migrate-data`: moves a single-machine install (a SQLite database) into an empty
// PostgreSQL database, for running several instances on it.
//
// What it does, in order:
//   1. checks the source is a visitd SQLite database at this visitd's latest schema version
//      (an older one: run `visitd migrate` on it first), read in one snapshot;
//   2. refuses a target that holds anything: a table outside visitd's schema, or a row in any
//      of visitd's tables (so a second run, or a server that already started on it, is
//      refused rather than merged);
//   3. brings the target to this visitd's PostgreSQL schema (its own migrations);
//   4. in ONE transaction, with every table locked: copies each table (parents before the
//      tables that reference them) with COPY FROM STDIN, advances every serial column's
//      sequence past the copied values (and past SQLite's AUTOINCREMENT high-water mark), then
//      re-reads every table and compares its row count and checksum (row_digest.hpp) with
//      the source's. It commits only when all match; any failure rolls everything back, so the
//      target is empty again and the command can simply be run again.
// Columns are matched by name. PostgreSQL's `seq` columns that SQLite keeps as the implicit
// rowid (providers, services, bookings: the order round robin and listings read) are filled
// from the rowid. The tables of the two schemas must be the same set (schema_migrations
// aside, each backend numbers its own); a difference is refused before anything is written.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace visitd::store::transfer {

struct TableProgress {
  enum class Phase { copying, verifying };
  Phase phase;
  std::string table;
  std::uint64_t done = 0;   // rows so far
  std::uint64_t total = 0;  // rows in the source table
  bool finished = false;    // the table's last call (its copy or check is done)
};
// Called at each table's start and end and every few thousand rows in between.
using ProgressFn = std::function<void(const TableProgress&)>;

struct TableReport {
  std::string table;
  std::uint64_t rows = 0;
  std::string checksum;  // hex SHA-256 (row_digest.hpp), equal on both sides
};

struct TransferReport {
  std::vector<TableReport> tables;  // in copy order
  int source_schema_version = 0;
  int target_schema_version = 0;
  [[nodiscard]] std::uint64_t rows() const;
};

// Problem types (core::Error::type) of the refusals, for the CLI's exit codes:
inline constexpr const char* kTargetNotEmpty = "target-not-empty";         // conflict
inline constexpr const char* kSourceSchema = "source-schema";              // policy
inline constexpr const char* kSchemaMismatch = "schema-mismatch";          // internal
inline constexpr const char* kVerificationFailed = "verification-failed";  // internal

// `sqlite_path`: an existing file (never created). `postgres_url`: a libpq URL. `clock`
// stamps the target's migration records. Errors: the refusals above, or internal/unavailable
// with the database's own message (naming the table when a row cannot be stored).
Result<TransferReport> copy_sqlite_to_postgres(const std::string& sqlite_path, const std::string& postgres_url,
                                               Clock clock, const ProgressFn& progress);

}  // namespace visitd::store::transfer
