// Tests for reading sqllogictest files: every record kind, conditions, loops and malformed input.
#include "main/sqllogictest/test_file_parser.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

TestFile ParseOk(std::string_view text) {
  Result<TestFile> file = TestFileParser::Parse(text);
  EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
  return file.ok() ? std::move(file).value() : TestFile{};
}

std::string ParseError(std::string_view text) {
  Result<TestFile> file = TestFileParser::Parse(text);
  EXPECT_FALSE(file.ok());
  return file.ok() ? "" : file.error().message;
}

TEST(TestFileParserTest, ReadsSqliteStatements) {
  TestFile file = ParseOk(
      "statement ok\n"
      "CREATE TABLE t1(a INTEGER,\n"
      "                b INTEGER)\n"
      "\n"
      "statement error\n"
      "SELECT 1/0\n");
  ASSERT_EQ(file.records.size(), 2u);
  const TestRecord& ok = file.records[0];
  EXPECT_EQ(ok.kind, RecordKind::kStatement);
  EXPECT_EQ(ok.expectation, StatementExpectation::kOk);
  EXPECT_EQ(ok.line, 1);
  EXPECT_EQ(ok.sql, "CREATE TABLE t1(a INTEGER,\n                b INTEGER)");
  const TestRecord& error = file.records[1];
  EXPECT_EQ(error.expectation, StatementExpectation::kError);
  EXPECT_EQ(error.line, 5);
  EXPECT_EQ(error.expected_error, "");
}

TEST(TestFileParserTest, ReadsExpectedErrorsInBothForms) {
  TestFile file = ParseOk(
      "statement error Division by zero\n"
      "SELECT 1/0\n"
      "\n"
      "statement error\n"
      "SELECT x FROM t\n"
      "----\n"
      "Column 'x' cannot be resolved\n"
      "\n"
      "statement maybe\n"
      "DROP TABLE t\n"
      "----\n"
      "does not exist\n");
  ASSERT_EQ(file.records.size(), 3u);
  EXPECT_EQ(file.records[0].expected_error, "Division by zero");
  EXPECT_EQ(file.records[1].expected_error, "Column 'x' cannot be resolved");
  EXPECT_EQ(file.records[1].sql, "SELECT x FROM t");
  EXPECT_EQ(file.records[2].expectation, StatementExpectation::kMaybe);
  EXPECT_EQ(file.records[2].expected_error, "does not exist");
}

TEST(TestFileParserTest, ReadsQueryHeaderSqlAndResults) {
  TestFile file = ParseOk(
      "query IT rowsort label-7\n"
      "SELECT a, b\n"
      "  FROM t\n"
      "----\n"
      "1\tx\n"
      "2\ty\n"
      "\n"
      "query R\n"
      "SELECT 1.5\n"
      "----\n"
      "1.500\n");
  ASSERT_EQ(file.records.size(), 2u);
  const TestRecord& query = file.records[0];
  EXPECT_EQ(query.kind, RecordKind::kQuery);
  EXPECT_EQ(query.column_types, "IT");
  EXPECT_EQ(query.sort_mode, SortMode::kRowSort);
  EXPECT_EQ(query.label, "label-7");
  EXPECT_EQ(query.sql, "SELECT a, b\n  FROM t");
  EXPECT_TRUE(query.has_results_block);
  EXPECT_EQ(query.expected_lines, (std::vector<std::string>{"1\tx", "2\ty"}));
  EXPECT_EQ(query.results_begin, 4);
  EXPECT_EQ(query.results_end, 6);
  EXPECT_EQ(file.records[1].sort_mode, SortMode::kNoSort);
  EXPECT_EQ(file.records[1].expected_lines, std::vector<std::string>{"1.500"});
}

TEST(TestFileParserTest, ReadsEverySortModeAndALabelWithoutOne) {
  TestFile file = ParseOk(
      "query I nosort\nSELECT 1\n----\n1\n\n"
      "query I valuesort\nSELECT 1\n----\n1\n\n"
      "query I same-result\nSELECT 1\n----\n1\n");
  ASSERT_EQ(file.records.size(), 3u);
  EXPECT_EQ(file.records[0].sort_mode, SortMode::kNoSort);
  EXPECT_EQ(file.records[1].sort_mode, SortMode::kValueSort);
  EXPECT_EQ(file.records[2].sort_mode, SortMode::kNoSort);
  EXPECT_EQ(file.records[2].label, "same-result");
}

TEST(TestFileParserTest, QueryWithoutResultsBlockMarksWhereOneGoes) {
  TestFile file = ParseOk("query I\nSELECT 1\n\nstatement ok\nSELECT 2\n");
  const TestRecord& query = file.records[0];
  EXPECT_FALSE(query.has_results_block);
  EXPECT_TRUE(query.expected_lines.empty());
  EXPECT_EQ(query.results_begin, 2);
  EXPECT_EQ(query.results_end, 2);
}

