// TestFileParser: reads a sqllogictest file (SQLite's format with DuckDB's additions) into records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "main/sqllogictest/test_record.h"

namespace switchboard {

/// A parsed file: its lines (without line terminators) and its records in file order, with
/// `loop`/`foreach` bodies already expanded.
struct TestFile {
  std::vector<std::string> lines;
  std::vector<TestRecord> records;
};

/// Syntax, one record per paragraph (records end at a blank line):
///   skipif|onlyif <engine> [# comment]          zero or more, before a record
///   statement ok|error|maybe [expected error]   then SQL; DuckDB form: `----` and the error text
///   query <types> [nosort|rowsort|valuesort] [label]   then SQL, `----`, the expected results
///   hash-threshold <n> | halt | require <extension> | mode skip|unskip
///   loop <var> <start> <end> | foreach <var> <value>... | endloop   (bodies use ${var})
/// Lines starting with `#` are comments (DuckDB's `# name:` headers included). CRLF line ends are
/// accepted. Stateless.
class TestFileParser {
 public:
  /// Fails with kSyntaxError ("line N: ...") on an unknown command or a malformed record.
  static Result<TestFile> Parse(std::string_view text);

  /// Splits text into lines, dropping '\n' and a '\r' before it; a final line terminator does not
  /// start another line.
  static std::vector<std::string> SplitLines(std::string_view text);
};

}  // namespace switchboard
