// ParquetReader: footer reading and validation, metadata accessors, page index and bloom filter
// reads.
#include "format/parquet/parquet_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <tuple>

namespace switchboard::parquet {

namespace {

constexpr char kMagic[] = "PAR1";
constexpr char kEncryptedMagic[] = "PARE";
constexpr int64_t kMaxIndexSize = int64_t{64} << 20;
// parquet-mr before 1.2.9 left the dictionary page header out of total_compressed_size
// (PARQUET-816); chunks it wrote are read this many bytes further.
constexpr int64_t kDictionaryHeaderPadding = 100;

// Whether `created_by` names a parquet-mr release older than 1.2.9 (or no release at all).
bool UnderstatesChunkSize(const std::optional<std::string>& created_by) {
  constexpr std::string_view kWriter = "parquet-mr";
  if (!created_by || created_by->compare(0, kWriter.size(), kWriter) != 0) return false;
  size_t at = created_by->find("version ");
  if (at == std::string::npos) return true;
  int major = 0;
  int minor = 0;
  int patch = 0;
  if (std::sscanf(created_by->c_str() + at + 8, "%d.%d.%d", &major, &minor, &patch) < 1)
    return true;
  return std::make_tuple(major, minor, patch) < std::make_tuple(1, 2, 9);
}

}  // namespace

Result<std::shared_ptr<ParquetReader>> ParquetReader::Open(std::shared_ptr<RandomAccessFile> file,
                                                           const ParquetReaderOptions& options) {
  std::shared_ptr<ParquetReader> reader(new ParquetReader());
  reader->file_ = std::move(file);
  reader->options_ = options;
  SB_RETURN_IF_ERROR(reader->ParseFooter());
  return reader;
}

Result<std::shared_ptr<ParquetReader>> ParquetReader::Open(const std::string& path,
                                                           const ParquetReaderOptions& options) {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(path));
  SB_ASSIGN_OR_RETURN(std::unique_ptr<RandomAccessFile> file, fs->OpenForRead(path));
  return Open(std::shared_ptr<RandomAccessFile>(std::move(file)), options);
}

Result<std::shared_ptr<Buffer>> ParquetReader::ReadRange(int64_t offset, int64_t length,
                                                         std::string_view what) const {
  if (offset < 0 || length < 0 || offset > file_->size() || length > file_->size() - offset) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("file '{}': {} at bytes {}..{} lies outside the file of {} bytes",
                             path(), what, offset, offset + length, file_->size())};
  }
  return file_->Read(offset, length);
}

