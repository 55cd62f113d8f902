// IcebergTable: an Iceberg table (or one version of it) as a catalog table entry: its scan, its
// appender (partitioned Parquet writers committed as one snapshot), time travel, metadata tables
// and storage details.
#pragma once

#include <memory>
#include <mutex>

#include "catalog/catalog.h"
#include "table/iceberg/iceberg_scan.h"
#include "table/iceberg/row_delta.h"
#include "table/iceberg/table_commit.h"

namespace switchboard {

class IcebergTable : public TableEntry {
 public:
  /// The table at `state`; `snapshot` (and `schema`) select an older version for time travel,
  /// which is read-only. nullptr `snapshot` means the current one.
  IcebergTable(QualifiedName name, std::shared_ptr<iceberg::TableOperations> operations, iceberg::TableState state,
               iceberg::SnapshotPtr snapshot = nullptr, iceberg::SchemaPtr schema = nullptr, bool read_only = false);

  TableFunction ScanFunction() const override;
  std::shared_ptr<const FunctionData> ScanBindData() const override;
  std::optional<double> EstimatedRows() const override;

  /// Rows appended from any number of threads are written by parallel writers and committed as
  /// one snapshot (an overwrite replaces every row). Throws kNotSupported for an old version.
  std::unique_ptr<TableAppender> CreateAppender(bool overwrite) override;
  /// Row-level changes (issue 7): committed as one snapshot by iceberg::RowDelta in the mode the
  /// table's write.*.mode properties choose. Throws kNotSupported for an old version,
  /// kCommitConflict when a concurrent commit conflicts.
  void DeleteRows(const std::vector<int64_t>& row_ids) override;
  void UpdateRows(const std::vector<int64_t>& row_ids, const std::vector<idx_t>& column_ids,
                  const ChunkCollection& values) override;
  bool UpdateNeedsAllColumns() const override { return true; }
  void MergeRows(const std::vector<int64_t>& deleted_row_ids, const ChunkCollection& inserted_rows) override;
  std::shared_ptr<const FunctionData> RowChangeScanBindData() const override;

  std::shared_ptr<TableEntry> AtVersion(const Value& version) const override;
  std::shared_ptr<TableEntry> AtTimestamp(int64_t timestamp_micros) const override;
  std::shared_ptr<TableEntry> MetadataTable(const std::string& name) const override;
  TableStorage Storage() const override;

  const iceberg::TableState& state() const { return state_; }
  const std::shared_ptr<iceberg::TableOperations>& operations() const { return operations_; }

 private:
  iceberg::SnapshotPtr Snapshot() const;
  /// Deletes the rows `deleted_row_ids` (from the RowChangeScanBindData scan) and adds the rows
  /// of `inserted` (all columns, in order; may be null), in one commit.
  void ApplyRowChanges(iceberg::RowChangeOperation operation, const std::vector<int64_t>& deleted_row_ids,
                       const std::vector<const DataChunk*>& inserted);

  std::shared_ptr<iceberg::TableOperations> operations_;
  iceberg::TableState state_;
  iceberg::SnapshotPtr snapshot_;
  iceberg::SchemaPtr schema_;
  bool read_only_;
  /// The data files of the last RowChangeScanBindData scan, which its row ids refer to.
  mutable std::mutex change_scan_mutex_;
  mutable std::shared_ptr<iceberg::ScanFileRegistry> change_scan_files_;
};

}  // namespace switchboard
