// Optimizer: rewrites a bound logical plan into a cheaper equivalent, one rule per file.
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "sql/planner/logical_operator.h"

namespace switchboard {

/// Evaluates an expression without column references (used by constant folding).
using ConstantEvaluator = std::function<Value(const Expression&)>;

struct OptimizerOptions {
  ConstantEvaluator evaluate_constant;
};

/// Runs the rules in order: constant folding, filter pushdown (which also turns filters over
/// cross products into join conditions and pushes simple predicates into scans), join ordering,
/// filtering join placement, aggregate input reduction, top-N, unused column removal, cardinality estimates. The result has
/// resolved types.
LogicalOperatorPtr Optimize(LogicalOperatorPtr plan, const OptimizerOptions& options);

// The rules (each in its own file).
void FoldConstants(LogicalOperator& plan, const ConstantEvaluator& evaluate);
LogicalOperatorPtr PushDownFilters(LogicalOperatorPtr plan, const ConstantEvaluator& evaluate);
LogicalOperatorPtr ReorderJoins(LogicalOperatorPtr plan);
/// Moves semi and anti joins below inner joins that do not shrink the input they filter.
LogicalOperatorPtr PlaceFilteringJoins(LogicalOperatorPtr plan);
/// Cuts an aggregate's input to the keys a join looks its groups up with, when they come from a
/// small scan (a semi join with a copy of it).
void ReduceAggregateInputs(LogicalOperator& plan);
LogicalOperatorPtr IntroduceTopN(LogicalOperatorPtr plan);
void RemoveUnusedColumns(LogicalOperator& plan);
/// Fills estimated_cardinality bottom-up from table statistics and simple selectivity rules.
double EstimateCardinality(LogicalOperator& plan);
/// Distinct values of `key` (a column reference) in `op`'s output when scan statistics bound
/// them, capped at `op`'s estimated rows; nullopt when unknown.
std::optional<double> EstimateDistinctValues(const LogicalOperator& op, const Expression& key);
/// Rows of an inner join of `left` and `right` (with estimates) on the equalities `keys`
/// (left-side, right-side expressions): left * right / distinct, with distinct the larger side's
/// distinct count of the most selective key (every value of the other side finds a match); the
/// larger input, as for a key joined with a foreign key, when distinct counts are unknown.
double EstimateEquiJoin(const LogicalOperator& left, const LogicalOperator& right,
                        const std::vector<std::pair<const Expression*, const Expression*>>& keys);

}  // namespace switchboard
