// The catalog interface: schemas, tables and views of one named catalog, and the entries the
// binder resolves names to. Implementations: the in-memory catalog here; the Iceberg warehouse
// and federated databases elsewhere.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "function/function.h"
#include "types/chunk_collection.h"

namespace switchboard {

struct ColumnDefinition {
  std::string name;
  LogicalType type;
  bool nullable = true;
  /// Default value for INSERTs that omit the column (NULL when unset).
  std::optional<Value> default_value;
  std::string comment;
};

/// Identifies a table or view: catalog.schema.name.
struct QualifiedName {
  std::string catalog;
  std::string schema;
  std::string name;
  std::string ToString() const { return catalog + "." + schema + "." + name; }
};

struct ExternalTableDefinition;  // catalog/external_table.h

class TableEntry;

/// Where and how a table is stored, for DESCRIBE EXTENDED and SHOW CREATE TABLE (empty for
/// in-memory tables).
struct TableStorage {
  std::string format;  // "iceberg"
  std::string location;
  /// Partition fields as SQL writes them: "category", "days(ts)", "bucket(16, id)".
  std::vector<std::string> partitioning;
  /// Sort fields: "id ASC NULLS FIRST".
  std::vector<std::string> sort_order;
  std::vector<std::pair<std::string, std::string>> properties;
  /// Further facts for DESCRIBE EXTENDED (format version, current snapshot, ...).
  std::vector<std::pair<std::string, std::string>> details;
};

/// Receives the rows of an INSERT. Append may be called from several threads at once; Commit is
/// called once at the end and makes all rows visible atomically.
class TableAppender {
 public:
  virtual ~TableAppender() = default;
  virtual void Append(const DataChunk& chunk) = 0;
  /// Publishes the appended rows (replacing all rows when the appender was made for overwrite).
  virtual void Commit() = 0;
};

/// A table: its columns and how to scan and change it. Row ids (for DELETE and UPDATE) are the
/// values the scan produces for the kRowIdColumn column.
class TableEntry {
 public:
  virtual ~TableEntry() = default;

  QualifiedName name;
  std::vector<ColumnDefinition> columns;
  std::string comment;

  /// The scan: a table function with bind data, whose schema is `columns` (plus kRowIdColumn
  /// when the table supports row-level changes).
  virtual TableFunction ScanFunction() const = 0;
  virtual std::shared_ptr<const FunctionData> ScanBindData() const = 0;
  /// Rows, when known cheaply (for join ordering).
  virtual std::optional<double> EstimatedRows() const { return std::nullopt; }

  /// Throws kNotSupported when the table is read-only.
  virtual std::unique_ptr<TableAppender> CreateAppender(bool overwrite) = 0;
  virtual void DeleteRows(const std::vector<int64_t>& row_ids) = 0;
  /// Sets `column_ids` of the rows `row_ids` to the matching rows of `values` (one column per id).
  virtual void UpdateRows(const std::vector<int64_t>& row_ids, const std::vector<idx_t>& column_ids,
                          const ChunkCollection& values) = 0;
  /// Whether UpdateRows needs every column (tables that rewrite changed rows as new rows).
  virtual bool UpdateNeedsAllColumns() const { return false; }
  /// MERGE: removes the rows `deleted_row_ids` and adds `inserted_rows` (all columns in order).
  /// Tables with snapshots apply both as one commit; the default deletes, then appends.
  virtual void MergeRows(const std::vector<int64_t>& deleted_row_ids, const ChunkCollection& inserted_rows);
  /// Bind data of the scan whose row ids DeleteRows, UpdateRows and MergeRows receive (one
  /// statement's scan of the table being changed); by default ScanBindData().
  virtual std::shared_ptr<const FunctionData> RowChangeScanBindData() const { return ScanBindData(); }

  /// Time travel: the table as of a version (a snapshot id, or a branch or tag name) or as of a
  /// point in time (microseconds since the epoch), read-only and with that version's columns.
  /// Throws kNotSupported for tables without history, kInvalidParameter when there is no such
  /// version.
  virtual std::shared_ptr<TableEntry> AtVersion(const Value& version) const;
  virtual std::shared_ptr<TableEntry> AtTimestamp(int64_t timestamp_micros) const;
  /// The metadata table `name` (t.snapshots, "t$files", ...), or nullptr when there is none.
  virtual std::shared_ptr<TableEntry> MetadataTable(const std::string& name) const { return nullptr; }
  virtual TableStorage Storage() const { return {}; }

