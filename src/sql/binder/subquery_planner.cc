// Subquery flattening. Correlated subqueries are decorrelated in one of two ways:
//  1. Pull-up: correlated comparisons in the subquery's filters move up (through projections,
//     and for equalities through aggregates, which then group by them) and become join
//     conditions between the outer plan and the now uncorrelated subquery.
//  2. Dependent join elimination (the general case): the outer plan is materialized once; the
//     distinct values D of the outer columns the subquery uses are pushed into the subquery
//     (replacing the outer references by D's columns), and the result joins the outer plan on
//     those columns (IS NOT DISTINCT FROM).
#include "sql/binder/subquery_planner.h"

#include <map>

#include "sql/binder/binder.h"

namespace switchboard {

namespace {

using BindingMap = std::map<ColumnBinding, ColumnBinding>;

bool ExpressionHasCorrelation(const Expression& expression) {
  bool found = false;
  VisitExpression(expression, [&](const Expression& e) {
    if (e.kind == ExpressionKind::kColumnRef && e.As<ColumnRefExpression>().depth == 1) found = true;
  });
  return found;
}

bool OperatorHasCorrelation(LogicalOperator& op) {
  bool found = false;
  ForEachExpression(op, [&](ExpressionPtr& e) { found = found || ExpressionHasCorrelation(*e); });
  return found;
}

bool SubtreeHasCorrelation(LogicalOperator& op) {
  if (OperatorHasCorrelation(op)) return true;
  for (auto& child : op.children) {
    if (SubtreeHasCorrelation(*child)) return true;
  }
  return false;
}

// References one level out become local: either the mapped binding (D's columns) or, with an
// empty map, the same binding at depth 0. Deeper references move one level in.
void Decorrelate(ExpressionPtr& expression, const BindingMap& map) {
  if (expression->kind == ExpressionKind::kColumnRef) {
    auto& ref = expression->As<ColumnRefExpression>();
    if (ref.depth == 1) {
      auto it = map.find(ref.binding);
      if (it != map.end()) ref.binding = it->second;
      ref.depth = 0;
    } else if (ref.depth > 1) {
      --ref.depth;
    }
    return;
  }
  ForEachChild(*expression, [&](ExpressionPtr& child) { Decorrelate(child, map); });
}

void DecorrelateOperator(LogicalOperator& op, const BindingMap& map) {
  ForEachExpression(op, [&](ExpressionPtr& e) { Decorrelate(e, map); });
}

// Moves one level in every deeper reference left in a subtree (after its depth-1 references
// were handled).
void DecorrelateSubtree(LogicalOperator& op, const BindingMap& map) {
  DecorrelateOperator(op, map);
  for (auto& child : op.children) DecorrelateSubtree(*child, map);
}

ExpressionPtr Ref(const LogicalType& type, ColumnBinding binding) {
  return std::make_unique<ColumnRefExpression>(type, binding);
}

bool IsCountLike(const AggregateExpression& aggregate) {
  const std::string& name = aggregate.function.name;
  return name == "count" || name == "count_if" || name == "approx_distinct";
}

// ----- pull-up -------------------------------------------------------------------------------

struct PulledCondition {
  ExpressionPtr inner;  // over the subquery's output
  ExpressionPtr outer;  // over the outer plan (already made local)
  ComparisonOp op;
};

// `inner op outer` split of a correlated comparison: which operand is local and which outer.
enum class Side { kNone, kLeftLocal, kRightLocal };

Side SplitComparison(const Expression& conjunct) {
  if (conjunct.kind != ExpressionKind::kComparison) return Side::kNone;
  auto local_only = [](const Expression& e) {
    bool correlated = false;
    VisitExpression(e, [&](const Expression& n) {
      if (n.kind == ExpressionKind::kColumnRef && n.As<ColumnRefExpression>().depth > 0) correlated = true;
      if (n.kind == ExpressionKind::kSubquery) correlated = true;
    });
    return !correlated;
  };
  auto outer_only = [](const Expression& e) {
    bool local = false, any = false;
    VisitExpression(e, [&](const Expression& n) {
      if (n.kind == ExpressionKind::kColumnRef) {
        if (n.As<ColumnRefExpression>().depth == 0) local = true;
        else any = true;
      }
    });
    return any && !local;
  };
  const Expression& left = *conjunct.children[0];
  const Expression& right = *conjunct.children[1];
  if (local_only(left) && outer_only(right)) return Side::kLeftLocal;
  if (local_only(right) && outer_only(left)) return Side::kRightLocal;
  return Side::kNone;
}

// The comparison operators (as `inner op outer`) that pulling up would extract from `op`'s
// subtree, or nullopt when its correlations cannot be pulled up. Changes nothing.
std::optional<std::vector<ComparisonOp>> AnalyzePullUp(LogicalOperator& op) {
  switch (op.kind) {
    case LogicalOperatorKind::kFilter: {
      auto below = AnalyzePullUp(*op.children[0]);
      if (!below) return std::nullopt;
      for (auto& conjunct : op.expressions) {
        if (!ExpressionHasCorrelation(*conjunct)) continue;
        Side side = SplitComparison(*conjunct);
        if (side == Side::kNone) return std::nullopt;
        ComparisonOp comparison = conjunct->As<ComparisonExpression>().op;
        below->push_back(side == Side::kLeftLocal ? comparison : FlipComparison(comparison));
      }
      return below;
    }
    case LogicalOperatorKind::kProjection:
      if (OperatorHasCorrelation(op)) return std::nullopt;
      return AnalyzePullUp(*op.children[0]);
    case LogicalOperatorKind::kAggregate: {
      auto& aggregate = op.As<LogicalAggregate>();
      if (OperatorHasCorrelation(op) || !aggregate.grouping_sets.empty()) return std::nullopt;
      auto below = AnalyzePullUp(*op.children[0]);
      if (!below || below->empty()) return below;
      for (ComparisonOp c : *below) {
        if (c != ComparisonOp::kEqual && c != ComparisonOp::kNotDistinctFrom) return std::nullopt;
      }
      if (aggregate.groups.empty()) {
        for (const auto& a : aggregate.expressions) {
          if (IsCountLike(a->As<AggregateExpression>())) return std::nullopt;  // empty groups would vanish
        }
      }
      return below;
    }
    case LogicalOperatorKind::kJoin: {
      if (OperatorHasCorrelation(op)) return std::nullopt;
      auto left = AnalyzePullUp(*op.children[0]);
      if (!left) return std::nullopt;
      if (op.As<LogicalJoin>().join_type == JoinType::kInner) {
        auto right = AnalyzePullUp(*op.children[1]);
        if (!right) return std::nullopt;
        left->insert(left->end(), right->begin(), right->end());
        return left;
      }
      if (SubtreeHasCorrelation(*op.children[1])) return std::nullopt;
      return left;
    }
    default:
      if (SubtreeHasCorrelation(op)) return std::nullopt;
      return std::vector<ComparisonOp>{};
  }
}

/// Pulls correlated comparisons up into `conditions`. Call only after AnalyzePullUp succeeded.
class PullUp {
 public:
  std::vector<PulledCondition> conditions;

