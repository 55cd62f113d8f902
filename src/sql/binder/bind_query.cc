// Binding of queries: WITH, SELECT (grouping, aggregation, windows, ordering), set operations,
// VALUES, ORDER BY / OFFSET / LIMIT.
#include <algorithm>
#include <set>

#include "common/string_util.h"
#include "function/type_coercion.h"
#include "sql/binder/binder.h"
#include "sql/binder/expression_binder.h"
#include "sql/binder/subquery_planner.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code, const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

std::string NormalizeIdentifier(const ast::Identifier& identifier) {
  return identifier.quoted ? identifier.name : ToLower(identifier.name);
}

// The output name of a SELECT item without an alias: a column's name, a field's name, or _colN.
std::string DerivedName(const ast::Expression& expression, size_t position) {
  if (expression.Is<ast::ColumnRef>()) return NormalizeIdentifier(expression.As<ast::ColumnRef>().name.parts.back());
  if (expression.Is<ast::Dereference>()) return NormalizeIdentifier(expression.As<ast::Dereference>().field);
  return fmt::format("_col{}", position);
}

std::optional<int64_t> IntegerLiteral(const ast::Expression& expression) {
  if (!expression.Is<ast::Literal>()) return std::nullopt;
  const auto& literal = expression.As<ast::Literal>();
  if (literal.literal_kind != ast::LiteralKind::kInteger) return std::nullopt;
  return std::stoll(literal.text);
}

const ast::Identifier* SinglePartName(const ast::Expression& expression) {
  if (!expression.Is<ast::ColumnRef>()) return nullptr;
  const auto& parts = expression.As<ast::ColumnRef>().name.parts;
  return parts.size() == 1 ? &parts[0] : nullptr;
}

// Moves aggregate calls out of SELECT/HAVING/ORDER BY expressions into the aggregate operator's
// list and replaces grouped expressions by references to the group columns.
class AggregateRewriter {
 public:
  AggregateRewriter(const ExpressionList& groups, idx_t group_index, idx_t aggregate_index, idx_t grouping_index)
      : groups_(groups), group_index_(group_index), aggregate_index_(aggregate_index), grouping_index_(grouping_index) {}

  ExpressionList aggregates;
  std::vector<std::vector<idx_t>> grouping_functions;

  void Rewrite(ExpressionPtr& expression, const char* clause) {
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (expression->Equals(*groups_[g])) {
        auto ref = std::make_unique<ColumnRefExpression>(groups_[g]->type, ColumnBinding{group_index_, g});
        ref->alias = expression->alias;
        expression = std::move(ref);
        return;
      }
    }
    switch (expression->kind) {
      case ExpressionKind::kAggregate: {
        for (size_t a = 0; a < aggregates.size(); ++a) {
          if (aggregates[a]->Equals(*expression)) {
            expression = std::make_unique<ColumnRefExpression>(aggregates[a]->type, ColumnBinding{aggregate_index_, a});
            return;
          }
        }
        aggregates.push_back(std::move(expression));
        idx_t position = aggregates.size() - 1;
        expression = std::make_unique<ColumnRefExpression>(aggregates.back()->type, ColumnBinding{aggregate_index_, position});
        return;
      }
      case ExpressionKind::kGroupingId: {
        std::vector<idx_t> indexes;
        for (auto& child : expression->children) {
          auto it = std::find_if(groups_.begin(), groups_.end(), [&](const ExpressionPtr& g) { return g->Equals(*child); });
          if (it == groups_.end()) {
            SB_THROW(kGroupingError, "The arguments of GROUPING() must be grouping expressions: {}", child->ToString());
          }
          indexes.push_back(static_cast<idx_t>(it - groups_.begin()));
        }
        grouping_functions.push_back(std::move(indexes));
        expression = std::make_unique<ColumnRefExpression>(LogicalType(TypeId::kBigint),
                                                           ColumnBinding{grouping_index_, grouping_functions.size() - 1});
        return;
      }
      case ExpressionKind::kColumnRef:
        if (expression->As<ColumnRefExpression>().depth == 0) {
          SB_THROW(kGroupingError, "{}: '{}' must be an aggregate expression or appear in GROUP BY clause", clause,
                   expression->ToString());
        }
        return;
      default:
        ForEachChild(*expression, [&](ExpressionPtr& child) { Rewrite(child, clause); });
        return;
    }
  }

 private:
  const ExpressionList& groups_;
  idx_t group_index_, aggregate_index_, grouping_index_;
};

