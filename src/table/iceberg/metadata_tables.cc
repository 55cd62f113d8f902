// Metadata tables built from table metadata, manifest lists and manifests.
#include "table/iceberg/metadata_tables.h"

#include <map>
#include <set>

#include "common/string_util.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

const LogicalType kVarchar = LogicalType::Varchar();
const LogicalType kBigint = LogicalType(TypeId::kBigint);
const LogicalType kInteger = LogicalType(TypeId::kInteger);
const LogicalType kBoolean = LogicalType(TypeId::kBoolean);
const LogicalType kTimestamp = LogicalType::TimestampTz(3);

Value Millis(int64_t ms) { return Value::TimestampWithZone(TimestampTz{ms * 1000, 0}, 3); }
Value OptionalBigint(std::optional<int64_t> v) { return v ? Value::Bigint(*v) : Value::Null(kBigint); }
Value OptionalInteger(std::optional<int64_t> v) { return v ? Value::Integer(static_cast<int32_t>(*v)) : Value::Null(kInteger); }

/// Every partition field of every spec, by field id: the partition tuple the files, entries and
/// partitions tables show (NULL where a file's spec lacks a field).
struct UnifiedPartition {
  std::vector<int32_t> field_ids;
  std::vector<TypePtr> types;
  LogicalType row_type;

  bool empty() const { return field_ids.empty(); }

  Value ValueOf(const TableMetadata& metadata, const DataFile& file) const {
    std::vector<Value> fields;
    PartitionSpecPtr spec = metadata.SpecById(file.spec_id);
    for (size_t i = 0; i < field_ids.size(); ++i) {
      LogicalType type = row_type.fields()[i].second;
      Value value = Value::Null(type);
      for (size_t k = 0; spec && k < spec->fields.size() && k < file.partition.size(); ++k) {
        if (spec->fields[k].field_id != field_ids[i]) continue;
        Result<Value> conformed = ConformValue(file.partition[k], *types[i]);
        if (conformed.ok()) value = std::move(*conformed);
      }
      fields.push_back(std::move(value));
    }
    return Value::Row(row_type, std::move(fields));
  }
};

const NestedField* FindInAnySchema(const TableMetadata& metadata, int32_t id) {
  for (auto it = metadata.schemas.rbegin(); it != metadata.schemas.rend(); ++it) {
    if (const NestedField* field = (*it)->FindField(id)) return field;
  }
  return nullptr;
}

UnifiedPartition MakeUnifiedPartition(const TableMetadata& metadata) {
  std::map<int32_t, std::pair<std::string, TypePtr>> fields;
  for (const auto& spec : metadata.specs) {
    for (const PartitionField& field : spec->fields) {
      if (fields.count(field.field_id)) continue;
      const NestedField* source = FindInAnySchema(metadata, field.source_id);
      Result<TypePtr> type = source ? field.transform.ResultType(source->type) : Result<TypePtr>(Error{});
      if (!type.ok() || !ToLogicalType(**type).ok()) continue;
      fields[field.field_id] = {field.name, *type};
    }
  }
  UnifiedPartition out;
  std::vector<std::pair<std::string, LogicalType>> row;
  for (const auto& [id, field] : fields) {
    out.field_ids.push_back(id);
    out.types.push_back(field.second);
    row.emplace_back(field.first, ToLogicalType(*field.second).ValueOrThrow());
  }
  if (!row.empty()) out.row_type = LogicalType::Row(std::move(row));
  return out;
}

Value IntMap(const std::map<int32_t, int64_t>& map) {
  std::vector<std::pair<Value, Value>> entries;
  for (const auto& [key, value] : map) entries.emplace_back(Value::Integer(key), Value::Bigint(value));
  return Value::Map(kInteger, kBigint, std::move(entries));
}

Value BytesMap(const std::map<int32_t, std::string>& map) {
  std::vector<std::pair<Value, Value>> entries;
  for (const auto& [key, value] : map) entries.emplace_back(Value::Integer(key), Value::Varbinary(value));
  return Value::Map(kInteger, LogicalType(TypeId::kVarbinary), std::move(entries));
}

