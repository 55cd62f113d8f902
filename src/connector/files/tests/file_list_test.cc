// FileList: expanding paths, globs and lists into files, Hive partition folders (detection, type
// inference, NULL and percent-encoded values), listing partitioned folders, and pruning files by
// filters on partition columns. Files are written to a fresh temporary folder.
#include "connector/files/file_list.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "connector/files/file_scan.h"
#include "types/datetime.h"

namespace switchboard {
namespace {

class FileListTest : public ::testing::Test {
 protected:
  FileListTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sb_file_list_XXXXXX").string();
    root_ = mkdtemp(pattern.data());
  }
  ~FileListTest() override { std::filesystem::remove_all(root_); }

  /// Writes an empty file at `relative` below the folder (creating its parents); returns its path.
  std::string Touch(const std::string& relative) {
    std::filesystem::path path = std::filesystem::path(root_) / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << "x\n";
    return path.string();
  }

  static ErrorCode ExpandError(const Value& argument,
                               HivePartitioning hive = HivePartitioning::kAuto) {
    try {
      ExpandFiles(argument, hive);
    } catch (const Exception& e) {
      return e.code();
    }
    ADD_FAILURE() << "expanded " << argument.ToString();
    return ErrorCode::kInternal;
  }

  static TableFilter Filter(idx_t column, TableFilter::Kind kind,
                            std::vector<Value> constants = {}) {
    return TableFilter{column, kind, std::move(constants)};
  }

  std::string root_;
};

TEST_F(FileListTest, GlobsExpandToTheMatchingFilesInOrder) {
  std::string b = Touch("b.csv"), a = Touch("a.csv");
  Touch("c.json");
  FileList files = ExpandFiles(Value::Varchar(root_ + "/*.csv"), HivePartitioning::kAuto);
  EXPECT_EQ(files.paths, (std::vector<std::string>{a, b}));
  EXPECT_TRUE(files.partition_columns.empty());
}

TEST_F(FileListTest, ListsOfPathsAndGlobsKeepTheirOrderWithoutDuplicates) {
  std::string a = Touch("a.csv"), b = Touch("b.csv");
  LogicalType varchar = LogicalType::Varchar();
  Value list = Value::Array(
      varchar, {Value::Varchar(b), Value::Varchar(root_ + "/*.csv"), Value::Varchar(b)});
  EXPECT_EQ(ExpandFiles(list, HivePartitioning::kAuto).paths, (std::vector<std::string>{b, a}));
}

TEST_F(FileListTest, RecursiveGlobsFindFilesInSubfolders) {
  std::string deep = Touch("x/y/z.csv"), top = Touch("t.csv");
  EXPECT_EQ(
      ExpandFiles(Value::Varchar(root_ + "/**/*.csv"), HivePartitioning::kDisabled).paths.size(),
      2u)
      << deep << " " << top;
}

TEST_F(FileListTest, MissingFilesAndEmptyGlobsAreIoErrors) {
  Touch("a.csv");
  EXPECT_EQ(ExpandError(Value::Varchar(root_ + "/missing.csv")), ErrorCode::kIoError);
  EXPECT_EQ(ExpandError(Value::Varchar(root_ + "/*.parquet")), ErrorCode::kIoError);
  EXPECT_EQ(ExpandError(Value::Varchar(root_ + "/nowhere/*.csv")), ErrorCode::kIoError);
  EXPECT_EQ(ExpandError(Value::Integer(3)), ErrorCode::kInvalidParameter);
  EXPECT_EQ(ExpandError(Value::Varchar(root_)), ErrorCode::kInvalidParameter);  // a folder
}

TEST_F(FileListTest, DetectsHivePartitionsAndInfersTheirTypes) {
  Touch("date=2024-05-01/queue=7/region=eu/x.csv");
  Touch("date=2024-05-02/queue=12/region=us/y.csv");
  FileList files = ExpandFiles(Value::Varchar(root_ + "/**/*.csv"), HivePartitioning::kAuto);
  ASSERT_EQ(files.partition_columns.size(), 3u);
  EXPECT_EQ(files.partition_columns[0].name, "date");
  EXPECT_EQ(files.partition_columns[0].type, LogicalType(TypeId::kDate));
  EXPECT_EQ(files.partition_columns[1].type, LogicalType(TypeId::kBigint));
  EXPECT_EQ(files.partition_columns[2].type.id(), TypeId::kVarchar);
  ASSERT_EQ(files.partition_values.size(), 2u);
  EXPECT_EQ(files.partition_values[1][0], Value::Date(*Date::Parse("2024-05-02")));
  EXPECT_EQ(files.partition_values[1][1], Value::Bigint(12));
  EXPECT_EQ(files.partition_values[0][2].GetString(), "eu");
}

TEST_F(FileListTest, DefaultPartitionIsNullAndEncodedValuesReadBack) {
  Value tricky = Value::Varchar("a/b=c%d");
  std::string folder = HivePartitionFolderValue(tricky);
  EXPECT_EQ(folder.find('/'), std::string::npos) << folder;
  EXPECT_EQ(HivePartitionFolderValue(Value::Null(TypeId::kBigint)), "__HIVE_DEFAULT_PARTITION__");
  EXPECT_EQ(HivePartitionFolderValue(Value::Varchar("")), "__HIVE_DEFAULT_PARTITION__");
  Touch("k=" + folder + "/x.csv");
  Touch("k=__HIVE_DEFAULT_PARTITION__/y.csv");
  FileList files = ExpandFiles(Value::Varchar(root_ + "/*/*.csv"), HivePartitioning::kAuto);
  ASSERT_EQ(files.partition_columns.size(), 1u);
  std::vector<std::string> values;
  for (const auto& file : files.partition_values) values.push_back(file[0].ToString());
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"NULL", "a/b=c%d"}));
  EXPECT_TRUE(HivePartitionValue("__HIVE_DEFAULT_PARTITION__", TypeId::kDate).is_null());
}

