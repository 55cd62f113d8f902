// RleBitPackedEncoder: writes the RLE / bit-packing hybrid encoding (levels, dictionary indexes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace switchboard::parquet {

/// Encodes a whole sequence at once: runs of at least 8 equal values become RLE runs, everything
/// else bit-packed groups of 8 (the last group zero-padded). Stateless.
class RleBitPackedEncoder {
 public:
  /// Appends the encoding of values[0..count) with `bit_width` bits per value to `out`.
  template <typename T>
  static void Encode(const T* values, size_t count, int bit_width, std::vector<uint8_t>& out);
};

}  // namespace switchboard::parquet
