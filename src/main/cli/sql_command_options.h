// SqlCommandOptions: the command line of `switchboard` when it runs SQL (no subcommand).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "main/cli/result_formatter.h"
#include "main/database.h"

namespace switchboard {

/// One -c or -f argument; they run in command-line order.
struct SqlInput {
  enum class Kind : uint8_t { kSql, kFile };
  Kind kind = Kind::kSql;
  /// The SQL text (kSql) or the file's path (kFile).
  std::string text;
};

struct SqlCommandOptions {
  /// The usage text of these options.
  static constexpr std::string_view kUsage =
      "Usage: switchboard [OPTION]...             run SQL, or open a shell without -c/-f\n"
      "  --warehouse DIR       the warehouse folder (default: in memory)\n"
      "  -c, --command SQL     run SQL (repeatable)\n"
      "  -f, --file FILE       run the SQL in FILE (repeatable)\n"
      "  --format FORMAT       table (default), csv, json or markdown\n"
      "  --threads N           worker threads (default: one per core)\n"
      "  --memory-limit SIZE   memory for all queries, e.g. 4GB (GB = GiB), 512MB (default: 80% of "
      "RAM)\n"
      "  --timer               print each statement's run time on stderr\n"
      "  -h, --help            show this help\n"
      "-c and -f run in the order given and print the last statement's result; an error stops\n"
      "the run (exit status 1). Without them, statements come from the terminal (a shell) or\n"
      "from stdin.\n";

  DatabaseOptions database;
  std::vector<SqlInput> inputs;
  OutputFormat format = OutputFormat::kTable;
  bool timer = false;
  bool help = false;

  /// Options may also be written `--name=value`. Fails with kInvalidParameter on an unknown
  /// option, a missing value or a bad value.
  static Result<SqlCommandOptions> Parse(const std::vector<std::string>& args);
};

}  // namespace switchboard
