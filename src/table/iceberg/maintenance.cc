// Snapshot expiration, orphan file removal, data file compaction, manifest rewrites and moves of
// the current snapshot.
#include "table/iceberg/maintenance.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/string_util.h"
#include "table/iceberg/data_writer.h"
#include "table/iceberg/row_delta.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/snapshot_producer.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

constexpr int64_t kDefaultMaxSnapshotAgeMs = int64_t{5} * 24 * 3600 * 1000;
constexpr int64_t kDefaultOrphanAgeMs = int64_t{3} * 24 * 3600 * 1000;

/// The manifests and files snapshots use, reading each manifest once.
class ReachableFiles {
 public:
  explicit ReachableFiles(const FileIO& io) : io_(io) {}

  /// Adds `snapshot`'s manifest list and manifests and, with `live_only`, its live data and delete
  /// files (else every file its manifests name, deleted entries included).
  Result<void> Add(const Snapshot& snapshot, bool live_only) {
    if (!snapshot.manifest_list.empty()) manifest_lists.insert(snapshot.manifest_list);
    SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests, SnapshotManifests(snapshot, io_));
    for (const ManifestFile& manifest : manifests) {
      if (!manifest_files.insert(manifest.path).second) continue;
      SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io_, manifest));
      for (const ManifestEntry& entry : entries) {
        if (live_only && entry.status == EntryStatus::kDeleted) continue;
        files.emplace(entry.file->file_path, entry.file->content);
      }
    }
    return Ok();
  }

  std::set<std::string> manifest_lists;
  std::set<std::string> manifest_files;
  std::map<std::string, FileContent> files;

 private:
  const FileIO& io_;
};

/// The snapshot ids to keep: every branch's newest `retain_last` ancestors and those younger than
/// `older_than_ms` (each branch may set its own limits), tag heads, and snapshots on no branch
/// that are younger than `older_than_ms`.
std::set<int64_t> SnapshotsToKeep(const TableMetadata& metadata, int64_t older_than_ms,
                                  int32_t retain_last, int64_t now_ms) {
  std::set<int64_t> keep;
  std::set<int64_t> on_branch;
  for (const auto& [name, ref] : metadata.refs) {
    keep.insert(ref.snapshot_id);
    if (!ref.is_branch) continue;
    int32_t minimum = ref.min_snapshots_to_keep.value_or(retain_last);
    int64_t cutoff = ref.max_snapshot_age_ms ? now_ms - *ref.max_snapshot_age_ms : older_than_ms;
    int32_t depth = 0;
    for (SnapshotPtr snapshot = metadata.SnapshotById(ref.snapshot_id); snapshot;
         snapshot = snapshot->parent_id ? metadata.SnapshotById(*snapshot->parent_id) : nullptr) {
      on_branch.insert(snapshot->snapshot_id);
      if (depth < minimum || snapshot->timestamp_ms >= cutoff) keep.insert(snapshot->snapshot_id);
      ++depth;
    }
  }
  for (const SnapshotPtr& snapshot : metadata.snapshots) {
    if (!on_branch.count(snapshot->snapshot_id) && snapshot->timestamp_ms >= older_than_ms)
      keep.insert(snapshot->snapshot_id);
  }
  return keep;
}

Result<TableState> CommitCurrentSnapshot(
    TableOperations& operations, const std::function<Result<int64_t>(const TableMetadata&)>& choose,
    CurrentSnapshotChange& result) {
  return CommitTable(operations, [&](const TableState& base) -> Result<PendingChange> {
    const TableMetadata& metadata = *base.metadata;
    SB_ASSIGN_OR_RETURN(int64_t snapshot_id, choose(metadata));
    result.previous_snapshot_id = metadata.current_snapshot_id;
    result.current_snapshot_id = snapshot_id;
    PendingChange change;
    change.metadata = metadata;
    TableMetadata& next = change.metadata;
    if (metadata.current_snapshot_id == snapshot_id) return change;
    next.current_snapshot_id = snapshot_id;
    SnapshotRef& main = next.refs["main"];
    main.snapshot_id = snapshot_id;
    main.is_branch = true;
    next.snapshot_log.push_back(SnapshotLogEntry{NowMillis(), snapshot_id});
    return change;
  });
}

