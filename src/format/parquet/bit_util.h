// Bit and byte helpers of the Parquet encodings: unaligned little-endian loads, ULEB128 and
// zigzag varints, bit widths, and an LSB-first bit writer.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace switchboard::parquet {

static_assert(std::endian::native == std::endian::little,
              "the Parquet decoders assume a little-endian host");

template <typename T>
inline T LoadUnaligned(const void* p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  return value;
}

template <typename T>
inline void StoreUnaligned(void* p, T value) {
  std::memcpy(p, &value, sizeof(T));
}

/// Bits needed to represent `value` (0 for 0).
inline int BitWidth(uint64_t value) { return value == 0 ? 0 : 64 - std::countl_zero(value); }

/// Reads a ULEB128 varint of at most `max_bytes` bytes from [p, end); advances p. False when the
/// input ends first or the varint is longer than allowed.
inline bool ReadUleb128(const uint8_t*& p, const uint8_t* end, uint64_t& out, int max_bytes = 10) {
  uint64_t result = 0;
  for (int i = 0; i < max_bytes; ++i) {
    if (p >= end) return false;
    uint8_t byte = *p++;
    result |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) {
      out = result;
      return true;
    }
  }
  return false;
}

inline int64_t ZigZagDecode(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}
inline uint64_t ZigZagEncode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

inline void AppendUleb128(std::vector<uint8_t>& out, uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

/// Appends values of a fixed bit width, least significant bit first, to a byte vector.
class BitWriter {
 public:
  explicit BitWriter(std::vector<uint8_t>& out) : out_(out) {}
  ~BitWriter() { Flush(); }

  /// Appends the low `width` bits of `value` (width 0..64).
  void Put(uint64_t value, int width) {
    while (width > 0) {
      int take = width < 64 - bits_ ? width : 64 - bits_;
      uint64_t part = take == 64 ? value : value & ((uint64_t{1} << take) - 1);
      buffer_ |= part << bits_;
      bits_ += take;
      width -= take;
      value = take == 64 ? 0 : value >> take;
      if (bits_ == 64) {
        size_t at = out_.size();
        out_.resize(at + 8);
        StoreUnaligned(out_.data() + at, buffer_);
        buffer_ = 0;
        bits_ = 0;
      }
    }
  }
  /// Writes out the pending bits, zero-padded to a whole byte.
  void Flush() {
    for (int i = 0; i < bits_; i += 8) out_.push_back(static_cast<uint8_t>(buffer_ >> i));
    buffer_ = 0;
    bits_ = 0;
  }

 private:
  std::vector<uint8_t>& out_;
  uint64_t buffer_ = 0;
  int bits_ = 0;
};

}  // namespace switchboard::parquet
