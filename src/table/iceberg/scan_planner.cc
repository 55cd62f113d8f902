// Scan planning with manifest and file pruning, and delete file assignment.
#include "table/iceberg/scan_planner.h"

#include <optional>
#include <unordered_map>

#include "common/thread_pool.h"
#include "function/cast.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

using parquet::BoundPredicate;
using parquet::ColumnStatistics;
using parquet::ParquetPredicate;
using Op = ParquetPredicate::Op;

/// `value` as an engine value of `type`, when that loses nothing.
std::optional<Value> ExactValue(const Value& value, const Type& type) {
  Result<Value> converted = ConformValue(value, type);
  if (!converted.ok() || converted->is_null()) return std::nullopt;
  if (converted->type() == value.type()) return *converted;
  Result<Value> back = CatchErrors([&] { return CastValue(*converted, value.type()); });
  if (!back.ok() || !(*back == value)) return std::nullopt;
  return *converted;
}

/// The inclusive projection of a column predicate through a partition transform: a predicate on
/// the partition value that every row matching the original one also matches.
std::optional<ParquetPredicate> Project(const ParquetPredicate& predicate, const Transform& transform,
                                        const Type& source) {
  if (transform.kind == Transform::Kind::kVoid || transform.kind == Transform::Kind::kUnknown) return std::nullopt;
  if (predicate.op == Op::kIsNull || predicate.op == Op::kIsNotNull) return predicate;
  if (transform.kind == Transform::Kind::kIdentity) return predicate;
  std::vector<Value> constants;
  for (const Value& constant : predicate.constants) {
    if (constant.is_null()) continue;
    std::optional<Value> exact = ExactValue(constant, source);
    if (!exact) return std::nullopt;
    constants.push_back(transform.Apply(*exact, source));
  }
  if (constants.empty()) return std::nullopt;
  ParquetPredicate out;
  out.constants = std::move(constants);
  switch (predicate.op) {
    case Op::kEqual: out.op = Op::kEqual; return out;
    case Op::kIn: out.op = Op::kIn; return out;
    default: break;
  }
  if (!transform.PreservesOrder()) return std::nullopt;
  switch (predicate.op) {
    case Op::kLess:
    case Op::kLessEqual: out.op = Op::kLessEqual; return out;
    case Op::kGreater:
    case Op::kGreaterEqual: out.op = Op::kGreaterEqual; return out;
    default: return std::nullopt;
  }
}

/// Whether a predicate bound to `type` can be true of values described by `stats` (binding
/// problems count as "maybe").
bool MayMatch(const ParquetPredicate& predicate, const LogicalType& type, const ColumnStatistics& stats) {
  Result<BoundPredicate> bound = BoundPredicate::Bind(predicate, type);
  if (!bound.ok()) return true;
  return !bound->CanSkip(stats);
}

ColumnStatistics ExactValueStatistics(const Value& value) {
  ColumnStatistics stats;
  stats.num_values = 1;
  stats.null_count = value.is_null() ? 1 : 0;
  if (!value.is_null()) {
    stats.min = value;
    stats.max = value;
    stats.min_exact = stats.max_exact = true;
    if (value.type().id() == TypeId::kReal || value.type().id() == TypeId::kDouble) {
      stats.nan_count = std::isnan(value.GetDouble()) ? 1 : 0;
    }
  }
  return stats;
}

bool IsTruncatable(TypeKind kind) { return kind == TypeKind::kString || kind == TypeKind::kBinary; }

/// Whether the partition field summaries of a manifest allow a match.
bool ManifestMayMatch(const ManifestFile& manifest, const PartitionSpec& spec, const Schema& schema,
                      const std::vector<ScanPredicate>& predicates) {
  if (manifest.added_files_count == 0 && manifest.existing_files_count == 0) return false;
  if (manifest.partitions.size() != spec.fields.size()) return true;
  for (const ScanPredicate& predicate : predicates) {
    const NestedField* source = schema.FindField(predicate.field_id);
    if (!source) continue;
    for (size_t i = 0; i < spec.fields.size(); ++i) {
      const PartitionField& field = spec.fields[i];
      if (field.source_id != predicate.field_id) continue;
      std::optional<ParquetPredicate> projected = Project(predicate.predicate, field.transform, *source->type);
      if (!projected) continue;
      Result<TypePtr> result_type = field.transform.ResultType(source->type);
      if (!result_type.ok()) continue;
      Result<LogicalType> engine_type = ToLogicalType(**result_type);
      if (!engine_type.ok()) continue;
      const PartitionFieldSummary& summary = manifest.partitions[i];
      ColumnStatistics stats;
      if (!summary.contains_null) stats.null_count = 0;
      if (summary.contains_nan) stats.nan_count = *summary.contains_nan ? std::nullopt : std::optional<int64_t>(0);
      if (summary.lower_bound && summary.upper_bound) {
        Result<Value> lower = DeserializeBinary(*summary.lower_bound, **result_type);
        Result<Value> upper = DeserializeBinary(*summary.upper_bound, **result_type);
        if (lower.ok() && upper.ok()) {
          stats.min = ConformValue(*lower, **result_type).ValueOrThrow();
          stats.max = ConformValue(*upper, **result_type).ValueOrThrow();
          stats.min_exact = stats.max_exact = true;
        }
      } else if (summary.contains_null && !summary.contains_nan.value_or(false)) {
        // No bounds: every partition value is NULL.
        stats.null_count = 1;
        stats.num_values = 1;
      }
      if (!MayMatch(*projected, *engine_type, stats)) return false;
    }
  }
  return true;
}