Error UnknownSnapshot(int64_t snapshot_id) {
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("The table has no snapshot {}", snapshot_id)};
}

bool IsAncestor(const TableMetadata& metadata, int64_t snapshot_id) {
  for (SnapshotPtr snapshot = metadata.CurrentSnapshot(); snapshot;
       snapshot = snapshot->parent_id ? metadata.SnapshotById(*snapshot->parent_id) : nullptr) {
    if (snapshot->snapshot_id == snapshot_id) return true;
  }
  return false;
}

}  // namespace

Result<ExpireSnapshotsResult> ExpireSnapshots(TableOperations& operations,
                                              const ExpireSnapshotsOptions& options) {
  ExpireSnapshotsResult result;
  std::vector<SnapshotPtr> expired;
  SB_ASSIGN_OR_RETURN(
      TableState committed,
      CommitTable(operations, [&](const TableState& base) -> Result<PendingChange> {
        const TableMetadata& metadata = *base.metadata;
        int64_t now = NowMillis();
        int64_t older_than = options.older_than_ms.value_or(
            now -
            metadata.IntProperty("history.expire.max-snapshot-age-ms", kDefaultMaxSnapshotAgeMs));
        auto retain_last = static_cast<int32_t>(options.retain_last.value_or(
            metadata.IntProperty("history.expire.min-snapshots-to-keep", 1)));
        if (retain_last < 1)
          return Error{ErrorCode::kInvalidParameter, "retain_last must be at least 1"};
        std::set<int64_t> keep = SnapshotsToKeep(metadata, older_than, retain_last, now);
        for (int64_t id : options.snapshot_ids) {
          if (!metadata.SnapshotById(id)) return UnknownSnapshot(id);
          for (const auto& [name, ref] : metadata.refs) {
            if (ref.snapshot_id == id) {
              return Error{ErrorCode::kInvalidParameter,
                           fmt::format("Snapshot {} is the head of {} '{}' and cannot be expired",
                                       id, ref.is_branch ? "branch" : "tag", name)};
            }
          }
          keep.erase(id);
        }
        expired.clear();
        PendingChange change;
        change.metadata = metadata;
        TableMetadata& next = change.metadata;
        next.snapshots.clear();
        for (const SnapshotPtr& snapshot : metadata.snapshots) {
          if (keep.count(snapshot->snapshot_id)) {
            next.snapshots.push_back(snapshot);
          } else {
            expired.push_back(snapshot);
          }
        }
        // The snapshot log keeps the entries after the last expired one.
        auto last_expired = std::find_if(
            next.snapshot_log.rbegin(), next.snapshot_log.rend(),
            [&](const SnapshotLogEntry& entry) { return !keep.count(entry.snapshot_id); });
        next.snapshot_log.erase(next.snapshot_log.begin(), last_expired.base());
        return change;
      }));
  result.expired_snapshots = static_cast<int64_t>(expired.size());
  if (expired.empty()) return result;

  // Files only the expired snapshots used.
  const FileIO& io = operations.io();
  ReachableFiles kept(io);
  for (const SnapshotPtr& snapshot : committed.metadata->snapshots)
    SB_RETURN_IF_ERROR(kept.Add(*snapshot, true));
  ReachableFiles gone(io);
  for (const SnapshotPtr& snapshot : expired) SB_RETURN_IF_ERROR(gone.Add(*snapshot, false));
  for (const auto& [path, content] : gone.files) {
    if (kept.files.count(path)) continue;
    SB_RETURN_IF_ERROR(io.Delete(io.Resolve(path)));
    if (content == FileContent::kData) ++result.deleted_data_files;
    if (content == FileContent::kPositionDeletes) ++result.deleted_position_delete_files;
    if (content == FileContent::kEqualityDeletes) ++result.deleted_equality_delete_files;
  }
  for (const std::string& path : gone.manifest_files) {
    if (kept.manifest_files.count(path)) continue;
    SB_RETURN_IF_ERROR(io.Delete(io.Resolve(path)));
    ++result.deleted_manifest_files;
  }
  for (const std::string& path : gone.manifest_lists) {
    if (kept.manifest_lists.count(path)) continue;
    SB_RETURN_IF_ERROR(io.Delete(io.Resolve(path)));
    ++result.deleted_manifest_lists;
  }
  return result;
}

