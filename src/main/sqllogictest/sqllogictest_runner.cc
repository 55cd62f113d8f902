// Running sqllogictest files: record dispatch, statement and query checks, deviations, --complete.
#include "main/sqllogictest/sqllogictest_runner.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "common/string_util.h"
#include "main/connection.h"
#include "main/database.h"
#include "main/sqllogictest/crash_reporter.h"
#include "main/sqllogictest/result_comparator.h"
#include "main/sqllogictest/test_file_parser.h"

namespace switchboard {

namespace {

/// Lines of SQL shown under a failure's headline.
constexpr size_t kShownSqlLines = 12;

bool IsRunnable(const TestRecord& record) {
  return record.kind == RecordKind::kStatement || record.kind == RecordKind::kQuery;
}

/// Whether the record's skipif/onlyif conditions let this engine run it.
bool ConditionsAllow(const TestRecord& record) {
  for (const RecordCondition& condition : record.conditions) {
    bool names_us = EqualsIgnoreCase(condition.engine, SqlLogicTestRunner::kEngineName);
    if (condition.only_if != names_us) return false;
  }
  return true;
}

bool RegexSearch(const std::string& pattern, const std::string& text) {
  try {
    return std::regex_search(text, std::regex(pattern));
  } catch (const std::regex_error&) {
    return false;
  }
}

/// Whether an error matches the expected text: `<REGEX>:pattern` (DuckDB) is searched as an
/// ECMAScript regex; other text matches when it is part of "[SQLSTATE] message" or, read as a
/// regex (DataFusion writes one after `statement error`), matches part of it.
bool ErrorMatches(const std::string& expected, const Error& error) {
  constexpr std::string_view kRegexPrefix = "<REGEX>:";
  std::string text = error.ToString();
  if (StartsWith(expected, kRegexPrefix)) {
    return RegexSearch(expected.substr(kRegexPrefix.size()), text);
  }
  return text.find(expected) != std::string::npos || RegexSearch(expected, text);
}

std::vector<std::vector<Value>> ResultRows(const QueryResult& result) {
  std::vector<std::vector<Value>> rows(result.RowCount());
  for (idx_t row = 0; row < result.RowCount(); ++row) {
    rows[row].reserve(result.ColumnCount());
    for (idx_t column = 0; column < result.ColumnCount(); ++column) {
      rows[row].push_back(result.GetValue(column, row));
    }
  }
  return rows;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIoError, "cannot read the file"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

/// A record's result: passed, or failed with a message (headline first).
struct SqlLogicTestRunner::Outcome {
  bool passed = true;
  std::string message;

  static Outcome Fail(std::string message) { return Outcome{false, std::move(message)}; }
};

/// The state of one file's run.
struct SqlLogicTestRunner::FileRun {
  std::string path;
  TestFile file;
  std::unique_ptr<Database> database;
  std::unique_ptr<Connection> connection;
  int64_t hash_threshold = 0;
  bool skip_mode = false;
  /// Label -> (hash of the first result with it, that record's line).
  std::map<std::string, std::pair<std::string, int>> label_hashes;
  std::set<int> lines_run;
  /// --complete: records whose results block is replaced, with the new block.
  std::vector<std::pair<const TestRecord*, std::vector<std::string>>> completions;
  /// The folder `__TEST_DIR__` stands for: made on first use, removed with the run.
  std::string test_dir;

  ~FileRun() {
    connection.reset();
    database.reset();
    if (!test_dir.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(test_dir, ignored);
    }
  }

  /// `sql` with `__TEST_DIR__` replaced by the run's own temporary folder.
  std::string Substitute(const std::string& sql) {
    constexpr std::string_view kPlaceholder = "__TEST_DIR__";
    if (sql.find(kPlaceholder) == std::string::npos) return sql;
    if (test_dir.empty()) {
      std::string base = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
      std::string pattern = base + "/sb_sqllogictest_XXXXXX";
      if (::mkdtemp(pattern.data()) != nullptr) test_dir = pattern;
    }
    std::string out;
    size_t from = 0;
    for (size_t at; (at = sql.find(kPlaceholder, from)) != std::string::npos; from = at + kPlaceholder.size()) {
      out.append(sql, from, at - from);
      out += test_dir;
    }
    out.append(sql, from);
    return out;
  }
};

bool SqlLogicTestRunner::IsBuiltInExtension(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kBuiltIn = {"parquet", "json", "icu", "tpch",
                                                               "iceberg"};
  return std::find(kBuiltIn.begin(), kBuiltIn.end(), name) != kBuiltIn.end();
}

SqlLogicTestRunner::SqlLogicTestRunner(SqlLogicTestOptions options, std::ostream& out)
    : options_(options), out_(out) {
  if (options_.report_crashes) crash_reporter_ = std::make_unique<CrashReporter>();
}

SqlLogicTestRunner::~SqlLogicTestRunner() = default;

void SqlLogicTestRunner::RunFile(const std::string& path) {
  FileRun run;
  run.path = path;
  auto fail_file = [&](const Error& error) {
    ++totals_.failed;
    out_ << path << ": " << error.message << "\n" << std::endl;
  };
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return fail_file(text.error());
  Result<TestFile> file = TestFileParser::Parse(*text);
  if (!file.ok()) return fail_file(file.error());
  run.file = std::move(file).value();
  Result<std::unique_ptr<Database>> database = Database::Open(DatabaseOptions{});
  if (!database.ok()) return fail_file(database.error());
  run.database = std::move(database).value();
  run.connection = run.database->Connect();

  RunRecords(run);
  ReportUnusedDeviations(run);
  if (!run.completions.empty()) RewriteExpectedResults(run);
}

void SqlLogicTestRunner::RunRecords(FileRun& run) {
  const std::vector<TestRecord>& records = run.file.records;
  for (size_t i = 0; i < records.size(); ++i) {
    const TestRecord& record = records[i];
    if (!ConditionsAllow(record) || (run.skip_mode && IsRunnable(record))) {
      if (IsRunnable(record)) ++totals_.skipped;
      continue;
    }
    switch (record.kind) {
      case RecordKind::kHashThreshold:
        run.hash_threshold = record.threshold;
        break;
      case RecordKind::kModeSkip:
        run.skip_mode = true;
        break;
      case RecordKind::kModeUnskip:
        run.skip_mode = false;
        break;
      case RecordKind::kHalt:
        return;
      case RecordKind::kRequire:
        if (!IsBuiltInExtension(record.argument)) {
          totals_.skipped += std::count_if(records.begin() + i, records.end(), IsRunnable);
          return;
        }
        break;
      case RecordKind::kStatement:
      case RecordKind::kQuery: {
        if (crash_reporter_)
          crash_reporter_->SetContext(fmt::format("{}:{}", run.path, record.line));
        Result<Outcome> outcome = CatchErrors([&] {
          return record.kind == RecordKind::kStatement ? RunStatement(run, record)
                                                       : RunQuery(run, record);
        });
        Tally(
            run, record,
            outcome.ok() ? *outcome : Outcome::Fail("internal error: " + outcome.error().message));
        break;
      }
    }
  }
}

SqlLogicTestRunner::Outcome SqlLogicTestRunner::RunStatement(FileRun& run,
                                                             const TestRecord& record) {
  Result<std::unique_ptr<QueryResult>> result = run.connection->Query(run.Substitute(record.sql));
  const std::string& expected = record.expected_error;
  switch (record.expectation) {
    case StatementExpectation::kOk:
      if (!result.ok()) return Outcome::Fail("statement failed: " + result.error().message);
      return {};
    case StatementExpectation::kError:
      if (result.ok()) {
        return Outcome::Fail(expected.empty()
                                 ? "statement succeeded, but an error was expected"
                                 : fmt::format("statement succeeded, but an error containing "
                                               "\"{}\" was expected",
                                               expected));
      }
      break;
    case StatementExpectation::kMaybe:
      if (result.ok()) return {};
      break;
  }
  if (!expected.empty() && !ErrorMatches(expected, result.error())) {
    return Outcome::Fail(fmt::format("the error differs: expected \"{}\", got \"{}\"", expected,
                                     result.error().ToString()));
  }
  return {};
}

SqlLogicTestRunner::Outcome SqlLogicTestRunner::RunQuery(FileRun& run, const TestRecord& record) {
  Result<std::unique_ptr<QueryResult>> result = run.connection->Query(run.Substitute(record.sql));
  if (!result.ok()) return Outcome::Fail("query failed: " + result.error().message);
  const QueryResult& rows = **result;
  ResultComparator comparator(record);
  QueryComparison comparison = comparator.Compare(rows.ColumnCount(), ResultRows(rows));
  if (!record.label.empty()) {
    auto [labelled, first] =
        run.label_hashes.emplace(record.label, std::make_pair(comparison.hash, record.line));
    if (!first && comparison.matches && labelled->second.first != comparison.hash) {
      comparison.matches = false;
      comparison.message =
          fmt::format("{}: the result hashes to {}, the record at line {} to {}", record.label,
                      comparison.hash, labelled->second.second, labelled->second.first);
    }
  }
  if (comparison.matches) return {};
  if (options_.complete && !record.in_loop && comparison.columns_match) {
    run.completions.emplace_back(&record,
                                 comparator.ExpectedBlock(comparison.values, run.hash_threshold));
    ++totals_.completed;
    return {};
  }
  return Outcome::Fail(std::move(comparison.message));
}

void SqlLogicTestRunner::Tally(FileRun& run, const TestRecord& record, const Outcome& outcome) {
  run.lines_run.insert(record.line);
  const std::string* deviation = options_.expected_failures
                                     ? options_.expected_failures->Find(run.path, record.line)
                                     : nullptr;
  if (outcome.passed && deviation) {
    ++totals_.failed;
    Report(run.path, record.line,
           fmt::format("listed as a known deviation ({}), but passes now: remove it from the list",
                       *deviation),
           record.sql);
  } else if (outcome.passed) {
    ++totals_.passed;
  } else if (deviation) {
    ++totals_.known_deviations;
  } else {
    ++totals_.failed;
    Report(run.path, record.line, outcome.message, record.sql);
  }
}

void SqlLogicTestRunner::ReportUnusedDeviations(const FileRun& run) {
  if (!options_.expected_failures) return;
  for (int line : options_.expected_failures->LinesOf(run.path)) {
    if (!run.lines_run.count(line)) {
      out_ << run.path << ":" << line
           << ": warning: listed as a known deviation, but no record ran at this line\n";
    }
  }
}

void SqlLogicTestRunner::RewriteExpectedResults(FileRun& run) {
  auto& completions = run.completions;
  std::sort(completions.begin(), completions.end(), [](const auto& a, const auto& b) {
    return a.first->results_begin < b.first->results_begin;
  });
  const std::vector<std::string>& lines = run.file.lines;
  std::string text;
  size_t next = 0;
  auto copy_until = [&](size_t end) {
    for (; next < end; ++next) text += lines[next] + "\n";
  };
  for (const auto& [record, block] : completions) {
    copy_until(static_cast<size_t>(record->results_begin));
    if (!record->has_results_block) text += "----\n";
    for (const std::string& line : block) text += line + "\n";
    next = static_cast<size_t>(record->results_end);
  }
  copy_until(lines.size());
  std::ofstream out(run.path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    ++totals_.failed;
    out_ << run.path << ": cannot rewrite the file\n\n";
    return;
  }
  out_ << run.path << ": rewrote " << completions.size() << " query results\n";
}

void SqlLogicTestRunner::Report(std::string_view path, int line, std::string_view message,
                                std::string_view sql) {
  std::string_view headline = message.substr(0, message.find('\n'));
  out_ << path << ":" << line << ": " << headline << "\n";
  std::vector<std::string> sql_lines = Split(sql, '\n');
  for (size_t i = 0; i < std::min(sql_lines.size(), kShownSqlLines); ++i) {
    out_ << "    " << sql_lines[i] << "\n";
  }
  if (sql_lines.size() > kShownSqlLines) {
    out_ << "    ... (" << sql_lines.size() - kShownSqlLines << " more lines)\n";
  }
  if (headline.size() < message.size()) out_ << message.substr(headline.size() + 1);
  out_ << std::endl;
}

void SqlLogicTestRunner::WriteSummary() const {
  if (totals_.skipped > 0) out_ << totals_.skipped << " skipped\n";
  if (totals_.known_deviations > 0) out_ << totals_.known_deviations << " known deviations\n";
  if (totals_.completed > 0) out_ << totals_.completed << " results rewritten\n";
  out_ << totals_.passed << " passed, " << totals_.failed << " failed\n";
}

}  // namespace switchboard
