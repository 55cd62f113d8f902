// Iceberg table maintenance from SQL: Spark's `CALL [catalog.]system.<procedure>(args)` and
// Trino's `ALTER TABLE t EXECUTE <procedure>(args)`, run by table/iceberg/maintenance.
#include <algorithm>
#include <map>

#include "catalog/iceberg_table.h"
#include "common/string_util.h"
#include "exec/expression_executor.h"
#include "function/cast.h"
#include "main/database_state.h"
#include "main/query_result.h"
#include "main/session.h"
#include "main/statement_runner.h"
#include "sql/binder/bind_scope.h"
#include "sql/binder/binder.h"
#include "sql/parser/ast/alter_table_action.h"
#include "sql/parser/ast/ddl_statements.h"
#include "sql/parser/ast/session_statements.h"
#include "table/iceberg/maintenance.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code,
                          const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

/// A procedure's arguments by parameter name (lower case), evaluated as constants.
class ProcedureArguments {
 public:
  /// `parameters` name the positional arguments in order.
  ProcedureArguments(const std::string& procedure, const std::vector<ast::ExpressionPtr>& arguments,
                     const std::vector<std::string>& parameters, Binder& binder,
                     QueryContext& query)
      : procedure_(procedure), query_(query) {
    for (size_t i = 0; i < arguments.size(); ++i) {
      const ast::Expression& argument = *arguments[i];
      std::string name;
      const ast::Expression* value = &argument;
      if (argument.Is<ast::NamedArgument>()) {
        name = ToLower(argument.As<ast::NamedArgument>().name.name);
        value = argument.As<ast::NamedArgument>().value.get();
      } else if (i < parameters.size()) {
        name = parameters[i];
      } else {
        ThrowAt(
            argument.location, ErrorCode::kInvalidParameter,
            fmt::format("Procedure {} takes at most {} arguments", procedure, parameters.size()));
      }
      if (std::find(parameters.begin(), parameters.end(), name) == parameters.end()) {
        ThrowAt(argument.location, ErrorCode::kInvalidParameter,
                fmt::format("Procedure {} has no parameter '{}'{}", procedure, name,
                            DidYouMean(name, parameters)));
      }
      BindScope empty;
      Value constant =
          ExpressionExecutor::EvaluateConstant(*binder.BindExpression(*value, empty), &query);
      if (!values_.emplace(name, std::move(constant)).second) {
        ThrowAt(argument.location, ErrorCode::kInvalidParameter,
                fmt::format("Argument '{}' is given twice", name));
      }
    }
  }

  bool Has(const std::string& name) const {
    auto it = values_.find(name);
    return it != values_.end() && !it->second.is_null();
  }
  std::string String(const std::string& name) const {
    return CastValue(Required(name), LogicalType::Varchar()).GetString();
  }
  int64_t Integer(const std::string& name) const {
    return CastValue(Required(name), LogicalType(TypeId::kBigint)).GetInt64();
  }
  bool Boolean(const std::string& name) const {
    return CastValue(Required(name), LogicalType(TypeId::kBoolean)).GetBoolean();
  }
  /// A point in time in milliseconds since the epoch (timestamps without a zone are in the
  /// session's time zone).
  int64_t TimeMillis(const std::string& name) const {
    CastOptions options;
    options.query = &query_;
    return FloorDiv(
        CastValue(Required(name), LogicalType::TimestampTz(6), options).GetTimestampTz().micros,
        1000);
  }
  /// A map argument (`options => map('k', 'v')`) as text pairs.
  std::map<std::string, std::string> Map(const std::string& name) const {
    std::map<std::string, std::string> out;
    if (!Has(name)) return out;
    const Value& value = values_.at(name);
    if (value.type().id() != TypeId::kMap) {
      throw Exception(ErrorCode::kTypeMismatch,
                      fmt::format("Argument '{}' of {} must be a map", name, procedure_));
    }
    for (const Value& entry : value.children())
      out[entry.children()[0].ToString()] = entry.children()[1].ToString();
    return out;
  }
  std::vector<int64_t> IntegerList(const std::string& name) const {
    std::vector<int64_t> out;
    if (!Has(name)) return out;
    for (const Value& element : values_.at(name).children())
      out.push_back(CastValue(element, LogicalType(TypeId::kBigint)).GetInt64());
    return out;
  }