Result<std::vector<std::string>> RemoveOrphanFiles(TableOperations& operations,
                                                   std::optional<int64_t> older_than_ms,
                                                   bool dry_run) {
  SB_ASSIGN_OR_RETURN(TableState state, operations.Load());
  const TableMetadata& metadata = *state.metadata;
  const FileIO& io = operations.io();
  int64_t older_than = older_than_ms.value_or(NowMillis() - kDefaultOrphanAgeMs);
  ReachableFiles reachable(io);
  for (const SnapshotPtr& snapshot : metadata.snapshots)
    SB_RETURN_IF_ERROR(reachable.Add(*snapshot, false));
  std::unordered_set<std::string> known;
  auto know = [&](const std::string& stored) {
    known.insert(NormalizeLocation(io.Resolve(stored)));
  };
  know(state.metadata_location);
  for (const MetadataLogEntry& entry : metadata.metadata_log) know(entry.file);
  for (const std::string& path : reachable.manifest_lists) know(path);
  for (const std::string& path : reachable.manifest_files) know(path);
  for (const auto& [path, content] : reachable.files) know(path);
  std::string root = NormalizeLocation(io.Resolve(metadata.location));
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(root));
  SB_ASSIGN_OR_RETURN(std::vector<FileInfo> listed, fs->List(root, true));
  std::vector<std::string> orphans;
  for (const FileInfo& file : listed) {
    if (file.is_directory || file.modified_micros / 1000 >= older_than) continue;
    std::string path = NormalizeLocation(file.path);
    if (known.count(path) || EndsWith(path, "/version-hint.text")) continue;
    orphans.push_back(file.path);
  }
  if (!dry_run) {
    for (const std::string& path : orphans) SB_RETURN_IF_ERROR(fs->Delete(path));
  }
  return orphans;
}

