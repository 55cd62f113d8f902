// Iceberg tables as catalog entries, and their appender.
#include "catalog/iceberg_table.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "catalog/memory_catalog.h"
#include "common/string_util.h"
#include "table/iceberg/data_writer.h"
#include "table/iceberg/iceberg_scan.h"
#include "table/iceberg/metadata_tables.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

using iceberg::TableState;

/// Writes appended rows with one PartitionedWriter per concurrently appending thread, and commits
/// all their files as one snapshot. Uncommitted files are deleted when the appender goes away.
class IcebergAppender : public TableAppender {
 public:
  IcebergAppender(std::shared_ptr<iceberg::TableOperations> operations, TableState state, bool overwrite)
      : operations_(std::move(operations)), state_(std::move(state)), overwrite_(overwrite) {}

  ~IcebergAppender() override {
    if (!committed_) {
      for (auto& writer : writers_) writer->Abort();
    }
  }

  void Append(const DataChunk& chunk) override {
    iceberg::PartitionedWriter* writer = Take();
    Result<void> written = writer->Write(chunk);
    Give(writer);
    std::move(written).ValueOrThrow();
  }

  void Commit() override {
    std::vector<iceberg::DataFilePtr> files;
    for (auto& writer : writers_) {
      std::vector<iceberg::DataFilePtr> written = writer->Finish().ValueOrThrow();
      files.insert(files.end(), written.begin(), written.end());
    }
    if (files.empty() && !overwrite_) {
      committed_ = true;
      return;
    }
    iceberg::AppendFiles append(operations_->io(), std::move(files), overwrite_, state_.metadata->current_snapshot_id);
    Result<TableState> committed =
        iceberg::CommitTable(*operations_, [&](const TableState& base) { return append.Apply(base); });
    if (!committed.ok()) {
      append.Abort();
      throw Exception(committed.error());
    }
    committed_ = true;
  }

 private:
  iceberg::PartitionedWriter* Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      iceberg::PartitionedWriter* writer = idle_.back();
      idle_.pop_back();
      return writer;
    }
    const iceberg::TableMetadata& metadata = *state_.metadata;
    iceberg::DataWriterOptions options = iceberg::WriterOptionsFor(metadata).ValueOrThrow();
    options.writer_id = static_cast<int32_t>(writers_.size());
    writers_.push_back(iceberg::PartitionedWriter::Make(metadata.CurrentSchema(), metadata.DefaultSpec(),
                                                        metadata.SortOrderById(metadata.default_sort_order_id),
                                                        operations_->io(), std::move(options))
                           .ValueOrThrow());
    return writers_.back().get();
  }

  void Give(iceberg::PartitionedWriter* writer) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(writer);
  }

  std::shared_ptr<iceberg::TableOperations> operations_;
  TableState state_;
  bool overwrite_;
  bool committed_ = false;
  std::mutex mutex_;
  std::vector<std::unique_ptr<iceberg::PartitionedWriter>> writers_;
  std::vector<iceberg::PartitionedWriter*> idle_;
};

}  // namespace

IcebergTable::IcebergTable(QualifiedName table_name, std::shared_ptr<iceberg::TableOperations> operations,
                           TableState state, iceberg::SnapshotPtr snapshot, iceberg::SchemaPtr schema, bool read_only)
    : operations_(std::move(operations)),
      state_(std::move(state)),
      snapshot_(std::move(snapshot)),
      schema_(std::move(schema)),
      read_only_(read_only) {
  name = std::move(table_name);
  if (!schema_) schema_ = snapshot_ ? state_.metadata->SchemaFor(*snapshot_) : state_.metadata->CurrentSchema();
  for (const iceberg::NestedField& field : schema_->fields()) {
    ColumnDefinition column;
    column.name = field.name;
    column.type = iceberg::ToLogicalType(*field.type).ValueOrThrow();
    column.nullable = !field.required;
    column.default_value = field.write_default;
    column.comment = field.doc;
    columns.push_back(std::move(column));
  }
  comment = state_.metadata->Property("comment");
}

iceberg::SnapshotPtr IcebergTable::Snapshot() const {
  return snapshot_ ? snapshot_ : state_.metadata->CurrentSnapshot();
}

TableFunction IcebergTable::ScanFunction() const { return iceberg::IcebergScanFunction(); }

std::shared_ptr<const FunctionData> IcebergTable::ScanBindData() const {
  auto data = iceberg::MakeScanData(state_.metadata, operations_->io(), Snapshot(), schema_).ValueOrThrow();
  data->display_name = name.ToString();
  return data;
}

