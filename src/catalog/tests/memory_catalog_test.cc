// MemoryCatalog: schemas, tables and views (create, drop, rename, case-insensitive lookup),
// snapshot isolation of in-memory tables, row-level changes, and memory accounting of their data.
#include "catalog/memory_catalog.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "function/query_context.h"

namespace switchboard {
namespace {

/// The code of the error `result` holds; a test failure when it succeeded.
template <typename T>
ErrorCode CodeOf(const Result<T>& result) {
  if (result.ok()) {
    ADD_FAILURE() << "the operation succeeded";
    return ErrorCode::kInternal;
  }
  return result.error().code;
}

class MemoryCatalogTest : public ::testing::Test {
 protected:
  MemoryCatalogTest() : catalog_("memory", &tracker_) {}

  std::shared_ptr<TableEntry> CreateTable(const std::string& name, bool nullable = true) {
    CreateTableInfo info;
    info.name = {"memory", "default", name};
    info.columns = {{"id", TypeId::kBigint, nullable}, {"tag", LogicalType::Varchar()}};
    return catalog_.CreateTable(info).ValueOrThrow();
  }

  /// Appends rows (id, tag) with ids [first, first + count) and commits them.
  static void Append(TableEntry& table, int64_t first, int64_t count, bool overwrite = false) {
    auto appender = table.CreateAppender(overwrite);
    for (int64_t start = first; start < first + count; start += kVectorSize) {
      idx_t rows = static_cast<idx_t>(std::min<int64_t>(kVectorSize, first + count - start));
      DataChunk chunk;
      chunk.Initialize(table.ColumnTypes());
      for (idx_t r = 0; r < rows; ++r) {
        int64_t id = start + static_cast<int64_t>(r);
        chunk.column(0).SetValue(r, Value::Bigint(id));
        chunk.column(1).SetValue(
            r, Value::Varchar("row number " + std::to_string(id) + " with a long tag"));
      }
      chunk.SetSize(rows);
      appender->Append(chunk);
    }
    appender->Commit();
  }