Result<RewriteDataFilesResult> RewriteDataFiles(TableOperations& operations,
                                                const RewriteDataFilesOptions& options) {
  SB_ASSIGN_OR_RETURN(TableState state, operations.Load());
  const TableMetadata& metadata = *state.metadata;
  RewriteDataFilesResult result;
  SnapshotPtr snapshot = metadata.CurrentSnapshot();
  if (!snapshot) return result;
  SB_ASSIGN_OR_RETURN(DataWriterOptions writer_options, WriterOptionsFor(metadata));
  int64_t target = options.target_file_size.value_or(writer_options.target_file_size);
  if (target <= 0)
    return Error{ErrorCode::kInvalidParameter, "target-file-size-bytes must be positive"};
  int64_t min_size = options.min_file_size.value_or(target * 3 / 4);
  int64_t max_size = options.max_file_size.value_or(target * 9 / 5);
  if (options.min_input_files < 1)
    return Error{ErrorCode::kInvalidParameter, "min-input-files must be at least 1"};
  writer_options.target_file_size = target;

  const FileIO& io = operations.io();
  SB_ASSIGN_OR_RETURN(ScanPlan plan,
                      PlanScan(metadata, *snapshot, *metadata.CurrentSchema(), io, {}, nullptr));
  // Per partition: the files worth rewriting (written again into the current spec).
  std::map<std::pair<int32_t, std::string>, std::vector<const FileScanTask*>> groups;
  for (const FileScanTask& task : plan.tasks) {
    const DataFile& file = *task.file;
    bool has_deletes = static_cast<int64_t>(task.deletes.size()) >= options.delete_file_threshold;
    bool badly_sized = file.file_size_in_bytes < min_size || file.file_size_in_bytes > max_size;
    if (options.rewrite_all || has_deletes || badly_sized) {
      groups[{file.spec_id, PartitionKey(file)}].push_back(&task);
    }
  }
  FileChanges changes;
  std::set<std::string> paths;
  for (const auto& [key, tasks] : groups) {
    bool any_deletes = std::any_of(tasks.begin(), tasks.end(), [&](const FileScanTask* task) {
      return static_cast<int64_t>(task->deletes.size()) >= options.delete_file_threshold;
    });
    bool worth_it = options.rewrite_all || any_deletes ||
                    static_cast<int64_t>(tasks.size()) >= options.min_input_files;
    if (!worth_it) continue;
    for (const FileScanTask* task : tasks) {
      const DataFile& file = *task->file;
      paths.insert(file.file_path);
      changes.MarkChanged(file);
      changes.removed_files.insert(FileIdentity(file));
      ++result.rewritten_data_files;
      result.rewritten_bytes += file.file_size_in_bytes;
      for (const DataFilePtr& deletes : task->deletes) {
        if (deletes->referenced_data_file == file.file_path &&
            changes.removed_files.insert(FileIdentity(*deletes)).second) {
          ++result.removed_delete_files;
        }
      }
    }
  }
  if (paths.empty()) return result;

  SB_ASSIGN_OR_RETURN(
      std::unique_ptr<PartitionedWriter> writer,
      PartitionedWriter::Make(metadata.CurrentSchema(), metadata.DefaultSpec(),
                              metadata.SortOrderById(metadata.default_sort_order_id), io,
                              std::move(writer_options)));
  Result<void> read = ReadLiveRows(state, io, snapshot, paths, false,
                                   [&](DataChunk& rows) { return writer->Write(rows); });
  Result<std::vector<DataFilePtr>> written =
      read.ok() ? writer->Finish() : Result<std::vector<DataFilePtr>>(read.error());
  if (!written.ok()) {
    writer->Abort();
    return written.error();
  }
  changes.added_data_files = std::move(*written);
  result.added_data_files = static_cast<int64_t>(changes.added_data_files.size());
  SnapshotProducer producer(io, "replace", std::move(changes), snapshot->snapshot_id,
                            IsolationLevel::kSnapshot);
  Result<TableState> committed =
      CommitTable(operations, [&](const TableState& base) { return producer.Apply(base); });
  if (!committed.ok()) {
    producer.Abort();
    writer->Abort();
    return committed.error();
  }
  return result;
}

