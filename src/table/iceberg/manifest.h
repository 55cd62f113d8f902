// Manifest lists (the manifests of a snapshot) and manifests (the data and delete files of a
// snapshot with their partition values and column metrics), read and written as the Avro files
// of format v1, v2 and v3, with sequence-number, snapshot-id and first-row-id inheritance.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/partition_spec.h"
#include "table/iceberg/schema.h"
#include "types/value.h"

namespace switchboard::iceberg {

enum class ManifestContent : uint8_t { kData = 0, kDeletes = 1 };

/// What a manifest list says about one partition field of a manifest's files.
struct PartitionFieldSummary {
  bool contains_null = true;
  std::optional<bool> contains_nan;
  /// Binary single-value bounds of the non-NULL, non-NaN partition values.
  std::optional<std::string> lower_bound;
  std::optional<std::string> upper_bound;
};

/// One entry of a manifest list.
struct ManifestFile {
  std::string path;
  int64_t length = 0;
  /// -1 for a manifest a v1 snapshot lists inline (its own metadata names the spec).
  int32_t spec_id = 0;
  ManifestContent content = ManifestContent::kData;
  /// Assigned when the list is written; 0 for v1.
  int64_t sequence_number = 0;
  int64_t min_sequence_number = 0;
  int64_t added_snapshot_id = 0;
  std::optional<int32_t> added_files_count;
  std::optional<int32_t> existing_files_count;
  std::optional<int32_t> deleted_files_count;
  std::optional<int64_t> added_rows_count;
  std::optional<int64_t> existing_rows_count;
  std::optional<int64_t> deleted_rows_count;
  std::vector<PartitionFieldSummary> partitions;
  std::optional<std::string> key_metadata;
  std::optional<int64_t> first_row_id;
};

enum class FileContent : uint8_t { kData = 0, kPositionDeletes = 1, kEqualityDeletes = 2 };

/// A data or delete file. Metrics maps are keyed by field id; a missing key means unknown.
struct DataFile {
  FileContent content = FileContent::kData;
  std::string file_path;
  std::string file_format = "PARQUET";
  /// Partition values in the order of the spec's fields, as engine values.
  std::vector<Value> partition;
  int32_t spec_id = 0;
  int64_t record_count = 0;
  int64_t file_size_in_bytes = 0;
  std::map<int32_t, int64_t> column_sizes;
  std::map<int32_t, int64_t> value_counts;
  std::map<int32_t, int64_t> null_value_counts;
  std::map<int32_t, int64_t> nan_value_counts;
  std::map<int32_t, std::string> lower_bounds;
  std::map<int32_t, std::string> upper_bounds;
  std::optional<std::string> key_metadata;
  std::vector<int64_t> split_offsets;
  std::vector<int32_t> equality_ids;
  std::optional<int32_t> sort_order_id;
  std::optional<int64_t> first_row_id;
  std::optional<std::string> referenced_data_file;
  std::optional<int64_t> content_offset;
  std::optional<int64_t> content_size_in_bytes;

  bool IsDeletionVector() const { return content == FileContent::kPositionDeletes && content_offset.has_value(); }
};

using DataFilePtr = std::shared_ptr<const DataFile>;

enum class EntryStatus : uint8_t { kExisting = 0, kAdded = 1, kDeleted = 2 };

/// A manifest entry. After ReadManifest, inherited values are filled in.
struct ManifestEntry {
  EntryStatus status = EntryStatus::kAdded;
  std::optional<int64_t> snapshot_id;
  /// The data sequence number (for applying deletes) and the file sequence number.
  std::optional<int64_t> sequence_number;
  std::optional<int64_t> file_sequence_number;
  DataFilePtr file;
};

/// Reads a snapshot's manifest list. Errors: kIoError; kCorruptData for files that are not
/// manifest lists (missing required fields, wrong types).
Result<std::vector<ManifestFile>> ReadManifestList(const FileIO& io, const std::string& path);

/// Reads a manifest and applies inheritance from its manifest list entry. Partition values are
/// engine values of the types the manifest's Avro schema gives them. Errors: as
/// ReadManifestList.
Result<std::vector<ManifestEntry>> ReadManifest(const FileIO& io, const ManifestFile& manifest);

/// Writes a manifest holding `entries` (their files' spec_id must be `spec.spec_id`) and returns
/// its manifest list entry (sequence numbers to be assigned by the list). New entries should have
/// no sequence numbers so that they inherit them. Errors: kIoError, kInvalidParameter for values
/// that do not fit the partition type.
Result<ManifestFile> WriteManifest(const FileIO& io, const std::string& path, int format_version,
                                   const Schema& schema, const PartitionSpec& spec, ManifestContent content,
                                   int64_t snapshot_id, const std::vector<ManifestEntry>& entries);

/// Writes a manifest list. Manifests without a sequence number (sequence_number < 0) get
/// `sequence_number`; in v3, data manifests without a first_row_id are assigned one from
/// `first_row_id` upwards, and the return value is the next unassigned row id.
Result<int64_t> WriteManifestList(const FileIO& io, const std::string& path, int format_version,
                                  int64_t snapshot_id, std::optional<int64_t> parent_id, int64_t sequence_number,
                                  int64_t first_row_id, std::vector<ManifestFile>& manifests);

}  // namespace switchboard::iceberg
