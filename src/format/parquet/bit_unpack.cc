// Bit unpacking with one fully unrolled routine per (output type, bit width), selected through a
// table, so that the shifts and masks are compile-time constants.
#include "format/parquet/bit_unpack.h"

#include <array>
#include <cstring>
#include <utility>

#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

namespace {

// 32 values of W bits occupy exactly W 32-bit words; value I starts at bit I * W.
template <typename T, int W, int I>
inline T Extract(const uint8_t* in) {
  constexpr int kBit = I * W;
  constexpr int kWord = kBit / 32;
  constexpr int kShift = kBit % 32;
  uint64_t v = LoadUnaligned<uint32_t>(in + 4 * kWord) >> kShift;
  if constexpr (kShift + W > 32) {
    v |= static_cast<uint64_t>(LoadUnaligned<uint32_t>(in + 4 * (kWord + 1))) << (32 - kShift);
  }
  if constexpr (kShift + W > 64) {
    v |= static_cast<uint64_t>(LoadUnaligned<uint32_t>(in + 4 * (kWord + 2))) << (64 - kShift);
  }
  if constexpr (W < 64) v &= (uint64_t{1} << W) - 1;
  return static_cast<T>(v);
}

template <typename T, int W, size_t... I>
inline void Unpack32Impl(const uint8_t* in, T* out, std::index_sequence<I...>) {
  ((out[I] = Extract<T, W, static_cast<int>(I)>(in)), ...);
}

template <typename T, int W>
void Unpack32(const uint8_t* in, T* out) {
  if constexpr (W == 0) {
    std::memset(out, 0, 32 * sizeof(T));
  } else {
    Unpack32Impl<T, W>(in, out, std::make_index_sequence<32>());
  }
}

template <typename T>
using Unpack32Fn = void (*)(const uint8_t*, T*);

template <typename T, size_t... W>
constexpr std::array<Unpack32Fn<T>, sizeof...(W)> MakeTable(std::index_sequence<W...>) {
  return {&Unpack32<T, static_cast<int>(W)>...};
}

template <typename T>
const auto& Table() {
  static constexpr auto table = MakeTable<T>(std::make_index_sequence<sizeof(T) * 8 + 1>());
  return table;
}

}  // namespace

template <typename T>
void UnpackBits(const uint8_t* in, int width, size_t count, T* out) {
  Unpack32Fn<T> unpack = Table<T>()[width];
  size_t block_bytes = 4 * static_cast<size_t>(width);
  while (count >= 32) {
    unpack(in, out);
    in += block_bytes;
    out += 32;
    count -= 32;
  }
  if (count == 0) return;
  // The tail: copy the bytes it occupies into a zeroed block so the unrolled routine reads only
  // what belongs to the input.
  uint8_t padded[4 * 64] = {};
  size_t bytes = (count * static_cast<size_t>(width) + 7) / 8;
  if (bytes > 0) std::memcpy(padded, in, bytes);
  T values[32];
  unpack(padded, values);
  std::memcpy(out, values, count * sizeof(T));
}

template void UnpackBits<uint8_t>(const uint8_t*, int, size_t, uint8_t*);
template void UnpackBits<uint32_t>(const uint8_t*, int, size_t, uint32_t*);
template void UnpackBits<uint64_t>(const uint8_t*, int, size_t, uint64_t*);

void UnpackBitsMsbFirst(const uint8_t* in, int width, size_t count, uint8_t* out) {
  size_t bit = 0;
  for (size_t i = 0; i < count; ++i) {
    uint32_t value = 0;
    for (int b = 0; b < width; ++b, ++bit) {
      value = value << 1 | ((in[bit >> 3] >> (7 - (bit & 7))) & 1);
    }
    out[i] = static_cast<uint8_t>(value);
  }
}

}  // namespace switchboard::parquet