 private:
  const Value& Required(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.is_null()) {
      throw Exception(ErrorCode::kInvalidParameter,
                      fmt::format("Procedure {} needs argument '{}'", procedure_, name));
    }
    return it->second;
  }

  std::string procedure_;
  QueryContext& query_;
  std::map<std::string, Value> values_;
};

std::unique_ptr<QueryResult> ProcedureResult(std::vector<std::string> names,
                                             const std::vector<std::vector<Value>>& rows) {
  std::vector<LogicalType> types;
  for (size_t c = 0; c < names.size(); ++c)
    types.push_back(rows.empty() ? LogicalType::Varchar() : rows[0][c].type());
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
  return std::make_unique<QueryResult>("CALL", std::move(names), std::move(collection));
}

Value Count(int64_t value) { return Value::Bigint(value); }

Value OptionalSnapshot(std::optional<int64_t> id) {
  return id ? Value::Bigint(*id) : Value::Null(LogicalType(TypeId::kBigint));
}

/// Trino's durations ('7d', '12h', '30m', '10s', '500ms') in milliseconds.
int64_t ParseDurationMillis(const std::string& text) {
  static const std::vector<std::pair<std::string, int64_t>> kUnits = {
      {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}};
  std::string trimmed = ToLower(std::string(TrimWhitespace(text)));
  for (const auto& [unit, scale] : kUnits) {
    if (!EndsWith(trimmed, unit)) continue;
    std::string number(
        TrimWhitespace(std::string_view(trimmed).substr(0, trimmed.size() - unit.size())));
    if (number.empty() || !std::all_of(number.begin(), number.end(),
                                       [](char c) { return std::isdigit(c) || c == '.'; }))
      continue;
    return static_cast<int64_t>(std::strtod(number.c_str(), nullptr) * static_cast<double>(scale));
  }
  throw Exception(
      ErrorCode::kInvalidParameter,
      fmt::format("Invalid duration '{}': expected a number and ms, s, m, h or d", text));
}

/// Trino's data sizes ('128MB', '10kB', '1GB', '512B') in bytes.
int64_t ParseDataSize(const std::string& text) {
  static const std::vector<std::pair<std::string, int64_t>> kUnits = {
      {"pb", int64_t{1} << 50}, {"tb", int64_t{1} << 40}, {"gb", int64_t{1} << 30},
      {"mb", int64_t{1} << 20}, {"kb", int64_t{1} << 10}, {"b", 1}};
  std::string trimmed = ToLower(std::string(TrimWhitespace(text)));
  for (const auto& [unit, scale] : kUnits) {
    if (!EndsWith(trimmed, unit)) continue;
    std::string number(
        TrimWhitespace(std::string_view(trimmed).substr(0, trimmed.size() - unit.size())));
    if (number.empty() || !std::all_of(number.begin(), number.end(),
                                       [](char c) { return std::isdigit(c) || c == '.'; }))
      break;
    return static_cast<int64_t>(std::strtod(number.c_str(), nullptr) * static_cast<double>(scale));
  }
  throw Exception(
      ErrorCode::kInvalidParameter,
      fmt::format("Invalid data size '{}': expected a number and B, kB, MB, GB or TB", text));
}

int64_t OptionInteger(const std::map<std::string, std::string>& options, const std::string& key) {
  const std::string& text = options.at(key);
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    throw Exception(ErrorCode::kInvalidParameter,
                    fmt::format("Option '{}' must be an integer, not '{}'", key, text));
  }
  return value;
}

