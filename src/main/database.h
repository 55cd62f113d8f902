// Database: one Switchboard instance: its catalogs (in-memory, or the Iceberg warehouse),
// function registry, thread pool and memory limit. Connections run statements against it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/result.h"

namespace switchboard {

class Connection;
class DatabaseState;

struct DatabaseOptions {
  /// Warehouse folder; without it everything lives in memory and disappears with the database.
  /// With it, the warehouse's catalog (Iceberg tables in catalog.db) is the default catalog.
  std::optional<std::string> warehouse;
  /// The SQL name of the warehouse's catalog.
  std::string warehouse_catalog = "lakehouse";
  /// Worker threads for queries; 0 = one per core.
  uint32_t threads = 0;
  /// Bytes all queries together may hold; 0 = 80% of the machine's memory.
  int64_t memory_limit = 0;
};

/// Thread-safe: connections may be used from different threads at once (one statement at a time
/// per connection).
class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options);
  ~Database();

  std::unique_ptr<Connection> Connect();
  DatabaseState& state() { return *state_; }

 private:
  explicit Database(std::unique_ptr<DatabaseState> state);
  std::unique_ptr<DatabaseState> state_;
};

}  // namespace switchboard