  idx_t ColumnIndex(const std::string& column) const;
  std::vector<std::string> ColumnNames() const;
  std::vector<LogicalType> ColumnTypes() const;
};

struct ViewEntry {
  QualifiedName name;
  /// The SELECT text as the user wrote it.
  std::string sql;
  /// Output column names (from the view's column list or its query).
  std::vector<std::string> column_names;
  /// Output column types as bound when the view was created (for catalogs that store a view's
  /// schema); may be empty.
  std::vector<LogicalType> column_types;
  std::string comment;
};

struct CreateTableInfo {
  QualifiedName name;
  std::vector<ColumnDefinition> columns;
  bool if_not_exists = false;
  bool or_replace = false;
  std::string comment;
  /// Set for CREATE EXTERNAL TABLE: files in a folder read as a table. Catalogs make the entry
  /// with CreateExternalTableEntry (catalog/external_table.h) and, when they persist tables,
  /// store this definition (plain strings) and the columns, and call it again on load; DROP
  /// TABLE removes only the definition, never the files.
  std::shared_ptr<const ExternalTableDefinition> external;
  /// Storage details (location, format, partitioning, properties) for catalogs that use them.
  std::string location;
  /// The table provider of USING (lower-case; "" when not given): "iceberg".
  std::string format;
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<std::string> partitioning;  // partition transforms as text: "days(ts)", "category"
  std::vector<std::string> sort_order;    // sort fields as text: "ts DESC NULLS LAST"
};

/// One change of ALTER TABLE, for catalogs whose tables can change shape. Which fields are used
/// depends on `kind`.
struct TableChange {
  enum class Kind : uint8_t {
    kAddColumn,            // column (path), definition, if_not_exists
    kDropColumn,           // column, if_exists
    kRenameColumn,         // column, name, if_exists
    kSetColumnType,        // column, definition.type
    kSetColumnDefault,     // column, definition.default_value
    kDropColumnDefault,    // column
    kSetColumnNotNull,     // column
    kDropColumnNotNull,    // column
    kSetColumnComment,     // column, definition.comment
    kAddPartitionField,    // partition_field, name (AS name)
    kDropPartitionField,   // partition_field
    kReplacePartitionField,  // partition_field, replacement, name
    kSetProperties,        // properties
    kUnsetProperties,      // keys, if_exists
    kCreateBranch,         // name, snapshot_id, or_replace, if_not_exists, retention
    kCreateTag,
    kDropBranch,           // name, if_exists
    kDropTag,
  };
  Kind kind = Kind::kAddColumn;
  /// A column by path: one name, or more for a field nested in structs.
  std::vector<std::string> column;
  ColumnDefinition definition;
  std::string name;
  std::string partition_field;
  std::string replacement;
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<std::string> keys;
  bool if_exists = false;
  bool if_not_exists = false;
  bool or_replace = false;
  std::optional<int64_t> snapshot_id;
  std::optional<int64_t> max_ref_age_ms;
  std::optional<int64_t> max_snapshot_age_ms;
  std::optional<int32_t> min_snapshots_to_keep;
};

/// One named catalog. Lookups return nullptr when the object does not exist; operations that
/// fail return an Error: kUndefinedSchema, kUndefinedTable, kDuplicateObject, kNotSupported,
/// kIoError (for catalogs backed by storage). Thread-safe.
class Catalog {
 public:
  explicit Catalog(std::string name) : name_(std::move(name)) {}
  virtual ~Catalog() = default;

  const std::string& name() const { return name_; }
  /// The schema used when a name has no schema part and the session has none selected.
  virtual std::string DefaultSchema() const { return "default"; }

  virtual Result<std::vector<std::string>> ListSchemas() = 0;
  virtual Result<bool> SchemaExists(const std::string& schema) = 0;
  virtual Result<void> CreateSchema(const std::string& schema, bool if_not_exists,
                                    const std::string& comment, const std::string& location) = 0;
  virtual Result<void> DropSchema(const std::string& schema, bool if_exists, bool cascade) = 0;

  virtual Result<std::vector<std::string>> ListTables(const std::string& schema) = 0;
  virtual Result<std::shared_ptr<TableEntry>> GetTable(const std::string& schema, const std::string& table) = 0;
  virtual Result<std::shared_ptr<TableEntry>> CreateTable(const CreateTableInfo& info) = 0;
  virtual Result<void> DropTable(const std::string& schema, const std::string& table, bool if_exists, bool purge) = 0;
  virtual Result<void> RenameTable(const std::string& schema, const std::string& table,
                                   const QualifiedName& new_name) = 0;
  /// Applies one ALTER TABLE change. Errors: kNotSupported (the default: tables of this catalog
  /// cannot change shape), kUndefinedTable, kUndefinedColumn, kDuplicateObject,
  /// kInvalidParameter, kCommitConflict, kIoError.
  virtual Result<void> AlterTable(const std::string& schema, const std::string& table, const TableChange& change);

  virtual Result<std::vector<std::string>> ListViews(const std::string& schema) = 0;
  virtual Result<std::shared_ptr<ViewEntry>> GetView(const std::string& schema, const std::string& view) = 0;
  virtual Result<void> CreateView(const ViewEntry& view, bool or_replace) = 0;
  virtual Result<void> DropView(const std::string& schema, const std::string& view, bool if_exists) = 0;

 private:
  std::string name_;
};

}  // namespace switchboard
