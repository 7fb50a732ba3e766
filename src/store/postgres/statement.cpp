#include "store/postgres/statement.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <mutex>
#include <unordered_map>

namespace visitd::store::postgres {
namespace {

struct Prepared {
  std::string name;
  std::string sql;  // with $N placeholders
  int params = 0;
};

// A connection is leased to one thread at a time; the mutex only guards the maps. Dynamic
// filter SQL is bounded, but the cap keeps a mistake from growing a connection forever.
constexpr std::size_t kMaxPreparedPerConnection = 256;
std::mutex cache_mutex;
std::unordered_map<PGconn*, std::unordered_map<std::string, Prepared>> caches;
std::uint64_t next_name = 0;

std::string sqlstate_of(const PGresult* r, PGconn* db) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  if (state) return state;
  return PQstatus(db) == CONNECTION_BAD ? kConnectionFailure : "XX000";
}

[[noreturn]] void fail(PGconn* db, PGresult* r, std::string_view context) {
  std::string state = sqlstate_of(r, db);
  std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(db);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (r) PQclear(r);
  throw PgError(state, std::string(context) + ": " + message);
}

bool succeeded(const PGresult* r) {
  auto s = PQresultStatus(r);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

}  // namespace

void exec(PGconn* db, const std::string& sql) {
  PGresult* r = PQexec(db, sql.c_str());
  if (!r || !succeeded(r)) fail(db, r, "postgres exec");
  PQclear(r);
}

void forget_statements(PGconn* db) {
  std::lock_guard lock(cache_mutex);
  caches.erase(db);
}

std::string to_postgres_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int sequential = 0;
  count = 0;
  char quote = 0;  // inside '...' or "..."
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    int n = 0;
    std::size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
    if (j == i + 1) n = ++sequential;
    i = j - 1;
    count = std::max(count, n);
    out += '$';
    out += std::to_string(n);
  }
  return out;
}

Statement::Statement(PGconn* db, std::string_view sql) : db_(db) {
  std::string key(sql);
  {
    std::lock_guard lock(cache_mutex);
    auto& cache = caches[db];
    if (auto it = cache.find(key); it != cache.end()) {
      name_ = it->second.name;
      sql_ = it->second.sql;
      params_.resize(static_cast<std::size_t>(it->second.params));
      return;
    }
  }
  int count = 0;
  sql_ = to_postgres_placeholders(sql, count);
  params_.resize(static_cast<std::size_t>(count));
  std::string name;
  {
    std::lock_guard lock(cache_mutex);
    if (caches[db].size() >= kMaxPreparedPerConnection) return;  // run unnamed
    name = "v" + std::to_string(++next_name);
  }
  PGresult* r = PQprepare(db, name.c_str(), sql_.c_str(), count, nullptr);
  if (!r || !succeeded(r)) fail(db, r, "postgres prepare");
  PQclear(r);
  name_ = name;
  std::lock_guard lock(cache_mutex);
  caches[db].emplace(std::move(key), Prepared{name_, sql_, count});
}

Statement::~Statement() { clear_result(); }

void Statement::clear_result() {
  if (result_) PQclear(result_);
  result_ = nullptr;
  row_ = -1;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (index < 1 || static_cast<std::size_t>(index) > params_.size()) {
    throw PgError("08P01", "postgres bind: no parameter " + std::to_string(index) + " in: " + sql_);
  }
  params_[static_cast<std::size_t>(index - 1)] = std::string(value);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) { return bind(index, std::to_string(value)); }

Statement& Statement::bind(int index, core::Instant value) {
  return bind(index, static_cast<std::int64_t>(value.time_since_epoch().count()));
}

Statement& Statement::bind_null(int index) {
  if (index < 1 || static_cast<std::size_t>(index) > params_.size()) {
    throw PgError("08P01", "postgres bind: no parameter " + std::to_string(index) + " in: " + sql_);
  }
  params_[static_cast<std::size_t>(index - 1)].reset();
  return *this;
}

void Statement::execute() {
  clear_result();
  std::vector<const char*> values;
  values.reserve(params_.size());
  for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
  const int n = static_cast<int>(values.size());
  PGresult* r = name_.empty() ? PQexecParams(db_, sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                              : PQexecPrepared(db_, name_.c_str(), n, values.data(), nullptr, nullptr, 0);
  if (!r || !succeeded(r)) fail(db_, r, "postgres");
  result_ = r;
  row_ = -1;
}

bool Statement::step() {
  if (!result_) execute();
  if (row_ + 1 < PQntuples(result_)) {
    ++row_;
    return true;
  }
  row_ = PQntuples(result_);
  return false;
}

int Statement::run() {
  execute();
  const char* tuples = PQcmdTuples(result_);
  int changed = 0;
  if (tuples && *tuples) std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changed);
  return changed;
}

void Statement::reset() {
  clear_result();
  for (auto& p : params_) p.reset();
}

bool Statement::is_null(int column) const { return PQgetisnull(result_, row_, column) != 0; }

std::string Statement::text(int column) const {
  if (is_null(column)) return {};
  return std::string(PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column)));
}

std::int64_t Statement::int64(int column) const {
  if (is_null(column)) return 0;
  const char* v = PQgetvalue(result_, row_, column);
  const int len = PQgetlength(result_, row_, column);
  std::int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v, v + len, out);
  if (ec != std::errc() || ptr != v + len) {
    // Booleans read as integers (t/f in text format).
    if (len == 1 && (*v == 't' || *v == 'f')) return *v == 't' ? 1 : 0;
    throw PgError(kDataCorrupted, "postgres: column " + std::to_string(column) + " is not an integer");
  }
  return out;
}

void Statement::corrupt(const std::string& what) const { throw PgError(kDataCorrupted, what); }

}  // namespace visitd::store::postgres
