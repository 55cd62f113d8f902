// ParquetWriter: streams DataChunks into a Parquet file (row groups, pages, statistics, page
// index, bloom filters, field ids, key-value metadata) and reports what Iceberg manifests need.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/column_writer.h"
#include "format/parquet/parquet_thrift.h"
#include "format/parquet/writer_schema.h"
#include "fs/file_system.h"
#include "types/data_chunk.h"
#include "types/value.h"

namespace switchboard::parquet {

class RecordShredder;

struct ParquetWriterOptions {
  CompressionCodec codec = CompressionCodec::kSnappy;
  /// The codec's level (ZSTD 1..22, GZIP 1..9, BROTLI 0..11); 0 picks the codec's default.
  int compression_level = 0;
  /// A row group ends at whichever limit comes first.
  int64_t row_group_max_rows = 122880;
  int64_t row_group_max_bytes = int64_t{128} << 20;
  int64_t page_max_bytes = int64_t{1} << 20;
  int64_t page_max_rows = 20000;
  /// Dictionary encoding, abandoned for the rest of a column chunk when the dictionary grows
  /// past dictionary_max_bytes or a fifth of row_group_max_rows entries; not used at all when
  /// the first page's values are nearly all distinct or each arrives in one run shorter than 8
  /// (sorted keys), which compress better without it.
  bool dictionary = true;
  int64_t dictionary_max_bytes = int64_t{1} << 20;
  ValueEncoding fallback_encoding = ValueEncoding::kPlain;
  /// 1 or 2.
  int data_page_version = 1;
  bool page_checksums = false;
  bool write_statistics = true;
  /// Byte-array bounds longer than this are truncated (and marked inexact).
  size_t statistics_truncate_length = 64;
  bool write_page_index = true;
  /// Leaf columns (dotted paths as LeafColumn::PathString gives them, or top-level names for
  /// all their leaves) that get a bloom filter, at false-positive probability bloom_filter_fpp.
  std::vector<std::string> bloom_filter_columns;
  double bloom_filter_fpp = 0.01;
  std::vector<KeyValue> key_value_metadata;
  std::string created_by = "switchboard version 0.1.0";
};

/// Per leaf column metrics for an Iceberg data file entry.
struct ParquetColumnMetrics {
  std::optional<int32_t> field_id;
  std::vector<std::string> path;
  /// Values including NULLs (one per definition level), NULLs, and NaNs (floating point only).
  int64_t value_count = 0;
  int64_t null_count = 0;
  std::optional<int64_t> nan_count;
  /// Exact bounds of the non-NULL, non-NaN values over the file (absent when there are none or
  /// the type has no order).
  std::optional<Value> lower_bound;
  std::optional<Value> upper_bound;
  /// Compressed bytes of the column's chunks.
  int64_t column_size = 0;
};

/// What Close reports about the finished file.
struct ParquetWriteResult {
  int64_t row_count = 0;
  int64_t file_size = 0;
  std::vector<ParquetColumnMetrics> columns;  // in leaf order
  /// The file offset of each row group (Iceberg's split_offsets).
  std::vector<int64_t> split_offsets;
};

/// Writes one file. Memory is bounded by one row group's encoded pages (row_group_max_bytes),
/// not by the file. Not thread-safe. Errors: kInvalidParameter for chunks that do not match the
/// schema or NULLs in non-nullable columns, kIoError from the file, kNotSupported for types or
/// codecs Parquet (or this writer) cannot store. After an error the file is abandoned: nothing
/// appears at its path (WritableFile's contract).
class ParquetWriter {
 public:
  static Result<std::unique_ptr<ParquetWriter>> Open(std::unique_ptr<WritableFile> file,
                                                     std::vector<ParquetWriterField> fields,
                                                     ParquetWriterOptions options = {});
  ~ParquetWriter();

  /// Opens `path` for writing (overwriting) through FileSystem::ForPath.
  static Result<std::unique_ptr<ParquetWriter>> Open(const std::string& path,
                                                     std::vector<ParquetWriterField> fields,
                                                     ParquetWriterOptions options = {});

  /// The schema as written (levels, leaves).
  const WriterSchema& schema() const { return schema_; }

  /// Appends the rows of `chunk`, whose columns are the top-level fields in order (any vector
  /// kind).
  Result<void> Write(const DataChunk& chunk);

  /// Bytes written so far plus the current row group's buffered pages: about what the file
  /// would take if closed now (without its footer), for writers that roll files at a size.
  int64_t EstimatedSize() const;

  /// Writes the last row group, the page index and the footer, and publishes the file.
  Result<ParquetWriteResult> Close();

 private:
  ParquetWriter() = default;
  Result<void> WriteRows(const std::vector<Vector>& columns, idx_t begin, idx_t end);
  Result<void> FlushRowGroup();
  Result<void> WriteBytes(const std::vector<uint8_t>& bytes);

  std::unique_ptr<WritableFile> file_;
  WriterSchema schema_;
  ParquetWriterOptions options_;
  std::vector<std::unique_ptr<ColumnWriter>> writers_;
  std::vector<std::unique_ptr<RecordShredder>> shredders_;  // per field; null for flat ones
  FileMetaData metadata_;
  std::vector<std::vector<std::optional<ColumnIndex>>> column_indexes_;  // per row group
  std::vector<std::vector<OffsetIndex>> offset_indexes_;
  std::vector<ParquetColumnMetrics> metrics_;
  int64_t rows_in_group_ = 0;
  int64_t total_rows_ = 0;
  bool closed_ = false;
};

}  // namespace switchboard::parquet
