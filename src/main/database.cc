// Database start-up: catalogs, thread pool and memory limit.
#include "main/database.h"

#include <unistd.h>

#include <thread>

#include "catalog/memory_catalog.h"
#include "catalog/sql_catalog.h"
#include "common/string_util.h"
#include "connector/files/file_functions.h"
#include "main/connection.h"
#include "main/database_state.h"
#include "table/iceberg/iceberg_scan.h"

namespace switchboard {

namespace {

int64_t DefaultMemoryLimit() {
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return MemoryTracker::kNoLimit;
  return static_cast<int64_t>(static_cast<double>(pages) * static_cast<double>(page_size) * 0.8);
}

}  // namespace

DatabaseState::DatabaseState(const DatabaseOptions& options)
    : options_(options),
      functions_(FunctionRegistry::CreateWithBuiltins()),
      threads_(options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency())),
      pool_(std::make_unique<ThreadPool>(threads_)),
      memory_(options.memory_limit > 0 ? options.memory_limit : DefaultMemoryLimit(), nullptr, "database",
              "the --memory-limit option (DatabaseOptions::memory_limit)") {
  RegisterFileFunctions(*functions_);
  iceberg::RegisterIcebergFunctions(*functions_);
  default_catalog_ = "memory";
  catalogs_[default_catalog_] = std::make_shared<MemoryCatalog>(default_catalog_, &memory_);
  if (options.warehouse) {
    std::shared_ptr<SqlCatalog> warehouse = SqlCatalog::Open(options.warehouse_catalog, *options.warehouse).ValueOrThrow();
    default_catalog_ = ToLower(warehouse->name());
    catalogs_[default_catalog_] = std::move(warehouse);
  }
}

std::shared_ptr<Catalog> DatabaseState::GetCatalog(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = catalogs_.find(ToLower(name));
  return it == catalogs_.end() ? nullptr : it->second;
}

Result<void> DatabaseState::AttachCatalog(std::shared_ptr<Catalog> catalog) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = ToLower(catalog->name());
  if (catalogs_.count(key)) {
    return Error{ErrorCode::kDuplicateObject, fmt::format("Catalog '{}' already exists", catalog->name())};
  }
  catalogs_[key] = std::move(catalog);
  return Ok();
}

Result<void> DatabaseState::DetachCatalog(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = ToLower(name);
  if (key == default_catalog_) return Error{ErrorCode::kInvalidState, "The default catalog cannot be detached"};
  if (catalogs_.erase(key) == 0) {
    return Error{ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", name)};
  }
  return Ok();
}

std::vector<std::string> DatabaseState::CatalogNames() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [name, _] : catalogs_) names.push_back(name);
  return names;
}

Database::Database(std::unique_ptr<DatabaseState> state) : state_(std::move(state)) {}
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  return CatchErrors([&]() -> std::unique_ptr<Database> {
    return std::unique_ptr<Database>(new Database(std::make_unique<DatabaseState>(options)));
  });
}

std::unique_ptr<Connection> Database::Connect() { return std::make_unique<Connection>(*state_); }

}  // namespace switchboard
