// Filtering by selection vectors.
#include "exec/operators/physical_filter.h"

#include "exec/expression_executor.h"

namespace switchboard {

namespace {
struct FilterState : OperatorState {
  FilterState(const QueryContext* query, const Expression& predicate) : executor(query, predicate) {}
  ExpressionExecutor executor;
};
}  // namespace

PhysicalFilter::PhysicalFilter(std::vector<LogicalType> types, ExpressionPtr predicate, double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), predicate_(std::move(predicate)) {}

std::unique_ptr<OperatorState> PhysicalFilter::GetOperatorState(ExecutionContext& context) const {
  return std::make_unique<FilterState>(context.query, *predicate_);
}

OperatorResult PhysicalFilter::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                       GlobalOperatorState&, OperatorState& state) const {
  auto& s = static_cast<FilterState&>(state);
  SelectionVector selected(input.size());
  idx_t count = s.executor.Select(input, selected);
  output.Reference(input);
  if (count < input.size()) output.Slice(selected, count);
  return OperatorResult::kNeedMoreInput;
}

}  // namespace switchboard
