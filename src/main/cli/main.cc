// Entry point of the `switchboard` command: dispatches subcommands by name; without one, runs SQL.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "datagen/datagen_command.h"
#include "main/cli/sql_command.h"
#include "main/cli/sql_command_options.h"
#include "main/cli/sqllogictest_command.h"

namespace {

/// A subcommand: `switchboard <name> <args>...` calls `run` with the args after the name.
struct Subcommand {
  std::string_view name;
  std::string_view synopsis;
  int (*run)(const std::vector<std::string>& args);
};

constexpr std::array<Subcommand, 2> kSubcommands = {{
    {"datagen", "GENERATOR OPTION...   generate a data set", switchboard::RunDatagenCommand},
    {"sqllogictest", "FILE...   run sqllogictest files", switchboard::RunSqlLogicTestCommand},
}};

std::string Usage() {
  std::string usage(switchboard::SqlCommandOptions::kUsage);
  usage += "\nSubcommands (switchboard SUBCOMMAND --help for their options):\n";
  for (const Subcommand& subcommand : kSubcommands) {
    usage += "  switchboard ";
    usage += subcommand.name;
    usage += ' ';
    usage += subcommand.synopsis;
    usage += '\n';
  }
  return usage;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    auto subcommand = std::find_if(kSubcommands.begin(), kSubcommands.end(),
                                   [&](const Subcommand& s) { return s.name == args[0]; });
    if (subcommand != kSubcommands.end()) {
      return subcommand->run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
  }
  return switchboard::RunSqlCommand(args, Usage());
}