Result<RewriteManifestsResult> RewriteManifests(TableOperations& operations) {
  RewriteManifestsResult result;
  const FileIO& io = operations.io();
  // Manifests never change, so each is read once however often the commit is retried.
  std::map<std::string, std::vector<ManifestEntry>> read;
  SB_ASSIGN_OR_RETURN(
      TableState committed,
      CommitTable(operations, [&](const TableState& base) -> Result<PendingChange> {
        const TableMetadata& metadata = *base.metadata;
        result = RewriteManifestsResult{};
        PendingChange change;
        change.metadata = metadata;
        SnapshotPtr parent = metadata.CurrentSnapshot();
        if (!parent) return change;
        SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> existing, SnapshotManifests(*parent, io));
        std::map<std::pair<ManifestContent, int32_t>, std::vector<ManifestEntry>> groups;
        for (const ManifestFile& manifest : existing) {
          if (manifest.spec_id < 0) {
            return Error{ErrorCode::kNotSupported,
                         "Manifests that a v1 snapshot lists inline cannot be rewritten"};
          }
          auto cached = read.find(manifest.path);
          if (cached == read.end()) {
            SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io, manifest));
            cached = read.emplace(manifest.path, std::move(entries)).first;
          }
          ++result.rewritten_manifests;
          for (const ManifestEntry& entry : cached->second) {
            if (entry.status == EntryStatus::kDeleted) continue;
            ManifestEntry existing = entry;
            existing.status = EntryStatus::kExisting;
            groups[{manifest.content, manifest.spec_id}].push_back(std::move(existing));
          }
        }
        TableMetadata& next = change.metadata;
        int64_t snapshot_id = NewSnapshotId(metadata);
        int64_t sequence_number =
            metadata.format_version >= 2 ? metadata.last_sequence_number + 1 : 0;
        std::string folder = MetadataFolderOf(metadata);
        std::vector<ManifestFile> manifests;
        for (auto& [key, entries] : groups) {
          PartitionSpecPtr spec = metadata.SpecById(key.second);
          if (!spec)
            return Error{ErrorCode::kCorruptData,
                         fmt::format("Partition spec {} is missing", key.second)};
          std::string path = JoinPath(
              folder, fmt::format("{}-m{}.avro", FormatUuid(RandomUuid()), manifests.size()));
          SB_ASSIGN_OR_RETURN(
              ManifestFile manifest,
              WriteManifest(io, path, metadata.format_version, *metadata.CurrentSchema(), *spec,
                            key.first, snapshot_id, entries));
          change.written_files.push_back(path);
          manifests.push_back(std::move(manifest));
        }
        result.added_manifests = static_cast<int64_t>(manifests.size());
        auto snapshot = std::make_shared<Snapshot>();
        snapshot->snapshot_id = snapshot_id;
        snapshot->parent_id = parent->snapshot_id;
        snapshot->sequence_number = sequence_number;
        snapshot->timestamp_ms = std::max(NowMillis(), parent->timestamp_ms);
        snapshot->schema_id = metadata.current_schema_id;
        snapshot->manifest_list = JoinPath(
            folder, fmt::format("snap-{}-1-{}.avro", snapshot_id, FormatUuid(RandomUuid())));
        snapshot->summary.emplace_back("operation", "replace");
        snapshot->summary.emplace_back("manifests-created", std::to_string(result.added_manifests));
        snapshot->summary.emplace_back("manifests-replaced",
                                       std::to_string(result.rewritten_manifests));
        for (const auto& [key, value] : parent->summary) {
          if (StartsWith(key, "total-")) snapshot->summary.emplace_back(key, value);
        }
        snapshot->summary.emplace_back("engine-name", "switchboard");
        int64_t first_row_id = next.next_row_id.value_or(0);
        SB_ASSIGN_OR_RETURN(
            int64_t next_row_id,
            WriteManifestList(io, snapshot->manifest_list, metadata.format_version, snapshot_id,
                              snapshot->parent_id, sequence_number, first_row_id, manifests));
        change.written_files.push_back(snapshot->manifest_list);
        if (metadata.format_version >= 3) {
          snapshot->first_row_id = first_row_id;
          snapshot->added_rows = next_row_id - first_row_id;
          next.next_row_id = next_row_id;
        }
        if (metadata.format_version >= 2) next.last_sequence_number = sequence_number;
        next.current_snapshot_id = snapshot_id;
        SnapshotRef& main = next.refs["main"];
        main.snapshot_id = snapshot_id;
        main.is_branch = true;
        next.snapshot_log.push_back(SnapshotLogEntry{snapshot->timestamp_ms, snapshot_id});
        next.snapshots.push_back(std::move(snapshot));
        return change;
      }));
  (void)committed;
  return result;
}

