// MemoryCatalog: schemas, tables and views held in memory for the life of the database; the
// default catalog without a warehouse, and the home of temporary tables and views.
#pragma once

#include <map>
#include <mutex>

#include "catalog/catalog.h"

namespace switchboard {

class MemoryTracker;

class MemoryCatalog : public Catalog {
 public:
  /// Starts with the schema "default". Table data is charged to `tracker` (optional, not owned,
  /// must outlive the catalog and every snapshot of its tables).
  explicit MemoryCatalog(std::string name, MemoryTracker* tracker = nullptr);

  Result<std::vector<std::string>> ListSchemas() override;
  Result<bool> SchemaExists(const std::string& schema) override;
  Result<void> CreateSchema(const std::string& schema, bool if_not_exists, const std::string& comment,
                            const std::string& location) override;
  Result<void> DropSchema(const std::string& schema, bool if_exists, bool cascade) override;

  Result<std::vector<std::string>> ListTables(const std::string& schema) override;
  Result<std::shared_ptr<TableEntry>> GetTable(const std::string& schema, const std::string& table) override;
  Result<std::shared_ptr<TableEntry>> CreateTable(const CreateTableInfo& info) override;
  Result<void> DropTable(const std::string& schema, const std::string& table, bool if_exists, bool purge) override;
  Result<void> RenameTable(const std::string& schema, const std::string& table, const QualifiedName& new_name) override;

  Result<std::vector<std::string>> ListViews(const std::string& schema) override;
  Result<std::shared_ptr<ViewEntry>> GetView(const std::string& schema, const std::string& view) override;
  Result<void> CreateView(const ViewEntry& view, bool or_replace) override;
  Result<void> DropView(const std::string& schema, const std::string& view, bool if_exists) override;

 private:
  struct Schema {
    std::string comment;
    std::map<std::string, std::shared_ptr<TableEntry>> tables;
    std::map<std::string, std::shared_ptr<ViewEntry>> views;
  };
  Result<Schema*> FindSchema(const std::string& schema);

  MemoryTracker* tracker_;
  std::mutex mutex_;
  std::map<std::string, Schema> schemas_;
};

/// Creates an in-memory table (used by MemoryCatalog and for temporary tables) whose rows are
/// charged to `tracker` when it is set.
std::shared_ptr<TableEntry> CreateMemoryTable(QualifiedName name, std::vector<ColumnDefinition> columns,
                                              MemoryTracker* tracker = nullptr);

}  // namespace switchboard
