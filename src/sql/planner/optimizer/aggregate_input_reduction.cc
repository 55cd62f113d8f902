// Aggregate input reduction: a join that looks up groups of an aggregate by its grouping key
// (a decorrelated subquery such as TPC-H q17's `avg(l_quantity) ... WHERE l_partkey = p_partkey`)
// only ever reads the groups whose keys the other side holds. When that side's key comes from a
// small scan, a semi join with a copy of the scan cuts the aggregate's input to those keys
// (q17: 6,185 of 6,001,179 lineitem rows are aggregated). Groups that no key reaches are all that
// is lost, and they could not match the equality anyway.
#include <algorithm>
#include <optional>

#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

namespace {

/// Below this share of the aggregate's input rows the key side is worth scanning twice.
constexpr double kMaxKeySideShare = 0.1;

/// A copy of a plan made of scans, filters and projections (sharing bind data and table
/// indexes: the copy is read only by the semi join it feeds); nullptr for anything else.
LogicalOperatorPtr CopySimplePlan(const LogicalOperator& op) {
  LogicalOperatorPtr copy;
  switch (op.kind) {
    case LogicalOperatorKind::kGet: {
      const auto& get = op.As<LogicalGet>();
      auto scan = std::make_unique<LogicalGet>(get.table_index, get.function, get.bind_data, get.names, get.column_types);
      scan->column_ids = get.column_ids;
      scan->filters = get.filters;
      scan->display_name = get.display_name;
      copy = std::move(scan);
      break;
    }
    case LogicalOperatorKind::kFilter: copy = std::make_unique<LogicalFilter>(); break;
    case LogicalOperatorKind::kProjection:
      copy = std::make_unique<LogicalProjection>(op.As<LogicalProjection>().table_index);
      break;
    default: return nullptr;
  }
  for (const auto& e : op.expressions) copy->expressions.push_back(e->Copy());
  for (const auto& child : op.children) {
    LogicalOperatorPtr child_copy = CopySimplePlan(*child);
    if (!child_copy) return nullptr;
    copy->children.push_back(std::move(child_copy));
  }
  copy->estimated_cardinality = op.estimated_cardinality;
  return copy;
}

bool Covers(const LogicalOperator& op, const Expression& expression) {
  auto list = op.GetColumnBindings();
  bool covered = true;
  VisitExpression(expression, [&](const Expression& e) {
    if (e.kind == ExpressionKind::kColumnRef &&
        std::find(list.begin(), list.end(), e.As<ColumnRefExpression>().binding) == list.end()) {
      covered = false;
    }
  });
  return covered;
}

/// The smallest input of `op` (descending through inner joins) that provides `key`.
const LogicalOperator& KeySource(const LogicalOperator& op, const Expression& key) {
  if (op.kind == LogicalOperatorKind::kJoin && op.As<LogicalJoin>().join_type == JoinType::kInner) {
    for (const auto& child : op.children) {
      if (Covers(*child, key)) return KeySource(*child, key);
    }
  }
  return op;
}

/// The group position `binding` names in `aggregate`, seen through an optional projection on
/// top of it; nullopt when it names something else.
std::optional<idx_t> GroupPosition(const LogicalOperator& side, const LogicalAggregate& aggregate, ColumnBinding binding) {
  if (side.kind == LogicalOperatorKind::kProjection) {
    const auto& projection = side.As<LogicalProjection>();
    if (binding.table_index != projection.table_index) return std::nullopt;
    const Expression& e = *side.expressions[binding.column_index];
    if (e.kind != ExpressionKind::kColumnRef) return std::nullopt;
    binding = e.As<ColumnRefExpression>().binding;
  }
  if (binding.table_index != aggregate.group_index) return std::nullopt;
  return binding.column_index;
}

void Reduce(LogicalOperator& op) {
  for (auto& child : op.children) Reduce(*child);
  if (op.kind != LogicalOperatorKind::kJoin) return;
  auto& join = op.As<LogicalJoin>();
  if (join.join_type == JoinType::kRight || join.join_type == JoinType::kFull || join.join_type == JoinType::kAnti) return;
  LogicalOperator& side = *op.children[1];
  LogicalOperator* found = &side;
  if (found->kind == LogicalOperatorKind::kProjection) found = found->children[0].get();
  if (found->kind != LogicalOperatorKind::kAggregate) return;
  auto& aggregate = found->As<LogicalAggregate>();
  if (aggregate.groups.empty() || !aggregate.grouping_sets.empty()) return;
  for (const auto& condition : join.conditions) {
    if (condition.op != ComparisonOp::kEqual || condition.right->kind != ExpressionKind::kColumnRef) continue;
    auto group = GroupPosition(side, aggregate, condition.right->As<ColumnRefExpression>().binding);
    if (!group) continue;
    const LogicalOperator& source = KeySource(*op.children[0], *condition.left);
    LogicalOperator& input = *aggregate.children[0];
    if (source.estimated_cardinality <= 0 || source.estimated_cardinality > kMaxKeySideShare * input.estimated_cardinality) {
      continue;
    }
    LogicalOperatorPtr keys = CopySimplePlan(source);
    if (!keys) continue;
    auto semi = std::make_unique<LogicalJoin>(JoinType::kSemi);
    semi->conditions.push_back({aggregate.groups[*group]->Copy(), condition.left->Copy(), ComparisonOp::kEqual});
    semi->estimated_cardinality = input.estimated_cardinality;
    semi->children.push_back(std::move(aggregate.children[0]));
    semi->children.push_back(std::move(keys));
    aggregate.children[0] = std::move(semi);
    return;
  }
}

}  // namespace

void ReduceAggregateInputs(LogicalOperator& plan) { Reduce(plan); }

}  // namespace switchboard