Result<void> ParquetReader::ParseFooter() {
  auto corrupt = [&](std::string_view problem) {
    return Error{ErrorCode::kCorruptData, fmt::format("file '{}': {}", path(), problem)};
  };
  int64_t size = file_->size();
  if (size < 12) {
    return corrupt(fmt::format("too small to be a Parquet file ({} bytes)", size));
  }
  uint8_t tail[8];
  SB_RETURN_IF_ERROR(file_->ReadAt(size - 8, 8, tail));
  if (std::memcmp(tail + 4, kEncryptedMagic, 4) == 0) {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("file '{}': encrypted Parquet files are not supported", path())};
  }
  if (std::memcmp(tail + 4, kMagic, 4) != 0) {
    return corrupt("not a Parquet file: it does not end with 'PAR1'");
  }
  uint8_t head[4];
  SB_RETURN_IF_ERROR(file_->ReadAt(0, 4, head));
  if (std::memcmp(head, kMagic, 4) != 0) {
    return corrupt("not a Parquet file: it does not start with 'PAR1'");
  }
  uint32_t footer_length;
  std::memcpy(&footer_length, tail, 4);
  if (footer_length > static_cast<uint64_t>(size - 12)) {
    return corrupt(
        fmt::format("footer length {} exceeds the file of {} bytes", footer_length, size));
  }
  if (footer_length > options_.max_footer_size) {
    return corrupt(fmt::format("footer of {} bytes exceeds the limit of {}", footer_length,
                               options_.max_footer_size));
  }
  data_end_ = size - 8 - footer_length;
  SB_ASSIGN_OR_RETURN(std::shared_ptr<Buffer> footer, file_->Read(data_end_, footer_length));
  auto metadata = DeserializeThrift<FileMetaData>(footer->data(), footer->size());
  if (!metadata.ok()) return corrupt("invalid footer: " + metadata.error().message);
  metadata_ = std::move(metadata).value();
  if (metadata_.encrypted) {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("file '{}': encrypted Parquet files are not supported", path())};
  }
  SchemaOptions schema_options;
  schema_options.binary_as_string = options_.binary_as_string;
  auto schema = ParquetSchema::Make(metadata_.schema, metadata_.column_orders, schema_options);
  if (!schema.ok()) {
    Error error = std::move(schema).error();
    error.message = fmt::format("file '{}': {}", path(), error.message);
    return error;
  }
  schema_ = std::move(schema).value();

  const std::vector<LeafColumn>& leaves = schema_.leaves();
  row_group_first_rows_.reserve(metadata_.row_groups.size());
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    const RowGroup& group = metadata_.row_groups[g];
    if (group.num_rows < 0 || group.num_rows > INT64_MAX - num_rows_) {
      return corrupt(fmt::format("row group {} has an invalid row count {}", g, group.num_rows));
    }
    if (group.columns.size() != leaves.size()) {
      return corrupt(fmt::format("row group {} has {} column chunks, the schema {} leaf columns", g,
                                 group.columns.size(), leaves.size()));
    }
    for (size_t c = 0; c < leaves.size(); ++c) {
      const ColumnChunk& chunk = group.columns[c];
      std::string where = fmt::format("column '{}' of row group {}", leaves[c].PathString(), g);
      if (chunk.encrypted) {
        return Error{
            ErrorCode::kNotSupported,
            fmt::format("file '{}': {} is encrypted, which is not supported", path(), where)};
      }
      if (chunk.file_path) {
        return Error{ErrorCode::kNotSupported,
                     fmt::format("file '{}': {} keeps its data in another file ('{}')", path(),
                                 where, *chunk.file_path)};
      }
      if (!chunk.meta_data) return corrupt(where + " has no metadata");
      const ColumnMetaData& meta = *chunk.meta_data;
      if (meta.type != leaves[c].physical_type) {
        return corrupt(fmt::format("{} is stored as {} but the schema says {}", where,
                                   TypeName(meta.type), TypeName(leaves[c].physical_type)));
      }
      if (meta.num_values < 0)
        return corrupt(fmt::format("{} has {} values", where, meta.num_values));
      if (leaves[c].max_repetition_level == 0 && meta.num_values != group.num_rows) {
        return corrupt(
            fmt::format("{} has {} values for {} rows", where, meta.num_values, group.num_rows));
      }
    }
    row_group_first_rows_.push_back(num_rows_);
    num_rows_ += group.num_rows;
  }
  return Ok();
}

int64_t ParquetReader::row_group_num_rows(int row_group) const {
  return metadata_.row_groups[static_cast<size_t>(row_group)].num_rows;
}

std::optional<std::string> ParquetReader::FindKeyValue(std::string_view key) const {
  for (const KeyValue& kv : metadata_.key_value_metadata) {
    if (kv.key == key) return kv.value.value_or("");
  }
  return std::nullopt;
}

std::string ParquetReader::Context(int row_group, int leaf) const {
  return fmt::format("file '{}', column '{}', row group {}", path(),
                     schema_.leaves()[static_cast<size_t>(leaf)].PathString(), row_group);
}

ColumnStatistics ParquetReader::ColumnChunkStatistics(int row_group, int leaf) const {
  const ColumnMetaData& meta = *metadata_.row_groups[static_cast<size_t>(row_group)]
                                    .columns[static_cast<size_t>(leaf)]
                                    .meta_data;
  return DecodeStatistics(schema_.leaves()[static_cast<size_t>(leaf)],
                          meta.statistics.value_or(Statistics{}), meta.num_values);
}

Result<std::pair<int64_t, int64_t>> ParquetReader::ColumnChunkRange(int row_group, int leaf) const {
  const ColumnMetaData& meta = *metadata_.row_groups[static_cast<size_t>(row_group)]
                                    .columns[static_cast<size_t>(leaf)]
                                    .meta_data;
  int64_t start = meta.data_page_offset;
  // A dictionary offset of 0 is a known writer bug (the dictionary is at data_page_offset).
  if (meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 &&
      *meta.dictionary_page_offset < start) {
    start = *meta.dictionary_page_offset;
  }
  int64_t length = meta.total_compressed_size;
  if (start < 4 || start >= data_end_ || length <= 0) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: pages at bytes {}..{} lie outside the data section (bytes 4..{})",
                             Context(row_group, leaf), start, start + length, data_end_)};
  }
  if (UnderstatesChunkSize(metadata_.created_by)) length += kDictionaryHeaderPadding;
  // Some writers overstate the size of the last chunk: clamp it to the data section.
  return std::make_pair(start, length > data_end_ - start ? data_end_ : start + length);
}

