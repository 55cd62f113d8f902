// Join ordering: trees of inner joins are flattened into relations and predicates, then rebuilt
// greedily, always joining the connected pair with the smallest estimated result and putting the
// smaller input on the build (right) side.
#include <set>

#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

namespace {

struct JoinNode {
  LogicalOperatorPtr plan;
  std::set<ColumnBinding> bindings;
  double rows;
};

bool IsInnerJoin(const LogicalOperator& op) {
  return op.kind == LogicalOperatorKind::kJoin && op.As<LogicalJoin>().join_type == JoinType::kInner;
}

std::set<ColumnBinding> ReadBindings(const Expression& e) {
  std::set<ColumnBinding> read;
  VisitExpression(e, [&](const Expression& node) {
    if (node.kind == ExpressionKind::kColumnRef && node.As<ColumnRefExpression>().depth == 0) {
      read.insert(node.As<ColumnRefExpression>().binding);
    }
  });
  return read;
}

bool Within(const std::set<ColumnBinding>& read, const std::set<ColumnBinding>& available) {
  return std::all_of(read.begin(), read.end(), [&](const ColumnBinding& b) { return available.count(b) > 0; });
}

void Collect(LogicalOperatorPtr op, std::vector<JoinNode>& nodes, std::vector<JoinCondition>& conditions,
             ExpressionList& residuals) {
  if (IsInnerJoin(*op)) {
    auto& join = op->As<LogicalJoin>();
    for (auto& c : join.conditions) conditions.push_back(std::move(c));
    for (auto& e : join.expressions) residuals.push_back(std::move(e));
    Collect(std::move(op->children[0]), nodes, conditions, residuals);
    Collect(std::move(op->children[1]), nodes, conditions, residuals);
    return;
  }
  JoinNode node;
  auto list = op->GetColumnBindings();
  node.bindings = std::set<ColumnBinding>(list.begin(), list.end());
  node.rows = op->estimated_cardinality;
  node.plan = std::move(op);
  nodes.push_back(std::move(node));
}

// Conditions that connect `a` and `b` (one side in each).
bool Connects(const JoinCondition& c, const JoinNode& a, const JoinNode& b) {
  auto l = ReadBindings(*c.left), r = ReadBindings(*c.right);
  if (l.empty() || r.empty()) return false;
  return (Within(l, a.bindings) && Within(r, b.bindings)) || (Within(l, b.bindings) && Within(r, a.bindings));
}

LogicalOperatorPtr Rebuild(std::vector<JoinNode> nodes, std::vector<JoinCondition> conditions, ExpressionList residuals) {
  while (nodes.size() > 1) {
    size_t best_i = 0, best_j = 1;
    double best_cost = -1;
    bool best_connected = false;
    for (size_t i = 0; i < nodes.size(); ++i) {
      for (size_t j = i + 1; j < nodes.size(); ++j) {
        bool connected = false;
        std::vector<std::pair<const Expression*, const Expression*>> keys;  // (side i, side j)
        for (const auto& c : conditions) {
          if (!Connects(c, nodes[i], nodes[j])) continue;
          connected = true;
          if (c.op != ComparisonOp::kEqual && c.op != ComparisonOp::kNotDistinctFrom) continue;
          bool left_in_i = Within(ReadBindings(*c.left), nodes[i].bindings);
          keys.emplace_back(left_in_i ? c.left.get() : c.right.get(), left_in_i ? c.right.get() : c.left.get());
        }
        double cost = !keys.empty() ? EstimateEquiJoin(*nodes[i].plan, *nodes[j].plan, keys) : nodes[i].rows * nodes[j].rows;
        bool better = best_cost < 0 || (connected && !best_connected) ||
                      (connected == best_connected && cost < best_cost);
        if (better) {
          best_cost = cost;
          best_i = i;
          best_j = j;
          best_connected = connected;
        }
      }
    }
    // The smaller input becomes the build side.
    JoinNode a = std::move(nodes[best_i]);
    JoinNode b = std::move(nodes[best_j]);
    nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(best_j));
    nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(best_i));
    if (b.rows > a.rows) std::swap(a, b);
    auto join = std::make_unique<LogicalJoin>(JoinType::kInner);
    std::vector<JoinCondition> rest;
    for (auto& c : conditions) {
      auto l = ReadBindings(*c.left), r = ReadBindings(*c.right);
      if (!l.empty() && !r.empty() && Within(l, a.bindings) && Within(r, b.bindings)) {
        join->conditions.push_back(std::move(c));
      } else if (!l.empty() && !r.empty() && Within(l, b.bindings) && Within(r, a.bindings)) {
        join->conditions.push_back({std::move(c.right), std::move(c.left), FlipComparison(c.op)});
      } else {
        rest.push_back(std::move(c));
      }
    }
    conditions = std::move(rest);
    JoinNode merged;
    merged.bindings = a.bindings;
    merged.bindings.insert(b.bindings.begin(), b.bindings.end());
    ExpressionList remaining;
    for (auto& e : residuals) {
      if (Within(ReadBindings(*e), merged.bindings)) join->expressions.push_back(std::move(e));
      else remaining.push_back(std::move(e));
    }
    residuals = std::move(remaining);
    merged.rows = best_connected ? best_cost : a.rows * b.rows;
    join->children.push_back(std::move(a.plan));
    join->children.push_back(std::move(b.plan));
    join->ResolveTypes();
    join->estimated_cardinality = merged.rows;
    merged.plan = std::move(join);
    nodes.push_back(std::move(merged));
  }
  LogicalOperatorPtr result = std::move(nodes[0].plan);
  // Conditions whose sides ended up in one input (e.g. both on the same table) become filters.
  ExpressionList leftover = std::move(residuals);
  for (auto& c : conditions) leftover.push_back(std::make_unique<ComparisonExpression>(c.op, std::move(c.left), std::move(c.right)));
  if (!leftover.empty()) {
    auto filter = std::make_unique<LogicalFilter>();
    filter->expressions = std::move(leftover);
    filter->estimated_cardinality = result->estimated_cardinality;
    filter->children.push_back(std::move(result));
    result = std::move(filter);
  }
  return result;
}

}  // namespace

LogicalOperatorPtr ReorderJoins(LogicalOperatorPtr plan) {
  if (IsInnerJoin(*plan)) {
    std::vector<JoinNode> nodes;
    std::vector<JoinCondition> conditions;
    ExpressionList residuals;
    Collect(std::move(plan), nodes, conditions, residuals);
    for (auto& node : nodes) {
      node.plan = ReorderJoins(std::move(node.plan));
      node.rows = node.plan->estimated_cardinality;
    }
    return Rebuild(std::move(nodes), std::move(conditions), std::move(residuals));
  }
  for (auto& child : plan->children) child = ReorderJoins(std::move(child));
  if (plan->kind == LogicalOperatorKind::kJoin) plan->ResolveTypes();
  return plan;
}

}  // namespace switchboard
