// BYTE_STREAM_SPLIT: values of K bytes stored as K streams, stream b holding byte b of every
// value (FLOAT, DOUBLE, INT32, INT64 and FIXED_LEN_BYTE_ARRAY of any width).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace switchboard::parquet {

/// Gathers values [start, start + count) of width `kWidth` from a page of `stride` values
/// (the length of each stream) into `out` (count * kWidth bytes, values contiguous).
template <size_t kWidth>
inline void ByteStreamSplitDecodeFixed(const uint8_t* data, size_t stride, size_t start,
                                       size_t count, uint8_t* out) {
  for (size_t i = 0; i < count; ++i) {
    for (size_t b = 0; b < kWidth; ++b) out[i * kWidth + b] = data[b * stride + start + i];
  }
}

/// The same for a width known only at run time (FIXED_LEN_BYTE_ARRAY); 4 and 8 take the
/// unrolled path.
inline void ByteStreamSplitDecode(const uint8_t* data, size_t width, size_t stride, size_t start,
                                  size_t count, uint8_t* out) {
  switch (width) {
    case 2:
      return ByteStreamSplitDecodeFixed<2>(data, stride, start, count, out);
    case 4:
      return ByteStreamSplitDecodeFixed<4>(data, stride, start, count, out);
    case 8:
      return ByteStreamSplitDecodeFixed<8>(data, stride, start, count, out);
    default:
      for (size_t i = 0; i < count; ++i) {
        for (size_t b = 0; b < width; ++b) out[i * width + b] = data[b * stride + start + i];
      }
  }
}

/// Appends the BYTE_STREAM_SPLIT encoding of `count` contiguous values of `width` bytes.
inline void ByteStreamSplitEncode(const uint8_t* values, size_t width, size_t count,
                                  std::vector<uint8_t>& out) {
  size_t at = out.size();
  out.resize(at + width * count);
  uint8_t* dst = out.data() + at;
  for (size_t i = 0; i < count; ++i) {
    for (size_t b = 0; b < width; ++b) dst[b * count + i] = values[i * width + b];
  }
}

}  // namespace switchboard::parquet