iceberg::RewriteDataFilesOptions RewriteOptions(const std::map<std::string, std::string>& options) {
  iceberg::RewriteDataFilesOptions rewrite;
  for (const auto& [key, value] : options) {
    if (key == "target-file-size-bytes")
      rewrite.target_file_size = OptionInteger(options, key);
    else if (key == "min-file-size-bytes")
      rewrite.min_file_size = OptionInteger(options, key);
    else if (key == "max-file-size-bytes")
      rewrite.max_file_size = OptionInteger(options, key);
    else if (key == "min-input-files")
      rewrite.min_input_files = OptionInteger(options, key);
    else if (key == "delete-file-threshold")
      rewrite.delete_file_threshold = OptionInteger(options, key);
    else if (key == "rewrite-all")
      rewrite.rewrite_all = EqualsIgnoreCase(value, "true");
    else if (key == "partial-progress.enabled" || key == "max-concurrent-file-group-rewrites" ||
             key == "max-file-group-size-bytes")
      continue;
    else
      throw Exception(ErrorCode::kInvalidParameter,
                      fmt::format("rewrite_data_files has no option '{}'", key));
  }
  return rewrite;
}

std::unique_ptr<QueryResult> ExpireResult(const iceberg::ExpireSnapshotsResult& result) {
  return ProcedureResult(
      {"deleted_data_files_count", "deleted_position_delete_files_count",
       "deleted_equality_delete_files_count", "deleted_manifest_files_count",
       "deleted_manifest_lists_count", "deleted_statistics_files_count"},
      {{Count(result.deleted_data_files), Count(result.deleted_position_delete_files),
        Count(result.deleted_equality_delete_files), Count(result.deleted_manifest_files),
        Count(result.deleted_manifest_lists), Count(0)}});
}

std::unique_ptr<QueryResult> OrphanResult(const std::vector<std::string>& orphans) {
  std::vector<std::vector<Value>> rows;
  for (const std::string& path : orphans) rows.push_back({Value::Varchar(path)});
  return ProcedureResult({"orphan_file_location"}, rows);
}

std::unique_ptr<QueryResult> RewriteResult(const iceberg::RewriteDataFilesResult& result) {
  return ProcedureResult({"rewritten_data_files_count", "added_data_files_count",
                          "rewritten_bytes_count", "failed_data_files_count"},
                         {{Count(result.rewritten_data_files), Count(result.added_data_files),
                           Count(result.rewritten_bytes), Count(0)}});
}

std::unique_ptr<QueryResult> ManifestsResult(const iceberg::RewriteManifestsResult& result) {
  return ProcedureResult({"rewritten_manifests_count", "added_manifests_count"},
                         {{Count(result.rewritten_manifests), Count(result.added_manifests)}});
}

std::unique_ptr<QueryResult> SnapshotChangeResult(const iceberg::CurrentSnapshotChange& change,
                                                  const char* previous_name) {
  return ProcedureResult(
      {previous_name, "current_snapshot_id"},
      {{OptionalSnapshot(change.previous_snapshot_id), Value::Bigint(change.current_snapshot_id)}});
}

iceberg::TableOperations& OperationsOf(const std::shared_ptr<TableEntry>& table,
                                       const ast::SourceLocation& location) {
  auto iceberg_table = std::dynamic_pointer_cast<IcebergTable>(table);
  if (!iceberg_table) {
    ThrowAt(location, ErrorCode::kNotSupported,
            fmt::format("Table '{}' is not an Iceberg table; maintenance procedures need one",
                        table->name.ToString()));
  }
  return *iceberg_table->operations();
}

}  // namespace

