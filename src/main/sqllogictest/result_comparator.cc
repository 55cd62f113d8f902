// Comparison of query results with expected blocks: layouts, sorting, hashing, diagnostics.
#include "main/sqllogictest/result_comparator.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <regex>

#include "common/string_util.h"
#include "main/sqllogictest/md5.h"

namespace switchboard {

namespace {

/// DuckDB's pattern values: `<REGEX>:pattern` must match the whole value and `<!REGEX>:pattern`
/// must not, with line breaks in the value read as spaces (so `.` spans an EXPLAIN's lines).
/// nullopt when `expected` is not a pattern.
std::optional<bool> PatternMatches(const std::string& expected, const std::string& actual) {
  constexpr std::string_view kMatch = "<REGEX>:";
  constexpr std::string_view kNoMatch = "<!REGEX>:";
  bool negated = StartsWith(expected, kNoMatch);
  if (!negated && !StartsWith(expected, kMatch)) return std::nullopt;
  std::string text = actual;
  std::replace(text.begin(), text.end(), '\n', ' ');
  try {
    std::regex pattern(expected.substr(negated ? kNoMatch.size() : kMatch.size()));
    return std::regex_match(text, pattern) != negated;
  } catch (const std::regex_error&) {
    return false;
  }
}

/// Rows of each side shown in a mismatch message.
constexpr size_t kShownRows = 20;

/// Parses "<count> values hashing to <32 lowercase hex digits>".
bool ParseHashLine(std::string_view line, size_t& count, std::string& hash) {
  constexpr std::string_view kMiddle = " values hashing to ";
  size_t middle = line.find(kMiddle);
  if (middle == std::string_view::npos) return false;
  auto [end, error] = std::from_chars(line.data(), line.data() + middle, count);
  if (error != std::errc() || end != line.data() + middle) return false;
  std::string_view digits = TrimWhitespace(line.substr(middle + kMiddle.size()));
  if (digits.size() != 32) return false;
  for (char c : digits) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  hash = std::string(digits);
  return true;
}

/// The values, each followed by "\n": the text sqllogictest hashes.
std::string HashInput(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) {
    text += value;
    text += '\n';
  }
  return text;
}

}  // namespace

ResultComparator::ResultComparator(const TestRecord& record)
    : record_(record),
      columns_(std::max<size_t>(record.column_types.size(), 1)),
      has_real_column_(record.column_types.find('R') != std::string::npos),
      has_text_column_(record.column_types.find('T') != std::string::npos) {
  const std::vector<std::string>& lines = record.expected_lines;
  if (lines.size() == 1 && ParseHashLine(lines[0], hashed_count_, expected_hash_)) {
    hashed_ = true;
  } else {
    bool has_tab = std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
      return line.find('\t') != std::string::npos;
    });
    row_layout_ = !record.has_results_block || (columns_ > 1 && has_tab);
    if (columns_ > 1 && has_tab) {
      for (const std::string& line : lines) {
        for (std::string& value : Split(line, '\t')) expected_values_.push_back(std::move(value));
      }
    } else {
      expected_values_ = lines;
    }
  }
  real_format_ = ChooseRealFormat();
}

char ResultComparator::Letter(size_t index) const {
  return record_.column_types.empty() ? 'T' : record_.column_types[index % columns_];
}

bool ResultComparator::NormalizesValue(size_t index) const {
  return record_.sort_mode == SortMode::kValueSort ? has_text_column_ : Letter(index) == 'T';
}

bool ResultComparator::ComparesNumerically(size_t index) const {
  if (real_format_ != RealFormat::kFull) return false;
  return record_.sort_mode == SortMode::kValueSort ? has_real_column_ : Letter(index) == 'R';
}

RealFormat ResultComparator::ChooseRealFormat() const {
  if (!has_real_column_ || hashed_) return RealFormat::kFixed3;
  for (size_t i = 0; i < expected_values_.size(); ++i) {
    const std::string& value = expected_values_[i];
    bool real_position = record_.sort_mode == SortMode::kValueSort
                             ? IsFractionalNumber(value)
                             : Letter(i) == 'R' && value != "NULL";
    if (real_position && !IsFixed3(value)) return RealFormat::kFull;
  }
  return RealFormat::kFixed3;
}

void ResultComparator::Sort(std::vector<std::string>& values) const {
  switch (record_.sort_mode) {
    case SortMode::kNoSort:
      return;
    case SortMode::kValueSort:
      std::sort(values.begin(), values.end());
      return;
    case SortMode::kRowSort: {
      std::vector<std::vector<std::string>> rows;
      rows.reserve(values.size() / columns_);
      for (size_t i = 0; i < values.size(); i += columns_) {
        rows.emplace_back(std::make_move_iterator(values.begin() + i),
                          std::make_move_iterator(values.begin() + i + columns_));
      }
      std::sort(rows.begin(), rows.end());
      values.clear();
      for (std::vector<std::string>& row : rows) {
        for (std::string& value : row) values.push_back(std::move(value));
      }
      return;
    }
  }
}

