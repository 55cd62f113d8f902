// End-to-end tests of Iceberg maintenance procedures (CALL system.* and ALTER TABLE EXECUTE),
// of the validation of row-level changes against concurrent commits, and of concurrent writers
// (threads, and separate databases on one warehouse as separate processes would be).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "catalog/iceberg_table.h"
#include "catalog/sql_catalog.h"
#include "main/connection.h"
#include "main/database.h"
#include "table/iceberg/row_delta.h"

namespace switchboard {
namespace {

class IcebergMaintenanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    warehouse_ = (std::filesystem::path(::testing::TempDir()) /
                  ("iceberg_maintenance_test_" + std::to_string(::getpid()) + "_" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                     .lexically_normal()
                     .string();
    std::filesystem::remove_all(warehouse_);
    database_ = OpenDatabase();
    connection_ = database_->Connect();
  }
  void TearDown() override {
    connection_.reset();
    database_.reset();
    std::filesystem::remove_all(warehouse_);
  }

  std::unique_ptr<Database> OpenDatabase() {
    DatabaseOptions options;
    options.threads = 2;
    options.warehouse = warehouse_;
    return Database::Open(options).ValueOrThrow();
  }

  /// Rows as text: values separated by tabs, one row per line; errors as "ERROR: message".
  static std::string Run(Connection& connection, const std::string& sql) {
    auto result = connection.Query(sql);
    if (!result.ok()) return "ERROR: " + result.error().message;
    std::string out;
    for (idx_t r = 0; r < (*result)->RowCount(); ++r) {
      for (idx_t c = 0; c < (*result)->ColumnCount(); ++c) {
        if (c > 0) out += '\t';
        out += (*result)->GetValue(c, r).ToString();
      }
      out += '\n';
    }
    return out;
  }
  std::string Run(const std::string& sql) { return Run(*connection_, sql); }
  Error RunError(const std::string& sql) {
    auto result = connection_->Query(sql);
    EXPECT_FALSE(result.ok()) << sql;
    return result.ok() ? Error{} : result.error();
  }
  /// The first column of the first row, as text without the trailing newline.
  std::string Scalar(const std::string& sql) {
    std::string text = Run(sql);
    return text.substr(0, text.find_first_of("\t\n"));
  }
  /// Files (not folders) under the table's folder whose path contains `part`.
  int64_t CountFiles(const std::string& table, const std::string& part) {
    int64_t count = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(warehouse_ + "/default/" + table)) {
      if (entry.is_regular_file() && entry.path().string().find(part) != std::string::npos) ++count;
    }
    return count;
  }
  std::shared_ptr<IcebergTable> LoadTable(const std::string& table) {
    auto catalog = SqlCatalog::Open("lakehouse", warehouse_).ValueOrThrow();
    return std::dynamic_pointer_cast<IcebergTable>(
        catalog->GetTable("default", table).ValueOrThrow());
  }

