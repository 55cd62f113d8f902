// Unused column removal: a projection output nothing above reads is replaced by a NULL constant
// (so it no longer reads its inputs), and scans read only the columns something above reads.
// Column indexes never change, so no reference needs rewriting.
#include <set>

#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

namespace {

void CollectReferences(LogicalOperator& op, std::set<ColumnBinding>& used) {
  ForEachExpression(op, [&](ExpressionPtr& e) {
    VisitExpression(*e, [&](const Expression& node) {
      if (node.kind == ExpressionKind::kColumnRef) used.insert(node.As<ColumnRefExpression>().binding);
    });
  });
}

// Operators that need every column of their inputs: set operations and DISTINCT compare whole
// rows, CTE definitions serve every reference, DML writes whole rows.
bool KeepsWholeRows(const LogicalOperator& op) {
  switch (op.kind) {
    case LogicalOperatorKind::kSetOperation:
    case LogicalOperatorKind::kDistinct:
    case LogicalOperatorKind::kRecursiveCte:
    case LogicalOperatorKind::kMaterializedCte:
    case LogicalOperatorKind::kInsert:
    case LogicalOperatorKind::kDelete:
    case LogicalOperatorKind::kUpdate:
    case LogicalOperatorKind::kMerge:
      return true;
    default:
      return false;
  }
}

// Top-down: every reference to an operator's output comes from above it (decorrelated plans
// have no outer references), so `used` is complete for `op` when it is visited.
void Prune(LogicalOperator& op, std::set<ColumnBinding>& used) {
  if (op.kind == LogicalOperatorKind::kProjection) {
    auto& projection = op.As<LogicalProjection>();
    for (idx_t i = 0; i < op.expressions.size(); ++i) {
      ExpressionPtr& e = op.expressions[i];
      if (!used.count({projection.table_index, i}) && e->kind != ExpressionKind::kConstant) {
        e = MakeConstant(Value::Null(e->type));
      }
    }
  }
  if (op.kind == LogicalOperatorKind::kCteRef) {
    for (const auto& b : op.GetColumnBindings()) used.insert(b);
  }
  if (KeepsWholeRows(op)) {
    for (auto& child : op.children) {
      for (const auto& b : child->GetColumnBindings()) used.insert(b);
    }
  }
  CollectReferences(op, used);
  for (auto& child : op.children) Prune(*child, used);
  if (op.kind == LogicalOperatorKind::kGet) {
    auto& get = op.As<LogicalGet>();
    std::vector<idx_t> kept;
    // Pushed filters name columns of the bound schema; the scan reads those itself.
    for (idx_t id : get.column_ids) {
      if (used.count({get.table_index, id})) kept.push_back(id);
    }
    if (kept.empty() && !get.column_ids.empty()) kept.push_back(get.column_ids[0]);
    get.column_ids = std::move(kept);
  }
}

}  // namespace

void RemoveUnusedColumns(LogicalOperator& plan) {
  std::set<ColumnBinding> used;
  for (const auto& b : plan.GetColumnBindings()) used.insert(b);
  Prune(plan, used);
}

}  // namespace switchboard