TEST_F(FileListTest, MismatchedPartitionFoldersDisableDetectionOrFailWhenForced) {
  Touch("a=1/x.csv");
  Touch("b=2/y.csv");
  Value glob = Value::Varchar(root_ + "/*/*.csv");
  EXPECT_TRUE(ExpandFiles(glob, HivePartitioning::kAuto).partition_columns.empty());
  EXPECT_EQ(ExpandError(glob, HivePartitioning::kEnabled), ErrorCode::kInvalidParameter);
  EXPECT_TRUE(ExpandFiles(Value::Varchar(root_ + "/a=1/*.csv"), HivePartitioning::kDisabled)
                  .partition_columns.empty());
}

TEST_F(FileListTest, ListsOnlyFilesAtTheDepthOfThePartitionColumns) {
  std::string kept = Touch("day=2024-01-01/Queue=3/part-0.parquet");
  Touch("day=2024-01-01/part-1.parquet");                // too shallow
  Touch("day=2024-01-01/queue=4/extra/part-2.parquet");  // too deep
  Touch("day=2024-01-01/_tmp=1/part-3.parquet");         // hidden
  Touch("_delta_log/queue=1/x.json");                    // hidden
  Touch("other=1/queue=5/part-4.parquet");               // wrong key
  std::vector<HivePartitionColumn> columns = {{"day", TypeId::kDate}, {"queue", TypeId::kInteger}};
  FileList files = ListPartitionedFolder(root_, columns);
  EXPECT_EQ(files.paths, (std::vector<std::string>{kept}));
  ASSERT_EQ(files.partition_values.size(), 1u);
  EXPECT_EQ(files.partition_values[0][1], Value::Integer(3));
  EXPECT_TRUE(ListPartitionedFolder(root_ + "/missing", columns).paths.empty());
}

