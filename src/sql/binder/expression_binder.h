// ExpressionBinder: binds one clause's AST expressions into typed expressions: names, literals,
// operators with Trino's coercions, function calls, aggregates, window functions, lambdas and
// subqueries.
#pragma once

#include <string>
#include <vector>

#include "sql/binder/bind_scope.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/ast/query.h"
#include "sql/planner/expression.h"

namespace switchboard {

class Binder;

class ExpressionBinder {
 public:
  struct Options {
    /// Aggregate calls are bound inline as AggregateExpressions (the select binder extracts them).
    bool allow_aggregates = false;
    /// Window calls are bound inline as WindowExpressions.
    bool allow_windows = false;
    /// Clause name for errors: "WHERE clause cannot contain aggregations".
    const char* clause = "expression";
    /// Named windows of the SELECT (`WINDOW w AS (...)`).
    const std::vector<ast::WindowDefinition>* windows = nullptr;
  };

  ExpressionBinder(Binder& binder, BindScope& scope, Options options);

  ExpressionPtr Bind(const ast::Expression& expression);
  /// Binds and coerces to boolean (WHERE, HAVING, ON, CASE conditions).
  ExpressionPtr BindCondition(const ast::Expression& expression);

  /// Casts `expression` to `target` when it is allowed implicitly; otherwise throws kTypeMismatch
  /// naming both types. String literals also convert to the target's type (a literal '2020-01-01'
  /// compares with a date).
  static ExpressionPtr Coerce(ExpressionPtr expression, const LogicalType& target, const ast::SourceLocation& location);
  /// Casts both operands to their common super type (for comparisons, CASE, IN).
  static void CoerceToCommonType(std::vector<ExpressionPtr*> operands, const ast::SourceLocation& location,
                                 const std::string& what);

 private:
  ExpressionPtr BindLiteral(const ast::Literal& literal);
  ExpressionPtr BindTypedLiteral(const ast::TypedLiteral& literal);
  ExpressionPtr BindInterval(const ast::IntervalLiteral& literal);
  ExpressionPtr BindColumnRef(const ast::ColumnRef& ref);
  ExpressionPtr BindFieldAccess(ExpressionPtr base, const ast::Identifier& field, const ast::SourceLocation& location);
  ExpressionPtr BindFunction(const ast::FunctionCall& call);
  ExpressionPtr BindScalarCall(const ast::FunctionCall& call, const std::string& name);
  ExpressionPtr BindAggregate(const ast::FunctionCall& call, const std::string& name);
  ExpressionPtr BindWindow(const ast::FunctionCall& call, const std::string& name);
  ExpressionPtr BindSpecialForm(const ast::FunctionCall& call, const std::string& name, bool& handled);
  ExpressionPtr BindBinary(const ast::Binary& binary);
  ExpressionPtr BindComparison(ComparisonOp op, ExpressionPtr left, ExpressionPtr right, const ast::SourceLocation& location);
  ExpressionPtr BindCase(const ast::Case& expression);
  ExpressionPtr BindSubquery(const ast::Query& query, SubqueryKind kind, ExpressionPtr operand, ComparisonOp op,
                             const ast::SourceLocation& location);
  /// Resolves `name` over arguments already bound, inserting casts to the chosen overload.
  ExpressionPtr CallFunction(const std::string& name, ExpressionList arguments, const ast::SourceLocation& location);
  std::vector<std::optional<Value>> ConstantArguments(const ExpressionList& arguments) const;

  Binder& binder_;
  BindScope& scope_;
  Options options_;
  bool in_aggregate_ = false;
  bool in_window_ = false;
  /// Parameters of the lambdas being bound, innermost last.
  std::vector<std::vector<std::pair<std::string, LogicalType>>> lambda_scopes_;
};

}  // namespace switchboard
