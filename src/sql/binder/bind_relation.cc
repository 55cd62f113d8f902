// Binding of FROM: tables, views, CTEs, subqueries (LATERAL included), joins, UNNEST, table
// functions and files.
#include "common/string_util.h"
#include "sql/binder/binder.h"
#include "sql/binder/expression_binder.h"
#include "sql/binder/subquery_planner.h"
#include "function/cast.h"
#include "sql/parser/parser.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code, const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

std::string NormalizeIdentifier(const ast::Identifier& identifier) {
  return identifier.quoted ? identifier.name : ToLower(identifier.name);
}

// Restores a binder's active scope when a lateral binding is done.
class ScopeOverride {
 public:
  ScopeOverride(BindScope*& slot, BindScope* scope) : slot_(slot), saved_(slot) { slot_ = scope; }
  ~ScopeOverride() { slot_ = saved_; }

 private:
  BindScope*& slot_;
  BindScope* saved_;
};

// Which side of a join an expression's columns come from: 1 left, 2 right, 3 both, 0 none.
int Sides(const Expression& expression, const std::vector<ColumnBinding>& left, const std::vector<ColumnBinding>& right) {
  int sides = 0;
  VisitExpression(expression, [&](const Expression& e) {
    if (e.kind != ExpressionKind::kColumnRef || e.As<ColumnRefExpression>().depth != 0) return;
    const auto& binding = e.As<ColumnRefExpression>().binding;
    if (std::find(left.begin(), left.end(), binding) != left.end()) sides |= 1;
    else if (std::find(right.begin(), right.end(), binding) != right.end()) sides |= 2;
  });
  return sides;
}

/// The version of `table` a FOR VERSION/TIMESTAMP AS OF clause names: a snapshot id or branch or
/// tag name, or a point in time (text and timestamps without a zone are in the session zone).
std::shared_ptr<TableEntry> TableAtTravelPoint(Binder& binder, const ast::TimeTravel& travel, const TableEntry& table) {
  BindScope empty;
  ExpressionPtr bound = binder.BindExpression(*travel.point, empty);
  Value point;
  if (bound->kind == ExpressionKind::kConstant) {
    point = bound->As<ConstantExpression>().value;
  } else if (bound->kind == ExpressionKind::kCast && bound->children[0]->kind == ExpressionKind::kConstant) {
    point = CastValue(bound->children[0]->As<ConstantExpression>().value, bound->type);
  } else {
    ThrowAt(travel.location, ErrorCode::kInvalidParameter, "The version or time of AS OF must be a constant");
  }
  if (point.is_null()) ThrowAt(travel.location, ErrorCode::kInvalidParameter, "The version or time of AS OF is NULL");
  try {
    if (travel.kind == ast::TimeTravel::Kind::kVersion) return table.AtVersion(point);
    CastOptions options;
    options.query = binder.environment().query;
    Value instant = CastValue(point, LogicalType::TimestampTz(6), options);
    return table.AtTimestamp(instant.GetTimestampTz().micros);
  } catch (const Exception& e) {
    ThrowAt(travel.location, e.code(), e.error().message);
  }
}

}  // namespace

void Binder::AddToScope(BindScope& scope, const LogicalOperator& plan, std::string alias,
                        const std::vector<std::string>& names, const std::optional<ast::TableAlias>& table_alias,
                        std::string catalog, std::string schema) {
  auto bindings = plan.GetColumnBindings();
  const_cast<LogicalOperator&>(plan).ResolveTypes();
  ScopeRelation relation;
  relation.alias = std::move(alias);
  relation.catalog = std::move(catalog);
  relation.schema = std::move(schema);
  std::vector<std::string> column_names = names;
  if (table_alias && !table_alias->columns.empty()) {
    if (table_alias->columns.size() != names.size()) {
      ThrowAt(table_alias->name.location, ErrorCode::kTypeMismatch,
              fmt::format("Column alias list has {} entries but '{}' has {} columns", table_alias->columns.size(),
                          table_alias->name.name, names.size()));
    }
    for (size_t i = 0; i < names.size(); ++i) column_names[i] = NormalizeIdentifier(table_alias->columns[i]);
  }
  for (size_t i = 0; i < column_names.size(); ++i) {
    relation.columns.push_back({column_names[i], plan.types[i], bindings[i]});
  }
  scope.AddRelation(std::move(relation));
}

