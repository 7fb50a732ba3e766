#pragma once
// Transaction guards. A write transaction starts with BEGIN IMMEDIATE so it holds the
// database's write lock from its first read: a check ("is this slot free?") and the write
// that depends on it can never interleave with another writer, in this process or another.
// Anything but an explicit commit() rolls back.
#include <sqlite3.h>

#include "store/sqlite/statement.hpp"

namespace visitd::store::sqlite {

class Transaction {
 public:
  enum class Kind { read, write };

  Transaction(sqlite3* db, Kind kind) : db_(db) { exec(db_, kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  ~Transaction() {
    // Must not throw; a failed rollback leaves nothing committed anyway.
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    exec(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace visitd::store::sqlite
