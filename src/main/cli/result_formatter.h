// ResultFormatter: writes query results as text for the command line: an aligned table, CSV, JSON
// or a Markdown table.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "main/query_result.h"

namespace switchboard {

enum class OutputFormat : uint8_t { kTable, kCsv, kJson, kMarkdown };

/// "table", "csv", "json" or "markdown" (case-insensitive); nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
std::string_view OutputFormatName(OutputFormat format);

/// Values are written as Value::ToString() (Trino's CAST(x AS VARCHAR) text) unless a format says
/// otherwise. A result without columns (DDL and other statements with nothing to show) writes
/// nothing in every format; a result with columns and no rows writes its header (`[]` in JSON).
///
/// - table: a `+---+` border, a header row, one line per row; NULL as `NULL`; numeric columns
///   right-aligned; widths count UTF-8 code points; newlines, tabs and carriage returns in values
///   are shown as `\n`, `\t`, `\r` so that each row stays on one line.
/// - csv: a header row, then rows, lines ending in "\n"; RFC 4180 quoting (fields with `,`, `"`,
///   CR or LF are quoted, `"` doubled); NULL as an empty unquoted field, the empty string as `""`.
/// - json: an array of objects keyed by column name, one per line; integers, decimals and finite
///   floating-point numbers unquoted, booleans as true/false, NULL as null, ARRAY as an array,
///   MAP and ROW as objects (MAP keys as their text, unnamed ROW fields as `field<i>`), everything
///   else (NaN and infinities included) as strings.
/// - markdown: a pipe table with `---:` under numeric columns; `|` escaped as `\|`, newlines as
///   `<br>`.
///
/// Stateless and thread-compatible.
class ResultFormatter {
 public:
  explicit ResultFormatter(OutputFormat format) : format_(format) {}

  OutputFormat format() const { return format_; }

  void Write(const QueryResult& result, std::ostream& out) const;

  /// The `--timer` line for a statement that took `milliseconds`: "Run Time: 1.234 ms".
  static std::string RunTimeLine(double milliseconds);

 private:
  void WriteGrid(const QueryResult& result, std::ostream& out) const;
  void WriteCsv(const QueryResult& result, std::ostream& out) const;
  void WriteJson(const QueryResult& result, std::ostream& out) const;

  OutputFormat format_;
};

}  // namespace switchboard
