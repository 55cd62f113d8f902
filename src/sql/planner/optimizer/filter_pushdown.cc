// Filter pushdown: predicates move as close to the scans as their columns allow, through
// projections, aggregates (on grouping columns), set operations and joins; predicates that
// compare the two sides of an inner join become its conditions (so comma joins become hash
// joins); simple predicates on scanned columns go into the scan itself.
#include <set>

#include "sql/planner/optimizer/optimizer.h"

namespace switchboard {

namespace {

std::set<ColumnBinding> Bindings(const LogicalOperator& op) {
  auto list = op.GetColumnBindings();
  return std::set<ColumnBinding>(list.begin(), list.end());
}

// True when every column `expression` reads is in `available` (and it reads no outer column).
bool Covered(const Expression& expression, const std::set<ColumnBinding>& available) {
  bool covered = true;
  VisitExpression(expression, [&](const Expression& e) {
    if (e.kind == ExpressionKind::kColumnRef) {
      const auto& ref = e.As<ColumnRefExpression>();
      if (ref.depth != 0 || !available.count(ref.binding)) covered = false;
    }
  });
  return covered;
}

bool ReadsAny(const Expression& expression, const std::set<ColumnBinding>& bindings) {
  bool reads = false;
  VisitExpression(expression, [&](const Expression& e) {
    if (e.kind == ExpressionKind::kColumnRef && bindings.count(e.As<ColumnRefExpression>().binding)) reads = true;
  });
  return reads;
}

// Replaces references to `table_index` columns by copies of `replacements[column]`.
void Substitute(ExpressionPtr& expression, idx_t table_index, const ExpressionList& replacements) {
  if (expression->kind == ExpressionKind::kColumnRef) {
    const auto& ref = expression->As<ColumnRefExpression>();
    if (ref.depth == 0 && ref.binding.table_index == table_index) {
      expression = replacements[ref.binding.column_index]->Copy();
    }
    return;
  }
  ForEachChild(*expression, [&](ExpressionPtr& child) { Substitute(child, table_index, replacements); });
}

bool PushableThrough(const Expression& expression) {
  return expression.IsDeterministic() && !expression.Contains(ExpressionKind::kWindow) &&
         !expression.Contains(ExpressionKind::kAggregate) && !expression.Contains(ExpressionKind::kSubquery);
}

// `column op constant` (either order), IS [NOT] NULL, or IN (constants) on a column of `get`:
// the scan can apply it.
std::optional<TableFilter> AsTableFilter(const Expression& e, const LogicalGet& get) {
  auto column_of = [&](const Expression& x) -> std::optional<idx_t> {
    if (x.kind != ExpressionKind::kColumnRef) return std::nullopt;
    const auto& ref = x.As<ColumnRefExpression>();
    if (ref.depth != 0 || ref.binding.table_index != get.table_index || ref.binding.column_index == kRowIdColumn) {
      return std::nullopt;
    }
    return ref.binding.column_index;
  };
  auto constant_of = [](const Expression& x) -> const Value* {
    if (x.kind != ExpressionKind::kConstant || x.As<ConstantExpression>().value.is_null()) return nullptr;
    return &x.As<ConstantExpression>().value;
  };
  TableFilter filter;
  if (e.kind == ExpressionKind::kComparison) {
    ComparisonOp op = e.As<ComparisonExpression>().op;
    auto column = column_of(*e.children[0]);
    const Value* constant = constant_of(*e.children[1]);
    if (!column || !constant) {
      column = column_of(*e.children[1]);
      constant = constant_of(*e.children[0]);
      op = FlipComparison(op);
    }
    if (!column || !constant) return std::nullopt;
    switch (op) {
      case ComparisonOp::kEqual: filter.kind = TableFilter::Kind::kEqual; break;
      case ComparisonOp::kNotEqual: filter.kind = TableFilter::Kind::kNotEqual; break;
      case ComparisonOp::kLess: filter.kind = TableFilter::Kind::kLess; break;
      case ComparisonOp::kLessEqual: filter.kind = TableFilter::Kind::kLessEqual; break;
      case ComparisonOp::kGreater: filter.kind = TableFilter::Kind::kGreater; break;
      case ComparisonOp::kGreaterEqual: filter.kind = TableFilter::Kind::kGreaterEqual; break;
      default: return std::nullopt;
    }
    filter.column = *column;
    filter.constants.push_back(*constant);
    return filter;
  }
  if (e.kind == ExpressionKind::kIsNull) {
    auto column = column_of(*e.children[0]);
    if (!column) return std::nullopt;
    filter.column = *column;
    filter.kind = e.As<OperatorExpression>().negated ? TableFilter::Kind::kIsNotNull : TableFilter::Kind::kIsNull;
    return filter;
  }
  if (e.kind == ExpressionKind::kInList && !e.As<OperatorExpression>().negated) {
    auto column = column_of(*e.children[0]);
    if (!column) return std::nullopt;
    for (size_t i = 1; i < e.children.size(); ++i) {
      const Value* constant = constant_of(*e.children[i]);
      if (!constant) return std::nullopt;
      filter.constants.push_back(*constant);
    }
    filter.column = *column;
    filter.kind = TableFilter::Kind::kIn;
    return filter;
  }
  return std::nullopt;
}

void CollectTerms(const Expression& e, bool is_and, std::vector<const Expression*>& out) {
  if (e.kind == ExpressionKind::kConjunction && e.As<ConjunctionExpression>().is_and == is_and) {
    for (const auto& child : e.children) CollectTerms(*child, is_and, out);
    return;
  }
  out.push_back(&e);
}

// For an OR that reads both inputs of a join: the OR over its disjuncts of each one's conjuncts
// that read only `side`, when every disjunct has such conjuncts. `e` implies it, so it can
// filter that input early while `e` itself stays above (TPC-H q19's shape).
ExpressionPtr ImpliedFilter(const Expression& e, const std::set<ColumnBinding>& side) {
  if (e.kind != ExpressionKind::kConjunction || e.As<ConjunctionExpression>().is_and) return nullptr;
  std::vector<const Expression*> disjuncts;
  CollectTerms(e, false, disjuncts);
  ExpressionList implied;
  for (const Expression* disjunct : disjuncts) {
    std::vector<const Expression*> conjuncts;
    CollectTerms(*disjunct, true, conjuncts);
    ExpressionList local;
    for (const Expression* c : conjuncts) {
      if (PushableThrough(*c) && ReadsAny(*c, side) && Covered(*c, side)) local.push_back(c->Copy());
    }
    if (local.empty()) return nullptr;
    implied.push_back(local.size() == 1 ? std::move(local[0]) : MakeAnd(std::move(local)));
  }
  return MakeOr(std::move(implied));
}

class FilterPushdown {
 public:
  LogicalOperatorPtr Push(LogicalOperatorPtr op, ExpressionList filters) {
    switch (op->kind) {
      case LogicalOperatorKind::kFilter: {
        for (auto& e : op->expressions) SplitConjunction(std::move(e), filters);
        return Push(std::move(op->children[0]), std::move(filters));
      }
      case LogicalOperatorKind::kProjection:
        return PushProjection(std::move(op), std::move(filters));
      case LogicalOperatorKind::kJoin:
        return PushJoin(std::move(op), std::move(filters));
      case LogicalOperatorKind::kAggregate:
        return PushAggregate(std::move(op), std::move(filters));
      case LogicalOperatorKind::kGet:
        return PushGet(std::move(op), std::move(filters));
      case LogicalOperatorKind::kSetOperation:
        return PushSetOperation(std::move(op), std::move(filters));
      case LogicalOperatorKind::kOrder:
      case LogicalOperatorKind::kDistinct:
        op->children[0] = Push(std::move(op->children[0]), std::move(filters));
        return op;
      case LogicalOperatorKind::kUnnest:
      case LogicalOperatorKind::kWindow: {
        // Filters on input columns move below an UNNEST; below a window only when every window
        // partitions by the columns they read (otherwise they would change the partitions).
        auto child_bindings = Bindings(*op->children[0]);
        ExpressionList below, above;
        for (auto& f : filters) {
          bool movable = Covered(*f, child_bindings) && PushableThrough(*f);
          if (movable && op->kind == LogicalOperatorKind::kWindow) movable = CoveredByPartitions(*f, *op);
          (movable ? below : above).push_back(std::move(f));
        }
        op->children[0] = Push(std::move(op->children[0]), std::move(below));
        return Wrap(std::move(op), std::move(above));
      }
      case LogicalOperatorKind::kMaterializedCte:
        op->children[0] = Push(std::move(op->children[0]), {});
        op->children[1] = Push(std::move(op->children[1]), std::move(filters));
        return op;
      default:
        for (auto& child : op->children) child = Push(std::move(child), {});
        return Wrap(std::move(op), std::move(filters));
    }
  }

