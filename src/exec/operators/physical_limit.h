// PhysicalLimit: passes through rows [offset, offset + limit) of its input, then stops the
// pipeline. Over ordered input it runs single-threaded, so the rows are the first ones.
#pragma once

#include <optional>

#include "exec/physical_operator.h"

namespace switchboard {

class PhysicalLimit : public PhysicalOperator {
 public:
  PhysicalLimit(std::vector<LogicalType> types, std::optional<int64_t> limit, int64_t offset,
                double estimated_cardinality);

  std::unique_ptr<GlobalOperatorState> GetGlobalOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;
  std::string Name() const override { return "LIMIT"; }
  std::string Details() const override;

 private:
  std::optional<int64_t> limit_;
  int64_t offset_;
};

}  // namespace switchboard