  std::string warehouse_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(IcebergMaintenanceTest,
       ExpireSnapshotsKeepsTheNewestAndDeletesFilesOnlyExpiredSnapshotsUsed) {
  Run("CREATE TABLE t (id INTEGER, p VARCHAR) PARTITIONED BY (p)");
  for (int i = 0; i < 4; ++i) Run("INSERT INTO t VALUES (" + std::to_string(i) + ", 'a')");
  Run("DELETE FROM t WHERE id = 0");  // copy-on-write: the first file leaves the table
  EXPECT_EQ(CountFiles("t", ".parquet"), 4);
  // Keeping two snapshots keeps the last append, which still holds the first file.
  EXPECT_EQ(Run("CALL lakehouse.system.expire_snapshots(table => 'default.t', older_than => "
                "TIMESTAMP '2099-01-01 00:00:00', "
                "retain_last => 2)"),
            "0\t0\t0\t0\t3\t0\n");
  EXPECT_EQ(Run("SELECT count(*) FROM t.snapshots"), "2\n");
  EXPECT_EQ(CountFiles("t", ".parquet"), 4);
  // Keeping one lets the first file and its first manifest go.
  EXPECT_EQ(Run("CALL system.expire_snapshots(table => 't', older_than => TIMESTAMP '2099-01-01 "
                "00:00:00', retain_last => 1)"),
            "1\t0\t0\t1\t1\t0\n");
  EXPECT_EQ(CountFiles("t", ".parquet"), 3);
  EXPECT_EQ(Run("SELECT sum(id), count(*) FROM t"), "6\t3\n");
  // Nothing is old enough by default (history.expire.max-snapshot-age-ms: 5 days).
  Run("INSERT INTO t VALUES (4, 'a')");
  EXPECT_EQ(Run("CALL system.expire_snapshots('t')"), "0\t0\t0\t0\t0\t0\n");
  // The table property sets the default age.
  Run("ALTER TABLE t SET TBLPROPERTIES ('history.expire.max-snapshot-age-ms' = '0')");
  Run("CALL system.expire_snapshots(table => 't')");
  EXPECT_EQ(Run("SELECT count(*) FROM t.snapshots"), "1\n");
  EXPECT_EQ(Run("SELECT sum(id), count(*) FROM t"), "10\t4\n");
  EXPECT_EQ(RunError("CALL system.expire_snapshots(table => 't', retain_last => 0)").code,
            ErrorCode::kInvalidParameter);
}

TEST_F(IcebergMaintenanceTest, ExpireSnapshotsKeepsSnapshotsThatBranchesAndTagsNeed) {
  Run("CREATE TABLE t (id INTEGER)");
  Run("INSERT INTO t VALUES (1)");
  Run("ALTER TABLE t CREATE TAG first");
  Run("INSERT INTO t VALUES (2)");
  Run("INSERT INTO t VALUES (3)");
  Run("CALL system.expire_snapshots(table => 't', older_than => TIMESTAMP '2099-01-01 00:00:00', "
      "retain_last => 1)");
  EXPECT_EQ(Run("SELECT count(*) FROM t.snapshots"), "2\n");
  EXPECT_EQ(Run("SELECT count(*) FROM t FOR VERSION AS OF 'first'"), "1\n");
  std::string tagged = Scalar("SELECT snapshot_id FROM t.refs WHERE name = 'first'");
  EXPECT_EQ(
      RunError("CALL system.expire_snapshots(table => 't', snapshot_ids => ARRAY[" + tagged + "])")
          .code,
      ErrorCode::kInvalidParameter);
}

TEST_F(IcebergMaintenanceTest, RemoveOrphanFilesDeletesOnlyUnreferencedOldFiles) {
  Run("CREATE TABLE t (id INTEGER)");
  Run("INSERT INTO t VALUES (1)");
  std::string stray = warehouse_ + "/default/t/data/stray.parquet";
  std::ofstream(stray) << "not part of the table";
  std::filesystem::last_write_time(
      stray, std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 10));
  EXPECT_EQ(Run("CALL system.remove_orphan_files(table => 't', dry_run => true)"),
            stray + "\n");  // older than 3 days
  // A young file is left alone (a writer may be about to commit it).
  std::string young = warehouse_ + "/default/t/data/young.parquet";
  std::ofstream(young) << "x";
  std::filesystem::last_write_time(
      young, std::filesystem::file_time_type::clock::now() - std::chrono::minutes(1));
  EXPECT_EQ(Run("CALL system.remove_orphan_files(table => 't', dry_run => true)"), stray + "\n");
  EXPECT_TRUE(std::filesystem::exists(stray));
  Run("CALL system.remove_orphan_files(table => 't')");
  EXPECT_FALSE(std::filesystem::exists(stray));
  EXPECT_EQ(Run("ALTER TABLE t EXECUTE remove_orphan_files(retention_threshold => '10s')"),
            young + "\n");
  EXPECT_FALSE(std::filesystem::exists(young));
  EXPECT_EQ(Run("SELECT * FROM t"), "1\n");
  EXPECT_EQ(Run("SELECT count(*) FROM t.snapshots"), "1\n");
}

TEST_F(IcebergMaintenanceTest, RewriteDataFilesBinPacksSmallFilesPerPartitionAndAppliesDeletes) {
  Run("CREATE TABLE t (id INTEGER, p VARCHAR) PARTITIONED BY (p) TBLPROPERTIES "
      "('write.delete.mode' = 'merge-on-read')");
  for (int i = 0; i < 6; ++i) {
    std::string p = i < 4 ? "'a'" : "'b'";
    Run(fmt::format("INSERT INTO t VALUES ({}, {}), ({}, {})", i, p, i + 10, p));
  }
  Run("DELETE FROM t WHERE id = 1");
  EXPECT_EQ(Run("SELECT content, count(*) FROM t.files GROUP BY content ORDER BY content"),
            "0\t6\n1\t1\n");
  // Partition a: 4 small files (one with deletes) -> 1; partition b: 2 files, fewer than
  // min-input-files.
  EXPECT_EQ(
      Run("CALL system.rewrite_data_files(table => 't', options => map('min-input-files', '3'))"),
      "4\t1\t" +
          Scalar("SELECT sum(file_size_in_bytes) FROM t.files WHERE content = 0 AND partition.p = "
                 "'a'") +
          "\t0\n");
  EXPECT_EQ(Run("SELECT partition.p, content, record_count FROM t.files ORDER BY 1, 3"),
            "a\t0\t7\nb\t0\t2\nb\t0\t2\n");
  EXPECT_EQ(Run("SELECT operation FROM t.snapshots ORDER BY committed_at DESC LIMIT 1"),
            "replace\n");
  EXPECT_EQ(Run("SELECT id FROM t ORDER BY id"), "0\n2\n3\n4\n5\n10\n11\n12\n13\n14\n15\n");
  // Trino's optimize merges the rest; nothing left to do afterwards.
  EXPECT_EQ(Run("ALTER TABLE t EXECUTE optimize(file_size_threshold => '10MB')"),
            "2\t1\t" +
                Scalar("SELECT sum(file_size_in_bytes) FROM t.files WHERE partition.p = 'b'") +
                "\t0\n");
  EXPECT_EQ(Run("CALL system.rewrite_data_files('t')"), "0\t0\t0\t0\n");
  EXPECT_EQ(Run("SELECT id FROM t ORDER BY id"), "0\n2\n3\n4\n5\n10\n11\n12\n13\n14\n15\n");
  EXPECT_EQ(
      RunError("CALL system.rewrite_data_files(table => 't', options => map('nope', '1'))").code,
      ErrorCode::kInvalidParameter);
  EXPECT_EQ(RunError("CALL system.rewrite_data_files(table => 't', strategy => 'sort')").code,
            ErrorCode::kNotSupported);
}

TEST_F(IcebergMaintenanceTest, RewriteDataFilesHonoursTheTargetFileSize) {
  Run("CREATE TABLE t (id INTEGER, s VARCHAR)");
  for (int i = 0; i < 3; ++i) {
    Run(
        fmt::format("INSERT INTO t SELECT {} + x * 10000 + y, CAST(random() AS VARCHAR) "
                    "FROM UNNEST(sequence(0, 1)) AS a(x), UNNEST(sequence(1, 10000)) AS b(y)",
                    i * 20000));
  }
  Run("CALL system.rewrite_data_files(table => 't', options => map('target-file-size-bytes', "
      "'400000', "
      "'min-input-files', '2', 'max-file-size-bytes', '400000', 'min-file-size-bytes', '400000'))");
  std::string files = Scalar("SELECT count(*) FROM t.files");
  EXPECT_GE(std::stoi(files), 3);
  EXPECT_EQ(Run("SELECT max(file_size_in_bytes) < 600000 FROM t.files"), "true\n");
  EXPECT_EQ(Run("SELECT count(*), count(DISTINCT id) FROM t"), "60000\t60000\n");
}

TEST_F(IcebergMaintenanceTest, RewriteManifestsMakesOneManifestPerSpec) {
  Run("CREATE TABLE t (id INTEGER)");
  for (int i = 0; i < 5; ++i) Run("INSERT INTO t VALUES (" + std::to_string(i) + ")");
  EXPECT_EQ(Run("SELECT count(*) FROM t.manifests"), "5\n");
  EXPECT_EQ(Run("CALL system.rewrite_manifests('t')"), "5\t1\n");
  EXPECT_EQ(Run("SELECT count(*), sum(existing_data_files_count) FROM t.manifests"), "1\t5\n");
  EXPECT_EQ(Run("ALTER TABLE t EXECUTE optimize_manifests"), "1\t1\n");
  EXPECT_EQ(Run("SELECT count(*) FROM t"), "5\n");
}

TEST_F(IcebergMaintenanceTest, RollbackSetCurrentAndCherrypickMoveTheCurrentSnapshot) {
  Run("CREATE TABLE t (id INTEGER)");
  Run("INSERT INTO t VALUES (1)");
  std::string first = Scalar("SELECT snapshot_id FROM t.snapshots");
  Run("INSERT INTO t VALUES (2)");
  std::string second = Scalar("SELECT snapshot_id FROM t.snapshots WHERE parent_id = " + first);
  EXPECT_EQ(Run("CALL system.rollback_to_snapshot('t', " + first + ")"),
            second + "\t" + first + "\n");
  EXPECT_EQ(Run("SELECT * FROM t"), "1\n");
  // The rolled-back append can be cherry-picked back as a new snapshot.
  EXPECT_EQ(Scalar("CALL system.cherrypick_snapshot(table => 't', snapshot_id => " + second + ")"),
            first);
  EXPECT_EQ(Run("SELECT * FROM t ORDER BY id"), "1\n2\n");
  // set_current_snapshot takes any snapshot, or a branch or tag.
  EXPECT_EQ(Run("CALL system.set_current_snapshot(table => 't', snapshot_id => " + second + ")")
                .substr(0, 0),
            "");
  EXPECT_EQ(Run("SELECT * FROM t ORDER BY id"), "1\n2\n");
  Run("CALL system.rollback_to_snapshot(table => 't', snapshot_id => " + first + ")");
  Run("ALTER TABLE t CREATE TAG one");
  Run("INSERT INTO t VALUES (3)");
  Run("CALL system.set_current_snapshot(table => 't', ref => 'one')");
  EXPECT_EQ(Run("SELECT * FROM t"), "1\n");
  Run("ALTER TABLE t EXECUTE rollback_to_snapshot(" + first + ")");
  EXPECT_EQ(RunError("CALL system.rollback_to_snapshot('t', 42)").code,
            ErrorCode::kInvalidParameter);
  EXPECT_EQ(RunError("CALL system.set_current_snapshot(table => 't')").code,
            ErrorCode::kInvalidParameter);
}

TEST_F(IcebergMaintenanceTest, ProcedureErrorsNameWhatIsWrong) {
  Run("CREATE TABLE t (id INTEGER)");
  EXPECT_EQ(RunError("CALL system.expire_snapshot(table => 't')").code,
            ErrorCode::kUndefinedFunction);
  EXPECT_EQ(RunError("CALL system.expire_snapshots(table => 't', retain => 1)").code,
            ErrorCode::kInvalidParameter);
  EXPECT_EQ(
      RunError("CALL system.expire_snapshots(older_than => TIMESTAMP '2000-01-01 00:00:00')").code,
      ErrorCode::kInvalidParameter);
  EXPECT_EQ(RunError("CALL system.rewrite_manifests(table => 'missing')").code,
            ErrorCode::kUndefinedTable);
  EXPECT_EQ(RunError("ALTER TABLE t EXECUTE vacuum").code, ErrorCode::kUndefinedFunction);
  EXPECT_EQ(RunError("ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => 'soon')").code,
            ErrorCode::kInvalidParameter);
  Run("CREATE TABLE memory.default.m (id INTEGER)");
  EXPECT_EQ(RunError("CALL memory.system.rewrite_manifests(table => 'default.m')").code,
            ErrorCode::kNotSupported);
}

// A row-level change validates the snapshots committed since it read the table.
TEST_F(IcebergMaintenanceTest, RowChangesConflictWithConcurrentChangesToTheSameFiles) {
  Run("CREATE TABLE t (id INTEGER) TBLPROPERTIES ('write.delete.mode' = 'merge-on-read')");
  Run("INSERT INTO t VALUES (1), (2), (3)");
  std::string path = Scalar("SELECT file_path FROM t.files");
  std::shared_ptr<IcebergTable> stale = LoadTable("t");
  auto delete_first_row = [&](const std::shared_ptr<IcebergTable>& table) {
    iceberg::RowDelta delta(table->operations(), table->state(),
                            table->state().metadata->CurrentSnapshot(),
                            iceberg::RowChangeOperation::kDelete);
    delta.DeletePositions(path, {0});
    return delta.Commit();
  };
  // Someone else deletes from the same file first: the stale delete must not commit.
  Run("DELETE FROM t WHERE id = 3");
  Result<iceberg::TableState> late = delete_first_row(stale);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kCommitConflict);
  EXPECT_EQ(Run("SELECT id FROM t ORDER BY id"), "1\n2\n");

