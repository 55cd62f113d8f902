// Cardinality estimates from table statistics and fixed selectivities: enough to order joins
// and to pick the smaller side as a hash join's build side.
#include "sql/planner/optimizer/optimizer.h"

#include <algorithm>

namespace switchboard {

namespace {

constexpr double kDefaultRows = 1000;

double Selectivity(const Expression& predicate) {
  if (predicate.kind == ExpressionKind::kComparison) {
    switch (predicate.As<ComparisonExpression>().op) {
      case ComparisonOp::kEqual:
      case ComparisonOp::kNotDistinctFrom: return 0.1;
      case ComparisonOp::kNotEqual:
      case ComparisonOp::kDistinctFrom: return 0.9;
      default: return 0.33;
    }
  }
  if (predicate.kind == ExpressionKind::kInList) return std::min(0.5, 0.1 * static_cast<double>(predicate.children.size() - 1));
  if (predicate.kind == ExpressionKind::kConjunction) {
    double s = predicate.As<ConjunctionExpression>().is_and ? 1.0 : 0.0;
    for (const auto& child : predicate.children) {
      double c = Selectivity(*child);
      s = predicate.As<ConjunctionExpression>().is_and ? s * c : std::min(1.0, s + c);
    }
    return s;
  }
  return 0.5;
}

double FilterSelectivity(const TableFilter& filter) {
  switch (filter.kind) {
    case TableFilter::Kind::kEqual: return 0.1;
    case TableFilter::Kind::kIn: return std::min(0.5, 0.1 * static_cast<double>(filter.constants.size()));
    case TableFilter::Kind::kNotEqual:
    case TableFilter::Kind::kIsNotNull: return 0.9;
    case TableFilter::Kind::kIsNull: return 0.1;
    default: return 0.33;
  }
}

// Distinct values of the column `binding` in `op`'s output, from scan statistics, followed
// through projections that pass the column on; a single grouping key is distinct per group.
std::optional<double> DistinctValues(const LogicalOperator& op, const ColumnBinding& binding) {
  switch (op.kind) {
    case LogicalOperatorKind::kGet: {
      const auto& get = op.As<LogicalGet>();
      if (get.table_index != binding.table_index || !get.function.statistics) return std::nullopt;
      auto statistics = get.function.statistics(get.bind_data.get());
      if (binding.column_index >= statistics.distinct_counts.size()) return std::nullopt;
      return statistics.distinct_counts[binding.column_index];
    }
    case LogicalOperatorKind::kProjection: {
      const auto& projection = op.As<LogicalProjection>();
      if (projection.table_index != binding.table_index) return std::nullopt;
      const Expression& e = *op.expressions[binding.column_index];
      if (e.kind != ExpressionKind::kColumnRef || e.As<ColumnRefExpression>().depth != 0) return std::nullopt;
      return DistinctValues(*op.children[0], e.As<ColumnRefExpression>().binding);
    }
    case LogicalOperatorKind::kAggregate: {
      const auto& aggregate = op.As<LogicalAggregate>();
      if (aggregate.group_index == binding.table_index && aggregate.groups.size() == 1) return op.estimated_cardinality;
      return std::nullopt;
    }
    case LogicalOperatorKind::kFilter:
    case LogicalOperatorKind::kJoin:
    case LogicalOperatorKind::kLimit:
    case LogicalOperatorKind::kTopN:
    case LogicalOperatorKind::kOrder:
    case LogicalOperatorKind::kDistinct:
      for (const auto& child : op.children) {
        if (auto distinct = DistinctValues(*child, binding)) return distinct;
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<double> EstimateDistinctValues(const LogicalOperator& op, const Expression& key) {
  if (key.kind != ExpressionKind::kColumnRef || key.As<ColumnRefExpression>().depth != 0) return std::nullopt;
  auto distinct = DistinctValues(op, key.As<ColumnRefExpression>().binding);
  if (distinct && op.estimated_cardinality > 0) distinct = std::min(*distinct, op.estimated_cardinality);
  return distinct;
}

double EstimateEquiJoin(const LogicalOperator& left, const LogicalOperator& right,
                        const std::vector<std::pair<const Expression*, const Expression*>>& keys) {
  double left_rows = left.estimated_cardinality, right_rows = right.estimated_cardinality;
  double key_rows = std::max(left_rows, right_rows);
  // The most selective condition whose both sides have known distinct counts.
  double distinct = 0;
  for (const auto& [left_key, right_key] : keys) {
    auto l = EstimateDistinctValues(left, *left_key), r = EstimateDistinctValues(right, *right_key);
    if (!l || !r) return key_rows;  // assume a key joined with a foreign key
    distinct = std::max(distinct, std::max(*l, *r));
  }
  if (distinct < 1) return key_rows;
  // Containment: every key of the side with fewer distinct values finds a match on the other,
  // so a filtered dimension shrinks the join (supplier x one nation = a 25th of the suppliers).
  return left_rows * right_rows / distinct;
}

double EstimateCardinality(LogicalOperator& op) {
  std::vector<double> children;
  for (auto& child : op.children) children.push_back(EstimateCardinality(*child));
  double rows = children.empty() ? 1 : children[0];
  switch (op.kind) {
    case LogicalOperatorKind::kGet: {
      auto& get = op.As<LogicalGet>();
      rows = kDefaultRows;
      if (get.function.statistics) {
        if (auto count = get.function.statistics(get.bind_data.get()).row_count) rows = *count;
      }
      for (const auto& f : get.filters) rows *= FilterSelectivity(f);
      break;
    }
    case LogicalOperatorKind::kDummyScan: rows = 1; break;
    case LogicalOperatorKind::kValues: rows = static_cast<double>(op.As<LogicalValues>().rows.size()); break;
    case LogicalOperatorKind::kEmptyResult: rows = 0; break;
    case LogicalOperatorKind::kFilter:
      for (const auto& e : op.expressions) rows *= Selectivity(*e);
      break;
    case LogicalOperatorKind::kAggregate: {
      auto& aggregate = op.As<LogicalAggregate>();
      rows = aggregate.groups.empty() ? 1 : std::max(1.0, rows * 0.1);
      break;
    }
    case LogicalOperatorKind::kDistinct: rows = std::max(1.0, rows * 0.5); break;
    case LogicalOperatorKind::kJoin: {
      auto& join = op.As<LogicalJoin>();
      double left = children[0], right = children[1];
      bool equi = std::any_of(join.conditions.begin(), join.conditions.end(), [](const JoinCondition& c) {
        return c.op == ComparisonOp::kEqual || c.op == ComparisonOp::kNotDistinctFrom;
      });
      std::vector<std::pair<const Expression*, const Expression*>> keys;
      for (const auto& c : join.conditions) {
        if (c.op == ComparisonOp::kEqual || c.op == ComparisonOp::kNotDistinctFrom) keys.emplace_back(c.left.get(), c.right.get());
      }
      double inner = equi ? EstimateEquiJoin(*op.children[0], *op.children[1], keys)
                          : join.conditions.empty() && join.expressions.empty() ? left * right : left * right * 0.33;
      for (const auto& e : join.expressions) inner *= Selectivity(*e);
      switch (join.join_type) {
        case JoinType::kInner: rows = inner; break;
        case JoinType::kLeft:
        case JoinType::kSingle: rows = std::max(left, inner); break;
        case JoinType::kRight: rows = std::max(right, inner); break;
        case JoinType::kFull: rows = std::max(left + right, inner); break;
        case JoinType::kSemi:
        case JoinType::kAnti: rows = left * 0.5; break;
        case JoinType::kMark: rows = left; break;
      }
      break;
    }
    case LogicalOperatorKind::kLimit: {
      auto& limit = op.As<LogicalLimit>();
      if (limit.limit) rows = std::min(rows, static_cast<double>(*limit.limit));
      break;
    }
    case LogicalOperatorKind::kTopN:
      rows = std::min(rows, static_cast<double>(op.As<LogicalTopN>().limit));
      break;
    case LogicalOperatorKind::kSetOperation:
      rows = op.As<LogicalSetOperation>().set_kind == SetOperationKind::kUnion ? children[0] + children[1] : children[0];
      break;
    case LogicalOperatorKind::kUnnest: rows *= 4; break;
    case LogicalOperatorKind::kMaterializedCte: rows = children[1]; break;
    case LogicalOperatorKind::kRecursiveCte: rows = children[0] * 10; break;
    case LogicalOperatorKind::kCteRef: rows = op.estimated_cardinality > 0 ? op.estimated_cardinality : kDefaultRows; break;
    default: break;
  }
  op.estimated_cardinality = std::max(rows, 0.0);
  return op.estimated_cardinality;
}

}  // namespace switchboard
