// The embedded SQLite catalog (Iceberg JDBC catalog layout) and its table operations.
#include "catalog/sql_catalog.h"

#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "catalog/iceberg_table.h"
#include "common/string_util.h"
#include "table/iceberg/data_writer.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/table_update.h"
#include "table/iceberg/value_codec.h"
#include "table/iceberg/view_metadata.h"

namespace switchboard {

namespace {

using Row = std::vector<std::optional<std::string>>;
using Parameters = std::vector<std::optional<std::string>>;

constexpr const char* kCreateTables = R"sql(
CREATE TABLE IF NOT EXISTS iceberg_tables (
  catalog_name VARCHAR(255) NOT NULL,
  table_namespace VARCHAR(255) NOT NULL,
  table_name VARCHAR(255) NOT NULL,
  metadata_location VARCHAR(1000),
  previous_metadata_location VARCHAR(1000),
  iceberg_type VARCHAR(5),
  PRIMARY KEY (catalog_name, table_namespace, table_name));
CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (
  catalog_name VARCHAR(255) NOT NULL,
  namespace VARCHAR(255) NOT NULL,
  property_key VARCHAR(255),
  property_value VARCHAR(1000),
  PRIMARY KEY (catalog_name, namespace, property_key));
)sql";

/// Rows of the kind `type` ('TABLE' also matches the NULL that JDBC catalogs without views write).
const char* TypeFilter(bool views) {
  return views ? "iceberg_type = 'VIEW'" : "(iceberg_type IS NULL OR iceberg_type = 'TABLE')";
}

}  // namespace

/// The SQLite connection: one statement at a time.
class SqlCatalog::Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path) {
    auto store = std::unique_ptr<Store>(new Store());
    store->path_ = path;
    int status = sqlite3_open_v2(path.c_str(), &store->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
    if (status != SQLITE_OK) return store->Failure("open");
    sqlite3_busy_timeout(store->db_, 10000);
    SB_RETURN_IF_ERROR(store->Exec(kCreateTables));
    // Catalogs created before views were supported lack iceberg_type.
    SB_ASSIGN_OR_RETURN(auto columns, store->Query("SELECT name FROM pragma_table_info('iceberg_tables')", {}));
    bool has_type = false;
    for (const Row& column : columns) has_type |= column[0] == "iceberg_type";
    if (!has_type) SB_RETURN_IF_ERROR(store->Exec("ALTER TABLE iceberg_tables ADD COLUMN iceberg_type VARCHAR(5)"));
    return store;
  }

  ~Store() {
    if (db_) sqlite3_close(db_);
  }

  Result<void> Exec(const std::string& sql) {
    std::lock_guard<std::mutex> lock(mutex_);
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      Error error = Failure("update");
      sqlite3_free(message);
      return error;
    }
    return Ok();
  }

  Result<std::vector<Row>> Query(const std::string& sql, const Parameters& parameters) {
    std::vector<Row> rows;
    SB_RETURN_IF_ERROR(Run(sql, parameters, &rows, nullptr));
    return rows;
  }

  /// Runs a statement and returns how many rows it changed.
  Result<int> Execute(const std::string& sql, const Parameters& parameters) {
    int changes = 0;
    SB_RETURN_IF_ERROR(Run(sql, parameters, nullptr, &changes));
    return changes;
  }

 private:
  Store() = default;

  Error Failure(const char* action) const {
    int code = db_ ? sqlite3_extended_errcode(db_) : SQLITE_CANTOPEN;
    std::string message = db_ ? sqlite3_errmsg(db_) : "cannot open";
    ErrorCode error_code = (code & 0xff) == SQLITE_CONSTRAINT ? ErrorCode::kDuplicateObject : ErrorCode::kIoError;
    return Error{error_code, fmt::format("Catalog database '{}' ({}): {}", path_, action, message)};
  }

  Result<void> Run(const std::string& sql, const Parameters& parameters, std::vector<Row>* rows, int* changes) {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
      return Failure("prepare");
    }
    for (size_t i = 0; i < parameters.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      if (parameters[i]) {
        sqlite3_bind_text(statement, index, parameters[i]->data(), static_cast<int>(parameters[i]->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(statement, index);
      }
    }
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
      if (!rows) continue;
      Row row;
      for (int c = 0; c < sqlite3_column_count(statement); ++c) {
        const unsigned char* text = sqlite3_column_text(statement, c);
        if (text) row.emplace_back(std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(statement, c))));
        else row.emplace_back(std::nullopt);
      }
      rows->push_back(std::move(row));
    }
    Result<void> result = status == SQLITE_DONE ? Result<void>() : Result<void>(Failure("query"));
    if (changes) *changes = sqlite3_changes(db_);
    sqlite3_finalize(statement);
    return result;
  }

  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// Commits to one catalog table: the pointer swap is an UPDATE conditional on the old location.
