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

class TableEntry;

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
  std::string comment;
};

struct CreateTableInfo {
  QualifiedName name;
  std::vector<ColumnDefinition> columns;
  bool if_not_exists = false;
  bool or_replace = false;
  std::string comment;
  /// Storage details (location, format, partitioning, properties) for catalogs that use them.
  std::string location;
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<std::string> partitioning;  // partition transforms as text: "days(ts)", "category"
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

  virtual Result<std::vector<std::string>> ListViews(const std::string& schema) = 0;
  virtual Result<std::shared_ptr<ViewEntry>> GetView(const std::string& schema, const std::string& view) = 0;
  virtual Result<void> CreateView(const ViewEntry& view, bool or_replace) = 0;
  virtual Result<void> DropView(const std::string& schema, const std::string& view, bool if_exists) = 0;

 private:
  std::string name_;
};

}  // namespace switchboard
