// Logical plan operators: what a query computes, before the physical planner decides how.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/planner/expression.h"

namespace switchboard {

class TableEntry;

enum class LogicalOperatorKind : uint8_t {
  kGet,
  kDummyScan,
  kValues,
  kFilter,
  kProjection,
  kAggregate,
  kWindow,
  kJoin,
  kOrder,
  kLimit,
  kTopN,
  kDistinct,
  kSetOperation,
  kUnnest,
  kMaterializedCte,
  kCteRef,
  kRecursiveCte,
  kEmptyResult,
  kInsert,
  kDelete,
  kUpdate,
  kMerge,
};

/// Base of all logical operators. `expressions` holds the operator's expressions (filter
/// conjuncts, projection list, aggregates, ...) so rewrites can visit them generically.
class LogicalOperator {
 public:
  explicit LogicalOperator(LogicalOperatorKind kind) : kind(kind) {}
  virtual ~LogicalOperator() = default;
  LogicalOperator(const LogicalOperator&) = delete;
  LogicalOperator& operator=(const LogicalOperator&) = delete;

  LogicalOperatorKind kind;
  std::vector<std::unique_ptr<LogicalOperator>> children;
  ExpressionList expressions;
  /// Output types, in the order of GetColumnBindings(); valid after ResolveTypes().
  std::vector<LogicalType> types;
  /// Rows the optimizer expects this operator to produce.
  double estimated_cardinality = 0;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  /// The columns this operator outputs, in order.
  virtual std::vector<ColumnBinding> GetColumnBindings() const;
  /// Recomputes `types` for this operator and its children.
  void ResolveTypes();
  /// "name(details)" for EXPLAIN.
  virtual std::string Name() const = 0;
  virtual std::string Details() const { return ""; }
  /// The plan as an indented tree, for EXPLAIN.
  std::string ToString(int indent = 0) const;

 protected:
  virtual void ResolveOwnTypes();
};

using LogicalOperatorPtr = std::unique_ptr<LogicalOperator>;

/// Calls fn for every expression slot of `op` itself (not its children): `expressions`, plus
/// aggregate groups, join conditions, ORDER BY / top-N keys and VALUES rows.
void ForEachExpression(LogicalOperator& op, const std::function<void(ExpressionPtr&)>& fn);

/// Scans a table function (tables, files, remote databases are all table functions).
/// Bindings: (table_index, i) for every column i of the bound schema; the operator outputs only
/// `column_ids`, in that order.
class LogicalGet : public LogicalOperator {
 public:
  LogicalGet(idx_t table_index, TableFunction function, std::shared_ptr<const FunctionData> bind_data,
             std::vector<std::string> names, std::vector<LogicalType> column_types);
  idx_t table_index;
  TableFunction function;
  std::shared_ptr<const FunctionData> bind_data;
  std::vector<std::string> names;
  std::vector<LogicalType> column_types;
  std::vector<idx_t> column_ids;
  std::vector<TableFilter> filters;
  /// The name the query used (table or function), for EXPLAIN.
  std::string display_name;

  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "SCAN"; }
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override;
};

/// One row without columns (SELECT without FROM).
class LogicalDummyScan : public LogicalOperator {
 public:
  explicit LogicalDummyScan(idx_t table_index) : LogicalOperator(LogicalOperatorKind::kDummyScan), table_index(table_index) {}
  idx_t table_index;
  std::vector<ColumnBinding> GetColumnBindings() const override { return {}; }
  std::string Name() const override { return "DUMMY_SCAN"; }
};

/// VALUES rows; each row's expressions are evaluated once (they may not reference columns).
class LogicalValues : public LogicalOperator {
 public:
  LogicalValues(idx_t table_index, std::vector<LogicalType> column_types)
      : LogicalOperator(LogicalOperatorKind::kValues), table_index(table_index), column_types(std::move(column_types)) {}
  idx_t table_index;
  std::vector<LogicalType> column_types;
  std::vector<ExpressionList> rows;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "VALUES"; }
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override { types = column_types; }
};

