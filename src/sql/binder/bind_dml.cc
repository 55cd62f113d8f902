// Binding of INSERT, DELETE, UPDATE and MERGE into plans ending in a table-modifying operator.
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

// Whether a value of `from` may be stored in a column of `to` (implicit coercions, plus numeric
// narrowing and string length changes, which are checked per value at run time).
bool Assignable(const LogicalType& from, const LogicalType& to) {
  if (CanCoerce(from, to)) return true;
  if (from.IsNumeric() && to.IsNumeric()) return true;
  if (from.IsString() && to.IsString()) return true;
  if (from.IsTemporal() && to.IsTemporal()) return true;
  return false;
}

BoundQuery RowCountResult(LogicalOperatorPtr plan) {
  BoundQuery bound;
  bound.plan = std::move(plan);
  bound.names = {"rows"};
  bound.types = {LogicalType(TypeId::kBigint)};
  return bound;
}

// Scan of `table` with its row id appended, registered in `scope` under `alias`.
std::unique_ptr<LogicalGet> ScanForUpdate(Binder& binder, const TableEntry& table, BindScope& scope,
                                          const std::string& alias) {
  auto get = std::make_unique<LogicalGet>(binder.NewTableIndex(), table.ScanFunction(), table.RowChangeScanBindData(),
                                          table.ColumnNames(), table.ColumnTypes());
  get->display_name = table.name.ToString();
  get->ResolveTypes();
  ScopeRelation relation;
  relation.alias = alias;
  relation.catalog = table.name.catalog;
  relation.schema = table.name.schema;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    relation.columns.push_back({table.columns[i].name, table.columns[i].type, {get->table_index, i}});
  }
  scope.AddRelation(std::move(relation));
  return get;
}

// `value` as a value of `column` of `table`; throws kTypeMismatch when it cannot be stored there.
ExpressionPtr AssignedValue(ExpressionPtr value, const TableEntry& table, idx_t column, const ast::SourceLocation& location) {
  const LogicalType& type = table.columns[column].type;
  if (value->type == type) return value;
  if (!Assignable(value->type, type) && value->type.id() != TypeId::kUnknown) {
    ThrowAt(location, ErrorCode::kTypeMismatch,
            fmt::format("Cannot assign a value of type {} to column '{}' of type {}", value->type.ToString(),
                        table.columns[column].name, type.ToString()));
  }
  return MakeCast(std::move(value), type);
}

// The table column an assignment sets; throws for unknown columns.
idx_t AssignedColumn(const TableEntry& table, const ast::Assignment& assignment) {
  const std::string& column = assignment.target.parts.back().name;
  idx_t index = table.ColumnIndex(column);
  if (index == kRowIdColumn) {
    ThrowAt(assignment.location, ErrorCode::kUndefinedColumn,
            fmt::format("Column '{}' cannot be resolved{}", column, DidYouMean(column, table.ColumnNames())));
  }
  return index;
}

}  // namespace

BoundQuery Binder::BindInsert(const ast::Insert& insert) {
  const auto& location = insert.location;
  ResolvedTable resolved = ResolveTable(insert.table, false);
  const TableEntry& table = *resolved.table;
  // Target columns: the listed ones or all, in order.
  std::vector<idx_t> targets;
  if (insert.columns.empty()) {
    for (idx_t i = 0; i < table.columns.size(); ++i) targets.push_back(i);
  } else {
    for (const auto& column : insert.columns) {
      idx_t index = table.ColumnIndex(column.name);
      if (index == kRowIdColumn) {
        ThrowAt(column.location, ErrorCode::kUndefinedColumn,
                fmt::format("Insert column name does not exist in target table: {}{}", column.name,
                            DidYouMean(column.name, table.ColumnNames())));
      }
      if (std::find(targets.begin(), targets.end(), index) != targets.end()) {
        ThrowAt(column.location, ErrorCode::kInvalidParameter, fmt::format("Insert column name is specified more than once: {}", column.name));
      }
      targets.push_back(index);
    }
  }
  if (!insert.partition.empty()) {
    ThrowAt(location, ErrorCode::kNotSupported,
            fmt::format("Table '{}' is not partitioned; remove the PARTITION clause", table.name.ToString()));
  }
  auto plan = std::make_unique<LogicalInsert>(resolved.table);
  plan->overwrite = insert.overwrite;
  plan->column_map.assign(table.columns.size(), std::nullopt);
  for (const auto& column : table.columns) {
    plan->defaults.push_back(MakeConstant(column.default_value ? *column.default_value : Value::Null(column.type)));
  }
  if (!insert.query) {
    plan->children.push_back(std::make_unique<LogicalDummyScan>(NewTableIndex()));
    plan->ResolveTypes();
    return RowCountResult(std::move(plan));
  }
  BoundQuery source = BindQuery(*insert.query);
  if (source.types.size() != targets.size()) {
    ThrowAt(location, ErrorCode::kTypeMismatch,
            fmt::format("Insert query has {} columns but the table has {} columns to fill", source.types.size(), targets.size()));
  }
  std::vector<std::string> table_types, query_types;
  bool mismatch = false;
  for (size_t i = 0; i < targets.size(); ++i) {
    const LogicalType& to = table.columns[targets[i]].type;
    table_types.push_back(to.ToString());
    query_types.push_back(source.types[i].ToString());
    if (source.types[i].id() != TypeId::kUnknown && !Assignable(source.types[i], to)) mismatch = true;
    plan->column_map[targets[i]] = i;
  }
  if (mismatch) {
    ThrowAt(location, ErrorCode::kTypeMismatch,
            fmt::format("Insert query has mismatched column types: Table: [{}], Query: [{}]", Join(table_types, ", "),
                        Join(query_types, ", ")));
  }
  plan->children.push_back(std::move(source.plan));
  plan->ResolveTypes();
  return RowCountResult(std::move(plan));
}

