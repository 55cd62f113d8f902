// CsvWriter: rows of text columns written as CSV (RFC 4180 quoting), the format COPY ... TO
// (FORMAT csv) produces and the command line prints.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "format/csv/csv_parser.h"
#include "fs/file_system.h"
#include "types/data_chunk.h"

namespace switchboard {

struct CsvWriteOptions {
  CsvDialect dialect;
  bool header = true;
  /// How NULL is written (unquoted). With the default empty string, an empty value is written
  /// quoted ("") so that the two read back apart.
  std::string null_string;
  /// Quote every non-NULL field.
  bool quote_all = false;
};

/// Appends `text` as one field: quoted when it holds the delimiter, the quote or escape
/// character, a line break, or equals the NULL text, with quotes escaped (doubled for RFC 4180).
void AppendCsvField(std::string& out, std::string_view text, const CsvWriteOptions& options);

/// Writes a header and rows to a file. Not thread-safe. Errors: kIoError from the file.
class CsvWriter {
 public:
  CsvWriter(std::unique_ptr<WritableFile> file, std::vector<std::string> names, CsvWriteOptions options);

  /// Appends the rows of `chunk`, whose columns are VARCHAR (any vector kind).
  Result<void> Write(const DataChunk& chunk);
  /// Writes what is buffered and publishes the file (a file of only a header when no rows came).
  Result<void> Close();

  int64_t rows_written() const { return rows_; }
  /// Bytes written so far (before compression, when the file compresses).
  int64_t bytes_written() const { return file_->position() + static_cast<int64_t>(buffer_.size()); }

 private:
  Result<void> Flush();

  std::unique_ptr<WritableFile> file_;
  std::vector<std::string> names_;
  CsvWriteOptions options_;
  std::string buffer_;
  bool header_written_ = false;
  int64_t rows_ = 0;
};

}  // namespace switchboard
