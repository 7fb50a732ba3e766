#pragma once
// Transaction guards. Anything but an explicit commit() rolls back.
//   read          REPEATABLE READ, READ ONLY: every query of a read sees one snapshot.
//   write         SERIALIZABLE: a check ("is this slot free?", "is an owner left?") and the
//                 write that depends on it behave as if writers ran one at a time, across
//                 every visitd instance; a conflict aborts with 40001 and the store runs the
//                 transaction again (PostgresStore::write).
//   read_committed for statements that are safe alone and must not abort under contention
//                 (the outbox claim with FOR UPDATE SKIP LOCKED).
#include <libpq-fe.h>

#include "store/postgres/statement.hpp"

namespace visitd::store::postgres {

class Transaction {
 public:
  enum class Kind { read, write, read_committed };

  Transaction(PGconn* db, Kind kind) : db_(db) {
    switch (kind) {
      case Kind::read:
        exec(db_, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        break;
      case Kind::write:
        exec(db_, "BEGIN ISOLATION LEVEL SERIALIZABLE");
        break;
      case Kind::read_committed:
        exec(db_, "BEGIN ISOLATION LEVEL READ COMMITTED");
        break;
    }
  }
  ~Transaction() {
    // Must not throw; a failed rollback leaves nothing committed anyway.
    if (!done_) PQclear(PQexec(db_, "ROLLBACK"));
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    done_ = true;  // a failed COMMIT has ended the transaction too
    exec(db_, "COMMIT");
  }

 private:
  PGconn* db_;
  bool done_ = false;
};

}  // namespace visitd::store::postgres
