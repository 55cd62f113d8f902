// Parsing of the SQL command's options.
#include "main/cli/sql_command_options.h"

#include <array>
#include <charconv>
#include <optional>

#include "common/memory_tracker.h"
#include "common/string_util.h"

namespace switchboard {

namespace {

struct OptionSpec {
  std::string_view long_name;
  std::string_view short_name;  // "" when there is none
  bool takes_value;
};

constexpr std::array<OptionSpec, 8> kOptions = {{
    {"--command", "-c", true},
    {"--file", "-f", true},
    {"--warehouse", "", true},
    {"--format", "", true},
    {"--threads", "", true},
    {"--memory-limit", "", true},
    {"--timer", "", false},
    {"--help", "-h", false},
}};

Error InvalidOption(std::string message) {
  return Error{ErrorCode::kInvalidParameter, std::move(message)};
}

/// Sets the option named `long_name` (one of kOptions) from its value `text`.
Result<void> ApplyOption(std::string_view long_name, std::string text, SqlCommandOptions& options) {
  if (long_name == "--command" || long_name == "--file") {
    SqlInput::Kind kind = long_name == "--command" ? SqlInput::Kind::kSql : SqlInput::Kind::kFile;
    options.inputs.push_back(SqlInput{kind, std::move(text)});
  } else if (long_name == "--warehouse") {
    options.database.warehouse = std::move(text);
  } else if (long_name == "--format") {
    std::optional<OutputFormat> format = ParseOutputFormat(text);
    if (!format) {
      return InvalidOption(fmt::format("unknown format '{}' (table, csv, json or markdown)", text));
    }
    options.format = *format;
  } else if (long_name == "--threads") {
    uint32_t threads = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), threads);
    if (error != std::errc() || end != text.data() + text.size() || threads == 0) {
      return InvalidOption(fmt::format("--threads needs a positive integer, not '{}'", text));
    }
    options.database.threads = threads;
  } else if (long_name == "--memory-limit") {
    int64_t bytes = ParseByteSize(text);
    if (bytes <= 0) {
      return InvalidOption(
          fmt::format("--memory-limit needs a size such as 4GB or 512MB, not '{}'", text));
    }
    options.database.memory_limit = bytes;
  } else if (long_name == "--timer") {
    options.timer = true;
  } else {
    options.help = true;
  }
  return Ok();
}

}  // namespace

Result<SqlCommandOptions> SqlCommandOptions::Parse(const std::vector<std::string>& args) {
  SqlCommandOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    std::string_view name = arg;
    std::optional<std::string> value;
    size_t equals = arg.find('=');
    if (StartsWith(arg, "--") && equals != std::string_view::npos) {
      name = arg.substr(0, equals);
      value = std::string(arg.substr(equals + 1));
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& option : kOptions) {
      if (name == option.long_name || (!option.short_name.empty() && name == option.short_name)) {
        spec = &option;
      }
    }
    if (spec == nullptr) return InvalidOption(fmt::format("unknown option '{}'", arg));
    if (!spec->takes_value && value) {
      return InvalidOption(fmt::format("option {} takes no value", name));
    }
    if (spec->takes_value && !value) {
      if (i + 1 == args.size()) return InvalidOption(fmt::format("option {} needs a value", name));
      value = args[++i];
    }
    SB_RETURN_IF_ERROR(ApplyOption(spec->long_name, value.value_or(""), options));
  }
  return options;
}

}  // namespace switchboard