 private:
  static LogicalOperatorPtr Wrap(LogicalOperatorPtr op, ExpressionList filters) {
    if (filters.empty()) return op;
    auto filter = std::make_unique<LogicalFilter>();
    filter->expressions = std::move(filters);
    filter->children.push_back(std::move(op));
    return filter;
  }

  static bool CoveredByPartitions(const Expression& filter, const LogicalOperator& window) {
    // Exact only when every window partitions by all the columns the filter reads.
    std::set<ColumnBinding> read;
    VisitExpression(filter, [&](const Expression& e) {
      if (e.kind == ExpressionKind::kColumnRef) read.insert(e.As<ColumnRefExpression>().binding);
    });
    for (const auto& w : window.expressions) {
      const auto& partitions = w->As<WindowExpression>().partitions;
      for (const auto& binding : read) {
        bool found = std::any_of(partitions.begin(), partitions.end(), [&](const ExpressionPtr& p) {
          return p->kind == ExpressionKind::kColumnRef && p->As<ColumnRefExpression>().binding == binding;
        });
        if (!found) return false;
      }
    }
    return true;
  }

  LogicalOperatorPtr PushProjection(LogicalOperatorPtr op, ExpressionList filters) {
    auto& projection = op->As<LogicalProjection>();
    ExpressionList below, above;
    for (auto& f : filters) {
      bool movable = true;
      VisitExpression(*f, [&](const Expression& e) {
        if (e.kind == ExpressionKind::kColumnRef && e.As<ColumnRefExpression>().binding.table_index == projection.table_index &&
            !PushableThrough(*projection.expressions[e.As<ColumnRefExpression>().binding.column_index])) {
          movable = false;
        }
      });
      if (!movable || !PushableThrough(*f)) {
        above.push_back(std::move(f));
        continue;
      }
      Substitute(f, projection.table_index, projection.expressions);
      below.push_back(std::move(f));
    }
    op->children[0] = Push(std::move(op->children[0]), std::move(below));
    return Wrap(std::move(op), std::move(above));
  }