class SqlCatalog::Operations : public iceberg::TableOperations {
 public:
  Operations(std::shared_ptr<SqlCatalog> catalog, std::string schema, std::string table)
      : catalog_(std::move(catalog)), schema_(std::move(schema)), table_(std::move(table)) {}

  Result<iceberg::TableState> Load() override {
    SB_ASSIGN_OR_RETURN(auto rows, catalog_->store_->Query(
                                       fmt::format("SELECT metadata_location FROM iceberg_tables WHERE catalog_name = ? "
                                                   "AND table_namespace = ? AND table_name = ? AND {}",
                                                   TypeFilter(false)),
                                       {catalog_->name(), schema_, table_}));
    if (rows.empty() || !rows[0][0]) {
      return Error{ErrorCode::kUndefinedTable, fmt::format("Table '{}.{}.{}' does not exist", catalog_->name(), schema_, table_)};
    }
    iceberg::TableState state;
    state.metadata_location = *rows[0][0];
    SB_ASSIGN_OR_RETURN(state.metadata, catalog_->LoadMetadata(state.metadata_location));
    return state;
  }

  Result<void> Swap(const std::string& base_location, const std::string& new_location) override {
    SB_ASSIGN_OR_RETURN(int changed, catalog_->store_->Execute(
                                         "UPDATE iceberg_tables SET metadata_location = ?, previous_metadata_location = ? "
                                         "WHERE catalog_name = ? AND table_namespace = ? AND table_name = ? AND "
                                         "metadata_location = ?",
                                         {new_location, base_location, catalog_->name(), schema_, table_, base_location}));
    if (changed != 1) {
      return Error{ErrorCode::kCommitConflict,
                   fmt::format("Table '{}.{}' was changed by another commit", schema_, table_)};
    }
    return Ok();
  }

  const iceberg::FileIO& io() const override { return io_; }

 private:
  std::shared_ptr<SqlCatalog> catalog_;
  std::string schema_;
  std::string table_;
  iceberg::FileIO io_;
};

SqlCatalog::SqlCatalog(std::string name, std::string warehouse) : Catalog(std::move(name)), warehouse_(std::move(warehouse)) {}

SqlCatalog::~SqlCatalog() = default;

Result<std::shared_ptr<SqlCatalog>> SqlCatalog::Open(std::string name, std::string warehouse) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::absolute(iceberg::NormalizeLocation(warehouse), error);
  if (!error) std::filesystem::create_directories(folder, error);
  if (error) {
    return Error{ErrorCode::kIoError, fmt::format("Cannot create warehouse folder '{}': {}", warehouse, error.message())};
  }
  std::shared_ptr<SqlCatalog> catalog(new SqlCatalog(std::move(name), folder.lexically_normal().string()));
  SB_ASSIGN_OR_RETURN(catalog->store_, Store::Open(iceberg::JoinPath(catalog->warehouse_, "catalog.db")));
  SB_RETURN_IF_ERROR(catalog->CreateSchema(catalog->DefaultSchema(), true, "", ""));
  return catalog;
}

Result<std::shared_ptr<const iceberg::TableMetadata>> SqlCatalog::LoadMetadata(const std::string& location) {
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto it = metadata_cache_.find(location);
    if (it != metadata_cache_.end()) return it->second;
  }
  SB_ASSIGN_OR_RETURN(auto metadata, iceberg::ReadMetadataFile(iceberg::FileIO(), location));
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (metadata_cache_.size() >= 256) metadata_cache_.clear();
  metadata_cache_[location] = metadata;
  return metadata;
}