  void Run(LogicalOperatorPtr& op) {
    switch (op->kind) {
      case LogicalOperatorKind::kFilter: {
        Run(op->children[0]);
        ExpressionList kept;
        for (auto& conjunct : op->expressions) {
          if (!ExpressionHasCorrelation(*conjunct)) {
            kept.push_back(std::move(conjunct));
            continue;
          }
          Extract(conjunct);
        }
        op->expressions = std::move(kept);
        if (op->expressions.empty()) op = std::move(op->children[0]);
        return;
      }
      case LogicalOperatorKind::kProjection: {
        size_t before = conditions.size();
        Run(op->children[0]);
        // Conditions found below must be computable above: project their inner sides.
        auto& projection = op->As<LogicalProjection>();
        for (size_t i = before; i < conditions.size(); ++i) {
          LogicalType type = conditions[i].inner->type;
          projection.expressions.push_back(std::move(conditions[i].inner));
          conditions[i].inner = Ref(type, {projection.table_index, projection.expressions.size() - 1});
        }
        return;
      }
      case LogicalOperatorKind::kAggregate: {
        auto& aggregate = op->As<LogicalAggregate>();
        size_t before = conditions.size();
        Run(op->children[0]);
        // Group by the inner sides of the equalities: one group per outer value.
        for (size_t i = before; i < conditions.size(); ++i) {
          LogicalType type = conditions[i].inner->type;
          aggregate.groups.push_back(std::move(conditions[i].inner));
          conditions[i].inner = Ref(type, {aggregate.group_index, aggregate.groups.size() - 1});
        }
        return;
      }
      case LogicalOperatorKind::kJoin:
        Run(op->children[0]);
        if (op->As<LogicalJoin>().join_type == JoinType::kInner) Run(op->children[1]);
        return;
      default:
        return;
    }
  }

