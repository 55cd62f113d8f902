// Bound expressions: typed expression trees that the binder produces, the optimizer rewrites and
// the executor evaluates.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "function/comparison.h"
#include "function/function_registry.h"

namespace switchboard {

class LogicalOperator;

/// A column produced by a logical operator: (operator's table index, column position).
struct ColumnBinding {
  idx_t table_index = 0;
  idx_t column_index = 0;
  bool operator==(const ColumnBinding& other) const {
    return table_index == other.table_index && column_index == other.column_index;
  }
  bool operator<(const ColumnBinding& other) const {
    return table_index != other.table_index ? table_index < other.table_index
                                            : column_index < other.column_index;
  }
};

enum class ExpressionKind : uint8_t {
  kColumnRef,        // a ColumnBinding (logical plans)
  kReference,        // position in the input chunk (physical plans)
  kConstant,
  kFunction,         // scalar function call; children = arguments
  kCast,             // children = {operand}
  kComparison,       // children = {left, right}
  kConjunction,      // AND / OR over children
  kNot,              // children = {operand}
  kIsNull,           // children = {operand}; `negated` for IS NOT NULL
  kCase,             // children = {when1, then1, ..., whenN, thenN, else}
  kCoalesce,         // children = arguments, evaluated lazily
  kInList,           // children = {value, item1, ...}; `negated` for NOT IN
  kSubquery,         // only between binding and planning
  kAggregate,        // in an aggregate operator's list
  kWindow,           // in a window operator's list
  kLambda,           // children = {body}; parameters are kLambdaParameter
  kLambdaParameter,  // a lambda's parameter by index
  kTry,              // children = {operand}: errors become NULL
  kGroupingId,       // GROUPING(a, b): bit mask of the grouping set in use
};

class Expression {
 public:
  Expression(ExpressionKind kind, LogicalType type) : kind(kind), type(std::move(type)) {}
  virtual ~Expression() = default;
  Expression(const Expression&) = delete;
  Expression& operator=(const Expression&) = delete;

  ExpressionKind kind;
  LogicalType type;
  /// The name the user gave (AS alias) or the one derived from the source text.
  std::string alias;
  std::vector<std::unique_ptr<Expression>> children;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  /// Deep copy.
  std::unique_ptr<Expression> Copy() const;
  /// Structural equality (ignores aliases), for matching GROUP BY expressions and common
  /// subexpressions.
  bool Equals(const Expression& other) const;
  hash_t Hash() const;
  /// SQL-like text for EXPLAIN and messages.
  std::string ToString() const;
  /// True for constants and trees of deterministic functions over constants.
  bool IsFoldable() const;
  /// False when the value may differ between evaluations (random(), uuid()).
  bool IsDeterministic() const;
  /// True when any node in the tree has this kind.
  bool Contains(ExpressionKind kind) const;

