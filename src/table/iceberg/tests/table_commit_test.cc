// Tests of the write path: partitioned writers, append and overwrite snapshots, and the commit
// protocol (conflicts and retries, validation, failed commits leaving the table intact, many
// concurrent writers).
#include "table/iceberg/table_commit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "format/parquet/parquet_reader.h"
#include "table/iceberg/data_writer.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/value_codec.h"
#include "common/string_util.h"
#include "types/datetime.h"

namespace switchboard::iceberg {
namespace {

/// A catalog pointer kept in memory, with hooks to make commits race or fail.
class TestOperations : public TableOperations {
 public:
  explicit TestOperations(std::string location) : location_(std::move(location)) {}

  Result<TableState> Load() override {
    std::string location;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      location = location_;
    }
    SB_ASSIGN_OR_RETURN(auto metadata, ReadMetadataFile(io_, location));
    return TableState{metadata, location};
  }

  Result<void> Swap(const std::string& base, const std::string& next) override {
    if (before_swap) before_swap();
    std::lock_guard<std::mutex> lock(mutex_);
    if (fail_swaps > 0) {
      --fail_swaps;
      return Error{ErrorCode::kIoError, "the catalog is unreachable"};
    }
    if (location_ != base) return Error{ErrorCode::kCommitConflict, "moved"};
    location_ = next;
    ++swaps;
    return Ok();
  }

  const FileIO& io() const override { return io_; }

  std::function<void()> before_swap;
  int fail_swaps = 0;
  int swaps = 0;

 private:
  std::mutex mutex_;
  std::string location_;
  FileIO io_;
};

class TableCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/table_commit_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// A table (id long, category string, ts timestamp) partitioned by category and day(ts).
  std::shared_ptr<TestOperations> CreateTable(std::map<std::string, std::string> properties = {}) {
    SchemaPtr schema = Schema::Make(0, {NestedField{1, "id", true, Type::Primitive(TypeKind::kLong)},
                                        NestedField{2, "category", false, Type::Primitive(TypeKind::kString)},
                                        NestedField{3, "ts", false, Type::Primitive(TypeKind::kTimestamp)}})
                           .ValueOrThrow();
    PartitionSpec spec;
    spec.fields = {PartitionField{2, 0, "category", Transform::Identity()},
                   PartitionField{3, 0, "ts_day", Transform::Parse("day")}};
    TableMetadata metadata = NewTableMetadata(schema, spec, SortOrder{}, dir_ + "/t", std::move(properties)).ValueOrThrow();
    std::string location = WriteInitialMetadata(FileIO(), metadata).ValueOrThrow();
    return std::make_shared<TestOperations>(location);
  }

  /// Rows (first_id .. first_id + count - 1) in categories a/b over two days.
  static DataChunk Rows(int64_t first_id, idx_t count) {
    DataChunk chunk;
    chunk.Initialize({LogicalType(TypeId::kBigint), LogicalType::Varchar(), LogicalType::Timestamp(6)});
    int64_t day = Timestamp::Parse("2024-03-01 00:00:00")->micros;
    for (idx_t i = 0; i < count; ++i) {
      int64_t id = first_id + static_cast<int64_t>(i);
      chunk.column(0).SetValue(i, Value::Bigint(id));
      chunk.column(1).SetValue(i, Value::Varchar(id % 2 == 0 ? "a" : "b"));
      chunk.column(2).SetValue(i, Value::Timestamp(day + (id % 3 == 0 ? kMicrosPerDay : 0) + id, 6));
    }
    chunk.SetSize(count);
    return chunk;
  }

  std::vector<DataFilePtr> Write(TestOperations& ops, const DataChunk& rows) {
    TableState state = ops.Load().ValueOrThrow();
    const TableMetadata& metadata = *state.metadata;
    auto writer = PartitionedWriter::Make(metadata.CurrentSchema(), metadata.DefaultSpec(), nullptr, ops.io(),
                                          WriterOptionsFor(metadata).ValueOrThrow())
                      .ValueOrThrow();
    EXPECT_TRUE(writer->Write(rows).ok());
    return writer->Finish().ValueOrThrow();
  }

  Result<TableState> Append(TestOperations& ops, std::vector<DataFilePtr> files, bool overwrite = false,
                            std::optional<int64_t> read_snapshot = std::nullopt) {
    AppendFiles append(ops.io(), std::move(files), overwrite, read_snapshot);
    Result<TableState> state = CommitTable(ops, [&](const TableState& base) { return append.Apply(base); });
    if (!state.ok()) append.Abort();
    return state;
  }

