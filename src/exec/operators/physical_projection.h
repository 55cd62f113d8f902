// PhysicalProjection: computes one output column per expression.
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"

namespace switchboard {

class PhysicalProjection : public PhysicalOperator {
 public:
  PhysicalProjection(std::vector<LogicalType> types, ExpressionList expressions, double estimated_cardinality);

  std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;
  std::optional<Value> ConstantColumn(idx_t column) const override;
  std::string Name() const override { return "PROJECTION"; }
  std::string Details() const override;

 private:
  ExpressionList expressions_;
};

}  // namespace switchboard
