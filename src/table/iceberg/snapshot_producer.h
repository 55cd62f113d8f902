// SnapshotProducer: snapshots that add and remove data and delete files (Iceberg's RowDelta,
// OverwriteFiles and RewriteFiles). The parent's manifests are carried over, the ones holding
// removed files are rewritten with DELETED entries, new files get new manifests, and a commit on
// top of snapshots the change did not read first validates that they do not conflict with it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "table/iceberg/table_commit.h"

namespace switchboard::iceberg {

/// The files one snapshot adds and removes.
struct FileChanges {
  std::vector<DataFilePtr> added_data_files;
  std::vector<DataFilePtr> added_delete_files;
  /// Live data or delete files the snapshot removes, by FileIdentity.
  std::set<std::string> removed_files;
  /// Data files whose rows the change deletes or rewrites, with their partitions (spec id and
  /// partition values as text): what concurrent snapshots must not have removed or added deletes
  /// to.
  std::set<std::string> changed_data_files;
  std::set<std::pair<int32_t, std::string>> changed_partitions;

  bool empty() const {
    return added_data_files.empty() && added_delete_files.empty() && removed_files.empty();
  }
  /// Records that `file`'s rows are changed.
  void MarkChanged(const DataFile& file);
};

/// Which concurrent snapshots a change conflicts with (Iceberg's isolation levels).
enum class IsolationLevel : uint8_t {
  /// Those that removed a changed data file or added deletes for one.
  kSnapshot,
  /// Those, and any that added data files (rows the change did not see).
  kSerializable,
};

/// The isolation level of property `key` (default serializable). Errors: kInvalidParameter.
Result<IsolationLevel> IsolationLevelProperty(const TableMetadata& metadata,
                                              const std::string& key);

/// Not thread-safe. Manifests of the added files are written once and reused by retries (v2+).
class SnapshotProducer {
 public:
  /// `operation` is the snapshot summary's ("append", "overwrite", "delete", "replace");
  /// `read_snapshot_id` the snapshot the change was computed from (nullopt: an empty table).
  SnapshotProducer(FileIO io, std::string operation, FileChanges changes,
                   std::optional<int64_t> read_snapshot_id, IsolationLevel isolation);

  /// The new table version (usable as a MetadataUpdate). Errors: kCommitConflict when a snapshot
  /// committed after the read one conflicts, or a removed file is no longer live; kIoError.
  Result<PendingChange> Apply(const TableState& base);
  /// Deletes the manifests written for the added files (after the commit failed for good).
  void Abort();

 private:
  /// Counts of the files a snapshot adds or removes, for its summary.
  struct FileCounts {
    int64_t data_files = 0;
    int64_t records = 0;
    int64_t delete_files = 0;
    int64_t position_deletes = 0;
    int64_t equality_deletes = 0;
    int64_t size = 0;

    void Add(const FileCounts& other) {
      data_files += other.data_files;
      records += other.records;
      delete_files += other.delete_files;
      position_deletes += other.position_deletes;
      equality_deletes += other.equality_deletes;
      size += other.size;
    }

    void Add(const DataFile& file) {
      size += file.file_size_in_bytes;
      switch (file.content) {
        case FileContent::kData:
          ++data_files;
          records += file.record_count;
          break;
        case FileContent::kPositionDeletes:
          ++delete_files;
          position_deletes += file.record_count;
          break;
        case FileContent::kEqualityDeletes:
          ++delete_files;
          equality_deletes += file.record_count;
          break;
      }
    }
  };

  /// A manifest of the base rewritten with the removed files marked DELETED (no `manifest` when
  /// it holds none of them).
  struct ManifestRewrite {
    std::optional<ManifestFile> manifest;
    int64_t removed_files = 0;
    FileCounts removed;
    std::set<std::pair<int32_t, std::string>> partitions;
  };

  Result<void> Validate(const TableMetadata& metadata);
  /// The rewrite of `manifest`, made once and reused by later attempts.
  Result<const ManifestRewrite*> RewriteFor(const TableMetadata& metadata,
                                            const ManifestFile& manifest, int64_t snapshot_id);
  Result<std::vector<ManifestFile>> AddedManifests(const TableMetadata& metadata,
                                                   int64_t snapshot_id, PendingChange& change);

  FileIO io_;
  std::string operation_;
  FileChanges changes_;
  std::optional<int64_t> read_snapshot_id_;
  IsolationLevel isolation_;
  std::vector<ManifestFile> added_manifests_;
  /// The id of the snapshot, kept across attempts so that manifests naming it can be reused.
  std::optional<int64_t> snapshot_id_;
  /// By path of a base manifest.
  std::map<std::string, ManifestRewrite> rewrites_;
  /// Concurrent snapshots already found not to conflict.
  std::set<int64_t> validated_;
};

/// The metadata folder of a table (write.metadata.path or <location>/metadata).
std::string MetadataFolderOf(const TableMetadata& metadata);

/// A data file's partition as text, for grouping files by partition.
std::string PartitionKey(const DataFile& file);

/// What tells a manifest entry's file apart: its path, plus the blob offset for a deletion vector
/// (one Puffin file holds the vectors of many data files).
std::string FileIdentity(const DataFile& file);

}  // namespace switchboard::iceberg
