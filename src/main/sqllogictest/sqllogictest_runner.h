// SqlLogicTestRunner: runs sqllogictest files against fresh in-memory databases and reports each
// failure and the totals.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "main/sqllogictest/expected_failures.h"
#include "main/sqllogictest/test_record.h"

namespace switchboard {

class CrashReporter;

struct SqlLogicTestOptions {
  /// Records known to deviate, with reasons (not owned; may be null).
  const ExpectedFailures* expected_failures = nullptr;
  /// Rewrite the expected results of queries whose results differ from the engine's output
  /// (DataFusion's --complete). Records inside loops are not rewritten.
  bool complete = false;
  /// On a crash of the engine (SIGSEGV, SIGABRT, ...), write the record that was running to
  /// stderr before the process ends (installs signal handlers while the runner exists).
  bool report_crashes = false;
};

/// Record counts over all files run. Statements and queries are records; control commands are not.
struct SqlLogicTestTotals {
  int64_t passed = 0;
  int64_t failed = 0;
  /// Records not run: skipif/onlyif, `mode skip`, or after an unmet `require`.
  int64_t skipped = 0;
  /// Failing records listed in the expected-failures list.
  int64_t known_deviations = 0;
  /// Query results rewritten by --complete.
  int64_t completed = 0;
};

/// Runs files one after another. Each file gets a fresh Database (Database::Open with default
/// options, in memory) and one Connection. This engine's name for skipif/onlyif is
/// `switchboard`. Every failure is written (and flushed) to `out` as a block starting
/// `path:line: what`, with the SQL and, for queries, the expected and actual results
/// (abbreviated). A file that cannot be
/// read or parsed counts as one failed record. A record listed in the expected-failures list
/// that fails counts as a known deviation; one that passes counts as failed (so the list stays
/// honest); listed lines of a file where no record ran are reported as warnings. Not
/// thread-safe.
class SqlLogicTestRunner {
 public:
  static constexpr std::string_view kEngineName = "switchboard";

  /// Whether `require <name>` is met. Switchboard builds in what DuckDB ships as the parquet,
  /// json, icu, tpch and iceberg extensions; any other name skips the rest of the file.
  static bool IsBuiltInExtension(std::string_view name);

  SqlLogicTestRunner(SqlLogicTestOptions options, std::ostream& out);
  ~SqlLogicTestRunner();

  void RunFile(const std::string& path);

  const SqlLogicTestTotals& totals() const { return totals_; }

  /// Writes "N skipped", "N known deviations" and "N results rewritten" lines (those not zero),
  /// then "N passed, N failed".
  void WriteSummary() const;

 private:
  struct FileRun;
  struct Outcome;

  void RunRecords(FileRun& run);
  Outcome RunStatement(FileRun& run, const TestRecord& record);
  Outcome RunQuery(FileRun& run, const TestRecord& record);
  void Tally(FileRun& run, const TestRecord& record, const Outcome& outcome);
  void ReportUnusedDeviations(const FileRun& run);
  void RewriteExpectedResults(FileRun& run);
  /// Writes "path:line: message", with `sql` indented after the headline.
  void Report(std::string_view path, int line, std::string_view message, std::string_view sql);

  SqlLogicTestOptions options_;
  std::ostream& out_;
  std::unique_ptr<CrashReporter> crash_reporter_;
  SqlLogicTestTotals totals_;
};

}  // namespace switchboard