std::set<int64_t> CurrentAncestors(const TableMetadata& metadata) {
  std::set<int64_t> ids;
  for (SnapshotPtr s = metadata.CurrentSnapshot(); s && !ids.count(s->snapshot_id);
       s = s->parent_id ? metadata.SnapshotById(*s->parent_id) : nullptr) {
    ids.insert(s->snapshot_id);
  }
  return ids;
}

Result<std::vector<std::pair<ManifestFile, std::vector<ManifestEntry>>>> ReadAll(const Snapshot* snapshot, const FileIO& io) {
  std::vector<std::pair<ManifestFile, std::vector<ManifestEntry>>> out;
  if (!snapshot) return out;
  SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests, SnapshotManifests(*snapshot, io));
  for (ManifestFile& manifest : manifests) {
    SB_ASSIGN_OR_RETURN(std::vector<ManifestEntry> entries, ReadManifest(io, manifest));
    out.emplace_back(std::move(manifest), std::move(entries));
  }
  return out;
}

void AddColumn(MetadataTableRows& table, std::string name, LogicalType type) {
  table.names.push_back(std::move(name));
  table.types.push_back(std::move(type));
}

}  // namespace

const std::vector<std::string>& MetadataTableNames() {
  static const std::vector<std::string> names = {"snapshots", "history", "files", "manifests",
                                                 "partitions", "entries", "refs", "metadata_log_entries"};
  return names;
}

