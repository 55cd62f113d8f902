// Row-level changes committed as one snapshot: copy-on-write rewrites, position delete files and
// deletion vectors.
#include "table/iceberg/row_delta.h"

#include <algorithm>

#include "common/json_writer.h"
#include "common/string_util.h"
#include "format/parquet/parquet_writer.h"
#include "table/iceberg/deletion_vector.h"
#include "table/iceberg/iceberg_scan.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

constexpr int32_t kDeleteFilePathId = 2147483546;
constexpr int32_t kDeletePositionId = 2147483545;
constexpr int32_t kRowPositionId = 2147483645;
constexpr int64_t kPositionMask = (int64_t{1} << kRowIdPositionBits) - 1;

const char* OperationName(RowChangeOperation operation) {
  switch (operation) {
    case RowChangeOperation::kDelete:
      return "delete";
    case RowChangeOperation::kUpdate:
      return "update";
    case RowChangeOperation::kMerge:
      return "merge";
  }
  return "delete";
}

/// Where delete files of a table go: beside its data files.
Result<std::string> DeleteFileFolder(const TableMetadata& metadata, const DataFile& file) {
  SB_ASSIGN_OR_RETURN(DataWriterOptions options, WriterOptionsFor(metadata));
  std::string folder = options.data_location;
  // Delete files sit in the folder of the data files they apply to.
  size_t slash = file.file_path.rfind('/');
  if (slash != std::string::npos && StartsWith(file.file_path, folder))
    folder = file.file_path.substr(0, slash);
  return folder;
}

std::string Uint32Le(uint32_t value) {
  std::string bytes(4, '\0');
  for (int i = 0; i < 4; ++i) bytes[i] = static_cast<char>((value >> (8 * i)) & 0xff);
  return bytes;
}

}  // namespace

Result<RowChangeMode> RowChangeModeFor(const TableMetadata& metadata,
                                       RowChangeOperation operation) {
  std::string key = fmt::format("write.{}.mode", OperationName(operation));
  std::string value = ToLower(metadata.Property(key));
  RowChangeMode mode = RowChangeMode::kCopyOnWrite;
  if (value == "merge-on-read") {
    mode = RowChangeMode::kMergeOnRead;
  } else if (!value.empty() && value != "copy-on-write") {
    return Error{
        ErrorCode::kInvalidParameter,
        fmt::format("Table property '{}' must be 'copy-on-write' or 'merge-on-read', not '{}'", key,
                    value)};
  }
  return metadata.format_version < 2 ? RowChangeMode::kCopyOnWrite : mode;
}

RowDelta::RowDelta(std::shared_ptr<TableOperations> operations, TableState state,
                   SnapshotPtr snapshot, RowChangeOperation operation)
    : operations_(std::move(operations)),
      state_(std::move(state)),
      snapshot_(std::move(snapshot)),
      operation_(operation) {}

RowDelta::~RowDelta() {
  if (!committed_) Abort();
}

void RowDelta::Abort() {
  if (writer_) writer_->Abort();
  for (const std::string& path : written_) (void)operations_->io().Delete(path);
  written_.clear();
}

void RowDelta::DeletePositions(const std::string& path, const std::vector<int64_t>& positions) {
  std::vector<int64_t>& list = deleted_[path];
  list.insert(list.end(), positions.begin(), positions.end());
}

Result<PartitionedWriter*> RowDelta::Writer() {
  if (writer_) return writer_.get();
  const TableMetadata& metadata = *state_.metadata;
  SB_ASSIGN_OR_RETURN(DataWriterOptions options, WriterOptionsFor(metadata));
  SB_ASSIGN_OR_RETURN(
      writer_, PartitionedWriter::Make(metadata.CurrentSchema(), metadata.DefaultSpec(),
                                       metadata.SortOrderById(metadata.default_sort_order_id),
                                       operations_->io(), std::move(options)));
  return writer_.get();
}

Result<void> RowDelta::Insert(const DataChunk& rows) {
  SB_ASSIGN_OR_RETURN(PartitionedWriter * writer, Writer());
  return writer->Write(rows);
}

