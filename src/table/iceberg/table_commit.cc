// Commits with optimistic retries, new tables, and append/overwrite snapshots.
#include "table/iceberg/table_commit.h"

#include <chrono>
#include <set>
#include <thread>

#include "common/string_util.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

std::string MetadataFolder(const TableMetadata& metadata) {
  std::string path = metadata.Property("write.metadata.path");
  return path.empty() ? JoinPath(metadata.location, "metadata") : NormalizeLocation(path);
}

std::string FileName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string MetadataFileLocation(const TableMetadata& metadata, int64_t version) {
  bool gzip = EqualsIgnoreCase(metadata.Property("write.metadata.compression-codec"), "gzip");
  return JoinPath(MetadataFolder(metadata),
                  fmt::format("{:05d}-{}{}", version, FormatUuid(RandomUuid()), gzip ? ".gz.metadata.json" : ".metadata.json"));
}

Result<void> WriteMetadataFile(const FileIO& io, const TableMetadata& metadata, const std::string& location) {
  std::string json = SerializeTableMetadata(metadata);
  if (EndsWith(location, ".gz.metadata.json")) json = Gzip(json);
  return io.WriteFile(location, json, WriteMode::kCreateIfAbsent);
}

int64_t SummaryNumber(const Snapshot* snapshot, std::string_view key, bool& known) {
  if (!snapshot) return 0;
  std::string text = snapshot->Summary(key);
  if (text.empty()) {
    known = false;
    return 0;
  }
  return std::strtoll(text.c_str(), nullptr, 10);
}

/// Fills the counts and spec of manifests a v1 snapshot lists inline, which have no manifest
/// list entry to carry them.
Result<void> ResolveInlineManifests(const FileIO& io, std::vector<ManifestFile>& manifests) {
  for (ManifestFile& manifest : manifests) {
    if (manifest.spec_id >= 0) continue;
    SB_ASSIGN_OR_RETURN(std::shared_ptr<RandomAccessFile> file, io.OpenForRead(manifest.path));
    manifest.length = file->size();
    SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io, manifest));
    int32_t counts[3] = {0, 0, 0};
    int64_t rows[3] = {0, 0, 0};
    manifest.spec_id = 0;
    for (const ManifestEntry& entry : entries) {
      counts[static_cast<int>(entry.status)]++;
      rows[static_cast<int>(entry.status)] += entry.file->record_count;
      manifest.spec_id = entry.file->spec_id;
    }
    manifest.existing_files_count = counts[0];
    manifest.added_files_count = counts[1];
    manifest.deleted_files_count = counts[2];
    manifest.existing_rows_count = rows[0];
    manifest.added_rows_count = rows[1];
    manifest.deleted_rows_count = rows[2];
  }
  return Ok();
}

}  // namespace

int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t NewSnapshotId(const TableMetadata& metadata) {
  while (true) {
    uint128_t uuid = RandomUuid();
    auto id = static_cast<int64_t>((static_cast<uint64_t>(uuid >> 64) ^ static_cast<uint64_t>(uuid)) & INT64_MAX);
    if (id != 0 && !metadata.SnapshotById(id)) return id;
  }
}