  LogicalOperatorPtr PushAggregate(LogicalOperatorPtr op, ExpressionList filters) {
    auto& aggregate = op->As<LogicalAggregate>();
    ExpressionList below, above;
    std::set<ColumnBinding> groups;
    for (idx_t g = 0; g < aggregate.groups.size(); ++g) groups.insert({aggregate.group_index, g});
    for (auto& f : filters) {
      bool movable = aggregate.grouping_sets.empty() && !aggregate.groups.empty() && Covered(*f, groups) && PushableThrough(*f);
      if (movable) {
        Substitute(f, aggregate.group_index, aggregate.groups);
        below.push_back(std::move(f));
      } else {
        above.push_back(std::move(f));
      }
    }
    op->children[0] = Push(std::move(op->children[0]), std::move(below));
    return Wrap(std::move(op), std::move(above));
  }

  LogicalOperatorPtr PushSetOperation(LogicalOperatorPtr op, ExpressionList filters) {
    auto& set = op->As<LogicalSetOperation>();
    ExpressionList above;
    std::vector<ExpressionList> sides(2);
    for (auto& f : filters) {
      if (!PushableThrough(*f)) {
        above.push_back(std::move(f));
        continue;
      }
      for (size_t s = 0; s < 2; ++s) {
        auto bindings = op->children[s]->GetColumnBindings();
        ExpressionList replacements;
        for (size_t i = 0; i < bindings.size(); ++i) {
          replacements.push_back(std::make_unique<ColumnRefExpression>(op->children[s]->types[i], bindings[i]));
        }
        ExpressionPtr copy = f->Copy();
        Substitute(copy, set.table_index, replacements);
        sides[s].push_back(std::move(copy));
      }
    }
    for (size_t s = 0; s < 2; ++s) op->children[s] = Push(std::move(op->children[s]), std::move(sides[s]));
    return Wrap(std::move(op), std::move(above));
  }