LogicalOperatorPtr Binder::BindFrom(const std::vector<std::unique_ptr<ast::Relation>>& from, BindScope& scope) {
  LogicalOperatorPtr plan = BindRelation(*from[0], scope, nullptr);
  for (size_t i = 1; i < from.size(); ++i) {
    const ast::Relation& relation = *from[i];
    if (relation.Is<ast::UnnestRelation>()) {
      plan = BindUnnest(relation.As<ast::UnnestRelation>(), scope, std::move(plan));
      continue;
    }
    if (relation.Is<ast::SubqueryRelation>() && relation.As<ast::SubqueryRelation>().lateral) {
      plan = BindSubqueryRelation(relation.As<ast::SubqueryRelation>(), scope, &plan);
      continue;
    }
    BindScope right_scope;
    LogicalOperatorPtr right = BindRelation(relation, right_scope, nullptr);
    auto cross = std::make_unique<LogicalJoin>(JoinType::kInner);
    cross->children.push_back(std::move(plan));
    cross->children.push_back(std::move(right));
    plan = std::move(cross);
    scope.Merge(std::move(right_scope));
  }
  return plan;
}

LogicalOperatorPtr Binder::BindRelation(const ast::Relation& relation, BindScope& scope, LogicalOperatorPtr* lateral_left) {
  switch (relation.kind) {
    case ast::RelationKind::kTable:
      return BindTable(relation.As<ast::TableRelation>(), scope);
    case ast::RelationKind::kSubquery:
      return BindSubqueryRelation(relation.As<ast::SubqueryRelation>(), scope, lateral_left);
    case ast::RelationKind::kJoin:
      return BindJoin(relation.As<ast::JoinRelation>(), scope);
    case ast::RelationKind::kUnnest:
      return BindUnnest(relation.As<ast::UnnestRelation>(), scope, nullptr);
    case ast::RelationKind::kTableFunction:
      return BindTableFunction(relation.As<ast::TableFunctionRelation>(), scope);
    case ast::RelationKind::kFile:
      return BindFile(relation.As<ast::FileRelation>(), scope);
  }
  ThrowAt(relation.location, ErrorCode::kInternal, "unknown relation");
}

LogicalOperatorPtr Binder::BindTable(const ast::TableRelation& table, BindScope& scope) {
  const auto& location = table.location;
  std::string alias = table.alias ? NormalizeIdentifier(table.alias->name) : NormalizeIdentifier(table.name.parts.back());
  if (table.name.parts.size() == 1) {
    if (CteDefinition* cte = FindCte(table.name.parts[0].name)) {
      if (table.time_travel) ThrowAt(location, ErrorCode::kNotSupported, "Time travel is not supported on WITH queries");
      if (cte->in_recursion) {
        auto ref = std::make_unique<LogicalCteRef>(NewTableIndex(), cte->cte_index, cte->types);
        ref->ResolveTypes();
        AddToScope(scope, *ref, alias, cte->names, table.alias);
        return ref;
      }
      BoundQuery bound;
      {
        // A WITH query sees the WITH queries before it and the enclosing queries, not this FROM.
        ScopeOverride hide(active_scope_, nullptr);
        Binder cte_binder(environment_, this);
        bound = cte->recursive ? cte_binder.BindRecursiveCte(*cte->definition, *cte)
                               : cte_binder.BindQuery(*cte->definition->query);
      }
      SubqueryPlanner::AdoptChildLevel(*bound.plan);
      std::vector<std::string> names = bound.names;
      const auto& columns = cte->definition->columns;
      if (!columns.empty()) {
        if (columns.size() != names.size()) {
          ThrowAt(cte->definition->location, ErrorCode::kTypeMismatch,
                  fmt::format("WITH query '{}' has {} column names but returns {} columns", cte->definition->name.name,
                              columns.size(), names.size()));
        }
        for (size_t i = 0; i < names.size(); ++i) names[i] = NormalizeIdentifier(columns[i]);
      }
      AddToScope(scope, *bound.plan, alias, names, table.alias);
      return std::move(bound.plan);
    }
  }
  ResolvedTable resolved = ResolveTable(table.name);
  if (resolved.view) {
    if (table.time_travel) ThrowAt(location, ErrorCode::kNotSupported, "Time travel is not supported on views");
    auto statements = ParseSql(resolved.view->sql);
    if (!statements.ok() || statements->size() != 1 || !(*statements)[0]->Is<ast::QueryStatement>()) {
      ThrowAt(location, ErrorCode::kInvalidState,
              fmt::format("View '{}' has an invalid definition{}", resolved.view->name.ToString(),
                          statements.ok() ? "" : ": " + statements.error().message));
    }
    // Views resolve names in their own catalog and schema, without the caller's CTEs.
    BinderEnvironment view_environment = environment_;
    view_environment.current_catalog = resolved.view->name.catalog;
    view_environment.current_schema = resolved.view->name.schema;
    Binder view_binder(view_environment, nullptr);
    view_binder.table_index_source_ = this;
    BoundQuery bound = view_binder.BindQuery(*(*statements)[0]->As<ast::QueryStatement>().query);
    std::vector<std::string> names = resolved.view->column_names.size() == bound.names.size()
                                         ? resolved.view->column_names : bound.names;
    AddToScope(scope, *bound.plan, alias, names, table.alias, resolved.view->name.catalog, resolved.view->name.schema);
    return std::move(bound.plan);
  }
  std::shared_ptr<TableEntry> version;
  if (table.time_travel) version = TableAtTravelPoint(*this, *table.time_travel, *resolved.table);
  const TableEntry& entry = version ? *version : *resolved.table;
  auto get = std::make_unique<LogicalGet>(NewTableIndex(), entry.ScanFunction(), entry.ScanBindData(),
                                          entry.ColumnNames(), entry.ColumnTypes());
  get->display_name = entry.name.ToString();
  if (auto rows = entry.EstimatedRows()) get->estimated_cardinality = *rows;
  get->ResolveTypes();
  AddToScope(scope, *get, alias, entry.ColumnNames(), table.alias, entry.name.catalog, entry.name.schema);
  return get;
}