Result<std::vector<std::string>> SqlCatalog::ListSchemas() {
  SB_ASSIGN_OR_RETURN(auto rows, store_->Query("SELECT namespace FROM iceberg_namespace_properties WHERE catalog_name = ? "
                                               "UNION SELECT table_namespace FROM iceberg_tables WHERE catalog_name = ?",
                                               {name(), name()}));
  std::vector<std::string> schemas;
  for (const Row& row : rows) schemas.push_back(*row[0]);
  return schemas;
}

Result<bool> SqlCatalog::SchemaExists(const std::string& schema) {
  SB_ASSIGN_OR_RETURN(auto rows, store_->Query("SELECT 1 FROM iceberg_namespace_properties WHERE catalog_name = ? AND "
                                               "namespace = ? UNION SELECT 1 FROM iceberg_tables WHERE catalog_name = ? "
                                               "AND table_namespace = ?",
                                               {name(), schema, name(), schema}));
  return !rows.empty();
}

Result<void> SqlCatalog::CreateSchema(const std::string& schema, bool if_not_exists, const std::string& comment,
                                      const std::string& location) {
  SB_ASSIGN_OR_RETURN(bool exists, SchemaExists(schema));
  if (exists) {
    if (if_not_exists) return Ok();
    return Error{ErrorCode::kDuplicateObject, fmt::format("Schema '{}' already exists", schema)};
  }
  std::vector<std::pair<std::string, std::string>> properties = {{"exists", "true"}};
  if (!comment.empty()) properties.emplace_back("comment", comment);
  if (!location.empty()) properties.emplace_back("location", iceberg::NormalizeLocation(location));
  for (const auto& [key, value] : properties) {
    SB_RETURN_IF_ERROR(store_->Execute("INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, "
                                       "property_value) VALUES (?, ?, ?, ?)",
                                       {name(), schema, key, value}));
  }
  return Ok();
}

Result<void> SqlCatalog::DropSchema(const std::string& schema, bool if_exists, bool cascade) {
  SB_ASSIGN_OR_RETURN(bool exists, SchemaExists(schema));
  if (!exists) {
    if (if_exists) return Ok();
    return Error{ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema)};
  }
  SB_ASSIGN_OR_RETURN(auto objects, store_->Query("SELECT table_name FROM iceberg_tables WHERE catalog_name = ? AND "
                                                  "table_namespace = ?",
                                                  {name(), schema}));
  if (!objects.empty() && !cascade) {
    return Error{ErrorCode::kInvalidState,
                 fmt::format("Schema '{}' is not empty ({} tables and views); use CASCADE to drop them too", schema,
                             objects.size())};
  }
  SB_RETURN_IF_ERROR(store_->Execute("DELETE FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ?", {name(), schema}));
  SB_RETURN_IF_ERROR(store_->Execute("DELETE FROM iceberg_namespace_properties WHERE catalog_name = ? AND namespace = ?",
                                     {name(), schema}));
  return Ok();
}

Result<std::vector<std::string>> SqlCatalog::ListTables(const std::string& schema) {
  SB_ASSIGN_OR_RETURN(auto rows, store_->Query(fmt::format("SELECT table_name FROM iceberg_tables WHERE catalog_name = ? "
                                                           "AND table_namespace = ? AND {} ORDER BY table_name",
                                                           TypeFilter(false)),
                                               {name(), schema}));
  std::vector<std::string> tables;
  for (const Row& row : rows) tables.push_back(*row[0]);
  return tables;
}

Result<std::shared_ptr<TableEntry>> SqlCatalog::GetTable(const std::string& schema, const std::string& table) {
  auto operations = std::make_shared<Operations>(shared_from_this(), schema, table);
  Result<iceberg::TableState> state = operations->Load();
  if (!state.ok()) {
    if (state.error().code == ErrorCode::kUndefinedTable) return std::shared_ptr<TableEntry>();
    return state.error();
  }
  return CatchErrors([&]() -> std::shared_ptr<TableEntry> {
    return std::make_shared<IcebergTable>(QualifiedName{name(), schema, table}, std::move(operations), std::move(*state));
  });
}