std::unique_ptr<QueryResult> StatementRunner::RunCall(const ast::Statement& statement,
                                                      QueryContext& query) {
  const auto& call = statement.As<ast::Call>();
  const auto& location = statement.location;
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  const auto& parts = call.procedure.parts;
  std::string procedure = ToLower(parts.back().name);
  if (parts.size() < 2 || ToLower(parts[parts.size() - 2].name) != "system" || parts.size() > 3) {
    ThrowAt(
        location, ErrorCode::kUndefinedFunction,
        fmt::format("Procedure '{}' does not exist; table procedures are [catalog.]system.<name>",
                    call.procedure.ToString()));
  }
  std::string catalog_name = parts.size() == 3 ? ToLower(parts[0].name) : session_.catalog;
  static const std::map<std::string, std::vector<std::string>> kParameters = {
      {"expire_snapshots",
       {"table", "older_than", "retain_last", "max_concurrent_deletes", "stream_results",
        "snapshot_ids"}},
      {"remove_orphan_files",
       {"table", "older_than", "location", "dry_run", "max_concurrent_deletes"}},
      {"rewrite_data_files", {"table", "strategy", "sort_order", "options", "where"}},
      {"rewrite_manifests", {"table", "use_caching"}},
      {"rollback_to_snapshot", {"table", "snapshot_id"}},
      {"rollback_to_timestamp", {"table", "timestamp"}},
      {"set_current_snapshot", {"table", "snapshot_id", "ref"}},
      {"cherrypick_snapshot", {"table", "snapshot_id"}},
  };
  auto found = kParameters.find(procedure);
  if (found == kParameters.end()) {
    std::vector<std::string> names;
    for (const auto& [name, _] : kParameters) names.push_back(name);
    ThrowAt(location, ErrorCode::kUndefinedFunction,
            fmt::format("Procedure system.{} does not exist{}", procedure,
                        DidYouMean(procedure, names)));
  }
  ProcedureArguments arguments(procedure, call.arguments, found->second, binder, query);

  // The table: 'table', 'schema.table' or 'catalog.schema.table'.
  std::vector<std::string> name = Split(arguments.String("table"), '.');
  std::string schema = session_.schema;
  if (name.size() == 3) catalog_name = ToLower(name[0]);
  if (name.size() >= 2) schema = ToLower(name[name.size() - 2]);
  if (name.empty() || name.size() > 3)
    ThrowAt(location, ErrorCode::kInvalidParameter, "The table argument must name a table");
  std::shared_ptr<Catalog> catalog = database_.GetCatalog(catalog_name);
  if (!catalog)
    ThrowAt(location, ErrorCode::kUndefinedObject,
            fmt::format("Catalog '{}' does not exist", catalog_name));
  std::shared_ptr<TableEntry> table =
      catalog->GetTable(schema, ToLower(name.back())).ValueOrThrow();
  if (!table) {
    ThrowAt(location, ErrorCode::kUndefinedTable,
            fmt::format("Table '{}.{}.{}' does not exist", catalog_name, schema, name.back()));
  }
  iceberg::TableOperations& operations = OperationsOf(table, location);

  if (procedure == "expire_snapshots") {
    iceberg::ExpireSnapshotsOptions options;
    if (arguments.Has("older_than")) options.older_than_ms = arguments.TimeMillis("older_than");
    if (arguments.Has("retain_last"))
      options.retain_last = static_cast<int32_t>(arguments.Integer("retain_last"));
    options.snapshot_ids = arguments.IntegerList("snapshot_ids");
    return ExpireResult(iceberg::ExpireSnapshots(operations, options).ValueOrThrow());
  }
  if (procedure == "remove_orphan_files") {
    if (arguments.Has("location"))
      ThrowAt(location, ErrorCode::kNotSupported,
              "remove_orphan_files: 'location' is not supported");
    std::optional<int64_t> older_than;
    if (arguments.Has("older_than")) older_than = arguments.TimeMillis("older_than");
    bool dry_run = arguments.Has("dry_run") && arguments.Boolean("dry_run");
    return OrphanResult(iceberg::RemoveOrphanFiles(operations, older_than, dry_run).ValueOrThrow());
  }
  if (procedure == "rewrite_data_files") {
    if (arguments.Has("strategy") && !EqualsIgnoreCase(arguments.String("strategy"), "binpack")) {
      ThrowAt(location, ErrorCode::kNotSupported,
              "rewrite_data_files supports the 'binpack' strategy only");
    }
    if (arguments.Has("sort_order") || arguments.Has("where")) {
      ThrowAt(location, ErrorCode::kNotSupported,
              "rewrite_data_files: 'sort_order' and 'where' are not supported");
    }
    return RewriteResult(
        iceberg::RewriteDataFiles(operations, RewriteOptions(arguments.Map("options")))
            .ValueOrThrow());
  }
  if (procedure == "rewrite_manifests")
    return ManifestsResult(iceberg::RewriteManifests(operations).ValueOrThrow());
  if (procedure == "rollback_to_snapshot") {
    return SnapshotChangeResult(
        iceberg::RollbackToSnapshot(operations, arguments.Integer("snapshot_id")).ValueOrThrow(),
        "previous_snapshot_id");
  }
  if (procedure == "rollback_to_timestamp") {
    return SnapshotChangeResult(
        iceberg::RollbackToTimestamp(operations, arguments.TimeMillis("timestamp")).ValueOrThrow(),
        "previous_snapshot_id");
  }
  if (procedure == "set_current_snapshot") {
    std::optional<int64_t> snapshot_id;
    if (arguments.Has("snapshot_id")) snapshot_id = arguments.Integer("snapshot_id");
    std::string ref = arguments.Has("ref") ? arguments.String("ref") : "";
    if (snapshot_id.has_value() == !ref.empty()) {
      ThrowAt(location, ErrorCode::kInvalidParameter,
              "set_current_snapshot needs either snapshot_id or ref");
    }
    return SnapshotChangeResult(
        iceberg::SetCurrentSnapshot(operations, snapshot_id, ref).ValueOrThrow(),
        "previous_snapshot_id");
  }
  return SnapshotChangeResult(
      iceberg::CherrypickSnapshot(operations, arguments.Integer("snapshot_id")).ValueOrThrow(),
      "source_snapshot_id");
}

