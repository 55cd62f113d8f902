// Unused column removal: scans read only the columns some operator above refers to.
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
  if (op.kind == LogicalOperatorKind::kCteRef) {
    // A materialized CTE's definition must produce every column its scans read.
    for (const auto& b : op.GetColumnBindings()) used.insert(b);
  }
  for (auto& child : op.children) CollectReferences(*child, used);
}

void PruneScans(LogicalOperator& op, const std::set<ColumnBinding>& used) {
  for (auto& child : op.children) PruneScans(*child, used);
  if (op.kind != LogicalOperatorKind::kGet) return;
  auto& get = op.As<LogicalGet>();
  std::vector<idx_t> kept;
  // Pushed filters name columns of the bound schema; the scan reads those itself.
  for (idx_t id : get.column_ids) {
    if (used.count({get.table_index, id})) kept.push_back(id);
  }
  if (kept.empty()) kept.push_back(get.column_ids.empty() ? 0 : get.column_ids[0]);
  get.column_ids = std::move(kept);
}

// Operators whose every output column counts as used: the plan's root and sinks that keep
// whole rows (set operations compare all columns, DISTINCT too).
void MarkWholeRows(LogicalOperator& op, std::set<ColumnBinding>& used) {
  bool whole = op.kind == LogicalOperatorKind::kSetOperation || op.kind == LogicalOperatorKind::kDistinct ||
               op.kind == LogicalOperatorKind::kRecursiveCte || op.kind == LogicalOperatorKind::kMaterializedCte ||
               op.kind == LogicalOperatorKind::kInsert || op.kind == LogicalOperatorKind::kDelete ||
               op.kind == LogicalOperatorKind::kUpdate;
  if (whole) {
    for (auto& child : op.children) {
      for (const auto& b : child->GetColumnBindings()) used.insert(b);
    }
  }
  for (auto& child : op.children) MarkWholeRows(*child, used);
}

}  // namespace

void RemoveUnusedColumns(LogicalOperator& plan) {
  std::set<ColumnBinding> used;
  for (const auto& b : plan.GetColumnBindings()) used.insert(b);
  CollectReferences(plan, used);
  MarkWholeRows(plan, used);
  PruneScans(plan, used);
}

}  // namespace switchboard