Result<std::string> SqlCatalog::TableLocation(const std::string& schema, const std::string& table) {
  SB_ASSIGN_OR_RETURN(auto rows, store_->Query("SELECT property_value FROM iceberg_namespace_properties WHERE catalog_name "
                                               "= ? AND namespace = ? AND property_key = 'location'",
                                               {name(), schema}));
  if (!rows.empty() && rows[0][0] && !rows[0][0]->empty()) return iceberg::JoinPath(*rows[0][0], table);
  return iceberg::JoinPath(iceberg::JoinPath(warehouse_, schema), table);
}

Result<std::shared_ptr<TableEntry>> SqlCatalog::CreateTable(const CreateTableInfo& info) {
  const std::string& schema_name = info.name.schema;
  const std::string& table_name = info.name.name;
  if (info.external) {
    // Not an Iceberg table: making one would write metadata into the files' folder.
    return Error{ErrorCode::kNotSupported,
                 fmt::format("Warehouse catalog '{}' does not store external tables yet: create '{}' in the in-memory "
                             "catalog (CREATE EXTERNAL TABLE memory.default.{} ...) or read the files with read_parquet",
                             name(), table_name, table_name)};
  }
  if (!info.format.empty() && info.format != "iceberg") {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("Tables of warehouse catalog '{}' are Iceberg tables, not '{}' (USING iceberg)", name(), info.format)};
  }
  SB_ASSIGN_OR_RETURN(bool schema_exists, SchemaExists(schema_name));
  if (!schema_exists) return Error{ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema_name)};
  SB_ASSIGN_OR_RETURN(std::shared_ptr<TableEntry> existing, GetTable(schema_name, table_name));
  if (existing) {
    if (info.if_not_exists) return existing;
    if (!info.or_replace) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("Table '{}' already exists", info.name.ToString())};
    }
    SB_RETURN_IF_ERROR(DropTable(schema_name, table_name, false, false));
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<ViewEntry> view, GetView(schema_name, table_name));
  if (view) return Error{ErrorCode::kDuplicateObject, fmt::format("A view named '{}' already exists", info.name.ToString())};

  std::map<std::string, std::string> properties;
  for (const auto& [key, value] : info.properties) properties[key] = value;
  if (!info.comment.empty()) properties["comment"] = info.comment;
  bool v3 = properties.count("format-version") && properties["format-version"] == "3";

  // Field ids: the top-level columns first, then the fields nested in them.
  int32_t next_id = static_cast<int32_t>(info.columns.size()) + 1;
  std::vector<iceberg::NestedField> fields;
  for (size_t i = 0; i < info.columns.size(); ++i) {
    const ColumnDefinition& column = info.columns[i];
    iceberg::NestedField field;
    field.id = static_cast<int32_t>(i) + 1;
    field.name = column.name;
    field.required = !column.nullable;
    field.doc = column.comment;
    SB_ASSIGN_OR_RETURN(field.type, iceberg::FromLogicalType(column.type, next_id));
    if (column.default_value && !column.default_value->is_null()) {
      if (!v3) {
        return Error{ErrorCode::kInvalidParameter,
                     fmt::format("Column '{}' has a DEFAULT, which needs Iceberg format version 3: add "
                                 "TBLPROPERTIES ('format-version' = '3')",
                                 column.name)};
      }
      SB_ASSIGN_OR_RETURN(Value value, iceberg::ConformValue(*column.default_value, *field.type));
      field.write_default = value;
    }
    fields.push_back(std::move(field));
  }
  SB_ASSIGN_OR_RETURN(iceberg::SchemaPtr schema, iceberg::Schema::Make(0, std::move(fields)));
  iceberg::PartitionSpec spec;
  std::set<std::string> partition_names;
  for (const std::string& text : info.partitioning) {
    SB_ASSIGN_OR_RETURN(iceberg::PartitionField field, iceberg::ParsePartitionField(text, *schema));
    for (const auto& other : spec.fields) {
      if (other.source_id == field.source_id && other.transform == field.transform) {
        return Error{ErrorCode::kDuplicateObject, fmt::format("Partition field {} is listed twice", text)};
      }
    }
    if (!partition_names.insert(field.name).second) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("Two partition fields are named '{}'", field.name)};
    }
    spec.fields.push_back(std::move(field));
  }
  iceberg::SortOrder order;
  for (const std::string& text : info.sort_order) {
    SB_ASSIGN_OR_RETURN(iceberg::SortField field, iceberg::ParseSortField(text, *schema));
    order.fields.push_back(std::move(field));
  }
  std::string location;
  if (!info.location.empty()) {
    location = iceberg::NormalizeLocation(info.location);
  } else {
    SB_ASSIGN_OR_RETURN(location, TableLocation(schema_name, table_name));
  }
  SB_ASSIGN_OR_RETURN(iceberg::TableMetadata metadata,
                      iceberg::NewTableMetadata(schema, std::move(spec), std::move(order), location, std::move(properties)));
  // Validate the write properties now rather than at the first INSERT.
  SB_RETURN_IF_ERROR(iceberg::WriterOptionsFor(metadata));
  iceberg::FileIO io;
  SB_ASSIGN_OR_RETURN(std::string metadata_location, iceberg::WriteInitialMetadata(io, metadata));
  Result<int> inserted = store_->Execute("INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, "
                                         "metadata_location, previous_metadata_location, iceberg_type) VALUES (?, ?, ?, "
                                         "?, NULL, 'TABLE')",
                                         {name(), schema_name, table_name, metadata_location});
  if (!inserted.ok()) {
    (void)io.Delete(metadata_location);
    if (inserted.error().code == ErrorCode::kDuplicateObject) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("Table '{}' already exists", info.name.ToString())};
    }
    return inserted.error();
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<TableEntry> table, GetTable(schema_name, table_name));
  return table;
}