TEST(TestFileParserTest, AttachesConditionsWithTrailingComments) {
  TestFile file = ParseOk(
      "onlyif mysql # DIV for integer division: \r\n"
      "query I rowsort label-1\r\n"
      "SELECT DISTINCT 20 DIV - 97 FROM tab0\r\n"
      "----\r\n"
      "0\r\n"
      "\r\n"
      "skipif mysql # not compatible\r\n"
      "skipif postgresql\r\n"
      "query I rowsort label-1\r\n"
      "SELECT DISTINCT 20 / - 97 FROM tab0\r\n"
      "----\r\n"
      "0\r\n");
  ASSERT_EQ(file.records.size(), 2u);
  ASSERT_EQ(file.records[0].conditions.size(), 1u);
  EXPECT_TRUE(file.records[0].conditions[0].only_if);
  EXPECT_EQ(file.records[0].conditions[0].engine, "mysql");
  EXPECT_EQ(file.records[0].sql, "SELECT DISTINCT 20 DIV - 97 FROM tab0");
  ASSERT_EQ(file.records[1].conditions.size(), 2u);
  EXPECT_FALSE(file.records[1].conditions[1].only_if);
  EXPECT_EQ(file.records[1].conditions[1].engine, "postgresql");
  EXPECT_EQ(file.records[1].line, 9);
  EXPECT_EQ(file.records[1].expected_lines, std::vector<std::string>{"0"});
}

TEST(TestFileParserTest, ReadsControlCommandsAndSkipsComments) {
  TestFile file = ParseOk(
      "# name: test/sql/runner/control.test\n"
      "# description: control commands\n"
      "# group: [runner]\n"
      "\n"
      "hash-threshold 8\n"
      "require parquet\n"
      "mode skip\n"
      "mode unskip\n"
      "onlyif sqlite\n"
      "halt\n");
  ASSERT_EQ(file.records.size(), 5u);
  EXPECT_EQ(file.records[0].kind, RecordKind::kHashThreshold);
  EXPECT_EQ(file.records[0].threshold, 8);
  EXPECT_EQ(file.records[0].line, 5);
  EXPECT_EQ(file.records[1].kind, RecordKind::kRequire);
  EXPECT_EQ(file.records[1].argument, "parquet");
  EXPECT_EQ(file.records[2].kind, RecordKind::kModeSkip);
  EXPECT_EQ(file.records[3].kind, RecordKind::kModeUnskip);
  EXPECT_EQ(file.records[4].kind, RecordKind::kHalt);
  EXPECT_EQ(file.records[4].conditions[0].engine, "sqlite");
}

TEST(TestFileParserTest, ExpandsLoopsAndForeachWithSubstitution) {
  TestFile file = ParseOk(
      "loop i 0 2\n"
      "foreach type INTEGER BIGINT\n"
      "query I\n"
      "SELECT CAST(${i} AS ${type})\n"
      "----\n"
      "${i}\n"
      "\n"
      "endloop\n"
      "endloop\n"
      "statement ok\n"
      "SELECT 'after'\n");
  ASSERT_EQ(file.records.size(), 5u);
  EXPECT_EQ(file.records[0].sql, "SELECT CAST(0 AS INTEGER)");
  EXPECT_EQ(file.records[1].sql, "SELECT CAST(0 AS BIGINT)");
  EXPECT_EQ(file.records[2].sql, "SELECT CAST(1 AS INTEGER)");
  EXPECT_EQ(file.records[3].expected_lines, std::vector<std::string>{"1"});
  EXPECT_TRUE(file.records[3].in_loop);
  EXPECT_EQ(file.records[3].line, 3);
  EXPECT_FALSE(file.records[4].in_loop);
}

TEST(TestFileParserTest, SplitLinesDropsLineTerminators) {
  EXPECT_EQ(TestFileParser::SplitLines("a\r\nb\n\nc"),
            (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(TestFileParser::SplitLines("a\n"), std::vector<std::string>{"a"});
  EXPECT_TRUE(TestFileParser::SplitLines("").empty());
}

TEST(TestFileParserTest, RejectsMalformedRecordsWithTheirLine) {
  EXPECT_EQ(ParseError("statement ok\nSELECT 1\n\nfrobnicate\n"),
            "line 4: unknown command 'frobnicate'");
  EXPECT_EQ(ParseError("statement ok\n\n"), "line 1: statement has no SQL");
  EXPECT_EQ(ParseError("statement ok\nSELECT 1\n----\nx\n"),
            "line 3: statement ok cannot have a ---- block");
  EXPECT_EQ(ParseError("statement wrong\nSELECT 1\n"),
            "line 1: unknown statement expectation 'wrong'");
  EXPECT_EQ(ParseError("query\nSELECT 1\n"), "line 1: query needs its column type letters");
  EXPECT_EQ(ParseError("hash-threshold many\n"),
            "line 1: hash-threshold needs a non-negative integer");
  EXPECT_EQ(ParseError("mode fast\n"), "line 1: mode must be 'skip' or 'unskip'");
  EXPECT_EQ(ParseError("endloop\n"), "line 1: endloop without loop");
  EXPECT_EQ(ParseError("\nloop i 0 3\nstatement ok\nSELECT 1\n"), "line 2: loop without endloop");
  EXPECT_EQ(ParseError("statement ok\nSELECT 1\n\nskipif mysql\n"),
            "line 5: skipif/onlyif at the end of the file is not followed by a record");
}

}  // namespace
}  // namespace switchboard
