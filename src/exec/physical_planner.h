// PhysicalPlanner: turns an optimized logical plan into physical operators, choosing join
// algorithms and resolving column bindings to positions in each operator's input.
#pragma once

#include <map>

#include "exec/physical_operator.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

class FunctionRegistry;
class QueryContext;
class PhysicalMaterializedCte;
class PhysicalRecursiveCte;

class PhysicalPlanner {
 public:
  PhysicalPlanner(const FunctionRegistry& registry, QueryContext* query) : registry_(registry), query_(query) {}

  /// Plans `op` (whose types must be resolved). Subqueries must already be flattened.
  PhysicalOperatorPtr Plan(LogicalOperator& op);

 private:
  PhysicalOperatorPtr PlanJoin(LogicalJoin& join);
  PhysicalOperatorPtr PlanSetOperation(LogicalSetOperation& op);
  PhysicalOperatorPtr PlanInsert(LogicalInsert& insert);

  const FunctionRegistry& registry_;
  QueryContext* query_;
  std::map<idx_t, PhysicalMaterializedCte*> ctes_;
  std::map<idx_t, PhysicalRecursiveCte*> recursive_ctes_;
};

/// A copy of `expression` with every column reference replaced by its position in `bindings`.
ExpressionPtr ResolveBindings(const Expression& expression, const std::vector<ColumnBinding>& bindings);

}  // namespace switchboard