TEST_F(FileListTest, PartitionValuesOfTheWrongTypeAreCastErrors) {
  Touch("queue=seven/x.csv");
  try {
    ListPartitionedFolder(root_, {{"queue", TypeId::kInteger}});
    ADD_FAILURE() << "'seven' read as an integer";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidCast);
    EXPECT_NE(std::string(e.what()).find("queue=seven"), std::string::npos) << e.what();
  }
}

TEST_F(FileListTest, ValueMatchesFilterComparesAndTreatsNullAsMatchingOnlyIsNull) {
  Value five = Value::Bigint(5), null = Value::Null(TypeId::kBigint);
  using Kind = TableFilter::Kind;
  EXPECT_TRUE(ValueMatchesFilter(five, Filter(0, Kind::kEqual, {Value::Bigint(5)})));
  EXPECT_FALSE(ValueMatchesFilter(five, Filter(0, Kind::kNotEqual, {Value::Bigint(5)})));
  EXPECT_TRUE(ValueMatchesFilter(five, Filter(0, Kind::kLess, {Value::Bigint(6)})));
  EXPECT_FALSE(ValueMatchesFilter(five, Filter(0, Kind::kGreater, {Value::Bigint(5)})));
  EXPECT_TRUE(ValueMatchesFilter(five, Filter(0, Kind::kGreaterEqual, {Value::Bigint(5)})));
  EXPECT_TRUE(ValueMatchesFilter(five, Filter(0, Kind::kIn, {Value::Bigint(1), Value::Bigint(5)})));
  EXPECT_FALSE(ValueMatchesFilter(five, Filter(0, Kind::kIn, {Value::Bigint(1), null})));
  EXPECT_FALSE(ValueMatchesFilter(five, Filter(0, Kind::kIsNull)));
  EXPECT_TRUE(ValueMatchesFilter(null, Filter(0, Kind::kIsNull)));
  EXPECT_FALSE(ValueMatchesFilter(null, Filter(0, Kind::kNotEqual, {Value::Bigint(5)})));
  EXPECT_FALSE(ValueMatchesFilter(null, Filter(0, Kind::kIsNotNull)));
  // Dates compare as dates, not as text.
  Value may = Value::Date(*Date::Parse("2024-05-10"));
  EXPECT_TRUE(ValueMatchesFilter(
      may, Filter(0, Kind::kGreater, {Value::Date(*Date::Parse("2024-05-09"))})));
}

TEST_F(FileListTest, PrunesFilesByFiltersOnPartitionColumnsOnly) {
  Touch("day=2024-05-01/a.csv");
  Touch("day=2024-05-02/b.csv");
  Touch("day=2024-05-03/c.csv");
  FileList files = ExpandFiles(Value::Varchar(root_ + "/*/*.csv"), HivePartitioning::kAuto);
  FileTableColumns columns;
  columns.AddFileColumn("amount", TypeId::kBigint);
  columns.AddPartitionColumns(files);
  columns.AddFilenameColumn();
  ASSERT_EQ(columns.names, (std::vector<std::string>{"amount", "day", "filename"}));
  TableFilter on_file = Filter(0, TableFilter::Kind::kEqual, {Value::Bigint(1)});
  TableFilter on_day =
      Filter(1, TableFilter::Kind::kGreaterEqual, {Value::Date(*Date::Parse("2024-05-02"))});
  TableFilter on_name = Filter(2, TableFilter::Kind::kNotEqual, {Value::Varchar(files.paths[2])});
  EXPECT_FALSE(AcceptsFileFilter(columns, on_file));
  EXPECT_TRUE(AcceptsFileFilter(columns, on_day));
  EXPECT_TRUE(AcceptsFileFilter(columns, on_name));
  EXPECT_EQ(PruneFiles(files, columns, {on_day}), (std::vector<size_t>{1, 2}));
  EXPECT_EQ(PruneFiles(files, columns, {on_day, on_name}), (std::vector<size_t>{1}));
  EXPECT_EQ(PruneFiles(files, columns, {}), (std::vector<size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace switchboard
