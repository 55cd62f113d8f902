// RowDelta: the row-level changes of one DELETE, UPDATE or MERGE on an Iceberg table (row
// positions to delete in the data files the statement read, and new rows), written and committed
// as one snapshot in the mode the table's properties choose: copy-on-write rewrites the changed
// data files; merge-on-read writes position delete files (format v2) or deletion vectors (v3).
// Files whose every row goes are dropped from the table without writing anything.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/data_writer.h"
#include "table/iceberg/snapshot_producer.h"
#include "table/iceberg/table_commit.h"
#include "types/data_chunk.h"

namespace switchboard::iceberg {

enum class RowChangeOperation : uint8_t { kDelete, kUpdate, kMerge };

enum class RowChangeMode : uint8_t { kCopyOnWrite, kMergeOnRead };

/// The mode write.delete.mode, write.update.mode or write.merge.mode asks for (copy-on-write when
/// unset, and always for format v1, which has no delete files). Errors: kInvalidParameter.
Result<RowChangeMode> RowChangeModeFor(const TableMetadata& metadata, RowChangeOperation operation);

/// Reads the live rows (deletes applied) of the data files `paths` of `snapshot`, in the current
/// schema, passing each batch to `consume`; with `with_positions` a last bigint column holds each
/// row's position in its file. Errors: those of the scan and of `consume`.
Result<void> ReadLiveRows(const TableState& state, const FileIO& io, SnapshotPtr snapshot,
                          std::set<std::string> paths, bool with_positions,
                          const std::function<Result<void>(DataChunk& rows)>& consume);

/// Not thread-safe. Files written for a change that is never committed are deleted when the
/// RowDelta goes away.
class RowDelta {
 public:
  /// `state` and `snapshot` (nullptr for an empty table) are what the statement read.
  RowDelta(std::shared_ptr<TableOperations> operations, TableState state, SnapshotPtr snapshot,
           RowChangeOperation operation);
  ~RowDelta();

  /// Deletes rows `positions` of data file `path`, a file of the snapshot read.
  void DeletePositions(const std::string& path, const std::vector<int64_t>& positions);
  /// Adds rows whose columns are the current schema's top-level fields. Errors: as
  /// PartitionedWriter::Write.
  Result<void> Insert(const DataChunk& rows);
  /// Writes the delete files or rewritten data files and commits. Errors: kCommitConflict when a
  /// concurrent commit conflicts (IsolationLevel of write.<operation>.isolation-level), kIoError,
  /// kInvalidParameter for invalid mode properties.
  Result<TableState> Commit();

 private:
  Result<PartitionedWriter*> Writer();
  Result<void> RewriteDataFile(const DataFile& file, const std::vector<int64_t>& dropped);
  Result<void> WritePositionDeletes(
      const std::vector<std::pair<const DataFile*, std::vector<int64_t>>>& files,
      FileChanges& changes);
  Result<void> WriteDeletionVectors(
      const std::vector<std::pair<const DataFile*, std::vector<int64_t>>>& files,
      FileChanges& changes);
  void Abort();

  std::shared_ptr<TableOperations> operations_;
  TableState state_;
  SnapshotPtr snapshot_;
  RowChangeOperation operation_;
  std::map<std::string, std::vector<int64_t>> deleted_;
  std::unique_ptr<PartitionedWriter> writer_;
  /// Delete files written (data files are the writer's).
  std::vector<std::string> written_;
  bool committed_ = false;
};

}  // namespace switchboard::iceberg