std::optional<double> IcebergTable::EstimatedRows() const {
  iceberg::SnapshotPtr snapshot = Snapshot();
  if (!snapshot) return 0.0;
  std::string records = snapshot->Summary("total-records");
  if (records.empty()) return std::nullopt;
  return std::strtod(records.c_str(), nullptr);
}

std::unique_ptr<TableAppender> IcebergTable::CreateAppender(bool overwrite) {
  if (read_only_) SB_THROW(kNotSupported, "An earlier version of table '{}' cannot be changed", name.ToString());
  return std::make_unique<IcebergAppender>(operations_, state_, overwrite);
}

std::shared_ptr<const FunctionData> IcebergTable::RowChangeScanBindData() const {
  auto data = iceberg::MakeScanData(state_.metadata, operations_->io(), Snapshot(), schema_).ValueOrThrow();
  data->display_name = name.ToString();
  std::lock_guard<std::mutex> lock(change_scan_mutex_);
  change_scan_files_ = data->files;
  return data;
}

void IcebergTable::ApplyRowChanges(iceberg::RowChangeOperation operation, const std::vector<int64_t>& deleted_row_ids,
                                   const std::vector<const DataChunk*>& inserted) {
  if (read_only_) SB_THROW(kNotSupported, "An earlier version of table '{}' cannot be changed", name.ToString());
  iceberg::RowDelta delta(operations_, state_, Snapshot(), operation);
  if (!deleted_row_ids.empty()) {
    std::map<int64_t, std::vector<int64_t>> by_file;
    constexpr int64_t kPositionMask = (int64_t{1} << iceberg::kRowIdPositionBits) - 1;
    for (int64_t id : deleted_row_ids) by_file[id >> iceberg::kRowIdPositionBits].push_back(id & kPositionMask);
    std::lock_guard<std::mutex> lock(change_scan_mutex_);
    SB_CHECK(change_scan_files_ != nullptr, "row ids of '{}' without a row-change scan", name.ToString());
    for (const auto& [ordinal, positions] : by_file) {
      std::string path = change_scan_files_->PathOf(ordinal);
      SB_CHECK(!path.empty(), "row id of an unknown data file of '{}'", name.ToString());
      delta.DeletePositions(path, positions);
    }
  }
  for (const DataChunk* rows : inserted) delta.Insert(*rows).ValueOrThrow();
  delta.Commit().ValueOrThrow();
}

void IcebergTable::DeleteRows(const std::vector<int64_t>& row_ids) {
  ApplyRowChanges(iceberg::RowChangeOperation::kDelete, row_ids, {});
}

void IcebergTable::UpdateRows(const std::vector<int64_t>& row_ids, const std::vector<idx_t>& column_ids,
                              const ChunkCollection& values) {
  // The binder passes every column (UpdateNeedsAllColumns), in assignment order.
  SB_CHECK(column_ids.size() == columns.size(), "UPDATE of '{}' without every column", name.ToString());
  std::vector<DataChunk> rows(values.ChunkCount());
  std::vector<const DataChunk*> inserted;
  for (idx_t i = 0; i < values.ChunkCount(); ++i) {
    const DataChunk& chunk = values.chunk(i);
    rows[i].Initialize(ColumnTypes(), 0);
    for (idx_t c = 0; c < column_ids.size(); ++c) rows[i].column(column_ids[c]) = chunk.column(c);
    rows[i].SetSize(chunk.size());
    inserted.push_back(&rows[i]);
  }
  ApplyRowChanges(iceberg::RowChangeOperation::kUpdate, row_ids, inserted);
}

void IcebergTable::MergeRows(const std::vector<int64_t>& deleted_row_ids, const ChunkCollection& inserted_rows) {
  std::vector<const DataChunk*> inserted;
  for (idx_t i = 0; i < inserted_rows.ChunkCount(); ++i) inserted.push_back(&inserted_rows.chunk(i));
  ApplyRowChanges(iceberg::RowChangeOperation::kMerge, deleted_row_ids, inserted);
}

