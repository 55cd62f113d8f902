// Tests for the value and level encodings: bit unpacking, RLE/bit-packing hybrid, the three
// delta encodings and BYTE_STREAM_SPLIT, including edge cases (all bit widths, padding, empty).
#include <gtest/gtest.h>

#include <random>

#include "format/parquet/bit_unpack.h"
#include "format/parquet/bit_util.h"
#include "format/parquet/byte_stream_split.h"
#include "format/parquet/delta_binary_packed_decoder.h"
#include "format/parquet/delta_binary_packed_encoder.h"
#include "format/parquet/delta_byte_array_decoder.h"
#include "format/parquet/delta_length_byte_array_decoder.h"
#include "format/parquet/rle_bit_packed_decoder.h"
#include "format/parquet/rle_bit_packed_encoder.h"

namespace switchboard::parquet {
namespace {

uint64_t Mask(int width) { return width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1; }

TEST(BitUnpackTest, EveryWidthMatchesABitByBitReference) {
  std::mt19937_64 rng(1);
  for (int width = 0; width <= 64; ++width) {
    for (size_t count : {size_t{1}, size_t{7}, size_t{32}, size_t{33}, size_t{100}}) {
      std::vector<uint64_t> values(count);
      for (auto& v : values) v = rng() & Mask(width);
      std::vector<uint8_t> packed;
      {
        BitWriter writer(packed);
        for (uint64_t v : values) writer.Put(v, width);
      }
      ASSERT_EQ(packed.size(), (count * static_cast<size_t>(width) + 7) / 8);
      std::vector<uint64_t> out(count);
      UnpackBits<uint64_t>(packed.data(), width, count, out.data());
      EXPECT_EQ(out, values) << "width " << width << " count " << count;
      if (width <= 32) {
        std::vector<uint32_t> out32(count);
        UnpackBits<uint32_t>(packed.data(), width, count, out32.data());
        for (size_t i = 0; i < count; ++i) ASSERT_EQ(out32[i], values[i]) << "width " << width;
      }
    }
  }
}

TEST(BitUnpackTest, LegacyBitPackedLevelsAreMostSignificantBitFirst) {
  // Values 1, 2, 3 at width 2: 01 10 11 00 -> 0b01101100.
  uint8_t byte = 0x6c;
  uint8_t out[3];
  UnpackBitsMsbFirst(&byte, 2, 3, out);
  EXPECT_EQ(out[0], 1);
  EXPECT_EQ(out[1], 2);
  EXPECT_EQ(out[2], 3);
}

TEST(RleBitPackedTest, RoundTripsRunsAndLiteralsForEveryWidth) {
  std::mt19937 rng(3);
  for (int width = 0; width <= 32; ++width) {
    std::vector<uint32_t> values;
    uint32_t mask = static_cast<uint32_t>(Mask(width));
    for (int block = 0; block < 40; ++block) {
      uint32_t v = rng() & mask;
      int run = block % 3 == 0 ? 50 : 5;
      for (int i = 0; i < run; ++i) values.push_back(block % 2 ? v : (rng() & mask));
    }
    std::vector<uint8_t> encoded;
    RleBitPackedEncoder::Encode(values.data(), values.size(), width, encoded);
    RleBitPackedDecoder<uint32_t> decoder(encoded.data(), encoded.size(), width);
    std::vector<uint32_t> out(values.size());
    // Decode in uneven steps to cross run boundaries.
    size_t done = 0;
    size_t step = 1;
    while (done < out.size()) {
      size_t n = std::min(step, out.size() - done);
      ASSERT_EQ(decoder.GetBatch(out.data() + done, n), n) << "width " << width;
      done += n;
      step = step * 3 % 97 + 1;
    }
    EXPECT_EQ(out, values) << "width " << width;
    EXPECT_FALSE(decoder.error());
  }
}

TEST(RleBitPackedTest, SkipThenReadKeepsPosition) {
  std::vector<uint8_t> values;
  for (int i = 0; i < 1000; ++i) values.push_back(static_cast<uint8_t>(i < 300 ? 1 : i % 3));
  std::vector<uint8_t> encoded;
  RleBitPackedEncoder::Encode(values.data(), values.size(), 2, encoded);
  RleBitPackedDecoder<uint8_t> decoder(encoded.data(), encoded.size(), 2);
  ASSERT_EQ(decoder.Skip(250), 250u);
  uint8_t out[600];
  ASSERT_EQ(decoder.GetBatch(out, 600), 600u);
  for (int i = 0; i < 600; ++i) ASSERT_EQ(out[i], values[250 + static_cast<size_t>(i)]);
  // 150 values are left, plus 4 zeros padding the last bit-packed group to 8 values (the page's
  // value count, not the run, ends the data).
  ASSERT_EQ(decoder.Skip(1000), 154u);
}

TEST(RleBitPackedTest, WidthZeroDecodesZerosAndRunValuesMustFitTheWidth) {
  std::vector<uint8_t> run = {0x08};  // RLE run of 4, no value bytes at width 0
  RleBitPackedDecoder<uint32_t> zero(run.data(), run.size(), 0);
  uint32_t out[4] = {9, 9, 9, 9};
  ASSERT_EQ(zero.GetBatch(out, 4), 4u);
  EXPECT_EQ(out[3], 0u);
  std::vector<uint8_t> bad = {0x08, 0x05};  // run value 5 at width 2
  RleBitPackedDecoder<uint8_t> decoder(bad.data(), bad.size(), 2);
  uint8_t levels[4];
  EXPECT_EQ(decoder.GetBatch(levels, 4), 0u);
  EXPECT_TRUE(decoder.error());
}

TEST(RleBitPackedTest, TruncatedLiteralRunStopsAtTheAvailableBytes) {
  // A bit-packed run announcing 2 groups (16 values) at width 8 with 10 bytes present.
  std::vector<uint8_t> data = {0x05, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  RleBitPackedDecoder<uint8_t> decoder(data.data(), data.size(), 8);
  uint8_t out[16];
  EXPECT_EQ(decoder.GetBatch(out, 16), 10u);
  EXPECT_EQ(out[9], 10);
}

template <typename T>
std::vector<T> RoundTripDelta(const std::vector<T>& values) {
  std::vector<uint8_t> encoded;
  DeltaBinaryPackedEncoder::Encode(values.data(), values.size(), encoded);
  size_t length = 0;
  EXPECT_TRUE(DeltaBinaryPackedDecoder::StreamLength(encoded.data(), encoded.size(), length));
  EXPECT_EQ(length, encoded.size());
  DeltaBinaryPackedDecoder decoder;
  EXPECT_TRUE(decoder.Init(encoded.data(), encoded.size()));
  std::vector<T> out(values.size());
  size_t done = 0;
  while (done < out.size()) {
    size_t n = std::min<size_t>(77, out.size() - done);
    EXPECT_EQ(decoder.GetBatch(out.data() + done, n), n);
    done += n;
  }
  EXPECT_EQ(decoder.consumed_bytes(), encoded.size());
  return out;
}

TEST(DeltaBinaryPackedTest, RoundTripsExtremesAndWrapAround) {
  std::vector<int64_t> wide = {0, INT64_MAX, INT64_MIN, -1, 1, INT64_MAX, 0};
  EXPECT_EQ(RoundTripDelta(wide), wide);
  std::vector<int32_t> narrow = {INT32_MIN, INT32_MAX, 0, -5, INT32_MAX, INT32_MIN};
  EXPECT_EQ(RoundTripDelta(narrow), narrow);
  std::mt19937_64 rng(5);
  for (size_t count :
       {size_t{0}, size_t{1}, size_t{2}, size_t{127}, size_t{128}, size_t{129}, size_t{1000}}) {
    std::vector<int64_t> values(count);
    int64_t v = 0;
    for (auto& x : values) x = v += static_cast<int64_t>(rng() % 2000) - 1000;
    EXPECT_EQ(RoundTripDelta(values), values) << count;
  }
}

TEST(DeltaBinaryPackedTest, ArbitraryBitWidthsOfUnusedMiniblocksAreIgnored) {
  // Header: block 128, 4 miniblocks, 3 values, first value 5 (zigzag 10); one block with min
  // delta 1 (zigzag 2) and bit widths 1, 200, 200, 200 (only the first miniblock is used).
  std::vector<uint8_t> data = {0x80, 0x01, 0x04, 0x03, 0x0a, 0x02, 1, 200, 200, 200};
  data.push_back(0x03);  // deltas 1,1 over min delta 1: relative values 1 and 1
  for (int i = 0; i < 3; ++i) data.push_back(0);  // the rest of the 32-value miniblock at width 1
  DeltaBinaryPackedDecoder decoder;
  ASSERT_TRUE(decoder.Init(data.data(), data.size()));
  int32_t out[3];
  ASSERT_EQ(decoder.GetBatch(out, 3), 3u);
  EXPECT_EQ(out[0], 5);
  EXPECT_EQ(out[1], 7);
  EXPECT_EQ(out[2], 9);
}

TEST(DeltaBinaryPackedTest, RejectsMalformedHeadersAndWidths) {
  DeltaBinaryPackedDecoder decoder;
  std::vector<uint8_t> bad_block = {0x07, 0x04, 0x03, 0x00};  // block size 7
  EXPECT_FALSE(decoder.Init(bad_block.data(), bad_block.size()));
  std::vector<uint8_t> wide = {0x80, 0x01, 0x01, 0x03, 0x00, 0x00, 65};  // bit width 65
  ASSERT_TRUE(decoder.Init(wide.data(), wide.size()));
  int64_t out[3];
  EXPECT_LT(decoder.GetBatch(out, 3), 3u);
  EXPECT_FALSE(decoder.error().empty());
}

std::vector<uint8_t> DeltaLengthEncode(const std::vector<std::string>& values) {
  std::vector<int32_t> lengths;
  std::vector<uint8_t> out;
  for (const auto& v : values) lengths.push_back(static_cast<int32_t>(v.size()));
  DeltaBinaryPackedEncoder::Encode(lengths.data(), lengths.size(), out);
  for (const auto& v : values) out.insert(out.end(), v.begin(), v.end());
  return out;
}

TEST(DeltaLengthByteArrayTest, DecodesValuesAndRejectsOverlongLengths) {
  std::vector<std::string> values = {"apple", "", "banana", std::string(300, 'x')};
  std::vector<uint8_t> encoded = DeltaLengthEncode(values);
  DeltaLengthByteArrayDecoder decoder;
  ASSERT_TRUE(decoder.Init(encoded.data(), encoded.size()));
  ByteArray out[4];
  ASSERT_EQ(decoder.GetBatch(out, 4), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(out[i].view(), values[i]);
  std::vector<uint8_t> truncated(encoded.begin(), encoded.end() - 10);
  ASSERT_TRUE(decoder.Init(truncated.data(), truncated.size()));
  EXPECT_EQ(decoder.GetBatch(out, 4), 3u);
  EXPECT_FALSE(decoder.error().empty());
}

TEST(DeltaByteArrayTest, RebuildsPrefixesAndBoundsExpansion) {
  std::vector<std::string> values = {"Hello", "Help", "Helpful", "", "x"};
  std::vector<int32_t> prefixes = {0, 3, 4, 0, 0};
  std::vector<std::string> suffixes = {"Hello", "p", "ful", "", "x"};
  std::vector<uint8_t> encoded;
  DeltaBinaryPackedEncoder::Encode(prefixes.data(), prefixes.size(), encoded);
  std::vector<uint8_t> suffix_stream = DeltaLengthEncode(suffixes);
  encoded.insert(encoded.end(), suffix_stream.begin(), suffix_stream.end());
  DeltaByteArrayDecoder decoder;
  ASSERT_TRUE(decoder.Init(encoded.data(), encoded.size(), 1 << 20));
  ByteArray out[5];
  ASSERT_EQ(decoder.GetBatch(out, 5), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(out[i].view(), values[i]);

  // A prefix longer than the previous value is corrupt.
  std::vector<int32_t> bad_prefixes = {0, 9};
  std::vector<uint8_t> bad;
  DeltaBinaryPackedEncoder::Encode(bad_prefixes.data(), bad_prefixes.size(), bad);
  std::vector<uint8_t> bad_suffixes = DeltaLengthEncode({"abc", "d"});
  bad.insert(bad.end(), bad_suffixes.begin(), bad_suffixes.end());
  ASSERT_TRUE(decoder.Init(bad.data(), bad.size(), 1 << 20));
  EXPECT_EQ(decoder.GetBatch(out, 2), 0u);
  EXPECT_NE(decoder.error().find("prefix"), std::string::npos);

  // Expansion beyond the cap fails instead of allocating.
  std::vector<int32_t> long_prefixes(200, 1000);
  long_prefixes[0] = 0;
  std::vector<std::string> long_suffixes(200, "");
  long_suffixes[0] = std::string(1000, 'a');
  std::vector<uint8_t> bomb;
  DeltaBinaryPackedEncoder::Encode(long_prefixes.data(), long_prefixes.size(), bomb);
  std::vector<uint8_t> bomb_suffixes = DeltaLengthEncode(long_suffixes);
  bomb.insert(bomb.end(), bomb_suffixes.begin(), bomb_suffixes.end());
  ASSERT_TRUE(decoder.Init(bomb.data(), bomb.size(), 50000));
  EXPECT_EQ(decoder.GetBatch(out, 5), 5u);
  ByteArray rest[256];
  EXPECT_EQ(decoder.GetBatch(rest, 195), 0u);
  EXPECT_NE(decoder.error().find("expands"), std::string::npos);
}

TEST(ByteStreamSplitTest, RoundTripsEveryWidth) {
  for (size_t width :
       {size_t{1}, size_t{2}, size_t{3}, size_t{4}, size_t{5}, size_t{8}, size_t{16}}) {
    std::vector<uint8_t> values(width * 37);
    for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<uint8_t>(i * 31 + 7);
    std::vector<uint8_t> encoded;
    ByteStreamSplitEncode(values.data(), width, 37, encoded);
    std::vector<uint8_t> decoded(values.size());
    ByteStreamSplitDecode(encoded.data(), width, 37, 0, 20, decoded.data());
    ByteStreamSplitDecode(encoded.data(), width, 37, 20, 17, decoded.data() + 20 * width);
    EXPECT_EQ(decoded, values) << "width " << width;
  }
}

}  // namespace
}  // namespace switchboard::parquet
