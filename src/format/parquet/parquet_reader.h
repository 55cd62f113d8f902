// ParquetReader: an open Parquet file (footer parsed and validated once), its schema, row group
// statistics, page indexes and bloom filters, and the entry point of row group scans.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "format/parquet/bloom_filter.h"
#include "format/parquet/parquet_thrift.h"
#include "format/parquet/row_group_scanner.h"
#include "format/parquet/schema.h"
#include "format/parquet/statistics.h"
#include "fs/file_system.h"

namespace switchboard::parquet {

struct ParquetReaderOptions {
  /// Unannotated BYTE_ARRAY columns read as varchar instead of varbinary.
  bool binary_as_string = false;
  /// Verify page CRCs where pages carry one; a mismatch fails the scan.
  bool verify_checksums = false;
  /// Largest uncompressed page, dictionary or DELTA_BYTE_ARRAY expansion accepted. The default
  /// is the format's own limit (page sizes are 32-bit); lower it to bound memory per page more
  /// tightly. Declared sizes are also checked against what the codec can produce from the
  /// compressed bytes.
  int64_t max_page_size = INT32_MAX;
  /// Largest footer accepted.
  int64_t max_footer_size = int64_t{1} << 28;
};

/// A Parquet file opened for reading.
///
/// Contract: Open reads and validates the footer once; afterwards the object is immutable and
/// thread-safe, so any number of threads may call ScanRowGroup (for different or the same row
/// groups) and the metadata accessors concurrently. Each RowGroupScanner is used by one thread.
/// Scanners and the vectors they fill keep what they need alive on their own; the reader must
/// outlive its scanners.
///
/// Errors: every failure names the file. kIoError for reads the file system cannot serve;
/// kCorruptData for malformed content (bad magic, footer, schema, offsets, pages, levels,
/// values); kNotSupported for valid files using features outside this reader (encryption,
/// LZO, DECIMAL above 38 digits, column data in other files).
class ParquetReader {
 public:
  static Result<std::shared_ptr<ParquetReader>> Open(std::shared_ptr<RandomAccessFile> file,
                                                     const ParquetReaderOptions& options = {});
  /// Opens `path` through FileSystem::ForPath.
  static Result<std::shared_ptr<ParquetReader>> Open(const std::string& path,
                                                     const ParquetReaderOptions& options = {});

  const std::string& path() const { return file_->path(); }
  const ParquetReaderOptions& options() const { return options_; }
  const FileMetaData& metadata() const { return metadata_; }
  const ParquetSchema& schema() const { return schema_; }
  int64_t num_rows() const { return num_rows_; }
  int num_row_groups() const { return static_cast<int>(metadata_.row_groups.size()); }
  int64_t row_group_num_rows(int row_group) const;
  /// Position in the file of the row group's first row.
  int64_t row_group_first_row(int row_group) const { return row_group_first_rows_[row_group]; }
  /// The footer's key-value metadata (Iceberg keeps "iceberg.schema" there).
  const std::vector<KeyValue>& key_value_metadata() const { return metadata_.key_value_metadata; }
  /// The value for `key`, when present (an entry without a value gives "").
  std::optional<std::string> FindKeyValue(std::string_view key) const;

  /// Chunk statistics of leaf `leaf` in `row_group`, as engine values.
  ColumnStatistics ColumnChunkStatistics(int row_group, int leaf) const;

  /// The page index of a column chunk, when the file has one. Errors: kCorruptData for an index
  /// outside the file or malformed; kIoError.
  Result<std::optional<ColumnIndex>> ReadColumnIndex(int row_group, int leaf) const;
  Result<std::optional<OffsetIndex>> ReadOffsetIndex(int row_group, int leaf) const;
  /// The bloom filter of a column chunk, when the file has one. Errors: as ReadColumnIndex.
  Result<std::optional<BloomFilter>> ReadBloomFilter(int row_group, int leaf) const;

  /// Starts scanning `row_group` (see RowGroupScanner for the contract). Pruning by
  /// statistics, bloom filters, the page index and dictionaries happens here. Errors:
  /// kInvalidParameter for an unknown row group or column, kTypeMismatch/kNotSupported for
  /// predicates that do not fit their column, and read errors.
  Result<std::unique_ptr<RowGroupScanner>> ScanRowGroup(int row_group,
                                                        const ParquetScanOptions& options) const;

  /// The first and last byte + 1 of a column chunk's pages, validated against the file.
  Result<std::pair<int64_t, int64_t>> ColumnChunkRange(int row_group, int leaf) const;
  /// "file 'x.parquet', column 'a.b', row group 2" for messages.
  std::string Context(int row_group, int leaf) const;
  const std::shared_ptr<RandomAccessFile>& file() const { return file_; }

 private:
  ParquetReader() = default;
  Result<void> ParseFooter();
  Result<std::shared_ptr<Buffer>> ReadRange(int64_t offset, int64_t length,
                                            std::string_view what) const;

  std::shared_ptr<RandomAccessFile> file_;
  ParquetReaderOptions options_;
  FileMetaData metadata_;
  ParquetSchema schema_;
  int64_t num_rows_ = 0;
  int64_t data_end_ = 0;  // where the footer starts
  std::vector<int64_t> row_group_first_rows_;
};

}  // namespace switchboard::parquet