  /// The ids a scan of `bind_data` reads (column 0), with their row ids when `with_row_ids`.
  std::vector<int64_t> ScanIds(const TableEntry& table,
                               const std::shared_ptr<const FunctionData>& bind_data,
                               bool with_row_ids = false) {
    TableFunction scan = table.ScanFunction();
    TableScanRequest request{bind_data.get(), {with_row_ids ? kRowIdColumn : 0}, {}, &query_};
    auto global = scan.init_global(request);
    auto local = scan.init_local(request, *global);
    std::vector<int64_t> ids;
    while (true) {
      DataChunk output;
      output.Initialize({TypeId::kBigint});
      scan.scan(request, *global, *local, output);
      if (output.size() == 0) break;
      for (idx_t r = 0; r < output.size(); ++r)
        ids.push_back(output.column(0).GetValue(r).GetInt64());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  /// The row ids of the first `count` rows of the table's current snapshot.
  std::vector<int64_t> RowIds(const TableEntry& table, size_t count) {
    std::vector<int64_t> ids = ScanIds(table, table.ScanBindData(), true);
    ids.resize(count);
    return ids;
  }
  std::vector<int64_t> ScanIds(const TableEntry& table) {
    return ScanIds(table, table.ScanBindData());
  }

  static std::vector<int64_t> Range(int64_t first, int64_t count) {
    std::vector<int64_t> ids(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) ids[static_cast<size_t>(i)] = first + i;
    return ids;
  }

  MemoryTracker tracker_;
  QueryContext query_;
  MemoryCatalog catalog_;
};

TEST_F(MemoryCatalogTest, StartsWithTheDefaultSchemaAndManagesOthers) {
  EXPECT_EQ(catalog_.ListSchemas().value(), (std::vector<std::string>{"default"}));
  ASSERT_TRUE(catalog_.CreateSchema("sales", false, "", "").ok());
  EXPECT_TRUE(catalog_.SchemaExists("SALES").value());
  EXPECT_EQ(CodeOf(catalog_.CreateSchema("Sales", false, "", "")), ErrorCode::kDuplicateObject);
  EXPECT_TRUE(catalog_.CreateSchema("sales", true, "", "").ok());
  EXPECT_TRUE(catalog_.DropSchema("sales", false, false).ok());
  EXPECT_FALSE(catalog_.SchemaExists("sales").value());
  EXPECT_EQ(CodeOf(catalog_.DropSchema("sales", false, false)), ErrorCode::kUndefinedSchema);
  EXPECT_TRUE(catalog_.DropSchema("sales", true, false).ok());
}

TEST_F(MemoryCatalogTest, DropsANonEmptySchemaOnlyWithCascade) {
  ASSERT_TRUE(catalog_.CreateSchema("s", false, "", "").ok());
  CreateTableInfo info;
  info.name = {"memory", "s", "t"};
  info.columns = {{"x", TypeId::kInteger}};
  ASSERT_TRUE(catalog_.CreateTable(info).ok());
  EXPECT_EQ(CodeOf(catalog_.DropSchema("s", false, false)), ErrorCode::kInvalidState);
  EXPECT_TRUE(catalog_.DropSchema("s", false, true).ok());
  EXPECT_FALSE(catalog_.SchemaExists("s").value());
}

TEST_F(MemoryCatalogTest, LooksUpTablesIgnoringCase) {
  CreateTable("Orders");
  auto found = catalog_.GetTable("DEFAULT", "orders");
  ASSERT_TRUE(found.ok());
  ASSERT_NE(*found, nullptr);
  EXPECT_EQ((*found)->name.name, "Orders");
  EXPECT_EQ(catalog_.GetTable("default", "missing").value(), nullptr);
  EXPECT_EQ(catalog_.GetTable("missing", "orders").value(), nullptr);
  EXPECT_EQ(catalog_.ListTables("default").value(), (std::vector<std::string>{"Orders"}));
}

TEST_F(MemoryCatalogTest, CreateTableHonoursIfNotExistsAndOrReplace) {
  auto first = CreateTable("t");
  EXPECT_EQ(CodeOf(catalog_.CreateTable({{"memory", "default", "T"}, {{"x", TypeId::kInteger}}})),
            ErrorCode::kDuplicateObject);
  CreateTableInfo info{{"memory", "default", "t"}, {{"x", TypeId::kInteger}}};
  info.if_not_exists = true;
  EXPECT_EQ(catalog_.CreateTable(info).value(), first);
  info.if_not_exists = false;
  info.or_replace = true;
  auto replaced = catalog_.CreateTable(info).value();
  EXPECT_NE(replaced, first);
  EXPECT_EQ(replaced->ColumnNames(), (std::vector<std::string>{"x"}));
}

TEST_F(MemoryCatalogTest, CreateTableReportsAMissingSchemaWithCloseNames) {
  CreateTableInfo info{{"memory", "defualt", "t"}, {{"x", TypeId::kInteger}}};
  Result<std::shared_ptr<TableEntry>> created = catalog_.CreateTable(info);
  ASSERT_FALSE(created.ok());
  const Error& error = created.error();
  EXPECT_EQ(error.code, ErrorCode::kUndefinedSchema);
  EXPECT_NE(error.message.find("did you mean \"default\""), std::string::npos) << error.message;
}

TEST_F(MemoryCatalogTest, RejectsStorageOptionsItCannotHonour) {
  CreateTableInfo info{{"memory", "default", "t"}, {{"x", TypeId::kInteger}}};
  info.partitioning = {"x"};
  EXPECT_EQ(CodeOf(catalog_.CreateTable(info)), ErrorCode::kNotSupported);
}

TEST_F(MemoryCatalogTest, DropsAndRenamesTables) {
  auto table = CreateTable("t");
  Append(*table, 0, 3);
  ASSERT_TRUE(catalog_.CreateSchema("archive", false, "", "").ok());
  ASSERT_TRUE(catalog_.RenameTable("default", "T", {"memory", "archive", "old_t"}).ok());
  EXPECT_EQ(catalog_.GetTable("default", "t").value(), nullptr);
  auto moved = catalog_.GetTable("archive", "old_t").value();
  ASSERT_EQ(moved, table);
  EXPECT_EQ(moved->name.ToString(), "memory.archive.old_t");
  EXPECT_EQ(ScanIds(*moved), Range(0, 3));  // the data moves with it

  EXPECT_EQ(CodeOf(catalog_.RenameTable("default", "t", {"memory", "default", "u"})),
            ErrorCode::kUndefinedTable);
  CreateTable("u");
  EXPECT_EQ(CodeOf(catalog_.RenameTable("default", "u", {"memory", "archive", "old_t"})),
            ErrorCode::kDuplicateObject);
  EXPECT_TRUE(catalog_.DropTable("default", "U", false, false).ok());
  EXPECT_EQ(CodeOf(catalog_.DropTable("default", "u", false, false)), ErrorCode::kUndefinedTable);
  EXPECT_TRUE(catalog_.DropTable("default", "u", true, false).ok());
}

TEST_F(MemoryCatalogTest, TablesAndViewsShareOneNamespace) {
  CreateTable("t");
  ViewEntry view{{"memory", "default", "v"}, "SELECT 1", {"x"}};
  ASSERT_TRUE(catalog_.CreateView(view, false).ok());
  EXPECT_EQ(CodeOf(catalog_.CreateTable({{"memory", "default", "V"}, {{"x", TypeId::kInteger}}})),
            ErrorCode::kDuplicateObject);
  EXPECT_EQ(CodeOf(catalog_.CreateView({{"memory", "default", "t"}, "SELECT 1", {"x"}}, true)),
            ErrorCode::kDuplicateObject);
  Result<void> renamed = catalog_.RenameTable("default", "t", {"memory", "default", "v"});
  ASSERT_FALSE(renamed.ok());
  EXPECT_EQ(renamed.error().code, ErrorCode::kDuplicateObject);
  EXPECT_NE(catalog_.GetTable("default", "t").value(), nullptr);
}

TEST_F(MemoryCatalogTest, CreatesReplacesAndDropsViews) {
  ASSERT_TRUE(catalog_.CreateView({{"memory", "default", "v"}, "SELECT 1", {"x"}}, false).ok());
  EXPECT_EQ(CodeOf(catalog_.CreateView({{"memory", "default", "V"}, "SELECT 2", {"y"}}, false)),
            ErrorCode::kDuplicateObject);
  ASSERT_TRUE(catalog_.CreateView({{"memory", "default", "v"}, "SELECT 2", {"y"}}, true).ok());
  auto view = catalog_.GetView("default", "V").value();
  ASSERT_NE(view, nullptr);
  EXPECT_EQ(view->sql, "SELECT 2");
  EXPECT_EQ(catalog_.ListViews("default").value(), (std::vector<std::string>{"v"}));
  EXPECT_TRUE(catalog_.DropView("default", "v", false).ok());
  EXPECT_EQ(CodeOf(catalog_.DropView("default", "v", false)), ErrorCode::kUndefinedTable);
  EXPECT_TRUE(catalog_.DropView("default", "v", true).ok());
}

TEST_F(MemoryCatalogTest, AScanKeepsItsSnapshotWhileWritersCommit) {
  auto table = CreateTable("t");
  Append(*table, 0, 3000);
  auto before = table->ScanBindData();
  Append(*table, 3000, 10);
  table->DeleteRows(RowIds(*table, 2));
  EXPECT_EQ(ScanIds(*table, before), Range(0, 3000));
  std::vector<int64_t> now = Range(2, 3008);
  EXPECT_EQ(ScanIds(*table), now);
  EXPECT_EQ(table->EstimatedRows(), 3008.0);
}

TEST_F(MemoryCatalogTest, RowsAppendedWithoutCommitAreInvisible) {
  auto table = CreateTable("t");
  auto appender = table->CreateAppender(false);
  DataChunk chunk;
  chunk.Initialize(table->ColumnTypes());
  chunk.column(0).SetValue(0, Value::Bigint(1));
  chunk.column(1).SetValue(0, Value::Varchar("x"));
  chunk.SetSize(1);
  appender->Append(chunk);
  EXPECT_TRUE(ScanIds(*table).empty());
  appender->Commit();
  EXPECT_EQ(ScanIds(*table), (std::vector<int64_t>{1}));
}

TEST_F(MemoryCatalogTest, OverwriteReplacesEveryRow) {
  auto table = CreateTable("t");
  Append(*table, 0, 100);
  Append(*table, 500, 2, true);
  EXPECT_EQ(ScanIds(*table), (std::vector<int64_t>{500, 501}));
}

TEST_F(MemoryCatalogTest, RowIdsAddressRowsForDeleteAndUpdate) {
  auto table = CreateTable("t");
  Append(*table, 100, 5);
  std::vector<int64_t> row_ids = ScanIds(*table, table->ScanBindData(), true);
  ASSERT_EQ(row_ids.size(), 5u);
  table->DeleteRows({row_ids[1], row_ids[3]});
  EXPECT_EQ(ScanIds(*table), (std::vector<int64_t>{100, 102, 104}));
  ChunkCollection values({TypeId::kBigint});
  DataChunk chunk;
  chunk.Initialize({TypeId::kBigint});
  chunk.column(0).SetValue(0, Value::Bigint(7));
  chunk.SetSize(1);
  values.Append(chunk);
  row_ids = ScanIds(*table, table->ScanBindData(), true);
  table->UpdateRows({row_ids[2]}, {0}, values);  // the row now at position 2 (id 104)
  EXPECT_EQ(ScanIds(*table), (std::vector<int64_t>{7, 100, 102}));
}

TEST_F(MemoryCatalogTest, RowIdsOfAnEarlierSnapshotAreAConflict) {
  auto table = CreateTable("t");
  Append(*table, 100, 5);
  std::vector<int64_t> stale = ScanIds(*table, table->ScanBindData(), true);
  Append(*table, 200, 1);  // another statement commits in between
  try {
    table->DeleteRows({stale[0]});
    ADD_FAILURE() << "a row id of an earlier snapshot was applied";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kCommitConflict);
  }
  EXPECT_EQ(ScanIds(*table).size(), 6u);
}

TEST_F(MemoryCatalogTest, RejectsNullsInNotNullColumns) {
  auto table = CreateTable("t", false);
  auto appender = table->CreateAppender(false);
  DataChunk chunk;
  chunk.Initialize(table->ColumnTypes());
  chunk.column(0).SetValue(0, Value::Null(TypeId::kBigint));
  chunk.column(1).SetValue(0, Value::Varchar("x"));
  chunk.SetSize(1);
  try {
    appender->Append(chunk);
    ADD_FAILURE() << "a NULL id was appended";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotNullViolation);
    EXPECT_NE(std::string(e.what()).find("id"), std::string::npos) << e.what();
  }
}

TEST_F(MemoryCatalogTest, ChargesTableDataUntilTheLastSnapshotIsGone) {
  auto table = CreateTable("t");
  Append(*table, 0, 5000);
  int64_t charged = tracker_.used();
  EXPECT_GE(charged, 5000 * static_cast<int64_t>(sizeof(int64_t)));
  auto snapshot = table->ScanBindData();
  ASSERT_TRUE(catalog_.DropTable("default", "t", false, false).ok());
  table.reset();
  EXPECT_EQ(tracker_.used(), charged);  // a running scan still reads the rows
  snapshot.reset();
  EXPECT_EQ(tracker_.used(), 0);
}

TEST_F(MemoryCatalogTest, RewritesReleaseTheRowsTheyReplace) {
  auto table = CreateTable("t");
  Append(*table, 0, 5000);
  int64_t full = tracker_.used();
  table->DeleteRows(RowIds(*table, 4000));
  EXPECT_LT(tracker_.used(), full);
  EXPECT_GT(tracker_.used(), 0);
  Append(*table, 0, 1, true);
  EXPECT_LT(tracker_.used(), full / 10);
}

TEST_F(MemoryCatalogTest, AppendsBeyondTheMemoryLimitFailAndChargeNothing) {
  tracker_.set_limit(64 * 1024);
  auto table = CreateTable("t");
  try {
    Append(*table, 0, 10000);
    ADD_FAILURE() << "10000 rows fit in 64 KiB";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kOutOfMemory);
  }
  EXPECT_EQ(tracker_.used(), 0);
  EXPECT_TRUE(ScanIds(*table).empty());
}

}  // namespace
}  // namespace switchboard