BoundQuery Binder::BindDelete(const ast::Delete& statement) {
  ResolvedTable resolved = ResolveTable(statement.table, false);
  const TableEntry& table = *resolved.table;
  BindScope scope;
  std::string alias = statement.alias ? statement.alias->name : statement.table.parts.back().name;
  std::unique_ptr<LogicalGet> get = ScanForUpdate(*this, table, scope, alias);
  idx_t table_index = get->table_index;
  get->column_ids.push_back(kRowIdColumn);
  LogicalOperatorPtr plan = std::move(get);
  if (statement.where) {
    ExpressionBinder where_binder(*this, scope, {false, false, "WHERE clause", nullptr});
    SubqueryPlanner planner(*this);
    plan = planner.PlanFilter(where_binder.BindCondition(*statement.where), std::move(plan));
  }
  auto projection = std::make_unique<LogicalProjection>(NewTableIndex());
  projection->expressions.push_back(std::make_unique<ColumnRefExpression>(LogicalType(TypeId::kBigint),
                                                                          ColumnBinding{table_index, kRowIdColumn}));
  projection->children.push_back(std::move(plan));
  auto del = std::make_unique<LogicalDelete>(resolved.table);
  del->children.push_back(std::move(projection));
  del->ResolveTypes();
  return RowCountResult(std::move(del));
}

BoundQuery Binder::BindUpdate(const ast::Update& statement) {
  const auto& location = statement.location;
  ResolvedTable resolved = ResolveTable(statement.table, false);
  const TableEntry& table = *resolved.table;
  if (!statement.from.empty()) ThrowAt(location, ErrorCode::kNotSupported, "UPDATE ... FROM is not supported; use MERGE");
  BindScope scope;
  std::string alias = statement.alias ? statement.alias->name : statement.table.parts.back().name;
  std::unique_ptr<LogicalGet> get = ScanForUpdate(*this, table, scope, alias);
  idx_t table_index = get->table_index;
  get->column_ids.push_back(kRowIdColumn);
  LogicalOperatorPtr plan = std::move(get);
  SubqueryPlanner planner(*this);
  if (statement.where) {
    ExpressionBinder where_binder(*this, scope, {false, false, "WHERE clause", nullptr});
    plan = planner.PlanFilter(where_binder.BindCondition(*statement.where), std::move(plan));
  }
  auto update = std::make_unique<LogicalUpdate>(resolved.table);
  auto projection = std::make_unique<LogicalProjection>(NewTableIndex());
  ExpressionBinder set_binder(*this, scope, {false, false, "UPDATE SET", nullptr});
  for (const auto& assignment : statement.assignments) {
    if (assignment.all_columns) ThrowAt(assignment.location, ErrorCode::kNotSupported, "SET * is only allowed in MERGE");
    idx_t index = AssignedColumn(table, assignment);
    if (std::find(update->updated_columns.begin(), update->updated_columns.end(), index) != update->updated_columns.end()) {
      ThrowAt(assignment.location, ErrorCode::kInvalidParameter,
              fmt::format("Column '{}' is assigned more than once", table.columns[index].name));
    }
    ExpressionPtr value = AssignedValue(set_binder.Bind(*assignment.value), table, index, assignment.location);
    planner.PlanSubqueries(value, plan);
    projection->expressions.push_back(std::move(value));
    update->updated_columns.push_back(index);
  }
  if (table.UpdateNeedsAllColumns()) {
    // Tables that write changed rows anew get the unchanged columns too.
    for (idx_t i = 0; i < table.columns.size(); ++i) {
      if (std::find(update->updated_columns.begin(), update->updated_columns.end(), i) != update->updated_columns.end()) continue;
      projection->expressions.push_back(std::make_unique<ColumnRefExpression>(table.columns[i].type, ColumnBinding{table_index, i}));
      update->updated_columns.push_back(i);
    }
  }
  projection->expressions.push_back(std::make_unique<ColumnRefExpression>(LogicalType(TypeId::kBigint),
                                                                          ColumnBinding{table_index, kRowIdColumn}));
  projection->children.push_back(std::move(plan));
  update->children.push_back(std::move(projection));
  update->ResolveTypes();
  return RowCountResult(std::move(update));
}