Result<CurrentSnapshotChange> RollbackToSnapshot(TableOperations& operations, int64_t snapshot_id) {
  CurrentSnapshotChange result;
  Result<TableState> committed = CommitCurrentSnapshot(
      operations,
      [&](const TableMetadata& metadata) -> Result<int64_t> {
        if (!metadata.SnapshotById(snapshot_id)) return UnknownSnapshot(snapshot_id);
        if (!IsAncestor(metadata, snapshot_id)) {
          return Error{ErrorCode::kInvalidParameter,
                       fmt::format("Snapshot {} is not an ancestor of the current snapshot; use "
                                   "set_current_snapshot",
                                   snapshot_id)};
        }
        return snapshot_id;
      },
      result);
  if (!committed.ok()) return committed.error();
  return result;
}

Result<CurrentSnapshotChange> RollbackToTimestamp(TableOperations& operations,
                                                  int64_t timestamp_ms) {
  CurrentSnapshotChange result;
  Result<TableState> committed = CommitCurrentSnapshot(
      operations,
      [&](const TableMetadata& metadata) -> Result<int64_t> {
        for (SnapshotPtr snapshot = metadata.CurrentSnapshot(); snapshot;
             snapshot = snapshot->parent_id ? metadata.SnapshotById(*snapshot->parent_id)
                                            : nullptr) {
          if (snapshot->timestamp_ms <= timestamp_ms) return snapshot->snapshot_id;
        }
        return Error{ErrorCode::kInvalidParameter,
                     "No snapshot of the table's history is that old"};
      },
      result);
  if (!committed.ok()) return committed.error();
  return result;
}

Result<CurrentSnapshotChange> SetCurrentSnapshot(TableOperations& operations,
                                                 std::optional<int64_t> snapshot_id,
                                                 const std::string& ref) {
  CurrentSnapshotChange result;
  Result<TableState> committed = CommitCurrentSnapshot(
      operations,
      [&](const TableMetadata& metadata) -> Result<int64_t> {
        if (snapshot_id) {
          if (!metadata.SnapshotById(*snapshot_id)) return UnknownSnapshot(*snapshot_id);
          return *snapshot_id;
        }
        auto it = metadata.refs.find(ref);
        if (it == metadata.refs.end()) {
          return Error{ErrorCode::kInvalidParameter,
                       fmt::format("The table has no branch or tag '{}'", ref)};
        }
        return it->second.snapshot_id;
      },
      result);
  if (!committed.ok()) return committed.error();
  return result;
}

Result<CurrentSnapshotChange> CherrypickSnapshot(TableOperations& operations, int64_t snapshot_id) {
  SB_ASSIGN_OR_RETURN(TableState state, operations.Load());
  const TableMetadata& metadata = *state.metadata;
  SnapshotPtr source = metadata.SnapshotById(snapshot_id);
  if (!source) return UnknownSnapshot(snapshot_id);
  if (source->Operation() != "append") {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("Only append snapshots can be cherry-picked; {} is a '{}'",
                             snapshot_id, source->Operation())};
  }
  const FileIO& io = operations.io();
  FileChanges changes;
  SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests, SnapshotManifests(*source, io));
  for (const ManifestFile& manifest : manifests) {
    if (manifest.added_snapshot_id != snapshot_id) continue;
    SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io, manifest));
    for (const ManifestEntry& entry : entries) {
      if (entry.status == EntryStatus::kAdded && entry.snapshot_id == snapshot_id)
        changes.added_data_files.push_back(entry.file);
    }
  }
  CurrentSnapshotChange result;
  result.previous_snapshot_id = metadata.current_snapshot_id;
  SnapshotProducer producer(io, "append", std::move(changes), metadata.current_snapshot_id,
                            IsolationLevel::kSnapshot);
  Result<TableState> committed =
      CommitTable(operations, [&](const TableState& base) { return producer.Apply(base); });
  if (!committed.ok()) {
    producer.Abort();
    return committed.error();
  }
  result.current_snapshot_id = *committed->metadata->current_snapshot_id;
  return result;
}

}  // namespace switchboard::iceberg
