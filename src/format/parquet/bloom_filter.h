// BloomFilter: Parquet's split-block bloom filter (32-byte blocks of eight 32-bit words, xxHash64
// of the PLAIN-encoded value), for reading and writing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/result.h"

namespace switchboard::parquet {

/// A bitset of 32-byte blocks. Insert and MightContain take the XxHash64 of a value's PLAIN
/// encoding (without the length prefix for byte arrays). Not thread-safe for Insert; concurrent
/// MightContain calls are fine.
class BloomFilter {
 public:
  static constexpr size_t kMinBytes = 32;
  static constexpr size_t kMaxBytes = 128 << 20;

  /// The bitset size for `distinct_values` at false-positive probability `fpp`: a power of two
  /// in [kMinBytes, kMaxBytes].
  static size_t OptimalNumBytes(uint64_t distinct_values, double fpp);

  /// An empty filter of `num_bytes` (a power of two in [kMinBytes, kMaxBytes]).
  explicit BloomFilter(size_t num_bytes);

  /// Parses a serialized filter (Thrift BloomFilterHeader then the bitset) from
  /// data[0..size). Errors: kCorruptData for a malformed header, an unsupported algorithm,
  /// hash or compression, or a bitset size that is not a power of two in range or exceeds
  /// `size`.
  static Result<BloomFilter> Deserialize(const uint8_t* data, size_t size);

  /// Hash of a value's bytes, as Parquet defines it.
  static uint64_t Hash(const void* data, size_t size);

  void Insert(uint64_t hash);
  bool MightContain(uint64_t hash) const;

  size_t num_bytes() const { return words_.size() * 4; }

  /// Appends the BloomFilterHeader and the bitset.
  void Serialize(std::vector<uint8_t>& out) const;

 private:
  BloomFilter() = default;
  size_t BlockIndex(uint64_t hash) const {
    return static_cast<size_t>(((hash >> 32) * (words_.size() / 8)) >> 32);
  }

  std::vector<uint32_t> words_;
};

}  // namespace switchboard::parquet