Result<void> SqlCatalog::DropTable(const std::string& schema, const std::string& table, bool if_exists, bool purge) {
  auto operations = std::make_shared<Operations>(shared_from_this(), schema, table);
  Result<iceberg::TableState> state = operations->Load();
  if (!state.ok()) {
    if (state.error().code == ErrorCode::kUndefinedTable) {
      if (if_exists) return Ok();
      return Error{ErrorCode::kUndefinedTable, fmt::format("Table '{}.{}.{}' does not exist", name(), schema, table)};
    }
    return state.error();
  }
  SB_RETURN_IF_ERROR(store_->Execute(fmt::format("DELETE FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? "
                                                 "AND table_name = ? AND {}",
                                                 TypeFilter(false)),
                                     {name(), schema, table}));
  if (!purge) return Ok();
  // Delete every file the table's metadata references: data, deletes, manifests, lists, metadata.
  const iceberg::TableMetadata& metadata = *state->metadata;
  const iceberg::FileIO& io = operations->io();
  std::set<std::string> files = {state->metadata_location};
  for (const auto& entry : metadata.metadata_log) files.insert(entry.file);
  for (const auto& snapshot : metadata.snapshots) {
    Result<std::vector<iceberg::ManifestFile>> manifests = iceberg::SnapshotManifests(*snapshot, io);
    if (!manifests.ok()) continue;
    if (!snapshot->manifest_list.empty()) files.insert(snapshot->manifest_list);
    for (const auto& manifest : *manifests) {
      files.insert(manifest.path);
      Result<std::vector<iceberg::ManifestEntry>> entries = iceberg::ReadManifest(io, manifest);
      if (!entries.ok()) continue;
      for (const auto& entry : *entries) files.insert(entry.file->file_path);
    }
  }
  for (const std::string& file : files) {
    if (!file.empty()) (void)io.Delete(file);
  }
  return Ok();
}

Result<void> SqlCatalog::RenameTable(const std::string& schema, const std::string& table, const QualifiedName& new_name) {
  SB_ASSIGN_OR_RETURN(bool target_schema, SchemaExists(new_name.schema));
  if (!target_schema) return Error{ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", new_name.schema)};
  SB_ASSIGN_OR_RETURN(std::shared_ptr<TableEntry> target, GetTable(new_name.schema, new_name.name));
  SB_ASSIGN_OR_RETURN(std::shared_ptr<ViewEntry> target_view, GetView(new_name.schema, new_name.name));
  if (target || target_view) {
    return Error{ErrorCode::kDuplicateObject, fmt::format("'{}' already exists", new_name.ToString())};
  }
  Result<int> changed = store_->Execute(fmt::format("UPDATE iceberg_tables SET table_namespace = ?, table_name = ? WHERE "
                                                    "catalog_name = ? AND table_namespace = ? AND table_name = ? AND {}",
                                                    TypeFilter(false)),
                                        {new_name.schema, new_name.name, name(), schema, table});
  if (!changed.ok()) {
    if (changed.error().code == ErrorCode::kDuplicateObject) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("'{}' already exists", new_name.ToString())};
    }
    return changed.error();
  }
  if (*changed == 0) return Error{ErrorCode::kUndefinedTable, fmt::format("Table '{}.{}' does not exist", schema, table)};
  return Ok();
}