// Moves window calls into the window operator's list, replacing them with column references.
class WindowExtractor {
 public:
  explicit WindowExtractor(idx_t window_index) : window_index_(window_index) {}
  ExpressionList windows;

  void Extract(ExpressionPtr& expression) {
    if (expression->kind == ExpressionKind::kWindow) {
      for (size_t w = 0; w < windows.size(); ++w) {
        if (windows[w]->Equals(*expression)) {
          expression = std::make_unique<ColumnRefExpression>(windows[w]->type, ColumnBinding{window_index_, w});
          return;
        }
      }
      windows.push_back(std::move(expression));
      expression = std::make_unique<ColumnRefExpression>(windows.back()->type, ColumnBinding{window_index_, windows.size() - 1});
      return;
    }
    ForEachChild(*expression, [&](ExpressionPtr& child) { Extract(child); });
  }

 private:
  idx_t window_index_;
};

bool ContainsKind(const Expression& e, ExpressionKind kind) { return e.Contains(kind); }

}  // namespace

BoundQuery Binder::BindQuery(const ast::Query& query) {
  auto saved_ctes = ctes_;
  for (const auto& cte : query.with) {
    CteDefinition definition;
    definition.definition = &cte;
    definition.recursive = query.with_recursive;
    ctes_[ToLower(cte.name.name)] = definition;
  }
  BoundQuery bound;
  try {
    if (query.body->Is<ast::QuerySpecification>()) {
      bound = BindSelect(query.body->As<ast::QuerySpecification>(), &query);
    } else {
      bound = BindQueryBody(*query.body, nullptr);
      ApplyOrderAndLimit(query, bound);
    }
  } catch (...) {
    ctes_ = saved_ctes;
    throw;
  }
  ctes_ = saved_ctes;
  return bound;
}

BoundQuery Binder::BindQueryBody(const ast::QueryBody& body, const ast::Query* enclosing) {
  switch (body.kind) {
    case ast::QueryBodyKind::kQuerySpecification:
      return BindSelect(body.As<ast::QuerySpecification>(), enclosing);
    case ast::QueryBodyKind::kSetOperation:
      return BindSetOperation(body.As<ast::SetOperation>());
    case ast::QueryBodyKind::kValues:
      return BindValues(body.As<ast::Values>());
    case ast::QueryBodyKind::kTableQuery: {
      BindScope scope;
      ast::TableRelation table(body.location, body.As<ast::TableQuery>().name);
      BoundQuery bound;
      bound.plan = BindTable(table, scope);
      for (const auto& relation : scope.relations()) {
        for (const auto& c : relation.columns) {
          bound.names.push_back(c.name);
          bound.types.push_back(c.type);
        }
      }
      return bound;
    }
    case ast::QueryBodyKind::kParenthesizedQuery:
      return BindQuery(*body.As<ast::ParenthesizedQuery>().query);
  }
  ThrowAt(body.location, ErrorCode::kInternal, "unknown query body");
}

int64_t Binder::BindLimitValue(const ast::Expression& expression, const char* what) {
  BindScope empty;
  ExpressionPtr bound = BindExpression(expression, empty);
  if (bound->kind == ExpressionKind::kConstant && bound->type.IsIntegral() && !bound->As<ConstantExpression>().value.is_null()) {
    int64_t value = bound->As<ConstantExpression>().value.GetInt64();
    if (value >= 0) return value;
  }
  ThrowAt(expression.location, ErrorCode::kInvalidParameter, fmt::format("{} must be a non-negative integer", what));
}

