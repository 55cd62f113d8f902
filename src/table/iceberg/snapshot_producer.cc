// Snapshots that add and remove files, with validation against concurrent commits.
#include "table/iceberg/snapshot_producer.h"

#include <map>

#include "common/string_util.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

/// Running totals of a snapshot summary; `known` is false when the parent's totals are missing.
struct SummaryTotals {
  int64_t records = 0;
  int64_t files_size = 0;
  int64_t data_files = 0;
  int64_t delete_files = 0;
  int64_t position_deletes = 0;
  int64_t equality_deletes = 0;
  bool known = true;
};

SummaryTotals ParentTotals(const Snapshot* parent) {
  SummaryTotals totals;
  if (!parent) return totals;
  auto read = [&](std::string_view key, int64_t& out) {
    std::string text = parent->Summary(key);
    if (text.empty()) {
      totals.known = false;
      return;
    }
    out = std::strtoll(text.c_str(), nullptr, 10);
  };
  read("total-records", totals.records);
  read("total-files-size", totals.files_size);
  read("total-data-files", totals.data_files);
  read("total-delete-files", totals.delete_files);
  read("total-position-deletes", totals.position_deletes);
  read("total-equality-deletes", totals.equality_deletes);
  return totals;
}

Error Conflict(const std::string& what) {
  return Error{
      ErrorCode::kCommitConflict,
      fmt::format("A concurrent commit conflicts with this change ({}); run the statement again",
                  what)};
}

}  // namespace

void FileChanges::MarkChanged(const DataFile& file) {
  changed_data_files.insert(file.file_path);
  changed_partitions.emplace(file.spec_id, PartitionKey(file));
}

std::string PartitionKey(const DataFile& file) {
  std::string key;
  for (const Value& value : file.partition) key += value.ToString() + "\x1f";
  return key;
}

std::string FileIdentity(const DataFile& file) {
  return file.content_offset ? fmt::format("{}#{}", file.file_path, *file.content_offset)
                             : file.file_path;
}

std::string MetadataFolderOf(const TableMetadata& metadata) {
  std::string path = metadata.Property("write.metadata.path");
  return path.empty() ? JoinPath(metadata.location, "metadata") : NormalizeLocation(path);
}

Result<IsolationLevel> IsolationLevelProperty(const TableMetadata& metadata,
                                              const std::string& key) {
  std::string value = ToLower(metadata.Property(key));
  if (value.empty() || value == "serializable") return IsolationLevel::kSerializable;
  if (value == "snapshot") return IsolationLevel::kSnapshot;
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("Table property '{}' must be 'serializable' or 'snapshot', not '{}'",
                           key, value)};
}

SnapshotProducer::SnapshotProducer(FileIO io, std::string operation, FileChanges changes,
                                   std::optional<int64_t> read_snapshot_id,
                                   IsolationLevel isolation)
    : io_(std::move(io)),
      operation_(std::move(operation)),
      changes_(std::move(changes)),
      read_snapshot_id_(read_snapshot_id),
      isolation_(isolation) {}

void SnapshotProducer::Abort() {
  for (const ManifestFile& manifest : added_manifests_) (void)io_.Delete(manifest.path);
  added_manifests_.clear();
  for (const auto& [path, rewrite] : rewrites_) {
    if (rewrite.manifest) (void)io_.Delete(rewrite.manifest->path);
  }
  rewrites_.clear();
}