LogicalOperatorPtr Binder::BindSubqueryRelation(const ast::SubqueryRelation& subquery, BindScope& scope,
                                                LogicalOperatorPtr* lateral_left) {
  std::string alias = subquery.alias ? NormalizeIdentifier(subquery.alias->name) : "";
  Binder child(environment_, this);
  BoundQuery bound;
  {
    ScopeOverride lateral(active_scope_, subquery.lateral ? &scope : nullptr);
    bound = child.BindQuery(*subquery.query);
  }
  std::vector<ColumnBinding> correlated;
  std::vector<LogicalType> types;
  for (const auto& c : child.correlated_columns()) {
    if (c.depth == 1) {
      correlated.push_back(c.binding);
      types.push_back(c.type);
    }
  }
  if (!correlated.empty() && !lateral_left) {
    ThrowAt(subquery.location, ErrorCode::kNotSupported, "A LATERAL subquery is only allowed after a comma or in a join");
  }
  BindScope sub_scope;
  AddToScope(sub_scope, *bound.plan, alias, bound.names, subquery.alias);
  if (!lateral_left) {
    SubqueryPlanner::AdoptChildLevel(*bound.plan);
    scope.Merge(std::move(sub_scope));
    return std::move(bound.plan);
  }
  SubqueryPlanner planner(*this);
  LogicalOperatorPtr plan = planner.PlanLateralJoin(std::move(*lateral_left), std::move(bound.plan), correlated, types,
                                                    JoinType::kInner, nullptr);
  scope.Merge(std::move(sub_scope));
  return plan;
}

