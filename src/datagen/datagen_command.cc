// Argument handling for `switchboard datagen`.
#include "datagen/datagen_command.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "datagen/contact_center_generator.h"
#include "datagen/tpch_generator.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

constexpr std::string_view kUsage =
    "Usage: switchboard datagen GENERATOR [OPTION]...\n"
    "Generates a data set into a folder.\n"
    "\n"
    "switchboard datagen tpch --sf N --out DIR [--seed S] [--threads T] [--codec C]\n"
    "  TPC-H tables as DIR/<table>.parquet (one file per table).\n"
    "  --sf N        scale factor, e.g. 0.01, 1, 10\n"
    "  --seed S      random seed (default 0); the files depend only on it, N and C\n"
    "  --threads T   threads (default: one per core)\n"
    "  --codec C     zstd (default), snappy, gzip, lz4, brotli or none\n"
    "\n"
    "switchboard datagen contact-center --days D --agents A --customers C --out DIR\n"
    "                                   [--seed S] [--end-date YYYY-MM-DD] [--threads T]\n"
    "  A simulated contact center (see ../shared/contact-center/README.md): Amazon Connect\n"
    "  agent events (NDJSON, and Parquet as Firehose delivers them), Genesys interaction\n"
    "  exports (Parquet by date and queue), CRM customers (SQLite, CSV, Parquet), ERP\n"
    "  customers, products and orders (Parquet); anomalies.csv lists the records and files\n"
    "  written malformed or in a drifted schema on purpose.\n"
    "  --end-date    the last day simulated (default: today, UTC); the files depend only on\n"
    "                it, the seed, D, A and C\n";

int UsageError(std::string_view message) {
  std::cerr << "Error: " << message << "\n" << kUsage;
  return 2;
}

// Options as name -> value; every option takes a value ("--name value" or "--name=value").
class OptionList {
 public:
  static Result<OptionList> Parse(const std::vector<std::string>& args, size_t first) {
    OptionList list;
    for (size_t i = first; i < args.size(); ++i) {
      std::string_view arg = args[i];
      if (arg.substr(0, 2) != "--") {
        return Error{ErrorCode::kInvalidParameter, fmt::format("unexpected argument '{}'", arg)};
      }
      size_t equals = arg.find('=');
      if (equals != std::string_view::npos) {
        list.values_.emplace_back(std::string(arg.substr(0, equals)),
                                  std::string(arg.substr(equals + 1)));
      } else if (i + 1 < args.size()) {
        list.values_.emplace_back(std::string(arg), args[++i]);
      } else {
        return Error{ErrorCode::kInvalidParameter, fmt::format("{} needs a value", arg)};
      }
    }
    return list;
  }

  /// The value of `name`, marking it as used.
  std::optional<std::string> Take(std::string_view name) {
    std::optional<std::string> value;
    for (auto it = values_.begin(); it != values_.end();) {
      if (it->first == name) {
        value = it->second;
        it = values_.erase(it);
      } else {
        ++it;
      }
    }
    return value;
  }

  /// An error naming the first option nobody took.
  Result<void> CheckAllTaken() const {
    if (values_.empty()) return Ok();
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("unknown option '{}'", values_.front().first)};
  }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

template <typename T>
Result<T> ParseNumber(std::string_view name, const std::string& text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("{} takes a number, not '{}'", name, text)};
  }
  return value;
}

