// Statement execution.
#include "main/statement_runner.h"

#include <chrono>

#include "catalog/memory_catalog.h"
#include "catalog/sql_catalog.h"
#include "common/string_util.h"
#include "common/time_zone.h"
#include "exec/executor.h"
#include "exec/expression_executor.h"
#include "exec/operators/physical_result_collector.h"
#include "exec/physical_planner.h"
#include "function/cast.h"
#include "function/query_context.h"
#include "main/database_state.h"
#include "main/session.h"
#include "sql/binder/binder.h"
#include "sql/binder/expression_binder.h"
#include "sql/parser/ast/ddl_statements.h"
#include "sql/parser/ast/dml_statements.h"
#include "sql/parser/ast/session_statements.h"
#include "sql/parser/ast/alter_table_action.h"
#include "sql/parser/parser.h"
#include "sql/planner/optimizer/optimizer.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code, const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

std::string NormalizeIdentifier(const ast::Identifier& identifier) {
  return identifier.quoted ? identifier.name : ToLower(identifier.name);
}

// A result built from rows of values.
std::unique_ptr<QueryResult> MakeResult(std::string type, std::vector<std::string> names, std::vector<LogicalType> types,
                                        const std::vector<std::vector<Value>>& rows) {
  auto collection = std::make_unique<ChunkCollection>(types);
  DataChunk chunk;
  chunk.Initialize(types);
  for (const auto& row : rows) {
    if (chunk.size() == kVectorSize) {
      collection->Append(chunk);
      chunk.Reset();
    }
    for (size_t c = 0; c < row.size(); ++c) chunk.column(c).SetValue(chunk.size(), row[c]);
    chunk.SetSize(chunk.size() + 1);
  }
  if (chunk.size() > 0) collection->Append(chunk);
  return std::make_unique<QueryResult>(std::move(type), std::move(names), std::move(collection));
}

std::unique_ptr<QueryResult> EmptyResult(std::string type) {
  return std::make_unique<QueryResult>(std::move(type), std::vector<std::string>{},
                                       std::make_unique<ChunkCollection>(std::vector<LogicalType>{}));
}

std::unique_ptr<QueryResult> SingleText(std::string type, std::string name, std::string text) {
  return MakeResult(std::move(type), {std::move(name)}, {LogicalType::Varchar()}, {{Value::Varchar(std::move(text))}});
}

const char* StatementTypeName(ast::StatementKind kind) {
  switch (kind) {
    case ast::StatementKind::kQuery: return "SELECT";
    case ast::StatementKind::kInsert: return "INSERT";
    case ast::StatementKind::kUpdate: return "UPDATE";
    case ast::StatementKind::kDelete: return "DELETE";
    case ast::StatementKind::kMerge: return "MERGE";
    case ast::StatementKind::kExplain: return "EXPLAIN";
    case ast::StatementKind::kCreateTable: return "CREATE TABLE";
    case ast::StatementKind::kCreateView: return "CREATE VIEW";
    case ast::StatementKind::kCreateSchema: return "CREATE SCHEMA";
    case ast::StatementKind::kDrop: return "DROP";
    default: return "STATEMENT";
  }
}

Value ConstantOf(Binder& binder, const ast::Expression& expression, QueryContext& query) {
  // A bare word (SET x = utc) is its name.
  if (expression.Is<ast::ColumnRef>() && expression.As<ast::ColumnRef>().name.parts.size() == 1) {
    return Value::Varchar(expression.As<ast::ColumnRef>().name.parts[0].name);
  }
  BindScope empty;
  ExpressionPtr bound = binder.BindExpression(expression, empty);
  return ExpressionExecutor::EvaluateConstant(*bound, &query);
}

/// The storage rows DESCRIBE EXTENDED adds after a table's columns (Column and Type hold the
/// name and value of each fact).
void AppendStorageRows(const TableEntry& table, std::vector<std::vector<Value>>& rows) {
  TableStorage storage = table.Storage();
  auto row = [&](const std::string& key, const std::string& value) {
    rows.push_back({Value::Varchar(key), Value::Varchar(value), Value::Varchar(""), Value::Varchar("")});
  };
  if (!storage.partitioning.empty()) {
    row("", "");
    row("# Partitioning", "");
    for (size_t i = 0; i < storage.partitioning.size(); ++i) row(fmt::format("Part {}", i), storage.partitioning[i]);
  }
  row("", "");
  row("# Detailed Table Information", "");
  row("Name", table.name.ToString());
  if (!table.comment.empty()) row("Comment", table.comment);
  if (!storage.format.empty()) row("Provider", storage.format);
  if (!storage.location.empty()) row("Location", storage.location);
  for (const auto& [key, value] : storage.details) row(key, value);
  if (!storage.sort_order.empty()) row("Sort Order", Join(storage.sort_order, ", "));
  if (!storage.properties.empty()) {
    std::vector<std::string> properties;
    for (const auto& [key, value] : storage.properties) properties.push_back(key + "=" + value);
    row("Table Properties", "[" + Join(properties, ",") + "]");
  }
}

/// A retention period of ALTER TABLE ... CREATE BRANCH in milliseconds.
int64_t RetentionMillis(Binder& binder, const ast::RetentionPeriod& period, QueryContext& query) {
  int64_t amount = CastValue(ConstantOf(binder, *period.amount, query), TypeId::kBigint).GetInt64();
  switch (period.unit) {
    case ast::RetentionUnit::kDays: return amount * 86400000;
    case ast::RetentionUnit::kHours: return amount * 3600000;
    case ast::RetentionUnit::kMinutes: return amount * 60000;
  }
  return amount;
}

std::vector<std::string> ColumnPath(const ast::QualifiedName& name) {
  std::vector<std::string> path;
  for (const auto& part : name.parts) path.push_back(NormalizeIdentifier(part));
  return path;
}

