// Filtering join placement: a semi or anti join keeps or drops rows of its left input by that
// input's own columns, so when the input is an inner join and the columns all come from one of
// its inputs, the filtering join can run on that input instead. It moves down when the inner join
// does not shrink that input (estimates): then filtering first means less work for the inner
// join (TPC-H q18: the 63 orders with large quantities are found before orders meet lineitem).
// Inner joins that shrink their input keep the filtering join above them (TPC-H q21: lineitem is
// cut to one nation's suppliers before the EXISTS checks).
#include <algorithm>
#include <set>

#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

namespace {

bool IsFilteringJoin(const LogicalOperator& op) {
  if (op.kind != LogicalOperatorKind::kJoin) return false;
  JoinType type = op.As<LogicalJoin>().join_type;
  return type == JoinType::kSemi || type == JoinType::kAnti;
}

bool IsInnerJoin(const LogicalOperator& op) {
  return op.kind == LogicalOperatorKind::kJoin && op.As<LogicalJoin>().join_type == JoinType::kInner;
}

/// The input of `inner` that provides every left-side column `join` reads, or -1.
int InputProvidingColumns(const LogicalJoin& join, const LogicalOperator& inner) {
  auto inner_bindings = inner.GetColumnBindings();
  std::set<ColumnBinding> left(inner_bindings.begin(), inner_bindings.end()), read;
  auto collect = [&](const Expression& e) {
    VisitExpression(e, [&](const Expression& node) {
      if (node.kind != ExpressionKind::kColumnRef) return;
      const auto& binding = node.As<ColumnRefExpression>().binding;
      if (left.count(binding)) read.insert(binding);
    });
  };
  for (const auto& condition : join.conditions) collect(*condition.left);
  for (const auto& e : join.expressions) collect(*e);
  for (int side = 0; side < 2; ++side) {
    auto side_list = inner.children[side]->GetColumnBindings();
    std::set<ColumnBinding> side_bindings(side_list.begin(), side_list.end());
    if (std::all_of(read.begin(), read.end(), [&](const ColumnBinding& b) { return side_bindings.count(b) > 0; })) {
      return side;
    }
  }
  return -1;
}

LogicalOperatorPtr Place(LogicalOperatorPtr op) {
  for (auto& child : op->children) child = Place(std::move(child));
  if (!IsFilteringJoin(*op) || !IsInnerJoin(*op->children[0])) return op;
  LogicalOperator& inner = *op->children[0];
  int side = InputProvidingColumns(op->As<LogicalJoin>(), inner);
  if (side < 0 || inner.estimated_cardinality < inner.children[side]->estimated_cardinality) return op;
  // join(inner(a, b)) -> inner(join(a), b), and on down while it pays.
  LogicalOperatorPtr rotated = std::move(op->children[0]);
  op->children[0] = std::move(rotated->children[side]);
  rotated->children[side] = Place(std::move(op));
  EstimateCardinality(*rotated);
  return rotated;
}

}  // namespace

LogicalOperatorPtr PlaceFilteringJoins(LogicalOperatorPtr plan) { return Place(std::move(plan)); }

}  // namespace switchboard
