// Tests for CsvRowParser and CsvReader: RFC 4180 quoting, escapes, line endings, NULLs,
// projections, byte ranges, compressed files and errors naming the file and line.
#include "format/csv/csv_reader.h"

#include <gtest/gtest.h>

#include "format/text/tests/text_file_test_base.h"

namespace switchboard {
namespace {

// Rows as "a|b|NULL" lines.
struct ReadResult {
  std::vector<std::string> rows;
  std::vector<int64_t> lines;
};

Result<ReadResult> ReadAll(CsvReader& reader, idx_t columns) {
  ReadResult result;
  DataChunk chunk;
  chunk.Initialize(std::vector<LogicalType>(columns, LogicalType::Varchar()));
  int64_t lines[kVectorSize];
  while (true) {
    SB_ASSIGN_OR_RETURN(idx_t rows, reader.ReadBatch(chunk, lines));
    if (rows == 0) break;
    for (idx_t r = 0; r < rows; ++r) {
      std::string row;
      for (idx_t c = 0; c < columns; ++c) {
        if (c > 0) row += "|";
        const Vector& v = chunk.column(c);
        row += v.validity().RowIsValid(r) ? v.data<StringView>()[r].str() : "NULL";
      }
      result.rows.push_back(row);
      result.lines.push_back(lines[r]);
    }
  }
  return result;
}

class CsvReaderTest : public TextFileTestBase {
 protected:
  Result<ReadResult> Read(std::string_view text, CsvReadOptions options, int64_t skip = 0,
                          StreamCompression compression = StreamCompression::kNone) {
    std::string path = WriteFile("t.csv" + std::string(CompressionSuffix(compression)), text, compression);
    SB_ASSIGN_OR_RETURN(auto reader, CsvReader::OpenFile(path, StreamCompression::kAuto, options));
    SB_RETURN_IF_ERROR(reader->SkipRows(skip));
    idx_t outputs = 0;
    for (int p : options.projection) outputs += p >= 0;
    return ReadAll(*reader, options.projection.empty() ? options.columns : outputs);
  }
  static CsvReadOptions Columns(idx_t n) {
    CsvReadOptions options;
    options.columns = n;
    return options;
  }
};

TEST_F(CsvReaderTest, SplitsQuotedFieldsWithDelimitersQuotesAndLineBreaks) {
  auto result = Read("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n", Columns(2), 1);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[0], "x,1|say \"hi\"");
  EXPECT_EQ(result->rows[1], "multi\nline|z");
  EXPECT_EQ(result->lines[0], 2);
  EXPECT_EQ(result->lines[1], 3);
}

TEST_F(CsvReaderTest, EmptyUnquotedFieldsAreNullAndQuotedEmptyStringsAreNot) {
  auto result = Read("1,,\"\"\n", Columns(3));
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0], "1|NULL|");
}

TEST_F(CsvReaderTest, CustomNullStringsApplyToUnquotedFieldsOnly) {
  CsvReadOptions options = Columns(3);
  options.null_strings = {"NA", "\\N"};
  auto result = Read("NA,\\N,\"NA\"\n", options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->rows[0], "NULL|NULL|NA");
}

TEST_F(CsvReaderTest, AcceptsCrLfAndLoneCrLineEndingsAndAMissingFinalLineBreak) {
  auto result = Read("a,b\r\n1,2\r3,4", Columns(2), 1);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[0], "1|2");
  EXPECT_EQ(result->rows[1], "3|4");
  EXPECT_EQ(result->lines[1], 3);
}

TEST_F(CsvReaderTest, BackslashEscapesInsideAndOutsideQuotes) {
  CsvReadOptions options = Columns(2);
  options.dialect = CsvDialect{',', '"', '\\'};
  auto result = Read("\"a\\\"b\",c\\,d\n", options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->rows[0], "a\"b|c,d");
}

TEST_F(CsvReaderTest, SkipsBlankLinesBetweenRows) {
  auto result = Read("1,2\n\n3,4\n\n", Columns(2));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->rows.size(), 2u);
}

TEST_F(CsvReaderTest, WrongFieldCountNamesTheFileAndLine) {
  auto result = Read("a,b\n1,2\n3\n", Columns(2), 1);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kCorruptData);
  EXPECT_NE(result.error().message.find("t.csv' line 3: expected 2 fields but found 1"), std::string::npos)
      << result.error().message;
}

TEST_F(CsvReaderTest, UnclosedQuoteIsAnErrorWithItsLine) {
  auto result = Read("1,2\n3,\"open\n4,5\n", Columns(2));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("line 2: a quoted field is not closed"), std::string::npos)
      << result.error().message;
}

