// DeltaBinaryPackedEncoder: blocks, minimum deltas and bit-packed miniblocks.
#include "format/parquet/delta_binary_packed_encoder.h"

#include <algorithm>
#include <type_traits>

#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

template <typename T>
void DeltaBinaryPackedEncoder::Encode(const T* values, size_t count, std::vector<uint8_t>& out) {
  using U = std::make_unsigned_t<T>;
  constexpr int kPerMiniblock = kBlockSize / kMiniblocks;
  AppendUleb128(out, kBlockSize);
  AppendUleb128(out, kMiniblocks);
  AppendUleb128(out, count);
  AppendUleb128(out, ZigZagEncode(count > 0 ? values[0] : 0));
  T deltas[kBlockSize];
  for (size_t start = 1; start < count; start += kBlockSize) {
    size_t n = std::min<size_t>(kBlockSize, count - start);
    for (size_t i = 0; i < n; ++i) {
      deltas[i] =
          static_cast<T>(static_cast<U>(values[start + i]) - static_cast<U>(values[start + i - 1]));
    }
    T min_delta = *std::min_element(deltas, deltas + n);
    AppendUleb128(out, ZigZagEncode(min_delta));
    int widths[kMiniblocks] = {};
    for (int m = 0; m < kMiniblocks; ++m) {
      U max_relative = 0;
      for (size_t i = m * kPerMiniblock; i < std::min<size_t>(n, (m + 1) * kPerMiniblock); ++i) {
        max_relative =
            std::max<U>(max_relative, static_cast<U>(deltas[i]) - static_cast<U>(min_delta));
      }
      widths[m] = BitWidth(max_relative);
      out.push_back(static_cast<uint8_t>(widths[m]));
    }
    BitWriter writer(out);
    for (int m = 0; m < kMiniblocks && static_cast<size_t>(m * kPerMiniblock) < n; ++m) {
      for (int i = m * kPerMiniblock; i < (m + 1) * kPerMiniblock; ++i) {
        U relative = static_cast<size_t>(i) < n
                         ? static_cast<U>(static_cast<U>(deltas[i]) - static_cast<U>(min_delta))
                         : 0;
        writer.Put(relative, widths[m]);
      }
    }
    writer.Flush();
  }
}

template void DeltaBinaryPackedEncoder::Encode<int32_t>(const int32_t*, size_t,
                                                        std::vector<uint8_t>&);
template void DeltaBinaryPackedEncoder::Encode<int64_t>(const int64_t*, size_t,
                                                        std::vector<uint8_t>&);

}  // namespace switchboard::parquet
