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

}  // namespace

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
      double inner = equi ? std::max(left, right) : join.conditions.empty() && join.expressions.empty() ? left * right : left * right * 0.33;
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