void Binder::ApplyLimit(const ast::Query& query, LogicalOperatorPtr& plan) {
  if (!query.limit && !query.offset) return;
  auto limit = std::make_unique<LogicalLimit>();
  if (query.limit) limit->limit = BindLimitValue(*query.limit, "LIMIT");
  if (query.offset) limit->offset = BindLimitValue(*query.offset, "OFFSET");
  limit->children.push_back(std::move(plan));
  plan = std::move(limit);
}

void Binder::ApplyOrderAndLimit(const ast::Query& query, BoundQuery& bound) {
  if (!query.order_by.empty()) {
    // ORDER BY of a set operation or VALUES: expressions over the output columns.
    BindScope scope;
    ScopeRelation relation;
    auto bindings = bound.plan->GetColumnBindings();
    for (size_t i = 0; i < bound.names.size(); ++i) relation.columns.push_back({bound.names[i], bound.types[i], bindings[i]});
    scope.AddRelation(std::move(relation));
    auto order = std::make_unique<LogicalOrder>();
    for (const auto& item : query.order_by) {
      ExpressionPtr expression;
      if (auto ordinal = IntegerLiteral(*item.expression)) {
        if (*ordinal < 1 || *ordinal > static_cast<int64_t>(bound.types.size())) {
          ThrowAt(item.expression->location, ErrorCode::kInvalidParameter,
                  fmt::format("ORDER BY position {} is not in select list", *ordinal));
        }
        size_t i = static_cast<size_t>(*ordinal - 1);
        expression = std::make_unique<ColumnRefExpression>(bound.types[i], bindings[i]);
      } else {
        expression = BindExpression(*item.expression, scope);
      }
      order->orders.push_back({std::move(expression), item.order == ast::SortOrder::kDescending,
                               item.nulls == ast::NullsOrder::kFirst});
    }
    order->children.push_back(std::move(bound.plan));
    bound.plan = std::move(order);
  }
  ApplyLimit(query, bound.plan);
  if (query.limit_with_ties) ThrowAt(query.location, ErrorCode::kNotSupported, "WITH TIES needs ORDER BY in a SELECT");
}

