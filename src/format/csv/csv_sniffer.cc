// CSV dialect, header and type detection over a sample.
#include "format/csv/csv_sniffer.h"

#include <map>
#include <unordered_set>

#include "common/string_util.h"
#include "format/text/text_type.h"

namespace switchboard {

namespace {

constexpr size_t kDialectRows = 2000;

struct SampleRows {
  // Field texts of each row (escapes removed), and whether each field is NULL.
  std::vector<std::vector<std::string>> values;
  std::vector<std::vector<bool>> nulls;
  bool malformed = false;
  bool quotes_used = false;   // some field was quoted
  bool escapes_used = false;  // some field held an escape sequence
};

// Parses up to `max_rows` rows of `sample` with `dialect`.
SampleRows ParseSample(std::string_view sample, bool complete, const CsvDialect& dialect, int64_t skip_rows,
                       size_t max_rows, const std::vector<std::string>& null_strings) {
  SampleRows rows;
  CsvRowParser parser(dialect);
  std::vector<CsvFieldSpan> fields;
  size_t pos = 0;
  int64_t newlines = 0;
  for (int64_t i = 0; i < skip_rows; ++i) pos = CsvRowParser::SkipLine(sample.data(), sample.size(), pos, newlines);
  std::string scratch;
  while (pos < sample.size() && rows.values.size() < max_rows) {
    std::string_view problem;
    CsvParseStatus status = parser.ParseRow(sample.data(), sample.size(), pos, complete, fields, newlines, problem);
    if (status == CsvParseStatus::kNeedMore) break;
    if (status == CsvParseStatus::kMalformed) {
      rows.malformed = true;
      break;
    }
    if (fields.size() == 1 && fields[0].size == 0 && fields[0].flags == 0) continue;  // blank line
    std::vector<std::string> values;
    std::vector<bool> nulls;
    for (const CsvFieldSpan& field : fields) {
      rows.quotes_used = rows.quotes_used || (field.flags & CsvFieldSpan::kQuoted);
      rows.escapes_used = rows.escapes_used || (field.flags & CsvFieldSpan::kEscaped);
      std::string text;
      if (field.flags & CsvFieldSpan::kEscaped) {
        text.resize(field.size);
        text.resize(parser.Unescape(sample.data(), field, text.data()));
      } else {
        text.assign(sample.data() + field.begin, field.size);
      }
      bool is_null = false;
      if (!(field.flags & CsvFieldSpan::kQuoted)) {
        for (const auto& null : null_strings) is_null = is_null || text == null;
      }
      values.push_back(std::move(text));
      nulls.push_back(is_null);
    }
    rows.values.push_back(std::move(values));
    rows.nulls.push_back(std::move(nulls));
  }
  return rows;
}

// The most common field count and how many rows have it.
std::pair<size_t, size_t> ModalWidth(const SampleRows& rows) {
  std::map<size_t, size_t> counts;
  for (const auto& row : rows.values) ++counts[row.size()];
  std::pair<size_t, size_t> best{0, 0};
  for (auto [width, count] : counts) {
    if (count > best.second || (count == best.second && width > best.first)) best = {width, count};
  }
  return best;
}

}  // namespace

Result<CsvSniffResult> SniffCsv(std::string_view path, std::string_view sample, bool complete,
                                const CsvSniffOptions& options) {
  // Candidates in order of preference; a later one must rank strictly higher to win. A quote
  // or escape character other than the first choice counts only where the sample uses it, so
  // that a file broken under '"' is reported rather than read without quoting.
  std::vector<char> delimiters = options.delimiter ? std::vector<char>{*options.delimiter}
                                                   : std::vector<char>{',', '|', ';', '\t'};
  std::vector<char> quotes = options.quote ? std::vector<char>{*options.quote} : std::vector<char>{'"', '\''};
  struct Rank {
    bool splits;        // more than one field per row
    bool clean;         // no quoted field left open
    double consistent;  // share of rows with the modal width
    size_t cells;       // modal width times its rows
    bool operator>(const Rank& o) const {
      if (splits != o.splits) return splits;
      if (clean != o.clean) return clean;
      if (consistent != o.consistent) return consistent > o.consistent;
      return cells > o.cells;
    }
  };
  CsvDialect best_dialect;
  Rank best_rank{};
  size_t best_width = 0;
  bool found = false;
  for (char delimiter : delimiters) {
    for (size_t q = 0; q < quotes.size(); ++q) {
      char quote = quotes[q];
      std::vector<char> escapes = options.escape ? std::vector<char>{*options.escape}
                                                 : std::vector<char>{quote, '\\'};
      for (size_t e = 0; e < escapes.size(); ++e) {
        char escape = escapes[e];
        if (quote == delimiter || (escape == delimiter && escape != '\0')) continue;
        CsvDialect dialect{delimiter, quote, escape};
        SampleRows rows = ParseSample(sample, complete, dialect, options.skip_rows, kDialectRows, options.null_strings);
        if ((q > 0 && !rows.quotes_used) || (e > 0 && !rows.escapes_used)) continue;
        auto [width, count] = ModalWidth(rows);
        Rank rank{width > 1, !rows.malformed,
                  rows.values.empty() ? 0.0 : static_cast<double>(count) / static_cast<double>(rows.values.size()),
                  width * count};
        if (!found || rank > best_rank) {
          found = true;
          best_rank = rank;
          best_width = width;
          best_dialect = dialect;
        }
      }
    }
  }
  if (!found) {
    return Error{ErrorCode::kInvalidParameter, fmt::format("'{}': no CSV dialect to try (delimiter equals quote?)", path)};
  }
  CsvSniffResult result;
  result.dialect = best_dialect;
  SampleRows rows = ParseSample(sample, complete, best_dialect, options.skip_rows,
                                static_cast<size_t>(options.sample_rows) + 1, options.null_strings);
  size_t width = best_width;
  if (rows.values.empty()) width = std::max<size_t>(width, 1);

  // Types of the rows after the first, to tell whether the first is a header.
  std::vector<TextTypeCandidates> after_first(width);
  for (size_t r = 1; r < rows.values.size(); ++r) {
    if (rows.values[r].size() != width) continue;
    for (size_t c = 0; c < width; ++c) {
      if (!rows.nulls[r][c]) after_first[c].Add(rows.values[r][c]);
    }
  }
  if (options.header) {
    result.header = *options.header;
  } else if (rows.values.empty() || rows.values[0].size() != width) {
    result.header = false;
  } else {
    const auto& first = rows.values[0];
    bool mismatch = false, all_varchar = true;
    for (size_t c = 0; c < width; ++c) {
      LogicalType type = after_first[c].Best();
      if (type.id() == TypeId::kVarchar) continue;
      all_varchar = false;
      if (rows.nulls[0][c] || !TextTypeCandidates::Fits(first[c], type)) mismatch = true;
    }
    if (!all_varchar) {
      result.header = mismatch;
    } else {
      // Only text: a header when its names are all present, distinct and not values of a type.
      std::unordered_set<std::string> seen;
      bool names = true;
      for (size_t c = 0; c < width; ++c) {
        TextTypeCandidates one;
        one.Add(first[c]);
        names = names && !rows.nulls[0][c] && !first[c].empty() && seen.insert(first[c]).second &&
                one.Best().id() == TypeId::kVarchar;
      }
      result.header = names;
    }
  }
  std::vector<TextTypeCandidates> candidates(width);
  for (size_t r = result.header ? 1 : 0; r < rows.values.size(); ++r) {
    if (rows.values[r].size() != width) continue;
    for (size_t c = 0; c < width; ++c) {
      if (!rows.nulls[r][c]) candidates[c].Add(rows.values[r][c]);
    }
  }
  std::unordered_set<std::string> used;
  for (size_t c = 0; c < width; ++c) {
    std::string name = result.header && !rows.values.empty() && c < rows.values[0].size() ? rows.values[0][c] : "";
    if (name.empty()) name = fmt::format("column{}", c);
    std::string unique = name;
    for (int n = 1; !used.insert(ToLower(unique)).second; ++n) unique = fmt::format("{}_{}", name, n);
    result.names.push_back(unique);
    result.types.push_back(candidates[c].Best());
  }
  return result;
}

}  // namespace switchboard
