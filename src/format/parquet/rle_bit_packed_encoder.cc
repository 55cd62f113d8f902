// RleBitPackedEncoder: run detection and the two run kinds of the hybrid encoding.
#include "format/parquet/rle_bit_packed_encoder.h"

#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

namespace {

constexpr size_t kMinRepeat = 8;

// Length of the run of equal values starting at i, looking no further than `limit` values.
template <typename T>
size_t RunLength(const T* values, size_t count, size_t i, size_t limit) {
  size_t j = i + 1;
  size_t end = limit < count - i ? i + limit : count;
  while (j < end && values[j] == values[i]) ++j;
  return j - i;
}

}  // namespace

template <typename T>
void RleBitPackedEncoder::Encode(const T* values, size_t count, int bit_width,
                                 std::vector<uint8_t>& out) {
  int value_bytes = (bit_width + 7) / 8;
  size_t i = 0;
  while (i < count) {
    size_t run = RunLength(values, count, i, count);
    if (run >= kMinRepeat) {
      AppendUleb128(out, static_cast<uint64_t>(run) << 1);
      uint64_t v = static_cast<uint64_t>(values[i]);
      for (int b = 0; b < value_bytes; ++b) out.push_back(static_cast<uint8_t>(v >> (8 * b)));
      i += run;
      continue;
    }
    // Bit-packed groups of 8 until a group boundary starts a long enough run.
    size_t start = i;
    do {
      i += 8;
    } while (i < count && RunLength(values, count, i, kMinRepeat) < kMinRepeat);
    size_t end = i < count ? i : count;
    size_t groups = (i - start) / 8;
    AppendUleb128(out, static_cast<uint64_t>(groups) << 1 | 1);
    BitWriter writer(out);
    for (size_t k = start; k < start + groups * 8; ++k) {
      writer.Put(k < end ? static_cast<uint64_t>(values[k]) : 0, bit_width);
    }
    writer.Flush();
    i = end;
  }
}

template void RleBitPackedEncoder::Encode<uint8_t>(const uint8_t*, size_t, int,
                                                   std::vector<uint8_t>&);
template void RleBitPackedEncoder::Encode<uint16_t>(const uint16_t*, size_t, int,
                                                    std::vector<uint8_t>&);
template void RleBitPackedEncoder::Encode<uint32_t>(const uint32_t*, size_t, int,
                                                    std::vector<uint8_t>&);

}  // namespace switchboard::parquet