struct DeleteEntry {
  DataFilePtr file;
  int64_t sequence_number;
};

bool SamePartition(const DataFile& a, const DataFile& b) { return a.spec_id == b.spec_id && a.partition == b.partition; }

/// Whether a position delete file can hold deletes for `path` (by its file_path bounds).
bool MayReference(const DataFile& deletes, const std::string& path) {
  constexpr int32_t kFilePathId = 2147483546;
  if (deletes.referenced_data_file) return *deletes.referenced_data_file == path;
  auto lower = deletes.lower_bounds.find(kFilePathId);
  auto upper = deletes.upper_bounds.find(kFilePathId);
  if (lower != deletes.lower_bounds.end() && path < lower->second) return false;
  // Upper bounds of strings may be truncated and incremented; compare the common prefix.
  if (upper != deletes.upper_bounds.end() && path.compare(0, upper->second.size(), upper->second) > 0) return false;
  return true;
}

}  // namespace

bool FileMayMatch(const DataFile& file, const PartitionSpec& spec, const Schema& schema,
                  const std::vector<ScanPredicate>& predicates, bool use_metrics) {
  for (const ScanPredicate& predicate : predicates) {
    const NestedField* source = schema.FindField(predicate.field_id);
    if (!source) continue;
    for (size_t i = 0; i < spec.fields.size() && i < file.partition.size(); ++i) {
      const PartitionField& field = spec.fields[i];
      if (field.source_id != predicate.field_id) continue;
      std::optional<ParquetPredicate> projected = Project(predicate.predicate, field.transform, *source->type);
      if (!projected) continue;
      Result<TypePtr> result_type = field.transform.ResultType(source->type);
      if (!result_type.ok()) continue;
      Result<Value> value = ConformValue(file.partition[i], **result_type);
      if (!value.ok()) continue;
      if (!MayMatch(*projected, value->type(), ExactValueStatistics(*value))) return false;
    }
    Result<LogicalType> engine_type = ToLogicalType(*source->type);
    if (!use_metrics || !engine_type.ok()) continue;
    ColumnStatistics stats;
    int32_t id = predicate.field_id;
    if (auto it = file.value_counts.find(id); it != file.value_counts.end()) stats.num_values = it->second;
    if (auto it = file.null_value_counts.find(id); it != file.null_value_counts.end()) stats.null_count = it->second;
    if (auto it = file.nan_value_counts.find(id); it != file.nan_value_counts.end()) stats.nan_count = it->second;
    auto lower = file.lower_bounds.find(id);
    auto upper = file.upper_bounds.find(id);
    if (lower != file.lower_bounds.end()) {
      Result<Value> value = DeserializeBinary(lower->second, *source->type);
      if (value.ok()) {
        stats.min = ConformValue(*value, *source->type).ValueOrThrow();
        stats.min_exact = !IsTruncatable(source->type->kind);
      }
    }
    if (upper != file.upper_bounds.end()) {
      Result<Value> value = DeserializeBinary(upper->second, *source->type);
      if (value.ok()) {
        stats.max = ConformValue(*value, *source->type).ValueOrThrow();
        stats.max_exact = !IsTruncatable(source->type->kind);
      }
    }
    if (!MayMatch(predicate.predicate, *engine_type, stats)) return false;
  }
  return true;
}

Result<std::vector<ManifestFile>> SnapshotManifests(const Snapshot& snapshot, const FileIO& io) {
  if (!snapshot.manifest_list.empty()) return ReadManifestList(io, snapshot.manifest_list);
  std::vector<ManifestFile> manifests;
  for (const std::string& path : snapshot.manifests) {
    ManifestFile manifest;
    manifest.path = path;
    manifest.spec_id = -1;
    manifest.added_snapshot_id = snapshot.snapshot_id;
    manifests.push_back(std::move(manifest));
  }
  return manifests;
}

