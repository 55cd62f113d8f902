// Top-N: LIMIT over ORDER BY becomes one operator that keeps only the rows that can qualify.
#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

LogicalOperatorPtr IntroduceTopN(LogicalOperatorPtr plan) {
  for (auto& child : plan->children) child = IntroduceTopN(std::move(child));
  if (plan->kind != LogicalOperatorKind::kLimit || plan->children[0]->kind != LogicalOperatorKind::kOrder) return plan;
  auto& limit = plan->As<LogicalLimit>();
  if (!limit.limit) return plan;
  auto top = std::make_unique<LogicalTopN>();
  auto& order = plan->children[0]->As<LogicalOrder>();
  top->orders = std::move(order.orders);
  top->limit = *limit.limit;
  top->offset = limit.offset;
  top->estimated_cardinality = plan->estimated_cardinality;
  top->children.push_back(std::move(plan->children[0]->children[0]));
  return top;
}

}  // namespace switchboard