Result<TableState> CommitTable(TableOperations& ops, const MetadataUpdate& update) {
  for (int64_t attempt = 0;; ++attempt) {
    SB_ASSIGN_OR_RETURN(TableState base, ops.Load());
    int64_t retries = std::max<int64_t>(0, base.metadata->IntProperty("commit.retry.num-retries", 4));
    SB_ASSIGN_OR_RETURN(PendingChange change, update(base));
    TableMetadata& next = change.metadata;
    next.last_updated_ms = std::max(NowMillis(), base.metadata->last_updated_ms);
    for (const auto& snapshot : next.snapshots) next.last_updated_ms = std::max(next.last_updated_ms, snapshot->timestamp_ms);
    next.metadata_log.push_back(MetadataLogEntry{base.metadata->last_updated_ms, base.metadata_location});
    int64_t keep = std::max<int64_t>(1, next.IntProperty("write.metadata.previous-versions-max", 100));
    std::vector<std::string> expired;
    while (static_cast<int64_t>(next.metadata_log.size()) > keep) {
      expired.push_back(next.metadata_log.front().file);
      next.metadata_log.erase(next.metadata_log.begin());
    }
    int64_t version = MetadataFileVersion(FileName(base.metadata_location));
    std::string location = MetadataFileLocation(next, version >= 0 ? version + 1 : static_cast<int64_t>(next.metadata_log.size()));
    Result<void> written = WriteMetadataFile(ops.io(), next, location);
    Result<void> swapped = written.ok() ? ops.Swap(base.metadata_location, location) : written;
    if (swapped.ok()) {
      if (EqualsIgnoreCase(next.Property("write.metadata.delete-after-commit.enabled"), "true")) {
        for (const std::string& old : expired) (void)ops.io().Delete(old);
      }
      return TableState{std::make_shared<const TableMetadata>(std::move(next)), location};
    }
    if (written.ok()) (void)ops.io().Delete(location);
    for (const std::string& file : change.written_files) (void)ops.io().Delete(file);
    if (swapped.error().code != ErrorCode::kCommitConflict) return swapped.error();
    if (attempt >= retries) {
      return Error{ErrorCode::kCommitConflict,
                   fmt::format("Commit failed after {} attempts: other commits kept changing the table ({})",
                               attempt + 1, swapped.error().message)};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(2000, 50 << std::min<int64_t>(attempt, 5))));
  }
}

Result<TableMetadata> NewTableMetadata(SchemaPtr schema, PartitionSpec spec, SortOrder order, std::string location,
                                       std::map<std::string, std::string> properties) {
  TableMetadata metadata;
  metadata.format_version = 2;
  if (auto it = properties.find("format-version"); it != properties.end()) {
    if (it->second != "1" && it->second != "2" && it->second != "3") {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("format-version must be 1, 2 or 3, not '{}'", it->second)};
    }
    metadata.format_version = it->second[0] - '0';
    properties.erase(it);
  }
  metadata.table_uuid = FormatUuid(RandomUuid());
  metadata.location = NormalizeLocation(location);
  metadata.last_updated_ms = NowMillis();
  metadata.last_column_id = schema->HighestFieldId();
  metadata.current_schema_id = schema->schema_id();
  metadata.schemas.push_back(std::move(schema));
  spec.spec_id = 0;
  for (size_t i = 0; i < spec.fields.size(); ++i) spec.fields[i].field_id = kFirstPartitionFieldId + static_cast<int32_t>(i);
  metadata.last_partition_id = kFirstPartitionFieldId - 1 + static_cast<int32_t>(spec.fields.size());
  metadata.specs.push_back(std::make_shared<const PartitionSpec>(std::move(spec)));
  metadata.sort_orders.push_back(SortOrder{});
  if (!order.IsUnsorted()) {
    order.order_id = 1;
    metadata.default_sort_order_id = 1;
    metadata.sort_orders.push_back(std::move(order));
  }
  metadata.properties = std::move(properties);
  if (metadata.format_version >= 3) metadata.next_row_id = 0;
  return metadata;
}

Result<std::string> WriteInitialMetadata(const FileIO& io, const TableMetadata& metadata) {
  std::string location = MetadataFileLocation(metadata, 0);
  SB_RETURN_IF_ERROR(WriteMetadataFile(io, metadata, location));
  return location;
}

AppendFiles::AppendFiles(FileIO io, std::vector<DataFilePtr> files, bool overwrite, std::optional<int64_t> read_snapshot)
    : io_(std::move(io)), files_(std::move(files)), overwrite_(overwrite), read_snapshot_(read_snapshot) {}

void AppendFiles::Abort() {
  if (new_manifest_) (void)io_.Delete(new_manifest_->path);
  new_manifest_.reset();
}