Result<void> SqlCatalog::AlterTable(const std::string& schema, const std::string& table, const TableChange& change) {
  auto operations = std::make_shared<Operations>(shared_from_this(), schema, table);
  using Kind = TableChange::Kind;
  auto apply = [&](const iceberg::TableMetadata& m) -> Result<iceberg::TableMetadata> {
    const ColumnDefinition& d = change.definition;
    switch (change.kind) {
      case Kind::kAddColumn:
        return iceberg::AddColumn(m, change.column, d.type, d.nullable, d.default_value, d.comment, change.if_not_exists);
      case Kind::kDropColumn: return iceberg::DropColumn(m, change.column, change.if_exists);
      case Kind::kRenameColumn: return iceberg::RenameColumn(m, change.column, change.name, change.if_exists);
      case Kind::kSetColumnType: return iceberg::SetColumnType(m, change.column, d.type);
      case Kind::kSetColumnDefault: return iceberg::SetColumnDefault(m, change.column, d.default_value);
      case Kind::kDropColumnDefault: return iceberg::SetColumnDefault(m, change.column, std::nullopt);
      case Kind::kSetColumnNotNull: return iceberg::SetColumnRequired(m, change.column, true);
      case Kind::kDropColumnNotNull: return iceberg::SetColumnRequired(m, change.column, false);
      case Kind::kSetColumnComment: return iceberg::SetColumnComment(m, change.column, d.comment);
      case Kind::kAddPartitionField: return iceberg::AddPartitionField(m, change.partition_field, change.name);
      case Kind::kDropPartitionField: return iceberg::DropPartitionField(m, change.partition_field);
      case Kind::kReplacePartitionField:
        return iceberg::ReplacePartitionField(m, change.partition_field, change.replacement, change.name);
      case Kind::kSetProperties: return iceberg::SetProperties(m, change.properties);
      case Kind::kUnsetProperties: return iceberg::UnsetProperties(m, change.keys, change.if_exists);
      case Kind::kCreateBranch:
      case Kind::kCreateTag: {
        iceberg::SnapshotRef retention;
        retention.max_ref_age_ms = change.max_ref_age_ms;
        retention.max_snapshot_age_ms = change.max_snapshot_age_ms;
        retention.min_snapshots_to_keep = change.min_snapshots_to_keep;
        return iceberg::CreateRef(m, change.name, change.kind == Kind::kCreateBranch, change.snapshot_id,
                                  change.or_replace, change.if_not_exists, retention);
      }
      case Kind::kDropBranch:
      case Kind::kDropTag:
        return iceberg::DropRef(m, change.name, change.kind == Kind::kDropBranch, change.if_exists);
    }
    return Error{ErrorCode::kInternal, "unknown table change"};
  };
  Result<iceberg::TableState> committed =
      iceberg::CommitTable(*operations, [&](const iceberg::TableState& base) -> Result<iceberg::PendingChange> {
        SB_ASSIGN_OR_RETURN(iceberg::TableMetadata next, apply(*base.metadata));
        if (change.kind == Kind::kSetProperties || change.kind == Kind::kUnsetProperties) {
          SB_RETURN_IF_ERROR(iceberg::WriterOptionsFor(next));
        }
        return iceberg::PendingChange{std::move(next), {}};
      });
  if (!committed.ok()) return committed.error();
  return Ok();
}

Result<std::vector<std::string>> SqlCatalog::ListViews(const std::string& schema) {
  SB_ASSIGN_OR_RETURN(auto rows, store_->Query(fmt::format("SELECT table_name FROM iceberg_tables WHERE catalog_name = ? "
                                                           "AND table_namespace = ? AND {} ORDER BY table_name",
                                                           TypeFilter(true)),
                                               {name(), schema}));
  std::vector<std::string> views;
  for (const Row& row : rows) views.push_back(*row[0]);
  return views;
}

