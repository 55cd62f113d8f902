// Metadata tables: a table's snapshots, history, files, manifests, partitions, entries, refs and
// metadata log entries as rows (the t.snapshots / "t$snapshots" tables of Spark and Trino).
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/table_metadata.h"
#include "types/value.h"

namespace switchboard::iceberg {

struct MetadataTableRows {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<std::vector<Value>> rows;
};

/// snapshots, history, files, manifests, partitions, entries, refs, metadata_log_entries.
const std::vector<std::string>& MetadataTableNames();

/// The rows of metadata table `name` (case-insensitive) for `snapshot` (files, manifests,
/// partitions and entries read its manifests; the others describe the whole table). `snapshot`
/// may be null (a table without snapshots). Errors: kUndefinedTable for an unknown name, and the
/// read errors of the manifest files.
Result<MetadataTableRows> ReadMetadataTable(const std::string& name, const TableMetadata& metadata,
                                            const std::string& metadata_location, const FileIO& io,
                                            const Snapshot* snapshot);

}  // namespace switchboard::iceberg
