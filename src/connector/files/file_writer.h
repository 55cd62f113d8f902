// TableFileWriter: rows of a table written to one Parquet, CSV or NDJSON file (COPY ... TO),
// with values rendered as the text formats need them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/data_chunk.h"

namespace switchboard {

enum class FileFormat : uint8_t { kParquet, kCsv, kJson };

/// "parquet", "csv", "json" (also "ndjson", "jsonl"). Errors: kInvalidParameter.
Result<FileFormat> ParseFileFormat(std::string_view name);
/// The format a file name's extension suggests (.parquet, .csv/.tsv/.txt, .json/.ndjson/.jsonl,
/// also under .gz/.zst); nullopt when it suggests none.
std::optional<FileFormat> FileFormatFromPath(std::string_view path);
/// ".parquet", ".csv", ".json".
std::string_view FileFormatExtension(FileFormat format);

struct FileWriteOptions {
  FileFormat format = FileFormat::kParquet;
  /// Parquet: snappy (default), zstd, gzip, lz4_raw (lz4), brotli, none (uncompressed).
  /// CSV and JSON: none (default), gzip, zstd.
  std::string compression;
  int compression_level = 0;
  int64_t row_group_size = 122880;
  int64_t row_group_size_bytes = int64_t{128} << 20;
  // CSV.
  bool header = true;
  char delimiter = ',';
  char quote = '"';
  char escape = '"';
  std::string null_string;
  // JSON: one array instead of one object per line.
  bool json_array = false;
};

/// Checks `options` (codec names for the format) before any file is written.
Result<void> ValidateFileWriteOptions(const FileWriteOptions& options);

/// Writes one file; nothing appears at the path until Close succeeds (a writer destroyed
/// before that leaves nothing behind). Not thread-safe. Errors: kIoError from storage,
/// kNotSupported for types a format cannot hold, kInvalidParameter for bad options.
class TableFileWriter {
 public:
  static Result<std::unique_ptr<TableFileWriter>> Open(const std::string& path, std::vector<std::string> names,
                                                       std::vector<LogicalType> types, const FileWriteOptions& options);
  virtual ~TableFileWriter() = default;

  /// Appends the rows of `chunk` (columns as `types`, any vector kind).
  virtual Result<void> Write(const DataChunk& chunk) = 0;
  /// Finishes and publishes the file.
  virtual Result<void> Close() = 0;

  /// Bytes written so far (an estimate before Close for Parquet).
  virtual int64_t bytes_written() const = 0;
  int64_t rows_written() const { return rows_; }
  const std::string& path() const { return path_; }

 protected:
  std::string path_;
  int64_t rows_ = 0;
};

}  // namespace switchboard