 private:
  void Extract(ExpressionPtr& conjunct) {
    auto& comparison = conjunct->As<ComparisonExpression>();
    ExpressionPtr& left = comparison.children[0];
    ExpressionPtr& right = comparison.children[1];
    if (SplitComparison(*conjunct) == Side::kLeftLocal) {
      Decorrelate(right, {});
      conditions.push_back({std::move(left), std::move(right), comparison.op});
    } else {
      Decorrelate(left, {});
      conditions.push_back({std::move(right), std::move(left), FlipComparison(comparison.op)});
    }
  }
};

}  // namespace

// ----- dependent join elimination ------------------------------------------------------------

namespace {

class DependentJoinFlattener {
 public:
  DependentJoinFlattener(Binder& binder, const LogicalOperator& outer, const std::vector<ColumnBinding>& correlated,
                         const std::vector<LogicalType>& types, idx_t cte_index)
      : binder_(binder), correlated_(correlated), types_(types), cte_index_(cte_index) {
    outer_bindings_ = outer.GetColumnBindings();
    outer_types_ = outer.types;
  }

  /// The outer plan's rows, read back from the materialized outer plan.
  LogicalOperatorPtr OuterScan() {
    auto scan = std::make_unique<LogicalCteRef>(binder_.NewTableIndex(), cte_index_, outer_types_);
    scan->bindings = outer_bindings_;
    return scan;
  }

  /// A fresh copy of D = DISTINCT(correlated outer columns); `d` receives its bindings.
  LogicalOperatorPtr MakeD(std::vector<ColumnBinding>& d) {
    auto projection = std::make_unique<LogicalProjection>(binder_.NewTableIndex());
    d.clear();
    for (size_t i = 0; i < correlated_.size(); ++i) {
      projection->expressions.push_back(Ref(types_[i], correlated_[i]));
      d.push_back({projection->table_index, i});
    }
    projection->children.push_back(OuterScan());
    auto distinct = std::make_unique<LogicalDistinct>();
    distinct->children.push_back(std::move(projection));
    return distinct;
  }

  BindingMap Map(const std::vector<ColumnBinding>& d) const {
    BindingMap map;
    for (size_t i = 0; i < correlated_.size(); ++i) map[correlated_[i]] = d[i];
    return map;
  }

  /// Rewrites `op` so that it no longer refers to the outer query and also outputs D's
  /// columns; returns their bindings.
  std::vector<ColumnBinding> Push(LogicalOperatorPtr& op) {
    std::vector<ColumnBinding> d;
    if (!SubtreeHasCorrelation(*op)) {
      auto cross = std::make_unique<LogicalJoin>(JoinType::kInner);
      DecorrelateSubtree(*op, {});
      cross->children.push_back(std::move(op));
      cross->children.push_back(MakeD(d));
      op = std::move(cross);
      return d;
    }
    switch (op->kind) {
      case LogicalOperatorKind::kFilter:
      case LogicalOperatorKind::kOrder:
      case LogicalOperatorKind::kDistinct:
      case LogicalOperatorKind::kUnnest:
        d = Push(op->children[0]);
        DecorrelateOperator(*op, Map(d));
        return d;
      case LogicalOperatorKind::kProjection: {
        d = Push(op->children[0]);
        DecorrelateOperator(*op, Map(d));
        auto& projection = op->As<LogicalProjection>();
        std::vector<ColumnBinding> out;
        for (size_t i = 0; i < d.size(); ++i) {
          projection.expressions.push_back(Ref(types_[i], d[i]));
          out.push_back({projection.table_index, projection.expressions.size() - 1});
        }
        return out;
      }
      case LogicalOperatorKind::kAggregate:
        return PushAggregate(op);
      case LogicalOperatorKind::kWindow: {
        d = Push(op->children[0]);
        DecorrelateOperator(*op, Map(d));
        for (auto& e : op->expressions) {
          auto& window = e->As<WindowExpression>();
          for (size_t i = 0; i < d.size(); ++i) window.partitions.push_back(Ref(types_[i], d[i]));
        }
        return d;
      }
      case LogicalOperatorKind::kJoin:
        return PushJoin(op);
      case LogicalOperatorKind::kLimit:
      case LogicalOperatorKind::kTopN:
        return PushLimit(op);
      case LogicalOperatorKind::kSetOperation:
        return PushSetOperation(op);
      case LogicalOperatorKind::kMaterializedCte:
        if (SubtreeHasCorrelation(*op->children[0])) break;
        d = Push(op->children[1]);
        return d;
      default:
        break;
    }
    SB_THROW(kNotSupported, "This correlated subquery is not supported (correlated reference inside {})", op->Name());
  }

