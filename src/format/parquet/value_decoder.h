// ValueDecoder: decodes the values section of data pages (and the dictionary page) of one leaf
// column straight into engine vectors, for every encoding Parquet defines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "common/result.h"
#include "format/parquet/parquet_thrift.h"
#include "format/parquet/schema.h"
#include "fs/buffer.h"
#include "types/vector.h"

namespace switchboard::parquet {

/// One implementation per (physical type, conversion) pair, chosen once per column chunk by
/// Make; calls are per batch, the loops inside are typed and free of virtual calls. String
/// values become StringViews into the page (or dictionary) buffer, which the output vector's
/// StringHeap keeps alive. Errors are kCorruptData with a message naming the problem; callers
/// prefix the file and column. Not thread-safe: one per column chunk reader.
class ValueDecoder {
 public:
  /// Limits that bound work and memory on malicious input.
  struct Limits {
    /// Largest number of dictionary entries.
    size_t max_dictionary_values = size_t{1} << 28;
    /// Largest size one DELTA_BYTE_ARRAY page may expand to.
    size_t max_expanded_page_bytes = size_t{1} << 30;
  };

  /// The decoder for `leaf`'s physical type and conversion. For INTERVAL leaves the values come
  /// out as 12-byte varbinary (the caller splits them into the row fields).
  static std::unique_ptr<ValueDecoder> Make(const LeafColumn& leaf, const Limits& limits);

  virtual ~ValueDecoder() = default;

  /// Decodes a dictionary page: `count` PLAIN values in data[0..size), owned by `owner`.
  virtual Result<void> SetDictionary(std::shared_ptr<Buffer> owner, const uint8_t* data,
                                     size_t size, size_t count) = 0;
  /// The decoded dictionary as a flat vector of the leaf's engine type (varbinary for
  /// INTERVAL), or nullptr.
  virtual const Vector* dictionary() const = 0;

  /// Starts the values section data[0..size) (owned by `owner`) of a data page in `encoding`
  /// that holds at most `max_values` values. Errors: kNotSupported for an encoding the
  /// physical type cannot use, kCorruptData for a malformed section header or a dictionary
  /// encoding without a dictionary page.
  virtual Result<void> StartPage(Encoding encoding, std::shared_ptr<Buffer> owner,
                                 const uint8_t* data, size_t size, size_t max_values) = 0;

  /// Decodes the next `count` values into rows [offset, offset + count) of flat vector `out`
  /// (of the dictionary's type, with room for them). Errors: kCorruptData when the page holds fewer
  /// values or a dictionary index is out of range.
  virtual Result<void> Decode(size_t count, Vector& out, size_t offset) = 0;

  /// Skips the next `count` values. Errors: as Decode.
  virtual Result<void> Skip(size_t count) = 0;
};

}  // namespace switchboard::parquet