 protected:
  virtual std::unique_ptr<Expression> CopyNode() const = 0;
  virtual bool NodeEquals(const Expression& other) const = 0;
  virtual std::string NodeToString() const = 0;
};

using ExpressionPtr = std::unique_ptr<Expression>;
using ExpressionList = std::vector<ExpressionPtr>;

class ColumnRefExpression : public Expression {
 public:
  ColumnRefExpression(LogicalType type, ColumnBinding binding, idx_t depth = 0)
      : Expression(ExpressionKind::kColumnRef, std::move(type)), binding(binding), depth(depth) {}
  ColumnBinding binding;
  /// 0 for a column of the current query; n for a column of the query n levels out
  /// (a correlated reference inside a subquery).
  idx_t depth;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class ReferenceExpression : public Expression {
 public:
  ReferenceExpression(LogicalType type, idx_t index)
      : Expression(ExpressionKind::kReference, std::move(type)), index(index) {}
  idx_t index;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class ConstantExpression : public Expression {
 public:
  explicit ConstantExpression(Value value)
      : Expression(ExpressionKind::kConstant, value.type()), value(std::move(value)) {}
  Value value;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class FunctionExpression : public Expression {
 public:
  FunctionExpression(ScalarFunction function, std::shared_ptr<const FunctionData> bind_data,
                     ExpressionList arguments);
  ScalarFunction function;
  std::shared_ptr<const FunctionData> bind_data;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class CastExpression : public Expression {
 public:
  CastExpression(LogicalType target, ExpressionPtr operand, bool try_cast = false);
  bool try_cast;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class ComparisonExpression : public Expression {
 public:
  ComparisonExpression(ComparisonOp op, ExpressionPtr left, ExpressionPtr right);
  ComparisonOp op;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class ConjunctionExpression : public Expression {
 public:
  ConjunctionExpression(bool is_and, ExpressionList operands);
  bool is_and;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

/// NOT, IS [NOT] NULL, CASE, COALESCE, IN lists and TRY: operators whose meaning is their kind
/// (plus `negated` for IS NOT NULL / NOT IN).
class OperatorExpression : public Expression {
 public:
  OperatorExpression(ExpressionKind kind, LogicalType type, ExpressionList operands, bool negated = false);
  bool negated;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

enum class SubqueryKind : uint8_t {
  kScalar,   // (SELECT x ...): one value, NULL when empty, error when several rows
  kExists,   // EXISTS (...)
  kAny,      // x op ANY (...), x IN (...)
  kAll,      // x op ALL (...)
};

/// A subquery inside an expression; the planner replaces it with joins.
class SubqueryExpression : public Expression {
 public:
  SubqueryExpression(SubqueryKind subquery_kind, LogicalType type, std::unique_ptr<LogicalOperator> plan,
                     ExpressionPtr operand, ComparisonOp op);
  ~SubqueryExpression() override;
  SubqueryKind subquery_kind;
  /// The subquery's plan; its correlated references have depth >= 1. Taken by the subquery
  /// planner; a subquery expression cannot be copied.
  std::unique_ptr<LogicalOperator> plan;
  /// Comparison for kAny/kAll (children[0] is the left operand).
  ComparisonOp op;
  /// Columns of enclosing queries the subquery refers to (depth 1 from the subquery's view).
  std::vector<ColumnBinding> correlated_columns;
  std::vector<LogicalType> correlated_types;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

/// An aggregate call: children = arguments; optional FILTER and ORDER BY.
class AggregateExpression : public Expression {
 public:
  AggregateExpression(AggregateFunction function, std::shared_ptr<const FunctionData> bind_data,
                      ExpressionList arguments, bool distinct);
  AggregateFunction function;
  std::shared_ptr<const FunctionData> bind_data;
  bool distinct;
  ExpressionPtr filter;
  struct Order {
    ExpressionPtr expression;
    bool descending = false;
    bool nulls_first = false;
  };
  std::vector<Order> order_by;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

enum class FrameUnit : uint8_t { kRows, kRange, kGroups };
enum class FrameBoundKind : uint8_t {
  kUnboundedPreceding,
  kPreceding,
  kCurrentRow,
  kFollowing,
  kUnboundedFollowing,
};
enum class FrameExclusion : uint8_t { kNoOthers, kCurrentRow, kGroup, kTies };

struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::kUnboundedPreceding;
  ExpressionPtr offset;  // for kPreceding / kFollowing
};

/// A window function call: either an aggregate over a frame or a ranking/navigation function.
/// children = arguments.
class WindowExpression : public Expression {
 public:
  WindowExpression(LogicalType type, ExpressionList arguments);
  /// Set for aggregates over windows.
  std::unique_ptr<AggregateExpression> aggregate;
  /// Set for ranking and navigation functions.
  const WindowFunction* function = nullptr;
  ExpressionList partitions;
  std::vector<AggregateExpression::Order> orders;
  FrameUnit frame_unit = FrameUnit::kRange;
  FrameBound start;
  FrameBound end;
  FrameExclusion exclusion = FrameExclusion::kNoOthers;
  bool ignore_nulls = false;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

/// A lambda argument of a higher-order function: children = {body}. Inside the body,
/// kLambdaParameter nodes name its parameters; column refs capture the enclosing row.
class LambdaExpression : public Expression {
 public:
  LambdaExpression(std::vector<std::string> parameter_names, std::vector<LogicalType> parameter_types,
                   ExpressionPtr body);
  std::vector<std::string> parameter_names;
  std::vector<LogicalType> parameter_types;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

class LambdaParameterExpression : public Expression {
 public:
  LambdaParameterExpression(LogicalType type, std::string name, idx_t index, idx_t lambda_depth)
      : Expression(ExpressionKind::kLambdaParameter, std::move(type)),
        name(std::move(name)), index(index), lambda_depth(lambda_depth) {}
  std::string name;
  idx_t index;
  /// 0 = the innermost enclosing lambda.
  idx_t lambda_depth;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

/// GROUPING(a, b, ...): children are the grouping expressions' positions as constants; the
/// aggregate operator computes the value.
class GroupingIdExpression : public Expression {
 public:
  explicit GroupingIdExpression(std::vector<idx_t> group_indexes)
      : Expression(ExpressionKind::kGroupingId, TypeId::kBigint), group_indexes(std::move(group_indexes)) {}
  std::vector<idx_t> group_indexes;

 protected:
  std::unique_ptr<Expression> CopyNode() const override;
  bool NodeEquals(const Expression& other) const override;
  std::string NodeToString() const override;
};

// Construction helpers used by the binder and optimizer.
ExpressionPtr MakeConstant(Value value);
ExpressionPtr MakeCast(ExpressionPtr operand, const LogicalType& target, bool try_cast = false);
/// Casts only when the type differs.
ExpressionPtr CastIfNeeded(ExpressionPtr operand, const LogicalType& target);
ExpressionPtr MakeAnd(ExpressionList operands);
ExpressionPtr MakeOr(ExpressionList operands);
ExpressionPtr MakeNot(ExpressionPtr operand);
ExpressionPtr MakeIsNull(ExpressionPtr operand, bool negated = false);

/// Splits a tree of ANDs into its conjuncts; from an OR, the conjuncts all its disjuncts share
/// come out as conjuncts of their own ((A AND B) OR (A AND C) gives A and B OR C).
void SplitConjunction(ExpressionPtr expression, ExpressionList& out);

/// Calls fn(child_slot) for every direct child, including a window's partitions/orders/frame
/// offsets and an aggregate's filter/orders (the slots may be replaced).
void ForEachChild(Expression& expression, const std::function<void(ExpressionPtr&)>& fn);
/// Visits every node, parents first.
void VisitExpression(const Expression& expression, const std::function<void(const Expression&)>& fn);

}  // namespace switchboard