Result<PendingChange> AppendFiles::Apply(const TableState& base) {
  const TableMetadata& metadata = *base.metadata;
  if (overwrite_ && metadata.current_snapshot_id != read_snapshot_) {
    return Error{ErrorCode::kCommitConflict,
                 "The table changed while the statement ran (a concurrent commit); run it again"};
  }
  PendingChange change;
  change.metadata = metadata;
  TableMetadata& next = change.metadata;
  int version = metadata.format_version;
  int64_t snapshot_id = NewSnapshotId(metadata);
  int64_t sequence_number = version >= 2 ? metadata.last_sequence_number + 1 : 0;
  SnapshotPtr parent = metadata.CurrentSnapshot();
  std::string folder = MetadataFolder(metadata);
  std::vector<ManifestFile> manifests;

  int64_t added_rows = 0;
  int64_t added_size = 0;
  std::set<std::pair<int32_t, std::string>> partitions;
  auto partition_key = [](const DataFile& file) {
    std::string key;
    for (const Value& value : file.partition) key += value.ToString() + "\x1f";
    return std::make_pair(file.spec_id, key);
  };
  if (!files_.empty()) {
    int32_t spec_id = files_.front()->spec_id;
    PartitionSpecPtr spec = metadata.SpecById(spec_id);
    if (!spec) {
      return Error{ErrorCode::kCommitConflict, "The table's partition spec changed while the statement ran; run it again"};
    }
    // v1 entries carry their snapshot id, so their manifest is rewritten by every attempt.
    if (!new_manifest_ || version == 1) {
      std::vector<ManifestEntry> entries;
      for (const DataFilePtr& file : files_) {
        ManifestEntry entry;
        entry.status = EntryStatus::kAdded;
        if (version == 1) entry.snapshot_id = snapshot_id;
        entry.file = file;
        entries.push_back(std::move(entry));
      }
      std::string path = JoinPath(folder, fmt::format("{}-m0.avro", FormatUuid(RandomUuid())));
      SB_ASSIGN_OR_RETURN(ManifestFile manifest, WriteManifest(io_, path, version, *metadata.CurrentSchema(), *spec,
                                                               ManifestContent::kData, snapshot_id, entries));
      if (version == 1) change.written_files.push_back(path);
      else new_manifest_ = manifest;
      manifests.push_back(std::move(manifest));
    } else {
      manifests.push_back(*new_manifest_);
    }
    manifests.back().added_snapshot_id = snapshot_id;
    manifests.back().sequence_number = -1;
    manifests.back().min_sequence_number = -1;
    for (const DataFilePtr& file : files_) {
      added_rows += file->record_count;
      added_size += file->file_size_in_bytes;
      partitions.insert(partition_key(*file));
    }
  }

  int64_t deleted_files = 0;
  int64_t deleted_rows = 0;
  int64_t deleted_size = 0;
  int64_t deleted_delete_files = 0;
  bool totals_known = true;
  const Snapshot* parent_raw = parent.get();
  int64_t total_records = SummaryNumber(parent_raw, "total-records", totals_known);
  int64_t total_files = SummaryNumber(parent_raw, "total-data-files", totals_known);
  int64_t total_size = SummaryNumber(parent_raw, "total-files-size", totals_known);
  int64_t total_delete_files = SummaryNumber(parent_raw, "total-delete-files", totals_known);
  int64_t total_position_deletes = SummaryNumber(parent_raw, "total-position-deletes", totals_known);
  int64_t total_equality_deletes = SummaryNumber(parent_raw, "total-equality-deletes", totals_known);
  if (parent) {
    SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> existing, SnapshotManifests(*parent, io_));
    SB_RETURN_IF_ERROR(ResolveInlineManifests(io_, existing));
    if (!overwrite_) {
      for (ManifestFile& manifest : existing) {
        bool empty = manifest.added_files_count == 0 && manifest.existing_files_count == 0;
        if (!empty) manifests.push_back(std::move(manifest));
      }
    } else {
      // Every live file of the parent is deleted: record them as DELETED entries, per spec and content.
      std::map<std::pair<int32_t, ManifestContent>, std::vector<ManifestEntry>> removed;
      for (const ManifestFile& manifest : existing) {
        SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io_, manifest));
        for (ManifestEntry& entry : entries) {
          if (entry.status == EntryStatus::kDeleted) continue;
          const DataFile& file = *entry.file;
          if (file.content == FileContent::kData) {
            ++deleted_files;
            deleted_rows += file.record_count;
            deleted_size += file.file_size_in_bytes;
          } else {
            ++deleted_delete_files;
          }
          partitions.insert(partition_key(file));
          entry.status = EntryStatus::kDeleted;
          entry.snapshot_id = snapshot_id;
          removed[{file.spec_id, manifest.content}].push_back(std::move(entry));
        }
      }
      for (auto& [key, entries] : removed) {
        PartitionSpecPtr spec = metadata.SpecById(key.first);
        if (!spec) return Error{ErrorCode::kCorruptData, fmt::format("Partition spec {} is missing", key.first)};
        std::string path = JoinPath(folder, fmt::format("{}-m{}.avro", FormatUuid(RandomUuid()), manifests.size()));
        SB_ASSIGN_OR_RETURN(ManifestFile manifest, WriteManifest(io_, path, version, *metadata.CurrentSchema(), *spec,
                                                                 key.second, snapshot_id, entries));
        change.written_files.push_back(path);
        manifests.push_back(std::move(manifest));
      }
      total_records = total_files = total_size = 0;
      total_delete_files = total_position_deletes = total_equality_deletes = 0;
      totals_known = true;
    }
  }

  auto snapshot = std::make_shared<Snapshot>();
  snapshot->snapshot_id = snapshot_id;
  if (parent) snapshot->parent_id = parent->snapshot_id;
  snapshot->sequence_number = sequence_number;
  snapshot->timestamp_ms = std::max(NowMillis(), parent ? parent->timestamp_ms : 0);
  snapshot->schema_id = metadata.current_schema_id;
  snapshot->manifest_list =
      JoinPath(folder, fmt::format("snap-{}-{}-{}.avro", snapshot_id, 1, FormatUuid(RandomUuid())));
  auto& summary = snapshot->summary;
  summary.emplace_back("operation", overwrite_ ? "overwrite" : "append");
  summary.emplace_back("added-data-files", std::to_string(files_.size()));
  summary.emplace_back("added-records", std::to_string(added_rows));
  summary.emplace_back("added-files-size", std::to_string(added_size));
  if (overwrite_) {
    summary.emplace_back("deleted-data-files", std::to_string(deleted_files));
    summary.emplace_back("deleted-records", std::to_string(deleted_rows));
    summary.emplace_back("removed-files-size", std::to_string(deleted_size));
    if (deleted_delete_files > 0) summary.emplace_back("removed-delete-files", std::to_string(deleted_delete_files));
  }
  summary.emplace_back("changed-partition-count", std::to_string(partitions.size()));
  if (totals_known) {
    summary.emplace_back("total-records", std::to_string(total_records + added_rows));
    summary.emplace_back("total-files-size", std::to_string(total_size + added_size));
    summary.emplace_back("total-data-files", std::to_string(total_files + static_cast<int64_t>(files_.size())));
    summary.emplace_back("total-delete-files", std::to_string(total_delete_files));
    summary.emplace_back("total-position-deletes", std::to_string(total_position_deletes));
    summary.emplace_back("total-equality-deletes", std::to_string(total_equality_deletes));
  }
  summary.emplace_back("engine-name", "switchboard");

  int64_t first_row_id = next.next_row_id.value_or(0);
  SB_ASSIGN_OR_RETURN(int64_t next_row_id, WriteManifestList(io_, snapshot->manifest_list, version, snapshot_id,
                                                             snapshot->parent_id, sequence_number, first_row_id, manifests));
  change.written_files.push_back(snapshot->manifest_list);
  if (version >= 3) {
    snapshot->first_row_id = first_row_id;
    snapshot->added_rows = next_row_id - first_row_id;
    next.next_row_id = next_row_id;
  }
  if (version >= 2) next.last_sequence_number = sequence_number;
  next.current_snapshot_id = snapshot_id;
  next.refs["main"] = SnapshotRef{snapshot_id, true};
  next.snapshot_log.push_back(SnapshotLogEntry{snapshot->timestamp_ms, snapshot_id});
  next.snapshots.push_back(std::move(snapshot));
  return change;
}

}  // namespace switchboard::iceberg
