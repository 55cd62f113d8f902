// CSV dialect and schema detection: which delimiter, quote and escape a file uses, whether it
// has a header, and the column types its first rows suggest.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "format/csv/csv_parser.h"
#include "types/logical_type.h"

namespace switchboard {

/// What the caller already knows; the rest is detected.
struct CsvSniffOptions {
  std::optional<char> delimiter;
  std::optional<char> quote;
  std::optional<char> escape;
  std::optional<bool> header;
  /// Lines to skip before the header or the first row.
  int64_t skip_rows = 0;
  std::vector<std::string> null_strings = {""};
  /// Rows (after the header) whose values decide the types.
  int64_t sample_rows = 20480;
};

struct CsvSniffResult {
  CsvDialect dialect;
  bool header = false;
  /// From the header (empty names become column<i>, duplicates get _<n>), else column0, ...
  std::vector<std::string> names;
  /// Inferred from the sample (see TextTypeCandidates); VARCHAR for columns without values.
  std::vector<LogicalType> types;
};

/// Detects the dialect, header and types from `sample`, the first bytes of the file's content
/// (`complete` when it is the whole file; otherwise its last, partial row is ignored).
/// Errors: kCorruptData (naming `path`) when no dialect parses the sample.
Result<CsvSniffResult> SniffCsv(std::string_view path, std::string_view sample, bool complete,
                                const CsvSniffOptions& options);

}  // namespace switchboard
