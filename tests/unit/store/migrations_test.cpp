#include <sqlite3.h>

#include "store/migrations.hpp"
#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

using Migrations = SqliteStoreTest;

int latest_migration() {
  int latest = 0;
  for (const auto& m : sqlite_migrations()) latest = std::max(latest, m.version);
  return latest;
}

TEST_F(Migrations, FreshDatabaseIsAtTheLatestVersion) {
  ASSERT_FALSE(sqlite_migrations().empty());
  EXPECT_EQ(store_->schema_version(), latest_migration());
  EXPECT_TRUE(store_->healthy());
}

TEST_F(Migrations, EmbeddedMigrationsAreStrictlyIncreasing) {
  int previous = 0;
  for (const auto& m : sqlite_migrations()) {
    EXPECT_GT(m.version, previous) << m.name;
    previous = m.version;
  }
}

TEST_F(Migrations, MigratingAgainChangesNothingAndKeepsData) {
  auto business = make_business();
  ASSERT_TRUE(store_->migrate().ok());
  auto second = open();
  ASSERT_TRUE(second->migrate().ok());
  EXPECT_EQ(second->schema_version(), latest_migration());
  EXPECT_TRUE(second->business_by_id(business.id).ok());
}

TEST_F(Migrations, UnmigratedDatabaseReportsVersionZero) {
  TempDir other;
  auto opened = open_store(other.file("empty.db"));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened.value()->schema_version(), 0);
}

TEST_F(Migrations, RefusesADatabaseNewerThanTheBinary) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(sqlite_file().c_str(), &db), SQLITE_OK);
  std::string sql = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                    std::to_string(latest_migration() + 1) + ", 'from_the_future.sql', 0)";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto r = store_->migrate();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("newer"), std::string::npos) << r.error().detail;
}

// A postgres:// URL means PostgreSQL now (issue F); a server that is not there is an error
// value at open, and neither it nor the display form of the setting shows the password.
TEST(OpenStore, PostgresUrlOfAnUnreachableServerIsAnErrorWithoutThePassword) {
  for (const char* url : {"postgres://u:hunter2@127.0.0.1:1/visitd", "postgresql://u:hunter2@127.0.0.1:1/visitd"}) {
    auto r = open_store(url);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::internal);
    EXPECT_NE(r.error().detail.find("cannot connect to PostgreSQL"), std::string::npos) << r.error().detail;
    EXPECT_EQ(r.error().detail.find("hunter2"), std::string::npos) << r.error().detail;
  }
  EXPECT_EQ(database_for_display("postgres://u:hunter2@db:5432/visitd"), "postgres://u:***@db:5432/visitd");
  EXPECT_EQ(database_for_display("postgresql://u@db/visitd"), "postgresql://u@db/visitd");
  EXPECT_EQ(database_for_display("/var/lib/visitd/visitd.db"), "/var/lib/visitd/visitd.db");
}

TEST(OpenStore, InMemoryDatabaseIsOneSharedDatabase) {
  auto opened = open_store(":memory:", [] { return at(kDay0); });
  ASSERT_TRUE(opened.ok());
  auto& store = *opened.value();
  ASSERT_TRUE(store.migrate().ok());
  core::Business b;
  b.slug = "mem";
  b.name = "Memory";
  b.zone = "UTC";
  auto created = store.create_business(b, {"system"});
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(store.business_by_slug("mem").ok());  // read back on the same database
}

TEST(OpenStore, UnopenablePathIsAnError) {
  auto r = open_store("/nonexistent-dir-visitd/x/visitd.db");
  EXPECT_FALSE(r.ok());
}

TEST_F(Migrations, SettingKeepsTheFirstValueWritten) {
  EXPECT_FALSE(store_->get_setting("capability_secret"));
  EXPECT_EQ(store_->put_setting_if_absent("capability_secret", "first"), "first");
  EXPECT_EQ(store_->put_setting_if_absent("capability_secret", "second"), "first");
  EXPECT_EQ(store_->get_setting("capability_secret").value_or(""), "first");
}

}  // namespace
}  // namespace visitd::store::testing