  static int64_t LiveRows(TestOperations& ops) {
    TableState state = ops.Load().ValueOrThrow();
    SnapshotPtr snapshot = state.metadata->CurrentSnapshot();
    if (!snapshot) return 0;
    ScanPlan plan = PlanScan(*state.metadata, *snapshot, *state.metadata->CurrentSchema(), ops.io(), {}, nullptr).ValueOrThrow();
    int64_t rows = 0;
    for (const auto& task : plan.tasks) {
      EXPECT_TRUE(std::filesystem::exists(task.file->file_path)) << task.file->file_path;
      rows += task.file->record_count;
    }
    return rows;
  }

  std::string dir_;
};

TEST_F(TableCommitTest, WritesOneFilePerPartitionWithMetricsAndPartitionValues) {
  auto ops = CreateTable();
  std::vector<DataFilePtr> files = Write(*ops, Rows(0, 12));
  ASSERT_EQ(files.size(), 4u);  // {a, b} x {day 1, day 2}
  int64_t rows = 0;
  for (const DataFilePtr& file : files) {
    rows += file->record_count;
    ASSERT_EQ(file->partition.size(), 2u);
    EXPECT_EQ(file->partition[0].type().id(), TypeId::kVarchar);
    EXPECT_EQ(file->partition[1].type().id(), TypeId::kDate);
    EXPECT_NE(file->file_path.find("/data/category=" + file->partition[0].GetString() + "/ts_day=2024-03-0"), std::string::npos)
        << file->file_path;
    EXPECT_EQ(file->value_counts.at(1), file->record_count);
    EXPECT_EQ(file->null_value_counts.at(2), 0);
    Value lower = DeserializeBinary(file->lower_bounds.at(1), *Type::Primitive(TypeKind::kLong)).ValueOrThrow();
    Value upper = DeserializeBinary(file->upper_bounds.at(1), *Type::Primitive(TypeKind::kLong)).ValueOrThrow();
    EXPECT_LE(lower.GetInt64(), upper.GetInt64());
    EXPECT_EQ(file->split_offsets.size(), 1u);
  }
  EXPECT_EQ(rows, 12);
}

TEST_F(TableCommitTest, DataFilesCarryFieldIdsTheSchemaAndTheirPartitionSourceColumns) {
  auto ops = CreateTable();
  SchemaPtr schema = ops->Load().ValueOrThrow().metadata->CurrentSchema();
  for (const DataFilePtr& file : Write(*ops, Rows(0, 6))) {
    auto reader = parquet::ParquetReader::Open(file->file_path).ValueOrThrow();
    std::vector<std::pair<std::string, std::optional<int32_t>>> columns;
    for (const parquet::ParquetField& field : reader->schema().fields()) columns.emplace_back(field.name, field.field_id);
    // Identity partition sources (category) are stored too, as Iceberg's own writers do.
    EXPECT_EQ(columns, (std::vector<std::pair<std::string, std::optional<int32_t>>>{{"id", 1}, {"category", 2}, {"ts", 3}}));
    std::optional<std::string> written_schema = reader->FindKeyValue("iceberg.schema");
    ASSERT_TRUE(written_schema.has_value()) << file->file_path;
    SchemaPtr parsed = ParseSchemaJson(*written_schema, "iceberg.schema").ValueOrThrow();
    EXPECT_EQ(SchemaToJson(*parsed), SchemaToJson(*schema));
    EXPECT_EQ(reader->num_rows(), file->record_count);
  }
}