QueryComparison ResultComparator::Compare(size_t column_count,
                                          const std::vector<std::vector<Value>>& rows) const {
  QueryComparison comparison;
  if (column_count != record_.column_types.size()) {
    comparison.message =
        fmt::format("the query declares {} columns ({}), the result has {}",
                    record_.column_types.size(), record_.column_types, column_count);
    return comparison;
  }
  comparison.columns_match = true;
  std::vector<std::string> actual;
  actual.reserve(rows.size() * column_count);
  for (const std::vector<Value>& row : rows) {
    for (size_t column = 0; column < column_count; ++column) {
      actual.push_back(RenderValue(row[column], record_.column_types[column], real_format_));
    }
  }
  // What is compared with a listed block: the values before sorting, normalized below.
  std::vector<std::string> actual_compared;
  if (!hashed_) actual_compared = actual;
  Sort(actual);
  comparison.hash = Md5Hex(HashInput(actual));
  comparison.values = std::move(actual);
  const std::vector<std::string>& shown = comparison.values;

  if (hashed_) {
    comparison.matches = shown.size() == hashed_count_ && comparison.hash == expected_hash_;
    if (!comparison.matches) {
      comparison.message =
          Mismatch(fmt::format("expected {}, got {}", HashLine(hashed_count_, expected_hash_),
                               HashLine(shown.size(), comparison.hash)),
                   shown);
    }
    return comparison;
  }
  if (expected_values_.size() % columns_ != 0) {
    comparison.message =
        fmt::format("the expected block has {} values, not a multiple of {} columns",
                    expected_values_.size(), columns_);
    return comparison;
  }
  std::vector<std::string> expected_compared = expected_values_;
  for (size_t i = 0; i < expected_compared.size(); ++i) {
    if (NormalizesValue(i)) expected_compared[i] = NormalizeTemporalText(expected_compared[i]);
  }
  for (size_t i = 0; i < actual_compared.size(); ++i) {
    if (NormalizesValue(i)) actual_compared[i] = NormalizeTemporalText(actual_compared[i]);
  }
  Sort(expected_compared);
  Sort(actual_compared);

  bool by_value = record_.sort_mode == SortMode::kValueSort;
  if (expected_compared.size() != actual_compared.size()) {
    size_t divisor = by_value ? 1 : columns_;
    comparison.message =
        Mismatch(fmt::format("expected {} {}, got {}", expected_compared.size() / divisor,
                             by_value ? "values" : "rows", actual_compared.size() / divisor),
                 shown);
    return comparison;
  }
  for (size_t i = 0; i < expected_compared.size(); ++i) {
    const std::string& expected = expected_compared[i];
    const std::string& got = actual_compared[i];
    std::optional<bool> pattern = PatternMatches(expected, got);
    bool equal = pattern ? *pattern
                         : ComparesNumerically(i) ? RealTextsMatch(expected, got) : expected == got;
    if (equal) continue;
    std::string where = by_value
                            ? fmt::format("value {}", i + 1)
                            : fmt::format("row {}, column {}", i / columns_ + 1, i % columns_ + 1);
    comparison.message =
        Mismatch(fmt::format("{}: expected \"{}\", got \"{}\"", where, expected, got), shown);
    return comparison;
  }
  comparison.matches = true;
  return comparison;
}

std::string ResultComparator::Mismatch(std::string headline,
                                       const std::vector<std::string>& actual) const {
  std::string expected_text;
  if (hashed_) {
    expected_text = fmt::format("    {}\n", HashLine(hashed_count_, expected_hash_));
  } else {
    std::vector<std::string> expected = expected_values_;
    Sort(expected);
    expected_text = Describe(expected);
  }
  return fmt::format("{}\nexpected{}:\n{}actual:\n{}", headline,
                     record_.sort_mode == SortMode::kNoSort ? "" : " (sorted)", expected_text,
                     Describe(actual));
}

std::string ResultComparator::Describe(const std::vector<std::string>& values) const {
  size_t per_line = record_.sort_mode == SortMode::kValueSort ? 1 : columns_;
  size_t lines = (values.size() + per_line - 1) / per_line;
  std::string text;
  for (size_t line = 0; line < std::min(lines, kShownRows); ++line) {
    text += "    ";
    for (size_t i = line * per_line; i < std::min(values.size(), (line + 1) * per_line); ++i) {
      if (i > line * per_line) text += '\t';
      text += values[i];
    }
    text += '\n';
  }
  if (lines > kShownRows) text += fmt::format("    ... ({} more)\n", lines - kShownRows);
  if (lines == 0) text += "    (no rows)\n";
  return text;
}

std::vector<std::string> ResultComparator::ExpectedBlock(const std::vector<std::string>& values,
                                                         int64_t hash_threshold) const {
  if (hash_threshold > 0 && values.size() > static_cast<size_t>(hash_threshold)) {
    return {HashLine(values.size(), Md5Hex(HashInput(values)))};
  }
  if (!row_layout_) return values;
  std::vector<std::string> lines;
  for (size_t i = 0; i < values.size(); i += columns_) {
    std::vector<std::string> row(values.begin() + i,
                                 values.begin() + std::min(values.size(), i + columns_));
    lines.push_back(Join(row, "\t"));
  }
  return lines;
}

std::string ResultComparator::HashLine(size_t value_count, const std::string& hash) {
  return fmt::format("{} values hashing to {}", value_count, hash);
}

}  // namespace switchboard
