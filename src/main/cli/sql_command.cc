// Running SQL from the command line: -c/-f inputs, the shell, or stdin.
#include "main/cli/sql_command.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "main/cli/result_formatter.h"
#include "main/cli/shell.h"
#include "main/cli/sql_command_options.h"
#include "main/connection.h"

namespace switchboard {

namespace {

int Fail(std::string_view message, int status) {
  std::cerr << "Error: " << message << std::endl;
  return status;
}

/// Runs the -c/-f inputs in order; prints the last statement's result.
int RunInputs(Connection& connection, const SqlCommandOptions& options) {
  std::unique_ptr<QueryResult> last;
  for (const SqlInput& input : options.inputs) {
    std::string sql = input.text;
    if (input.kind == SqlInput::Kind::kFile) {
      std::ifstream file(input.text, std::ios::binary);
      if (!file)
        return Fail(fmt::format("cannot read {}: {}", input.text, std::strerror(errno)), 1);
      std::ostringstream text;
      text << file.rdbuf();
      sql = text.str();
    }
    Result<void> status = connection.QueryEach(sql, [&](std::unique_ptr<QueryResult> result) {
      if (options.timer)
        std::cerr << ResultFormatter::RunTimeLine(result->elapsed_ms()) << std::endl;
      last = std::move(result);
    });
    if (!status.ok()) return Fail(status.error().message, 1);
  }
  if (last) ResultFormatter(options.format).Write(*last, std::cout);
  std::cout.flush();
  return 0;
}

}  // namespace

int RunSqlCommand(const std::vector<std::string>& args, std::string_view usage) {
  Result<SqlCommandOptions> options = SqlCommandOptions::Parse(args);
  if (!options.ok()) {
    return Fail(fmt::format("{} (switchboard --help lists the options)", options.error().message),
                2);
  }
  if (options->help) {
    std::cout << usage;
    return 0;
  }
  Result<std::unique_ptr<Database>> database = Database::Open(options->database);
  if (!database.ok()) return Fail(database.error().message, 1);
  std::unique_ptr<Connection> connection = (*database)->Connect();
  if (!options->inputs.empty()) return RunInputs(*connection, *options);
  Shell shell(*connection, ShellSettings{options->format, options->timer});
  return isatty(STDIN_FILENO) ? shell.RunInteractive() : shell.RunScript(std::cin);
}

}  // namespace switchboard