TEST_F(TableCommitTest, AppendsMakeSnapshotsWithSequenceNumbersAndTotals) {
  auto ops = CreateTable();
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(0, 10))).ok());
  Result<TableState> second = Append(*ops, Write(*ops, Rows(10, 5)));
  ASSERT_TRUE(second.ok()) << second.error().message;
  const TableMetadata& metadata = *second->metadata;
  ASSERT_EQ(metadata.snapshots.size(), 2u);
  EXPECT_EQ(metadata.last_sequence_number, 2);
  SnapshotPtr current = metadata.CurrentSnapshot();
  EXPECT_EQ(current->sequence_number, 2);
  EXPECT_EQ(current->parent_id, metadata.snapshots[0]->snapshot_id);
  EXPECT_EQ(current->Summary("total-records"), "15");
  EXPECT_EQ(current->Summary("added-records"), "5");
  EXPECT_EQ(metadata.refs.at("main").snapshot_id, current->snapshot_id);
  EXPECT_EQ(metadata.snapshot_log.size(), 2u);
  EXPECT_EQ(metadata.metadata_log.size(), 2u);
  EXPECT_EQ(LiveRows(*ops), 15);
  // Files inherit their sequence numbers from the manifest list.
  auto manifests = ReadManifestList(ops->io(), current->manifest_list).ValueOrThrow();
  ASSERT_EQ(manifests.size(), 2u);
  EXPECT_EQ(manifests[0].sequence_number, 2);
  EXPECT_EQ(manifests[1].sequence_number, 1);
  for (const auto& entry : ReadManifest(ops->io(), manifests[0]).ValueOrThrow()) EXPECT_EQ(entry.sequence_number, 2);
}

TEST_F(TableCommitTest, OverwriteReplacesEveryLiveFileAndRecordsThemAsDeleted) {
  auto ops = CreateTable();
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(0, 10))).ok());
  int64_t read_snapshot = *ops->Load().ValueOrThrow().metadata->current_snapshot_id;
  Result<TableState> overwritten = Append(*ops, Write(*ops, Rows(100, 3)), true, read_snapshot);
  ASSERT_TRUE(overwritten.ok()) << overwritten.error().message;
  SnapshotPtr current = overwritten->metadata->CurrentSnapshot();
  EXPECT_EQ(current->Operation(), "overwrite");
  EXPECT_EQ(current->Summary("deleted-records"), "10");
  EXPECT_EQ(current->Summary("total-records"), "3");
  EXPECT_EQ(LiveRows(*ops), 3);
  int deleted = 0;
  for (const auto& manifest : ReadManifestList(ops->io(), current->manifest_list).ValueOrThrow()) {
    for (const auto& entry : ReadManifest(ops->io(), manifest).ValueOrThrow()) {
      if (entry.status == EntryStatus::kDeleted) {
        ++deleted;
        EXPECT_EQ(entry.snapshot_id, current->snapshot_id);
        EXPECT_EQ(entry.sequence_number, 1);
      }
    }
  }
  EXPECT_EQ(deleted, 4);
}

TEST_F(TableCommitTest, ALostRaceIsRetriedOnTheNewStateAndItsFilesCleanedUp) {
  auto ops = CreateTable();
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(0, 4))).ok());
  std::vector<DataFilePtr> mine = Write(*ops, Rows(10, 4));
  std::vector<DataFilePtr> theirs = Write(*ops, Rows(20, 4));
  // Just before our first swap another writer commits (once: the hook stays installed, since
  // resetting a std::function from inside its own call would destroy the running closure).
  bool raced = false;
  ops->before_swap = [&] {
    if (raced) return;
    raced = true;
    ASSERT_TRUE(Append(*ops, theirs).ok());
  };
  Result<TableState> committed = Append(*ops, mine);
  ASSERT_TRUE(committed.ok()) << committed.error().message;
  const TableMetadata& metadata = *committed->metadata;
  EXPECT_EQ(metadata.snapshots.size(), 3u);
  EXPECT_EQ(metadata.CurrentSnapshot()->sequence_number, 3);
  EXPECT_EQ(LiveRows(*ops), 12);
  // No manifest list of the failed attempt is left behind.
  int lists = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ + "/t/metadata")) {
    lists += entry.path().filename().string().rfind("snap-", 0) == 0;
  }
  EXPECT_EQ(lists, 3);
}

TEST_F(TableCommitTest, AnOverwriteFailsWhenTheTableChangedSinceItWasRead) {
  auto ops = CreateTable();
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(0, 4))).ok());
  int64_t read_snapshot = *ops->Load().ValueOrThrow().metadata->current_snapshot_id;
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(10, 4))).ok());
  Result<TableState> overwritten = Append(*ops, Write(*ops, Rows(100, 1)), true, read_snapshot);
  ASSERT_FALSE(overwritten.ok());
  EXPECT_EQ(overwritten.error().code, ErrorCode::kCommitConflict);
  EXPECT_EQ(LiveRows(*ops), 8);
}