BoundQuery Binder::BindMerge(const ast::Merge& statement) {
  using Match = ast::MergeClause::Match;
  using Action = ast::MergeClause::Action;
  ResolvedTable resolved = ResolveTable(statement.target, false);
  const TableEntry& table = *resolved.table;
  const idx_t width = table.columns.size();
  for (const auto& clause : statement.clauses) {
    if (clause.match == Match::kNotMatchedBySource) {
      ThrowAt(clause.location, ErrorCode::kNotSupported,
              "WHEN NOT MATCHED BY SOURCE is not supported; use WHEN MATCHED and WHEN NOT MATCHED clauses");
    }
  }

  // The source first: INSERT clauses see only its columns, and `*` assignments take them by name.
  BindScope scope;
  LogicalOperatorPtr source = BindRelation(*statement.source, scope, nullptr);
  std::vector<std::pair<std::string, ExpressionPtr>> source_columns = scope.Expand({});
  auto source_column = [&](const std::string& name, const ast::SourceLocation& location) {
    for (const auto& [column, expression] : source_columns) {
      if (EqualsIgnoreCase(column, name)) return expression->Copy();
    }
    ThrowAt(location, ErrorCode::kUndefinedColumn,
            fmt::format("The MERGE source has no column '{}' for target column '{}'", name, name));
  };

  // Per clause: when it applies (before the matched/not-matched test) and the new row it makes
  // (nullptr entries keep the target's value; empty for DELETE).
  struct BoundClause {
    ExpressionPtr condition;
    MergeAction action = MergeAction::kNone;
    ExpressionList row;
  };
  std::vector<BoundClause> clauses(statement.clauses.size());
  ExpressionBinder source_binder(*this, scope, {false, false, "MERGE INSERT", nullptr});
  for (size_t i = 0; i < statement.clauses.size(); ++i) {
    const ast::MergeClause& clause = statement.clauses[i];
    if (clause.match != Match::kNotMatchedByTarget) continue;
    BoundClause& bound = clauses[i];
    bound.action = MergeAction::kInsert;
    if (clause.condition) bound.condition = source_binder.BindCondition(*clause.condition);
    bound.row.resize(width);
    if (clause.insert_all) {
      for (idx_t c = 0; c < width; ++c) {
        bound.row[c] = AssignedValue(source_column(table.columns[c].name, clause.location), table, c, clause.location);
      }
      continue;
    }
    std::vector<idx_t> targets;
    if (clause.insert_columns.empty()) {
      for (idx_t c = 0; c < width; ++c) targets.push_back(c);
    } else {
      for (const auto& column : clause.insert_columns) {
        idx_t index = table.ColumnIndex(column.name);
        if (index == kRowIdColumn) {
          ThrowAt(column.location, ErrorCode::kUndefinedColumn,
                  fmt::format("Insert column name does not exist in target table: {}{}", column.name,
                              DidYouMean(column.name, table.ColumnNames())));
        }
        if (std::find(targets.begin(), targets.end(), index) != targets.end()) {
          ThrowAt(column.location, ErrorCode::kInvalidParameter,
                  fmt::format("Insert column name is specified more than once: {}", column.name));
        }
        targets.push_back(index);
      }
    }
    if (targets.size() != clause.insert_values.size()) {
      ThrowAt(clause.location, ErrorCode::kTypeMismatch,
              fmt::format("MERGE INSERT has {} values for {} columns", clause.insert_values.size(), targets.size()));
    }
    for (size_t v = 0; v < targets.size(); ++v) {
      bound.row[targets[v]] = AssignedValue(source_binder.Bind(*clause.insert_values[v]), table, targets[v],
                                            clause.insert_values[v]->location);
    }
    for (idx_t c = 0; c < width; ++c) {
      if (bound.row[c]) continue;
      const ColumnDefinition& column = table.columns[c];
      bound.row[c] = MakeConstant(column.default_value ? *column.default_value : Value::Null(column.type));
    }
  }

  // Then the target with its row ids, joined to the source: LEFT, so unmatched source rows stay.
  std::string alias = statement.target_alias ? statement.target_alias->name : statement.target.parts.back().name;
  std::unique_ptr<LogicalGet> get = ScanForUpdate(*this, table, scope, alias);
  idx_t target_index = get->table_index;
  get->column_ids.push_back(kRowIdColumn);
  ExpressionBinder on_binder(*this, scope, {false, false, "MERGE ON clause", nullptr});
  ExpressionPtr on = on_binder.BindCondition(*statement.condition);
  if (on->Contains(ExpressionKind::kSubquery)) {
    ThrowAt(statement.condition->location, ErrorCode::kNotSupported, "Subqueries in the ON clause of MERGE are not supported");
  }
  ExpressionList conjuncts;
  SplitConjunction(std::move(on), conjuncts);
  LogicalOperatorPtr plan = MakeJoin(JoinType::kLeft, std::move(source), std::move(get), std::move(conjuncts));

  auto target_column = [&](idx_t c) {
    return std::make_unique<ColumnRefExpression>(table.columns[c].type, ColumnBinding{target_index, c});
  };
  ExpressionBinder matched_binder(*this, scope, {false, false, "MERGE WHEN MATCHED", nullptr});
  for (size_t i = 0; i < statement.clauses.size(); ++i) {
    const ast::MergeClause& clause = statement.clauses[i];
    if (clause.match != Match::kMatched) continue;
    BoundClause& bound = clauses[i];
    if (clause.condition) bound.condition = matched_binder.BindCondition(*clause.condition);
    if (clause.action == Action::kDelete) {
      bound.action = MergeAction::kDelete;
      continue;
    }
    bound.action = MergeAction::kUpdate;
    bound.row.resize(width);
    for (const auto& assignment : clause.assignments) {
      if (assignment.all_columns) {
        // UPDATE SET * and `target.* = source.*`: every column from the source column of its name.
        for (idx_t c = 0; c < width; ++c) {
          bound.row[c] = AssignedValue(source_column(table.columns[c].name, assignment.location), table, c, assignment.location);
        }
        continue;
      }
      idx_t index = AssignedColumn(table, assignment);
      if (bound.row[index]) {
        ThrowAt(assignment.location, ErrorCode::kInvalidParameter,
                fmt::format("Column '{}' is assigned more than once", table.columns[index].name));
      }
      bound.row[index] = AssignedValue(matched_binder.Bind(*assignment.value), table, index, assignment.location);
    }
    for (idx_t c = 0; c < width; ++c) {
      if (!bound.row[c]) bound.row[c] = target_column(c);
    }
  }

  // action = CASE WHEN <first clause that applies> THEN its action ... ELSE none END, and each
  // column the same CASE over the clauses' values.
  SubqueryPlanner planner(*this);
  ExpressionPtr row_id = std::make_unique<ColumnRefExpression>(LogicalType(TypeId::kBigint), ColumnBinding{target_index, kRowIdColumn});
  ExpressionList action_case;
  std::vector<ExpressionList> column_cases(width);
  for (size_t i = 0; i < clauses.size(); ++i) {
    BoundClause& bound = clauses[i];
    ExpressionPtr applies = MakeIsNull(row_id->Copy(), statement.clauses[i].match == Match::kMatched);
    if (bound.condition) {
      planner.PlanSubqueries(bound.condition, plan);
      ExpressionList both;
      both.push_back(std::move(applies));
      both.push_back(std::move(bound.condition));
      applies = MakeAnd(std::move(both));
    }
    for (idx_t c = 0; c < bound.row.size(); ++c) {
      planner.PlanSubqueries(bound.row[c], plan);
      column_cases[c].push_back(applies->Copy());
      column_cases[c].push_back(std::move(bound.row[c]));
    }
    action_case.push_back(std::move(applies));
    action_case.push_back(MakeConstant(Value::Integer(static_cast<int32_t>(bound.action))));
  }
  auto projection = std::make_unique<LogicalProjection>(NewTableIndex());
  action_case.push_back(MakeConstant(Value::Integer(static_cast<int32_t>(MergeAction::kNone))));
  projection->expressions.push_back(
      std::make_unique<OperatorExpression>(ExpressionKind::kCase, LogicalType(TypeId::kInteger), std::move(action_case)));
  for (idx_t c = 0; c < width; ++c) {
    const LogicalType& type = table.columns[c].type;
    if (column_cases[c].empty()) {
      projection->expressions.push_back(MakeConstant(Value::Null(type)));
      continue;
    }
    column_cases[c].push_back(MakeConstant(Value::Null(type)));
    projection->expressions.push_back(std::make_unique<OperatorExpression>(ExpressionKind::kCase, type, std::move(column_cases[c])));
  }
  projection->expressions.push_back(std::move(row_id));
  projection->children.push_back(std::move(plan));
  auto merge = std::make_unique<LogicalMerge>(resolved.table);
  merge->children.push_back(std::move(projection));
  merge->ResolveTypes();
  return RowCountResult(std::move(merge));
}

}  // namespace switchboard