LogicalOperatorPtr Binder::BindJoin(const ast::JoinRelation& join, BindScope& scope) {
  const auto& location = join.location;
  BindScope left_scope;
  LogicalOperatorPtr left = BindRelation(*join.left, left_scope, nullptr);
  // UNNEST and LATERAL on the right side read the left side's columns.
  if (join.right->Is<ast::UnnestRelation>() || (join.right->Is<ast::SubqueryRelation>() &&
                                                join.right->As<ast::SubqueryRelation>().lateral)) {
    bool left_join = join.join_type == ast::JoinType::kLeft;
    if (join.join_type != ast::JoinType::kInner && join.join_type != ast::JoinType::kCross && !left_join) {
      ThrowAt(location, ErrorCode::kNotSupported, "UNNEST and LATERAL can only be the right side of an inner, cross or left join");
    }
    LogicalOperatorPtr plan;
    if (join.right->Is<ast::UnnestRelation>()) {
      plan = BindUnnest(join.right->As<ast::UnnestRelation>(), left_scope, std::move(left));
      if (left_join) plan->As<LogicalUnnest>().keep_empty = true;
    } else {
      plan = BindSubqueryRelation(join.right->As<ast::SubqueryRelation>(), left_scope, &left);
    }
    if (join.condition) {
      ExpressionBinder on_binder(*this, left_scope, {false, false, "JOIN ON clause", nullptr});
      ExpressionPtr condition = on_binder.BindCondition(*join.condition);
      bool always_true = condition->kind == ExpressionKind::kConstant && !condition->As<ConstantExpression>().value.is_null() &&
                         condition->As<ConstantExpression>().value.GetBoolean();
      if (!always_true) {
        if (left_join) ThrowAt(location, ErrorCode::kNotSupported, "LEFT JOIN UNNEST/LATERAL needs ON true");
        SubqueryPlanner planner(*this);
        plan = planner.PlanFilter(std::move(condition), std::move(plan));
      }
    }
    scope.Merge(std::move(left_scope));
    return plan;
  }
  BindScope right_scope;
  LogicalOperatorPtr right = BindRelation(*join.right, right_scope, nullptr);
  JoinType type = JoinType::kInner;
  switch (join.join_type) {
    case ast::JoinType::kInner:
    case ast::JoinType::kCross: type = JoinType::kInner; break;
    case ast::JoinType::kLeft: type = JoinType::kLeft; break;
    case ast::JoinType::kRight: type = JoinType::kRight; break;
    case ast::JoinType::kFull: type = JoinType::kFull; break;
  }
  ExpressionList conjuncts;
  std::vector<std::string> using_columns;
  for (const auto& c : join.using_columns) using_columns.push_back(c.name);
  if (join.natural) {
    for (const auto& relation : left_scope.relations()) {
      for (const auto& c : relation.columns) {
        if (right_scope.Find({}, c.name, false).column) using_columns.push_back(c.name);
      }
    }
  }
  for (const std::string& name : using_columns) {
    ColumnLookup l = left_scope.Find({}, name, false);
    ColumnLookup r = right_scope.Find({}, name, false);
    if (!(l.column || l.using_expression) || !(r.column || r.using_expression)) {
      ThrowAt(location, ErrorCode::kUndefinedColumn, fmt::format("Column '{}' is missing from one side of the join", name));
    }
    ExpressionPtr lexpr = l.using_expression ? l.using_expression->Copy() : std::make_unique<ColumnRefExpression>(l.column->type, l.column->binding);
    ExpressionPtr rexpr = r.using_expression ? r.using_expression->Copy() : std::make_unique<ColumnRefExpression>(r.column->type, r.column->binding);
    ExpressionPtr lkey = lexpr->Copy(), rkey = rexpr->Copy();
    ExpressionBinder::CoerceToCommonType({&lkey, &rkey}, location, fmt::format("Column '{}' has incompatible types in USING", name));
    conjuncts.push_back(std::make_unique<ComparisonExpression>(ComparisonOp::kEqual, std::move(lkey), std::move(rkey)));
    ExpressionPtr merged;
    if (type == JoinType::kFull) {
      ExpressionList both;
      both.push_back(CastIfNeeded(std::move(lexpr), conjuncts.back()->children[0]->type));
      both.push_back(CastIfNeeded(std::move(rexpr), conjuncts.back()->children[0]->type));
      LogicalType merged_type = both[0]->type;
      merged = std::make_unique<OperatorExpression>(ExpressionKind::kCoalesce, merged_type, std::move(both));
    } else {
      merged = type == JoinType::kRight ? std::move(rexpr) : std::move(lexpr);
    }
    merged->alias = name;
    scope.AddUsingColumn(name, std::move(merged));
  }
  scope.Merge(std::move(left_scope));
  scope.Merge(std::move(right_scope));
  if (join.condition) {
    ExpressionBinder on_binder(*this, scope, {false, false, "JOIN ON clause", nullptr});
    ExpressionPtr condition = on_binder.BindCondition(*join.condition);
    if (condition->Contains(ExpressionKind::kSubquery)) {
      if (type != JoinType::kInner) ThrowAt(location, ErrorCode::kNotSupported, "Subqueries in the ON clause of an outer join are not supported");
      auto cross = std::make_unique<LogicalJoin>(JoinType::kInner);
      cross->children.push_back(std::move(left));
      cross->children.push_back(std::move(right));
      SubqueryPlanner planner(*this);
      conjuncts.push_back(std::move(condition));
      return planner.PlanFilter(MakeAnd(std::move(conjuncts)), std::move(cross));
    }
    SplitConjunction(std::move(condition), conjuncts);
  }
  return MakeJoin(type, std::move(left), std::move(right), std::move(conjuncts));
}

