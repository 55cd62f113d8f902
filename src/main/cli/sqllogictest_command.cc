// Argument handling for `switchboard sqllogictest`.
#include "main/cli/sqllogictest_command.h"

#include <iostream>
#include <optional>

#include "common/string_util.h"
#include "main/sqllogictest/sqllogictest_runner.h"

namespace switchboard {

namespace {

constexpr std::string_view kUsage =
    "Usage: switchboard sqllogictest [OPTION]... FILE...\n"
    "Runs sqllogictest files, each against a fresh in-memory database, and ends with\n"
    "'N passed, N failed'.\n"
    "  --expected-failures LIST   records known to deviate, as lines 'path:line  reason'\n"
    "                             (paths relative to the working directory)\n"
    "  --complete                 rewrite the expected results of queries that differ\n"
    "  -h, --help                 show this help\n";

constexpr std::string_view kListOption = "--expected-failures=";

int UsageError(std::string_view message) {
  std::cerr << "Error: " << message << "\n" << kUsage;
  return 2;
}

}  // namespace

int RunSqlLogicTestCommand(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::optional<std::string> list_path;
  SqlLogicTestOptions options;
  options.report_crashes = true;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--complete") {
      options.complete = true;
    } else if (arg == "--expected-failures") {
      if (i + 1 == args.size()) return UsageError("--expected-failures needs a file");
      list_path = args[++i];
    } else if (StartsWith(arg, kListOption)) {
      list_path = arg.substr(kListOption.size());
    } else if (StartsWith(arg, "-")) {
      return UsageError(fmt::format("unknown option '{}'", arg));
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return UsageError("no test files given");

  std::optional<ExpectedFailures> expected_failures;
  if (list_path) {
    Result<ExpectedFailures> list = ExpectedFailures::Load(*list_path);
    if (!list.ok()) {
      std::cerr << "Error: " << list.error().message << std::endl;
      return 2;
    }
    expected_failures = std::move(list).value();
    options.expected_failures = &*expected_failures;
  }
  SqlLogicTestRunner runner(options, std::cout);
  for (const std::string& file : files) runner.RunFile(file);
  runner.WriteSummary();
  return runner.totals().failed == 0 ? 0 : 1;
}

}  // namespace switchboard