Result<std::optional<ColumnIndex>> ParquetReader::ReadColumnIndex(int row_group, int leaf) const {
  const ColumnChunk& chunk =
      metadata_.row_groups[static_cast<size_t>(row_group)].columns[static_cast<size_t>(leaf)];
  if (!chunk.column_index_offset || !chunk.column_index_length) return std::optional<ColumnIndex>();
  if (*chunk.column_index_length <= 0 || *chunk.column_index_length > kMaxIndexSize) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: column index of {} bytes", Context(row_group, leaf),
                             *chunk.column_index_length)};
  }
  SB_ASSIGN_OR_RETURN(
      std::shared_ptr<Buffer> bytes,
      ReadRange(*chunk.column_index_offset, *chunk.column_index_length, "a column index"));
  auto index = DeserializeThrift<ColumnIndex>(bytes->data(), bytes->size());
  if (!index.ok()) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: {}", Context(row_group, leaf), index.error().message)};
  }
  return std::optional<ColumnIndex>(std::move(index).value());
}

Result<std::optional<OffsetIndex>> ParquetReader::ReadOffsetIndex(int row_group, int leaf) const {
  const ColumnChunk& chunk =
      metadata_.row_groups[static_cast<size_t>(row_group)].columns[static_cast<size_t>(leaf)];
  if (!chunk.offset_index_offset || !chunk.offset_index_length) return std::optional<OffsetIndex>();
  if (*chunk.offset_index_length <= 0 || *chunk.offset_index_length > kMaxIndexSize) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: offset index of {} bytes", Context(row_group, leaf),
                             *chunk.offset_index_length)};
  }
  SB_ASSIGN_OR_RETURN(
      std::shared_ptr<Buffer> bytes,
      ReadRange(*chunk.offset_index_offset, *chunk.offset_index_length, "an offset index"));
  auto index = DeserializeThrift<OffsetIndex>(bytes->data(), bytes->size());
  if (!index.ok()) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: {}", Context(row_group, leaf), index.error().message)};
  }
  return std::optional<OffsetIndex>(std::move(index).value());
}

Result<std::optional<BloomFilter>> ParquetReader::ReadBloomFilter(int row_group, int leaf) const {
  const ColumnMetaData& meta = *metadata_.row_groups[static_cast<size_t>(row_group)]
                                    .columns[static_cast<size_t>(leaf)]
                                    .meta_data;
  if (!meta.bloom_filter_offset) return std::optional<BloomFilter>();
  int64_t offset = *meta.bloom_filter_offset;
  int64_t length;
  if (meta.bloom_filter_length && *meta.bloom_filter_length > 0) {
    length = *meta.bloom_filter_length;
  } else {
    // Without a stored length: read the header first, then the bitset it announces.
    int64_t probe = std::min<int64_t>(64, file_->size() - std::min(offset, file_->size()));
    SB_ASSIGN_OR_RETURN(std::shared_ptr<Buffer> head, ReadRange(offset, probe, "a bloom filter"));
    size_t header_size = 0;
    auto header = DeserializeThrift<BloomFilterHeader>(head->data(), head->size(), &header_size);
    if (!header.ok()) {
      return Error{ErrorCode::kCorruptData,
                   fmt::format("{}: {}", Context(row_group, leaf), header.error().message)};
    }
    length = static_cast<int64_t>(header_size) + std::max(header->num_bytes, 0);
  }
  if (length > static_cast<int64_t>(BloomFilter::kMaxBytes) + 1024) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: bloom filter of {} bytes", Context(row_group, leaf), length)};
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<Buffer> bytes, ReadRange(offset, length, "a bloom filter"));
  auto filter = BloomFilter::Deserialize(bytes->data(), bytes->size());
  if (!filter.ok()) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("{}: {}", Context(row_group, leaf), filter.error().message)};
  }
  return std::optional<BloomFilter>(std::move(filter).value());
}

Result<std::unique_ptr<RowGroupScanner>> ParquetReader::ScanRowGroup(
    int row_group, const ParquetScanOptions& options) const {
  return RowGroupScanner::Make(*this, row_group, options);
}

}  // namespace switchboard::parquet
