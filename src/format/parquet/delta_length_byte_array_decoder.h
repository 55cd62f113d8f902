// DeltaLengthByteArrayDecoder: the DELTA_LENGTH_BYTE_ARRAY encoding (DELTA_BINARY_PACKED lengths
// followed by the concatenated bytes); also the suffix stream of DELTA_BYTE_ARRAY.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "format/parquet/byte_array.h"
#include "format/parquet/delta_binary_packed_decoder.h"

namespace switchboard::parquet {

/// Decodes values lazily, a batch of lengths at a time; the values point into the input, which
/// the caller keeps alive. Not thread-safe.
class DeltaLengthByteArrayDecoder {
 public:
  /// False (with error() set) when the lengths stream is malformed.
  bool Init(const uint8_t* data, size_t size);

  uint64_t values_left() const { return lengths_.values_left(); }

  /// Decodes up to `count` values; returns how many (fewer on corrupt data: a negative length or
  /// bytes past the end, which set error()).
  size_t GetBatch(ByteArray* out, size_t count);

  const std::string& error() const { return error_.empty() ? lengths_.error() : error_; }

 private:
  DeltaBinaryPackedDecoder lengths_;
  const uint8_t* data_ = nullptr;
  const uint8_t* end_ = nullptr;
  std::string error_;
};

}  // namespace switchboard::parquet
