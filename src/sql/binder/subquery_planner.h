// SubqueryPlanner: removes subqueries from expressions by joining them into the plan of the
// operator that uses them. Uncorrelated subqueries become plain joins; correlated ones are
// decorrelated: by pulling simple correlated predicates up into join conditions where possible,
// and otherwise by joining the subquery with the distinct values of the outer columns it uses.
#pragma once

#include "sql/planner/logical_operator.h"

namespace switchboard {

class Binder;

class SubqueryPlanner {
 public:
  explicit SubqueryPlanner(Binder& binder) : binder_(binder) {}

  /// Replaces every subquery in `expression` with a column of a join placed on top of `plan`.
  void PlanSubqueries(ExpressionPtr& expression, LogicalOperatorPtr& plan);
  /// `plan` filtered by `predicate`; top-level EXISTS, NOT EXISTS and IN conjuncts become semi,
  /// anti and mark joins.
  LogicalOperatorPtr PlanFilter(ExpressionPtr predicate, LogicalOperatorPtr plan);
  /// Makes a plan bound one query level deeper (a FROM subquery or WITH query) part of this
  /// level: its references to enclosing queries move one level in.
  static void AdoptChildLevel(LogicalOperator& plan);
  /// `left` joined (inner or left) with a LATERAL subquery `right` that refers to `left`'s
  /// columns `correlated` (of types `types`); `condition` (over both, may be null) joins them.
  LogicalOperatorPtr PlanLateralJoin(LogicalOperatorPtr left, LogicalOperatorPtr right,
                                     const std::vector<ColumnBinding>& correlated,
                                     const std::vector<LogicalType>& types, JoinType join_type,
                                     ExpressionPtr condition);

 private:
  /// Joins `subquery` to `plan`; returns the expression that replaces it. With `as_filter`, an
  /// EXISTS / IN that only filters rows becomes a semi (or, `negated`, anti) join and the
  /// returned expression is null.
  ExpressionPtr PlanSubquery(SubqueryExpression& subquery, LogicalOperatorPtr& plan, bool as_filter, bool negated);

  Binder& binder_;
};

}  // namespace switchboard