Result<void> ReadLiveRows(const TableState& state, const FileIO& io, SnapshotPtr snapshot,
                          std::set<std::string> paths, bool with_positions,
                          const std::function<Result<void>(DataChunk& rows)>& consume) {
  SB_ASSIGN_OR_RETURN(
      std::shared_ptr<IcebergScanData> data,
      MakeScanData(state.metadata, io, std::move(snapshot), state.metadata->CurrentSchema()));
  data->only_files = std::move(paths);
  TableScanRequest request;
  request.bind_data = data.get();
  request.query = nullptr;
  for (idx_t c = 0; c < data->types.size(); ++c) request.column_ids.push_back(c);
  std::vector<LogicalType> types = data->types;
  if (with_positions) {
    request.column_ids.push_back(kRowIdColumn);
    types.emplace_back(TypeId::kBigint);
  }
  try {
    const TableFunction& scan = IcebergScanFunction();
    std::unique_ptr<GlobalTableState> global = scan.init_global(request);
    std::unique_ptr<LocalTableState> local = scan.init_local(request, *global);
    DataChunk chunk;
    chunk.Initialize(types);
    while (true) {
      chunk.Reset();
      scan.scan(request, *global, *local, chunk);
      if (chunk.size() == 0) break;
      if (with_positions) {
        // Row ids carry the file's ordinal in their high bits; keep the position only.
        Vector& ids = chunk.column(types.size() - 1);
        ids.Flatten(chunk.size());
        int64_t* values = ids.data<int64_t>();
        for (idx_t i = 0; i < chunk.size(); ++i) values[i] &= kPositionMask;
      }
      SB_RETURN_IF_ERROR(consume(chunk));
    }
  } catch (const Exception& e) {
    return e.error();
  }
  return Ok();
}

Result<void> RowDelta::RewriteDataFile(const DataFile& file, const std::vector<int64_t>& dropped) {
  SB_ASSIGN_OR_RETURN(PartitionedWriter * writer, Writer());
  std::vector<LogicalType> types;
  SelectionVector kept(kVectorSize);
  return ReadLiveRows(state_, operations_->io(), snapshot_, {file.file_path}, true,
                      [&](DataChunk& chunk) -> Result<void> {
                        const int64_t* positions =
                            chunk.column(chunk.ColumnCount() - 1).data<int64_t>();
                        idx_t count = 0;
                        for (idx_t i = 0; i < chunk.size(); ++i) {
                          if (!std::binary_search(dropped.begin(), dropped.end(), positions[i]))
                            kept.set_index(count++, i);
                        }
                        if (count == 0) return Ok();
                        if (types.empty()) {
                          for (idx_t c = 0; c + 1 < chunk.ColumnCount(); ++c)
                            types.push_back(chunk.column(c).type());
                        }
                        DataChunk rows;
                        rows.Initialize(types, 0);
                        for (idx_t c = 0; c < types.size(); ++c) rows.column(c) = chunk.column(c);
                        rows.SetSize(chunk.size());
                        rows.Slice(kept, count);
                        return writer->Write(rows);
                      });
}