Result<MetadataTableRows> ReadMetadataTable(const std::string& raw_name, const TableMetadata& metadata,
                                            const std::string& metadata_location, const FileIO& io,
                                            const Snapshot* snapshot) {
  std::string name = ToLower(raw_name);
  MetadataTableRows table;
  if (name == "snapshots") {
    AddColumn(table, "committed_at", kTimestamp);
    AddColumn(table, "snapshot_id", kBigint);
    AddColumn(table, "parent_id", kBigint);
    AddColumn(table, "operation", kVarchar);
    AddColumn(table, "manifest_list", kVarchar);
    AddColumn(table, "summary", LogicalType::Map(kVarchar, kVarchar));
    for (const auto& s : metadata.snapshots) {
      std::vector<std::pair<Value, Value>> summary;
      for (const auto& [k, v] : s->summary) summary.emplace_back(Value::Varchar(k), Value::Varchar(v));
      std::string operation = s->Operation();
      table.rows.push_back({Millis(s->timestamp_ms), Value::Bigint(s->snapshot_id), OptionalBigint(s->parent_id),
                            operation.empty() ? Value::Null(kVarchar) : Value::Varchar(operation),
                            s->manifest_list.empty() ? Value::Null(kVarchar) : Value::Varchar(s->manifest_list),
                            Value::Map(kVarchar, kVarchar, std::move(summary))});
    }
    return table;
  }
  if (name == "history") {
    AddColumn(table, "made_current_at", kTimestamp);
    AddColumn(table, "snapshot_id", kBigint);
    AddColumn(table, "parent_id", kBigint);
    AddColumn(table, "is_current_ancestor", kBoolean);
    std::set<int64_t> ancestors = CurrentAncestors(metadata);
    for (const SnapshotLogEntry& entry : metadata.snapshot_log) {
      SnapshotPtr s = metadata.SnapshotById(entry.snapshot_id);
      table.rows.push_back({Millis(entry.timestamp_ms), Value::Bigint(entry.snapshot_id),
                            OptionalBigint(s ? s->parent_id : std::nullopt),
                            Value::Boolean(ancestors.count(entry.snapshot_id) > 0)});
    }
    return table;
  }
  if (name == "refs") {
    AddColumn(table, "name", kVarchar);
    AddColumn(table, "type", kVarchar);
    AddColumn(table, "snapshot_id", kBigint);
    AddColumn(table, "max_reference_age_in_ms", kBigint);
    AddColumn(table, "min_snapshots_to_keep", kInteger);
    AddColumn(table, "max_snapshot_age_in_ms", kBigint);
    for (const auto& [ref_name, ref] : metadata.refs) {
      table.rows.push_back({Value::Varchar(ref_name), Value::Varchar(ref.is_branch ? "BRANCH" : "TAG"),
                            Value::Bigint(ref.snapshot_id), OptionalBigint(ref.max_ref_age_ms),
                            OptionalInteger(ref.min_snapshots_to_keep), OptionalBigint(ref.max_snapshot_age_ms)});
    }
    return table;
  }
  if (name == "metadata_log_entries") {
    AddColumn(table, "timestamp", kTimestamp);
    AddColumn(table, "file", kVarchar);
    AddColumn(table, "latest_snapshot_id", kBigint);
    AddColumn(table, "latest_schema_id", kInteger);
    AddColumn(table, "latest_sequence_number", kBigint);
    auto add = [&](int64_t timestamp_ms, const std::string& file, std::optional<int32_t> schema_id) {
      SnapshotPtr latest = metadata.SnapshotAsOf(timestamp_ms);
      table.rows.push_back({Millis(timestamp_ms), Value::Varchar(file),
                            OptionalBigint(latest ? std::optional<int64_t>(latest->snapshot_id) : std::nullopt),
                            OptionalInteger(schema_id),
                            OptionalBigint(latest ? std::optional<int64_t>(latest->sequence_number) : std::nullopt)});
    };
    for (const MetadataLogEntry& entry : metadata.metadata_log) {
      if (!entry.file.empty()) add(entry.timestamp_ms, entry.file, std::nullopt);
    }
    add(metadata.last_updated_ms, metadata_location, metadata.current_schema_id);
    return table;
  }

  UnifiedPartition partition = MakeUnifiedPartition(metadata);
  if (name == "manifests") {
    AddColumn(table, "content", kInteger);
    AddColumn(table, "path", kVarchar);
    AddColumn(table, "length", kBigint);
    AddColumn(table, "partition_spec_id", kInteger);
    AddColumn(table, "added_snapshot_id", kBigint);
    AddColumn(table, "added_data_files_count", kInteger);
    AddColumn(table, "existing_data_files_count", kInteger);
    AddColumn(table, "deleted_data_files_count", kInteger);
    AddColumn(table, "added_delete_files_count", kInteger);
    AddColumn(table, "existing_delete_files_count", kInteger);
    AddColumn(table, "deleted_delete_files_count", kInteger);
    LogicalType summary_type = LogicalType::Row({{"contains_null", kBoolean}, {"contains_nan", kBoolean},
                                                 {"lower_bound", kVarchar}, {"upper_bound", kVarchar}});
    AddColumn(table, "partition_summaries", LogicalType::Array(summary_type));
    if (!snapshot) return table;
    SB_ASSIGN_OR_RETURN(std::vector<ManifestFile> manifests, SnapshotManifests(*snapshot, io));
    for (const ManifestFile& manifest : manifests) {
      bool data = manifest.content == ManifestContent::kData;
      auto count = [&](std::optional<int32_t> v, bool mine) { return mine ? OptionalInteger(v) : Value::Integer(0); };
      std::vector<Value> summaries;
      PartitionSpecPtr spec = metadata.SpecById(manifest.spec_id);
      TypePtr partition_type = spec ? spec->PartitionType(*metadata.CurrentSchema()) : nullptr;
      for (size_t i = 0; i < manifest.partitions.size(); ++i) {
        const PartitionFieldSummary& summary = manifest.partitions[i];
        auto bound = [&](const std::optional<std::string>& bytes) -> Value {
          if (!bytes || !partition_type || i >= partition_type->fields.size()) return Value::Null(kVarchar);
          const Type& type = *partition_type->fields[i].type;
          Result<Value> value = DeserializeBinary(*bytes, type);
          if (!value.ok()) return Value::Null(kVarchar);
          return Value::Varchar(spec->fields[i].transform.HumanString(*value, type));
        };
        summaries.push_back(Value::Row(summary_type, {Value::Boolean(summary.contains_null),
                                                      summary.contains_nan ? Value::Boolean(*summary.contains_nan)
                                                                           : Value::Null(kBoolean),
                                                      bound(summary.lower_bound), bound(summary.upper_bound)}));
      }
      table.rows.push_back({Value::Integer(static_cast<int32_t>(manifest.content)), Value::Varchar(manifest.path),
                            Value::Bigint(manifest.length), Value::Integer(manifest.spec_id),
                            Value::Bigint(manifest.added_snapshot_id), count(manifest.added_files_count, data),
                            count(manifest.existing_files_count, data), count(manifest.deleted_files_count, data),
                            count(manifest.added_files_count, !data), count(manifest.existing_files_count, !data),
                            count(manifest.deleted_files_count, !data), Value::Array(summary_type, std::move(summaries))});
    }
    return table;
  }

  if (name == "files" || name == "entries") {
    bool entries_table = name == "entries";
    std::vector<std::pair<std::string, LogicalType>> file_fields = {
        {"content", kInteger}, {"file_path", kVarchar}, {"file_format", kVarchar}, {"spec_id", kInteger}};
    if (!partition.empty()) file_fields.emplace_back("partition", partition.row_type);
    std::vector<std::pair<std::string, LogicalType>> rest = {
        {"record_count", kBigint},
        {"file_size_in_bytes", kBigint},
        {"column_sizes", LogicalType::Map(kInteger, kBigint)},
        {"value_counts", LogicalType::Map(kInteger, kBigint)},
        {"null_value_counts", LogicalType::Map(kInteger, kBigint)},
        {"nan_value_counts", LogicalType::Map(kInteger, kBigint)},
        {"lower_bounds", LogicalType::Map(kInteger, LogicalType(TypeId::kVarbinary))},
        {"upper_bounds", LogicalType::Map(kInteger, LogicalType(TypeId::kVarbinary))},
        {"key_metadata", LogicalType(TypeId::kVarbinary)},
        {"split_offsets", LogicalType::Array(kBigint)},
        {"equality_ids", LogicalType::Array(kInteger)},
        {"sort_order_id", kInteger}};
    file_fields.insert(file_fields.end(), rest.begin(), rest.end());
    LogicalType file_row = LogicalType::Row(file_fields);
    if (entries_table) {
      AddColumn(table, "status", kInteger);
      AddColumn(table, "snapshot_id", kBigint);
      AddColumn(table, "sequence_number", kBigint);
      AddColumn(table, "file_sequence_number", kBigint);
      AddColumn(table, "data_file", file_row);
    } else {
      for (const auto& [field_name, type] : file_fields) AddColumn(table, field_name, type);
    }
    SB_ASSIGN_OR_RETURN(auto manifests, ReadAll(snapshot, io));
    for (const auto& [manifest, entries] : manifests) {
      for (const ManifestEntry& entry : entries) {
        if (!entries_table && entry.status == EntryStatus::kDeleted) continue;
        const DataFile& file = *entry.file;
        std::vector<Value> values = {Value::Integer(static_cast<int32_t>(file.content)), Value::Varchar(file.file_path),
                                     Value::Varchar(file.file_format), Value::Integer(file.spec_id)};
        if (!partition.empty()) values.push_back(partition.ValueOf(metadata, file));
        std::vector<Value> offsets;
        for (int64_t offset : file.split_offsets) offsets.push_back(Value::Bigint(offset));
        std::vector<Value> ids;
        for (int32_t id : file.equality_ids) ids.push_back(Value::Integer(id));
        std::vector<Value> more = {
            Value::Bigint(file.record_count), Value::Bigint(file.file_size_in_bytes), IntMap(file.column_sizes),
            IntMap(file.value_counts), IntMap(file.null_value_counts), IntMap(file.nan_value_counts),
            BytesMap(file.lower_bounds), BytesMap(file.upper_bounds),
            file.key_metadata ? Value::Varbinary(*file.key_metadata) : Value::Null(LogicalType(TypeId::kVarbinary)),
            file.split_offsets.empty() ? Value::Null(LogicalType::Array(kBigint)) : Value::Array(kBigint, std::move(offsets)),
            file.equality_ids.empty() ? Value::Null(LogicalType::Array(kInteger)) : Value::Array(kInteger, std::move(ids)),
            OptionalInteger(file.sort_order_id)};
        values.insert(values.end(), more.begin(), more.end());
        if (entries_table) {
          table.rows.push_back({Value::Integer(static_cast<int32_t>(entry.status)), OptionalBigint(entry.snapshot_id),
                                OptionalBigint(entry.sequence_number), OptionalBigint(entry.file_sequence_number),
                                Value::Row(file_row, std::move(values))});
        } else {
          table.rows.push_back(std::move(values));
        }
      }
    }
    return table;
  }

  if (name == "partitions") {
    if (!partition.empty()) {
      AddColumn(table, "partition", partition.row_type);
      AddColumn(table, "spec_id", kInteger);
    }
    for (const char* column : {"record_count", "file_count", "total_data_file_size_in_bytes",
                               "position_delete_record_count", "position_delete_file_count",
                               "equality_delete_record_count", "equality_delete_file_count"}) {
      AddColumn(table, column, std::string_view(column) == "file_count" || EndsWith(column, "file_count") ? kInteger : kBigint);
    }
    AddColumn(table, "last_updated_at", kTimestamp);
    AddColumn(table, "last_updated_snapshot_id", kBigint);
    struct Totals {
      Value partition;
      int32_t spec_id = 0;
      int64_t counts[7] = {0, 0, 0, 0, 0, 0, 0};
      int64_t updated_ms = -1;
      int64_t updated_snapshot = 0;
    };
    std::vector<Totals> groups;
    std::map<std::string, size_t> index;
    SB_ASSIGN_OR_RETURN(auto manifests, ReadAll(snapshot, io));
    for (const auto& [manifest, entries] : manifests) {
      for (const ManifestEntry& entry : entries) {
        if (entry.status == EntryStatus::kDeleted) continue;
        const DataFile& file = *entry.file;
        Value partition_value = partition.empty() ? Value() : partition.ValueOf(metadata, file);
        std::string key = partition.empty() ? "" : partition_value.ToString() + "\x1f" + std::to_string(file.spec_id);
        auto [it, inserted] = index.emplace(key, groups.size());
        if (inserted) groups.push_back(Totals{partition_value, file.spec_id});
        Totals& totals = groups[it->second];
        switch (file.content) {
          case FileContent::kData:
            totals.counts[0] += file.record_count;
            totals.counts[1] += 1;
            totals.counts[2] += file.file_size_in_bytes;
            break;
          case FileContent::kPositionDeletes:
            totals.counts[3] += file.record_count;
            totals.counts[4] += 1;
            break;
          case FileContent::kEqualityDeletes:
            totals.counts[5] += file.record_count;
            totals.counts[6] += 1;
            break;
        }
        SnapshotPtr added = entry.snapshot_id ? metadata.SnapshotById(*entry.snapshot_id) : nullptr;
        if (added && added->timestamp_ms > totals.updated_ms) {
          totals.updated_ms = added->timestamp_ms;
          totals.updated_snapshot = added->snapshot_id;
        }
      }
    }
    for (const Totals& totals : groups) {
      std::vector<Value> row;
      if (!partition.empty()) {
        row.push_back(totals.partition);
        row.push_back(Value::Integer(totals.spec_id));
      }
      for (int i = 0; i < 7; ++i) {
        row.push_back(i == 1 || i == 4 || i == 6 ? Value::Integer(static_cast<int32_t>(totals.counts[i]))
                                                 : Value::Bigint(totals.counts[i]));
      }
      row.push_back(totals.updated_ms >= 0 ? Millis(totals.updated_ms) : Value::Null(kTimestamp));
      row.push_back(totals.updated_ms >= 0 ? Value::Bigint(totals.updated_snapshot) : Value::Null(kBigint));
      table.rows.push_back(std::move(row));
    }
    return table;
  }
  return Error{ErrorCode::kUndefinedTable,
               fmt::format("'{}' is not a metadata table{}", raw_name, DidYouMean(name, MetadataTableNames()))};
}

}  // namespace switchboard::iceberg
