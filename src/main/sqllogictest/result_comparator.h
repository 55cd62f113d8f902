// ResultComparator: checks a query's result against the expected block of its sqllogictest record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "main/sqllogictest/test_record.h"
#include "main/sqllogictest/value_rendering.h"
#include "types/value.h"

namespace switchboard {

/// The outcome of comparing one result with its record.
struct QueryComparison {
  bool matches = false;
  /// Whether the result has as many columns as the record has type letters (when not, nothing
  /// else was compared).
  bool columns_match = false;
  /// Why not: a headline, then the expected and actual results (abbreviated); empty on a match.
  std::string message;
  /// The actual values, rendered and sorted as the record asks, row after row.
  std::vector<std::string> values;
  /// MD5 of `values`, each followed by "\n" (what labels and hashed blocks compare).
  std::string hash;
};

/// Reads a query record's expected block once and compares results with it.
///
/// The block is either one line `N values hashing to <md5>`, or the values: one per line (SQLite's
/// corpus), or one row per line with tab-separated values (DuckDB's files; recognized by a tab in
/// any line when the query has more than one column).
///
/// R values are written with three decimals (RealFormat::kFixed3) unless the block holds, where an
/// R value stands, a number not in that form; then they are written in full (RealFormat::kFull)
/// and compared numerically (RealTextsMatch). In valuesort records, where positions are unknown,
/// any fractional number not in three-decimal form counts. T values (all values of a valuesort
/// record with a T column) are compared after NormalizeTemporalText on both sides. The type
/// letters are not checked against the result's types; their number is checked against its
/// columns.
///
/// Holds a reference to the record, which must outlive it.
class ResultComparator {
 public:
  explicit ResultComparator(const TestRecord& record);

  RealFormat real_format() const { return real_format_; }

  /// Compares a result of `column_count` columns and `rows` (row-major) with the block.
  QueryComparison Compare(size_t column_count, const std::vector<std::vector<Value>>& rows) const;

  /// The expected block `values` (from Compare) is written as by --complete: hashed when there
  /// are more than `hash_threshold` values (0: never), else in the record's layout (tab-separated
  /// rows for a record that had no block).
  std::vector<std::string> ExpectedBlock(const std::vector<std::string>& values,
                                         int64_t hash_threshold) const;

  /// The line for a hashed block: "N values hashing to <md5>".
  static std::string HashLine(size_t value_count, const std::string& hash);

 private:
  char Letter(size_t index) const;
  bool NormalizesValue(size_t index) const;
  bool ComparesNumerically(size_t index) const;
  RealFormat ChooseRealFormat() const;
  /// Sorts row-major `values` of `columns_` columns as the sort mode asks.
  void Sort(std::vector<std::string>& values) const;
  std::string Mismatch(std::string headline, const std::vector<std::string>& actual) const;
  std::string Describe(const std::vector<std::string>& values) const;

  const TestRecord& record_;
  size_t columns_;
  bool has_real_column_;
  bool has_text_column_;
  bool hashed_ = false;
  size_t hashed_count_ = 0;
  std::string expected_hash_;
  bool row_layout_ = false;
  /// The expected values, row-major, in file order.
  std::vector<std::string> expected_values_;
  RealFormat real_format_;
};

}  // namespace switchboard
