// Tests for NdjsonWriter.
#include "format/json/json_writer.h"

#include <gtest/gtest.h>

#include "format/text/tests/text_file_test_base.h"

namespace switchboard {
namespace {

class NdjsonWriterTest : public TextFileTestBase {
 protected:
  std::string Write(bool array, size_t rows) {
    std::string path = root_ + "/out.json";
    auto fs = FileSystem::ForPath(path).ValueOrThrow();
    NdjsonWriter writer(fs->OpenForWrite(path, WriteMode::kOverwrite).ValueOrThrow(), {"id", "na\"me"}, array);
    DataChunk chunk;
    chunk.Initialize({LogicalType::Varchar(), LogicalType::Varchar()});
    const char* values[][2] = {{"1", "\"a\""}, {"2", nullptr}};
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < 2; ++c) {
        if (values[r][c]) chunk.column(c).data<StringView>()[r] = chunk.column(c).AddString(values[r][c]);
        else chunk.column(c).SetNull(r);
      }
    }
    chunk.SetSize(rows);
    EXPECT_TRUE(writer.Write(chunk).ok());
    EXPECT_TRUE(writer.Close().ok());
    return ReadFile(path);
  }
};

TEST_F(NdjsonWriterTest, WritesOneObjectPerLine) {
  EXPECT_EQ(Write(false, 2), "{\"id\":1,\"na\\\"me\":\"a\"}\n{\"id\":2,\"na\\\"me\":null}\n");
}

TEST_F(NdjsonWriterTest, WritesAnArray) {
  EXPECT_EQ(Write(true, 2), "[\n{\"id\":1,\"na\\\"me\":\"a\"},\n{\"id\":2,\"na\\\"me\":null}\n]\n");
  EXPECT_EQ(Write(true, 0), "[]\n");
}

}  // namespace
}  // namespace switchboard
