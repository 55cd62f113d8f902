// Binding of INSERT, DELETE and UPDATE into plans ending in a table-modifying operator.
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
  auto get = std::make_unique<LogicalGet>(binder.NewTableIndex(), table.ScanFunction(), table.ScanBindData(),
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
    const std::string& column = assignment.target.parts.back().name;
    idx_t index = table.ColumnIndex(column);
    if (index == kRowIdColumn) {
      ThrowAt(assignment.location, ErrorCode::kUndefinedColumn,
              fmt::format("Column '{}' cannot be resolved{}", column, DidYouMean(column, table.ColumnNames())));
    }
    if (std::find(update->updated_columns.begin(), update->updated_columns.end(), index) != update->updated_columns.end()) {
      ThrowAt(assignment.location, ErrorCode::kInvalidParameter, fmt::format("Column '{}' is assigned more than once", column));
    }
    ExpressionPtr value = set_binder.Bind(*assignment.value);
    const LogicalType& type = table.columns[index].type;
    if (value->type != type) {
      if (!Assignable(value->type, type) && value->type.id() != TypeId::kUnknown) {
        ThrowAt(assignment.location, ErrorCode::kTypeMismatch,
                fmt::format("Cannot assign a value of type {} to column '{}' of type {}", value->type.ToString(), column, type.ToString()));
      }
      value = MakeCast(std::move(value), type);
    }
    planner.PlanSubqueries(value, plan);
    projection->expressions.push_back(std::move(value));
    update->updated_columns.push_back(index);
  }
  projection->expressions.push_back(std::make_unique<ColumnRefExpression>(LogicalType(TypeId::kBigint),
                                                                          ColumnBinding{table_index, kRowIdColumn}));
  projection->children.push_back(std::move(plan));
  update->children.push_back(std::move(projection));
  update->ResolveTypes();
  return RowCountResult(std::move(update));
}

}  // namespace switchboard