  // A concurrent append conflicts under serializable isolation (the default), not under snapshot.
  stale = LoadTable("t");
  Run("INSERT INTO t VALUES (4)");
  late = delete_first_row(stale);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kCommitConflict);
  Run("ALTER TABLE t SET TBLPROPERTIES ('write.delete.isolation-level' = 'snapshot')");
  stale = LoadTable("t");
  Run("INSERT INTO t VALUES (5)");
  ASSERT_TRUE(delete_first_row(stale).ok());
  EXPECT_EQ(Run("SELECT id FROM t ORDER BY id"), "2\n4\n5\n");

  // A compaction that rewrote the file conflicts too.
  Run("INSERT INTO t VALUES (6)");
  path =
      Scalar("SELECT file_path FROM t.files WHERE content = 0 ORDER BY record_count DESC LIMIT 1");
  stale = LoadTable("t");
  Run("CALL system.rewrite_data_files(table => 't', options => map('rewrite-all', 'true'))");
  late = delete_first_row(stale);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kCommitConflict);
  EXPECT_EQ(Run("SELECT id FROM t ORDER BY id"), "2\n4\n5\n6\n");
}

// Appends from many threads, and from several databases on one warehouse (as separate processes
// would), never conflict; compaction and expiration running beside them never lose a row.
TEST_F(IcebergMaintenanceTest, ConcurrentAppendsCompactionAndExpirationLoseNoRow) {
  Run("CREATE TABLE t (writer INTEGER, n INTEGER) TBLPROPERTIES ('commit.retry.num-retries' = "
      "'100')");
  constexpr int kWriters = 4;
  constexpr int kAppends = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  std::vector<std::unique_ptr<Database>> databases;
  for (int w = 0; w < kWriters; ++w) databases.push_back(OpenDatabase());
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto connection = databases[w]->Connect();
      for (int i = 0; i < kAppends; ++i) {
        std::string result = Run(*connection, fmt::format("INSERT INTO t VALUES ({}, {})", w, i));
        if (result != "1\n") ++failures;
      }
    });
  }
  std::atomic<bool> done{false};
  std::thread maintenance([&] {
    auto connection = database_->Connect();
    while (!done) {
      for (const char* sql :
           {"CALL system.rewrite_data_files(table => 't', options => map('min-input-files', '2'))",
            "CALL system.expire_snapshots(table => 't', older_than => TIMESTAMP '2099-01-01 "
            "00:00:00', retain_last => 3)",
            "SELECT count(*) FROM t"}) {
        std::string result = Run(*connection, sql);
        if (result.rfind("ERROR", 0) == 0 && result.find("concurrent") == std::string::npos) {
          ADD_FAILURE() << sql << ": " << result;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  for (auto& thread : threads) thread.join();
  done = true;
  maintenance.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Run("SELECT count(*), count(DISTINCT (writer, n)) FROM t"),
            fmt::format("{}\t{}\n", kWriters * kAppends, kWriters * kAppends));
}

}  // namespace
}  // namespace switchboard