 private:
  std::vector<ColumnBinding> PushAggregate(LogicalOperatorPtr& op) {
    auto& aggregate = op->As<LogicalAggregate>();
    if (!aggregate.grouping_sets.empty()) {
      SB_THROW(kNotSupported, "Correlated subqueries with GROUPING SETS are not supported");
    }
    std::vector<ColumnBinding> child_d = Push(op->children[0]);
    DecorrelateOperator(*op, Map(child_d));
    std::vector<ColumnBinding> out;
    if (!aggregate.groups.empty()) {
      for (size_t i = 0; i < child_d.size(); ++i) {
        aggregate.groups.push_back(Ref(types_[i], child_d[i]));
        out.push_back({aggregate.group_index, aggregate.groups.size() - 1});
      }
      return out;
    }
    // An aggregate without GROUP BY yields a row even for an empty input: aggregate over
    // D LEFT JOIN input, so every D value has a group; count(*) counts matched rows only.
    LogicalOperatorPtr input = std::move(op->children[0]);
    auto input_bindings = input->GetColumnBindings();
    input->ResolveTypes();
    auto marked = std::make_unique<LogicalProjection>(binder_.NewTableIndex());
    BindingMap remap;
    for (size_t i = 0; i < input_bindings.size(); ++i) {
      marked->expressions.push_back(Ref(input->types[i], input_bindings[i]));
      remap[input_bindings[i]] = {marked->table_index, i};
    }
    marked->expressions.push_back(MakeConstant(Value::Boolean(true)));
    ColumnBinding marker{marked->table_index, input_bindings.size()};
    marked->children.push_back(std::move(input));
    std::vector<ColumnBinding> d;
    auto join = std::make_unique<LogicalJoin>(JoinType::kLeft);
    join->children.push_back(MakeD(d));
    for (size_t i = 0; i < d.size(); ++i) {
      join->conditions.push_back({Ref(types_[i], d[i]), Ref(types_[i], remap[child_d[i]]), ComparisonOp::kNotDistinctFrom});
    }
    join->children.push_back(std::move(marked));
    std::function<void(ExpressionPtr&)> rebind = [&](ExpressionPtr& e) {
      if (e->kind == ExpressionKind::kColumnRef) {
        auto& ref = e->As<ColumnRefExpression>();
        auto it = remap.find(ref.binding);
        if (ref.depth == 0 && it != remap.end()) ref.binding = it->second;
        return;
      }
      ForEachChild(*e, rebind);
    };
    for (auto& a : aggregate.expressions) {
      rebind(a);
      auto& call = a->As<AggregateExpression>();
      if (call.function.name == "count" && call.children.empty()) {
        // count(*) -> count(marker): the padding row of an unmatched D value counts as 0.
        call.children.push_back(Ref(LogicalType(TypeId::kBoolean), marker));
        std::vector<LogicalType> types = {TypeId::kBoolean};
        auto resolved = binder_.environment().functions->ResolveAggregate("count", types);
        call.function = resolved.function;
        call.bind_data = resolved.bind_data;
      }
    }
    for (size_t i = 0; i < d.size(); ++i) {
      aggregate.groups.push_back(Ref(types_[i], d[i]));
      out.push_back({aggregate.group_index, aggregate.groups.size() - 1});
    }
    op->children[0] = std::move(join);
    return out;
  }

