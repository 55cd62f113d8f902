// Scan planning: the data files of a snapshot that a filter needs, found from the manifest list
// and manifests alone (manifests pruned by partition summaries, files by partition values and
// column bounds), each with the delete files that apply to it under the sequence-number rules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/predicate.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/manifest.h"
#include "table/iceberg/table_metadata.h"

namespace switchboard {
class ThreadPool;
}

namespace switchboard::iceberg {

/// One conjunct of a scan filter on a top-level primitive column (by field id). The predicate's
/// `column` is not used; its constants are engine values comparable with the column's type.
struct ScanPredicate {
  int32_t field_id = 0;
  parquet::ParquetPredicate predicate;
};

/// A data file to read and the deletes to apply to it.
struct FileScanTask {
  DataFilePtr file;
  int64_t data_sequence_number = 0;
  /// Deletion vectors, position delete files and equality delete files that apply (a deletion
  /// vector replaces the position delete files of its data file).
  std::vector<DataFilePtr> deletes;
};

/// What planning read and skipped, for EXPLAIN ANALYZE.
struct ScanPlanStats {
  int64_t manifests = 0;
  int64_t manifests_skipped = 0;
  int64_t data_files = 0;
  int64_t data_files_skipped = 0;
  int64_t delete_files = 0;
};

struct ScanPlan {
  std::vector<FileScanTask> tasks;
  ScanPlanStats stats;
};

/// Plans a scan of `snapshot`. `schema` types the predicates' columns (the snapshot's schema or
/// the current one). Column metrics are not used for tables with a name mapping: files without
/// field ids may map columns differently now than when their metrics were taken. Manifests are read in parallel on `pool` when given. Errors: kIoError and
/// kCorruptData from the metadata files, naming them.
Result<ScanPlan> PlanScan(const TableMetadata& metadata, const Snapshot& snapshot, const Schema& schema,
                          const FileIO& io, const std::vector<ScanPredicate>& predicates, ThreadPool* pool);

/// The manifests of a snapshot: its manifest list, or the manifests a v1 snapshot lists inline.
Result<std::vector<ManifestFile>> SnapshotManifests(const Snapshot& snapshot, const FileIO& io);

/// Whether `predicates` can be true for some row of `file`: by partition values under its spec,
/// then (with `use_metrics`) by column metrics.
bool FileMayMatch(const DataFile& file, const PartitionSpec& spec, const Schema& schema,
                  const std::vector<ScanPredicate>& predicates, bool use_metrics);

}  // namespace switchboard::iceberg
