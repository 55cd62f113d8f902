// Tests for CsvWriter: quoting, NULLs, headers, and a round trip through CsvReader.
#include "format/csv/csv_writer.h"

#include <gtest/gtest.h>

#include "format/csv/csv_reader.h"
#include "format/text/tests/text_file_test_base.h"

namespace switchboard {
namespace {

class CsvWriterTest : public TextFileTestBase {
 protected:
  std::string WriteRows(const std::vector<std::vector<const char*>>& rows, CsvWriteOptions options = {},
                        StreamCompression compression = StreamCompression::kNone) {
    std::string path = root_ + "/out.csv";
    auto fs = FileSystem::ForPath(path).ValueOrThrow();
    auto file = CompressingFile(fs->OpenForWrite(path, WriteMode::kOverwrite).ValueOrThrow(), compression);
    CsvWriter writer(std::move(file), {"a", "b"}, options);
    DataChunk chunk;
    chunk.Initialize({LogicalType::Varchar(), LogicalType::Varchar()});
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < 2; ++c) {
        if (rows[r][c]) chunk.column(c).data<StringView>()[r] = chunk.column(c).AddString(rows[r][c]);
        else chunk.column(c).SetNull(r);
      }
    }
    chunk.SetSize(rows.size());
    EXPECT_TRUE(writer.Write(chunk).ok());
    EXPECT_TRUE(writer.Close().ok());
    EXPECT_EQ(writer.rows_written(), static_cast<int64_t>(rows.size()));
    return path;
  }
};

TEST_F(CsvWriterTest, QuotesOnlyWhatNeedsQuotingAndWritesNullAsAnEmptyField) {
  std::string path = WriteRows({{"plain", nullptr}, {"x,y", "say \"hi\""}, {"", "two\nlines"}});
  EXPECT_EQ(ReadFile(path), "a,b\nplain,\n\"x,y\",\"say \"\"hi\"\"\"\n\"\",\"two\nlines\"\n");
}

TEST_F(CsvWriterTest, HonoursDelimiterHeaderAndNullString) {
  CsvWriteOptions options;
  options.dialect.delimiter = '|';
  options.header = false;
  options.null_string = "\\N";
  std::string path = WriteRows({{"a|b", nullptr}, {"", "c,d"}}, options);
  EXPECT_EQ(ReadFile(path), "\"a|b\"|\\N\n|c,d\n");
}

TEST_F(CsvWriterTest, AnEmptyResultWritesTheHeader) {
  std::string path = WriteRows({});
  EXPECT_EQ(ReadFile(path), "a,b\n");
}

TEST_F(CsvWriterTest, WhatItWritesReadsBackIdentically) {
  std::vector<std::vector<const char*>> rows = {{"1", nullptr}, {"", "\"q\""}, {"a\r\nb", "x,y"}};
  std::string path = WriteRows(rows, {}, StreamCompression::kGzip);
  CsvReadOptions options;
  options.columns = 2;
  auto reader = CsvReader::OpenFile(path, StreamCompression::kAuto, options).ValueOrThrow();
  ASSERT_TRUE(reader->SkipRows(1).ok());
  DataChunk chunk;
  chunk.Initialize({LogicalType::Varchar(), LogicalType::Varchar()});
  int64_t lines[kVectorSize];
  auto count = reader->ReadBatch(chunk, lines);
  ASSERT_TRUE(count.ok()) << count.error().message;
  ASSERT_EQ(*count, 3u);
  for (size_t r = 0; r < 3; ++r) {
    for (size_t c = 0; c < 2; ++c) {
      if (!rows[r][c]) {
        EXPECT_FALSE(chunk.column(c).validity().RowIsValid(r));
      } else {
        EXPECT_EQ(chunk.column(c).data<StringView>()[r].str(), rows[r][c]);
      }
    }
  }
}

}  // namespace
}  // namespace switchboard