TEST_F(TableCommitTest, AFailedCommitLeavesThePreviousSnapshotAndEveryFileItNeeds) {
  auto ops = CreateTable();
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(0, 6))).ok());
  TableState before = ops->Load().ValueOrThrow();
  ops->fail_swaps = 1;
  Result<TableState> failed = Append(*ops, Write(*ops, Rows(10, 6)));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kIoError);
  TableState after = ops->Load().ValueOrThrow();
  EXPECT_EQ(after.metadata_location, before.metadata_location);
  EXPECT_EQ(after.metadata->current_snapshot_id, before.metadata->current_snapshot_id);
  EXPECT_EQ(LiveRows(*ops), 6);
  // The failed attempt's metadata file and manifests are gone; the committed ones remain.
  int metadata_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ + "/t/metadata")) {
    metadata_files += EndsWith(entry.path().string(), ".metadata.json");
  }
  EXPECT_EQ(metadata_files, 2);
}

TEST_F(TableCommitTest, ConcurrentWritersLoseNoCommit) {
  auto ops = CreateTable({{"commit.retry.num-retries", "50"}});
  constexpr int kThreads = 4;
  constexpr int kCommits = 5;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int c = 0; c < kCommits; ++c) {
        if (!Append(*ops, Write(*ops, Rows(t * 1000 + c * 10, 3))).ok()) failures++;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  TableState state = ops->Load().ValueOrThrow();
  EXPECT_EQ(state.metadata->snapshots.size(), static_cast<size_t>(kThreads * kCommits));
  EXPECT_EQ(state.metadata->last_sequence_number, kThreads * kCommits);
  EXPECT_EQ(LiveRows(*ops), kThreads * kCommits * 3);
}

TEST_F(TableCommitTest, FormatVersion3AssignsRowIds) {
  auto ops = CreateTable({{"format-version", "3"}});
  ASSERT_TRUE(Append(*ops, Write(*ops, Rows(0, 5))).ok());
  Result<TableState> second = Append(*ops, Write(*ops, Rows(10, 7)));
  ASSERT_TRUE(second.ok()) << second.error().message;
  const TableMetadata& metadata = *second->metadata;
  EXPECT_EQ(metadata.format_version, 3);
  EXPECT_EQ(metadata.next_row_id, 12);
  SnapshotPtr current = metadata.CurrentSnapshot();
  EXPECT_EQ(current->first_row_id, 5);
  EXPECT_EQ(current->added_rows, 7);
  std::set<int64_t> first_row_ids;
  for (const auto& manifest : ReadManifestList(ops->io(), current->manifest_list).ValueOrThrow()) {
    for (const auto& entry : ReadManifest(ops->io(), manifest).ValueOrThrow()) first_row_ids.insert(*entry.file->first_row_id);
  }
  EXPECT_EQ(first_row_ids.size(), 8u);  // every file has its own range
}

TEST(TruncatedBoundTest, TruncatesStringsAndBinaryAsIcebergDoes) {
  TypePtr string = Type::Primitive(TypeKind::kString);
  TypePtr binary = Type::Primitive(TypeKind::kBinary);
  EXPECT_EQ(TruncatedBound(Value::Varchar("short"), *string, true), "short");
  EXPECT_EQ(TruncatedBound(Value::Varchar("abcdefghijklmnopqrstuvwxyz"), *string, false), "abcdefghijklmnop");
  EXPECT_EQ(TruncatedBound(Value::Varchar("abcdefghijklmnopqrstuvwxyz"), *string, true), "abcdefghijklmnoq");
  // Code points, not bytes: 17 two-byte characters.
  std::string accents;
  for (int i = 0; i < 17; ++i) accents += "\xc3\xa9";
  EXPECT_EQ(TruncatedBound(Value::Varchar(accents), *string, false)->size(), 32u);
  std::string upper = *TruncatedBound(Value::Varchar(accents), *string, true);
  EXPECT_EQ(upper.substr(30), "\xc3\xaa");
  std::string ff(20, '\xff');
  EXPECT_EQ(TruncatedBound(Value::Varbinary(ff), *binary, true), std::nullopt);
  EXPECT_EQ(TruncatedBound(Value::Varbinary(std::string(15, '\xff') + "\x01\x02\x03"), *binary, true),
            std::string(15, '\xff') + "\x02");
}

}  // namespace
}  // namespace switchboard::iceberg
