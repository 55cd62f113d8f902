// ParquetWriter: row group assembly, column chunk and bloom filter placement, page index and
// footer, and the metrics Close reports.
#include "format/parquet/parquet_writer.h"

#include <algorithm>

#include "format/parquet/codec.h"
#include "format/parquet/record_shredder.h"

namespace switchboard::parquet {

namespace {

constexpr char kMagic[] = "PAR1";

bool LessValue(const Value& a, const Value& b) {
  switch (a.type().physical_type()) {
    case PhysicalType::kFloat:
    case PhysicalType::kDouble:
      return a.GetDouble() < b.GetDouble();
    case PhysicalType::kString:
      return a.GetString() < b.GetString();
    case PhysicalType::kUInt128:
      return a.GetUuid() < b.GetUuid();
    case PhysicalType::kTimestampTz:
      return a.GetTimestampTz().micros < b.GetTimestampTz().micros;
    case PhysicalType::kBool:
      return a.GetBoolean() < b.GetBoolean();
    case PhysicalType::kInt128:
      return a.GetInt128() < b.GetInt128();
    default:
      return a.GetInt64() < b.GetInt64();
  }
}

}  // namespace

ParquetWriter::~ParquetWriter() = default;

Result<std::unique_ptr<ParquetWriter>> ParquetWriter::Open(std::unique_ptr<WritableFile> file,
                                                           std::vector<ParquetWriterField> fields,
                                                           ParquetWriterOptions options) {
  if (!Codec::CanCompress(options.codec)) {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("cannot write Parquet with codec {}", CodecName(options.codec))};
  }
  if (options.data_page_version != 1 && options.data_page_version != 2) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("data page version {} (must be 1 or 2)", options.data_page_version)};
  }
  if (options.row_group_max_rows <= 0 || options.page_max_rows <= 0 ||
      options.page_max_bytes <= 0 || options.row_group_max_bytes <= 0) {
    return Error{ErrorCode::kInvalidParameter, "row group and page limits must be positive"};
  }
  std::unique_ptr<ParquetWriter> writer(new ParquetWriter());
  writer->file_ = std::move(file);
  writer->options_ = std::move(options);
  SB_ASSIGN_OR_RETURN(writer->schema_, WriterSchema::Make(fields));
  const ParquetWriterOptions& o = writer->options_;
  const std::vector<WriterLeaf>& leaves = writer->schema_.leaves();
  for (const WriterLeaf& leaf : leaves) {
    ColumnWriterOptions column;
    column.codec = o.codec;
    column.compression_level = o.compression_level;
    column.page_max_bytes = o.page_max_bytes;
    column.page_max_rows = o.page_max_rows;
    column.dictionary = o.dictionary;
    column.dictionary_max_bytes = o.dictionary_max_bytes;
    column.dictionary_max_entries = std::max<int64_t>(o.row_group_max_rows / 5, 1024);
    column.fallback_encoding = o.fallback_encoding;
    column.data_page_version = o.data_page_version;
    column.page_checksums = o.page_checksums;
    column.statistics = o.write_statistics;
    column.statistics_truncate_length = o.statistics_truncate_length;
    column.page_index = o.write_page_index;
    column.bloom_filter_fpp = o.bloom_filter_fpp;
    std::string path = leaf.column.PathString();
    for (const std::string& name : o.bloom_filter_columns) {
      if (name == path || name == leaf.column.path[0]) column.bloom_filter = true;
    }
    writer->writers_.push_back(ColumnWriter::Make(leaf, column));
    ParquetColumnMetrics metrics;
    metrics.field_id = leaf.column.field_id;
    metrics.path = leaf.column.path;
    if (leaf.input_type.id() == TypeId::kReal || leaf.input_type.id() == TypeId::kDouble) {
      metrics.nan_count = 0;
    }
    writer->metrics_.push_back(std::move(metrics));
  }
  const ParquetSchema& schema = writer->schema_.schema();
  for (size_t f = 0; f < schema.fields().size(); ++f) {
    const ParquetField& field = schema.fields()[f];
    if (field.kind == ParquetField::Kind::kPrimitive) {
      writer->shredders_.push_back(nullptr);
      continue;
    }
    auto [first, last] = schema.LeafRange(static_cast<int>(f));
    std::vector<ColumnWriter*> column_writers;
    for (int leaf = first; leaf < last; ++leaf) {
      column_writers.push_back(writer->writers_[static_cast<size_t>(leaf)].get());
    }
    writer->shredders_.push_back(
        std::make_unique<RecordShredder>(field, std::move(column_writers)));
  }
  writer->metadata_.version = 1;
  writer->metadata_.schema = writer->schema_.elements();
  writer->metadata_.key_value_metadata = writer->options_.key_value_metadata;
  writer->metadata_.created_by = writer->options_.created_by;
  writer->metadata_.column_orders.emplace(leaves.size(), ColumnOrder::kTypeDefined);
  SB_RETURN_IF_ERROR(writer->file_->Append(kMagic, 4));
  return writer;
}

