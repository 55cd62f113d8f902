// Partitioned, size-rolled, optionally sorted Parquet data file writing with Iceberg metrics.
#include "table/iceberg/data_writer.h"

#include <algorithm>
#include <charconv>

#include "common/string_util.h"
#include "table/iceberg/value_codec.h"
#include "types/chunk_collection.h"

namespace switchboard::iceberg {

namespace {

constexpr size_t kBoundLength = 16;

parquet::ParquetWriterField WriterField(const NestedField& field) {
  parquet::ParquetWriterField out(field.name, ToLogicalType(*field.type).ValueOrThrow(), !field.required, field.id);
  if (field.type->IsNested()) {
    for (const NestedField& child : field.type->fields) out.children.push_back(WriterField(child));
  }
  return out;
}

void CollectBoundedIds(const std::vector<NestedField>& fields, std::vector<int32_t>& out) {
  for (const NestedField& field : fields) {
    if (field.type->kind == TypeKind::kStruct) CollectBoundedIds(field.type->fields, out);
    else if (field.type->IsPrimitive()) out.push_back(field.id);
  }
}

/// Java's URLEncoder form of a partition path component.
std::string EscapePathComponent(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '*' || c == '_') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

Result<parquet::CompressionCodec> CodecNamed(const std::string& name) {
  std::string lower = ToLower(name);
  if (lower == "zstd") return parquet::CompressionCodec::kZstd;
  if (lower == "snappy") return parquet::CompressionCodec::kSnappy;
  if (lower == "gzip") return parquet::CompressionCodec::kGzip;
  if (lower == "lz4") return parquet::CompressionCodec::kLz4Raw;
  if (lower == "brotli") return parquet::CompressionCodec::kBrotli;
  if (lower == "uncompressed" || lower == "none") return parquet::CompressionCodec::kUncompressed;
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("write.parquet.compression-codec '{}' is not one of zstd, snappy, gzip, lz4, brotli, "
                           "uncompressed", name)};
}

Result<int64_t> PositiveProperty(const TableMetadata& metadata, const std::string& key, int64_t fallback) {
  std::string text = metadata.Property(key);
  if (text.empty()) return fallback;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
    return Error{ErrorCode::kInvalidParameter, fmt::format("Table property {} = '{}' is not a positive integer", key, text)};
  }
  return value;
}

}  // namespace

struct PartitionedWriter::Partition {
  std::vector<Value> values;
  std::string path;
  std::unique_ptr<parquet::ParquetWriter> writer;
  std::string file_path;
  std::unique_ptr<ChunkCollection> buffered;
};