Result<parquet::CompressionCodec> ParseCodec(const std::string& name) {
  using parquet::CompressionCodec;
  if (name == "zstd") return CompressionCodec::kZstd;
  if (name == "snappy") return CompressionCodec::kSnappy;
  if (name == "gzip") return CompressionCodec::kGzip;
  if (name == "lz4") return CompressionCodec::kLz4Raw;
  if (name == "brotli") return CompressionCodec::kBrotli;
  if (name == "none") return CompressionCodec::kUncompressed;
  return Error{ErrorCode::kInvalidParameter, fmt::format("unknown codec '{}'", name)};
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<void> RunTpch(OptionList& options) {
  TpchOptions tpch;
  std::optional<std::string> sf = options.Take("--sf");
  std::optional<std::string> out = options.Take("--out");
  if (!sf || !out) return Error{ErrorCode::kInvalidParameter, "tpch needs --sf and --out"};
  SB_ASSIGN_OR_RETURN(tpch.scale_factor, ParseNumber<double>("--sf", *sf));
  if (auto seed = options.Take("--seed")) {
    SB_ASSIGN_OR_RETURN(tpch.seed, ParseNumber<uint64_t>("--seed", *seed));
  }
  if (auto threads = options.Take("--threads")) {
    SB_ASSIGN_OR_RETURN(tpch.threads, ParseNumber<size_t>("--threads", *threads));
  }
  if (auto codec = options.Take("--codec")) {
    SB_ASSIGN_OR_RETURN(tpch.codec, ParseCodec(*codec));
  }
  SB_RETURN_IF_ERROR(options.CheckAllTaken());

  auto start = std::chrono::steady_clock::now();
  SB_ASSIGN_OR_RETURN(std::vector<TpchTableReport> reports, GenerateTpch(tpch, *out));
  int64_t rows = 0;
  int64_t bytes = 0;
  for (const TpchTableReport& report : reports) {
    std::cout << fmt::format("{:<10} {:>12} rows {:>14} bytes  {}\n", TpchTableName(report.table),
                             report.rows, report.bytes, report.path);
    rows += report.rows;
    bytes += report.bytes;
  }
  std::cout << fmt::format("{:<10} {:>12} rows {:>14} bytes  in {:.2f} s\n", "total", rows, bytes,
                           SecondsSince(start));
  return Ok();
}

Result<void> RunContactCenter(OptionList& options) {
  ContactCenterOptions world;
  std::optional<std::string> days = options.Take("--days");
  std::optional<std::string> agents = options.Take("--agents");
  std::optional<std::string> customers = options.Take("--customers");
  std::optional<std::string> out = options.Take("--out");
  if (!days || !agents || !customers || !out) {
    return Error{ErrorCode::kInvalidParameter,
                 "contact-center needs --days, --agents, --customers and --out"};
  }
  SB_ASSIGN_OR_RETURN(world.days, ParseNumber<int>("--days", *days));
  SB_ASSIGN_OR_RETURN(world.agents, ParseNumber<int>("--agents", *agents));
  SB_ASSIGN_OR_RETURN(world.customers, ParseNumber<int>("--customers", *customers));
  if (auto seed = options.Take("--seed")) {
    SB_ASSIGN_OR_RETURN(world.seed, ParseNumber<uint64_t>("--seed", *seed));
  }
  if (auto threads = options.Take("--threads")) {
    SB_ASSIGN_OR_RETURN(world.threads, ParseNumber<size_t>("--threads", *threads));
  }
  if (auto end_date = options.Take("--end-date")) {
    std::optional<int32_t> date = Date::Parse(*end_date);
    if (!date)
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("--end-date takes YYYY-MM-DD, not '{}'", *end_date)};
    world.end_date = *date;
  } else {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    world.end_date =
        static_cast<int32_t>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
  }
  SB_RETURN_IF_ERROR(options.CheckAllTaken());

  auto start = std::chrono::steady_clock::now();
  SB_ASSIGN_OR_RETURN(ContactCenterReport report, GenerateContactCenter(world, *out));
  std::cout << fmt::format(
      "{} to {}: {} interactions, {} agent events, {} customers, {} products, {} orders\n"
      "deliberate anomalies: {} malformed records, {} drifted records, {} drifted files "
      "(anomalies.csv)\n"
      "{} files, {} bytes in {:.2f} s\n",
      Date::Format(world.end_date - world.days + 1), Date::Format(world.end_date),
      report.interactions, report.agent_events, report.customers, report.products, report.orders,
      report.malformed_records, report.drifted_records, report.drifted_files, report.files,
      report.bytes, SecondsSince(start));
  return Ok();
}

}  // namespace

int RunDatagenCommand(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError("no generator given");
  if (args[0] == "-h" || args[0] == "--help") {
    std::cout << kUsage;
    return 0;
  }
  Result<OptionList> options = OptionList::Parse(args, 1);
  if (!options.ok()) return UsageError(options.error().message);
  Result<void> result =
      Error{ErrorCode::kInvalidParameter, fmt::format("unknown generator '{}'", args[0])};
  if (args[0] == "tpch") {
    result = RunTpch(*options);
  } else if (args[0] == "contact-center") {
    result = RunContactCenter(*options);
  }
  if (!result.ok()) {
    if (result.error().code == ErrorCode::kInvalidParameter)
      return UsageError(result.error().message);
    std::cerr << "Error: " << result.error().message << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace switchboard