LogicalOperatorPtr Binder::MakeJoin(JoinType type, LogicalOperatorPtr left, LogicalOperatorPtr right,
                                    ExpressionList conjuncts) {
  auto left_bindings = left->GetColumnBindings();
  auto right_bindings = right->GetColumnBindings();
  auto logical = std::make_unique<LogicalJoin>(type);
  for (auto& conjunct : conjuncts) {
    // Comparisons between one side and the other become join conditions; the rest stay
    // residual predicates over both sides.
    if (conjunct->kind == ExpressionKind::kComparison) {
      int left_side = Sides(*conjunct->children[0], left_bindings, right_bindings);
      int right_side = Sides(*conjunct->children[1], left_bindings, right_bindings);
      ComparisonOp op = conjunct->As<ComparisonExpression>().op;
      if (left_side == 1 && right_side == 2) {
        logical->conditions.push_back({std::move(conjunct->children[0]), std::move(conjunct->children[1]), op});
        continue;
      }
      if (left_side == 2 && right_side == 1) {
        logical->conditions.push_back({std::move(conjunct->children[1]), std::move(conjunct->children[0]), FlipComparison(op)});
        continue;
      }
    }
    logical->expressions.push_back(std::move(conjunct));
  }
  logical->children.push_back(std::move(left));
  logical->children.push_back(std::move(right));
  return logical;
}

LogicalOperatorPtr Binder::BindUnnest(const ast::UnnestRelation& unnest, BindScope& scope, LogicalOperatorPtr left) {
  const auto& location = unnest.location;
  ExpressionBinder binder(*this, scope, {false, false, "UNNEST", nullptr});
  auto op = std::make_unique<LogicalUnnest>(NewTableIndex());
  op->with_ordinality = unnest.with_ordinality;
  std::vector<std::string> names;
  for (const auto& argument : unnest.arguments) {
    ExpressionPtr collection = binder.Bind(*argument);
    if (collection->type.id() == TypeId::kUnknown) {
      collection = MakeCast(std::move(collection), LogicalType::Array(TypeId::kUnknown));
    }
    if (collection->type.id() == TypeId::kMap) {
      names.push_back("key");
      names.push_back("value");
    } else if (collection->type.id() == TypeId::kArray) {
      const LogicalType& element = collection->type.element_type();
      if (element.id() == TypeId::kRow) {
        for (const auto& field : element.fields()) names.push_back(field.first.empty() ? fmt::format("_col{}", names.size()) : field.first);
      } else {
        names.push_back(fmt::format("_col{}", names.size()));
      }
    } else {
      ThrowAt(argument->location, ErrorCode::kTypeMismatch,
              fmt::format("Cannot unnest type: {}", collection->type.ToString()));
    }
    op->expressions.push_back(std::move(collection));
  }
  if (unnest.with_ordinality) names.push_back("ordinality");
  op->children.push_back(left ? std::move(left) : std::make_unique<LogicalDummyScan>(NewTableIndex()));
  op->ResolveTypes();
  // The scope gets only the unnested columns (the left side's are already in it).
  auto bindings = op->GetColumnBindings();
  ScopeRelation relation;
  relation.alias = unnest.alias ? NormalizeIdentifier(unnest.alias->name) : "";
  size_t first = bindings.size() - names.size();
  if (unnest.alias && !unnest.alias->columns.empty()) {
    if (unnest.alias->columns.size() != names.size()) {
      ThrowAt(location, ErrorCode::kTypeMismatch,
              fmt::format("Column alias list has {} entries but UNNEST produces {} columns", unnest.alias->columns.size(), names.size()));
    }
    for (size_t i = 0; i < names.size(); ++i) names[i] = NormalizeIdentifier(unnest.alias->columns[i]);
  }
  for (size_t i = 0; i < names.size(); ++i) relation.columns.push_back({names[i], op->types[first + i], bindings[first + i]});
  scope.AddRelation(std::move(relation));
  return op;
}

