// Table maintenance (the procedures of Spark's `CALL system.*` and Trino's `ALTER TABLE EXECUTE`):
// expiring snapshots and deleting the files only they used, removing orphan files, compacting
// data files (applying deletes), rewriting manifests, and moving the current snapshot (rollback,
// set current, cherry-pick). Each commits through CommitTable, so it is safe next to concurrent
// writers: compaction validates only the files it replaces, so concurrent appends never fail it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/table_commit.h"

namespace switchboard::iceberg {

struct ExpireSnapshotsOptions {
  /// Snapshots older than this (ms since the epoch) may go; default: now minus
  /// history.expire.max-snapshot-age-ms (5 days).
  std::optional<int64_t> older_than_ms;
  /// The number of most recent ancestors of each branch kept whatever their age; default
  /// history.expire.min-snapshots-to-keep (1), or the branch's own min-snapshots-to-keep.
  std::optional<int32_t> retain_last;
  /// Snapshots to expire whatever their age (not the head of a branch or tag).
  std::vector<int64_t> snapshot_ids;
};

struct ExpireSnapshotsResult {
  int64_t deleted_data_files = 0;
  int64_t deleted_position_delete_files = 0;
  int64_t deleted_equality_delete_files = 0;
  int64_t deleted_manifest_files = 0;
  int64_t deleted_manifest_lists = 0;
  int64_t expired_snapshots = 0;
};

/// Removes old snapshots from the metadata, then deletes the manifest lists, manifests and data
/// and delete files that no remaining snapshot uses. Errors: kInvalidParameter for snapshot ids
/// that do not exist or head a branch or tag; kCommitConflict, kIoError.
Result<ExpireSnapshotsResult> ExpireSnapshots(TableOperations& operations,
                                              const ExpireSnapshotsOptions& options);

/// Files under the table's location that no metadata file, snapshot or manifest of the table
/// names and that were last modified before `older_than_ms` (default: 3 days ago); deleted unless
/// `dry_run`. Errors: kIoError.
Result<std::vector<std::string>> RemoveOrphanFiles(TableOperations& operations,
                                                   std::optional<int64_t> older_than_ms,
                                                   bool dry_run);

struct RewriteDataFilesOptions {
  /// Output file size; default write.target-file-size-bytes (512 MB).
  std::optional<int64_t> target_file_size;
  /// Files smaller or larger than these are rewritten (default 75% and 180% of the target).
  std::optional<int64_t> min_file_size;
  std::optional<int64_t> max_file_size;
  /// A partition's small files are compacted when there are at least this many (default 5).
  int64_t min_input_files = 5;
  /// Files with at least this many delete files are rewritten, applying them (default 1).
  int64_t delete_file_threshold = 1;
  /// Rewrite every file.
  bool rewrite_all = false;
};

struct RewriteDataFilesResult {
  int64_t rewritten_data_files = 0;
  int64_t added_data_files = 0;
  int64_t rewritten_bytes = 0;
  int64_t removed_delete_files = 0;
};

/// Bin-packs the current snapshot's data files per partition into files of the target size, with
/// their deletes applied, and commits them as a "replace" snapshot. Errors: kCommitConflict when
/// a concurrent commit removed or deleted rows from a file being rewritten; kInvalidParameter,
/// kIoError.
Result<RewriteDataFilesResult> RewriteDataFiles(TableOperations& operations,
                                                const RewriteDataFilesOptions& options);

struct RewriteManifestsResult {
  int64_t rewritten_manifests = 0;
  int64_t added_manifests = 0;
};

/// Rewrites the current snapshot's manifests into one per partition spec and content.
Result<RewriteManifestsResult> RewriteManifests(TableOperations& operations);

/// The current snapshot before and after a change of it.
struct CurrentSnapshotChange {
  std::optional<int64_t> previous_snapshot_id;
  int64_t current_snapshot_id = 0;
};

/// Makes `snapshot_id`, an ancestor of the current snapshot, current. Errors: kInvalidParameter.
Result<CurrentSnapshotChange> RollbackToSnapshot(TableOperations& operations, int64_t snapshot_id);
/// Makes the last snapshot committed at or before `timestamp_ms` among the current snapshot's
/// ancestors current. Errors: kInvalidParameter.
Result<CurrentSnapshotChange> RollbackToTimestamp(TableOperations& operations,
                                                  int64_t timestamp_ms);
/// Makes any snapshot (by id, or the head of branch or tag `ref`) current. Errors:
/// kInvalidParameter.
Result<CurrentSnapshotChange> SetCurrentSnapshot(TableOperations& operations,
                                                 std::optional<int64_t> snapshot_id,
                                                 const std::string& ref);
/// Applies the data files an append snapshot added (for example on another branch, or rolled
/// back) to the current snapshot as a new snapshot. Errors: kInvalidParameter for unknown
/// snapshots, kNotSupported for snapshots that are not appends.
Result<CurrentSnapshotChange> CherrypickSnapshot(TableOperations& operations, int64_t snapshot_id);

}  // namespace switchboard::iceberg
