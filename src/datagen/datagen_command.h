// The `switchboard datagen` subcommand.
#pragma once

#include <string>
#include <vector>

namespace switchboard {

/// `switchboard datagen tpch|contact-center [OPTION]...`: runs a generator and prints what it
/// wrote (files, rows, bytes, seconds). Returns the exit status: 0 on success, 1 when
/// generation failed, 2 for bad arguments.
int RunDatagenCommand(const std::vector<std::string>& args);

}  // namespace switchboard
