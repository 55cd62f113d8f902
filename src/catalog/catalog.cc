// Default behaviour of the catalog interface for tables and catalogs without history or
// schema changes.
#include "catalog/catalog.h"

namespace switchboard {

std::shared_ptr<TableEntry> TableEntry::AtVersion(const Value&) const {
  SB_THROW(kNotSupported, "Table '{}' does not support time travel", name.ToString());
}

std::shared_ptr<TableEntry> TableEntry::AtTimestamp(int64_t) const {
  SB_THROW(kNotSupported, "Table '{}' does not support time travel", name.ToString());
}

Result<void> Catalog::AlterTable(const std::string& schema, const std::string& table, const TableChange&) {
  return Error{ErrorCode::kNotSupported,
               fmt::format("Tables of catalog '{}' cannot be altered ('{}.{}'); ALTER TABLE is supported for "
                           "warehouse (Iceberg) tables",
                           name(), schema, table)};
}

}  // namespace switchboard
