// TableMetadata: the contents of an Iceberg metadata JSON file (format v1, v2 and v3): schemas,
// partition specs, sort orders, properties, snapshots and their log, refs (branches and tags);
// parsing (plain or gzip) and writing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "table/iceberg/partition_spec.h"
#include "table/iceberg/schema.h"

namespace switchboard::iceberg {

/// Highest format version read and written.
constexpr int kMaxFormatVersion = 3;

struct Snapshot {
  int64_t snapshot_id = 0;
  std::optional<int64_t> parent_id;
  /// 0 for v1 tables.
  int64_t sequence_number = 0;
  int64_t timestamp_ms = 0;
  /// The manifest list; empty for v1 snapshots that list `manifests` inline.
  std::string manifest_list;
  std::vector<std::string> manifests;
  /// The summary in its original order ("operation" first).
  std::vector<std::pair<std::string, std::string>> summary;
  std::optional<int32_t> schema_id;
  /// v3 row lineage.
  std::optional<int64_t> first_row_id;
  std::optional<int64_t> added_rows;

  /// The summary value for `key`, or "".
  std::string Summary(std::string_view key) const;
  std::string Operation() const { return Summary("operation"); }
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

/// A branch or tag.
struct SnapshotRef {
  int64_t snapshot_id = 0;
  bool is_branch = true;
  std::optional<int32_t> min_snapshots_to_keep;
  std::optional<int64_t> max_snapshot_age_ms;
  std::optional<int64_t> max_ref_age_ms;
};

struct SnapshotLogEntry {
  int64_t timestamp_ms = 0;
  int64_t snapshot_id = 0;
};

struct MetadataLogEntry {
  int64_t timestamp_ms = 0;
  std::string file;
};

/// One version of a table's metadata. A value type: changes copy it and commit the copy.
struct TableMetadata {
  int format_version = 2;
  std::string table_uuid;
  std::string location;
  int64_t last_sequence_number = 0;
  int64_t last_updated_ms = 0;
  int32_t last_column_id = 0;
  std::vector<SchemaPtr> schemas;
  int32_t current_schema_id = 0;
  std::vector<PartitionSpecPtr> specs;
  int32_t default_spec_id = 0;
  int32_t last_partition_id = kFirstPartitionFieldId - 1;
  std::map<std::string, std::string> properties;
  std::optional<int64_t> current_snapshot_id;
  std::vector<SnapshotPtr> snapshots;
  std::vector<SnapshotLogEntry> snapshot_log;
  std::vector<MetadataLogEntry> metadata_log;
  std::vector<SortOrder> sort_orders;
  int32_t default_sort_order_id = 0;
  std::map<std::string, SnapshotRef> refs;
  /// v3: the first row id of the next snapshot.
  std::optional<int64_t> next_row_id;
  /// Table and partition statistics, kept as the JSON text they were read as.
  std::string statistics_json;
  std::string partition_statistics_json;

  /// The current schema (every parsed or built metadata has one).
  const SchemaPtr& CurrentSchema() const;
  SchemaPtr SchemaById(int32_t schema_id) const;
  /// The schema a snapshot was written with (its schema-id, else the current schema).
  SchemaPtr SchemaFor(const Snapshot& snapshot) const;
  PartitionSpecPtr SpecById(int32_t spec_id) const;
  const PartitionSpecPtr& DefaultSpec() const;
  const SortOrder* SortOrderById(int32_t order_id) const;
  SnapshotPtr SnapshotById(int64_t snapshot_id) const;
  SnapshotPtr CurrentSnapshot() const;
  /// The snapshot that was current at `timestamp_ms` per the snapshot log (the last entry at
  /// or before it), else by snapshot timestamps along the current branch; nullptr when none.
  SnapshotPtr SnapshotAsOf(int64_t timestamp_ms) const;
  std::string Property(const std::string& key, const std::string& fallback = "") const;
  int64_t IntProperty(const std::string& key, int64_t fallback) const;
};

/// Parses a metadata file's contents (gzip-compressed or not). `what` names it in errors.
/// Errors: kCorruptData for invalid JSON, missing required fields, values of the wrong kind,
/// dangling ids (current schema, default spec, snapshots of refs); kNotSupported for a format
/// version above kMaxFormatVersion.
Result<TableMetadata> ParseTableMetadata(std::string_view contents, std::string_view what);

/// The JSON text of `metadata` in the form of its format version (v1 also writes the deprecated
/// single-schema fields).
std::string SerializeTableMetadata(const TableMetadata& metadata);

/// Schema and partition spec JSON, as table metadata and manifest headers hold them.
std::string SchemaToJson(const Schema& schema);
Result<SchemaPtr> ParseSchemaJson(std::string_view json, std::string_view what);
/// The fields array of a spec (manifests' "partition-spec" key).
std::string PartitionFieldsToJson(const PartitionSpec& spec);

/// A name mapping (the `schema.name-mapping.default` property): names of columns in data files
/// without field ids, mapped to field ids.
struct NameMapping {
  struct Field {
    std::optional<int32_t> field_id;
    std::vector<std::string> names;
    std::vector<Field> fields;
  };
  std::vector<Field> fields;

  /// The field id that top-level column `name` maps to (nested lookups go through `fields`).
  static std::optional<int32_t> Find(const std::vector<Field>& fields, std::string_view name);
};

/// Errors: kCorruptData.
Result<NameMapping> ParseNameMapping(std::string_view json);
/// A mapping from each field's current name, for tables whose files were written without ids.
std::string NameMappingToJson(const Schema& schema);

/// Decompresses gzip data (metadata files may be gzip-compressed). Errors: kCorruptData.
Result<std::string> Gunzip(std::string_view data, int64_t limit);
/// Whether `data` starts with the gzip magic.
bool IsGzip(std::string_view data);
/// gzip-compresses `data` (for `write.metadata.compression-codec=gzip`).
std::string Gzip(std::string_view data);

}  // namespace switchboard::iceberg