std::shared_ptr<TableEntry> IcebergTable::AtVersion(const Value& version) const {
  const iceberg::TableMetadata& metadata = *state_.metadata;
  iceberg::SnapshotPtr snapshot;
  if (!version.is_null() && version.type().IsIntegral()) {
    snapshot = metadata.SnapshotById(version.GetInt64());
  } else if (!version.is_null() && version.type().IsString()) {
    const std::string& text = version.GetString();
    auto ref = metadata.refs.find(text);
    if (ref != metadata.refs.end()) {
      snapshot = metadata.SnapshotById(ref->second.snapshot_id);
    } else if (!text.empty() && std::all_of(text.begin(), text.end(), ::isdigit)) {
      snapshot = metadata.SnapshotById(std::strtoll(text.c_str(), nullptr, 10));
    }
  } else {
    SB_THROW(kInvalidParameter, "A version must be a snapshot id or a branch or tag name, not {}", version.ToSqlLiteral());
  }
  if (!snapshot) {
    SB_THROW(kInvalidParameter, "Table '{}' has no snapshot, branch or tag {}", name.ToString(), version.ToSqlLiteral());
  }
  return std::make_shared<IcebergTable>(name, operations_, state_, snapshot, metadata.SchemaFor(*snapshot), true);
}

std::shared_ptr<TableEntry> IcebergTable::AtTimestamp(int64_t timestamp_micros) const {
  const iceberg::TableMetadata& metadata = *state_.metadata;
  iceberg::SnapshotPtr snapshot = metadata.SnapshotAsOf(FloorDiv(timestamp_micros, 1000));
  if (!snapshot) {
    SB_THROW(kInvalidParameter, "Table '{}' has no snapshot as old as {} UTC", name.ToString(),
             Timestamp::Format(timestamp_micros, 6));
  }
  return std::make_shared<IcebergTable>(name, operations_, state_, snapshot, metadata.SchemaFor(*snapshot), true);
}

std::shared_ptr<TableEntry> IcebergTable::MetadataTable(const std::string& table) const {
  const auto& names = iceberg::MetadataTableNames();
  std::string lower = ToLower(table);
  if (std::find(names.begin(), names.end(), lower) == names.end()) return nullptr;
  iceberg::SnapshotPtr snapshot = Snapshot();
  iceberg::MetadataTableRows rows = iceberg::ReadMetadataTable(lower, *state_.metadata, state_.metadata_location,
                                                               operations_->io(), snapshot.get())
                                        .ValueOrThrow();
  std::vector<ColumnDefinition> definitions;
  for (size_t i = 0; i < rows.names.size(); ++i) {
    ColumnDefinition column;
    column.name = rows.names[i];
    column.type = rows.types[i];
    definitions.push_back(std::move(column));
  }
  auto entry = CreateMemoryTable(QualifiedName{name.catalog, name.schema, name.name + "$" + lower}, std::move(definitions));
  std::unique_ptr<TableAppender> appender = entry->CreateAppender(false);
  DataChunk chunk;
  chunk.Initialize(rows.types);
  for (const auto& row : rows.rows) {
    if (chunk.size() == kVectorSize) {
      appender->Append(chunk);
      chunk.Reset();
    }
    for (size_t c = 0; c < row.size(); ++c) chunk.column(c).SetValue(chunk.size(), row[c]);
    chunk.SetSize(chunk.size() + 1);
  }
  if (chunk.size() > 0) appender->Append(chunk);
  appender->Commit();
  return entry;
}

TableStorage IcebergTable::Storage() const {
  const iceberg::TableMetadata& metadata = *state_.metadata;
  TableStorage storage;
  storage.format = "iceberg";
  storage.location = metadata.location;
  storage.partitioning = metadata.DefaultSpec()->ToSql(*metadata.CurrentSchema());
  if (const iceberg::SortOrder* order = metadata.SortOrderById(metadata.default_sort_order_id)) {
    for (const iceberg::SortField& field : order->fields) {
      const iceberg::NestedField* source = metadata.CurrentSchema()->FindField(field.source_id);
      std::string column = source ? source->name : fmt::format("#{}", field.source_id);
      if (field.transform.kind != iceberg::Transform::Kind::kIdentity) column = field.transform.ToString() + "(" + column + ")";
      storage.sort_order.push_back(fmt::format("{} {} NULLS {}", column, field.ascending ? "ASC" : "DESC",
                                               field.nulls_first ? "FIRST" : "LAST"));
    }
  }
  for (const auto& [key, value] : metadata.properties) storage.properties.emplace_back(key, value);
  storage.details.emplace_back("Format version", std::to_string(metadata.format_version));
  storage.details.emplace_back("Table UUID", metadata.table_uuid);
  storage.details.emplace_back("Metadata location", state_.metadata_location);
  iceberg::SnapshotPtr snapshot = Snapshot();
  storage.details.emplace_back("Current snapshot", snapshot ? std::to_string(snapshot->snapshot_id) : "none");
  storage.details.emplace_back("Snapshots", std::to_string(metadata.snapshots.size()));
  return storage;
}

}  // namespace switchboard