Result<std::unique_ptr<ParquetWriter>> ParquetWriter::Open(const std::string& path,
                                                           std::vector<ParquetWriterField> fields,
                                                           ParquetWriterOptions options) {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(path));
  SB_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file,
                      fs->OpenForWrite(path, WriteMode::kOverwrite));
  return Open(std::move(file), std::move(fields), std::move(options));
}

Result<void> ParquetWriter::Write(const DataChunk& chunk) {
  if (closed_) return Error{ErrorCode::kInvalidState, "the Parquet writer is closed"};
  const std::vector<ParquetWriterField>& fields = schema_.fields();
  if (chunk.ColumnCount() != fields.size()) {
    return Error{ErrorCode::kInvalidParameter, fmt::format("chunk has {} columns, the file {}",
                                                           chunk.ColumnCount(), fields.size())};
  }
  std::vector<Vector> columns;
  columns.reserve(fields.size());
  for (size_t c = 0; c < fields.size(); ++c) {
    const Vector& source = chunk.column(c);
    if (source.type() != fields[c].type) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("column '{}' is {} but the chunk holds {}", fields[c].name,
                               fields[c].type.ToString(), source.type().ToString())};
    }
    Vector column = source;
    column.Flatten(chunk.size());
    columns.push_back(std::move(column));
  }
  idx_t begin = 0;
  while (begin < chunk.size()) {
    auto room = static_cast<idx_t>(options_.row_group_max_rows - rows_in_group_);
    idx_t end = std::min<idx_t>(chunk.size(), begin + room);
    SB_RETURN_IF_ERROR(WriteRows(columns, begin, end));
    rows_in_group_ += static_cast<int64_t>(end - begin);
    begin = end;
    int64_t buffered = 0;
    for (const auto& writer : writers_) buffered += writer->buffered_bytes();
    if (rows_in_group_ >= options_.row_group_max_rows || buffered >= options_.row_group_max_bytes) {
      SB_RETURN_IF_ERROR(FlushRowGroup());
    }
  }
  return Ok();
}

Result<void> ParquetWriter::WriteRows(const std::vector<Vector>& columns, idx_t begin, idx_t end) {
  const ParquetSchema& schema = schema_.schema();
  for (size_t f = 0; f < columns.size(); ++f) {
    Result<void> result = Ok();
    if (shredders_[f]) {
      result = shredders_[f]->Shred(columns[f], begin, end);
    } else {
      result = writers_[static_cast<size_t>(schema.fields()[f].leaf_index)]->AppendFlat(columns[f],
                                                                                        begin, end);
    }
    if (!result.ok()) {
      Error error = std::move(result).error();
      error.message = fmt::format("writing column '{}' of '{}': {}", schema.fields()[f].name,
                                  file_->path(), error.message);
      return error;
    }
  }
  return Ok();
}

Result<void> ParquetWriter::WriteBytes(const std::vector<uint8_t>& bytes) {
  return file_->Append(bytes.data(), bytes.size());
}

