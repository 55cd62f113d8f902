// CsvDialect and CsvRowParser: how a CSV file is written (delimiter, quoting, escaping) and the
// state machine that splits bytes into rows and fields under RFC 4180 rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard {

/// How fields are written. Lines end in "\n", "\r\n" or "\r".
struct CsvDialect {
  char delimiter = ',';
  /// '\0' when fields are never quoted.
  char quote = '"';
  /// Inside quotes, the escape character makes the next character literal; when it equals
  /// `quote`, a doubled quote stands for one (RFC 4180). Outside quotes, an escape character
  /// other than `quote` escapes the next character too (Hive's ESCAPED BY). '\0' for none.
  char escape = '"';

  bool operator==(const CsvDialect& other) const = default;
  /// "delimiter ',' quote '\"' escape '\"'", for messages and EXPLAIN.
  std::string ToString() const;
};

/// One field of a parsed row: bytes [begin, begin + size) of the buffer, quotes removed.
struct CsvFieldSpan {
  static constexpr uint8_t kQuoted = 1;
  static constexpr uint8_t kEscaped = 2;  // holds escape sequences to remove (CsvUnescape)

  uint32_t begin;
  uint32_t size;
  uint8_t flags;
};

enum class CsvParseStatus : uint8_t {
  kRow,        // a complete row
  kNeedMore,   // the row continues past the end of the data given
  kMalformed,  // a quoting error; `problem` says which
};

/// Splits rows. Stateless between rows, so it can start at any row boundary; cheap to copy.
class CsvRowParser {
 public:
  explicit CsvRowParser(const CsvDialect& dialect);

  const CsvDialect& dialect() const { return dialect_; }

  /// Parses the row starting at data[pos] (data holds `size` bytes, at most 4 GiB; `at_end` when
  /// nothing follows them). On kRow, `fields` holds the row's fields, `pos` is past its line
  /// ending and `newlines` counts the '\n' and lone '\r' line breaks consumed (inside quoted
  /// fields too). On kNeedMore and kMalformed, `pos` is unchanged.
  CsvParseStatus ParseRow(const char* data, size_t size, size_t& pos, bool at_end,
                          std::vector<CsvFieldSpan>& fields, int64_t& newlines,
                          std::string_view& problem) const;

  /// Position just past the next line break at or after `pos` (ignoring quotes), or `size`.
  static size_t SkipLine(const char* data, size_t size, size_t pos, int64_t& newlines);

  /// The text of an escaped field with its escape sequences removed, written to `out` (room
  /// for field.size bytes); returns its size.
  size_t Unescape(const char* data, const CsvFieldSpan& field, char* out) const;

 private:
  CsvDialect dialect_;
  bool escape_outside_quotes_;
  uint8_t special_[256];  // bytes that end an unquoted run: delimiter, line breaks, escape
};

}  // namespace switchboard