Result<const SnapshotProducer::ManifestRewrite*> SnapshotProducer::RewriteFor(
    const TableMetadata& metadata, const ManifestFile& manifest, int64_t snapshot_id) {
  // Manifests never change once written, so what one holds is read once for all attempts.
  auto cached = rewrites_.find(manifest.path);
  if (cached != rewrites_.end()) return &cached->second;
  ManifestRewrite rewrite;
  SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io_, manifest));
  bool touched = false;
  for (const ManifestEntry& entry : entries) {
    if (entry.status != EntryStatus::kDeleted &&
        changes_.removed_files.count(FileIdentity(*entry.file)))
      touched = true;
  }
  if (touched) {
    std::vector<ManifestEntry> kept;
    for (ManifestEntry& entry : entries) {
      if (entry.status == EntryStatus::kDeleted) continue;
      if (changes_.removed_files.count(FileIdentity(*entry.file))) {
        ++rewrite.removed_files;
        rewrite.removed.Add(*entry.file);
        rewrite.partitions.emplace(entry.file->spec_id, PartitionKey(*entry.file));
        entry.status = EntryStatus::kDeleted;
        entry.snapshot_id = snapshot_id;
      } else {
        entry.status = EntryStatus::kExisting;
      }
      kept.push_back(std::move(entry));
    }
    PartitionSpecPtr spec = metadata.SpecById(manifest.spec_id);
    if (!spec)
      return Error{ErrorCode::kCorruptData,
                   fmt::format("Partition spec {} is missing", manifest.spec_id)};
    std::string path =
        JoinPath(MetadataFolderOf(metadata),
                 fmt::format("{}-m{}.avro", FormatUuid(RandomUuid()), rewrites_.size()));
    SB_ASSIGN_OR_RETURN(ManifestFile written,
                        WriteManifest(io_, path, metadata.format_version, *metadata.CurrentSchema(),
                                      *spec, manifest.content, snapshot_id, kept));
    rewrite.manifest = std::move(written);
  }
  return &rewrites_.emplace(manifest.path, std::move(rewrite)).first->second;
}

Result<void> SnapshotProducer::Validate(const TableMetadata& metadata) {
  if (metadata.current_snapshot_id == read_snapshot_id_) return Ok();
  // The snapshots committed since the read one: the current snapshot's ancestors down to it.
  std::vector<SnapshotPtr> newer;
  for (SnapshotPtr snapshot = metadata.CurrentSnapshot(); snapshot;) {
    if (read_snapshot_id_ && snapshot->snapshot_id == *read_snapshot_id_) break;
    newer.push_back(snapshot);
    snapshot = snapshot->parent_id ? metadata.SnapshotById(*snapshot->parent_id) : nullptr;
    if (!snapshot && read_snapshot_id_)
      return Conflict(
          "the snapshot the statement read is no longer an ancestor of the table's current "
          "snapshot");
  }
  bool watches_data = isolation_ == IsolationLevel::kSerializable;
  if (changes_.changed_data_files.empty() && changes_.removed_files.empty() && !watches_data)
    return Ok();
  for (const SnapshotPtr& snapshot : newer) {
    if (validated_.count(snapshot->snapshot_id)) continue;
    SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests, SnapshotManifests(*snapshot, io_));
    for (const ManifestFile& manifest : manifests) {
      if (manifest.added_snapshot_id != snapshot->snapshot_id) continue;
      SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io_, manifest));
      for (const ManifestEntry& entry : entries) {
        if (entry.snapshot_id != snapshot->snapshot_id) continue;
        const DataFile& file = *entry.file;
        if (entry.status == EntryStatus::kDeleted) {
          if (changes_.changed_data_files.count(file.file_path) ||
              changes_.removed_files.count(FileIdentity(file))) {
            return Conflict(
                fmt::format("snapshot {} removed '{}'", snapshot->snapshot_id, file.file_path));
          }
          continue;
        }
        if (entry.status != EntryStatus::kAdded) continue;
        if (file.content == FileContent::kData) {
          if (watches_data && snapshot->Operation() != "replace") {
            return Conflict(fmt::format("snapshot {} added data files the statement did not read",
                                        snapshot->snapshot_id));
          }
          continue;
        }
        bool touches =
            file.referenced_data_file
                ? changes_.changed_data_files.count(*file.referenced_data_file) > 0
                : changes_.changed_partitions.count({file.spec_id, PartitionKey(file)}) > 0;
        if (touches) {
          return Conflict(fmt::format(
              "snapshot {} deleted rows from a file this change rewrites or deletes from",
              snapshot->snapshot_id));
        }
      }
    }
    validated_.insert(snapshot->snapshot_id);
  }
  return Ok();
}