/// The catalog-level changes one ALTER TABLE action stands for.
std::vector<TableChange> ToTableChanges(const ast::AlterTableAction& action, Binder& binder, QueryContext& query) {
  using Kind = TableChange::Kind;
  std::vector<TableChange> changes;
  auto constant_text = [&](const ast::Property& p) -> std::string {
    Value v = p.value ? ConstantOf(binder, *p.value, query) : Value::Boolean(true);
    return v.is_null() ? "" : v.ToString();
  };
  switch (action.kind) {
    case ast::AlterTableActionKind::kAddColumns: {
      const auto& add = action.As<ast::AddColumns>();
      for (const auto& definition : add.columns) {
        TableChange change;
        change.kind = Kind::kAddColumn;
        change.column = ColumnPath(definition.name);
        change.if_not_exists = add.if_not_exists;
        change.definition.name = change.column.back();
        try {
          change.definition.type = binder.BindType(definition.type);
        } catch (const Exception& e) {
          ThrowAt(definition.location, e.code(), e.error().message);
        }
        change.definition.nullable = !definition.not_null;
        change.definition.comment = definition.comment.value_or("");
        if (definition.default_value) {
          change.definition.default_value = CastValue(ConstantOf(binder, *definition.default_value, query), change.definition.type);
        }
        changes.push_back(std::move(change));
      }
      return changes;
    }
    case ast::AlterTableActionKind::kDropColumn: {
      const auto& drop = action.As<ast::DropColumn>();
      TableChange change;
      change.kind = Kind::kDropColumn;
      change.column = ColumnPath(drop.column);
      change.if_exists = drop.if_exists;
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kRenameColumn: {
      const auto& rename = action.As<ast::RenameColumn>();
      TableChange change;
      change.kind = Kind::kRenameColumn;
      change.column = ColumnPath(rename.column);
      change.name = NormalizeIdentifier(rename.new_name);
      change.if_exists = rename.if_exists;
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kAlterColumn: {
      const auto& alter = action.As<ast::AlterColumn>();
      TableChange change;
      change.column = ColumnPath(alter.column);
      switch (alter.change) {
        case ast::AlterColumn::Change::kSetType:
          change.kind = Kind::kSetColumnType;
          change.definition.type = binder.BindType(alter.type);
          break;
        case ast::AlterColumn::Change::kSetDefault:
          change.kind = Kind::kSetColumnDefault;
          change.definition.default_value = ConstantOf(binder, *alter.default_value, query);
          break;
        case ast::AlterColumn::Change::kDropDefault: change.kind = Kind::kDropColumnDefault; break;
        case ast::AlterColumn::Change::kSetNotNull: change.kind = Kind::kSetColumnNotNull; break;
        case ast::AlterColumn::Change::kDropNotNull: change.kind = Kind::kDropColumnNotNull; break;
        case ast::AlterColumn::Change::kSetComment:
          change.kind = Kind::kSetColumnComment;
          change.definition.comment = alter.comment;
          break;
      }
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kChangePartitionField: {
      const auto& partition = action.As<ast::ChangePartitionField>();
      TableChange change;
      change.partition_field = partition.field->ToString();
      if (partition.name) change.name = NormalizeIdentifier(*partition.name);
      switch (partition.change) {
        case ast::ChangePartitionField::Change::kAdd: change.kind = Kind::kAddPartitionField; break;
        case ast::ChangePartitionField::Change::kDrop: change.kind = Kind::kDropPartitionField; break;
        case ast::ChangePartitionField::Change::kReplace:
          change.kind = Kind::kReplacePartitionField;
          change.replacement = partition.replacement->ToString();
          break;
      }
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kSetTableProperties: {
      const auto& set = action.As<ast::SetTableProperties>();
      TableChange change;
      change.kind = Kind::kSetProperties;
      for (const auto& p : set.properties) {
        change.properties.emplace_back(set.tblproperties ? p.name : ToLower(p.name), constant_text(p));
      }
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kUnsetTableProperties: {
      const auto& unset = action.As<ast::UnsetTableProperties>();
      TableChange change;
      change.kind = Kind::kUnsetProperties;
      change.keys = unset.names;
      change.if_exists = unset.if_exists;
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kCreateSnapshotRef: {
      const auto& create = action.As<ast::CreateSnapshotRef>();
      TableChange change;
      change.kind = create.ref_type == ast::SnapshotRefType::kBranch ? Kind::kCreateBranch : Kind::kCreateTag;
      change.name = NormalizeIdentifier(create.name);
      change.or_replace = create.or_replace;
      change.if_not_exists = create.if_not_exists;
      if (create.as_of_version) {
        change.snapshot_id = CastValue(ConstantOf(binder, *create.as_of_version, query), TypeId::kBigint).GetInt64();
      }
      if (create.retain) change.max_ref_age_ms = RetentionMillis(binder, *create.retain, query);
      if (create.max_snapshot_age) change.max_snapshot_age_ms = RetentionMillis(binder, *create.max_snapshot_age, query);
      if (create.min_snapshots_to_keep) {
        change.min_snapshots_to_keep = static_cast<int32_t>(
            CastValue(ConstantOf(binder, *create.min_snapshots_to_keep, query), TypeId::kInteger).GetInt64());
      }
      changes.push_back(std::move(change));
      return changes;
    }
    case ast::AlterTableActionKind::kDropSnapshotRef: {
      const auto& drop = action.As<ast::DropSnapshotRef>();
      TableChange change;
      change.kind = drop.ref_type == ast::SnapshotRefType::kBranch ? Kind::kDropBranch : Kind::kDropTag;
      change.name = NormalizeIdentifier(drop.name);
      change.if_exists = drop.if_exists;
      changes.push_back(std::move(change));
      return changes;
    }
    default:
      ThrowAt(action.location, ErrorCode::kNotSupported, fmt::format("ALTER TABLE {} is not supported", action.ToString()));
  }
}

}  // namespace

BinderEnvironment StatementRunner::MakeEnvironment(QueryContext& query) {
  BinderEnvironment environment;
  environment.functions = &database_.functions();
  environment.query = &query;
  environment.get_catalog = [this](const std::string& name) { return database_.GetCatalog(name); };
  environment.current_catalog = session_.catalog;
  environment.current_schema = session_.schema;
  environment.schema_aliases = session_.schema_aliases;
  if (!session_.temp_catalog) session_.temp_catalog = std::make_shared<MemoryCatalog>("temp", &database_.memory());
  environment.temp_catalog = session_.temp_catalog;
  environment.evaluate_constant = [&query](const Expression& e) { return ExpressionExecutor::EvaluateConstant(e, &query); };
  return environment;
}

std::unique_ptr<QueryResult> StatementRunner::Run(const ast::Statement& statement, std::string_view sql) {
  QueryContext query;
  query.start_micros = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count();
  query.time_zone = session_.time_zone;
  query.user = session_.user;
  query.catalog = session_.catalog;
  query.schema = session_.schema;
  MemoryTracker memory(session_.memory_limit > 0 ? session_.memory_limit : MemoryTracker::kNoLimit,
                       &database_.memory(), "query");
  query.memory = &memory;
  query.pool = &database_.pool();
  query.threads = session_.threads > 0 ? session_.threads : database_.threads();
  query.max_bytes_scanned = session_.max_bytes_scanned;
  query.interrupt = &session_.interrupted;
  switch (statement.kind) {
    case ast::StatementKind::kQuery:
    case ast::StatementKind::kInsert:
    case ast::StatementKind::kUpdate:
    case ast::StatementKind::kDelete:
    case ast::StatementKind::kMerge:
      return RunQuery(statement, query);
    case ast::StatementKind::kExplain:
      return RunExplain(statement, query, sql);
    case ast::StatementKind::kCreateTable:
      return RunCreateTable(statement, query);
    case ast::StatementKind::kCopy:
      return RunCopy(statement, query);
    case ast::StatementKind::kRepairTable:
      return RunExternalTableDdl(statement, query);
    case ast::StatementKind::kShow:
      return RunShow(statement, query);
    case ast::StatementKind::kDescribe:
      return RunDescribe(statement, query);
    case ast::StatementKind::kSetSession:
    case ast::StatementKind::kResetSession:
    case ast::StatementKind::kSetTimeZone:
    case ast::StatementKind::kUse:
      return RunSet(statement, query);
    case ast::StatementKind::kCreateSchema:
    case ast::StatementKind::kCreateExternalSchema:
    case ast::StatementKind::kDrop:
    case ast::StatementKind::kCreateView:
    case ast::StatementKind::kTruncate:
    case ast::StatementKind::kAlterTable:
      return RunDdl(statement, query, sql);
    case ast::StatementKind::kAttach:
    case ast::StatementKind::kDetach:
      return RunAttach(statement, query);
    case ast::StatementKind::kCall:
      return RunCall(statement, query);
    case ast::StatementKind::kTransaction:
      if (statement.As<ast::Transaction>().action == ast::Transaction::Action::kRollback) {
        ThrowAt(statement.location, ErrorCode::kNotSupported,
                "ROLLBACK is not supported: every statement commits on its own (autocommit)");
      }
      return EmptyResult("TRANSACTION");
    default:
      ThrowAt(statement.location, ErrorCode::kNotSupported,
              fmt::format("This statement is not supported: {}", statement.ToString().substr(0, 60)));
  }
}

BoundQuery StatementRunner::Bind(const ast::Statement& statement, BinderEnvironment& environment) {
  Binder binder(environment);
  switch (statement.kind) {
    case ast::StatementKind::kQuery: return binder.BindQuery(*statement.As<ast::QueryStatement>().query);
    case ast::StatementKind::kInsert: return binder.BindInsert(statement.As<ast::Insert>());
    case ast::StatementKind::kUpdate: return binder.BindUpdate(statement.As<ast::Update>());
    case ast::StatementKind::kDelete: return binder.BindDelete(statement.As<ast::Delete>());
    case ast::StatementKind::kMerge: return binder.BindMerge(statement.As<ast::Merge>());
    default:
      ThrowAt(statement.location, ErrorCode::kNotSupported, "Only queries and INSERT, UPDATE, DELETE and MERGE can be explained");
  }
}

PhysicalOperatorPtr StatementRunner::PlanPhysical(BoundQuery& bound, QueryContext& query) {
  OptimizerOptions options;
  options.evaluate_constant = [&query](const Expression& e) { return ExpressionExecutor::EvaluateConstant(e, &query); };
  LogicalOperatorPtr plan = Optimize(std::move(bound.plan), options);
  PhysicalPlanner planner(database_.functions(), &query);
  return planner.Plan(*plan);
}

std::unique_ptr<ChunkCollection> StatementRunner::Execute(BoundQuery& bound, QueryContext& query, bool profile,
                                                          std::string* plan_text) {
  PhysicalOperatorPtr physical = PlanPhysical(bound, query);
  if (plan_text && !profile) {
    *plan_text = physical->ToString(false);
    return nullptr;
  }
  PhysicalResultCollector collector(physical->types, false);
  ExecutionContext context{&query, profile};
  Executor executor(context);
  executor.Execute(*physical, collector);
  if (plan_text) *plan_text = physical->ToString(true);
  auto rows = std::make_unique<ChunkCollection>(collector.TakeResult());
  rows->Untrack();  // the result outlives the query's memory accounting
  return rows;
}

std::unique_ptr<QueryResult> StatementRunner::RunQuery(const ast::Statement& statement, QueryContext& query) {
  BinderEnvironment environment = MakeEnvironment(query);
  BoundQuery bound = Bind(statement, environment);
  std::vector<std::string> names = bound.names;
  auto rows = Execute(bound, query, false, nullptr);
  return std::make_unique<QueryResult>(StatementTypeName(statement.kind), std::move(names), std::move(rows));
}

std::unique_ptr<QueryResult> StatementRunner::RunExplain(const ast::Statement& statement, QueryContext& query,
                                                         std::string_view) {
  const auto& explain = statement.As<ast::Explain>();
  BinderEnvironment environment = MakeEnvironment(query);
  BoundQuery bound = Bind(*explain.statement, environment);
  std::string text;
  auto start = std::chrono::steady_clock::now();
  Execute(bound, query, explain.analyze, &text);
  if (explain.analyze) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    text += fmt::format("Total: {:.3f} ms, {} scanned\n", ms, FormatByteSize(query.bytes_scanned.load()));
  }
  return SingleText("EXPLAIN", "Query Plan", text);
}

std::unique_ptr<QueryResult> StatementRunner::RunCreateTable(const ast::Statement& statement, QueryContext& query) {
  const auto& create = statement.As<ast::CreateTable>();
  const auto& location = statement.location;
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  if (create.location_is_stage || !create.options.empty()) {
    ThrowAt(location, ErrorCode::kNotSupported, "Snowflake stages and file formats are not supported");
  }
  std::string using_format = create.using_format ? ToLower(create.using_format->name) : "";
  if (create.external || create.stored_as || using_format == "parquet" || using_format == "csv" ||
      using_format == "json") {
    return RunCreateExternalTable(statement, query);
  }
  CreateTableInfo info;
  info.name = binder.QualifyName(create.name);
  info.if_not_exists = create.if_not_exists;
  info.or_replace = create.or_replace;
  info.comment = create.comment.value_or("");
  info.location = create.location_uri.value_or("");
  for (const auto& p : create.partitioned_by) info.partitioning.push_back(p->ToString());
  auto property_text = [&](const ast::Property& p) -> std::string {
    Value v = p.value ? ConstantOf(binder, *p.value, query) : Value::Boolean(true);
    return v.is_null() ? "" : v.ToString();
  };
  if (create.using_format) info.format = ToLower(create.using_format->name);
  for (const auto& p : create.tblproperties) info.properties.emplace_back(p.name, property_text(p));
  // Trino's table properties: partitioning, sorted_by and location have places of their own; format
  // and format_version stand for Iceberg properties.
  for (const auto& p : create.properties) {
    std::string key = ToLower(p.name);
    if (key == "partitioning" || key == "sorted_by") {
      Value value = p.value ? ConstantOf(binder, *p.value, query) : Value();
      if (value.is_null() || value.type().id() != TypeId::kArray) {
        ThrowAt(p.location, ErrorCode::kInvalidParameter, fmt::format("Table property {} must be an ARRAY of strings", key));
      }
      for (const Value& item : value.children()) (key == "partitioning" ? info.partitioning : info.sort_order).push_back(item.ToString());
    } else if (key == "location") {
      info.location = property_text(p);
    } else if (key == "format") {
      info.properties.emplace_back("write.format.default", ToLower(property_text(p)));
    } else if (key == "format_version") {
      info.properties.emplace_back("format-version", property_text(p));
    } else {
      info.properties.emplace_back(key, property_text(p));
    }
  }
  std::shared_ptr<Catalog> catalog = create.temporary ? session_.temp_catalog : database_.GetCatalog(info.name.catalog);
  if (create.temporary) info.name = {"temp", "default", info.name.name};
  if (!catalog) ThrowAt(location, ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", info.name.catalog));

  std::optional<BoundQuery> source;
  if (create.query) {
    source = binder.BindQuery(*create.query);
    if (!create.column_aliases.empty() && create.column_aliases.size() != source->names.size()) {
      ThrowAt(location, ErrorCode::kTypeMismatch,
              fmt::format("Column alias list has {} entries but the query has {} columns", create.column_aliases.size(),
                          source->names.size()));
    }
    for (size_t i = 0; i < source->names.size(); ++i) {
      ColumnDefinition column;
      column.name = create.column_aliases.empty() ? source->names[i] : NormalizeIdentifier(create.column_aliases[i]);
      column.type = source->types[i].id() == TypeId::kUnknown ? LogicalType(TypeId::kVarchar) : source->types[i];
      info.columns.push_back(std::move(column));
    }
  } else {
    for (const auto& definition : create.columns) {
      ColumnDefinition column;
      if (definition.name.parts.size() != 1) {
        ThrowAt(definition.location, ErrorCode::kSyntaxError, "Nested field definitions are only allowed in ALTER TABLE");
      }
      column.name = NormalizeIdentifier(definition.name.parts[0]);
      try {
        column.type = binder.BindType(definition.type);
      } catch (const Exception& e) {
        ThrowAt(definition.location, e.code(), e.error().message);
      }
      column.nullable = !definition.not_null;
      column.comment = definition.comment.value_or("");
      if (definition.default_value) {
        Value v = ConstantOf(binder, *definition.default_value, query);
        column.default_value = CastValue(v, column.type);
      }
      for (const auto& existing : info.columns) {
        if (EqualsIgnoreCase(existing.name, column.name)) {
          ThrowAt(definition.location, ErrorCode::kDuplicateObject, fmt::format("Column name '{}' specified more than once", column.name));
        }
      }
      info.columns.push_back(std::move(column));
    }
    for (const auto& definition : create.partition_columns) {
      ThrowAt(definition.location, ErrorCode::kNotSupported, "Partition columns are only supported for external tables");
    }
  }
  if (info.columns.empty()) ThrowAt(location, ErrorCode::kInvalidParameter, "A table needs at least one column");
  bool existed = catalog->GetTable(info.name.schema, info.name.name).ValueOrThrow() != nullptr;
  std::shared_ptr<TableEntry> table = catalog->CreateTable(info).ValueOrThrow();
  if (!source) return EmptyResult("CREATE TABLE");
  if ((existed && create.if_not_exists) || create.with_no_data) {
    return MakeResult("CREATE TABLE", {"rows"}, {LogicalType(TypeId::kBigint)}, {{Value::Bigint(0)}});
  }
  auto insert = std::make_unique<LogicalInsert>(table);
  insert->column_map.resize(info.columns.size());
  for (size_t i = 0; i < info.columns.size(); ++i) {
    insert->column_map[i] = i;
    insert->defaults.push_back(MakeConstant(Value::Null(info.columns[i].type)));
  }
  insert->children.push_back(std::move(source->plan));
  BoundQuery bound;
  bound.plan = std::move(insert);
  try {
    auto rows = Execute(bound, query, false, nullptr);
    return std::make_unique<QueryResult>("CREATE TABLE", std::vector<std::string>{"rows"}, std::move(rows));
  } catch (...) {
    // A failed CREATE TABLE AS leaves no table behind.
    (void)catalog->DropTable(info.name.schema, info.name.name, true, true);
    throw;
  }
}

std::unique_ptr<QueryResult> StatementRunner::RunShow(const ast::Statement& statement, QueryContext& query) {
  const auto& show = statement.As<ast::Show>();
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  auto like = [&](const std::string& name) {
    return !show.like_pattern || MatchLikePattern(ToLower(name), ToLower(*show.like_pattern));
  };
  auto text_rows = [&](const std::vector<std::string>& names) {
    std::vector<std::vector<Value>> rows;
    for (const auto& n : names) {
      if (like(n)) rows.push_back({Value::Varchar(n)});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a[0].GetString() < b[0].GetString(); });
    return rows;
  };
  auto catalog_named = [&](const std::string& name) {
    auto catalog = database_.GetCatalog(name);
    if (!catalog) ThrowAt(statement.location, ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", name));
    return catalog;
  };
  switch (show.what) {
    case ast::Show::What::kCatalogs:
      return MakeResult("SHOW", {"Catalog"}, {LogicalType::Varchar()}, text_rows(database_.CatalogNames()));
    case ast::Show::What::kSchemas: {
      std::string name = show.target.empty() ? session_.catalog : NormalizeIdentifier(show.target.parts.back());
      return MakeResult("SHOW", {"Schema"}, {LogicalType::Varchar()}, text_rows(catalog_named(name)->ListSchemas().ValueOrThrow()));
    }
    case ast::Show::What::kTables: {
      std::string catalog_name = session_.catalog;
      std::string schema = session_.schema;
      if (show.target.parts.size() == 1) schema = NormalizeIdentifier(show.target.parts[0]);
      if (show.target.parts.size() >= 2) {
        catalog_name = NormalizeIdentifier(show.target.parts[0]);
        schema = NormalizeIdentifier(show.target.parts[1]);
      }
      auto alias = session_.schema_aliases.find(ToLower(schema));
      if (alias != session_.schema_aliases.end()) schema = alias->second;
      auto catalog = catalog_named(catalog_name);
      if (!catalog->SchemaExists(schema).ValueOrThrow()) {
        ThrowAt(statement.location, ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema));
      }
      std::vector<std::string> names = catalog->ListTables(schema).ValueOrThrow();
      auto views = catalog->ListViews(schema).ValueOrThrow();
      names.insert(names.end(), views.begin(), views.end());
      return MakeResult("SHOW", {"Table"}, {LogicalType::Varchar()}, text_rows(names));
    }
    case ast::Show::What::kColumns: {
      ast::Describe describe(statement.location);
      describe.table = show.target;
      return RunDescribe(describe, query);
    }
    case ast::Show::What::kCreateTable: {
      ResolvedTable resolved = binder.ResolveTable(show.target, false);
      const TableEntry& table = *resolved.table;
      std::vector<std::string> columns;
      for (const auto& c : table.columns) {
        std::string line = fmt::format("   {} {}", c.name, c.type.ToString());
        if (!c.nullable) line += " NOT NULL";
        if (c.default_value) line += " DEFAULT " + c.default_value->ToSqlLiteral();
        if (!c.comment.empty()) line += " COMMENT " + Value::Varchar(c.comment).ToSqlLiteral();
        columns.push_back(line);
      }
      std::string text = fmt::format("CREATE TABLE {} (\n{}\n)", table.name.ToString(), Join(columns, ",\n"));
      TableStorage storage = table.Storage();
      if (!storage.format.empty()) text += "\nUSING " + storage.format;
      if (!storage.partitioning.empty()) text += "\nPARTITIONED BY (" + Join(storage.partitioning, ", ") + ")";
      if (!table.comment.empty()) text += "\nCOMMENT " + Value::Varchar(table.comment).ToSqlLiteral();
      if (!storage.location.empty()) text += "\nLOCATION " + Value::Varchar(storage.location).ToSqlLiteral();
      std::vector<std::string> properties;
      for (const auto& [key, value] : storage.properties) {
        if (key == "comment") continue;
        properties.push_back(fmt::format("  {} = {}", Value::Varchar(key).ToSqlLiteral(), Value::Varchar(value).ToSqlLiteral()));
      }
      if (!properties.empty()) text += "\nTBLPROPERTIES (\n" + Join(properties, ",\n") + ")";
      return SingleText("SHOW", "Create Table", text);
    }
    case ast::Show::What::kCreateView: {
      ResolvedTable resolved = binder.ResolveTable(show.target, true);
      if (!resolved.view) ThrowAt(statement.location, ErrorCode::kInvalidParameter, fmt::format("'{}' is not a view", show.target.ToString()));
      return SingleText("SHOW", "Create View", fmt::format("CREATE VIEW {} AS\n{}", resolved.view->name.ToString(), resolved.view->sql));
    }
    case ast::Show::What::kCreateSchema: {
      QualifiedName name = binder.QualifyName(show.target);
      std::string catalog = show.target.parts.size() >= 2 ? NormalizeIdentifier(show.target.parts[0]) : session_.catalog;
      std::string schema = NormalizeIdentifier(show.target.parts.back());
      if (!catalog_named(catalog)->SchemaExists(schema).ValueOrThrow()) {
        ThrowAt(statement.location, ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema));
      }
      (void)name;
      return SingleText("SHOW", "Create Schema", fmt::format("CREATE SCHEMA {}.{}", catalog, schema));
    }
    case ast::Show::What::kFunctions: {
      const FunctionRegistry& registry = database_.functions();
      std::vector<std::vector<Value>> rows;
      auto add = [&](const std::string& name, const std::string& signature, const char* kind, const std::string& description) {
        if (!like(name)) return;
        rows.push_back({Value::Varchar(name), Value::Varchar(signature), Value::Varchar(kind), Value::Varchar(description)});
      };
      for (const auto& [name, overloads] : registry.scalars()) {
        if (!name.empty() && !std::isalpha(static_cast<unsigned char>(name[0]))) continue;
        for (const auto& f : overloads) {
          std::string signature = f.signature;
          if (signature.empty()) {
            std::vector<std::string> args;
            for (const auto& a : f.arguments) args.push_back(a.IsValid() ? a.ToString() : "T");
            signature = fmt::format("{}({}) -> {}", name, Join(args, ", "), f.return_type.IsValid() ? f.return_type.ToString() : "T");
          }
          add(name, signature, "scalar", f.description);
        }
      }
      for (const auto& [name, overloads] : registry.aggregates()) {
        for (const auto& f : overloads) add(name, f.signature.empty() ? name : f.signature, "aggregate", f.description);
      }
      for (const auto& [name, f] : registry.windows()) add(name, f.signature, "window", f.description);
      for (const auto& [name, f] : registry.tables()) add(name, f.signature.empty() ? name : f.signature, "table", f.description);
      std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a[0].GetString() != b[0].GetString() ? a[0].GetString() < b[0].GetString() : a[1].GetString() < b[1].GetString();
      });
      return MakeResult("SHOW", {"Function", "Signature", "Function Type", "Description"},
                        {LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar()}, rows);
    }
    case ast::Show::What::kSession: {
      std::vector<std::vector<Value>> rows = {
          {Value::Varchar("time_zone"), Value::Varchar(TimeZone::Name(session_.time_zone)), Value::Varchar("UTC"),
           Value::Varchar("The session time zone")},
          {Value::Varchar("threads"), Value::Varchar(std::to_string(session_.threads > 0 ? session_.threads : database_.threads())),
           Value::Varchar(std::to_string(database_.threads())), Value::Varchar("Threads a query may use")},
          {Value::Varchar("memory_limit"),
           Value::Varchar(session_.memory_limit > 0 ? FormatByteSize(session_.memory_limit) : "database limit"),
           Value::Varchar("database limit"), Value::Varchar("Memory one query may hold")},
          {Value::Varchar("max_bytes_scanned"),
           Value::Varchar(session_.max_bytes_scanned > 0 ? FormatByteSize(session_.max_bytes_scanned) : "unlimited"),
           Value::Varchar("unlimited"), Value::Varchar("Bytes a query may read from storage")},
      };
      return MakeResult("SHOW", {"Name", "Value", "Default", "Description"},
                        {LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar()}, rows);
    }
    case ast::Show::What::kTblProperties: {
      ResolvedTable resolved = binder.ResolveTable(show.target, false);
      std::vector<std::vector<Value>> rows;
      for (const auto& [key, value] : resolved.table->Storage().properties) rows.push_back({Value::Varchar(key), Value::Varchar(value)});
      return MakeResult("SHOW", {"key", "value"}, {LogicalType::Varchar(), LogicalType::Varchar()}, rows);
    }
  }
  ThrowAt(statement.location, ErrorCode::kNotSupported, "Unsupported SHOW statement");
}

std::unique_ptr<QueryResult> StatementRunner::RunDescribe(const ast::Statement& statement, QueryContext& query) {
  const auto& describe = statement.As<ast::Describe>();
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  std::vector<std::vector<Value>> rows;
  if (describe.query) {
    BoundQuery bound = binder.BindQuery(*describe.query);
    for (size_t i = 0; i < bound.names.size(); ++i) {
      rows.push_back({Value::Varchar(bound.names[i]), Value::Varchar(bound.types[i].ToString()), Value::Varchar(""), Value::Varchar("")});
    }
  } else {
    ResolvedTable resolved = binder.ResolveTable(describe.table, true);
    if (resolved.table) {
      for (const auto& c : resolved.table->columns) {
        rows.push_back({Value::Varchar(c.name), Value::Varchar(c.type.ToString()), Value::Varchar(c.nullable ? "" : "not null"),
                        Value::Varchar(c.comment)});
      }
      if (describe.extended || describe.formatted) AppendStorageRows(*resolved.table, rows);
    } else {
      ast::QualifiedName name = describe.table;
      auto statements = ParseSql(resolved.view->sql).ValueOrThrow();
      BinderEnvironment view_environment = environment;
      view_environment.current_catalog = resolved.view->name.catalog;
      view_environment.current_schema = resolved.view->name.schema;
      Binder view_binder(view_environment);
      BoundQuery bound = view_binder.BindQuery(*statements[0]->As<ast::QueryStatement>().query);
      for (size_t i = 0; i < bound.names.size(); ++i) {
        std::string column = i < resolved.view->column_names.size() ? resolved.view->column_names[i] : bound.names[i];
        rows.push_back({Value::Varchar(column), Value::Varchar(bound.types[i].ToString()), Value::Varchar(""), Value::Varchar("")});
      }
    }
  }
  return MakeResult("DESCRIBE", {"Column", "Type", "Extra", "Comment"},
                    {LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar()}, rows);
}

std::unique_ptr<QueryResult> StatementRunner::RunSet(const ast::Statement& statement, QueryContext& query) {
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  auto set_time_zone = [&](const Value& zone) {
    if (zone.type().id() == TypeId::kIntervalDayTime) {
      int64_t minutes = zone.GetInt64() / kMicrosPerMinute;
      session_.time_zone = TimeZone::FixedOffset(static_cast<int>(minutes));
      return;
    }
    auto key = TimeZone::Lookup(zone.ToString());
    if (!key) ThrowAt(statement.location, ErrorCode::kInvalidParameter, fmt::format("Time zone not supported: {}", zone.ToString()));
    session_.time_zone = *key;
  };
  switch (statement.kind) {
    case ast::StatementKind::kUse: {
      const auto& parts = statement.As<ast::Use>().name.parts;
      std::string catalog = parts.size() == 2 ? NormalizeIdentifier(parts[0]) : session_.catalog;
      std::string schema = NormalizeIdentifier(parts.back());
      auto entry = database_.GetCatalog(catalog);
      if (!entry) ThrowAt(statement.location, ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", catalog));
      auto alias = session_.schema_aliases.find(ToLower(schema));
      std::string real = alias != session_.schema_aliases.end() ? alias->second : schema;
      if (!entry->SchemaExists(real).ValueOrThrow()) {
        ThrowAt(statement.location, ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema));
      }
      session_.catalog = catalog;
      session_.schema = real;
      return EmptyResult("USE");
    }
    case ast::StatementKind::kSetTimeZone: {
      const auto& set = statement.As<ast::SetTimeZone>();
      if (!set.zone) {
        session_.time_zone = TimeZone::kUtc;
      } else {
        set_time_zone(ConstantOf(binder, *set.zone, query));
      }
      return EmptyResult("SET TIME ZONE");
    }
    case ast::StatementKind::kSetSession:
    case ast::StatementKind::kResetSession: {
      bool reset = statement.kind == ast::StatementKind::kResetSession;
      const ast::QualifiedName& name = reset ? statement.As<ast::ResetSession>().name : statement.As<ast::SetSession>().name;
      std::string property = ToLower(name.ToString());
      std::optional<Value> value;
      if (!reset) value = ConstantOf(binder, *statement.As<ast::SetSession>().value, query);
      auto bytes = [&]() -> int64_t {
        if (value->type().IsIntegral()) return value->GetInt64();
        int64_t parsed = ParseByteSize(value->ToString());
        if (parsed < 0) ThrowAt(statement.location, ErrorCode::kInvalidParameter, fmt::format("Invalid size for {}: {}", property, value->ToString()));
        return parsed;
      };
      if (property == "time_zone" || property == "timezone") {
        if (reset) session_.time_zone = TimeZone::kUtc;
        else set_time_zone(*value);
      } else if (property == "memory_limit" || property == "query_max_memory") {
        session_.memory_limit = reset ? 0 : bytes();
      } else if (property == "threads") {
        int64_t threads = reset ? 0 : CastValue(*value, TypeId::kBigint).GetInt64();
        if (threads < 0 || threads > 1024) ThrowAt(statement.location, ErrorCode::kInvalidParameter, "threads must be between 1 and 1024");
        session_.threads = static_cast<uint32_t>(std::min<int64_t>(threads, database_.threads()));
      } else if (property == "max_bytes_scanned" || property == "query_max_scan_physical_bytes") {
        session_.max_bytes_scanned = reset ? 0 : bytes();
      } else {
        ThrowAt(statement.location, ErrorCode::kUndefinedObject,
                fmt::format("Session property '{}' does not exist{}", property,
                            DidYouMean(property, {"time_zone", "memory_limit", "threads", "max_bytes_scanned"})));
      }
      return EmptyResult(reset ? "RESET SESSION" : "SET SESSION");
    }
    default:
      break;
  }
  ThrowAt(statement.location, ErrorCode::kInternal, "unexpected session statement");
}

std::unique_ptr<QueryResult> StatementRunner::RunDdl(const ast::Statement& statement, QueryContext& query, std::string_view sql) {
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  const auto& location = statement.location;
  auto catalog_named = [&](const std::string& name) {
    auto catalog = database_.GetCatalog(name);
    if (!catalog) ThrowAt(location, ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", name));
    return catalog;
  };
  // catalog and schema of a schema name of 1 or 2 parts.
  auto schema_name = [&](const ast::QualifiedName& name) -> std::pair<std::string, std::string> {
    if (name.parts.size() > 2) ThrowAt(location, ErrorCode::kSyntaxError, fmt::format("Too many dots in schema name '{}'", name.ToString()));
    std::string catalog = name.parts.size() == 2 ? NormalizeIdentifier(name.parts[0]) : session_.catalog;
    return {catalog, NormalizeIdentifier(name.parts.back())};
  };
  switch (statement.kind) {
    case ast::StatementKind::kCreateSchema: {
      const auto& create = statement.As<ast::CreateSchema>();
      auto [catalog, schema] = schema_name(create.name);
      catalog_named(catalog)->CreateSchema(schema, create.if_not_exists, create.comment.value_or(""),
                                           create.location_uri.value_or("")).ValueOrThrow();
      return EmptyResult("CREATE SCHEMA");
    }
    case ast::StatementKind::kCreateExternalSchema: {
      const auto& create = statement.As<ast::CreateExternalSchema>();
      std::string alias = NormalizeIdentifier(create.name.parts.back());
      auto catalog = catalog_named(session_.catalog);
      if (!catalog->SchemaExists(create.database).ValueOrThrow()) {
        ThrowAt(location, ErrorCode::kUndefinedSchema,
                fmt::format("Database '{}' does not exist in catalog '{}'", create.database, session_.catalog));
      }
      if (session_.schema_aliases.count(alias) && !create.if_not_exists) {
        ThrowAt(location, ErrorCode::kDuplicateObject, fmt::format("External schema '{}' already exists", alias));
      }
      session_.schema_aliases[alias] = create.database;
      return EmptyResult("CREATE EXTERNAL SCHEMA");
    }
    case ast::StatementKind::kDrop: {
      const auto& drop = statement.As<ast::Drop>();
      switch (drop.object_type) {
        case ast::Drop::ObjectType::kSchema: {
          auto [catalog, schema] = schema_name(drop.name);
          catalog_named(catalog)->DropSchema(schema, drop.if_exists, drop.behavior == ast::Drop::Behavior::kCascade).ValueOrThrow();
          return EmptyResult("DROP SCHEMA");
        }
        case ast::Drop::ObjectType::kTable:
        case ast::Drop::ObjectType::kView: {
          bool view = drop.object_type == ast::Drop::ObjectType::kView;
          if (drop.name.parts.size() == 1 && session_.temp_catalog) {
            std::string name = NormalizeIdentifier(drop.name.parts[0]);
            bool temp_exists = view ? session_.temp_catalog->GetView("default", name).ValueOrThrow() != nullptr
                                    : session_.temp_catalog->GetTable("default", name).ValueOrThrow() != nullptr;
            if (temp_exists) {
              (view ? session_.temp_catalog->DropView("default", name, false)
                    : session_.temp_catalog->DropTable("default", name, false, drop.purge)).ValueOrThrow();
              return EmptyResult(view ? "DROP VIEW" : "DROP TABLE");
            }
          }
          QualifiedName name = binder.QualifyName(drop.name);
          auto catalog = catalog_named(name.catalog);
          auto result = view ? catalog->DropView(name.schema, name.name, drop.if_exists)
                             : catalog->DropTable(name.schema, name.name, drop.if_exists, drop.purge);
          if (!result.ok()) ThrowAt(location, result.error().code, result.error().message);
          return EmptyResult(view ? "DROP VIEW" : "DROP TABLE");
        }
        default:
          ThrowAt(location, ErrorCode::kNotSupported, "DROP of this object type is not supported here");
      }
    }
    case ast::StatementKind::kCreateView: {
      const auto& create = statement.As<ast::CreateView>();
      BoundQuery bound = binder.BindQuery(*create.query);
      ViewEntry view;
      view.name = binder.QualifyName(create.name);
      view.sql = std::string(create.query_span.Of(sql));
      view.comment = create.comment.value_or("");
      view.column_names = bound.names;
      view.column_types = bound.types;
      if (!create.columns.empty()) {
        if (create.columns.size() != bound.names.size()) {
          ThrowAt(location, ErrorCode::kTypeMismatch,
                  fmt::format("View '{}' lists {} columns but its query returns {}", create.name.ToString(), create.columns.size(),
                              bound.names.size()));
        }
        for (size_t i = 0; i < create.columns.size(); ++i) view.column_names[i] = NormalizeIdentifier(create.columns[i]);
      }
      std::shared_ptr<Catalog> catalog;
      if (create.temporary) {
        catalog = session_.temp_catalog;
        view.name = {"temp", "default", view.name.name};
      } else {
        catalog = catalog_named(view.name.catalog);
      }
      if (create.if_not_exists && catalog->GetView(view.name.schema, view.name.name).ValueOrThrow()) return EmptyResult("CREATE VIEW");
      catalog->CreateView(view, create.or_replace).ValueOrThrow();
      return EmptyResult("CREATE VIEW");
    }
    case ast::StatementKind::kTruncate: {
      ResolvedTable resolved = binder.ResolveTable(statement.As<ast::Truncate>().table, false);
      resolved.table->CreateAppender(true)->Commit();
      return EmptyResult("TRUNCATE");
    }
    case ast::StatementKind::kAlterTable: {
      const auto& alter = statement.As<ast::AlterTable>();
      if (alter.action->kind == ast::AlterTableActionKind::kRenameTable) {
        ResolvedTable resolved;
        try {
          resolved = binder.ResolveTable(alter.table, false);
        } catch (const Exception& e) {
          if (alter.if_exists && e.code() == ErrorCode::kUndefinedTable) return EmptyResult("ALTER TABLE");
          throw;
        }
        const ast::QualifiedName& new_name = alter.action->As<ast::RenameTable>().new_name;
        QualifiedName to = binder.QualifyName(new_name);
        if (new_name.parts.size() == 1) to = {resolved.table->name.catalog, resolved.table->name.schema, to.name};
        if (to.catalog != resolved.table->name.catalog) {
          ThrowAt(location, ErrorCode::kNotSupported, "A table cannot be renamed into another catalog");
        }
        resolved.catalog->RenameTable(resolved.table->name.schema, resolved.table->name.name, to).ValueOrThrow();
        return EmptyResult("ALTER TABLE");
      }
      if (alter.action->kind == ast::AlterTableActionKind::kHivePartitions) return RunExternalTableDdl(statement, query);
      if (alter.action->kind == ast::AlterTableActionKind::kExecuteProcedure) return RunTableProcedure(statement, query);
      ResolvedTable resolved;
      try {
        resolved = binder.ResolveTable(alter.table, false);
      } catch (const Exception& e) {
        if (alter.if_exists && e.code() == ErrorCode::kUndefinedTable) return EmptyResult("ALTER TABLE");
        throw;
      }
      for (const TableChange& change : ToTableChanges(*alter.action, binder, query)) {
        auto altered = resolved.catalog->AlterTable(resolved.table->name.schema, resolved.table->name.name, change);
        if (!altered.ok()) ThrowAt(location, altered.error().code, altered.error().message);
      }
      return EmptyResult("ALTER TABLE");
    }
    default:
      break;
  }
  ThrowAt(location, ErrorCode::kInternal, "unexpected DDL statement");
}

std::unique_ptr<QueryResult> StatementRunner::RunAttach(const ast::Statement& statement, QueryContext& query) {
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  const auto& location = statement.location;
  if (statement.kind == ast::StatementKind::kDetach) {
    const auto& detach = statement.As<ast::Detach>();
    std::string name = NormalizeIdentifier(detach.name);
    if (detach.if_exists && !database_.GetCatalog(name)) return EmptyResult("DETACH");
    auto detached = database_.DetachCatalog(name);
    if (!detached.ok()) ThrowAt(location, detached.error().code, detached.error().message);
    if (session_.catalog == ToLower(name)) session_.catalog = database_.default_catalog();
    return EmptyResult("DETACH");
  }
  const auto& attach = statement.As<ast::Attach>();
  std::string type = "iceberg";
  for (const auto& option : attach.options) {
    if (EqualsIgnoreCase(option.name, "type") && option.value) type = ToLower(ConstantOf(binder, *option.value, query).ToString());
  }
  if (type != "iceberg") {
    ThrowAt(location, ErrorCode::kNotSupported,
            fmt::format("ATTACH of '{}' databases is not supported; ATTACH 'folder' AS name (TYPE iceberg) attaches a "
                        "warehouse",
                        type));
  }
  std::string name;
  if (attach.alias) {
    name = NormalizeIdentifier(*attach.alias);
  } else {
    std::string path = attach.target;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    name = ToLower(path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1));
  }
  if (attach.if_not_exists && database_.GetCatalog(name)) return EmptyResult("ATTACH");
  auto catalog = SqlCatalog::Open(name, attach.target);
  if (!catalog.ok()) ThrowAt(location, catalog.error().code, catalog.error().message);
  auto attached = database_.AttachCatalog(*catalog);
  if (!attached.ok()) ThrowAt(location, attached.error().code, attached.error().message);
  return EmptyResult("ATTACH");
}

}  // namespace switchboard
