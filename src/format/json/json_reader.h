// JsonReader: reads newline-delimited JSON (NDJSON, also concatenated values) or one JSON array
// of values into batches of typed vectors with simdjson, against a schema.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/text/text_stream.h"
#include "types/data_chunk.h"

namespace switchboard {

class Buffer;

/// How the values of a file are laid out.
enum class JsonFormat : uint8_t {
  kAuto,              // an array when the file is one array of values, else newline-delimited
  kNewlineDelimited,  // values one after another: one per line, or pretty-printed when the
                      // first value spans lines
  kArray,             // one top-level array whose elements are the values
};

/// "auto", "newline_delimited" (also "ndjson", "jsonl", "nd"), "array".
Result<JsonFormat> ParseJsonFormat(std::string_view name);

struct JsonReadOptions {
  JsonFormat format = JsonFormat::kAuto;
  /// The table's columns. With `records`, each value must be an object and column i takes the
  /// value of key names[i] (exact match first, then ignoring case; absent keys are NULL). Without
  /// it there is one column, which takes each whole value.
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  bool records = true;
  /// Per column: the output column of the batch, or -1 to skip it. Empty: column i goes to i.
  std::vector<int> projection;
  /// Longest value accepted (bytes).
  size_t maximum_object_size = size_t{16} << 20;
  /// Values that are not valid JSON or do not convert to their column's type are skipped (and
  /// counted) instead of failing the read.
  bool ignore_errors = false;
};

/// Converts JSON values to the types of the engine. Supported column types: BOOLEAN, the
/// integers, REAL, DOUBLE, DECIMAL, VARCHAR (strings as they are, other values as JSON text),
/// JSON, DATE, TIME, TIMESTAMP[ WITH TIME ZONE] (from ISO 8601 strings), ARRAY, MAP with
/// VARCHAR keys, ROW (objects by field name); numbers written as strings convert to numbers.
bool JsonReaderSupportsType(const LogicalType& type);

/// Reads one file. Not thread-safe. Every error names the file and the line where the value
/// starts: kCorruptData for text that is not JSON, kInvalidCast for a value of the wrong kind.
class JsonReader {
 public:
  static Result<std::unique_ptr<JsonReader>> Open(const std::string& path,
                                                  StreamCompression compression,
                                                  JsonReadOptions options);
  ~JsonReader();

  /// Fills `chunk` (one vector per output column, of the column's type) with up to kVectorSize
  /// rows; lines[i] is the line where row i starts. Returns the row count, 0 at the end.
  Result<idx_t> ReadBatch(DataChunk& chunk, int64_t* lines);

  /// The next value's text (for sampling), its line, or false at the end.
  Result<bool> NextValue(std::string_view& text, int64_t& line);

  /// The layout found (kAuto resolved once the first value was read).
  JsonFormat format() const { return format_; }
  int64_t rows_rejected() const { return rows_rejected_; }
  int64_t bytes_read() const;
  const std::string& path() const { return path_; }

 private:
  struct Impl;
  JsonReader(std::string path, JsonReadOptions options);
  Result<bool> Refill();

  std::string path_;
  JsonReadOptions options_;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<SequentialReader> stream_;
  bool source_done_ = false;
  std::shared_ptr<Buffer> buffer_;
  size_t filled_ = 0;
  size_t pos_ = 0;
  int64_t line_ = 1;
  JsonFormat format_;
  bool started_ = false;   // past the opening '[' of an array
  bool finished_ = false;  // past the closing ']' or the end
  /// Newline-delimited files: whether each line holds one value (decided by the first value).
  std::optional<bool> one_value_per_line_;
  int64_t rows_rejected_ = 0;
};

}  // namespace switchboard