Result<std::vector<ManifestFile>> SnapshotProducer::AddedManifests(const TableMetadata& metadata,
                                                                   int64_t snapshot_id,
                                                                   PendingChange& change) {
  int version = metadata.format_version;
  if (!added_manifests_.empty() && version >= 2) return added_manifests_;
  Abort();
  std::map<std::pair<ManifestContent, int32_t>, std::vector<ManifestEntry>> groups;
  auto add = [&](const DataFilePtr& file, ManifestContent content) {
    ManifestEntry entry;
    entry.status = EntryStatus::kAdded;
    if (version == 1) entry.snapshot_id = snapshot_id;
    entry.file = file;
    groups[{content, file->spec_id}].push_back(std::move(entry));
  };
  for (const DataFilePtr& file : changes_.added_data_files) add(file, ManifestContent::kData);
  for (const DataFilePtr& file : changes_.added_delete_files) add(file, ManifestContent::kDeletes);
  std::vector<ManifestFile> manifests;
  for (auto& [key, entries] : groups) {
    PartitionSpecPtr spec = metadata.SpecById(key.second);
    if (!spec) return Conflict(fmt::format("partition spec {} no longer exists", key.second));
    std::string path =
        JoinPath(MetadataFolderOf(metadata),
                 fmt::format("{}-m{}.avro", FormatUuid(RandomUuid()), manifests.size()));
    SB_ASSIGN_OR_RETURN(ManifestFile manifest,
                        WriteManifest(io_, path, version, *metadata.CurrentSchema(), *spec,
                                      key.first, snapshot_id, entries));
    manifests.push_back(std::move(manifest));
  }
  // v1 manifests carry the snapshot id in their entries: each attempt writes its own.
  if (version == 1) {
    for (const ManifestFile& manifest : manifests) change.written_files.push_back(manifest.path);
  } else {
    added_manifests_ = manifests;
  }
  return manifests;
}

