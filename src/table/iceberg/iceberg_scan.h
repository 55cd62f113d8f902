// The Iceberg scan table function: reads one snapshot of a table (through iceberg_scan() or a
// catalog table) in parallel across data files and row groups, with projection and filters
// pushed into the Parquet reader, partition values and defaults for columns files lack, schema
// evolution by field id, and position deletes, deletion vectors and equality deletes applied.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "function/function.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/manifest.h"
#include "table/iceberg/table_metadata.h"

namespace switchboard {
class FunctionRegistry;
}

namespace switchboard::iceberg {

/// Row ids of an Iceberg scan: the data file's position in the scan's plan (ScanFileRegistry)
/// shifted left by this many bits, plus the row's position in its file.
constexpr int kRowIdPositionBits = 40;

/// The data files a scan's row ids refer to (filled by planning; shared with DML that receives
/// the row ids). Thread-safe.
class ScanFileRegistry {
 public:
  /// The path of file `ordinal`, or "" when unknown.
  std::string PathOf(int64_t ordinal) const;
  void Set(std::vector<std::string> paths);

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> paths_;
};

/// Bind data of one scan: a table, the snapshot to read (none for an empty table) and the schema
/// the scan produces.
class IcebergScanData : public FunctionData {
 public:
  std::shared_ptr<const TableMetadata> metadata;
  FileIO io;
  SnapshotPtr snapshot;
  SchemaPtr schema;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  /// Shown by EXPLAIN ("db.t", or the path given to iceberg_scan).
  std::string display_name;
  std::shared_ptr<ScanFileRegistry> files = std::make_shared<ScanFileRegistry>();
  /// When set, only these data files (by path) are read (rewrites of chosen files).
  std::optional<std::set<std::string>> only_files;
};

/// Bind data for `snapshot` (nullptr: no rows) of `metadata` with `schema` (nullptr: the
/// snapshot's schema). Errors: kNotSupported when the schema has columns of types the engine
/// cannot read.
Result<std::shared_ptr<IcebergScanData>> MakeScanData(std::shared_ptr<const TableMetadata> metadata, FileIO io,
                                                      SnapshotPtr snapshot, SchemaPtr schema);

/// The positions of `data_file` that the position delete files and deletion vectors among
/// `deletes` mark deleted, ascending and distinct (equality deletes are not looked at). Errors:
/// kIoError, kCorruptData.
Result<std::vector<int64_t>> DeletedPositions(const FileIO& io, const DataFile& data_file,
                                              const std::vector<DataFilePtr>& deletes);

/// The scan function over IcebergScanData (shared by every Iceberg table).
const TableFunction& IcebergScanFunction();

/// Registers iceberg_scan(path [, version => ..., snapshot_id => ..., timestamp => ...]).
void RegisterIcebergFunctions(FunctionRegistry& registry);

}  // namespace switchboard::iceberg