Result<ScanPlan> PlanScan(const TableMetadata& metadata, const Snapshot& snapshot, const Schema& schema,
                          const FileIO& io, const std::vector<ScanPredicate>& predicates, ThreadPool* pool) {
  ScanPlan plan;
  bool use_metrics = metadata.Property("schema.name-mapping.default").empty();
  SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests, SnapshotManifests(snapshot, io));
  plan.stats.manifests = static_cast<int64_t>(manifests.size());
  std::vector<const ManifestFile*> kept;
  for (const ManifestFile& manifest : manifests) {
    PartitionSpecPtr spec = manifest.spec_id >= 0 ? metadata.SpecById(manifest.spec_id) : nullptr;
    if (manifest.spec_id >= 0 && !spec) {
      return Error{ErrorCode::kCorruptData,
                   fmt::format("Manifest '{}' uses partition spec {}, which the table metadata does not have",
                               manifest.path, manifest.spec_id)};
    }
    if (manifest.content == ManifestContent::kData && spec && !ManifestMayMatch(manifest, *spec, schema, predicates)) {
      ++plan.stats.manifests_skipped;
      plan.stats.data_files += manifest.added_files_count.value_or(0) + manifest.existing_files_count.value_or(0);
      continue;
    }
    kept.push_back(&manifest);
  }

  std::vector<std::optional<Result<std::vector<ManifestEntry>>>> read(kept.size());
  auto read_one = [&](size_t i) { read[i] = ReadManifest(io, *kept[i]); };
  if (pool && kept.size() > 1) {
    pool->ParallelFor(kept.size(), read_one);
  } else {
    for (size_t i = 0; i < kept.size(); ++i) read_one(i);
  }

  std::vector<ManifestEntry> data;
  std::vector<DeleteEntry> positional;
  std::vector<DeleteEntry> equality;
  std::unordered_map<std::string, DeleteEntry> vectors;
  for (auto& result : read) {
    if (!result->ok()) return std::move(*result).error();
    for (ManifestEntry& entry : result->value()) {
      if (entry.status == EntryStatus::kDeleted) continue;
      const DataFile& file = *entry.file;
      int64_t sequence = entry.sequence_number.value_or(0);
      switch (file.content) {
        case FileContent::kData: {
          ++plan.stats.data_files;
          PartitionSpecPtr spec = metadata.SpecById(file.spec_id);
          if (!spec) {
            return Error{ErrorCode::kCorruptData, fmt::format("Data file '{}' uses partition spec {}, which the table "
                                                              "metadata does not have", file.file_path, file.spec_id)};
          }
          if (!FileMayMatch(file, *spec, schema, predicates, use_metrics)) continue;
          data.push_back(std::move(entry));
          break;
        }
        case FileContent::kPositionDeletes:
          ++plan.stats.delete_files;
          if (file.IsDeletionVector() && file.referenced_data_file) {
            auto& slot = vectors[*file.referenced_data_file];
            if (!slot.file || slot.sequence_number < sequence) slot = DeleteEntry{entry.file, sequence};
          } else {
            positional.push_back(DeleteEntry{entry.file, sequence});
          }
          break;
        case FileContent::kEqualityDeletes:
          ++plan.stats.delete_files;
          equality.push_back(DeleteEntry{entry.file, sequence});
          break;
      }
    }
  }
  plan.stats.data_files_skipped = plan.stats.data_files - static_cast<int64_t>(data.size());

  plan.tasks.reserve(data.size());
  for (ManifestEntry& entry : data) {
    FileScanTask task;
    task.file = entry.file;
    task.data_sequence_number = entry.sequence_number.value_or(0);
    const DataFile& file = *task.file;
    auto vector = vectors.find(file.file_path);
    if (vector != vectors.end() && task.data_sequence_number <= vector->second.sequence_number) {
      task.deletes.push_back(vector->second.file);
    } else {
      for (const DeleteEntry& deletes : positional) {
        if (task.data_sequence_number <= deletes.sequence_number && SamePartition(*deletes.file, file) &&
            MayReference(*deletes.file, file.file_path)) {
          task.deletes.push_back(deletes.file);
        }
      }
    }
    for (const DeleteEntry& deletes : equality) {
      if (task.data_sequence_number >= deletes.sequence_number) continue;
      PartitionSpecPtr spec = metadata.SpecById(deletes.file->spec_id);
      if ((spec && spec->IsUnpartitioned()) || SamePartition(*deletes.file, file)) task.deletes.push_back(deletes.file);
    }
    plan.tasks.push_back(std::move(task));
  }
  return plan;
}

}  // namespace switchboard::iceberg