BoundQuery Binder::BindSelect(const ast::QuerySpecification& spec, const ast::Query* enclosing) {
  BindScope scope;
  LogicalOperatorPtr plan;
  if (spec.from.empty()) {
    plan = std::make_unique<LogicalDummyScan>(NewTableIndex());
  } else {
    plan = BindFrom(spec.from, scope);
  }
  SubqueryPlanner subqueries(*this);

  if (spec.where) {
    ExpressionBinder where_binder(*this, scope, {false, false, "WHERE clause", nullptr});
    ExpressionPtr predicate = where_binder.BindCondition(*spec.where);
    plan = subqueries.PlanFilter(std::move(predicate), std::move(plan));
  }

  // SELECT list, with * expanded.
  ExpressionBinder select_binder(*this, scope, {true, true, "SELECT clause", &spec.windows});
  ExpressionList select;
  std::vector<std::string> names;
  for (const auto& item : spec.select_items) {
    if (item.kind == ast::SelectItem::Kind::kAllColumns) {
      std::vector<std::string> qualifier;
      for (const auto& part : item.qualifier.parts) qualifier.push_back(part.name);
      if (!qualifier.empty() && !scope.HasRelation(qualifier)) {
        ThrowAt(item.location, ErrorCode::kUndefinedTable,
                fmt::format("Unable to resolve reference {}.*", item.qualifier.ToString()));
      }
      auto columns = scope.Expand(qualifier);
      if (columns.empty() && spec.from.empty()) {
        ThrowAt(item.location, ErrorCode::kSyntaxError, "SELECT * not allowed in queries without FROM clause");
      }
      for (auto& [name, expression] : columns) {
        bool excluded = std::any_of(item.excluded.begin(), item.excluded.end(),
                                    [&](const ast::Identifier& e) { return EqualsIgnoreCase(e.name, name); });
        if (excluded) continue;
        names.push_back(name);
        select.push_back(std::move(expression));
      }
      continue;
    }
    ExpressionPtr bound = select_binder.Bind(*item.expression);
    names.push_back(item.alias ? NormalizeIdentifier(*item.alias) : DerivedName(*item.expression, select.size()));
    select.push_back(std::move(bound));
  }
  size_t visible = select.size();

  // GROUP BY.
  ExpressionList groups;
  std::vector<std::vector<idx_t>> grouping_sets;
  bool has_group_by = spec.group_by.has_value();
  if (has_group_by) {
    const ast::GroupBy& group_by = *spec.group_by;
    ExpressionBinder group_binder(*this, scope, {false, false, "GROUP BY clause", nullptr});
    auto add_group = [&](ExpressionPtr expression) -> idx_t {
      for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g]->Equals(*expression)) return g;
      }
      groups.push_back(std::move(expression));
      return groups.size() - 1;
    };
    auto bind_group = [&](const ast::Expression& e) -> idx_t {
      if (auto ordinal = IntegerLiteral(e)) {
        if (*ordinal < 1 || *ordinal > static_cast<int64_t>(visible)) {
          ThrowAt(e.location, ErrorCode::kInvalidParameter, fmt::format("GROUP BY position {} is not in select list", *ordinal));
        }
        const ExpressionPtr& item = select[static_cast<size_t>(*ordinal - 1)];
        if (item->Contains(ExpressionKind::kAggregate) || item->Contains(ExpressionKind::kWindow)) {
          ThrowAt(e.location, ErrorCode::kGroupingError, fmt::format("GROUP BY position {} is an aggregate or window function", *ordinal));
        }
        return add_group(item->Copy());
      }
      if (const ast::Identifier* name = SinglePartName(e)) {
        ColumnLookup found = scope.Find({}, name->name, name->quoted);
        if (!found.column && !found.using_expression) {
          for (size_t i = 0; i < visible; ++i) {
            if (EqualsIgnoreCase(names[i], name->name) && !select[i]->Contains(ExpressionKind::kAggregate)) {
              return add_group(select[i]->Copy());
            }
          }
        }
      }
      return add_group(group_binder.Bind(e));
    };
    if (group_by.all) {
      std::vector<idx_t> set;
      for (size_t i = 0; i < visible; ++i) {
        if (!select[i]->Contains(ExpressionKind::kAggregate) && !select[i]->Contains(ExpressionKind::kWindow)) {
          set.push_back(add_group(select[i]->Copy()));
        }
      }
      grouping_sets.push_back(set);
    } else {
      std::vector<std::vector<idx_t>> sets = {{}};
      for (const auto& element : group_by.elements) {
        std::vector<std::vector<idx_t>> items;
        for (const auto& item : element.sets) {
          std::vector<idx_t> indexes;
          for (const auto& e : item) indexes.push_back(bind_group(*e));
          items.push_back(std::move(indexes));
        }
        std::vector<std::vector<idx_t>> element_sets;
        switch (element.kind) {
          case ast::GroupingElement::Kind::kSet:
          case ast::GroupingElement::Kind::kGroupingSets:
            element_sets = items;
            break;
          case ast::GroupingElement::Kind::kRollup:
            for (size_t k = items.size() + 1; k-- > 0;) {
              std::vector<idx_t> set;
              for (size_t i = 0; i < k; ++i) set.insert(set.end(), items[i].begin(), items[i].end());
              element_sets.push_back(std::move(set));
            }
            break;
          case ast::GroupingElement::Kind::kCube: {
            if (items.size() > 12) ThrowAt(element.location, ErrorCode::kInvalidParameter, "CUBE supports at most 12 items");
            for (size_t mask = (size_t{1} << items.size()); mask-- > 0;) {
              std::vector<idx_t> set;
              for (size_t i = 0; i < items.size(); ++i) {
                if (mask & (size_t{1} << (items.size() - 1 - i))) set.insert(set.end(), items[i].begin(), items[i].end());
              }
              element_sets.push_back(std::move(set));
            }
            break;
          }
        }
        std::vector<std::vector<idx_t>> combined;
        for (const auto& s : sets) {
          for (const auto& t : element_sets) {
            std::vector<idx_t> merged = s;
            for (idx_t g : t) {
              if (std::find(merged.begin(), merged.end(), g) == merged.end()) merged.push_back(g);
            }
            combined.push_back(std::move(merged));
          }
        }
        sets = std::move(combined);
      }
      if (group_by.distinct) {
        std::vector<std::vector<idx_t>> unique;
        for (auto& s : sets) {
          std::vector<idx_t> sorted = s;
          std::sort(sorted.begin(), sorted.end());
          bool seen = std::any_of(unique.begin(), unique.end(), [&](const std::vector<idx_t>& u) {
            std::vector<idx_t> v = u;
            std::sort(v.begin(), v.end());
            return v == sorted;
          });
          if (!seen) unique.push_back(s);
        }
        sets = std::move(unique);
      }
      grouping_sets = std::move(sets);
    }
    if (grouping_sets.size() == 1 && grouping_sets[0].size() == groups.size()) grouping_sets.clear();
  }

  ExpressionPtr having;
  if (spec.having) {
    ExpressionBinder having_binder(*this, scope, {true, false, "HAVING clause", &spec.windows});
    having = having_binder.BindCondition(*spec.having);
  }
  ExpressionPtr qualify;
  if (spec.qualify) {
    ExpressionBinder qualify_binder(*this, scope, {true, true, "QUALIFY clause", &spec.windows});
    qualify = qualify_binder.BindCondition(*spec.qualify);
  }

  // ORDER BY: output positions, output names, or expressions (kept as hidden columns).
  struct OrderItem {
    idx_t column;
    bool descending;
    bool nulls_first;
  };
  std::vector<OrderItem> order_items;
  if (enclosing) {
    for (const auto& item : enclosing->order_by) {
      bool descending = item.order == ast::SortOrder::kDescending;
      bool nulls_first = item.nulls == ast::NullsOrder::kFirst;
      if (auto ordinal = IntegerLiteral(*item.expression)) {
        if (*ordinal < 1 || *ordinal > static_cast<int64_t>(visible)) {
          ThrowAt(item.expression->location, ErrorCode::kInvalidParameter,
                  fmt::format("ORDER BY position {} is not in select list", *ordinal));
        }
        order_items.push_back({static_cast<idx_t>(*ordinal - 1), descending, nulls_first});
        continue;
      }
      if (const ast::Identifier* name = SinglePartName(*item.expression)) {
        std::optional<idx_t> match;
        bool ambiguous = false;
        for (size_t i = 0; i < visible; ++i) {
          if (EqualsIgnoreCase(names[i], name->name)) {
            if (match && !select[*match]->Equals(*select[i])) ambiguous = true;
            if (!match) match = i;
          }
        }
        if (ambiguous) {
          ThrowAt(item.expression->location, ErrorCode::kAmbiguousName,
                  fmt::format("'{}' in ORDER BY is ambiguous", name->name));
        }
        if (match) {
          order_items.push_back({*match, descending, nulls_first});
          continue;
        }
      }
      ExpressionPtr bound = select_binder.Bind(*item.expression);
      std::optional<idx_t> same;
      for (size_t i = 0; i < select.size(); ++i) {
        if (select[i]->Equals(*bound)) {
          same = i;
          break;
        }
      }
      if (!same) {
        if (spec.distinct) {
          ThrowAt(item.expression->location, ErrorCode::kInvalidParameter,
                  "For SELECT DISTINCT, ORDER BY expressions must appear in select list");
        }
        select.push_back(std::move(bound));
        same = select.size() - 1;
      }
      order_items.push_back({*same, descending, nulls_first});
    }
  }

  // Aggregation.
  bool aggregated = has_group_by || (having != nullptr);
  for (const auto& e : select) aggregated = aggregated || ContainsKind(*e, ExpressionKind::kAggregate) || ContainsKind(*e, ExpressionKind::kGroupingId);
  if (qualify) aggregated = aggregated || ContainsKind(*qualify, ExpressionKind::kAggregate);
  if (aggregated) {
    idx_t group_index = NewTableIndex(), aggregate_index = NewTableIndex(), grouping_index = NewTableIndex();
    AggregateRewriter rewriter(groups, group_index, aggregate_index, grouping_index);
    try {
      for (auto& e : select) rewriter.Rewrite(e, "SELECT");
      if (having) rewriter.Rewrite(having, "HAVING");
      if (qualify) rewriter.Rewrite(qualify, "QUALIFY");
    } catch (const Exception& e) {
      throw Exception(e.code(), LocationPrefix(spec.location) + e.error().message);
    }
    auto aggregate = std::make_unique<LogicalAggregate>(group_index, aggregate_index, grouping_index);
    // Subqueries inside groups or aggregate arguments run against the input.
    for (auto& g : groups) subqueries.PlanSubqueries(g, plan);
    for (auto& a : rewriter.aggregates) subqueries.PlanSubqueries(a, plan);
    aggregate->groups = std::move(groups);
    aggregate->expressions = std::move(rewriter.aggregates);
    aggregate->grouping_sets = std::move(grouping_sets);
    aggregate->grouping_functions = std::move(rewriter.grouping_functions);
    aggregate->children.push_back(std::move(plan));
    plan = std::move(aggregate);
    if (having) plan = subqueries.PlanFilter(std::move(having), std::move(plan));
  }

  // Window functions.
  bool windowed = qualify && ContainsKind(*qualify, ExpressionKind::kWindow);
  for (const auto& e : select) windowed = windowed || ContainsKind(*e, ExpressionKind::kWindow);
  if (windowed) {
    idx_t window_index = NewTableIndex();
    WindowExtractor extractor(window_index);
    for (auto& e : select) extractor.Extract(e);
    if (qualify) extractor.Extract(qualify);
    for (auto& w : extractor.windows) subqueries.PlanSubqueries(w, plan);
    auto window = std::make_unique<LogicalWindow>(window_index);
    window->expressions = std::move(extractor.windows);
    window->children.push_back(std::move(plan));
    plan = std::move(window);
  }
  if (qualify) plan = subqueries.PlanFilter(std::move(qualify), std::move(plan));

  // Projection (subqueries in the select list join the plan below it).
  idx_t projection_index = NewTableIndex();
  for (auto& e : select) subqueries.PlanSubqueries(e, plan);
  auto projection = std::make_unique<LogicalProjection>(projection_index);
  std::vector<LogicalType> types;
  for (auto& e : select) types.push_back(e->type);
  projection->expressions = std::move(select);
  projection->children.push_back(std::move(plan));
  plan = std::move(projection);
  if (spec.distinct) {
    auto distinct = std::make_unique<LogicalDistinct>();
    distinct->children.push_back(std::move(plan));
    plan = std::move(distinct);
  }
  if (!order_items.empty()) {
    if (enclosing && enclosing->limit_with_ties) {
      auto top = std::make_unique<LogicalTopN>();
      for (const auto& o : order_items) {
        top->orders.push_back({std::make_unique<ColumnRefExpression>(types[o.column], ColumnBinding{projection_index, o.column}),
                               o.descending, o.nulls_first});
      }
      top->limit = enclosing->limit ? BindLimitValue(*enclosing->limit, "FETCH FIRST") : INT64_MAX;
      top->offset = enclosing->offset ? BindLimitValue(*enclosing->offset, "OFFSET") : 0;
      top->with_ties = true;
      top->children.push_back(std::move(plan));
      plan = std::move(top);
    } else {
      auto order = std::make_unique<LogicalOrder>();
      for (const auto& o : order_items) {
        order->orders.push_back({std::make_unique<ColumnRefExpression>(types[o.column], ColumnBinding{projection_index, o.column}),
                                 o.descending, o.nulls_first});
      }
      order->children.push_back(std::move(plan));
      plan = std::move(order);
    }
  }
  if (enclosing && !(enclosing->limit_with_ties && !order_items.empty())) ApplyLimit(*enclosing, plan);
  if (types.size() > visible) {
    // Drop the hidden ORDER BY columns.
    auto trim = std::make_unique<LogicalProjection>(NewTableIndex());
    for (size_t i = 0; i < visible; ++i) {
      trim->expressions.push_back(std::make_unique<ColumnRefExpression>(types[i], ColumnBinding{projection_index, i}));
    }
    trim->children.push_back(std::move(plan));
    plan = std::move(trim);
    types.resize(visible);
  }
  BoundQuery bound;
  bound.plan = std::move(plan);
  bound.names = std::move(names);
  bound.types = std::move(types);
  return bound;
}

