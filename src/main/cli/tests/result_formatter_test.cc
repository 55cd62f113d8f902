// Tests for the command line's output formats.
#include "main/cli/result_formatter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace switchboard {
namespace {

std::unique_ptr<QueryResult> MakeResult(std::vector<std::string> names,
                                        std::vector<LogicalType> types,
                                        const std::vector<std::vector<Value>>& rows) {
  auto collection = std::make_unique<ChunkCollection>(types);
  if (!types.empty()) {
    DataChunk chunk;
    chunk.Initialize(types);
    for (size_t row = 0; row < rows.size(); ++row) {
      for (size_t column = 0; column < types.size(); ++column) {
        chunk.column(column).SetValue(row, rows[row][column]);
      }
    }
    chunk.SetSize(rows.size());
    collection->Append(chunk);
  }
  return std::make_unique<QueryResult>("SELECT", std::move(names), std::move(collection));
}

std::string Format(OutputFormat format, const QueryResult& result) {
  std::ostringstream out;
  ResultFormatter(format).Write(result, out);
  return out.str();
}

TEST(ResultFormatterTest, TableAlignsColumnsAndRightAlignsNumbers) {
  auto result = MakeResult(
      {"id", "name", "score"}, {TypeId::kInteger, LogicalType::Varchar(), TypeId::kDouble},
      {{Value::Integer(1), Value::Varchar("alice"), Value::Double(2.5)},
       {Value::Null(TypeId::kInteger), Value::Varchar("bob\tby"), Value::Double(-10)}});
  EXPECT_EQ(Format(OutputFormat::kTable, *result),
            "+------+---------+-------+\n"
            "|   id | name    | score |\n"
            "+------+---------+-------+\n"
            "|    1 | alice   |   2.5 |\n"
            "| NULL | bob\\tby | -10.0 |\n"
            "+------+---------+-------+\n");
}

TEST(ResultFormatterTest, TableCountsCodePointsNotBytes) {
  auto result = MakeResult({"city"}, {LogicalType::Varchar()},
                           {{Value::Varchar("Zürich")}, {Value::Varchar("Oslo")}});
  EXPECT_EQ(Format(OutputFormat::kTable, *result),
            "+--------+\n"
            "| city   |\n"
            "+--------+\n"
            "| Zürich |\n"
            "| Oslo   |\n"
            "+--------+\n");
}

TEST(ResultFormatterTest, MarkdownEscapesPipesAndNewlines) {
  auto result = MakeResult({"id", "name"}, {TypeId::kBigint, LogicalType::Varchar()},
                           {{Value::Bigint(1), Value::Varchar("a|b")},
                            {Value::Null(TypeId::kBigint), Value::Varchar("x\ny")}});
  EXPECT_EQ(Format(OutputFormat::kMarkdown, *result),
            "|   id | name   |\n"
            "|-----:|--------|\n"
            "|    1 | a\\|b   |\n"
            "| NULL | x<br>y |\n");
}

TEST(ResultFormatterTest, CsvQuotesAsRfc4180AndLeavesNullEmpty) {
  auto result = MakeResult({"id", "text"}, {TypeId::kInteger, LogicalType::Varchar()},
                           {{Value::Integer(1), Value::Varchar("plain")},
                            {Value::Integer(2), Value::Varchar("a,b")},
                            {Value::Integer(3), Value::Varchar("say \"hi\"")},
                            {Value::Integer(4), Value::Varchar("two\nlines")},
                            {Value::Integer(5), Value::Varchar("")},
                            {Value::Null(TypeId::kInteger), Value::Null(LogicalType::Varchar())}});
  EXPECT_EQ(Format(OutputFormat::kCsv, *result),
            "id,text\n"
            "1,plain\n"
            "2,\"a,b\"\n"
            "3,\"say \"\"hi\"\"\"\n"
            "4,\"two\nlines\"\n"
            "5,\"\"\n"
            ",\n");
}

TEST(ResultFormatterTest, JsonKeepsTypesAndNesting) {
  LogicalType array = LogicalType::Array(TypeId::kInteger);
  LogicalType map = LogicalType::Map(LogicalType::Varchar(), TypeId::kInteger);
  LogicalType row = LogicalType::Row({{"x", TypeId::kInteger}, {"", LogicalType::Varchar()}});
  LogicalType decimal = LogicalType::Decimal(10, 2);
  std::vector<LogicalType> types = {
      TypeId::kInteger, TypeId::kDouble, TypeId::kBoolean, LogicalType::Varchar(), array, map, row,
      decimal,          TypeId::kDate};
  std::vector<Value> first = {
      Value::Integer(1),
      Value::Double(2.5),
      Value::Boolean(true),
      Value::Varchar("q\"uote\n"),
      Value::Array(TypeId::kInteger, {Value::Integer(1), Value::Null(TypeId::kInteger)}),
      Value::Map(LogicalType::Varchar(), TypeId::kInteger,
                 {{Value::Varchar("k"), Value::Integer(1)}}),
      Value::Row(row, {Value::Integer(7), Value::Varchar("y")}),
      Value::Decimal(12345, 10, 2),
      Value::Date(0)};
  std::vector<Value> second = {Value::Null(TypeId::kInteger),
                               Value::Double(std::nan("")),
                               Value::Null(TypeId::kBoolean),
                               Value::Null(LogicalType::Varchar()),
                               Value::Array(TypeId::kInteger, {}),
                               Value::Map(LogicalType::Varchar(), TypeId::kInteger, {}),
                               Value::Null(row),
                               Value::Null(decimal),
                               Value::Null(TypeId::kDate)};
  auto result =
      MakeResult({"i", "d", "b", "s", "a", "m", "r", "dec", "day"}, types, {first, second});
  EXPECT_EQ(Format(OutputFormat::kJson, *result),
            "[\n"
            "  {\"i\": 1, \"d\": 2.5, \"b\": true, \"s\": \"q\\\"uote\\n\", \"a\": [1, null], "
            "\"m\": {\"k\": 1}, \"r\": {\"x\": 7, \"field1\": \"y\"}, \"dec\": 123.45, "
            "\"day\": \"1970-01-01\"},\n"
            "  {\"i\": null, \"d\": \"NaN\", \"b\": null, \"s\": null, \"a\": [], \"m\": {}, "
            "\"r\": null, \"dec\": null, \"day\": null}\n"
            "]\n");
}

TEST(ResultFormatterTest, EmptyResultsKeepTheirHeader) {
  auto result = MakeResult({"a"}, {TypeId::kInteger}, {});
  EXPECT_EQ(Format(OutputFormat::kTable, *result), "+---+\n| a |\n+---+\n+---+\n");
  EXPECT_EQ(Format(OutputFormat::kCsv, *result), "a\n");
  EXPECT_EQ(Format(OutputFormat::kJson, *result), "[]\n");
  EXPECT_EQ(Format(OutputFormat::kMarkdown, *result), "| a |\n|--:|\n");
}

TEST(ResultFormatterTest, StatementsWithoutColumnsPrintNothing) {
  auto result = MakeResult({}, {}, {});
  for (OutputFormat format :
       {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson, OutputFormat::kMarkdown}) {
    EXPECT_EQ(Format(format, *result), "") << OutputFormatName(format);
  }
}

TEST(ResultFormatterTest, FormatNamesRoundTrip) {
  for (OutputFormat format :
       {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson, OutputFormat::kMarkdown}) {
    EXPECT_EQ(ParseOutputFormat(OutputFormatName(format)), format);
  }
  EXPECT_EQ(ParseOutputFormat("JSON"), OutputFormat::kJson);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
  EXPECT_EQ(ResultFormatter::RunTimeLine(12.3456), "Run Time: 12.346 ms");
}

}  // namespace
}  // namespace switchboard
