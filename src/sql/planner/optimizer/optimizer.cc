// The optimizer's rule sequence.
#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

LogicalOperatorPtr Optimize(LogicalOperatorPtr plan, const OptimizerOptions& options) {
  plan->ResolveTypes();
  FoldConstants(*plan, options.evaluate_constant);
  plan = PushDownFilters(std::move(plan), options.evaluate_constant);
  plan->ResolveTypes();
  EstimateCardinality(*plan);
  plan = ReorderJoins(std::move(plan));
  EstimateCardinality(*plan);
  plan = PlaceFilteringJoins(std::move(plan));
  ReduceAggregateInputs(*plan);
  plan = IntroduceTopN(std::move(plan));
  RemoveUnusedColumns(*plan);
  plan->ResolveTypes();
  EstimateCardinality(*plan);
  return plan;
}

}  // namespace switchboard