std::optional<std::string> TruncatedBound(const Value& value, const Type& type, bool upper) {
  if (type.kind == TypeKind::kBinary || type.kind == TypeKind::kFixed) {
    std::string bytes = value.GetString();
    if (bytes.size() <= kBoundLength) return bytes;
    bytes.resize(kBoundLength);
    if (!upper) return bytes;
    while (!bytes.empty()) {
      auto last = static_cast<unsigned char>(bytes.back());
      if (last != 0xff) {
        bytes.back() = static_cast<char>(last + 1);
        return bytes;
      }
      bytes.pop_back();
    }
    return std::nullopt;
  }
  if (type.kind != TypeKind::kString) return SerializeBinary(value, type);
  const std::string& text = value.GetString();
  std::vector<size_t> starts;  // byte offset of each code point
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= kBoundLength) return text;
  std::string prefix = text.substr(0, starts[kBoundLength]);
  if (!upper) return prefix;
  // Increment the last code point that can be incremented, dropping those after it.
  for (size_t n = kBoundLength; n > 0; --n) {
    size_t begin = starts[n - 1];
    std::string_view cp(prefix.data() + begin, (n < starts.size() ? starts[n] : prefix.size()) - begin);
    char32_t code = 0;
    auto lead = static_cast<unsigned char>(cp[0]);
    int length = lead < 0x80 ? 1 : (lead < 0xe0 ? 2 : (lead < 0xf0 ? 3 : 4));
    code = length == 1 ? lead : (lead & (0xff >> (length + 1)));
    for (int k = 1; k < length && k < static_cast<int>(cp.size()); ++k) code = (code << 6) | (cp[static_cast<size_t>(k)] & 0x3f);
    char32_t next = code + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next > 0x10ffff) continue;
    std::string out = prefix.substr(0, begin);
    if (next < 0x80) {
      out.push_back(static_cast<char>(next));
    } else if (next < 0x800) {
      out.push_back(static_cast<char>(0xc0 | (next >> 6)));
      out.push_back(static_cast<char>(0x80 | (next & 0x3f)));
    } else if (next < 0x10000) {
      out.push_back(static_cast<char>(0xe0 | (next >> 12)));
      out.push_back(static_cast<char>(0x80 | ((next >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (next & 0x3f)));
    } else {
      out.push_back(static_cast<char>(0xf0 | (next >> 18)));
      out.push_back(static_cast<char>(0x80 | ((next >> 12) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | ((next >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (next & 0x3f)));
    }
    return out;
  }
  return std::nullopt;
}

Result<DataWriterOptions> WriterOptionsFor(const TableMetadata& metadata) {
  DataWriterOptions options;
  std::string format = metadata.Property("write.format.default", "parquet");
  if (!EqualsIgnoreCase(format, "parquet")) {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("write.format.default '{}' is not supported: Switchboard writes Parquet data files", format)};
  }
  std::string data_path = metadata.Property("write.data.path");
  options.data_location = data_path.empty() ? JoinPath(metadata.location, "data") : NormalizeLocation(data_path);
  SB_ASSIGN_OR_RETURN(options.target_file_size, PositiveProperty(metadata, "write.target-file-size-bytes", int64_t{512} << 20));
  SB_ASSIGN_OR_RETURN(options.parquet.codec, CodecNamed(metadata.Property("write.parquet.compression-codec", "zstd")));
  std::string level = metadata.Property("write.parquet.compression-level");
  if (!level.empty()) {
    SB_ASSIGN_OR_RETURN(int64_t parsed, PositiveProperty(metadata, "write.parquet.compression-level", 0));
    options.parquet.compression_level = static_cast<int>(std::min<int64_t>(parsed, 22));
  }
  SB_ASSIGN_OR_RETURN(options.parquet.row_group_max_bytes,
                      PositiveProperty(metadata, "write.parquet.row-group-size-bytes", int64_t{128} << 20));
  SB_ASSIGN_OR_RETURN(options.parquet.page_max_bytes, PositiveProperty(metadata, "write.parquet.page-size-bytes", int64_t{1} << 20));
  SB_ASSIGN_OR_RETURN(options.parquet.dictionary_max_bytes,
                      PositiveProperty(metadata, "write.parquet.dict-size-bytes", int64_t{2} << 20));
  return options;
}

Result<std::unique_ptr<PartitionedWriter>> PartitionedWriter::Make(SchemaPtr schema, PartitionSpecPtr spec,
                                                                   const SortOrder* sort_order, FileIO io,
                                                                   DataWriterOptions options) {
  std::unique_ptr<PartitionedWriter> writer(new PartitionedWriter());
  for (const NestedField& field : schema->fields()) {
    SB_ASSIGN_OR_RETURN(LogicalType type, ToLogicalType(*field.type));
    writer->types_.push_back(std::move(type));
    writer->fields_.push_back(WriterField(field));
  }
  CollectBoundedIds(schema->fields(), writer->bounded_ids_);
  std::sort(writer->bounded_ids_.begin(), writer->bounded_ids_.end());
  auto top_level = [&](int32_t id) -> int {
    for (size_t i = 0; i < schema->fields().size(); ++i) {
      if (schema->fields()[i].id == id) return static_cast<int>(i);
    }
    return -1;
  };
  for (const PartitionField& field : spec->fields) {
    int column = top_level(field.source_id);
    if (column < 0) {
      return Error{ErrorCode::kNotSupported,
                   fmt::format("Partition field '{}' has a source that is not a top-level column", field.name)};
    }
    if (field.transform.kind == Transform::Kind::kUnknown) {
      return Error{ErrorCode::kNotSupported,
                   fmt::format("Partition field '{}' uses transform '{}', which cannot be written", field.name,
                               field.transform.text)};
    }
    writer->partition_sources_.push_back(column);
    writer->partition_source_types_.push_back(schema->fields()[static_cast<size_t>(column)].type);
  }
  if (sort_order) {
    for (const SortField& field : sort_order->fields) {
      if (top_level(field.source_id) < 0 || field.transform.kind == Transform::Kind::kUnknown) {
        return Error{ErrorCode::kNotSupported, "Sort fields must be top-level columns with known transforms"};
      }
      writer->sort_fields_.push_back(field);
    }
    if (!sort_order->IsUnsorted()) writer->sort_order_id_ = sort_order->order_id;
  }
  writer->schema_json_ = SchemaToJson(*schema);
  writer->schema_ = std::move(schema);
  writer->spec_ = std::move(spec);
  writer->io_ = std::move(io);
  writer->options_ = std::move(options);
  writer->options_.parquet.key_value_metadata.push_back(parquet::KeyValue{"iceberg.schema", writer->schema_json_});
  writer->file_prefix_ = fmt::format("{:05d}-{}-{}", writer->options_.writer_id, 0, FormatUuid(RandomUuid()));
  return writer;
}

PartitionedWriter::~PartitionedWriter() = default;

Result<PartitionedWriter::Partition*> PartitionedWriter::PartitionFor(const std::string& key,
                                                                      const std::vector<Value>& values) {
  auto it = partitions_.find(key);
  if (it != partitions_.end()) return it->second.get();
  auto partition = std::make_unique<Partition>();
  partition->values = values;
  std::vector<std::string> parts;
  TypePtr partition_type = spec_->PartitionType(*schema_);
  for (size_t i = 0; i < spec_->fields.size(); ++i) {
    const PartitionField& field = spec_->fields[i];
    parts.push_back(EscapePathComponent(field.name) + "=" +
                    EscapePathComponent(field.transform.HumanString(values[i], *partition_type->fields[i].type)));
  }
  partition->path = Join(parts, "/");
  if (!sort_fields_.empty()) partition->buffered = std::make_unique<ChunkCollection>(types_);
  Partition* raw = partition.get();
  partitions_.emplace(key, std::move(partition));
  partition_order_.push_back(raw);
  return raw;
}

Result<void> PartitionedWriter::Write(const DataChunk& chunk) {
  idx_t count = chunk.size();
  if (count == 0) return Ok();
  for (size_t c = 0; c < schema_->fields().size(); ++c) {
    if (!schema_->fields()[c].required) continue;
    UnifiedFormat format;
    chunk.column(c).ToUnifiedFormat(count, format);
    for (idx_t row = 0; row < count; ++row) {
      if (!format.validity->RowIsValid(format.sel->get_index(row))) {
        return Error{ErrorCode::kNotNullViolation,
                     fmt::format("NULL value in column '{}', which is NOT NULL", schema_->fields()[c].name)};
      }
    }
  }
  if (spec_->fields.empty()) {
    SB_ASSIGN_OR_RETURN(Partition * partition, PartitionFor("", {}));
    return WriteToPartition(*partition, chunk);
  }
  // Transform the source columns, then group the rows by their partition values.
  std::vector<Vector> transformed;
  std::vector<UnifiedFormat> formats(spec_->fields.size());
  TypePtr partition_type = spec_->PartitionType(*schema_);
  for (size_t i = 0; i < spec_->fields.size(); ++i) {
    SB_ASSIGN_OR_RETURN(LogicalType type, ToLogicalType(*partition_type->fields[i].type));
    transformed.emplace_back(type, count);
    spec_->fields[i].transform.Apply(chunk.column(static_cast<idx_t>(partition_sources_[i])), count,
                                     *partition_source_types_[i], transformed.back());
    transformed.back().ToUnifiedFormat(count, formats[i]);
  }
  std::vector<std::pair<std::string, std::vector<sel_t>>> groups;
  std::unordered_map<std::string, size_t> group_of;
  std::string key;
  for (idx_t row = 0; row < count; ++row) {
    key.clear();
    for (size_t i = 0; i < formats.size(); ++i) {
      AppendRowKey(key, formats[i], transformed[i].type().physical_type(), formats[i].sel->get_index(row));
    }
    auto [it, inserted] = group_of.emplace(key, groups.size());
    if (inserted) groups.push_back({key, {}});
    groups[it->second].second.push_back(static_cast<sel_t>(row));
  }
  for (auto& [group_key, rows] : groups) {
    std::vector<Value> values;
    for (const Vector& vector : transformed) values.push_back(vector.GetValue(rows[0]));
    SB_ASSIGN_OR_RETURN(Partition * partition, PartitionFor(group_key, values));
    if (rows.size() == count) {
      SB_RETURN_IF_ERROR(WriteToPartition(*partition, chunk));
      continue;
    }
    SelectionVector sel(static_cast<idx_t>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) sel.set_index(static_cast<idx_t>(i), rows[i]);
    DataChunk part;
    part.Reference(chunk);
    part.Slice(sel, static_cast<idx_t>(rows.size()));
    SB_RETURN_IF_ERROR(WriteToPartition(*partition, part));
  }
  return Ok();
}

Result<void> PartitionedWriter::WriteToPartition(Partition& partition, const DataChunk& rows) {
  if (partition.buffered) {
    partition.buffered->Append(rows);
    return Ok();
  }
  // Slices keep files close to the target size (which is checked between writes).
  constexpr idx_t kSliceRows = 512;
  if (rows.size() > kSliceRows) {
    for (idx_t begin = 0; begin < rows.size(); begin += kSliceRows) {
      idx_t count = std::min(kSliceRows, rows.size() - begin);
      SelectionVector sel(count);
      for (idx_t i = 0; i < count; ++i) sel.set_index(i, begin + i);
      DataChunk slice;
      slice.Reference(rows);
      slice.Slice(sel, count);
      SB_RETURN_IF_ERROR(WriteToPartition(partition, slice));
    }
    return Ok();
  }
  if (!partition.writer) {
    std::string name = fmt::format("{}-{:05d}.parquet", file_prefix_, ++file_counter_);
    partition.file_path = JoinPath(partition.path.empty() ? options_.data_location
                                                          : JoinPath(options_.data_location, partition.path),
                                   name);
    SB_ASSIGN_OR_RETURN(auto file, io_.OpenForWrite(partition.file_path, WriteMode::kCreateIfAbsent));
    SB_ASSIGN_OR_RETURN(partition.writer, parquet::ParquetWriter::Open(std::move(file), fields_, options_.parquet));
  }
  SB_RETURN_IF_ERROR(partition.writer->Write(rows));
  if (partition.writer->EstimatedSize() >= options_.target_file_size) return CloseFile(partition);
  return Ok();
}

Result<void> PartitionedWriter::CloseFile(Partition& partition) {
  std::unique_ptr<parquet::ParquetWriter> writer = std::move(partition.writer);
  SB_ASSIGN_OR_RETURN(parquet::ParquetWriteResult result, writer->Close());
  paths_.push_back(partition.file_path);
  auto file = std::make_shared<DataFile>();
  file->content = FileContent::kData;
  file->file_path = partition.file_path;
  file->file_format = "PARQUET";
  file->partition = partition.values;
  file->spec_id = spec_->spec_id;
  file->record_count = result.row_count;
  file->file_size_in_bytes = result.file_size;
  file->split_offsets = result.split_offsets;
  file->sort_order_id = sort_order_id_;
  for (const parquet::ParquetColumnMetrics& column : result.columns) {
    if (!column.field_id) continue;
    int32_t id = *column.field_id;
    file->value_counts[id] += column.value_count;
    file->null_value_counts[id] += column.null_count;
    file->column_sizes[id] += column.column_size;
    if (column.nan_count) file->nan_value_counts[id] += *column.nan_count;
    if (!std::binary_search(bounded_ids_.begin(), bounded_ids_.end(), id)) continue;
    const NestedField* field = schema_->FindField(id);
    if (column.lower_bound) {
      if (auto bound = TruncatedBound(*column.lower_bound, *field->type, false)) file->lower_bounds[id] = std::move(*bound);
    }
    if (column.upper_bound) {
      if (auto bound = TruncatedBound(*column.upper_bound, *field->type, true)) file->upper_bounds[id] = std::move(*bound);
    }
  }
  written_.push_back(std::move(file));
  return Ok();
}

Result<void> PartitionedWriter::WriteSorted(Partition& partition) {
  std::unique_ptr<ChunkCollection> rows = std::move(partition.buffered);
  idx_t count = rows->size();
  // Sort keys: each sort field's (transformed) value per row.
  std::vector<std::vector<Value>> keys(count);
  for (const SortField& field : sort_fields_) {
    int column = -1;
    for (size_t i = 0; i < schema_->fields().size(); ++i) {
      if (schema_->fields()[i].id == field.source_id) column = static_cast<int>(i);
    }
    const Type& source = *schema_->fields()[static_cast<size_t>(column)].type;
    for (idx_t row = 0; row < count; ++row) {
      keys[row].push_back(field.transform.Apply(rows->GetValue(static_cast<idx_t>(column), row), source));
    }
  }
  std::vector<idx_t> order(count);
  for (idx_t i = 0; i < count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](idx_t a, idx_t b) {
    for (size_t k = 0; k < sort_fields_.size(); ++k) {
      const Value& x = keys[a][k];
      const Value& y = keys[b][k];
      if (x.is_null() || y.is_null()) {
        if (x.is_null() == y.is_null()) continue;
        return x.is_null() == sort_fields_[k].nulls_first;
      }
      int c = CompareValues(x, y);
      if (c != 0) return sort_fields_[k].ascending ? c < 0 : c > 0;
    }
    return false;
  });
  DataChunk batch;
  batch.Initialize(types_);
  SelectionVector one(1);
  for (idx_t i = 0; i < count; ++i) {
    idx_t row = order[i];
    one.set_index(0, row % kVectorSize);
    batch.Append(rows->chunk(row / kVectorSize), one, 1);
    if (batch.size() == kVectorSize || i + 1 == count) {
      SB_RETURN_IF_ERROR(WriteToPartition(partition, batch));
      batch.Reset();
    }
  }
  return Ok();
}

Result<std::vector<DataFilePtr>> PartitionedWriter::Finish() {
  for (Partition* partition : partition_order_) {
    if (partition->buffered) SB_RETURN_IF_ERROR(WriteSorted(*partition));
    if (partition->writer) SB_RETURN_IF_ERROR(CloseFile(*partition));
  }
  return std::move(written_);
}

void PartitionedWriter::Abort() {
  for (Partition* partition : partition_order_) partition->writer.reset();
  for (const std::string& path : paths_) (void)io_.Delete(path);
  paths_.clear();
  written_.clear();
}

}  // namespace switchboard::iceberg
