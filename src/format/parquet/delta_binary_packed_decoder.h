// DeltaBinaryPackedDecoder: the DELTA_BINARY_PACKED encoding of INT32 and INT64 values (also the
// lengths inside DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace switchboard::parquet {

/// Decodes one DELTA_BINARY_PACKED stream over bytes it does not own. Arithmetic wraps in 64
/// bits; INT32 readers keep the low 32 bits, which equals the writer's 32-bit wrapping. Not
/// thread-safe.
class DeltaBinaryPackedDecoder {
 public:
  /// Largest block size accepted (values); the specification only requires a multiple of 128.
  static constexpr uint64_t kMaxBlockSize = 1 << 16;

  /// Parses the stream header. False (with error() set) when it is malformed.
  bool Init(const uint8_t* data, size_t size);

  /// The byte length of the stream at `data` (header, blocks and miniblocks holding values),
  /// found by walking block headers without unpacking anything; false when it is malformed.
  /// Lets DELTA_LENGTH_BYTE_ARRAY find its data without first decoding every length.
  static bool StreamLength(const uint8_t* data, size_t size, size_t& length);

  /// Values not decoded yet.
  uint64_t values_left() const { return values_left_; }

  /// Decodes up to `count` values; returns how many (fewer at the end of the stream or on
  /// corrupt data, which sets error()). T is int32_t or int64_t.
  template <typename T>
  size_t GetBatch(T* out, size_t count);

  /// Bytes from the start of the stream to the end of the last miniblock that holds values;
  /// meaningful once every value has been decoded (data following the stream starts there).
  size_t consumed_bytes() const { return static_cast<size_t>(data_ - begin_); }

  const std::string& error() const { return error_; }

 private:
  bool LoadBlock();
  bool LoadMiniblock();
  void Fail(std::string message);

  const uint8_t* begin_ = nullptr;
  const uint8_t* data_ = nullptr;
  const uint8_t* end_ = nullptr;
  uint64_t block_size_ = 0;
  uint64_t miniblocks_per_block_ = 0;
  uint64_t values_per_miniblock_ = 0;
  uint64_t total_values_ = 0;
  uint64_t values_left_ = 0;
  uint64_t last_value_ = 0;
  bool first_pending_ = false;
  uint64_t min_delta_ = 0;
  std::vector<uint8_t> bit_widths_;
  size_t miniblock_index_ = 0;
  // Deltas of the current miniblock, already offset by min_delta.
  std::vector<uint64_t> deltas_;
  size_t delta_pos_ = 0;
  size_t delta_count_ = 0;
  std::string error_;
};

}  // namespace switchboard::parquet
