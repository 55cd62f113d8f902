// Tests for the text streams: plain, gzip (multi-member) and zstd reading, compressing writes,
// and errors for corrupt or truncated compressed files.
#include "format/text/text_stream.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace switchboard {
namespace {

class TextStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb_text_stream_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
  }
  void TearDown() override { std::system(("rm -rf " + root_).c_str()); }

  void Write(const std::string& path, std::string_view text, StreamCompression compression) {
    auto fs = FileSystem::ForPath(path).ValueOrThrow();
    auto file = CompressingFile(fs->OpenForWrite(path, WriteMode::kOverwrite).ValueOrThrow(), compression);
    ASSERT_TRUE(file->Append(text.data(), text.size()).ok());
    auto closed = file->Close();
    ASSERT_TRUE(closed.ok()) << closed.error().message;
  }
  void WriteRaw(const std::string& path, std::string_view bytes) {
    Write(path, bytes, StreamCompression::kNone);
  }
  std::string RawBytes(const std::string& path) {
    auto fs = FileSystem::ForPath(path).ValueOrThrow();
    auto file = fs->OpenForRead(path).ValueOrThrow();
    auto buffer = file->Read(0, file->size()).ValueOrThrow();
    return std::string(reinterpret_cast<const char*>(buffer->data()), buffer->size());
  }
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

  std::string root_;
};

std::string Sample() {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "line " + std::to_string(i) + ",value\n";
  return text;
}

TEST_F(TextStreamTest, RoundTripsEveryCompression) {
  std::string text = Sample();
  for (auto compression : {StreamCompression::kNone, StreamCompression::kGzip, StreamCompression::kZstd}) {
    std::string path = root_ + "/f" + std::string(CompressionSuffix(compression));
    Write(path, text, compression);
    auto explicit_read = ReadAll(path, compression, 4096);
    ASSERT_TRUE(explicit_read.ok()) << explicit_read.error().message;
    EXPECT_EQ(*explicit_read, text);
    auto detected = ReadAll(path, StreamCompression::kAuto, 100000);
    ASSERT_TRUE(detected.ok()) << detected.error().message;
    EXPECT_EQ(*detected, text);
  }
}

TEST_F(TextStreamTest, ReadsEveryMemberOfAMultiMemberGzipFile) {
  Write(root_ + "/a.gz", "first\n", StreamCompression::kGzip);
  Write(root_ + "/b.gz", "second\n", StreamCompression::kGzip);
  WriteRaw(root_ + "/ab.gz", RawBytes(root_ + "/a.gz") + RawBytes(root_ + "/b.gz"));
  auto text = ReadAll(root_ + "/ab.gz", StreamCompression::kAuto);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "first\nsecond\n");
}

TEST_F(TextStreamTest, TruncatedCompressedFilesFailNamingTheFile) {
  std::string text = Sample();
  for (auto compression : {StreamCompression::kGzip, StreamCompression::kZstd}) {
    std::string path = root_ + "/t" + std::string(CompressionSuffix(compression));
    Write(path, text, compression);
    std::string bytes = RawBytes(path);
    WriteRaw(path, bytes.substr(0, bytes.size() / 2));
    auto result = ReadAll(path, compression);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kCorruptData);
    EXPECT_NE(result.error().message.find(path), std::string::npos) << result.error().message;
  }
}

TEST_F(TextStreamTest, GarbageAfterTheGzipMagicIsCorruptData) {
  WriteRaw(root_ + "/bad.gz", std::string("\x1f\x8b\x08\x00garbage garbage garbage", 27));
  auto result = ReadAll(root_ + "/bad.gz", StreamCompression::kAuto);
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
