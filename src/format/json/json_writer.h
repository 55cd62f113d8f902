// NdjsonWriter: rows written as newline-delimited JSON objects, from columns already rendered as
// JSON text (COPY ... TO (FORMAT json)).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "fs/file_system.h"
#include "types/data_chunk.h"

namespace switchboard {

/// Writes one object per line, keys in column order. With `array`, the objects are the
/// elements of one JSON array instead ("[\n{...},\n{...}\n]"). Not thread-safe. Errors: kIoError
/// from the file.
class NdjsonWriter {
 public:
  NdjsonWriter(std::unique_ptr<WritableFile> file, const std::vector<std::string>& names, bool array = false);

  /// Appends the rows of `chunk`, whose columns hold each value's JSON text (VARCHAR or JSON,
  /// any vector kind); NULL is written as null.
  Result<void> Write(const DataChunk& chunk);
  Result<void> Close();

  int64_t rows_written() const { return rows_; }
  int64_t bytes_written() const { return file_->position() + static_cast<int64_t>(buffer_.size()); }

 private:
  std::unique_ptr<WritableFile> file_;
  std::vector<std::string> keys_;  // `"name":` per column
  bool array_;
  std::string buffer_;
  int64_t rows_ = 0;
};

}  // namespace switchboard
