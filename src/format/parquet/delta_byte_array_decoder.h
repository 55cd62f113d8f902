// DeltaByteArrayDecoder: the DELTA_BYTE_ARRAY (incremental, front-coded) encoding of BYTE_ARRAY
// and FIXED_LEN_BYTE_ARRAY values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "format/parquet/byte_array.h"
#include "format/parquet/delta_binary_packed_decoder.h"
#include "format/parquet/delta_length_byte_array_decoder.h"
#include "fs/buffer.h"

namespace switchboard::parquet {

/// Rebuilds each value from a prefix of the previous one and a suffix. Values are materialized
/// into a new Buffer per GetBatch call; the total a page may expand to is capped, so a page of
/// long shared prefixes cannot exhaust memory. Not thread-safe.
class DeltaByteArrayDecoder {
 public:
  /// Values decoded per GetBatch call at most.
  static constexpr size_t kBatch = 256;

  /// False (with error() set) when the streams are malformed.
  bool Init(const uint8_t* data, size_t size, size_t max_expanded_bytes);

  uint64_t values_left() const { return prefixes_.values_left(); }

  /// Decodes up to min(count, kBatch) values into `out`, pointing into buffer(); returns how
  /// many (fewer on corrupt data, which sets error()).
  size_t GetBatch(ByteArray* out, size_t count);

  /// The bytes of the values of the last GetBatch call; holders of those values keep it alive.
  const std::shared_ptr<Buffer>& buffer() const { return buffer_; }

  const std::string& error() const;

 private:
  DeltaBinaryPackedDecoder prefixes_;
  DeltaLengthByteArrayDecoder suffixes_;
  std::shared_ptr<Buffer> buffer_;
  ByteArray previous_;
  size_t expanded_bytes_ = 0;
  size_t max_expanded_bytes_ = 0;
  std::string error_;
};

}  // namespace switchboard::parquet