BoundQuery Binder::BindSetOperation(const ast::SetOperation& op) {
  BoundQuery left = BindQueryBody(*op.left, nullptr);
  BoundQuery right = BindQueryBody(*op.right, nullptr);
  const char* name = op.op == ast::SetOperator::kUnion ? "UNION" : op.op == ast::SetOperator::kIntersect ? "INTERSECT" : "EXCEPT";
  if (left.types.size() != right.types.size()) {
    ThrowAt(op.location, ErrorCode::kTypeMismatch,
            fmt::format("{} query has different number of fields: {}, {}", name, left.types.size(), right.types.size()));
  }
  std::vector<LogicalType> types;
  for (size_t i = 0; i < left.types.size(); ++i) {
    auto common = CommonSuperType(left.types[i], right.types[i]);
    if (!common) {
      ThrowAt(op.location, ErrorCode::kTypeMismatch,
              fmt::format("column {} in {} query has incompatible types: {}, {}", i + 1, name,
                          left.types[i].ToString(), right.types[i].ToString()));
    }
    types.push_back(*common);
  }
  auto cast_side = [&](BoundQuery& side) {
    if (side.types == types) return;
    auto bindings = side.plan->GetColumnBindings();
    auto projection = std::make_unique<LogicalProjection>(NewTableIndex());
    for (size_t i = 0; i < types.size(); ++i) {
      projection->expressions.push_back(CastIfNeeded(std::make_unique<ColumnRefExpression>(side.types[i], bindings[i]), types[i]));
    }
    projection->children.push_back(std::move(side.plan));
    side.plan = std::move(projection);
  };
  cast_side(left);
  cast_side(right);
  SetOperationKind kind = op.op == ast::SetOperator::kUnion ? SetOperationKind::kUnion
                          : op.op == ast::SetOperator::kIntersect ? SetOperationKind::kIntersect
                                                                  : SetOperationKind::kExcept;
  auto set = std::make_unique<LogicalSetOperation>(NewTableIndex(), kind, op.all);
  set->children.push_back(std::move(left.plan));
  set->children.push_back(std::move(right.plan));
  BoundQuery bound;
  bound.plan = std::move(set);
  bound.names = std::move(left.names);
  bound.types = std::move(types);
  return bound;
}

