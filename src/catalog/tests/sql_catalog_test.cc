// Tests of the warehouse catalog: commits from several connections to one catalog.db (as several
// switchboard processes make them) lose nothing, and a catalog.db that another Iceberg tool made
// with the JDBC catalog's older layout opens.
#include "catalog/sql_catalog.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

namespace switchboard {
namespace {

class SqlCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/sql_catalog_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static std::shared_ptr<SqlCatalog> Open(const std::string& warehouse) {
    return SqlCatalog::Open("lakehouse", warehouse).ValueOrThrow();
  }

  /// default.calls (id BIGINT, queue VARCHAR) partitioned by queue.
  static void CreateCalls(SqlCatalog& catalog, std::vector<std::pair<std::string, std::string>> properties = {}) {
    CreateTableInfo info;
    info.name = QualifiedName{"lakehouse", "default", "calls"};
    info.columns = {ColumnDefinition{"id", LogicalType(TypeId::kBigint)}, ColumnDefinition{"queue", LogicalType::Varchar()}};
    info.partitioning = {"queue"};
    info.properties = std::move(properties);
    ASSERT_TRUE(catalog.CreateTable(info).ok());
  }

  /// Appends `count` rows starting at `first_id` to <schema>.calls as one commit.
  static void Insert(SqlCatalog& catalog, const std::string& schema, int64_t first_id, idx_t count) {
    std::shared_ptr<TableEntry> table = catalog.GetTable(schema, "calls").ValueOrThrow();
    DataChunk chunk;
    chunk.Initialize(table->ColumnTypes());
    for (idx_t i = 0; i < count; ++i) {
      int64_t id = first_id + static_cast<int64_t>(i);
      chunk.column(0).SetValue(i, Value::Bigint(id));
      chunk.column(1).SetValue(i, Value::Varchar(id % 2 == 0 ? "sales" : "support"));
    }
    chunk.SetSize(count);
    std::unique_ptr<TableAppender> appender = table->CreateAppender(false);
    appender->Append(chunk);
    appender->Commit();
  }

  static std::string Detail(const TableEntry& table, const std::string& key) {
    for (const auto& [name, value] : table.Storage().details) {
      if (name == key) return value;
    }
    return "";
  }

  std::string dir_;
};

TEST_F(SqlCatalogTest, CommitsFromSeveralConnectionsToOneCatalogLoseNothing) {
  std::shared_ptr<SqlCatalog> first = Open(dir_);
  std::shared_ptr<SqlCatalog> second = Open(dir_);
  CreateCalls(*first, {{"commit.retry.num-retries", "100"}});
  constexpr int kWriters = 4;
  constexpr int kCommits = 5;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      SqlCatalog& catalog = w % 2 == 0 ? *first : *second;
      for (int c = 0; c < kCommits; ++c) {
        try {
          Insert(catalog, "default", w * 1000 + c * 10, 3);
        } catch (const Exception&) {
          failures++;
        }
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  std::shared_ptr<TableEntry> table = Open(dir_)->GetTable("default", "calls").ValueOrThrow();
  EXPECT_EQ(Detail(*table, "Snapshots"), std::to_string(kWriters * kCommits));
  EXPECT_EQ(table->EstimatedRows(), kWriters * kCommits * 3);
}

TEST_F(SqlCatalogTest, OpensAJdbcCatalogWithoutTheViewColumn) {
  std::shared_ptr<SqlCatalog> writer = Open(dir_ + "/a");
  CreateCalls(*writer);
  Insert(*writer, "default", 0, 4);
  std::string metadata_location = Detail(*writer->GetTable("default", "calls").ValueOrThrow(), "Metadata location");
  ASSERT_FALSE(metadata_location.empty());

  // The layout of PyIceberg's SQL catalog and Java's JDBC catalog before views (no iceberg_type).
  std::filesystem::create_directories(dir_ + "/b");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/b/catalog.db").c_str(), &db), SQLITE_OK);
  std::string sql =
      "CREATE TABLE iceberg_tables (catalog_name VARCHAR(255) NOT NULL, table_namespace VARCHAR(255) NOT NULL, "
      "table_name VARCHAR(255) NOT NULL, metadata_location VARCHAR(1000), previous_metadata_location VARCHAR(1000), "
      "PRIMARY KEY (catalog_name, table_namespace, table_name));"
      "CREATE TABLE iceberg_namespace_properties (catalog_name VARCHAR(255) NOT NULL, namespace VARCHAR(255) NOT NULL, "
      "property_key VARCHAR(255), property_value VARCHAR(1000), PRIMARY KEY (catalog_name, namespace, property_key));"
      "INSERT INTO iceberg_namespace_properties VALUES ('lakehouse', 'crm', 'exists', 'true');"
      "INSERT INTO iceberg_tables VALUES ('lakehouse', 'crm', 'calls', '" + metadata_location + "', NULL);"
      "INSERT INTO iceberg_tables VALUES ('other', 'crm', 'hidden', '" + metadata_location + "', NULL);";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  std::shared_ptr<SqlCatalog> reader = Open(dir_ + "/b");
  EXPECT_EQ(reader->ListTables("crm").ValueOrThrow(), std::vector<std::string>{"calls"});
  std::shared_ptr<TableEntry> table = reader->GetTable("crm", "calls").ValueOrThrow();
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->ColumnNames(), (std::vector<std::string>{"id", "queue"}));
  EXPECT_EQ(table->EstimatedRows(), 4);
  // Its commits go through the migrated catalog: the new pointer lands in the row.
  Insert(*reader, "crm", 10, 2);
  EXPECT_EQ(reader->GetTable("crm", "calls").ValueOrThrow()->EstimatedRows(), 6);
  EXPECT_EQ(Open(dir_ + "/a")->GetTable("default", "calls").ValueOrThrow()->EstimatedRows(), 4);
}

}  // namespace
}  // namespace switchboard