  std::vector<ColumnBinding> PushJoin(LogicalOperatorPtr& op) {
    auto& join = op->As<LogicalJoin>();
    bool left = SubtreeHasCorrelation(*op->children[0]);
    bool right = SubtreeHasCorrelation(*op->children[1]);
    bool conditions = OperatorHasCorrelation(*op);
    std::vector<ColumnBinding> d;
    if (join.join_type == JoinType::kFull) {
      SB_THROW(kNotSupported, "Correlated references inside a FULL JOIN are not supported");
    }
    if (!right && join.join_type != JoinType::kRight) {
      d = Push(op->children[0]);
      DecorrelateOperator(*op, Map(d));
      return d;
    }
    if (!left && !conditions && join.join_type == JoinType::kInner) {
      d = Push(op->children[1]);
      DecorrelateOperator(*op, Map(d));
      return d;
    }
    std::vector<ColumnBinding> dl = Push(op->children[0]);
    std::vector<ColumnBinding> dr = Push(op->children[1]);
    DecorrelateOperator(*op, Map(dl));
    for (size_t i = 0; i < dl.size(); ++i) {
      join.conditions.push_back({Ref(types_[i], dl[i]), Ref(types_[i], dr[i]), ComparisonOp::kNotDistinctFrom});
    }
    return join.join_type == JoinType::kRight ? dr : dl;
  }

  std::vector<ColumnBinding> PushLimit(LogicalOperatorPtr& op) {
    // LIMIT applies per outer row: keep the rows numbered [offset, offset + limit) within each
    // D partition, in the order of the ORDER BY below (if any).
    std::optional<int64_t> limit;
    int64_t offset = 0;
    std::vector<BoundOrder> orders;
    LogicalOperatorPtr child = std::move(op->children[0]);
    if (op->kind == LogicalOperatorKind::kTopN) {
      auto& top = op->As<LogicalTopN>();
      limit = top.limit;
      offset = top.offset;
      orders = std::move(top.orders);
    } else {
      limit = op->As<LogicalLimit>().limit;
      offset = op->As<LogicalLimit>().offset;
      if (child->kind == LogicalOperatorKind::kOrder) {
        orders = std::move(child->As<LogicalOrder>().orders);
        child = std::move(child->children[0]);
      }
    }
    std::vector<ColumnBinding> d = Push(child);
    BindingMap map = Map(d);
    const WindowFunction* row_number = binder_.environment().functions->FindWindow("row_number");
    auto window_expression = std::make_unique<WindowExpression>(LogicalType(TypeId::kBigint), ExpressionList{});
    window_expression->function = row_number;
    for (size_t i = 0; i < d.size(); ++i) window_expression->partitions.push_back(Ref(types_[i], d[i]));
    for (auto& o : orders) {
      Decorrelate(o.expression, map);
      window_expression->orders.push_back({std::move(o.expression), o.descending, o.nulls_first});
    }
    window_expression->frame_unit = FrameUnit::kRows;
    window_expression->start.kind = FrameBoundKind::kUnboundedPreceding;
    window_expression->end.kind = FrameBoundKind::kCurrentRow;
    auto window = std::make_unique<LogicalWindow>(binder_.NewTableIndex());
    ColumnBinding rank{window->window_index, 0};
    window->expressions.push_back(std::move(window_expression));
    window->children.push_back(std::move(child));
    auto filter = std::make_unique<LogicalFilter>();
    filter->expressions.push_back(std::make_unique<ComparisonExpression>(
        ComparisonOp::kGreater, Ref(LogicalType(TypeId::kBigint), rank), MakeConstant(Value::Bigint(offset))));
    if (limit) {
      filter->expressions.push_back(std::make_unique<ComparisonExpression>(
          ComparisonOp::kLessEqual, Ref(LogicalType(TypeId::kBigint), rank), MakeConstant(Value::Bigint(offset + *limit))));
    }
    filter->children.push_back(std::move(window));
    op = std::move(filter);
    return d;
  }

  std::vector<ColumnBinding> PushSetOperation(LogicalOperatorPtr& op) {
    auto& set = op->As<LogicalSetOperation>();
    // Each side outputs its columns, then D's, in that order.
    for (auto& side : op->children) {
      side->ResolveTypes();
      auto bindings = side->GetColumnBindings();
      auto types = side->types;
      std::vector<ColumnBinding> d = Push(side);
      auto projection = std::make_unique<LogicalProjection>(binder_.NewTableIndex());
      for (size_t i = 0; i < bindings.size(); ++i) projection->expressions.push_back(Ref(types[i], bindings[i]));
      for (size_t i = 0; i < d.size(); ++i) projection->expressions.push_back(Ref(types_[i], d[i]));
      projection->children.push_back(std::move(side));
      side = std::move(projection);
    }
    op->children[0]->ResolveTypes();
    std::vector<ColumnBinding> out;
    size_t width = op->children[0]->types.size() - correlated_.size();
    for (size_t i = 0; i < correlated_.size(); ++i) out.push_back({set.table_index, width + i});
    return out;
  }