class LogicalFilter : public LogicalOperator {
 public:
  LogicalFilter() : LogicalOperator(LogicalOperatorKind::kFilter) {}
  std::string Name() const override { return "FILTER"; }
  std::string Details() const override;
};

class LogicalProjection : public LogicalOperator {
 public:
  explicit LogicalProjection(idx_t table_index) : LogicalOperator(LogicalOperatorKind::kProjection), table_index(table_index) {}
  idx_t table_index;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "PROJECTION"; }
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override;
};

/// GROUP BY with aggregates. Outputs (group_index, i) for groups, then (aggregate_index, j) for
/// `expressions` (the aggregates), then (grouping_index, k) for `grouping_functions`.
class LogicalAggregate : public LogicalOperator {
 public:
  LogicalAggregate(idx_t group_index, idx_t aggregate_index, idx_t grouping_index)
      : LogicalOperator(LogicalOperatorKind::kAggregate),
        group_index(group_index), aggregate_index(aggregate_index), grouping_index(grouping_index) {}
  idx_t group_index;
  idx_t aggregate_index;
  idx_t grouping_index;
  ExpressionList groups;
  /// Each set lists the group positions it keeps; empty = one set of all groups.
  std::vector<std::vector<idx_t>> grouping_sets;
  /// GROUPING(...) calls: each lists group positions.
  std::vector<std::vector<idx_t>> grouping_functions;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "AGGREGATE"; }
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override;
};

/// Window functions: outputs the child's columns then (window_index, i) per expression.
class LogicalWindow : public LogicalOperator {
 public:
  explicit LogicalWindow(idx_t window_index) : LogicalOperator(LogicalOperatorKind::kWindow), window_index(window_index) {}
  idx_t window_index;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "WINDOW"; }
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override;
};

enum class JoinType : uint8_t {
  kInner,
  kLeft,
  kRight,
  kFull,
  kSemi,    // left rows with a match
  kAnti,    // left rows without a match
  kMark,    // left rows plus a boolean "has a match" (NULL when only NULL comparisons)
  kSingle,  // left join that fails when a left row matches more than one right row
};
const char* JoinTypeName(JoinType type);

struct JoinCondition {
  ExpressionPtr left;   // over the left child's columns
  ExpressionPtr right;  // over the right child's columns
  ComparisonOp op = ComparisonOp::kEqual;
};

/// Joins; no conditions and no residual = cross product. `expressions` holds a residual
/// predicate over both sides (evaluated for candidate pairs).
class LogicalJoin : public LogicalOperator {
 public:
  explicit LogicalJoin(JoinType join_type) : LogicalOperator(LogicalOperatorKind::kJoin), join_type(join_type) {}
  JoinType join_type;
  std::vector<JoinCondition> conditions;
  /// Output binding of the mark column (kMark only).
  idx_t mark_index = 0;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override;
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override;
};

struct BoundOrder {
  ExpressionPtr expression;
  bool descending = false;
  bool nulls_first = false;
  BoundOrder Copy() const { return {expression->Copy(), descending, nulls_first}; }
};

class LogicalOrder : public LogicalOperator {
 public:
  LogicalOrder() : LogicalOperator(LogicalOperatorKind::kOrder) {}
  std::vector<BoundOrder> orders;
  std::string Name() const override { return "ORDER"; }
  std::string Details() const override;
};

class LogicalLimit : public LogicalOperator {
 public:
  LogicalLimit() : LogicalOperator(LogicalOperatorKind::kLimit) {}
  std::optional<int64_t> limit;
  int64_t offset = 0;
  std::string Name() const override { return "LIMIT"; }
  std::string Details() const override;
};

/// ORDER BY + LIMIT fused by the optimizer (keeps only the top rows). `with_ties` keeps rows
/// equal to the last one (FETCH FIRST n ROWS WITH TIES).
class LogicalTopN : public LogicalOperator {
 public:
  LogicalTopN() : LogicalOperator(LogicalOperatorKind::kTopN) {}
  std::vector<BoundOrder> orders;
  int64_t limit = 0;
  int64_t offset = 0;
  bool with_ties = false;
  std::string Name() const override { return "TOP_N"; }
  std::string Details() const override;
};

