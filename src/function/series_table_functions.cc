// Table functions that generate integer series: Trino's TABLE(sequence(start => a, stop => b
// [, step => s])) and the range(a, b [, s]) / generate_series(a, b [, s]) forms of DuckDB and
// PostgreSQL. Rows are produced in batches claimed from a shared counter, so several threads
// generate one series in parallel.
#include "function/series_table_functions.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>

#include "common/error.h"
#include "function/function_registry.h"
#include "types/data_chunk.h"

namespace switchboard {
namespace {

/// The series start, start + step, ... up to `stop` (included when `inclusive`).
struct SeriesBindData final : FunctionData {
  int64_t start = 0;
  int64_t step = 1;
  uint64_t count = 0;  // values in the series
};

struct SeriesGlobalState final : GlobalTableState {
  explicit SeriesGlobalState(uint64_t count) : count(count) {}
  idx_t MaxThreads() const override { return static_cast<idx_t>(count / (kVectorSize * 16) + 1); }

  const uint64_t count;
  std::atomic<uint64_t> next_row{0};
};

/// Number of values from `start` to `stop` by `step`; throws for a zero step or an absurd size.
uint64_t SeriesLength(const std::string& function, int64_t start, int64_t stop, int64_t step, bool inclusive) {
  if (step == 0) SB_THROW(kInvalidParameter, "{}: step must not be zero", function);
  __int128 span = static_cast<__int128>(stop) - start;
  if ((step > 0 && span < 0) || (step < 0 && span > 0)) return 0;
  __int128 magnitude = span < 0 ? -span : span;
  __int128 step_magnitude = step < 0 ? -static_cast<__int128>(step) : step;
  __int128 count = magnitude / step_magnitude;
  if (inclusive || magnitude % step_magnitude != 0) count += 1;
  return static_cast<uint64_t>(count);
}

int64_t BigintArgument(const std::string& function, const char* name, const Value& value) {
  if (value.is_null()) SB_THROW(kInvalidParameter, "{}: {} must not be NULL", function, name);
  if (!value.type().IsIntegral()) {
    SB_THROW(kTypeMismatch, "{}: {} must be an integer, not {}", function, name, value.type().ToString());
  }
  return value.GetInt64();
}

/// Binds range/generate_series (positional) or sequence (named) arguments.
TableFunctionBindResult BindSeries(TableFunctionBindInput& input, const std::string& function,
                                   const std::string& column, bool inclusive) {
  auto data = std::make_unique<SeriesBindData>();
  int64_t stop = 0;
  if (function == "sequence") {
    bool has_start = false, has_stop = false;
    for (const auto& [name, value] : input.named) {
      if (name == "start") {
        data->start = BigintArgument(function, "start", value);
        has_start = true;
      } else if (name == "stop") {
        stop = BigintArgument(function, "stop", value);
        has_stop = true;
      } else if (name == "step") {
        data->step = BigintArgument(function, "step", value);
      }
    }
    if (!has_start || !has_stop) SB_THROW(kInvalidParameter, "sequence: start and stop are required");
  } else {
    const auto& args = input.arguments;
    if (args.empty() || args.size() > 3) {
      SB_THROW(kTypeMismatch, "{}() takes 1 to 3 arguments ([start,] stop [, step]), not {}", function, args.size());
    }
    if (args.size() == 1) {
      stop = BigintArgument(function, "stop", args[0]);  // from 0
    } else {
      data->start = BigintArgument(function, "start", args[0]);
      stop = BigintArgument(function, "stop", args[1]);
    }
    if (args.size() > 2) data->step = BigintArgument(function, "step", args[2]);
  }
  data->count = SeriesLength(function, data->start, stop, data->step, inclusive);
  TableFunctionBindResult result;
  result.names = {column};
  result.types = {LogicalType(TypeId::kBigint)};
  result.bind_data = std::move(data);
  return result;
}

void ScanSeries(const TableScanRequest& request, GlobalTableState& global_state, LocalTableState&,
                DataChunk& output) {
  const auto& data = static_cast<const SeriesBindData&>(*request.bind_data);
  auto& global = static_cast<SeriesGlobalState&>(global_state);
  uint64_t first = global.next_row.fetch_add(kVectorSize, std::memory_order_relaxed);
  if (first >= global.count) {
    output.SetSize(0);
    return;
  }
  idx_t rows = static_cast<idx_t>(std::min<uint64_t>(kVectorSize, global.count - first));
  if (output.ColumnCount() > 0) {
    // Wrapping arithmetic: every produced value lies between start and stop, so it fits.
    auto* values = output.column(0).data<int64_t>();
    uint64_t value = static_cast<uint64_t>(data.start) + first * static_cast<uint64_t>(data.step);
    for (idx_t i = 0; i < rows; ++i, value += static_cast<uint64_t>(data.step)) {
      values[i] = static_cast<int64_t>(value);
    }
  }
  output.SetSize(rows);
}

TableFunction MakeSeriesFunction(const std::string& name, const std::string& column, bool inclusive) {
  TableFunction f;
  f.name = name;
  f.bind = [name, column, inclusive](TableFunctionBindInput& input) {
    return BindSeries(input, name, column, inclusive);
  };
  f.init_global = [](const TableScanRequest& request) -> std::unique_ptr<GlobalTableState> {
    return std::make_unique<SeriesGlobalState>(static_cast<const SeriesBindData&>(*request.bind_data).count);
  };
  f.init_local = [](const TableScanRequest&, GlobalTableState&) { return std::make_unique<LocalTableState>(); };
  f.scan = ScanSeries;
  f.statistics = [](const FunctionData* bind_data) {
    TableStatistics stats;
    auto count = static_cast<double>(static_cast<const SeriesBindData*>(bind_data)->count);
    stats.row_count = count;
    stats.distinct_counts = {count};
    return stats;
  };
  return f;
}

}  // namespace

void RegisterSeriesTableFunctions(FunctionRegistry& registry) {
  const LogicalType bigint(TypeId::kBigint);
  {
    TableFunction range = MakeSeriesFunction("range", "range", false);
    range.arguments = {bigint, bigint};
    range.signature = "range([start,] stop [, step]) -> TABLE(range bigint)";
    range.description = "The integers from start (default 0) up to but excluding stop, by step (default 1)";
    range.example = "SELECT * FROM range(0, 10, 3)";
    registry.AddTable(std::move(range));

    TableFunction series = MakeSeriesFunction("generate_series", "generate_series", true);
    series.arguments = {bigint, bigint};
    series.signature = "generate_series([start,] stop [, step]) -> TABLE(generate_series bigint)";
    series.description = "The integers from start (default 0) to stop inclusive, by step (default 1)";
    series.example = "SELECT * FROM generate_series(1, 5)";
    registry.AddTable(std::move(series));
  }
  TableFunction sequence = MakeSeriesFunction("sequence", "sequential_number", true);
  sequence.named_parameters = {{"start", bigint}, {"stop", bigint}, {"step", bigint}};
  sequence.signature = "TABLE(sequence(start => a, stop => b [, step => s])) -> TABLE(sequential_number bigint)";
  sequence.description = "Trino's series table function: the integers from start to stop inclusive, by step";
  sequence.example = "SELECT * FROM TABLE(sequence(start => 1, stop => 5))";
  registry.AddTable(std::move(sequence));
}

}  // namespace switchboard
