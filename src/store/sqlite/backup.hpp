#pragma once
// `visitd backup` / `visitd restore` for the SQLite store: SQLite's online backup API
// (https://www.sqlite.org/backup.html), so a backup is taken while visitd serves.
#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace visitd::store::sqlite {

struct CopyReport {
  std::string path;        // the file written
  std::int64_t pages = 0;  // database pages copied
  std::int64_t bytes = 0;  // size of the copy
  int schema_version = 0;  // highest migration applied in the copy
};

// Copies the database at `source` into `dest` as one consistent snapshot: every page in one
// backup step inside a read transaction, so writers (WAL) carry on and the copy holds exactly
// what was committed when the step began. Written to `dest`.part, checked with PRAGMA
// integrity_check, then renamed over `dest` with mode 0600 (it holds what the database holds).
// Errors: unavailable (source cannot be read, dest cannot be written), internal (a copy that
// fails its integrity check; nothing is left at `dest`).
core::Result<CopyReport> backup_database(const std::string& source, const std::string& dest);

// Replaces the database at `database` with the backup at `backup`, after checking that the
// backup opens, passes PRAGMA integrity_check and holds visitd's schema (invalid otherwise,
// naming the file; `database` is then left untouched). Stop every visitd serving `database`
// first: their open connections would see the restored content under their feet.
core::Result<CopyReport> restore_database(const std::string& backup, const std::string& database);

}  // namespace visitd::store::sqlite