class LogicalDistinct : public LogicalOperator {
 public:
  LogicalDistinct() : LogicalOperator(LogicalOperatorKind::kDistinct) {}
  std::string Name() const override { return "DISTINCT"; }
};

enum class SetOperationKind : uint8_t { kUnion, kIntersect, kExcept };

class LogicalSetOperation : public LogicalOperator {
 public:
  LogicalSetOperation(idx_t table_index, SetOperationKind set_kind, bool all)
      : LogicalOperator(LogicalOperatorKind::kSetOperation), table_index(table_index), set_kind(set_kind), all(all) {}
  idx_t table_index;
  SetOperationKind set_kind;
  bool all;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override;

 protected:
  void ResolveOwnTypes() override { types = children[0]->types; }
};

/// Expands arrays and maps of each child row: outputs the child's columns, then
/// (unnest_index, i) for each unnested column (a map gives key and value), then the ordinality.
class LogicalUnnest : public LogicalOperator {
 public:
  explicit LogicalUnnest(idx_t unnest_index) : LogicalOperator(LogicalOperatorKind::kUnnest), unnest_index(unnest_index) {}
  idx_t unnest_index;
  bool with_ordinality = false;
  /// LEFT JOIN UNNEST: rows whose arrays are all empty or NULL still produce one row of NULLs.
  bool keep_empty = false;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "UNNEST"; }
  std::string Details() const override;

 protected:
  void ResolveOwnTypes() override;
};

/// Evaluates children[0] once into a buffer that LogicalCteRef(cte_index) nodes in children[1]
/// read; outputs children[1].
class LogicalMaterializedCte : public LogicalOperator {
 public:
  LogicalMaterializedCte(idx_t cte_index, std::string name)
      : LogicalOperator(LogicalOperatorKind::kMaterializedCte), cte_index(cte_index), name(std::move(name)) {}
  idx_t cte_index;
  std::string name;
  std::vector<ColumnBinding> GetColumnBindings() const override { return children[1]->GetColumnBindings(); }
  std::string Name() const override { return "CTE"; }
  std::string Details() const override { return name; }

 protected:
  void ResolveOwnTypes() override { types = children[1]->types; }
};

/// Reads a materialized CTE (or, inside a recursive CTE, the current working table).
class LogicalCteRef : public LogicalOperator {
 public:
  LogicalCteRef(idx_t table_index, idx_t cte_index, std::vector<LogicalType> column_types)
      : LogicalOperator(LogicalOperatorKind::kCteRef), table_index(table_index), cte_index(cte_index),
        column_types(std::move(column_types)) {}
  idx_t table_index;
  idx_t cte_index;
  std::vector<LogicalType> column_types;
  /// When set, the scan exposes these bindings instead of (table_index, i): decorrelation reads
  /// a materialized outer plan under that plan's own bindings.
  std::vector<ColumnBinding> bindings;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "CTE_SCAN"; }
  std::string Details() const override { return "cte " + std::to_string(cte_index); }

 protected:
  void ResolveOwnTypes() override { types = column_types; }
};

/// WITH RECURSIVE: children[0] is the anchor, children[1] the recursive step reading the
/// working table through LogicalCteRef(cte_index). Outputs (table_index, i).
class LogicalRecursiveCte : public LogicalOperator {
 public:
  LogicalRecursiveCte(idx_t table_index, idx_t cte_index, bool union_all)
      : LogicalOperator(LogicalOperatorKind::kRecursiveCte), table_index(table_index), cte_index(cte_index), union_all(union_all) {}
  idx_t table_index;
  idx_t cte_index;
  bool union_all;
  std::vector<ColumnBinding> GetColumnBindings() const override;
  std::string Name() const override { return "RECURSIVE_CTE"; }

