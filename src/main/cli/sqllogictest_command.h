// The `switchboard sqllogictest` subcommand.
#pragma once

#include <string>
#include <vector>

namespace switchboard {

/// `switchboard sqllogictest [--expected-failures LIST] [--complete] FILE...`: runs the files
/// with SqlLogicTestRunner and prints the failures and the totals. Returns the exit status: 0
/// when every record passed, 1 when one failed, 2 for bad arguments or an unreadable list.
int RunSqlLogicTestCommand(const std::vector<std::string>& args);

}  // namespace switchboard
