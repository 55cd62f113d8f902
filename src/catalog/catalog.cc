// Default behaviour of the catalog interface for tables and catalogs without history, schema
// changes or atomic row-level merges.
#include "catalog/catalog.h"

namespace switchboard {

std::shared_ptr<TableEntry> TableEntry::AtVersion(const Value&) const {
  SB_THROW(kNotSupported, "Table '{}' does not support time travel", name.ToString());
}

std::shared_ptr<TableEntry> TableEntry::AtTimestamp(int64_t) const {
  SB_THROW(kNotSupported, "Table '{}' does not support time travel", name.ToString());
}

void TableEntry::MergeRows(const std::vector<int64_t>& deleted_row_ids, const ChunkCollection& inserted_rows) {
  if (!deleted_row_ids.empty()) DeleteRows(deleted_row_ids);
  if (inserted_rows.size() == 0) return;
  std::unique_ptr<TableAppender> appender = CreateAppender(false);
  for (idx_t i = 0; i < inserted_rows.ChunkCount(); ++i) appender->Append(inserted_rows.chunk(i));
  appender->Commit();
}

Result<void> Catalog::AlterTable(const std::string& schema, const std::string& table, const TableChange&) {
  return Error{ErrorCode::kNotSupported,
               fmt::format("Tables of catalog '{}' cannot be altered ('{}.{}'); ALTER TABLE is supported for "
                           "warehouse (Iceberg) tables",
                           name(), schema, table)};
}

}  // namespace switchboard
