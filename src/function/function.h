// The shapes of functions the engine can call: scalar functions (vectorized kernels), aggregate
// functions (state machines over groups), and table functions (sources of rows).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "types/data_chunk.h"
#include "types/value.h"

namespace switchboard {

class QueryContext;

/// State computed when a call is bound (a compiled regex, a parsed JSON path, decimal scales).
/// Immutable during execution and shared by all threads.
class FunctionData {
 public:
  virtual ~FunctionData() = default;
};

/// Evaluates a lambda argument's body over a batch of parameter values. Implemented by the
/// executor; scalar kernels of higher-order functions (transform, filter, ...) call it.
class LambdaEvaluator {
 public:
  virtual ~LambdaEvaluator() = default;
  /// `parameters` holds one vector per lambda parameter (and the lambda's captured columns are
  /// resolved by the evaluator, row i of the parameters belonging to outer row `outer_rows[i]`).
  /// Writes the body's value for each of `count` rows to `result`.
  virtual void Evaluate(idx_t lambda_index, const std::vector<Vector>& parameters,
                        const SelectionVector& outer_rows, idx_t count, Vector& result) = 0;
};

/// What a scalar kernel can see besides its arguments.
struct FunctionContext {
  const FunctionData* bind_data = nullptr;
  const QueryContext* query = nullptr;
  /// Set exactly when the call has lambda arguments (so one overload can serve a lambda and a
  /// plain argument of the same type, as regexp_replace does).
  LambdaEvaluator* lambdas = nullptr;
};

/// Computes `result` (flat or constant, `args.size()` rows) from the argument vectors. Reports
/// user errors by throwing Exception (e.g. kDivisionByZero).
using ScalarKernel = void (*)(DataChunk& args, FunctionContext& context, Vector& result);

/// How NULL arguments reach the kernel.
enum class NullHandling : uint8_t {
  kPropagate,  // any NULL argument makes the row NULL; kernels may assume it
  kSpecial,    // the kernel sees NULLs and decides (coalesce, concat_ws, array_agg, ...)
};

struct ScalarFunction;

/// Bind-time hook: given the argument types found (after coercion to the declared ones, or the
/// actual types where the declared type is generic), fixes `function.arguments` and
/// `function.return_type` and returns bind data (or nullptr). Constant arguments are passed as
/// Values (NULL-typed Value with is_null and invalid type when not constant). Throws on misuse.
using ScalarBind = std::unique_ptr<FunctionData> (*)(ScalarFunction& function,
                                                      const std::vector<LogicalType>& argument_types,
                                                      const std::vector<std::optional<Value>>& constants);

/// One overload of a scalar function.
struct ScalarFunction {
  std::string name;
  /// Declared parameter types. TypeId::kInvalid marks a generic parameter, which accepts any
  /// type and leaves checking to `bind`; array(kInvalid) and map(kInvalid, kInvalid) accept any
  /// array or map.
  std::vector<LogicalType> arguments;
  /// Type of extra trailing arguments (kInvalid for a generic variadic); unset when fixed-arity.
  std::optional<LogicalType> varargs;
  LogicalType return_type;
  ScalarKernel kernel = nullptr;
  ScalarBind bind = nullptr;
  NullHandling null_handling = NullHandling::kPropagate;
  /// False for random(), uuid(): never folded into constants.
  bool deterministic = true;
  /// Arguments (by index) that must be lambdas, and how many parameters each takes.
  std::vector<std::pair<idx_t, idx_t>> lambda_arguments;
  /// The parameter types of lambda argument `lambda_index`, given the types of the arguments
  /// bound so far (lambda arguments not yet bound are kInvalid). The binder binds a lambda's body
  /// with these parameters and then passes the body's type as that argument's type.
  std::function<std::vector<LogicalType>(idx_t lambda_index, const std::vector<LogicalType>& argument_types)>
      lambda_parameter_types;
  /// Documentation: "element_at(array(E), bigint) -> E" when generic, and one example.
  std::string signature;
  std::string description;
  std::string example;
};

// ---------------------------------------------------------------------------------------------
// Aggregates

/// Per-call aggregate behaviour. Each group owns `state_size` bytes, allocated by the operator
/// (aligned to 8). States holding heap memory release it in `destroy`.
struct AggregateFunction;

struct AggregateInputs {
  Vector* arguments;  // argument vectors, `count` rows
  idx_t argument_count;
  idx_t count;
  const FunctionData* bind_data;
};

using AggregateInitialize = void (*)(uint8_t* state, const FunctionData* bind_data);
/// Adds row i of the inputs to the state at states[i] (rows of one group share a pointer).
using AggregateUpdate = void (*)(AggregateInputs& inputs, uint8_t** states);
/// Adds every row of the inputs to one state (no GROUP BY).
using AggregateSimpleUpdate = void (*)(AggregateInputs& inputs, uint8_t* state);
/// Merges sources[i] into targets[i] for i < count (parallel partial states).
using AggregateCombine = void (*)(uint8_t** sources, uint8_t** targets, idx_t count,
                                  const FunctionData* bind_data);
/// Writes the result of states[i] to row offset + i of `result`. Must not change the states:
/// window functions finalize a running state once per row.
using AggregateFinalize = void (*)(uint8_t** states, idx_t count, const FunctionData* bind_data,
                                   Vector& result, idx_t offset);
using AggregateDestroy = void (*)(uint8_t** states, idx_t count);
using AggregateBind = std::unique_ptr<FunctionData> (*)(AggregateFunction& function,
                                                         const std::vector<LogicalType>& argument_types,
                                                         const std::vector<std::optional<Value>>& constants);

struct AggregateFunction {
  std::string name;
  std::vector<LogicalType> arguments;  // kInvalid = generic, checked by bind
  LogicalType return_type;
  idx_t state_size = 0;
  AggregateInitialize initialize = nullptr;
  AggregateUpdate update = nullptr;
  AggregateSimpleUpdate simple_update = nullptr;
  AggregateCombine combine = nullptr;
  AggregateFinalize finalize = nullptr;
  AggregateDestroy destroy = nullptr;
  /// Updates see every row, NULLs included; most aggregates skip rows with a NULL argument
  /// themselves (the UnaryAggregate template does).
  AggregateBind bind = nullptr;
  /// The result depends on input order (array_agg, listagg): ORDER BY inside the call matters.
  bool order_sensitive = false;
  std::string signature;
  std::string description;
  std::string example;
};

// ---------------------------------------------------------------------------------------------
// Window functions that are not aggregates (ranking, navigation). The window operator
// implements them; the registry knows their signatures.

enum class WindowFunctionKind : uint8_t {
  kRowNumber,
  kRank,
  kDenseRank,
  kPercentRank,
  kCumeDist,
  kNtile,
  kLag,
  kLead,
  kFirstValue,
  kLastValue,
  kNthValue,
};

struct WindowFunction {
  std::string name;
  WindowFunctionKind kind;
  std::vector<LogicalType> arguments;  // kInvalid = the value argument's type
  LogicalType return_type;             // kInvalid = same as the first argument
  std::string signature;
  std::string description;
  std::string example;
};

// ---------------------------------------------------------------------------------------------
// Table functions

/// A predicate pushed into a scan: `column <op> constant`, IS [NOT] NULL, or IN (constants).
/// Columns are indexes into the table function's output schema. Conjunctive.
struct TableFilter {
  enum class Kind : uint8_t { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual, kIsNull, kIsNotNull, kIn };
  idx_t column;
  Kind kind;
  std::vector<Value> constants;  // one for comparisons, several for kIn, none for null checks
  std::string ToString(const std::string& column_name) const;
};

/// Column id of the row id pseudo-column in TableScanRequest::column_ids (bigint), for tables
/// that support DELETE and UPDATE.
constexpr idx_t kRowIdColumn = static_cast<idx_t>(-1);

struct TableFunctionBindInput {
  std::vector<Value> arguments;                         // positional, constant-folded
  std::vector<std::pair<std::string, Value>> named;     // name => value
  const QueryContext* query = nullptr;
  /// Turns a type name in SQL ('BIGINT', 'varchar(10)', 'array(row(a int))') into a type, for
  /// arguments that declare column types (read_csv's columns => {...}). Set by the binder; throws
  /// for names that are not types.
  std::function<LogicalType(std::string_view)> parse_type;
};

struct TableFunctionBindResult {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::unique_ptr<FunctionData> bind_data;
};

/// Shared by all threads scanning one table function call.
class GlobalTableState {
 public:
  virtual ~GlobalTableState() = default;
  /// How many threads may usefully scan in parallel.
  virtual idx_t MaxThreads() const { return 1; }
};

/// Owned by one scanning thread.
class LocalTableState {
 public:
  virtual ~LocalTableState() = default;
};

struct TableScanRequest {
  const FunctionData* bind_data;
  /// Output columns wanted, as indexes into the bound schema, in output order.
  std::vector<idx_t> column_ids;
  /// Pushed filters (column = index into the bound schema); only when the function accepts them.
  std::vector<TableFilter> filters;
  const QueryContext* query;
};

/// Statistics a table function can give the optimizer.
struct TableStatistics {
  std::optional<double> row_count;
  std::vector<std::optional<double>> distinct_counts;  // by bound column
};

struct TableFunction {
  std::string name;
  std::vector<LogicalType> arguments;
  /// Named parameters accepted, with their types (kInvalid = any).
  std::vector<std::pair<std::string, LogicalType>> named_parameters;

  std::function<TableFunctionBindResult(TableFunctionBindInput&)> bind;
  std::function<std::unique_ptr<GlobalTableState>(const TableScanRequest&)> init_global;
  std::function<std::unique_ptr<LocalTableState>(const TableScanRequest&, GlobalTableState&)> init_local;
  /// Fills `output` (columns = request.column_ids) with the next rows; leaves size 0 when done.
  /// Called concurrently from several threads, each with its own local state.
  std::function<void(const TableScanRequest&, GlobalTableState&, LocalTableState&, DataChunk& output)> scan;
  std::function<TableStatistics(const FunctionData*)> statistics;
  /// One line for EXPLAIN ("files: 3 of 10 after pruning", ...).
  std::function<std::string(const FunctionData*)> describe;
  /// Scan-time counters for EXPLAIN ANALYZE, read after the scan finished.
  std::function<std::string(const GlobalTableState&)> describe_progress;
  /// Which filters the scan can apply exactly (it receives only those).
  std::function<bool(const FunctionData*, const TableFilter&)> accepts_filter;

  std::string signature;
  std::string description;
  std::string example;
};

}  // namespace switchboard