Result<std::shared_ptr<ViewEntry>> SqlCatalog::GetView(const std::string& schema, const std::string& view) {
  SB_ASSIGN_OR_RETURN(auto rows, store_->Query(fmt::format("SELECT metadata_location FROM iceberg_tables WHERE "
                                                           "catalog_name = ? AND table_namespace = ? AND table_name = ? "
                                                           "AND {}",
                                                           TypeFilter(true)),
                                               {name(), schema, view}));
  if (rows.empty() || !rows[0][0]) return std::shared_ptr<ViewEntry>();
  SB_ASSIGN_OR_RETURN(std::string json, iceberg::FileIO().ReadFile(*rows[0][0]));
  SB_ASSIGN_OR_RETURN(iceberg::ViewDefinition definition, iceberg::ParseViewMetadata(json, *rows[0][0]));
  auto entry = std::make_shared<ViewEntry>();
  entry->name = QualifiedName{name(), schema, view};
  entry->sql = std::move(definition.sql);
  entry->column_names = std::move(definition.column_names);
  entry->column_types = std::move(definition.column_types);
  entry->comment = std::move(definition.comment);
  return entry;
}

Result<void> SqlCatalog::CreateView(const ViewEntry& view, bool or_replace) {
  const std::string& schema = view.name.schema;
  SB_ASSIGN_OR_RETURN(bool schema_exists, SchemaExists(schema));
  if (!schema_exists) return Error{ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema)};
  SB_ASSIGN_OR_RETURN(std::shared_ptr<TableEntry> table, GetTable(schema, view.name.name));
  if (table) return Error{ErrorCode::kDuplicateObject, fmt::format("A table named '{}' already exists", view.name.ToString())};
  SB_ASSIGN_OR_RETURN(std::shared_ptr<ViewEntry> existing, GetView(schema, view.name.name));
  if (existing && !or_replace) return Error{ErrorCode::kDuplicateObject, fmt::format("View '{}' already exists", view.name.ToString())};
  iceberg::ViewDefinition definition;
  definition.sql = view.sql;
  definition.column_names = view.column_names;
  definition.column_types = view.column_types;
  definition.comment = view.comment;
  definition.default_catalog = name();
  definition.default_namespace = schema;
  SB_ASSIGN_OR_RETURN(std::string location, TableLocation(schema, view.name.name));
  std::string file = iceberg::JoinPath(iceberg::JoinPath(location, "metadata"),
                                       fmt::format("00000-{}.metadata.json", iceberg::FormatUuid(iceberg::RandomUuid())));
  iceberg::FileIO io;
  SB_RETURN_IF_ERROR(io.WriteFile(file, iceberg::ViewMetadataJson(definition, location), WriteMode::kCreateIfAbsent));
  Result<int> written = existing ? store_->Execute(fmt::format("UPDATE iceberg_tables SET metadata_location = ?, "
                                                               "previous_metadata_location = metadata_location WHERE "
                                                               "catalog_name = ? AND table_namespace = ? AND table_name = ? "
                                                               "AND {}",
                                                               TypeFilter(true)),
                                                   {file, name(), schema, view.name.name})
                                 : store_->Execute("INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, "
                                                   "metadata_location, previous_metadata_location, iceberg_type) VALUES "
                                                   "(?, ?, ?, ?, NULL, 'VIEW')",
                                                   {name(), schema, view.name.name, file});
  if (!written.ok()) {
    (void)io.Delete(file);
    return written.error();
  }
  return Ok();
}

Result<void> SqlCatalog::DropView(const std::string& schema, const std::string& view, bool if_exists) {
  SB_ASSIGN_OR_RETURN(int changed, store_->Execute(fmt::format("DELETE FROM iceberg_tables WHERE catalog_name = ? AND "
                                                               "table_namespace = ? AND table_name = ? AND {}",
                                                               TypeFilter(true)),
                                                   {name(), schema, view}));
  if (changed == 0 && !if_exists) {
    return Error{ErrorCode::kUndefinedTable, fmt::format("View '{}.{}.{}' does not exist", name(), schema, view)};
  }
  return Ok();
}

}  // namespace switchboard
