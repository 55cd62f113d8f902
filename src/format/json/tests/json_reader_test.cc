// Tests for JsonReader: NDJSON, arrays, pretty-printed values, conversions to every supported
// type, nested values, and errors naming the file and line.
#include "format/json/json_reader.h"

#include <gtest/gtest.h>

#include "format/text/tests/text_file_test_base.h"
#include "types/value.h"

namespace switchboard {
namespace {

class JsonReaderTest : public TextFileTestBase {
 protected:
  // Rows rendered as "v1|v2" with Value::ToString (NULL for nulls).
  Result<std::vector<std::string>> Read(std::string_view text, JsonReadOptions options,
                                        StreamCompression compression = StreamCompression::kNone,
                                        std::vector<int64_t>* lines_out = nullptr,
                                        JsonFormat* format = nullptr) {
    std::string path =
        WriteFile("t.json" + std::string(CompressionSuffix(compression)), text, compression);
    SB_ASSIGN_OR_RETURN(auto reader, JsonReader::Open(path, StreamCompression::kAuto, options));
    std::vector<std::string> rows;
    DataChunk chunk;
    chunk.Initialize(options.types);
    int64_t lines[kVectorSize];
    while (true) {
      SB_ASSIGN_OR_RETURN(idx_t count, reader->ReadBatch(chunk, lines));
      if (count == 0) break;
      for (idx_t r = 0; r < count; ++r) {
        std::string row;
        for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
          if (c > 0) row += "|";
          row += chunk.column(c).GetValue(r).ToString();
        }
        rows.push_back(row);
        if (lines_out) lines_out->push_back(lines[r]);
      }
    }
    if (format) *format = reader->format();
    return rows;
  }
  static JsonReadOptions Schema(std::vector<std::string> names, std::vector<LogicalType> types) {
    JsonReadOptions options;
    options.names = std::move(names);
    options.types = std::move(types);
    return options;
  }
};

TEST_F(JsonReaderTest, ReadsNewlineDelimitedObjectsByKey) {
  std::vector<int64_t> lines;
  JsonFormat format;
  auto rows = Read(
      "{\"id\": 1, \"name\": \"a\"}\n\n{\"name\": \"b\", \"id\": 2, \"extra\": true}\n{\"id\": "
      "3}\n",
      Schema({"id", "name"}, {TypeId::kBigint, LogicalType::Varchar()}), StreamCompression::kNone,
      &lines, &format);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (std::vector<std::string>{"1|a", "2|b", "3|NULL"}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 3, 4}));
  EXPECT_EQ(format, JsonFormat::kNewlineDelimited);
}

TEST_F(JsonReaderTest, ReadsAnArrayOfObjectsAndPrettyPrintedValues) {
  JsonFormat format;
  auto rows = Read("[\n  {\"id\": 1},\n  {\n    \"id\": 2\n  }\n]\n",
                   Schema({"id"}, {TypeId::kBigint}), StreamCompression::kNone, nullptr, &format);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(format, JsonFormat::kArray);
  auto concatenated = Read("{\n \"id\": 1\n}\n{\n \"id\": 2\n}", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_TRUE(concatenated.ok()) << concatenated.error().message;
  EXPECT_EQ(concatenated->size(), 2u);
}

TEST_F(JsonReaderTest, LinesOfArraysAreNotOneArrayFile) {
  JsonReadOptions options = Schema({"json"}, {LogicalType::Array(TypeId::kBigint)});
  options.records = false;
  JsonFormat format;
  auto rows = Read("[1,2]\n[3]\n", options, StreamCompression::kNone, nullptr, &format);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (std::vector<std::string>{"[1, 2]", "[3]"}));
  EXPECT_EQ(format, JsonFormat::kNewlineDelimited);
}

TEST_F(JsonReaderTest, ConvertsScalarsToColumnTypes) {
  auto rows = Read(
      "{\"b\": true, \"i\": \"42\", \"d\": 1.5, \"dec\": 12.34, \"day\": \"2024-05-01\", "
      "\"ts\": \"2024-05-01T10:00:00.123Z\", \"tz\": \"2024-05-01 10:00:00+02:00\", \"s\": 7, "
      "\"j\": {\"k\": [1]}}\n",
      Schema({"b", "i", "d", "dec", "day", "ts", "tz", "s", "j"},
             {TypeId::kBoolean, TypeId::kInteger, TypeId::kDouble, LogicalType::Decimal(10, 2),
              TypeId::kDate, LogicalType::Timestamp(3), LogicalType::TimestampTz(3),
              LogicalType::Varchar(), TypeId::kJson}));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ((*rows)[0],
            "true|42|1.5|12.34|2024-05-01|2024-05-01 10:00:00.123|2024-05-01 10:00:00.000 "
            "+02:00|7|{\"k\":[1]}");
}