Result<PendingChange> SnapshotProducer::Apply(const TableState& base) {
  const TableMetadata& metadata = *base.metadata;
  SB_RETURN_IF_ERROR(Validate(metadata));
  PendingChange change;
  change.metadata = metadata;
  TableMetadata& next = change.metadata;
  int version = metadata.format_version;
  if (!snapshot_id_ || metadata.SnapshotById(*snapshot_id_)) {
    // Manifests made for another id cannot be reused.
    Abort();
    snapshot_id_ = NewSnapshotId(metadata);
  }
  int64_t snapshot_id = *snapshot_id_;
  int64_t sequence_number = version >= 2 ? metadata.last_sequence_number + 1 : 0;
  SnapshotPtr parent = metadata.CurrentSnapshot();
  std::string folder = MetadataFolderOf(metadata);

  FileCounts added;
  FileCounts removed;
  std::set<std::pair<int32_t, std::string>> partitions;
  SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests,
                      AddedManifests(metadata, snapshot_id, change));
  for (ManifestFile& manifest : manifests) {
    manifest.added_snapshot_id = snapshot_id;
    manifest.sequence_number = -1;
    manifest.min_sequence_number = -1;
  }
  for (const auto* files : {&changes_.added_data_files, &changes_.added_delete_files}) {
    for (const DataFilePtr& file : *files) {
      added.Add(*file);
      partitions.emplace(file->spec_id, PartitionKey(*file));
    }
  }

  size_t removed_found = 0;
  std::set<std::string> used_rewrites;
  if (parent) {
    SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> existing, SnapshotManifests(*parent, io_));
    for (ManifestFile& manifest : existing) {
      if (manifest.spec_id < 0) {
        return Error{ErrorCode::kNotSupported,
                     "Row-level changes and maintenance need a manifest list (this v1 snapshot "
                     "lists manifests inline)"};
      }
      bool live = manifest.added_files_count.value_or(1) > 0 ||
                  manifest.existing_files_count.value_or(1) > 0;
      if (changes_.removed_files.empty()) {
        if (live) manifests.push_back(std::move(manifest));
        continue;
      }
      SB_ASSIGN_OR_RETURN(const ManifestRewrite* rewrite,
                          RewriteFor(metadata, manifest, snapshot_id));
      if (!rewrite->manifest) {
        if (live) manifests.push_back(std::move(manifest));
        continue;
      }
      used_rewrites.insert(manifest.path);
      removed_found += rewrite->removed_files;
      removed.Add(rewrite->removed);
      partitions.insert(rewrite->partitions.begin(), rewrite->partitions.end());
      manifests.push_back(*rewrite->manifest);
    }
  }
  // Rewrites made for an earlier attempt's base that this one no longer holds were never committed.
  for (auto it = rewrites_.begin(); it != rewrites_.end();) {
    if (it->second.manifest && !used_rewrites.count(it->first)) {
      (void)io_.Delete(it->second.manifest->path);
      it = rewrites_.erase(it);
    } else {
      ++it;
    }
  }
  if (removed_found != changes_.removed_files.size()) {
    return Conflict("a file this change removes is no longer part of the table");
  }

  auto snapshot = std::make_shared<Snapshot>();
  snapshot->snapshot_id = snapshot_id;
  if (parent) snapshot->parent_id = parent->snapshot_id;
  snapshot->sequence_number = sequence_number;
  snapshot->timestamp_ms = std::max(NowMillis(), parent ? parent->timestamp_ms : 0);
  snapshot->schema_id = metadata.current_schema_id;
  snapshot->manifest_list =
      JoinPath(folder, fmt::format("snap-{}-1-{}.avro", snapshot_id, FormatUuid(RandomUuid())));
  auto& summary = snapshot->summary;
  summary.emplace_back("operation", operation_);
  auto put = [&](const char* key, int64_t value) {
    if (value != 0) summary.emplace_back(key, std::to_string(value));
  };
  put("added-data-files", added.data_files);
  put("added-records", added.records);
  put("added-delete-files", added.delete_files);
  put("added-position-deletes", added.position_deletes);
  put("added-files-size", added.size);
  put("deleted-data-files", removed.data_files);
  put("deleted-records", removed.records);
  put("removed-delete-files", removed.delete_files);
  put("removed-position-deletes", removed.position_deletes);
  put("removed-equality-deletes", removed.equality_deletes);
  put("removed-files-size", removed.size);
  summary.emplace_back("changed-partition-count", std::to_string(partitions.size()));
  SummaryTotals totals = ParentTotals(parent.get());
  if (totals.known) {
    summary.emplace_back("total-records",
                         std::to_string(totals.records + added.records - removed.records));
    summary.emplace_back("total-files-size",
                         std::to_string(totals.files_size + added.size - removed.size));
    summary.emplace_back("total-data-files",
                         std::to_string(totals.data_files + added.data_files - removed.data_files));
    summary.emplace_back(
        "total-delete-files",
        std::to_string(totals.delete_files + added.delete_files - removed.delete_files));
    summary.emplace_back("total-position-deletes",
                         std::to_string(totals.position_deletes + added.position_deletes -
                                        removed.position_deletes));
    summary.emplace_back("total-equality-deletes",
                         std::to_string(totals.equality_deletes + added.equality_deletes -
                                        removed.equality_deletes));
  }
  summary.emplace_back("engine-name", "switchboard");

  int64_t first_row_id = next.next_row_id.value_or(0);
  SB_ASSIGN_OR_RETURN(
      int64_t next_row_id,
      WriteManifestList(io_, snapshot->manifest_list, version, snapshot_id, snapshot->parent_id,
                        sequence_number, first_row_id, manifests));
  change.written_files.push_back(snapshot->manifest_list);
  if (version >= 3) {
    snapshot->first_row_id = first_row_id;
    snapshot->added_rows = next_row_id - first_row_id;
    next.next_row_id = next_row_id;
  }
  if (version >= 2) next.last_sequence_number = sequence_number;
  next.current_snapshot_id = snapshot_id;
  SnapshotRef& main = next.refs["main"];  // keeps the branch's retention settings
  main.snapshot_id = snapshot_id;
  main.is_branch = true;
  next.snapshot_log.push_back(SnapshotLogEntry{snapshot->timestamp_ms, snapshot_id});
  next.snapshots.push_back(std::move(snapshot));
  return change;
}

}  // namespace switchboard::iceberg