Result<void> RowDelta::WritePositionDeletes(
    const std::vector<std::pair<const DataFile*, std::vector<int64_t>>>& files,
    FileChanges& changes) {
  // One position delete file per partition, rows ordered by file path and position.
  std::map<std::pair<int32_t, std::string>,
           std::vector<const std::pair<const DataFile*, std::vector<int64_t>>*>>
      groups;
  for (const auto& entry : files)
    groups[{entry.first->spec_id, PartitionKey(*entry.first)}].push_back(&entry);
  const TableMetadata& metadata = *state_.metadata;
  SB_ASSIGN_OR_RETURN(DataWriterOptions options, WriterOptionsFor(metadata));
  std::vector<parquet::ParquetWriterField> fields = {
      parquet::ParquetWriterField("file_path", LogicalType(TypeId::kVarchar), false,
                                  kDeleteFilePathId),
      parquet::ParquetWriterField("pos", LogicalType(TypeId::kBigint), false, kDeletePositionId)};
  for (auto& [key, group] : groups) {
    std::sort(group.begin(), group.end(),
              [](auto* a, auto* b) { return a->first->file_path < b->first->file_path; });
    const DataFile& first = *group.front()->first;
    SB_ASSIGN_OR_RETURN(std::string folder, DeleteFileFolder(metadata, first));
    std::string path = JoinPath(folder, fmt::format("delete-{}.parquet", FormatUuid(RandomUuid())));
    SB_ASSIGN_OR_RETURN(auto output,
                        operations_->io().OpenForWrite(path, WriteMode::kCreateIfAbsent));
    written_.push_back(path);
    SB_ASSIGN_OR_RETURN(auto writer,
                        parquet::ParquetWriter::Open(std::move(output), fields, options.parquet));
    int64_t rows = 0;
    DataChunk chunk;
    chunk.Initialize({LogicalType(TypeId::kVarchar), LogicalType(TypeId::kBigint)});
    for (const auto* entry : group) {
      for (int64_t position : entry->second) {
        if (chunk.size() == kVectorSize) {
          SB_RETURN_IF_ERROR(writer->Write(chunk));
          chunk.Reset();
        }
        chunk.column(0).SetValue(chunk.size(), Value::Varchar(entry->first->file_path));
        chunk.column(1).data<int64_t>()[chunk.size()] = position;
        chunk.SetSize(chunk.size() + 1);
        ++rows;
      }
    }
    if (chunk.size() > 0) SB_RETURN_IF_ERROR(writer->Write(chunk));
    SB_ASSIGN_OR_RETURN(parquet::ParquetWriteResult result, writer->Close());
    auto file = std::make_shared<DataFile>();
    file->content = FileContent::kPositionDeletes;
    file->file_path = path;
    file->partition = first.partition;
    file->spec_id = first.spec_id;
    file->record_count = rows;
    file->file_size_in_bytes = result.file_size;
    if (group.size() == 1) file->referenced_data_file = first.file_path;
    changes.added_delete_files.push_back(std::move(file));
  }
  return Ok();
}

Result<void> RowDelta::WriteDeletionVectors(
    const std::vector<std::pair<const DataFile*, std::vector<int64_t>>>& files,
    FileChanges& changes) {
  // One Puffin file holding a deletion-vector-v1 blob per data file.
  const TableMetadata& metadata = *state_.metadata;
  SB_ASSIGN_OR_RETURN(std::string folder, DeleteFileFolder(metadata, *files.front().first));
  std::string path = JoinPath(folder, fmt::format("dv-{}.puffin", FormatUuid(RandomUuid())));
  std::string contents = "PFA1";
  std::string blobs_json;
  std::vector<std::shared_ptr<DataFile>> vectors;
  for (const auto& [data_file, positions] : files) {
    std::string blob = EncodeDeletionVector(positions);
    auto file = std::make_shared<DataFile>();
    file->content = FileContent::kPositionDeletes;
    file->file_format = "PUFFIN";
    file->file_path = path;
    file->partition = data_file->partition;
    file->spec_id = data_file->spec_id;
    file->record_count = static_cast<int64_t>(positions.size());
    file->referenced_data_file = data_file->file_path;
    file->content_offset = static_cast<int64_t>(contents.size());
    file->content_size_in_bytes = static_cast<int64_t>(blob.size());
    std::string referenced;
    AppendJsonQuoted(referenced, data_file->file_path);
    if (!blobs_json.empty()) blobs_json += ",";
    blobs_json += fmt::format(
        R"({{"type":"deletion-vector-v1","fields":[{}],"snapshot-id":-1,"sequence-number":-1,"offset":{},"length":{},)"
        R"("properties":{{"referenced-data-file":{},"cardinality":"{}"}}}})",
        kRowPositionId, contents.size(), blob.size(), referenced, positions.size());
    contents += blob;
    vectors.push_back(std::move(file));
  }
  std::string footer =
      fmt::format(R"({{"blobs":[{}],"properties":{{"created-by":"switchboard"}}}})", blobs_json);
  contents +=
      "PFA1" + footer + Uint32Le(static_cast<uint32_t>(footer.size())) + Uint32Le(0) + "PFA1";
  written_.push_back(path);
  SB_RETURN_IF_ERROR(operations_->io().WriteFile(path, contents, WriteMode::kCreateIfAbsent));
  for (auto& file : vectors) {
    file->file_size_in_bytes = static_cast<int64_t>(contents.size());
    changes.added_delete_files.push_back(std::move(file));
  }
  return Ok();
}

