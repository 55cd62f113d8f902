// Tests for the text streams: plain, gzip (multi-member) and zstd reading, compressing writes,
// and errors for corrupt or truncated compressed files.
#include "format/text/text_stream.h"

#include <gtest/gtest.h>

#include <string>

#include "format/text/tests/text_file_test_base.h"

namespace switchboard {
namespace {

class TextStreamTest : public TextFileTestBase {
 protected:
  Result<std::string> ReadAll(const std::string& path, StreamCompression compression, size_t step = 7) {
    SB_ASSIGN_OR_RETURN(auto reader, SequentialReader::Open(path, compression));
    std::string out;
    std::string chunk(step, '\0');
    while (true) {
      SB_ASSIGN_OR_RETURN(size_t n, reader->Read(chunk.data(), chunk.size()));
      if (n == 0) break;
      out.append(chunk.data(), n);
    }
    return out;
  }
};

std::string Sample() {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "line " + std::to_string(i) + ",value\n";
  return text;
}

TEST_F(TextStreamTest, RoundTripsEveryCompression) {
  std::string text = Sample();
  for (auto compression : {StreamCompression::kNone, StreamCompression::kGzip, StreamCompression::kZstd}) {
    std::string path = WriteFile("f" + std::string(CompressionSuffix(compression)), text, compression);
    auto explicit_read = ReadAll(path, compression, 4096);
    ASSERT_TRUE(explicit_read.ok()) << explicit_read.error().message;
    EXPECT_EQ(*explicit_read, text);
    auto detected = ReadAll(path, StreamCompression::kAuto, 100000);
    ASSERT_TRUE(detected.ok()) << detected.error().message;
    EXPECT_EQ(*detected, text);
  }
}

TEST_F(TextStreamTest, ReadsEveryMemberOfAMultiMemberGzipFile) {
  std::string a = WriteFile("a.gz", "first\n", StreamCompression::kGzip);
  std::string b = WriteFile("b.gz", "second\n", StreamCompression::kGzip);
  std::string ab = WriteFile("ab.gz", ReadFile(a) + ReadFile(b));
  auto text = ReadAll(ab, StreamCompression::kAuto);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "first\nsecond\n");
}

TEST_F(TextStreamTest, TruncatedCompressedFilesFailNamingTheFile) {
  std::string text = Sample();
  for (auto compression : {StreamCompression::kGzip, StreamCompression::kZstd}) {
    std::string name = "t" + std::string(CompressionSuffix(compression));
    std::string bytes = ReadFile(WriteFile(name, text, compression));
    std::string path = WriteFile(name, bytes.substr(0, bytes.size() / 2));
    auto result = ReadAll(path, compression);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kCorruptData);
    EXPECT_NE(result.error().message.find(path), std::string::npos) << result.error().message;
  }
}

TEST_F(TextStreamTest, GarbageAfterTheGzipMagicIsCorruptData) {
  std::string path = WriteFile("bad.gz", std::string("\x1f\x8b\x08\x00garbage garbage garbage", 27));
  auto result = ReadAll(path, StreamCompression::kAuto);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kCorruptData);
}

TEST_F(TextStreamTest, ParsesCompressionNamesAndSuffixes) {
  EXPECT_EQ(ParseStreamCompression("GZIP").ValueOrThrow(), StreamCompression::kGzip);
  EXPECT_EQ(ParseStreamCompression("zst").ValueOrThrow(), StreamCompression::kZstd);
  EXPECT_EQ(ParseStreamCompression("none").ValueOrThrow(), StreamCompression::kNone);
  EXPECT_FALSE(ParseStreamCompression("lzma").ok());
  EXPECT_EQ(CompressionFromPath("x.csv.gz"), StreamCompression::kGzip);
  EXPECT_EQ(CompressionFromPath("x.json.zst"), StreamCompression::kZstd);
  EXPECT_EQ(CompressionFromPath("x.csv"), StreamCompression::kNone);
}

}  // namespace
}  // namespace switchboard
