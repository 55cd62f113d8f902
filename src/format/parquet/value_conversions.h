// Conversions from Parquet's stored representations to engine values that both page decoding and
// statistics use: INT96 timestamps, half floats, big-endian decimals and UUIDs, time units.
#pragma once

#include <cstdint>
#include <cstring>

#include "format/parquet/bit_util.h"
#include "types/logical_type.h"

namespace switchboard::parquet {

/// Microseconds since the epoch of a legacy INT96 timestamp (8 bytes nanoseconds of the day,
/// then 4 bytes Julian day, little-endian).
inline int64_t Int96ToMicros(const uint8_t* bytes) {
  constexpr int64_t kJulianEpochDay = 2440588;
  constexpr int64_t kMicrosPerDay = 86400000000LL;
  int64_t nanos = LoadUnaligned<int64_t>(bytes);
  int64_t day = LoadUnaligned<int32_t>(bytes + 8);
  // Wrapping arithmetic: days far outside any calendar (corrupt data) must not be UB.
  auto micros =
      static_cast<uint64_t>(day - kJulianEpochDay) * static_cast<uint64_t>(kMicrosPerDay) +
      static_cast<uint64_t>(nanos / 1000);
  return static_cast<int64_t>(micros);
}

/// IEEE 754 binary16 to binary32.
inline float HalfToFloat(uint16_t half) {
  uint32_t sign = static_cast<uint32_t>(half & 0x8000) << 16;
  uint32_t exponent = (half >> 10) & 0x1f;
  uint32_t mantissa = half & 0x3ff;
  uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000 | (mantissa << 13);  // infinity or NaN
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;  // signed zero
  } else {
    // Subnormal half: normalize.
    int shift = 0;
    while ((mantissa & 0x400) == 0) {
      mantissa <<= 1;
      ++shift;
    }
    mantissa &= 0x3ff;
    bits = sign | (static_cast<uint32_t>(113 - shift) << 23) | (mantissa << 13);
  }
  float result;
  std::memcpy(&result, &bits, 4);
  return result;
}

/// A big-endian two's complement integer of `size` bytes (1..16; 0 gives 0).
inline int128_t BigEndianToInt128(const uint8_t* bytes, size_t size) {
  if (size == 0) return 0;
  uint128_t value = (bytes[0] & 0x80) ? ~uint128_t{0} : 0;
  for (size_t i = 0; i < size; ++i) value = value << 8 | bytes[i];
  return static_cast<int128_t>(value);
}

/// A 16-byte big-endian UUID as the engine's uint128 (high 64 bits from the first 8 bytes).
inline uint128_t BigEndianToUuid(const uint8_t* bytes) {
  uint128_t value = 0;
  for (int i = 0; i < 16; ++i) value = value << 8 | bytes[i];
  return value;
}

/// Floor division by a positive divisor.
inline int64_t FloorDivide(int64_t value, int64_t divisor) {
  int64_t q = value / divisor;
  return (value % divisor != 0 && value < 0) ? q - 1 : q;
}

/// Division by a positive divisor rounding half away from zero.
inline int64_t RoundDivide(int64_t value, int64_t divisor) {
  int64_t half = divisor / 2;
  return value >= 0 ? (value + half) / divisor : -((-value + half) / divisor);
}

}  // namespace switchboard::parquet
