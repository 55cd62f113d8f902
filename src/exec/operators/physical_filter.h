// PhysicalFilter: keeps the rows where a boolean expression is TRUE, by slicing (no copy).
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"

namespace switchboard {

class PhysicalFilter : public PhysicalOperator {
 public:
  PhysicalFilter(std::vector<LogicalType> types, ExpressionPtr predicate, double estimated_cardinality);

  std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;
  std::optional<Value> ConstantColumn(idx_t column) const override { return children[0]->ConstantColumn(column); }
  std::string Name() const override { return "FILTER"; }
  std::string Details() const override { return predicate_->ToString(); }

 private:
  ExpressionPtr predicate_;
};

}  // namespace switchboard