Result<void> ParquetWriter::FlushRowGroup() {
  if (rows_in_group_ == 0) return Ok();
  RowGroup group;
  group.num_rows = rows_in_group_;
  group.file_offset = file_->position();
  group.ordinal = static_cast<int16_t>(std::min<size_t>(metadata_.row_groups.size(), INT16_MAX));
  std::vector<std::optional<ColumnIndex>> column_indexes;
  std::vector<OffsetIndex> offset_indexes;
  std::vector<std::optional<BloomFilter>> blooms;
  int64_t total_compressed = 0;
  for (size_t i = 0; i < writers_.size(); ++i) {
    SB_ASSIGN_OR_RETURN(FinishedColumnChunk finished, writers_[i]->Finish(*file_));
    const ColumnMetaData& meta = *finished.chunk.meta_data;
    group.total_byte_size += meta.total_uncompressed_size;
    total_compressed += meta.total_compressed_size;
    ParquetColumnMetrics& metrics = metrics_[i];
    metrics.value_count += meta.num_values;
    metrics.null_count += finished.null_count;
    if (metrics.nan_count && finished.nan_count) *metrics.nan_count += *finished.nan_count;
    metrics.column_size += meta.total_compressed_size;
    if (finished.min && (!metrics.lower_bound || LessValue(*finished.min, *metrics.lower_bound))) {
      metrics.lower_bound = finished.min;
    }
    if (finished.max && (!metrics.upper_bound || LessValue(*metrics.upper_bound, *finished.max))) {
      metrics.upper_bound = finished.max;
    }
    group.columns.push_back(std::move(finished.chunk));
    column_indexes.push_back(std::move(finished.column_index));
    offset_indexes.push_back(std::move(finished.offset_index));
    blooms.push_back(std::move(finished.bloom_filter));
  }
  group.total_compressed_size = total_compressed;
  // Bloom filters follow the row group's column chunks.
  for (size_t i = 0; i < blooms.size(); ++i) {
    if (!blooms[i]) continue;
    std::vector<uint8_t> bytes;
    blooms[i]->Serialize(bytes);
    ColumnMetaData& meta = *group.columns[i].meta_data;
    meta.bloom_filter_offset = file_->position();
    meta.bloom_filter_length = static_cast<int32_t>(bytes.size());
    SB_RETURN_IF_ERROR(WriteBytes(bytes));
  }
  total_rows_ += rows_in_group_;
  rows_in_group_ = 0;
  metadata_.row_groups.push_back(std::move(group));
  column_indexes_.push_back(std::move(column_indexes));
  offset_indexes_.push_back(std::move(offset_indexes));
  return Ok();
}

int64_t ParquetWriter::EstimatedSize() const {
  int64_t size = file_->position();
  for (const auto& writer : writers_) size += writer->buffered_bytes();
  return size;
}

Result<ParquetWriteResult> ParquetWriter::Close() {
  if (closed_) return Error{ErrorCode::kInvalidState, "the Parquet writer is already closed"};
  closed_ = true;
  SB_RETURN_IF_ERROR(FlushRowGroup());
  // The page index: every column index, then every offset index.
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    for (size_t c = 0; c < column_indexes_[g].size(); ++c) {
      if (!options_.write_page_index || !column_indexes_[g][c]) continue;
      std::vector<uint8_t> bytes;
      SerializeThrift(*column_indexes_[g][c], bytes);
      ColumnChunk& chunk = metadata_.row_groups[g].columns[c];
      chunk.column_index_offset = file_->position();
      chunk.column_index_length = static_cast<int32_t>(bytes.size());
      SB_RETURN_IF_ERROR(WriteBytes(bytes));
    }
  }
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    for (size_t c = 0; c < offset_indexes_[g].size(); ++c) {
      if (!options_.write_page_index) continue;
      std::vector<uint8_t> bytes;
      SerializeThrift(offset_indexes_[g][c], bytes);
      ColumnChunk& chunk = metadata_.row_groups[g].columns[c];
      chunk.offset_index_offset = file_->position();
      chunk.offset_index_length = static_cast<int32_t>(bytes.size());
      SB_RETURN_IF_ERROR(WriteBytes(bytes));
    }
  }
  metadata_.num_rows = total_rows_;
  std::vector<uint8_t> footer;
  SerializeThrift(metadata_, footer);
  auto length = static_cast<uint32_t>(footer.size());
  for (int i = 0; i < 4; ++i) footer.push_back(static_cast<uint8_t>(length >> (8 * i)));
  footer.insert(footer.end(), kMagic, kMagic + 4);
  SB_RETURN_IF_ERROR(WriteBytes(footer));
  ParquetWriteResult result;
  result.row_count = total_rows_;
  result.file_size = file_->position();
  result.columns = metrics_;
  for (const RowGroup& group : metadata_.row_groups)
    result.split_offsets.push_back(*group.file_offset);
  SB_RETURN_IF_ERROR(file_->Close());
  return result;
}

}  // namespace switchboard::parquet