TEST_F(CsvReaderTest, TextAfterAClosingQuoteIsAnError) {
  auto result = Read("\"ab\"c,d\n", Columns(2));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("line 1: a closing quote is followed by text"), std::string::npos);
}

TEST_F(CsvReaderTest, IgnoreErrorsSkipsAndCountsBadRows) {
  CsvReadOptions options = Columns(2);
  options.ignore_errors = true;
  std::string path = WriteFile("bad.csv", "1,2\n3\n4,5,6\n7,8\n");
  auto reader = CsvReader::OpenFile(path, StreamCompression::kNone, options).ValueOrThrow();
  auto result = ReadAll(*reader, 2);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows, (std::vector<std::string>{"1|2", "7|8"}));
  EXPECT_EQ(result->lines, (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(reader->rows_rejected(), 2);
}

TEST_F(CsvReaderTest, NullPaddingFillsMissingFields) {
  CsvReadOptions options = Columns(3);
  options.null_padding = true;
  auto result = Read("1,2,3\n4\n", options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows[1], "4|NULL|NULL");
}

TEST_F(CsvReaderTest, ProjectsFieldsToOutputColumns) {
  CsvReadOptions options = Columns(3);
  options.projection = {-1, 1, 0};
  auto result = Read("a,b,c\n", options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows[0], "c|b");
}

TEST_F(CsvReaderTest, ReadsGzipAndZstdFiles) {
  std::string text = "id,name\n";
  for (int i = 0; i < 5000; ++i) text += std::to_string(i) + ",\"name " + std::to_string(i) + "\"\n";
  for (auto compression : {StreamCompression::kGzip, StreamCompression::kZstd}) {
    auto result = Read(text, Columns(2), 1, compression);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->rows.size(), 5000u);
    EXPECT_EQ(result->rows[4999], "4999|name 4999");
  }
}

TEST_F(CsvReaderTest, RowsLongerThanTheBufferAndTheLimit) {
  std::string big(10 << 20, 'x');
  auto result = Read("1," + big + "\n2,y\n", Columns(2));
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[0].size(), big.size() + 2);
  CsvReadOptions limited = Columns(2);
  limited.max_line_size = 1 << 20;
  auto too_long = Read("1," + big + "\n", limited);
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.error().message.find("max_line_size"), std::string::npos);
}

TEST_F(CsvReaderTest, ByteRangesSplitAFileWithoutLosingOrRepeatingRows) {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += std::to_string(i) + ",\"v\n" + std::to_string(i) + "\"\n";
  std::string path = WriteFile("ranges.csv", text);
  auto fs = FileSystem::ForPath(path).ValueOrThrow();
  std::shared_ptr<RandomAccessFile> file = fs->OpenForRead(path).ValueOrThrow();
  // Row starts found by the parser; range i is [starts[i], starts[i+1] - 1): it ends inside its
  // last row, which the reader must finish, and ends exactly where the next range starts.
  CsvRowParser parser(CsvDialect{});
  std::vector<CsvFieldSpan> fields;
  std::vector<int64_t> starts = {0};
  std::vector<int64_t> start_lines = {1};
  size_t pos = 0;
  int64_t line = 1;
  int row = 0;
  while (pos < text.size()) {
    int64_t newlines;
    std::string_view problem;
    ASSERT_EQ(parser.ParseRow(text.data(), text.size(), pos, true, fields, newlines, problem), CsvParseStatus::kRow);
    line += newlines;
    if (++row % 7001 == 0 && pos < text.size()) {
      starts.push_back(static_cast<int64_t>(pos));
      start_lines.push_back(line);
    }
  }
  starts.push_back(static_cast<int64_t>(text.size()) + 1);
  int64_t next_expected = 0;
  int64_t total = 0;
  for (size_t i = 0; i + 1 < starts.size(); ++i) {
    auto reader = CsvReader::OpenRange(file, starts[i], starts[i + 1] - 1, start_lines[i], Columns(2)).ValueOrThrow();
    auto result = ReadAll(*reader, 2);
    ASSERT_TRUE(result.ok()) << result.error().message;
    for (size_t r = 0; r < result->rows.size(); ++r) {
      EXPECT_EQ(result->rows[r], std::to_string(next_expected) + "|v\n" + std::to_string(next_expected));
      EXPECT_EQ(result->lines[r], 1 + 2 * next_expected);
      ++next_expected;
    }
    total += static_cast<int64_t>(result->rows.size());
    if (i + 2 < starts.size()) {
      EXPECT_EQ(reader->end_offset(), starts[i + 1]);
    }
  }
  EXPECT_EQ(total, 30000);
}

}  // namespace
}  // namespace switchboard