BoundQuery Binder::BindValues(const ast::Values& values) {
  BindScope empty;
  std::vector<ExpressionList> rows;
  size_t width = 0;
  for (const auto& row : values.rows) {
    ExpressionList bound;
    for (const auto& e : row) bound.push_back(BindExpression(*e, empty));
    if (!rows.empty() && bound.size() != width) {
      ThrowAt(values.location, ErrorCode::kTypeMismatch, "Values rows have mismatched sizes");
    }
    width = bound.size();
    rows.push_back(std::move(bound));
  }
  std::vector<LogicalType> types;
  for (size_t c = 0; c < width; ++c) {
    std::vector<ExpressionPtr*> column;
    for (auto& row : rows) column.push_back(&row[c]);
    ExpressionBinder::CoerceToCommonType(column, values.location, fmt::format("VALUES column {} has mismatched types", c + 1));
    types.push_back(rows[0][c]->type);
  }
  auto plan = std::make_unique<LogicalValues>(NewTableIndex(), types);
  plan->rows = std::move(rows);
  BoundQuery bound;
  plan->estimated_cardinality = static_cast<double>(plan->rows.size());
  bound.plan = std::move(plan);
  for (size_t c = 0; c < width; ++c) bound.names.push_back(fmt::format("_col{}", c));
  bound.types = std::move(types);
  return bound;
}

