// Unused column removal, in two passes. Top-down, a projection output nothing above reads is
// replaced by a NULL constant (so it no longer reads its inputs) and scans read only the columns
// something above reads. Then the projection outputs nothing reads are dropped and the references
// to the outputs that follow them renumbered, so joins, sorts and aggregates above do not carry
// dead columns.
#include <map>
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

// Drops the projection outputs not in `used` (keeping at least one, so rows keep a column) and
// records where each remaining output moved. Projections that share a table index (copies of one
// plan) make the same decision, as it depends only on `used`.
void DropUnusedOutputs(LogicalOperator& op, const std::set<ColumnBinding>& used,
                       std::map<ColumnBinding, ColumnBinding>& moved) {
  for (auto& child : op.children) DropUnusedOutputs(*child, used, moved);
  if (op.kind != LogicalOperatorKind::kProjection) return;
  idx_t table_index = op.As<LogicalProjection>().table_index;
  std::vector<idx_t> kept;
  for (idx_t i = 0; i < op.expressions.size(); ++i) {
    if (used.count({table_index, i})) kept.push_back(i);
  }
  if (kept.empty() && !op.expressions.empty()) kept.push_back(0);
  if (kept.size() == op.expressions.size()) return;
  ExpressionList expressions;
  for (idx_t i : kept) {
    if (i != expressions.size()) moved[{table_index, i}] = {table_index, expressions.size()};
    expressions.push_back(std::move(op.expressions[i]));
  }
  op.expressions = std::move(expressions);
}

void Renumber(ExpressionPtr& e, const std::map<ColumnBinding, ColumnBinding>& moved) {
  if (e->kind == ExpressionKind::kColumnRef) {
    auto& binding = e->As<ColumnRefExpression>().binding;
    auto it = moved.find(binding);
    if (it != moved.end()) binding = it->second;
  }
  ForEachChild(*e, [&](ExpressionPtr& child) { Renumber(child, moved); });
}

void Renumber(LogicalOperator& op, const std::map<ColumnBinding, ColumnBinding>& moved) {
  ForEachExpression(op, [&](ExpressionPtr& e) { Renumber(e, moved); });
  auto renumber_bindings = [&](std::vector<ColumnBinding>& bindings) {
    for (auto& b : bindings) {
      auto it = moved.find(b);
      if (it != moved.end()) b = it->second;
    }
  };
  if (op.kind == LogicalOperatorKind::kCteRef) renumber_bindings(op.As<LogicalCteRef>().bindings);
  if (op.kind == LogicalOperatorKind::kEmptyResult) renumber_bindings(op.As<LogicalEmptyResult>().bindings);
  for (auto& child : op.children) Renumber(*child, moved);
}

}  // namespace

void RemoveUnusedColumns(LogicalOperator& plan) {
  std::set<ColumnBinding> used;
  for (const auto& b : plan.GetColumnBindings()) used.insert(b);
  Prune(plan, used);
  // `used` now holds every reference of the pruned plan.
  std::map<ColumnBinding, ColumnBinding> moved;
  DropUnusedOutputs(plan, used, moved);
  if (!moved.empty()) Renumber(plan, moved);
}

}  // namespace switchboard
