// The commit protocol: every change to a table writes a new metadata file and swaps the
// catalog's pointer to it atomically (compare-and-swap on the metadata location), retrying on
// conflicts with the change re-applied to the new state. Also the snapshot-producing operations
// (append, overwrite) and new-table creation.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/manifest.h"
#include "table/iceberg/table_metadata.h"

namespace switchboard::iceberg {

/// A table's metadata and the file it was read from.
struct TableState {
  std::shared_ptr<const TableMetadata> metadata;
  std::string metadata_location;
};

/// The catalog's side of commits. Thread-safe.
class TableOperations {
 public:
  virtual ~TableOperations() = default;
  /// The table's current state, read from the catalog. Errors: kUndefinedTable when the table no
  /// longer exists; kIoError.
  virtual Result<TableState> Load() = 0;
  /// Makes `new_location` the table's metadata location if it still is `base_location`, atomically.
  /// Errors: kCommitConflict when another commit moved the pointer (nothing changed); kIoError.
  virtual Result<void> Swap(const std::string& base_location, const std::string& new_location) = 0;
  /// How to reach the table's files.
  virtual const FileIO& io() const = 0;
};

/// A new version computed from the state it applies to, and the files computing it wrote (deleted
/// again when the attempt fails).
struct PendingChange {
  TableMetadata metadata;
  std::vector<std::string> written_files;
};

/// Computes a change against `base`. Called again after a conflict, with the newer state. Errors
/// (kCommitConflict when validation finds a concurrent change it cannot be applied over) end
/// the commit.
using MetadataUpdate = std::function<Result<PendingChange>(const TableState& base)>;

/// Commits `update`: applies it to the current state, writes the new metadata file
/// (<location>/metadata/<version>-<uuid>.metadata.json, gzip with write.metadata.compression-codec),
/// and swaps the pointer; a lost race retries up to commit.retry.num-retries times (default 4) with
/// backoff. A failed commit deletes the files it wrote and leaves the table as it was. Returns the
/// committed state.
Result<TableState> CommitTable(TableOperations& ops, const MetadataUpdate& update);

/// The metadata of a new, empty table. `properties` may set format-version (1-3). Errors:
/// kInvalidParameter for an invalid format version.
Result<TableMetadata> NewTableMetadata(SchemaPtr schema, PartitionSpec spec, SortOrder order, std::string location,
                                       std::map<std::string, std::string> properties);

/// Writes the first metadata file of a new table and returns its location.
Result<std::string> WriteInitialMetadata(const FileIO& io, const TableMetadata& metadata);

/// A snapshot that adds data files and, for an overwrite, removes every live file of the
/// current snapshot. The new files' manifest is written once and reused by retries.
class AppendFiles {
 public:
  /// `files` were written with the table's default spec. For an overwrite, `read_snapshot` is the
  /// snapshot the statement read: a commit finds a different current snapshot a conflict.
  AppendFiles(FileIO io, std::vector<DataFilePtr> files, bool overwrite, std::optional<int64_t> read_snapshot);

  /// The change to apply to `base` (usable as a MetadataUpdate).
  Result<PendingChange> Apply(const TableState& base);
  /// Deletes the manifest written for the new files (after the commit failed for good).
  void Abort();

 private:
  FileIO io_;
  std::vector<DataFilePtr> files_;
  bool overwrite_;
  std::optional<int64_t> read_snapshot_;
  std::optional<ManifestFile> new_manifest_;
  int32_t new_manifest_spec_ = -1;
};

/// A new snapshot id not used by `metadata` (positive, random).
int64_t NewSnapshotId(const TableMetadata& metadata);

/// Milliseconds since the epoch, now.
int64_t NowMillis();

}  // namespace switchboard::iceberg
