// Tests for comparing results with expected blocks: layouts, sort modes, hashing, R and T values.
#include "main/sqllogictest/result_comparator.h"

#include <gtest/gtest.h>

#include "main/sqllogictest/test_file_parser.h"

namespace switchboard {
namespace {

using Rows = std::vector<std::vector<Value>>;

/// The first record of a fixture file.
TestRecord Record(std::string_view text) {
  Result<TestFile> file = TestFileParser::Parse(text);
  EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
  return file.ok() && !file->records.empty() ? file->records[0] : TestRecord{};
}

Rows IntegerRows(std::initializer_list<std::initializer_list<int32_t>> rows) {
  Rows result;
  for (const auto& row : rows) {
    std::vector<Value> values;
    for (int32_t value : row) values.push_back(Value::Integer(value));
    result.push_back(std::move(values));
  }
  return result;
}

QueryComparison Compare(const TestRecord& record, const Rows& rows) {
  return ResultComparator(record).Compare(
      rows.empty() ? record.column_types.size() : rows[0].size(), rows);
}

TEST(ResultComparatorTest, NoSortComparesRowsInOrder) {
  TestRecord record = Record("query II nosort\nSELECT a, b FROM t\n----\n1\n2\n3\n4\n");
  EXPECT_TRUE(Compare(record, IntegerRows({{1, 2}, {3, 4}})).matches);
  QueryComparison swapped = Compare(record, IntegerRows({{3, 4}, {1, 2}}));
  EXPECT_FALSE(swapped.matches);
  EXPECT_EQ(swapped.message.substr(0, swapped.message.find('\n')),
            "row 1, column 1: expected \"1\", got \"3\"");
}

TEST(ResultComparatorTest, RowSortSortsRowsAsTextOnBothSides) {
  // Sorted as text, "10" comes before "9"; the expected rows may be in any order.
  TestRecord sqlite_style = Record("query II rowsort\nSELECT a, b FROM t\n----\n10\n1\n9\n2\n");
  EXPECT_TRUE(Compare(sqlite_style, IntegerRows({{9, 2}, {10, 1}})).matches);
  TestRecord unsorted = Record("query II rowsort\nSELECT a, b FROM t\n----\n9\t2\n10\t1\n");
  QueryComparison comparison = Compare(unsorted, IntegerRows({{9, 2}, {10, 1}}));
  EXPECT_TRUE(comparison.matches);
  EXPECT_EQ(comparison.values, (std::vector<std::string>{"10", "1", "9", "2"}));
  EXPECT_FALSE(Compare(unsorted, IntegerRows({{9, 1}, {10, 2}})).matches);
}

TEST(ResultComparatorTest, ValueSortSortsEveryValue) {
  TestRecord record = Record("query II valuesort\nSELECT a, b FROM t\n----\n1\n2\n3\n4\n");
  QueryComparison comparison = Compare(record, IntegerRows({{4, 2}, {3, 1}}));
  EXPECT_TRUE(comparison.matches);
  EXPECT_EQ(comparison.values, (std::vector<std::string>{"1", "2", "3", "4"}));
  QueryComparison different = Compare(record, IntegerRows({{4, 2}, {3, 5}}));
  EXPECT_FALSE(different.matches);
  EXPECT_EQ(different.message.substr(0, different.message.find('\n')),
            "value 1: expected \"1\", got \"2\"");
}

TEST(ResultComparatorTest, HashMatchesTheSqliteCorpus) {
  // From SQLite's random/aggregates/slt_good_0.test: the rows of tab2, sorted.
  TestRecord record = Record(
      "query III rowsort\n"
      "SELECT DISTINCT * FROM tab2 WHERE - col2 + col1 IS NOT NULL\n"
      "----\n"
      "9 values hashing to 75c998aa53ac83218cbf2feb962d0a49\n");
  QueryComparison comparison =
      Compare(record, IntegerRows({{64, 77, 40}, {75, 67, 58}, {46, 51, 23}}));
  EXPECT_TRUE(comparison.matches) << comparison.message;
  EXPECT_EQ(comparison.hash, "75c998aa53ac83218cbf2feb962d0a49");
}

TEST(ResultComparatorTest, HashMismatchNamesBothHashes) {
  TestRecord record = Record(
      "query I nosort\nSELECT a FROM t\n----\n2 values hashing to "
      "75c998aa53ac83218cbf2feb962d0a49\n");
  QueryComparison comparison = Compare(record, IntegerRows({{1}, {2}}));
  EXPECT_FALSE(comparison.matches);
  EXPECT_EQ(comparison.message.substr(0, comparison.message.find('\n')),
            "expected 2 values hashing to 75c998aa53ac83218cbf2feb962d0a49, got 2 values hashing "
            "to 6ddb4095eb719e2a9f0a3f95677d24e0");
}

TEST(ResultComparatorTest, ReportsRowCountAndColumnCountDifferences) {
  TestRecord record = Record("query II\nSELECT a, b FROM t\n----\n1\t2\n");
  QueryComparison extra_row = Compare(record, IntegerRows({{1, 2}, {3, 4}}));
  EXPECT_FALSE(extra_row.matches);
  EXPECT_EQ(extra_row.message.substr(0, extra_row.message.find('\n')), "expected 1 rows, got 2");
  EXPECT_NE(extra_row.message.find("actual:\n    1\t2\n    3\t4\n"), std::string::npos);
  QueryComparison three_columns = Compare(record, IntegerRows({{1, 2, 3}}));
  EXPECT_FALSE(three_columns.matches);
  EXPECT_FALSE(three_columns.columns_match);
  EXPECT_EQ(three_columns.message, "the query declares 2 columns (II), the result has 3");
}

TEST(ResultComparatorTest, AbbreviatesLongResultsInMessages) {
  TestRecord record = Record("query I\nSELECT a FROM t\n----\n0\n");
  Rows rows;
  for (int i = 0; i < 50; ++i) rows.push_back({Value::Integer(i)});
  QueryComparison comparison = Compare(record, rows);
  EXPECT_NE(comparison.message.find("    ... (30 more)\n"), std::string::npos);
}

TEST(ResultComparatorTest, EmptyResultMatchesAnEmptyBlock) {
  TestRecord record = Record("query I\nSELECT a FROM t WHERE false\n----\n\n");
  EXPECT_TRUE(Compare(record, {}).matches);
  EXPECT_FALSE(Compare(record, IntegerRows({{1}})).matches);
}

TEST(ResultComparatorTest, SqliteRealsUseThreeDecimals) {
  TestRecord record = Record("query IR rowsort\nSELECT a, b FROM t\n----\n1\n0.333\n2\n-2.500\n");
  ResultComparator comparator(record);
  EXPECT_EQ(comparator.real_format(), RealFormat::kFixed3);
  Rows rows = {{Value::Integer(2), Value::Double(-2.5)},
               {Value::Integer(1), Value::Double(1.0 / 3)}};
  QueryComparison comparison = comparator.Compare(2, rows);
  EXPECT_TRUE(comparison.matches) << comparison.message;
  EXPECT_EQ(comparison.values, (std::vector<std::string>{"1", "0.333", "2", "-2.500"}));
}

TEST(ResultComparatorTest, DuckDbRealsCompareNumerically) {
  TestRecord record =
      Record("query RIT\nSELECT * FROM t\n----\n23.343424523423433\t1\tx\n0.00000000000\t2\ty\n");
  ResultComparator comparator(record);
  EXPECT_EQ(comparator.real_format(), RealFormat::kFull);
  Rows rows = {{Value::Double(23.343424523423433), Value::Integer(1), Value::Varchar("x")},
               {Value::Decimal(0, 12, 11), Value::Integer(2), Value::Varchar("y")}};
  EXPECT_TRUE(comparator.Compare(3, rows).matches);
  rows[0][0] = Value::Double(23.3434);
  EXPECT_FALSE(comparator.Compare(3, rows).matches);
}

TEST(ResultComparatorTest, TextColumnsCompareTimestampsAfterNormalization) {
  TestRecord record = Record(
      "query TT\nSELECT ts, tstz FROM t\n----\n2023-05-15 14:30:45\t2023-05-15 14:30:45+00\n");
  constexpr int64_t kInstant = int64_t{1684161045} * 1'000'000;
  Rows rows = {
      {Value::Timestamp(kInstant, 6), Value::TimestampWithZone(TimestampTz{kInstant, 0}, 3)}};
  QueryComparison comparison = Compare(record, rows);
  EXPECT_TRUE(comparison.matches) << comparison.message;
  EXPECT_EQ(comparison.values[0], "2023-05-15 14:30:45.000000");
  rows[0][0] = Value::Timestamp(kInstant + 1000, 6);
  EXPECT_FALSE(Compare(record, rows).matches);
}

TEST(ResultComparatorTest, NormalizationIsOnlyForTextColumns) {
  TestRecord record = Record("query I\nSELECT x\n----\n12:00:00\n");
  Rows rows = {{Value::Time(12 * int64_t{3600} * 1'000'000, 3)}};
  EXPECT_FALSE(Compare(record, rows).matches);
}

TEST(ResultComparatorTest, WritesCompletedBlocksInTheRecordsLayout) {
  std::vector<std::string> values = {"1", "a", "2", "b"};
  TestRecord sqlite_style = Record("query IT\nSELECT a, b FROM t\n----\n0\nz\n");
  EXPECT_EQ(ResultComparator(sqlite_style).ExpectedBlock(values, 0), values);
  TestRecord no_block = Record("query IT\nSELECT a, b FROM t\n");
  EXPECT_EQ(ResultComparator(no_block).ExpectedBlock(values, 0),
            (std::vector<std::string>{"1\ta", "2\tb"}));
  EXPECT_EQ(ResultComparator(no_block).ExpectedBlock(values, 3),
            std::vector<std::string>{"4 values hashing to dcb405d9ab483907f29736a07728fa2d"});
}

}  // namespace
}  // namespace switchboard
