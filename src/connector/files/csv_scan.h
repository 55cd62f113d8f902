// read_csv and the CSV scan that external tables (STORED AS TEXTFILE) share with it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "connector/files/file_list.h"
#include "format/text/text_stream.h"
#include "function/function.h"

namespace switchboard {

class QueryContext;

/// What a CSV scan is told; unset dialect parts and the header are detected from the first file.
struct CsvScanSettings {
  std::optional<char> delimiter;
  std::optional<char> quote;
  std::optional<char> escape;
  std::optional<bool> header;
  /// Columns declared by position (names and types): no type inference.
  std::vector<std::pair<std::string, LogicalType>> declared;
  /// Types for some detected columns, by name or by position; new names for the first columns.
  std::vector<std::pair<std::string, LogicalType>> type_overrides;
  std::vector<LogicalType> positional_types;
  std::vector<std::string> names;
  std::vector<std::string> null_strings = {""};
  StreamCompression compression = StreamCompression::kAuto;
  int64_t skip_lines = 0;
  int64_t sample_rows = 20480;
  size_t max_line_size = size_t{32} << 20;
  bool auto_detect = true;
  bool all_varchar = false;
  bool ignore_errors = false;
  bool null_padding = false;
  bool parallel = true;
  bool union_by_name = false;
  bool filename = false;
};

/// Binds a CSV scan of `files` (which may be empty when `settings.declared` is set: a table
/// without files yet). The bound schema: file columns, then partition columns, then filename.
/// Throws on unreadable files and options that contradict the files.
TableFunctionBindResult BindCsvFiles(FileList files, CsvScanSettings settings, const QueryContext* query);

}  // namespace switchboard
