// Tests for the compression codecs: round trips, framing variants, size checks and bombs.
#include "format/parquet/codec.h"

#include <gtest/gtest.h>
#include <lz4.h>
#include <zlib.h>

#include <random>

namespace switchboard::parquet {
namespace {

std::vector<uint8_t> SampleData(size_t size) {
  std::vector<uint8_t> data(size);
  std::mt19937 rng(7);
  for (size_t i = 0; i < size; ++i) data[i] = static_cast<uint8_t>(i % 17 == 0 ? rng() : i % 251);
  return data;
}

class CodecRoundTripTest : public ::testing::TestWithParam<CompressionCodec> {};

TEST_P(CodecRoundTripTest, DecompressesWhatItCompresses) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{100}, size_t{1} << 17}) {
    std::vector<uint8_t> data = SampleData(size);
    std::vector<uint8_t> compressed;
    ASSERT_TRUE(Codec::Compress(GetParam(), 0, data.data(), data.size(), compressed).ok());
    std::vector<uint8_t> out(size + 1);
    auto result =
        Codec::Decompress(GetParam(), compressed.data(), compressed.size(), out.data(), size);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_TRUE(std::equal(data.begin(), data.end(), out.begin()));
    EXPECT_LE(size, Codec::MaxDecompressedSize(GetParam(), compressed.size()));
  }
}

TEST_P(CodecRoundTripTest, FailsWhenTheDeclaredSizeIsWrong) {
  std::vector<uint8_t> data = SampleData(5000);
  std::vector<uint8_t> compressed;
  ASSERT_TRUE(Codec::Compress(GetParam(), 0, data.data(), data.size(), compressed).ok());
  std::vector<uint8_t> small(4000);
  auto too_small =
      Codec::Decompress(GetParam(), compressed.data(), compressed.size(), small.data(), 4000);
  ASSERT_FALSE(too_small.ok());
  EXPECT_EQ(too_small.error().code, ErrorCode::kCorruptData);
  std::vector<uint8_t> large(6000);
  auto too_large =
      Codec::Decompress(GetParam(), compressed.data(), compressed.size(), large.data(), 6000);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.error().code, ErrorCode::kCorruptData);
}

TEST_P(CodecRoundTripTest, GarbageFailsCleanly) {
  if (GetParam() == CompressionCodec::kUncompressed) return;
  std::vector<uint8_t> garbage = SampleData(300);
  for (int i = 0; i < 300; i += 3) garbage[static_cast<size_t>(i)] ^= 0x5a;
  std::vector<uint8_t> out(10000);
  auto result = Codec::Decompress(GetParam(), garbage.data(), garbage.size(), out.data(), 10000);
  EXPECT_FALSE(result.ok());
}

INSTANTIATE_TEST_SUITE_P(AllCodecs, CodecRoundTripTest,
                         ::testing::Values(CompressionCodec::kUncompressed,
                                           CompressionCodec::kSnappy, CompressionCodec::kGzip,
                                           CompressionCodec::kZstd, CompressionCodec::kLz4Raw,
                                           CompressionCodec::kBrotli),
                         [](const auto& info) { return std::string(CodecName(info.param)); });

TEST(CodecTest, LegacyLz4AcceptsHadoopFramingRawBlocksAndFrames) {
  std::vector<uint8_t> data = SampleData(10000);
  std::vector<uint8_t> raw;
  ASSERT_TRUE(Codec::Compress(CompressionCodec::kLz4Raw, 0, data.data(), data.size(), raw).ok());
  // Hadoop: [u32 BE decompressed size][u32 BE compressed size][block].
  std::vector<uint8_t> hadoop;
  auto be32 = [&](uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) hadoop.push_back(static_cast<uint8_t>(v >> s));
  };
  be32(static_cast<uint32_t>(data.size()));
  be32(static_cast<uint32_t>(raw.size()));
  hadoop.insert(hadoop.end(), raw.begin(), raw.end());
  std::vector<uint8_t> out(data.size());
  for (const auto* input : {&hadoop, &raw}) {
    std::fill(out.begin(), out.end(), 0);
    auto result = Codec::Decompress(CompressionCodec::kLz4, input->data(), input->size(),
                                    out.data(), out.size());
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(out, data);
  }
}

TEST(CodecTest, GzipReadsConcatenatedMembers) {
  std::vector<uint8_t> a = SampleData(700);
  std::vector<uint8_t> b = SampleData(300);
  std::vector<uint8_t> joined;
  ASSERT_TRUE(Codec::Compress(CompressionCodec::kGzip, 0, a.data(), a.size(), joined).ok());
  ASSERT_TRUE(Codec::Compress(CompressionCodec::kGzip, 0, b.data(), b.size(), joined).ok());
  std::vector<uint8_t> out(1000);
  auto result =
      Codec::Decompress(CompressionCodec::kGzip, joined.data(), joined.size(), out.data(), 1000);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_TRUE(std::equal(a.begin(), a.end(), out.begin()));
  EXPECT_TRUE(std::equal(b.begin(), b.end(), out.begin() + 700));
}

TEST(CodecTest, BombsAreBoundedByTheDeclaredSize) {
  // 64 MiB of zeros compress to a few KiB; declaring a smaller page must fail, not overflow.
  std::vector<uint8_t> zeros(64 << 20, 0);
  for (CompressionCodec codec :
       {CompressionCodec::kZstd, CompressionCodec::kGzip, CompressionCodec::kBrotli,
        CompressionCodec::kSnappy, CompressionCodec::kLz4Raw}) {
    std::vector<uint8_t> compressed;
    ASSERT_TRUE(Codec::Compress(codec, 0, zeros.data(), zeros.size(), compressed).ok());
    std::vector<uint8_t> out(1 << 20);
    auto result =
        Codec::Decompress(codec, compressed.data(), compressed.size(), out.data(), out.size());
    EXPECT_FALSE(result.ok()) << CodecName(codec);
  }
  // Declaring more than the codec can produce from the input is caught before allocating.
  EXPECT_LT(Codec::MaxDecompressedSize(CompressionCodec::kSnappy, 10), size_t{1} << 20);
  EXPECT_LT(Codec::MaxDecompressedSize(CompressionCodec::kGzip, 10), size_t{1} << 20);
}

TEST(CodecTest, LzoIsNotSupported) {
  uint8_t byte = 0;
  auto result = Codec::Decompress(CompressionCodec::kLzo, &byte, 1, &byte, 1);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kNotSupported);
  EXPECT_FALSE(Codec::CanCompress(CompressionCodec::kLzo));
}

}  // namespace
}  // namespace switchboard::parquet
