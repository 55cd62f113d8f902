// CsvReader: reads the rows of one CSV file (or of one byte range of it) into batches of VARCHAR
// vectors, one per projected column, with the line number of every row.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/csv/csv_parser.h"
#include "format/text/text_stream.h"
#include "types/data_chunk.h"

namespace switchboard {

class Buffer;

struct CsvReadOptions {
  CsvDialect dialect;
  /// Fields every row must have.
  idx_t columns = 0;
  /// Per field of the file: the output column it goes to, or -1 to skip it. Empty: field i
  /// goes to column i.
  std::vector<int> projection;
  /// Unquoted fields equal to one of these are NULL (quoted fields never are).
  std::vector<std::string> null_strings = {""};
  /// Rows with a wrong number of fields or broken quoting are skipped (and counted) instead of
  /// failing the read.
  bool ignore_errors = false;
  /// Rows with too few fields get NULLs for the missing ones.
  bool null_padding = false;
  /// Longest row accepted (bytes), so that a file without line breaks cannot take unbounded
  /// memory.
  size_t max_line_size = size_t{32} << 20;
};

/// Reads rows into chunks of VARCHAR vectors whose StringViews point into the reader's buffers
/// (kept alive by the vectors). Not thread-safe; one reader per thread. Every error names the
/// file and the line: kCorruptData for malformed rows, kIoError/kCorruptData from the stream.
class CsvReader {
 public:
  /// The whole file, front to back (decompressing it as `compression` says).
  static Result<std::unique_ptr<CsvReader>> OpenFile(const std::string& path, StreamCompression compression,
                                                     CsvReadOptions options);
  /// The rows that start in bytes [begin, end) of an uncompressed file; `begin` must be the
  /// start of a row, on line `first_line`. The last row may run past `end`.
  static Result<std::unique_ptr<CsvReader>> OpenRange(std::shared_ptr<RandomAccessFile> file, int64_t begin,
                                                      int64_t end, int64_t first_line, CsvReadOptions options);
  ~CsvReader();

  /// Skips `rows` rows (a header), which need not have the expected number of fields.
  Result<void> SkipRows(int64_t rows);
  /// Skips `lines` physical lines, quotes or not (junk before the header).
  Result<void> SkipLines(int64_t lines);

  /// Fills `chunk` (one VARCHAR vector per output column, capacity >= kVectorSize) with up to
  /// kVectorSize rows, and lines[i] with row i's line number (1-based). Returns the row count,
  /// 0 at the end.
  Result<idx_t> ReadBatch(DataChunk& chunk, int64_t* lines);

  /// Range readers: the file offset just past the last row read (valid at the end).
  int64_t end_offset() const { return buffer_offset_ + static_cast<int64_t>(pos_); }
  /// Rows skipped by ignore_errors.
  int64_t rows_rejected() const { return rows_rejected_; }
  /// Bytes read from storage so far.
  int64_t bytes_read() const;
  const std::string& path() const { return path_; }

 private:
  CsvReader(std::string path, CsvReadOptions options);
  // Makes more bytes available after the current row start; false when none are left.
  Result<bool> Refill();
  Result<size_t> ReadSource(char* out, size_t size);
  Error RowError(std::string_view problem, int64_t line) const;
  bool IsNull(std::string_view text) const;

  std::string path_;
  CsvReadOptions options_;
  CsvRowParser parser_;
  std::vector<int> projection_;
  std::vector<CsvFieldSpan> fields_;

  // Source: a stream or a range of a file.
  std::unique_ptr<SequentialReader> stream_;
  std::shared_ptr<RandomAccessFile> file_;
  int64_t file_position_ = 0;
  int64_t range_begin_ = 0;
  int64_t range_end_ = -1;
  bool source_done_ = false;

  std::shared_ptr<Buffer> buffer_;
  int64_t buffer_offset_ = 0;  // file offset of buffer_[0] (range readers)
  size_t filled_ = 0;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t rows_rejected_ = 0;
  bool finished_ = false;
};

}  // namespace switchboard