std::unique_ptr<QueryResult> StatementRunner::RunTableProcedure(const ast::Statement& statement,
                                                                QueryContext& query) {
  const auto& alter = statement.As<ast::AlterTable>();
  const auto& execute = alter.action->As<ast::ExecuteProcedure>();
  const auto& location = execute.location;
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  ResolvedTable resolved = binder.ResolveTable(alter.table, false);
  iceberg::TableOperations& operations = OperationsOf(resolved.table, location);
  std::string procedure = ToLower(execute.procedure.name);
  static const std::map<std::string, std::vector<std::string>> kParameters = {
      {"optimize", {"file_size_threshold"}},
      {"expire_snapshots", {"retention_threshold"}},
      {"remove_orphan_files", {"retention_threshold"}},
      {"optimize_manifests", {}},
      {"rollback_to_snapshot", {"snapshot_id"}},
  };
  auto found = kParameters.find(procedure);
  if (found == kParameters.end()) {
    std::vector<std::string> names;
    for (const auto& [name, _] : kParameters) names.push_back(name);
    ThrowAt(location, ErrorCode::kUndefinedFunction,
            fmt::format("Table procedure '{}' does not exist{}", procedure,
                        DidYouMean(procedure, names)));
  }
  if (execute.where)
    ThrowAt(execute.where->location, ErrorCode::kNotSupported,
            "EXECUTE ... WHERE is not supported");
  ProcedureArguments arguments(procedure, execute.arguments, found->second, binder, query);
  if (procedure == "optimize") {
    // Trino: files smaller than the threshold (default 100MB) are merged, deletes applied.
    iceberg::RewriteDataFilesOptions options;
    int64_t threshold = arguments.Has("file_size_threshold")
                            ? ParseDataSize(arguments.String("file_size_threshold"))
                            : int64_t{100} << 20;
    options.min_file_size = threshold;
    options.max_file_size = INT64_MAX;
    options.min_input_files = 2;
    return RewriteResult(iceberg::RewriteDataFiles(operations, options).ValueOrThrow());
  }
  if (procedure == "expire_snapshots" || procedure == "remove_orphan_files") {
    // Trino's default retention is 7 days.
    int64_t retention = arguments.Has("retention_threshold")
                            ? ParseDurationMillis(arguments.String("retention_threshold"))
                            : int64_t{7} * 86'400'000;
    int64_t older_than = iceberg::NowMillis() - retention;
    if (procedure == "remove_orphan_files")
      return OrphanResult(iceberg::RemoveOrphanFiles(operations, older_than, false).ValueOrThrow());
    iceberg::ExpireSnapshotsOptions options;
    options.older_than_ms = older_than;
    return ExpireResult(iceberg::ExpireSnapshots(operations, options).ValueOrThrow());
  }
  if (procedure == "optimize_manifests")
    return ManifestsResult(iceberg::RewriteManifests(operations).ValueOrThrow());
  return SnapshotChangeResult(
      iceberg::RollbackToSnapshot(operations, arguments.Integer("snapshot_id")).ValueOrThrow(),
      "previous_snapshot_id");
}

}  // namespace switchboard
