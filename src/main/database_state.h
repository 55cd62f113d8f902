// DatabaseState: what all connections of a Database share: catalogs, functions, threads and the
// memory budget.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "common/memory_tracker.h"
#include "common/thread_pool.h"
#include "function/function_registry.h"
#include "main/database.h"

namespace switchboard {

class DatabaseState {
 public:
  explicit DatabaseState(const DatabaseOptions& options);

  const DatabaseOptions& options() const { return options_; }
  const FunctionRegistry& functions() const { return *functions_; }
  ThreadPool& pool() { return *pool_; }
  uint32_t threads() const { return threads_; }
  MemoryTracker& memory() { return memory_; }

  /// The catalog named `name` (case-insensitive), or nullptr.
  std::shared_ptr<Catalog> GetCatalog(const std::string& name) const;
  /// Attaches a catalog under its name; fails when the name is taken.
  Result<void> AttachCatalog(std::shared_ptr<Catalog> catalog);
  Result<void> DetachCatalog(const std::string& name);
  std::vector<std::string> CatalogNames() const;
  /// The catalog new sessions start in.
  const std::string& default_catalog() const { return default_catalog_; }

 private:
  DatabaseOptions options_;
  std::unique_ptr<FunctionRegistry> functions_;
  uint32_t threads_;
  std::unique_ptr<ThreadPool> pool_;
  MemoryTracker memory_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Catalog>> catalogs_;
  std::string default_catalog_;
};

}  // namespace switchboard