  Binder& binder_;
  const std::vector<ColumnBinding>& correlated_;
  const std::vector<LogicalType>& types_;
  idx_t cte_index_;
  std::vector<ColumnBinding> outer_bindings_;
  std::vector<LogicalType> outer_types_;
};

}  // namespace

ExpressionPtr SubqueryPlanner::PlanSubquery(SubqueryExpression& subquery, LogicalOperatorPtr& plan, bool as_filter,
                                            bool negated) {
  LogicalOperatorPtr inner = std::move(subquery.plan);
  inner->ResolveTypes();
  plan->ResolveTypes();
  auto inner_bindings = inner->GetColumnBindings();
  // The subquery's first column keeps its binding through decorrelation.
  const LogicalType first_type = inner->types.empty() ? LogicalType(TypeId::kBoolean) : inner->types[0];
  const ColumnBinding first_binding = inner_bindings.empty() ? ColumnBinding{} : inner_bindings[0];
  SubqueryKind kind = subquery.subquery_kind;
  ComparisonOp op = kind == SubqueryKind::kAll ? NegateComparison(subquery.op) : subquery.op;
  bool negate_result = kind == SubqueryKind::kAll;
  // ALL: NOT (x <negated op> ANY (...)).
  bool filter_join = as_filter && (kind == SubqueryKind::kExists ||
                                   (kind == SubqueryKind::kAny && op == ComparisonOp::kEqual && !negated));
  JoinType join_type = kind == SubqueryKind::kScalar ? JoinType::kSingle
                       : filter_join ? (negated ? JoinType::kAnti : JoinType::kSemi)
                                     : JoinType::kMark;
  auto make_join = [&]() {
    auto join = std::make_unique<LogicalJoin>(join_type);
    if (join_type == JoinType::kMark) join->mark_index = binder_.NewTableIndex();
    return join;
  };
  // The comparison of ANY/ALL: operand op subquery column.
  auto add_comparison = [&](LogicalJoin& join) {
    if (kind == SubqueryKind::kAny || kind == SubqueryKind::kAll) {
      join.conditions.push_back({std::move(subquery.children[0]), Ref(first_type, first_binding), op});
    }
  };
  auto result_expression = [&](LogicalJoin& join) -> ExpressionPtr {
    if (filter_join) return nullptr;
    ExpressionPtr result;
    if (kind == SubqueryKind::kScalar) {
      result = Ref(first_type, first_binding);
    } else {
      result = Ref(LogicalType(TypeId::kBoolean), {join.mark_index, 0});
    }
    if (negate_result) result = MakeNot(std::move(result));
    return result;
  };

  if (subquery.correlated_columns.empty()) {
    DecorrelateSubtree(*inner, {});  // references further out move one level in
    auto join = make_join();
    add_comparison(*join);
    join->children.push_back(std::move(plan));
    join->children.push_back(std::move(inner));
    ExpressionPtr result = result_expression(*join);
    plan = std::move(join);
    return result;
  }

  // Correlated: try pulling the correlated predicates up into join conditions.
  if (AnalyzePullUp(*inner)) {
    PullUp pull;
    pull.Run(inner);
    DecorrelateSubtree(*inner, {});
    inner->ResolveTypes();
    inner_bindings = inner->GetColumnBindings();
    auto join = make_join();
    for (auto& c : pull.conditions) join->conditions.push_back({std::move(c.outer), std::move(c.inner), FlipComparison(c.op)});
    add_comparison(*join);
    join->children.push_back(std::move(plan));
    join->children.push_back(std::move(inner));
    ExpressionPtr result = result_expression(*join);
    plan = std::move(join);
    return result;
  }
  SB_CHECK(inner != nullptr);

  // General case: join with the subquery evaluated once per distinct outer value.
  idx_t cte_index = binder_.NewTableIndex();
  DependentJoinFlattener flattener(binder_, *plan, subquery.correlated_columns, subquery.correlated_types, cte_index);
  std::vector<ColumnBinding> d = flattener.Push(inner);
  inner->ResolveTypes();
  auto join = make_join();
  for (size_t i = 0; i < d.size(); ++i) {
    join->conditions.push_back({Ref(subquery.correlated_types[i], subquery.correlated_columns[i]),
                                Ref(subquery.correlated_types[i], d[i]), ComparisonOp::kNotDistinctFrom});
  }
  add_comparison(*join);
  join->children.push_back(flattener.OuterScan());
  join->children.push_back(std::move(inner));
  ExpressionPtr result = result_expression(*join);
  auto cte = std::make_unique<LogicalMaterializedCte>(cte_index, "decorrelated outer query");
  cte->children.push_back(std::move(plan));
  cte->children.push_back(std::move(join));
  plan = std::move(cte);
  return result;
}

void SubqueryPlanner::AdoptChildLevel(LogicalOperator& plan) { DecorrelateSubtree(plan, {}); }

LogicalOperatorPtr SubqueryPlanner::PlanLateralJoin(LogicalOperatorPtr left, LogicalOperatorPtr right,
                                                    const std::vector<ColumnBinding>& correlated,
                                                    const std::vector<LogicalType>& types, JoinType join_type,
                                                    ExpressionPtr condition) {
  left->ResolveTypes();
  auto join = std::make_unique<LogicalJoin>(join_type);
  if (condition) SplitConjunction(std::move(condition), join->expressions);
  if (correlated.empty()) {
    DecorrelateSubtree(*right, {});
    join->children.push_back(std::move(left));
    join->children.push_back(std::move(right));
    return join;
  }
  idx_t cte_index = binder_.NewTableIndex();
  DependentJoinFlattener flattener(binder_, *left, correlated, types, cte_index);
  std::vector<ColumnBinding> d = flattener.Push(right);
  for (size_t i = 0; i < d.size(); ++i) {
    join->conditions.push_back({Ref(types[i], correlated[i]), Ref(types[i], d[i]), ComparisonOp::kNotDistinctFrom});
  }
  join->children.push_back(flattener.OuterScan());
  join->children.push_back(std::move(right));
  auto cte = std::make_unique<LogicalMaterializedCte>(cte_index, "lateral outer query");
  cte->children.push_back(std::move(left));
  cte->children.push_back(std::move(join));
  return cte;
}

void SubqueryPlanner::PlanSubqueries(ExpressionPtr& expression, LogicalOperatorPtr& plan) {
  if (expression->kind == ExpressionKind::kSubquery) {
    // Operands (IN's left side) may hold subqueries of their own.
    for (auto& child : expression->children) PlanSubqueries(child, plan);
    expression = PlanSubquery(expression->As<SubqueryExpression>(), plan, false, false);
    return;
  }
  if (expression->kind == ExpressionKind::kLambda) return;
  ForEachChild(*expression, [&](ExpressionPtr& child) { PlanSubqueries(child, plan); });
}

LogicalOperatorPtr SubqueryPlanner::PlanFilter(ExpressionPtr predicate, LogicalOperatorPtr plan) {
  ExpressionList conjuncts;
  SplitConjunction(std::move(predicate), conjuncts);
  ExpressionList remaining;
  for (auto& conjunct : conjuncts) {
    Expression* target = conjunct.get();
    bool negated = false;
    if (target->kind == ExpressionKind::kNot && target->children[0]->kind == ExpressionKind::kSubquery) {
      target = target->children[0].get();
      negated = true;
    }
    if (target->kind == ExpressionKind::kSubquery) {
      auto& subquery = target->As<SubqueryExpression>();
      bool filterable = subquery.subquery_kind == SubqueryKind::kExists ||
                        (subquery.subquery_kind == SubqueryKind::kAny && subquery.op == ComparisonOp::kEqual && !negated);
      if (filterable) {
        for (auto& child : subquery.children) PlanSubqueries(child, plan);
        ExpressionPtr rest = PlanSubquery(subquery, plan, true, negated);
        if (rest) remaining.push_back(negated ? MakeNot(std::move(rest)) : std::move(rest));
        continue;
      }
    }
    PlanSubqueries(conjunct, plan);
    remaining.push_back(std::move(conjunct));
  }
  if (remaining.empty()) return plan;
  auto filter = std::make_unique<LogicalFilter>();
  for (auto& r : remaining) SplitConjunction(std::move(r), filter->expressions);
  filter->children.push_back(std::move(plan));
  return filter;
}

}  // namespace switchboard
