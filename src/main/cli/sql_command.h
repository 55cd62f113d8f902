// The `switchboard` command without a subcommand: runs SQL from -c/-f, stdin, or a shell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace switchboard {

/// Parses SqlCommandOptions from `args` (the arguments after the program name), opens the
/// database and runs: the -c/-f inputs in order, printing the last statement's result; else
/// the interactive shell when stdin is a terminal; else the statements on stdin. `usage` is
/// printed for --help. Returns the exit status: 0, 1 after a SQL or I/O error, 2 for bad options.
int RunSqlCommand(const std::vector<std::string>& args, std::string_view usage);

}  // namespace switchboard
