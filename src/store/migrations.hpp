#pragma once
// Numbered schema migrations embedded at build time from src/store/migrations/<backend>/.
#include <string>
#include <vector>

namespace visitd::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();

}  // namespace visitd::store
