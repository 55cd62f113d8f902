// TestRecord: one record of a sqllogictest file (a statement, a query or a control command), as
// the parser reads it and the runner executes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace switchboard {

enum class RecordKind : uint8_t {
  kStatement,      // statement ok|error|maybe
  kQuery,          // query <types> [sort mode] [label]
  kHashThreshold,  // hash-threshold N
  kHalt,           // halt: stop running the file
  kRequire,        // require <extension>: skip the rest of the file unless it is built in
  kModeSkip,       // mode skip: skip records until mode unskip
  kModeUnskip,     // mode unskip
};

enum class StatementExpectation : uint8_t {
  kOk,     // must succeed
  kError,  // must fail (with `expected_error` in its message, when given)
  kMaybe,  // may succeed, or fail with `expected_error` in its message
};

/// How a query's rows are ordered before they are compared (and hashed).
enum class SortMode : uint8_t {
  kNoSort,     // as the engine returned them
  kRowSort,    // rows sorted by their rendered values, column by column, as byte strings
  kValueSort,  // all values sorted individually as byte strings
};

/// `skipif <engine>` (only_if = false) or `onlyif <engine>` (only_if = true).
struct RecordCondition {
  bool only_if = false;
  std::string engine;
};

/// One record. Which fields are meaningful depends on `kind`; the others keep their defaults.
struct TestRecord {
  RecordKind kind = RecordKind::kStatement;
  /// 1-based line of the `statement`/`query`/command line (not of its conditions): what failure
  /// messages and the expected-failures list refer to.
  int line = 0;
  std::vector<RecordCondition> conditions;
  /// True for records produced by expanding `loop`/`foreach` (they share their source lines).
  bool in_loop = false;

  /// kStatement, kQuery: the SQL text (lines joined with '\n').
  std::string sql;

  /// kStatement.
  StatementExpectation expectation = StatementExpectation::kOk;
  /// kStatement error|maybe: the text the error message must contain (empty: any error). Comes
  /// from the rest of the `statement error` line, or from DuckDB-style lines after `----`.
  std::string expected_error;

  /// kQuery: one type letter per result column (I integer, R floating point, T text, ...).
  std::string column_types;
  SortMode sort_mode = SortMode::kNoSort;
  /// kQuery: records sharing a label must produce the same result hash.
  std::string label;
  /// kQuery: whether a `----` line was present; the lines after it up to a blank line.
  bool has_results_block = false;
  std::vector<std::string> expected_lines;
  /// kQuery: 0-based line indexes of the expected results: [results_begin, results_end). Without
  /// a `----` line both are the index where the block would be inserted. For --complete.
  int results_begin = 0;
  int results_end = 0;

  /// kHashThreshold: the threshold; kRequire: the extension name.
  int64_t threshold = 0;
  std::string argument;
};

}  // namespace switchboard