BoundQuery Binder::BindRecursiveCte(const ast::CommonTableExpression& cte, CteDefinition& definition) {
  const ast::QueryBody* body = cte.query->body.get();
  if (!body->Is<ast::SetOperation>() || body->As<ast::SetOperation>().op != ast::SetOperator::kUnion ||
      !cte.query->order_by.empty() || cte.query->limit) {
    ThrowAt(cte.location, ErrorCode::kNotSupported,
            fmt::format("Recursive WITH query '{}' must be of the form 'anchor UNION [ALL] recursive step'", cte.name.name));
  }
  const auto& set = body->As<ast::SetOperation>();
  Binder anchor_binder(environment_, this);
  BoundQuery anchor = anchor_binder.BindQueryBody(*set.left, nullptr);
  SubqueryPlanner::AdoptChildLevel(*anchor.plan);
  definition.cte_index = NewTableIndex();
  definition.types = anchor.types;
  definition.names = anchor.names;
  if (!cte.columns.empty()) {
    if (cte.columns.size() != anchor.types.size()) {
      ThrowAt(cte.location, ErrorCode::kTypeMismatch,
              fmt::format("WITH query '{}' has {} column names but returns {} columns", cte.name.name, cte.columns.size(),
                          anchor.types.size()));
    }
    for (size_t i = 0; i < cte.columns.size(); ++i) definition.names[i] = NormalizeIdentifier(cte.columns[i]);
  }
  definition.in_recursion = true;
  Binder step_binder(environment_, this);
  BoundQuery step;
  try {
    step = step_binder.BindQueryBody(*set.right, nullptr);
  } catch (...) {
    definition.in_recursion = false;
    throw;
  }
  definition.in_recursion = false;
  SubqueryPlanner::AdoptChildLevel(*step.plan);
  if (step.types.size() != anchor.types.size()) {
    ThrowAt(cte.location, ErrorCode::kTypeMismatch, "The recursive step returns a different number of columns than the anchor");
  }
  if (step.types != anchor.types) {
    auto bindings = step.plan->GetColumnBindings();
    auto projection = std::make_unique<LogicalProjection>(NewTableIndex());
    for (size_t i = 0; i < anchor.types.size(); ++i) {
      if (!CanCoerce(step.types[i], anchor.types[i]) && step.types[i] != anchor.types[i]) {
        ThrowAt(cte.location, ErrorCode::kTypeMismatch,
                fmt::format("Recursive step column {} has type {} but the anchor's is {}", i + 1, step.types[i].ToString(),
                            anchor.types[i].ToString()));
      }
      projection->expressions.push_back(CastIfNeeded(std::make_unique<ColumnRefExpression>(step.types[i], bindings[i]), anchor.types[i]));
    }
    projection->children.push_back(std::move(step.plan));
    step.plan = std::move(projection);
  }
  auto recursive = std::make_unique<LogicalRecursiveCte>(NewTableIndex(), definition.cte_index, set.all);
  recursive->children.push_back(std::move(anchor.plan));
  recursive->children.push_back(std::move(step.plan));
  BoundQuery bound;
  bound.plan = std::move(recursive);
  bound.names = definition.names;
  bound.types = definition.types;
  return bound;
}

}  // namespace switchboard