  LogicalOperatorPtr PushGet(LogicalOperatorPtr op, ExpressionList filters) {
    auto& get = op->As<LogicalGet>();
    ExpressionList above;
    for (auto& f : filters) {
      std::optional<TableFilter> filter = get.function.accepts_filter ? AsTableFilter(*f, get) : std::nullopt;
      if (filter && get.function.accepts_filter(get.bind_data.get(), *filter)) {
        get.filters.push_back(std::move(*filter));
      } else {
        above.push_back(std::move(f));
      }
    }
    return Wrap(std::move(op), std::move(above));
  }

  LogicalOperatorPtr PushJoin(LogicalOperatorPtr op, ExpressionList filters) {
    auto& join = op->As<LogicalJoin>();
    auto left = Bindings(*op->children[0]);
    auto right = Bindings(*op->children[1]);
    ExpressionList to_left, to_right, above;
    // The join's own residual predicates take part for inner joins.
    if (join.join_type == JoinType::kInner) {
      for (auto& e : join.expressions) SplitConjunction(std::move(e), filters);
      join.expressions.clear();
    }
    for (auto& f : filters) {
      bool reads_left = ReadsAny(*f, left), reads_right = ReadsAny(*f, right);
      bool pushable = PushableThrough(*f);
      switch (join.join_type) {
        case JoinType::kInner:
          if (!pushable) {
            above.push_back(std::move(f));
          } else if (!reads_right && Covered(*f, left)) {
            to_left.push_back(std::move(f));
          } else if (!reads_left && Covered(*f, right)) {
            to_right.push_back(std::move(f));
          } else if (!TryCondition(join, f, left, right)) {
            if (auto implied = ImpliedFilter(*f, left)) to_left.push_back(std::move(implied));
            if (auto implied = ImpliedFilter(*f, right)) to_right.push_back(std::move(implied));
            join.expressions.push_back(std::move(f));
          }
          break;
        case JoinType::kLeft:
        case JoinType::kSemi:
        case JoinType::kAnti:
        case JoinType::kMark:
        case JoinType::kSingle:
          if (pushable && !reads_right && Covered(*f, left)) to_left.push_back(std::move(f));
          else above.push_back(std::move(f));
          break;
        default:
          above.push_back(std::move(f));
          break;
      }
    }
    // Residual predicates of outer/semi joins that read only the right side filter the right
    // input; comparisons across the sides become conditions.
    if (join.join_type != JoinType::kInner && join.join_type != JoinType::kFull && join.join_type != JoinType::kRight) {
      ExpressionList residual;
      for (auto& e : join.expressions) {
        if (PushableThrough(*e) && !ReadsAny(*e, left) && Covered(*e, right)) {
          to_right.push_back(std::move(e));
        } else if (!TryCondition(join, e, left, right)) {
          residual.push_back(std::move(e));
        }
      }
      join.expressions = std::move(residual);
    }
    op->children[0] = Push(std::move(op->children[0]), std::move(to_left));
    op->children[1] = Push(std::move(op->children[1]), std::move(to_right));
    return Wrap(std::move(op), std::move(above));
  }

  // Turns `l op r` with l over the left side and r over the right into a join condition.
  static bool TryCondition(LogicalJoin& join, ExpressionPtr& e, const std::set<ColumnBinding>& left,
                           const std::set<ColumnBinding>& right) {
    if (e->kind != ExpressionKind::kComparison) return false;
    auto& comparison = e->As<ComparisonExpression>();
    ExpressionPtr& a = comparison.children[0];
    ExpressionPtr& b = comparison.children[1];
    if (Covered(*a, left) && Covered(*b, right) && ReadsAny(*a, left) && ReadsAny(*b, right)) {
      join.conditions.push_back({std::move(a), std::move(b), comparison.op});
      return true;
    }
    if (Covered(*a, right) && Covered(*b, left) && ReadsAny(*a, right) && ReadsAny(*b, left)) {
      join.conditions.push_back({std::move(b), std::move(a), FlipComparison(comparison.op)});
      return true;
    }
    return false;
  }
};

}  // namespace

LogicalOperatorPtr PushDownFilters(LogicalOperatorPtr plan, const ConstantEvaluator&) {
  FilterPushdown pushdown;
  return pushdown.Push(std::move(plan), {});
}

}  // namespace switchboard
