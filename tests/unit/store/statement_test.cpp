// The per-connection prepared-statement cache must be invisible: reused statements start
// with fresh bindings, and the same SQL nested inside its own loop still works.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/sqlite/statement.hpp"

namespace visitd::store::sqlite {
namespace {

class StatementCache : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(SQLITE_OK, sqlite3_open(":memory:", &db_));
    exec(db_, "CREATE TABLE t (k INTEGER, v TEXT); INSERT INTO t VALUES (1,'a'),(2,'b'),(3,'c');");
  }
  void TearDown() override {
    forget_statements(db_);
    sqlite3_close(db_);
  }
  std::string value_of(std::int64_t k) {
    Statement q(db_, "SELECT v FROM t WHERE k = ?");
    q.bind(1, k);
    return q.step() ? q.text(0) : std::string("<none>");
  }
  sqlite3* db_ = nullptr;
};

TEST_F(StatementCache, ReusedStatementSeesNewBindingsAndStartsFromTheFirstRow) {
  EXPECT_EQ("a", value_of(1));
  EXPECT_EQ("b", value_of(2));
  EXPECT_EQ("<none>", value_of(9));
  EXPECT_EQ("c", value_of(3));
}

TEST_F(StatementCache, SameSqlNestedInsideItsOwnLoopGetsItsOwnStatement) {
  std::vector<std::string> pairs;
  Statement outer(db_, "SELECT v FROM t WHERE k = ?");
  outer.bind(1, std::int64_t{2});
  while (outer.step()) pairs.push_back(outer.text(0) + value_of(3));
  EXPECT_EQ(std::vector<std::string>{"bc"}, pairs);
}

TEST_F(StatementCache, AbandonedIterationDoesNotLeakIntoTheNextUse) {
  {
    Statement q(db_, "SELECT v FROM t ORDER BY k");
    ASSERT_TRUE(q.step());  // stop after the first row
  }
  Statement again(db_, "SELECT v FROM t ORDER BY k");
  std::string all;
  while (again.step()) all += again.text(0);
  EXPECT_EQ("abc", all);
}

}  // namespace
}  // namespace visitd::store::sqlite