TEST_F(JsonReaderTest, ReadsNestedRowsArraysAndMaps) {
  LogicalType row = LogicalType::Row(
      {{"agent", LogicalType::Varchar()}, {"skills", LogicalType::Array(TypeId::kBigint)}});
  LogicalType map = LogicalType::Map(LogicalType::Varchar(), TypeId::kDouble);
  auto rows = Read(
      "{\"r\": {\"Agent\": \"ann\", \"skills\": [1, 2]}, \"m\": {\"x\": 1, \"y\": 2.5}}\n"
      "{\"r\": {\"skills\": []}, \"m\": null}\n"
      "{\"r\": null}\n",
      Schema({"r", "m"}, {row, map}));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], "{agent=ann, skills=[1, 2]}|{x=1.0, y=2.5}");
  EXPECT_EQ((*rows)[1], "{agent=NULL, skills=[]}|NULL");
  EXPECT_EQ((*rows)[2], "NULL|NULL");
}

TEST_F(JsonReaderTest, WrongKindNamesFileLineAndKey) {
  auto rows = Read("{\"id\": 1}\n{\"id\": \"x\"}\n", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(
      rows.error().message.find("t.json' line 2: key 'id': expected bigint but found a string"),
      std::string::npos)
      << rows.error().message;
}

TEST_F(JsonReaderTest, InvalidJsonIsAnErrorWithItsLine) {
  auto rows = Read("{\"id\": 1}\n{\"id\": }\n", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::kCorruptData);
  EXPECT_NE(rows.error().message.find("line 2: invalid JSON"), std::string::npos)
      << rows.error().message;
  auto truncated = Read("{\"id\": 1}\n{\"id\": [1, 2", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.error().message.find("line 2: invalid JSON"), std::string::npos)
      << truncated.error().message;
  auto pretty_truncated = Read("{\n\"id\": 1}\n{\"id\": [1, 2", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(pretty_truncated.ok());
  EXPECT_NE(pretty_truncated.error().message.find("line 3: the JSON value is not complete"),
            std::string::npos)
      << pretty_truncated.error().message;
  auto not_object = Read("[1]\n", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(not_object.ok());
  auto unclosed_array = Read("[{\"id\": 1},\n", Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(unclosed_array.ok());
  EXPECT_NE(unclosed_array.error().message.find("not complete"), std::string::npos)
      << unclosed_array.error().message;
}

TEST_F(JsonReaderTest, IgnoreErrorsSkipsBadValues) {
  JsonReadOptions options = Schema({"id", "s"}, {TypeId::kBigint, LogicalType::Varchar()});
  options.ignore_errors = true;
  std::string path = WriteFile("e.json", "{\"id\": \"x\", \"s\": \"a\"}\n{oops}\n{\"id\": 2}\n");
  auto reader = JsonReader::Open(path, StreamCompression::kNone, options).ValueOrThrow();
  DataChunk chunk;
  chunk.Initialize(options.types);
  int64_t lines[kVectorSize];
  auto count = reader->ReadBatch(chunk, lines);
  ASSERT_TRUE(count.ok()) << count.error().message;
  ASSERT_EQ(*count, 1u);
  EXPECT_EQ(chunk.column(0).GetValue(0).ToString(), "2");
  EXPECT_TRUE(chunk.column(1).GetValue(0).is_null());
  EXPECT_EQ(lines[0], 3);
  EXPECT_EQ(reader->rows_rejected(), 2);
}

TEST_F(JsonReaderTest, RecordCutShortInALineDelimitedFileFailsOnItsOwnLine) {
  std::string text =
      "{\"id\": 1}\n{\"id\": 2, \"tags\": [\"a\"\n{\"id\": 3}\n{\"id\": 4, \"s\": "
      "\"unterminated\n{\"id\": 5}\n";
  auto strict = Read(text, Schema({"id"}, {TypeId::kBigint}));
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.error().message.find("line 2: invalid JSON"), std::string::npos)
      << strict.error().message;
  JsonReadOptions options = Schema({"id"}, {TypeId::kBigint});
  options.ignore_errors = true;
  std::vector<int64_t> lines;
  auto rows = Read(text, options, StreamCompression::kNone, &lines);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (std::vector<std::string>{"1", "3", "5"}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 3, 5}));
}

TEST_F(JsonReaderTest, ObjectsLargerThanTheLimitFail) {
  JsonReadOptions options = Schema({"s"}, {LogicalType::Varchar()});
  options.maximum_object_size = 1000;
  auto rows = Read("{\"s\": \"" + std::string(5000, 'x') + "\"}\n", options);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("maximum_object_size"), std::string::npos);
}

TEST_F(JsonReaderTest, ReadsCompressedFilesAndManyBatches) {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text +=
        "{\"i\": " + std::to_string(i) + ", \"s\": \"value number " + std::to_string(i) + "\"}\n";
  for (auto compression : {StreamCompression::kGzip, StreamCompression::kZstd}) {
    auto rows =
        Read(text, Schema({"i", "s"}, {TypeId::kBigint, LogicalType::Varchar()}), compression);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 5000u);
    EXPECT_EQ((*rows)[4321], "4321|value number 4321");
  }
}

}  // namespace
}  // namespace switchboard
