#include "store/transfer/sqlite_to_postgres.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

#include "store/migrations.hpp"
#include "store/transfer/copy_text.hpp"
#include "store/transfer/row_digest.hpp"

namespace visitd::store::transfer {
namespace {

constexpr const char* kMigrationsTable = "schema_migrations";
constexpr std::uint64_t kProgressEvery = 5000;
constexpr std::size_t kCopyChunkBytes = 1 << 20;

// Thrown inside this file only; copy_sqlite_to_postgres returns it as a value.
struct Failure {
  core::Error error;
};

[[noreturn]] void fail(core::ErrorCode code, std::string detail, const char* type = nullptr) {
  throw Failure{type ? core::Error::typed(code, type, std::move(detail)) : core::Error::make(code, std::move(detail))};
}

std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string rows_word(std::uint64_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// ---- SQLite (the source, read in one snapshot) --------------------------------------------

class SqliteSource {
 public:
  explicit SqliteSource(const std::string& path) {
    std::error_code ec;
    // SQLITE_OPEN_READONLY never creates a file; say plainly what is missing.
    if (!std::filesystem::is_regular_file(path, ec)) fail(core::ErrorCode::invalid, "no SQLite database at " + path);
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      fail(core::ErrorCode::internal, "cannot open " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~SqliteSource() { sqlite3_close(db_); }
  SqliteSource(const SqliteSource&) = delete;
  SqliteSource& operator=(const SqliteSource&) = delete;

  void exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string why = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      fail(core::ErrorCode::internal, "source database: " + why);
    }
  }
  [[nodiscard]] sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteQuery {
 public:
  SqliteQuery(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK)
      fail(core::ErrorCode::internal, "source database: " + std::string(sqlite3_errmsg(db)) + " in: " + sql);
  }
  ~SqliteQuery() { sqlite3_finalize(st_); }
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;

  SqliteQuery& bind(int index, const std::string& value) {
    sqlite3_bind_text(st_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(core::ErrorCode::internal, "source database: " + std::string(sqlite3_errmsg(db_)));
  }
  [[nodiscard]] int columns() const { return sqlite3_column_count(st_); }
  // The value's text form (SQLite renders integers in decimal); nullopt for NULL.
  [[nodiscard]] std::optional<std::string_view> value(int column) const {
    if (sqlite3_column_type(st_, column) == SQLITE_NULL) return std::nullopt;
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st_, column));
    const int size = sqlite3_column_bytes(st_, column);
    return std::string_view(text ? text : "", static_cast<std::size_t>(size));
  }
  [[nodiscard]] std::string text(int column) const { return std::string(value(column).value_or("")); }
  [[nodiscard]] std::int64_t int64(int column) const { return sqlite3_column_int64(st_, column); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

// ---- PostgreSQL (the target) --------------------------------------------------------------

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgTarget {
 public:
  PgTarget(const std::string& url, const std::string& display) : display_(display) {
    db_ = PQconnectdb(url.c_str());
    if (PQstatus(db_) != CONNECTION_OK) {
      std::string why = PQerrorMessage(db_);
      PQfinish(db_);
      db_ = nullptr;
      fail(core::ErrorCode::unavailable, "cannot connect to " + display + ": " + why);
    }
    PQsetClientEncoding(db_, "UTF8");
  }
  // Closing without COMMIT rolls an open transaction back.
  ~PgTarget() { PQfinish(db_); }
  PgTarget(const PgTarget&) = delete;
  PgTarget& operator=(const PgTarget&) = delete;

  PgResult run(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PgResult r(
        PQexecParams(db_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0),
        &PQclear);
    check(r.get(), sql);
    return r;
  }
  void check(PGresult* r, std::string_view what) const {
    const auto status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_SINGLE_TUPLE) return;
    fail(core::ErrorCode::internal,
         "target database: " + std::string(PQresultErrorMessage(r)) + " (" + std::string(what.substr(0, 120)) + ")");
  }
  [[nodiscard]] PGconn* get() const { return db_; }
  [[nodiscard]] const std::string& display() const { return display_; }

 private:
  PGconn* db_ = nullptr;
  std::string display_;
};

std::vector<std::string> column_values(const PgResult& r, int column) {
  std::vector<std::string> out;
  for (int i = 0; i < PQntuples(r.get()); ++i) out.emplace_back(PQgetvalue(r.get(), i, column));
  return out;
}

// ---- the plan: which tables, which columns, in which order --------------------------------

struct TablePlan {
  std::string name;
  std::vector<std::string> target_columns;  // quoted
  std::vector<std::string> source_columns;  // quoted, or rowid
  std::vector<std::string> serial_columns;  // unquoted; each has a sequence
  std::int64_t autoincrement = 0;           // SQLite's sqlite_sequence high-water mark
  std::uint64_t source_rows = 0;
};

int check_source_schema(SqliteSource& src) {
  SqliteQuery has(src.get(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  has.step();
  if (has.int64(0) == 0) fail(core::ErrorCode::invalid, "the source is not a visitd database (no schema_migrations)");
  SqliteQuery q(src.get(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.step();
  const int version = static_cast<int>(q.int64(0));
  int latest = 0;
  for (const auto& m : sqlite_migrations()) latest = std::max(latest, m.version);
  if (version < latest)
    fail(core::ErrorCode::policy,
         "the source database is at schema version " + std::to_string(version) + ", this visitd's is " +
             std::to_string(latest) + ": run `VISITD_DATABASE=<the .db file> visitd migrate` with this visitd first",
         kSourceSchema);
  if (version > latest)
    fail(core::ErrorCode::policy,
         "the source database's schema version " + std::to_string(version) + " is newer than this visitd (" +
             std::to_string(latest) + "): use the visitd that wrote it",
         kSourceSchema);
  return version;
}

std::vector<std::string> target_tables(PgTarget& pg) {
  auto r = pg.run(
      "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() "
      "AND table_type = 'BASE TABLE' ORDER BY table_name");
  return column_values(r, 0);
}

std::uint64_t count_rows(PgTarget& pg, const std::string& table) {
  auto r = pg.run("SELECT count(*) FROM " + quote_ident(table));
  return std::stoull(PQgetvalue(r.get(), 0, 0));
}

[[noreturn]] void not_empty(PgTarget& pg, const std::string& what) {
  fail(core::ErrorCode::conflict,
       "the target database " + pg.display() + " is not empty (" + what +
           "); migrate-data writes only into an empty database: create a new one (createdb) and run it again",
       kTargetNotEmpty);
}

// Before anything is written (the schema included): a database holding tables that are not
// visitd's, or rows in visitd's, is not ours to write.
void refuse_content(PgTarget& pg) {
  auto tables = target_tables(pg);
  if (tables.empty()) return;
  if (std::find(tables.begin(), tables.end(), kMigrationsTable) == tables.end())
    not_empty(pg, "tables: " + joined(tables, ", "));
  std::vector<std::string> filled;
  for (const auto& t : tables) {
    if (t == kMigrationsTable) continue;
    if (const auto n = count_rows(pg, t); n > 0) filled.push_back(t + ": " + rows_word(n));
  }
  if (!filled.empty()) not_empty(pg, joined(filled, ", "));
}

std::vector<TablePlan> plan_tables(SqliteSource& src, PgTarget& pg) {
  std::set<std::string> source;
  {
    SqliteQuery q(src.get(),
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                  "AND name <> 'schema_migrations'");
    while (q.step()) source.insert(q.text(0));
  }
  std::set<std::string> target;
  // Live state of several instances (who is in which room, the instances' leases, large room
  // events): exists only on PostgreSQL and describes connections, not data to carry over.
  static const std::set<std::string> kInstancesOnly = {"room_members", "live_instances", "room_bus_messages"};
  for (auto& t : target_tables(pg))
    if (t != kMigrationsTable && !kInstancesOnly.contains(t)) target.insert(t);
  std::vector<std::string> only_source, only_target;
  std::set_difference(source.begin(), source.end(), target.begin(), target.end(), std::back_inserter(only_source));
  std::set_difference(target.begin(), target.end(), source.begin(), source.end(), std::back_inserter(only_target));
  if (!only_source.empty() || !only_target.empty())
    fail(core::ErrorCode::internal,
         "the two schemas hold different tables (only in SQLite: " + joined(only_source, ", ") +
             "; only in PostgreSQL: " + joined(only_target, ", ") + "); nothing was written",
         kSchemaMismatch);

  // Parents before children: a table comes after every table its foreign keys reference.
  std::map<std::string, std::set<std::string>> parents;
  {
    auto r = pg.run(
        "SELECT child.relname, parent.relname FROM pg_constraint c "
        "JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid "
        "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace");
    for (int i = 0; i < PQntuples(r.get()); ++i) {
      std::string child = PQgetvalue(r.get(), i, 0), parent = PQgetvalue(r.get(), i, 1);
      if (child != parent) parents[child].insert(parent);
    }
  }
  std::vector<std::string> order;
  std::set<std::string> placed;
  while (order.size() < source.size()) {
    bool progressed = false;
    for (const auto& t : source) {
      if (placed.count(t)) continue;
      const auto& needs = parents[t];
      if (std::all_of(needs.begin(), needs.end(), [&](const std::string& p) { return placed.count(p) > 0; })) {
        order.push_back(t);
        placed.insert(t);
        progressed = true;
      }
    }
    if (!progressed) fail(core::ErrorCode::internal, "foreign keys form a cycle; cannot order the copy");
  }

  std::map<std::string, std::int64_t> autoincrement;
  {
    SqliteQuery has(src.get(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'");
    has.step();
    if (has.int64(0) > 0) {
      SqliteQuery q(src.get(), "SELECT name, seq FROM sqlite_sequence");
      while (q.step()) autoincrement[q.text(0)] = q.int64(1);
    }
  }

  std::vector<TablePlan> plans;
  for (const auto& name : order) {
    TablePlan plan;
    plan.name = name;
    plan.autoincrement = autoincrement.count(name) ? autoincrement[name] : 0;
    std::set<std::string> source_columns;
    {
      SqliteQuery q(src.get(), "SELECT name FROM pragma_table_info(?)");
      q.bind(1, name);
      while (q.step()) source_columns.insert(q.text(0));
    }
    auto r = pg.run(
        "SELECT column_name::text, pg_get_serial_sequence(quote_ident(table_name::text), column_name::text) IS NOT "
        "NULL "
        "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 "
        "ORDER BY ordinal_position",
        {name});
    for (int i = 0; i < PQntuples(r.get()); ++i) {
      const std::string column = PQgetvalue(r.get(), i, 0);
      const bool serial = std::string_view(PQgetvalue(r.get(), i, 1)) == "t";
      if (serial) plan.serial_columns.push_back(column);
      plan.target_columns.push_back(quote_ident(column));
      if (source_columns.erase(column)) {
        plan.source_columns.push_back(quote_ident(column));
      } else if (serial) {
        // SQLite keeps this order as the implicit rowid (ORDER BY rowid in its store).
        plan.source_columns.push_back("rowid");
      } else {
        fail(core::ErrorCode::internal,
             "column " + name + "." + column + " exists only in PostgreSQL; nothing was written", kSchemaMismatch);
      }
    }
    if (!source_columns.empty())
      fail(core::ErrorCode::internal,
           "table " + name + " has columns only in SQLite (" +
               joined(std::vector<std::string>(source_columns.begin(), source_columns.end()), ", ") +
               "); nothing was written",
           kSchemaMismatch);
    SqliteQuery count(src.get(), "SELECT count(*) FROM " + quote_ident(name));
    count.step();
    plan.source_rows = static_cast<std::uint64_t>(count.int64(0));
    plans.push_back(std::move(plan));
  }
  return plans;
}

// Inside the copy transaction, with every table locked: still nothing there (no instance
// started on the database since the first check).
void refuse_rows(PgTarget& pg, const std::vector<TablePlan>& plans) {
  std::vector<std::string> filled;
  for (const auto& p : plans)
    if (const auto n = count_rows(pg, p.name); n > 0) filled.push_back(p.name + ": " + rows_word(n));
  if (!filled.empty()) not_empty(pg, joined(filled, ", "));
}

// ---- copy, sequences, verification ---------------------------------------------------------

TableReport copy_table(SqliteSource& src, PgTarget& pg, const TablePlan& plan, const ProgressFn& progress) {
  TableProgress tick{TableProgress::Phase::copying, plan.name, 0, plan.source_rows};
  if (progress) progress(tick);
  const std::string copy_sql =
      "COPY " + quote_ident(plan.name) + " (" + joined(plan.target_columns, ", ") + ") FROM STDIN";
  {
    PgResult started(PQexec(pg.get(), copy_sql.c_str()), &PQclear);
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) pg.check(started.get(), copy_sql);
  }
  auto send = [&](std::string& buffer) {
    if (buffer.empty()) return;
    if (PQputCopyData(pg.get(), buffer.data(), static_cast<int>(buffer.size())) != 1)
      fail(core::ErrorCode::internal, "target database: " + std::string(PQerrorMessage(pg.get())));
    buffer.clear();
  };

  TableDigest digest;
  std::string buffer;
  SqliteQuery rows(src.get(), "SELECT " + joined(plan.source_columns, ", ") + " FROM " + quote_ident(plan.name));
  RowValues values(plan.source_columns.size());
  while (rows.step()) {
    for (int i = 0; i < rows.columns(); ++i) values[static_cast<std::size_t>(i)] = rows.value(i);
    digest.add_row(values);
    append_copy_row(buffer, values);
    if (buffer.size() >= kCopyChunkBytes) send(buffer);
    if (progress && digest.rows() % kProgressEvery == 0) {
      tick.done = digest.rows();
      progress(tick);
    }
  }
  send(buffer);
  if (PQputCopyEnd(pg.get(), nullptr) != 1)
    fail(core::ErrorCode::internal, "target database: " + std::string(PQerrorMessage(pg.get())));
  // The server checks each row (types, encoding, constraints) and answers at the end.
  while (PGresult* raw = PQgetResult(pg.get())) {
    PgResult r(raw, &PQclear);
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK)
      fail(core::ErrorCode::internal, "copying " + plan.name + ": " + PQresultErrorMessage(r.get()));
  }
  tick.done = digest.rows();
  tick.total = std::max(tick.total, tick.done);
  tick.finished = true;
  if (progress) progress(tick);
  return TableReport{plan.name, digest.rows(), digest.hex()};
}

// New rows must not collide with copied ones: each serial column's sequence continues after
// the largest copied value (or SQLite's AUTOINCREMENT mark, which never goes back).
void advance_sequences(PgTarget& pg, const TablePlan& plan) {
  for (const auto& column : plan.serial_columns) {
    pg.run(
        "SELECT CASE WHEN m > 0 THEN setval(s, m, true) ELSE setval(s, 1, false) END "
        "FROM (SELECT pg_get_serial_sequence($1, $2) AS s, "
        "GREATEST(COALESCE(MAX(" +
            quote_ident(column) + "), 0), $3::bigint) AS m FROM " + quote_ident(plan.name) + ") AS x",
        {quote_ident(plan.name), column, std::to_string(plan.autoincrement)});
  }
}

TableReport digest_target(PgTarget& pg, const TablePlan& plan, const ProgressFn& progress) {
  TableProgress tick{TableProgress::Phase::verifying, plan.name, 0, plan.source_rows};
  if (progress) progress(tick);
  const std::string sql = "SELECT " + joined(plan.target_columns, ", ") + " FROM " + quote_ident(plan.name);
  // Row by row: a large table is never held in memory at once.
  if (PQsendQuery(pg.get(), sql.c_str()) != 1 || PQsetSingleRowMode(pg.get()) != 1)
    fail(core::ErrorCode::internal, "target database: " + std::string(PQerrorMessage(pg.get())));
  TableDigest digest;
  RowValues values(plan.target_columns.size());
  while (PGresult* raw = PQgetResult(pg.get())) {
    PgResult r(raw, &PQclear);
    pg.check(r.get(), sql);
    for (int row = 0; row < PQntuples(r.get()); ++row) {
      for (int c = 0; c < PQnfields(r.get()); ++c) {
        values[static_cast<std::size_t>(c)] =
            PQgetisnull(r.get(), row, c)
                ? std::nullopt
                : std::optional<std::string_view>(std::string_view(
                      PQgetvalue(r.get(), row, c), static_cast<std::size_t>(PQgetlength(r.get(), row, c))));
      }
      digest.add_row(values);
      if (progress && digest.rows() % kProgressEvery == 0) {
        tick.done = digest.rows();
        progress(tick);
      }
    }
  }
  tick.done = digest.rows();
  tick.finished = true;
  if (progress) progress(tick);
  return TableReport{plan.name, digest.rows(), digest.hex()};
}

}  // namespace

std::uint64_t TransferReport::rows() const {
  std::uint64_t n = 0;
  for (const auto& t : tables) n += t.rows;
  return n;
}

Result<TransferReport> copy_sqlite_to_postgres(const std::string& sqlite_path, const std::string& postgres_url,
                                               Clock clock, const ProgressFn& progress) {
  try {
    TransferReport report;
    SqliteSource src(sqlite_path);
    report.source_schema_version = check_source_schema(src);
    PgTarget pg(postgres_url, database_for_display(postgres_url));
    refuse_content(pg);
    {
      // The target's schema comes from the PostgreSQL store's own migrations.
      auto store = open_store(postgres_url, std::move(clock), 1);
      if (!store) return store.error();
      if (auto migrated = store.value()->migrate(); !migrated) return migrated.error();
      report.target_schema_version = store.value()->schema_version();
    }

    src.exec("BEGIN");  // one snapshot of the source for the plan, the copy and its checksums
    auto plans = plan_tables(src, pg);
    pg.run("BEGIN ISOLATION LEVEL READ COMMITTED");
    // No visitd may read or write the tables until the copy is committed (or rolled back).
    std::vector<std::string> names;
    for (const auto& p : plans) names.push_back(quote_ident(p.name));
    pg.run("LOCK TABLE " + joined(names, ", ") + " IN ACCESS EXCLUSIVE MODE");
    refuse_rows(pg, plans);

    for (const auto& plan : plans) report.tables.push_back(copy_table(src, pg, plan, progress));
    for (const auto& plan : plans) advance_sequences(pg, plan);

    std::vector<std::string> differ;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const TableReport copied = digest_target(pg, plans[i], progress);
      const TableReport& read = report.tables[i];
      if (copied.rows != read.rows || copied.checksum != read.checksum)
        differ.push_back(read.table + " (SQLite " + rows_word(read.rows) + ", PostgreSQL " + rows_word(copied.rows) +
                         (copied.rows == read.rows ? ", checksums differ)" : ")"));
    }
    if (!differ.empty())
      fail(core::ErrorCode::internal,
           "verification failed, nothing was committed: " + joined(differ, ", ") +
               " (a value PostgreSQL stores differently from SQLite)",
           kVerificationFailed);
    pg.run("COMMIT");
    src.exec("COMMIT");
    return report;
  } catch (const Failure& f) {
    return f.error;
  } catch (const std::exception& e) {
    return core::Error::make(core::ErrorCode::internal, e.what());
  }
}

}  // namespace visitd::store::transfer
