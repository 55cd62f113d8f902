// Signatures of the ranking and navigation window functions; the window operator computes them.
#include "function/function_registry.h"

namespace switchboard {

void RegisterWindowFunctions(FunctionRegistry& registry) {
  auto add = [&](const char* name, WindowFunctionKind kind, std::vector<LogicalType> arguments,
                 LogicalType result, const char* signature, const char* description) {
    WindowFunction f;
    f.name = name;
    f.kind = kind;
    f.arguments = std::move(arguments);
    f.return_type = std::move(result);
    f.signature = signature;
    f.description = description;
    f.example = std::string("SELECT ") + name + "(" +
                (f.arguments.empty() ? "" : f.arguments[0].IsValid() ? "4" : "agent_id") +
                ") OVER (PARTITION BY queue_name ORDER BY start_time) FROM interactions";
    registry.AddWindow(std::move(f));
  };
  LogicalType any;
  add("row_number", WindowFunctionKind::kRowNumber, {}, TypeId::kBigint, "row_number() -> bigint",
      "Sequential number of the row within its partition, from 1.");
  add("rank", WindowFunctionKind::kRank, {}, TypeId::kBigint, "rank() -> bigint",
      "Rank with gaps: peers share a rank.");
  add("dense_rank", WindowFunctionKind::kDenseRank, {}, TypeId::kBigint, "dense_rank() -> bigint",
      "Rank without gaps.");
  add("percent_rank", WindowFunctionKind::kPercentRank, {}, TypeId::kDouble,
      "percent_rank() -> double", "(rank - 1) / (rows in partition - 1).");
  add("cume_dist", WindowFunctionKind::kCumeDist, {}, TypeId::kDouble, "cume_dist() -> double",
      "Rows up to and including the peers of this row, divided by the partition's rows.");
  add("ntile", WindowFunctionKind::kNtile, {TypeId::kBigint}, TypeId::kBigint, "ntile(bigint) -> bigint",
      "Bucket number from 1 to n, dividing the partition as evenly as possible.");
  add("lag", WindowFunctionKind::kLag, {any}, any, "lag(T [, bigint [, T]]) -> T",
      "Value of the row `offset` rows before (default 1), or the default value.");
  add("lead", WindowFunctionKind::kLead, {any}, any, "lead(T [, bigint [, T]]) -> T",
      "Value of the row `offset` rows after (default 1), or the default value.");
  add("first_value", WindowFunctionKind::kFirstValue, {any}, any, "first_value(T) -> T",
      "Value at the first row of the window frame.");
  add("last_value", WindowFunctionKind::kLastValue, {any}, any, "last_value(T) -> T",
      "Value at the last row of the window frame.");
  add("nth_value", WindowFunctionKind::kNthValue, {any, TypeId::kBigint}, any,
      "nth_value(T, bigint) -> T", "Value at the n-th row of the window frame (from 1).");
}

}  // namespace switchboard
