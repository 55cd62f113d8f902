// PhysicalUnnest: expands arrays and maps of each input row into rows (zipping several arrays,
// padding the shorter ones with NULLs), with optional ordinality and LEFT JOIN semantics.
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"

namespace switchboard {

class PhysicalUnnest : public PhysicalOperator {
 public:
  /// Output: input columns, then per expression its element column(s) (a map gives key and value;
  /// an array of rows gives one column per field), then the ordinality (bigint) if requested.
  PhysicalUnnest(std::vector<LogicalType> types, ExpressionList expressions, bool with_ordinality,
                 bool keep_empty, double estimated_cardinality);

  std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;
  std::string Name() const override { return "UNNEST"; }
  std::string Details() const override;

 private:
  ExpressionList expressions_;
  bool with_ordinality_;
  bool keep_empty_;
};

}  // namespace switchboard
