// PhysicalRepeatRows: emits each input row a number of times given by a bigint column, dropping
// the count columns; the last step of INTERSECT and EXCEPT (distinct and ALL).
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

class PhysicalRepeatRows : public PhysicalOperator {
 public:
  /// The input holds the row columns, then left_count and right_count (bigint): how often the row
  /// occurred on each side. The output repeats the row columns per `kind` and `all`.
  PhysicalRepeatRows(std::vector<LogicalType> types, SetOperationKind kind, bool all, double estimated_cardinality);

  std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;
  std::string Name() const override;

 private:
  SetOperationKind kind_;
  bool all_;
};

}  // namespace switchboard
