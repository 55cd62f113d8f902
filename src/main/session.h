// Session: the settings of one connection (current catalog and schema, time zone, limits) and its
// temporary objects.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "catalog/catalog.h"

namespace switchboard {

class Session {
 public:
  std::string catalog;
  std::string schema = "default";
  /// TimeZone key of the session zone (UTC by default).
  int16_t time_zone = 0;
  std::string user = "switchboard";
  /// Threads a query may use; 0 = the database's.
  uint32_t threads = 0;
  /// Bytes one query may hold; 0 = the database's limit.
  int64_t memory_limit = 0;
  /// Cap on bytes read from storage per query; 0 = none.
  int64_t max_bytes_scanned = 0;
  /// Temporary views and tables (CREATE TEMP VIEW ...).
  std::shared_ptr<Catalog> temp_catalog;
  /// Redshift external schema names -> schemas (lower-cased keys).
  std::map<std::string, std::string> schema_aliases;
  /// Set by Connection::Interrupt; read by the running query.
  std::atomic<bool> interrupted{false};
};

}  // namespace switchboard
