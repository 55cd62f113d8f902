// SqlCatalog: the embedded catalog of a warehouse folder, kept in a SQLite file (catalog.db) with
// the tables of Iceberg's JDBC catalog (iceberg_tables, iceberg_namespace_properties), so that
// PyIceberg's SQL catalog and Java's JDBC catalog can open the same file. Schemas are namespaces,
// tables are Iceberg tables, views are Iceberg views.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "catalog/catalog.h"

namespace switchboard {

namespace iceberg {
struct TableMetadata;
}

class SqlCatalog : public Catalog, public std::enable_shared_from_this<SqlCatalog> {
 public:
  /// Opens the catalog of `warehouse` (created, with its catalog.db and a "default" schema, when
  /// missing). `name` is the catalog's SQL name and the catalog_name of its rows. Errors:
  /// kIoError when the folder or database cannot be created or opened.
  static Result<std::shared_ptr<SqlCatalog>> Open(std::string name, std::string warehouse);
  ~SqlCatalog() override;

  /// The warehouse folder (absolute).
  const std::string& warehouse() const { return warehouse_; }

  Result<std::vector<std::string>> ListSchemas() override;
  Result<bool> SchemaExists(const std::string& schema) override;
  /// `location` becomes the default location of the schema's tables (<location>/<table>).
  Result<void> CreateSchema(const std::string& schema, bool if_not_exists, const std::string& comment,
                            const std::string& location) override;
  Result<void> DropSchema(const std::string& schema, bool if_exists, bool cascade) override;

  Result<std::vector<std::string>> ListTables(const std::string& schema) override;
  Result<std::shared_ptr<TableEntry>> GetTable(const std::string& schema, const std::string& table) override;
  /// Creates an Iceberg table: format version 2 unless the `format-version` property says
  /// otherwise, partitioned and sorted as `info` says, at `info.location` or under its schema's
  /// location or the warehouse. Errors: kDuplicateObject, kUndefinedSchema, kInvalidParameter
  /// (bad partition fields, properties, defaults before format version 3), kIoError.
  Result<std::shared_ptr<TableEntry>> CreateTable(const CreateTableInfo& info) override;
  /// Removes the table from the catalog; `purge` also deletes its data and metadata files.
  Result<void> DropTable(const std::string& schema, const std::string& table, bool if_exists, bool purge) override;
  Result<void> RenameTable(const std::string& schema, const std::string& table, const QualifiedName& new_name) override;
  Result<void> AlterTable(const std::string& schema, const std::string& table, const TableChange& change) override;

  Result<std::vector<std::string>> ListViews(const std::string& schema) override;
  Result<std::shared_ptr<ViewEntry>> GetView(const std::string& schema, const std::string& view) override;
  Result<void> CreateView(const ViewEntry& view, bool or_replace) override;
  Result<void> DropView(const std::string& schema, const std::string& view, bool if_exists) override;

 private:
  class Store;
  class Operations;
  friend class Operations;

  SqlCatalog(std::string name, std::string warehouse);
  /// The metadata file at `location` (immutable, so cached).
  Result<std::shared_ptr<const iceberg::TableMetadata>> LoadMetadata(const std::string& location);
  Result<std::string> TableLocation(const std::string& schema, const std::string& table);

  std::string warehouse_;
  std::unique_ptr<Store> store_;
  std::mutex cache_mutex_;
  std::map<std::string, std::shared_ptr<const iceberg::TableMetadata>> metadata_cache_;
};

}  // namespace switchboard
