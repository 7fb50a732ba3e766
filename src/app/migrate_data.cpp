#include "app/migrate_data.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <iostream>

#include "store/transfer/sqlite_to_postgres.hpp"

namespace visitd::app {
namespace {

using store::transfer::TableProgress;

// On a terminal the current table's line is rewritten in place; in a log (not a terminal)
// each table gets one line when its copy or check is done.
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(isatty(STDERR_FILENO) == 1) {}

  void operator()(const TableProgress& p) const {
    if (!tty_ && !p.finished) return;
    std::cerr << (tty_ ? "\r\033[K" : "") << (p.phase == TableProgress::Phase::copying ? "copying   " : "verifying ")
              << p.table << " " << p.done << "/" << p.total << " rows" << (p.finished ? "\n" : "") << std::flush;
  }

 private:
  bool tty_;
};

}  // namespace

int run_migrate_data(const std::string& from, const std::string& to, store::Clock clock) {
  if (!store::is_postgres_url(to)) {
    std::cerr << "visitd: --to must be a PostgreSQL URL (postgres://user:password@host:port/dbname)\n";
    return 2;
  }
  if (store::is_postgres_url(from)) {
    std::cerr << "visitd: --from is the SQLite database file of the single-machine install\n";
    return 2;
  }
  const std::string shown = store::database_for_display(to);
  std::cerr << "visitd: copying " << from << " into " << shown << " (one transaction)\n";
  ProgressPrinter printer;
  auto copied = store::transfer::copy_sqlite_to_postgres(from, to, std::move(clock), std::ref(printer));
  if (!copied) {
    const auto& e = copied.error();
    std::cerr << "visitd: migrate-data: " << e.detail << "\n";
    if (e.type == store::transfer::kTargetNotEmpty) return kExitTargetNotEmpty;
    if (e.type == store::transfer::kVerificationFailed) return kExitVerificationFailed;
    return 1;
  }
  const auto& report = copied.value();
  boost::json::array tables;
  for (const auto& t : report.tables)
    tables.push_back(boost::json::object{{"table", t.table}, {"rows", t.rows}, {"sha256", t.checksum}});
  std::cerr << "visitd: verified " << report.tables.size() << " tables, " << report.rows()
            << " rows: row counts and checksums match; committed\n";
  std::cout << boost::json::serialize(boost::json::object{{"from", from},
                                                          {"to", shown},
                                                          {"rows", report.rows()},
                                                          {"sourceSchemaVersion", report.source_schema_version},
                                                          {"targetSchemaVersion", report.target_schema_version},
                                                          {"tables", std::move(tables)},
                                                          {"verified", true}})
            << "\n";
  return 0;
}

}  // namespace visitd::app