LogicalOperatorPtr Binder::ScanTableFunction(const TableFunction& function, TableFunctionBindInput input,
                                             const std::string& display_name, std::vector<std::string>* names) {
  input.query = environment_.query;
  if (!input.parse_type) {
    input.parse_type = [this](std::string_view text) {
      auto type = ParseTypeName(text);
      if (!type.ok()) SB_THROW(kUndefinedObject, "'{}' is not a type: {}", text, type.error().message);
      return BindType(*type);
    };
  }
  TableFunctionBindResult result = function.bind(input);
  auto get = std::make_unique<LogicalGet>(NewTableIndex(), function, std::shared_ptr<const FunctionData>(std::move(result.bind_data)),
                                          result.names, result.types);
  get->display_name = display_name;
  if (function.statistics) {
    TableStatistics stats = function.statistics(get->bind_data.get());
    if (stats.row_count) get->estimated_cardinality = *stats.row_count;
  }
  get->ResolveTypes();
  *names = result.names;
  return get;
}

LogicalOperatorPtr Binder::BindTableFunction(const ast::TableFunctionRelation& call, BindScope& scope) {
  const auto& location = call.location;
  std::string name = ToLower(call.name.parts.back().name);
  const TableFunction* function = environment_.functions->FindTable(name);
  if (!function) {
    std::vector<std::string> names;
    for (const auto& [n, _] : environment_.functions->tables()) names.push_back(n);
    ThrowAt(location, ErrorCode::kUndefinedFunction,
            fmt::format("Table function '{}' not registered{}", name, DidYouMean(name, names)));
  }
  TableFunctionBindInput input;
  BindScope empty;
  auto constant = [&](const ast::Expression& e) {
    ExpressionPtr bound = BindExpression(e, empty);
    if (bound->kind == ExpressionKind::kCast && bound->children[0]->kind == ExpressionKind::kConstant) {
      return CastValue(bound->children[0]->As<ConstantExpression>().value, bound->type);
    }
    if (bound->kind != ExpressionKind::kConstant && bound->IsFoldable() && environment_.evaluate_constant) {
      return environment_.evaluate_constant(*bound);  // map(...), {'k': v}, 'a' || 'b'
    }
    if (bound->kind != ExpressionKind::kConstant) {
      ThrowAt(e.location, ErrorCode::kInvalidParameter, fmt::format("Arguments of {}() must be constants", name));
    }
    return bound->As<ConstantExpression>().value;
  };
  for (const auto& argument : call.arguments) {
    if (argument->Is<ast::NamedArgument>()) {
      const auto& named = argument->As<ast::NamedArgument>();
      std::string key = ToLower(named.name.name);
      bool known = std::any_of(function->named_parameters.begin(), function->named_parameters.end(),
                               [&](const auto& p) { return p.first == key; });
      if (!known) {
        std::vector<std::string> names;
        for (const auto& p : function->named_parameters) names.push_back(p.first);
        ThrowAt(named.location, ErrorCode::kInvalidParameter,
                fmt::format("{}() has no parameter '{}'{}", name, named.name.name, DidYouMean(key, names)));
      }
      input.named.emplace_back(key, constant(*named.value));
    } else {
      input.arguments.push_back(constant(*argument));
    }
  }
  std::vector<std::string> names;
  LogicalOperatorPtr plan;
  try {
    plan = ScanTableFunction(*function, std::move(input), name, &names);
  } catch (const Exception& e) {
    if (StartsWith(e.error().message, "line ")) throw;
    throw Exception(e.code(), LocationPrefix(location) + e.error().message);
  }
  AddToScope(scope, *plan, call.alias ? NormalizeIdentifier(call.alias->name) : name, names, call.alias);
  return plan;
}

LogicalOperatorPtr Binder::BindFile(const ast::FileRelation& file, BindScope& scope) {
  const TableFunction* function = environment_.functions->FileReaderFor(file.path);
  if (!function) {
    ThrowAt(file.location, ErrorCode::kNotSupported, fmt::format("No file reader is available for '{}'", file.path));
  }
  TableFunctionBindInput input;
  input.arguments.push_back(Value::Varchar(file.path));
  std::vector<std::string> names;
  LogicalOperatorPtr plan;
  try {
    plan = ScanTableFunction(*function, std::move(input), file.path, &names);
  } catch (const Exception& e) {
    if (StartsWith(e.error().message, "line ")) throw;
    throw Exception(e.code(), LocationPrefix(file.location) + e.error().message);
  }
  std::string alias = file.alias ? NormalizeIdentifier(file.alias->name) : "";
  AddToScope(scope, *plan, alias, names, file.alias);
  return plan;
}

}  // namespace switchboard
