// Projections.
#include "exec/operators/physical_projection.h"

#include "common/string_util.h"
#include "exec/expression_executor.h"

namespace switchboard {

namespace {
struct ProjectionState : OperatorState {
  ProjectionState(const QueryContext* query, std::vector<const Expression*> expressions)
      : executor(query, std::move(expressions)) {}
  ExpressionExecutor executor;
};
}  // namespace

PhysicalProjection::PhysicalProjection(std::vector<LogicalType> types, ExpressionList expressions,
                                       double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), expressions_(std::move(expressions)) {}

std::unique_ptr<OperatorState> PhysicalProjection::GetOperatorState(ExecutionContext& context) const {
  std::vector<const Expression*> expressions;
  for (const auto& e : expressions_) expressions.push_back(e.get());
  return std::make_unique<ProjectionState>(context.query, std::move(expressions));
}

OperatorResult PhysicalProjection::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                           GlobalOperatorState&, OperatorState& state) const {
  static_cast<ProjectionState&>(state).executor.Execute(input, output);
  return OperatorResult::kNeedMoreInput;
}

std::optional<Value> PhysicalProjection::ConstantColumn(idx_t column) const {
  const Expression& e = *expressions_[column];
  if (e.kind == ExpressionKind::kConstant) return e.As<ConstantExpression>().value;
  if (e.kind == ExpressionKind::kReference) return children[0]->ConstantColumn(e.As<ReferenceExpression>().index);
  return std::nullopt;
}

std::string PhysicalProjection::Details() const {
  std::vector<std::string> parts;
  for (const auto& e : expressions_) parts.push_back(e->ToString());
  return Join(parts, ", ");
}

}  // namespace switchboard
