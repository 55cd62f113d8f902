// Bit unpacking: fixed-width little-endian bit-packed integers (the bit-packed runs of the RLE
// hybrid encoding, DELTA_BINARY_PACKED miniblocks) into arrays, 32 values per unrolled step.
#pragma once

#include <cstddef>
#include <cstdint>

namespace switchboard::parquet {

/// Unpacks `count` values of `width` bits each, least significant bit first, from `in` into
/// `out`. `in` must hold at least (count * width + 7) / 8 bytes; nothing beyond them is read.
/// `width` is at most the bit size of T. T is uint8_t, uint32_t or uint64_t.
template <typename T>
void UnpackBits(const uint8_t* in, int width, size_t count, T* out);

/// The deprecated BIT_PACKED level encoding: like UnpackBits but most significant bit first.
void UnpackBitsMsbFirst(const uint8_t* in, int width, size_t count, uint8_t* out);

}  // namespace switchboard::parquet