Result<TableState> RowDelta::Commit() {
  const TableMetadata& metadata = *state_.metadata;
  SB_ASSIGN_OR_RETURN(RowChangeMode mode, RowChangeModeFor(metadata, operation_));
  SB_ASSIGN_OR_RETURN(IsolationLevel isolation,
                      IsolationLevelProperty(metadata, fmt::format("write.{}.isolation-level",
                                                                   OperationName(operation_))));
  FileChanges changes;
  std::vector<std::pair<const DataFile*, std::vector<int64_t>>> delete_positions;
  ScanPlan plan;
  if (!deleted_.empty()) {
    SB_CHECK(snapshot_ != nullptr, "rows deleted from a table without a snapshot");
    SB_ASSIGN_OR_RETURN(plan, PlanScan(metadata, *snapshot_, *metadata.CurrentSchema(),
                                       operations_->io(), {}, nullptr));
    std::map<std::string, const FileScanTask*> tasks;
    for (const FileScanTask& task : plan.tasks) tasks[task.file->file_path] = &task;
    for (auto& [path, positions] : deleted_) {
      std::sort(positions.begin(), positions.end());
      positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
      auto found = tasks.find(path);
      SB_CHECK(found != tasks.end(), "deleted rows of '{}', which the snapshot read does not hold",
               path);
      const FileScanTask& task = *found->second;
      const DataFile& file = *task.file;
      changes.MarkChanged(file);
      SB_ASSIGN_OR_RETURN(std::vector<int64_t> already,
                          DeletedPositions(operations_->io(), file, task.deletes));
      std::vector<int64_t> all;
      std::set_union(already.begin(), already.end(), positions.begin(), positions.end(),
                     std::back_inserter(all));
      bool has_equality_deletes = std::any_of(
          task.deletes.begin(), task.deletes.end(),
          [](const DataFilePtr& d) { return d->content == FileContent::kEqualityDeletes; });
      bool whole_file =
          !has_equality_deletes && static_cast<int64_t>(all.size()) >= file.record_count;
      bool rewrite = whole_file || mode == RowChangeMode::kCopyOnWrite;
      if (rewrite || metadata.format_version >= 3) {
        // The file's own deletion vectors go with it (or are replaced by a merged one).
        for (const DataFilePtr& deletes : task.deletes) {
          if (deletes->IsDeletionVector()) changes.removed_files.insert(FileIdentity(*deletes));
        }
      }
      if (whole_file) {
        changes.removed_files.insert(FileIdentity(file));  // metadata only
      } else if (rewrite) {
        SB_RETURN_IF_ERROR(RewriteDataFile(file, positions));
        changes.removed_files.insert(FileIdentity(file));
      } else {
        delete_positions.emplace_back(&file,
                                      metadata.format_version >= 3 ? std::move(all) : positions);
      }
    }
    if (!delete_positions.empty()) {
      if (metadata.format_version >= 3) {
        SB_RETURN_IF_ERROR(WriteDeletionVectors(delete_positions, changes));
      } else {
        SB_RETURN_IF_ERROR(WritePositionDeletes(delete_positions, changes));
      }
    }
  }
  if (writer_) {
    SB_ASSIGN_OR_RETURN(changes.added_data_files, writer_->Finish());
  }
  if (changes.empty()) {
    committed_ = true;
    return state_;
  }
  bool removes = !changes.removed_files.empty() || !changes.added_delete_files.empty();
  const char* snapshot_operation = !removes                           ? "append"
                                   : changes.added_data_files.empty() ? "delete"
                                                                      : "overwrite";
  std::optional<int64_t> read_snapshot;
  if (snapshot_) read_snapshot = snapshot_->snapshot_id;
  SnapshotProducer producer(operations_->io(), snapshot_operation, std::move(changes),
                            read_snapshot, isolation);
  Result<TableState> committed =
      CommitTable(*operations_, [&](const TableState& base) { return producer.Apply(base); });
  if (!committed.ok()) {
    producer.Abort();
    return committed.error();
  }
  committed_ = true;
  return committed;
}

}  // namespace switchboard::iceberg