 protected:
  void ResolveOwnTypes() override { types = children[0]->types; }
};

/// A plan that produces no rows (e.g. WHERE false), keeping the bindings it replaces.
class LogicalEmptyResult : public LogicalOperator {
 public:
  LogicalEmptyResult(std::vector<ColumnBinding> bindings, std::vector<LogicalType> column_types)
      : LogicalOperator(LogicalOperatorKind::kEmptyResult), bindings(std::move(bindings)), column_types(std::move(column_types)) {}
  std::vector<ColumnBinding> bindings;
  std::vector<LogicalType> column_types;
  std::vector<ColumnBinding> GetColumnBindings() const override { return bindings; }
  std::string Name() const override { return "EMPTY_RESULT"; }

 protected:
  void ResolveOwnTypes() override { types = column_types; }
};

/// INSERT: children[0] produces rows in the order of `column_map`: for every table column, the
/// child column that fills it, or nullopt for its default. Outputs one bigint (rows inserted).
class LogicalInsert : public LogicalOperator {
 public:
  explicit LogicalInsert(std::shared_ptr<TableEntry> table) : LogicalOperator(LogicalOperatorKind::kInsert), table(std::move(table)) {}
  std::shared_ptr<TableEntry> table;
  std::vector<std::optional<idx_t>> column_map;
  /// Default value per table column (NULL constant when none).
  ExpressionList defaults;
  /// INSERT OVERWRITE: replace the table's (or matching partitions') rows.
  bool overwrite = false;
  std::vector<ColumnBinding> GetColumnBindings() const override { return {{0, 0}}; }
  std::string Name() const override { return "INSERT"; }

 protected:
  void ResolveOwnTypes() override { types = {LogicalType(TypeId::kBigint)}; }
};

/// DELETE: children[0] produces the row ids (last column) of rows to delete.
class LogicalDelete : public LogicalOperator {
 public:
  explicit LogicalDelete(std::shared_ptr<TableEntry> table) : LogicalOperator(LogicalOperatorKind::kDelete), table(std::move(table)) {}
  std::shared_ptr<TableEntry> table;
  std::vector<ColumnBinding> GetColumnBindings() const override { return {{0, 0}}; }
  std::string Name() const override { return "DELETE"; }

 protected:
  void ResolveOwnTypes() override { types = {LogicalType(TypeId::kBigint)}; }
};

/// UPDATE: children[0] produces the new values of `updated_columns` then the row id.
class LogicalUpdate : public LogicalOperator {
 public:
  explicit LogicalUpdate(std::shared_ptr<TableEntry> table) : LogicalOperator(LogicalOperatorKind::kUpdate), table(std::move(table)) {}
  std::shared_ptr<TableEntry> table;
  std::vector<idx_t> updated_columns;
  std::vector<ColumnBinding> GetColumnBindings() const override { return {{0, 0}}; }
  std::string Name() const override { return "UPDATE"; }

 protected:
  void ResolveOwnTypes() override { types = {LogicalType(TypeId::kBigint)}; }
};

/// What MERGE does with one joined row (the integer action column of LogicalMerge's input).
enum class MergeAction : int32_t { kNone = 0, kInsert = 1, kUpdate = 2, kDelete = 3 };

/// MERGE: children[0] produces, per joined source/target row, the action (integer
/// MergeAction), the row's new values (every table column, in order) and the target row id (NULL
/// for an unmatched source row).
class LogicalMerge : public LogicalOperator {
 public:
  explicit LogicalMerge(std::shared_ptr<TableEntry> table) : LogicalOperator(LogicalOperatorKind::kMerge), table(std::move(table)) {}
  std::shared_ptr<TableEntry> table;
  std::vector<ColumnBinding> GetColumnBindings() const override { return {{0, 0}}; }
  std::string Name() const override { return "MERGE"; }

 protected:
  void ResolveOwnTypes() override { types = {LogicalType(TypeId::kBigint)}; }
};

}  // namespace switchboard
