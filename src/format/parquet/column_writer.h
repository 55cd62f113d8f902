// ColumnWriter: encodes the values and levels of one leaf column of a row group into pages
// (dictionary with fallback to plain, RLE levels, compression), with chunk and page statistics,
// page index entries and an optional bloom filter.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/bloom_filter.h"
#include "format/parquet/parquet_thrift.h"
#include "format/parquet/writer_schema.h"
#include "fs/file_system.h"
#include "types/value.h"
#include "types/vector.h"

namespace switchboard::parquet {

/// Encodings for values when the dictionary is off or has been abandoned.
enum class ValueEncoding : uint8_t {
  kPlain,
  /// DELTA_BINARY_PACKED for INT32/INT64, DELTA_LENGTH_BYTE_ARRAY for BYTE_ARRAY; others plain.
  kDelta,
  /// BYTE_STREAM_SPLIT for FLOAT and DOUBLE (the types every reader of the encoding knows);
  /// others plain.
  kByteStreamSplit,
};

/// The page-level choices of a ParquetWriter (see ParquetWriterOptions).
struct ColumnWriterOptions {
  CompressionCodec codec = CompressionCodec::kSnappy;
  int compression_level = 0;
  int64_t page_max_bytes = 1 << 20;
  int64_t page_max_rows = 20000;
  bool dictionary = true;
  int64_t dictionary_max_bytes = 1 << 20;
  int64_t dictionary_max_entries = 24576;
  ValueEncoding fallback_encoding = ValueEncoding::kPlain;
  int data_page_version = 1;
  bool page_checksums = false;
  bool statistics = true;
  size_t statistics_truncate_length = 64;
  bool page_index = true;
  bool bloom_filter = false;
  double bloom_filter_fpp = 0.01;
};

/// What a finished column chunk contributes to the footer, the page index and the metrics.
struct FinishedColumnChunk {
  ColumnChunk chunk;
  std::optional<ColumnIndex> column_index;
  OffsetIndex offset_index;
  std::optional<BloomFilter> bloom_filter;
  int64_t null_count = 0;
  std::optional<int64_t> nan_count;
  std::optional<Value> min;  // exact bounds of the chunk (untruncated)
  std::optional<Value> max;
};

/// One per leaf; reused for every row group. Not thread-safe.
class ColumnWriter {
 public:
  static std::unique_ptr<ColumnWriter> Make(const WriterLeaf& leaf,
                                            const ColumnWriterOptions& options);
  virtual ~ColumnWriter() = default;

  /// Appends a top-level flat column: rows [begin, end) of flat vector `values` (NULLs from its
  /// validity). Errors: kInvalidParameter for a NULL in a required column.
  virtual Result<void> AppendFlat(const Vector& values, idx_t begin, idx_t end) = 0;

  /// Appends `count` level pairs (repetition may be null when the leaf is not repeated) and the
  /// values at rows value_rows[0..value_count) of flat vector `values`, one per level pair
  /// whose definition level is the maximum. The levels must end at a row boundary.
  virtual Result<void> Append(const uint8_t* repetition, const uint8_t* definition, size_t count,
                              const Vector& values, const sel_t* value_rows,
                              size_t value_count) = 0;

  /// Bytes buffered for the current row group (encoded pages and pending values).
  virtual int64_t buffered_bytes() const = 0;

  /// Writes the column chunk (dictionary page first) at the end of `file` and resets for the
  /// next row group. Errors: kIoError from the file, kInternal from a codec.
  virtual Result<FinishedColumnChunk> Finish(WritableFile& file) = 0;
};

}  // namespace switchboard::parquet
