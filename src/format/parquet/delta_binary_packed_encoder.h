// DeltaBinaryPackedEncoder: writes the DELTA_BINARY_PACKED encoding of INT32 and INT64 values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace switchboard::parquet {

/// Encodes a whole sequence at once with blocks of 128 values in 4 miniblocks of 32. Deltas wrap
/// in the width of T, as readers that decode INT32 in 32 bits expect. Stateless.
class DeltaBinaryPackedEncoder {
 public:
  static constexpr int kBlockSize = 128;
  static constexpr int kMiniblocks = 4;

  /// Appends the encoding of values[0..count) to `out`. T is int32_t or int64_t.
  template <typename T>
  static void Encode(const T* values, size_t count, std::vector<uint8_t>& out);
};

}  // namespace switchboard::parquet
