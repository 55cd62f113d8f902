// RowGroupScanner: pruning (statistics, bloom filters, page index, dictionaries), page selection,
// predicate-first decoding and in-place compaction of the surviving rows.
#include "format/parquet/row_group_scanner.h"

#include <algorithm>

#include "format/parquet/field_reader.h"
#include "format/parquet/parquet_reader.h"

namespace switchboard::parquet {

namespace {

struct Bytes16 {
  uint64_t low;
  uint64_t high;
};

template <typename T>
void GatherInPlace(uint8_t* base, const sel_t* sel, idx_t count) {
  T* data = reinterpret_cast<T*>(base);
  for (idx_t i = 0; i < count; ++i) data[i] = data[sel[i]];
}

// Keeps rows sel[0..count) (increasing) of a flat vector, moving them to the front in place.
void Compact(Vector& vector, const sel_t* sel, idx_t count) {
  ValidityMask& validity = vector.validity();
  if (!validity.AllValid()) {
    for (idx_t i = 0; i < count; ++i)
      validity.Set(i, validity.RowIsValid(sel[i]), vector.capacity());
  }
  PhysicalType type = vector.type().physical_type();
  if (type == PhysicalType::kStruct) {
    for (Vector& child : vector.struct_children()) Compact(child, sel, count);
    return;
  }
  switch (PhysicalTypeSize(type)) {
    case 1:
      GatherInPlace<uint8_t>(vector.raw_data(), sel, count);
      break;
    case 2:
      GatherInPlace<uint16_t>(vector.raw_data(), sel, count);
      break;
    case 4:
      GatherInPlace<uint32_t>(vector.raw_data(), sel, count);
      break;
    case 8:
      GatherInPlace<uint64_t>(vector.raw_data(), sel, count);
      break;
    default:
      GatherInPlace<Bytes16>(vector.raw_data(), sel, count);
      break;
  }
}

// An offset index usable for page selection: rows and offsets increasing and inside the chunk.
bool UsableOffsetIndex(const OffsetIndex& index, int64_t num_rows,
                       const std::pair<int64_t, int64_t>& chunk) {
  const auto& pages = index.page_locations;
  if (pages.empty() || pages[0].first_row_index != 0) return false;
  int64_t previous_end = chunk.first;
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageLocation& page = pages[i];
    if (page.first_row_index >= num_rows || page.compressed_page_size <= 0 ||
        page.offset < previous_end || page.offset > chunk.second - page.compressed_page_size) {
      return false;
    }
    if (i > 0 && page.first_row_index <= pages[i - 1].first_row_index) return false;
    previous_end = page.offset + page.compressed_page_size;
  }
  return true;
}

// A column chunk whose data pages all use the dictionary (so the dictionary lists every value).
bool FullyDictionaryEncoded(const ColumnMetaData& meta) {
  auto is_dictionary = [](Encoding e) {
    return e == Encoding::kPlainDictionary || e == Encoding::kRleDictionary;
  };
  if (meta.encoding_stats) {
    bool any = false;
    for (const PageEncodingStats& s : *meta.encoding_stats) {
      if (s.page_type != PageType::kDataPage && s.page_type != PageType::kDataPageV2) continue;
      if (s.count > 0 && !is_dictionary(s.encoding)) return false;
      any = any || s.count > 0;
    }
    return any;
  }
  bool any = false;
  for (Encoding e : meta.encodings) {
    if (is_dictionary(e)) {
      any = true;
    } else if (e != Encoding::kRle && e != Encoding::kBitPacked) {
      return false;
    }
  }
  return any;
}

}  // namespace

void ParquetScanCounters::Add(const ParquetScanCounters& other) {
  row_groups += other.row_groups;
  row_groups_pruned_by_statistics += other.row_groups_pruned_by_statistics;
  row_groups_pruned_by_bloom_filter += other.row_groups_pruned_by_bloom_filter;
  row_groups_pruned_by_page_index += other.row_groups_pruned_by_page_index;
  row_groups_pruned_by_dictionary += other.row_groups_pruned_by_dictionary;
  pages_skipped += other.pages_skipped;
  rows_skipped += other.rows_skipped;
  rows_decoded += other.rows_decoded;
  rows_filtered += other.rows_filtered;
  rows_returned += other.rows_returned;
  bytes_read += other.bytes_read;
}

Result<std::unique_ptr<RowGroupScanner>> RowGroupScanner::Make(const ParquetReader& reader,
                                                               int row_group,
                                                               const ParquetScanOptions& options) {
  const ParquetSchema& schema = reader.schema();
  if (row_group < 0 || row_group >= reader.num_row_groups()) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("file '{}' has no row group {} (it has {})", reader.path(), row_group,
                             reader.num_row_groups())};
  }
  auto check_field = [&](int field) -> Result<void> {
    if (field < 0 || static_cast<size_t>(field) >= schema.fields().size()) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("file '{}' has no column {} (it has {})", reader.path(), field,
                               schema.fields().size())};
    }
    return Ok();
  };
  std::unique_ptr<RowGroupScanner> scanner(new RowGroupScanner());
  scanner->row_group_ = row_group;
  scanner->first_row_ = reader.row_group_first_row(row_group);
  scanner->emit_row_position_ = options.emit_row_position;
  for (int field : options.columns) {
    SB_RETURN_IF_ERROR(check_field(field));
    scanner->output_types_.push_back(schema.fields()[static_cast<size_t>(field)].type);
  }
  if (options.emit_row_position) scanner->output_types_.emplace_back(TypeId::kBigint);
  for (const ParquetPredicate& predicate : options.predicates) {
    SB_RETURN_IF_ERROR(check_field(predicate.column));
    const ParquetField& field = schema.fields()[static_cast<size_t>(predicate.column)];
    if (field.kind != ParquetField::Kind::kPrimitive || field.type.IsNested()) {
      return Error{ErrorCode::kNotSupported,
                   fmt::format("cannot push predicate on nested column '{}' into a Parquet scan",
                               field.name)};
    }
    SB_ASSIGN_OR_RETURN(BoundPredicate bound, BoundPredicate::Bind(predicate, field.type));
    scanner->predicates_.push_back(std::move(bound));
  }
  ParquetScanCounters& counters = scanner->counters_;
  counters.row_groups = 1;
  int64_t num_rows = reader.row_group_num_rows(row_group);
  scanner->ranges_ = RowRanges::All(num_rows);
  if (num_rows == 0) return scanner;
  const RowGroup& group = reader.metadata().row_groups[static_cast<size_t>(row_group)];
  auto leaf_of = [&](const BoundPredicate& p) -> const LeafColumn& {
    return schema
        .leaves()[static_cast<size_t>(schema.fields()[static_cast<size_t>(p.column())].leaf_index)];
  };
  auto prune = [&](int64_t& counter) {
    counter = 1;
    scanner->ranges_ = RowRanges();
    counters.rows_skipped = num_rows;
  };

  if (options.use_statistics) {
    for (const BoundPredicate& p : scanner->predicates_) {
      if (p.CanSkip(reader.ColumnChunkStatistics(row_group, leaf_of(p).index))) {
        prune(counters.row_groups_pruned_by_statistics);
        return scanner;
      }
    }
  }
  if (options.use_bloom_filters) {
    for (const BoundPredicate& p : scanner->predicates_) {
      const LeafColumn& leaf = leaf_of(p);
      std::optional<std::vector<uint64_t>> hashes = p.BloomFilterHashes(leaf);
      if (!hashes) continue;
      SB_ASSIGN_OR_RETURN(std::optional<BloomFilter> filter,
                          reader.ReadBloomFilter(row_group, leaf.index));
      if (!filter) continue;
      counters.bytes_read += static_cast<int64_t>(filter->num_bytes());
      if (std::none_of(hashes->begin(), hashes->end(),
                       [&](uint64_t h) { return filter->MightContain(h); })) {
        prune(counters.row_groups_pruned_by_bloom_filter);
        return scanner;
      }
    }
  }
  if (options.use_page_index) {
    for (const BoundPredicate& p : scanner->predicates_) {
      const LeafColumn& leaf = leaf_of(p);
      SB_ASSIGN_OR_RETURN(std::optional<ColumnIndex> column_index,
                          reader.ReadColumnIndex(row_group, leaf.index));
      SB_ASSIGN_OR_RETURN(std::optional<OffsetIndex> offset_index,
                          reader.ReadOffsetIndex(row_group, leaf.index));
      if (!column_index || !offset_index) continue;
      SB_ASSIGN_OR_RETURN(auto chunk, reader.ColumnChunkRange(row_group, leaf.index));
      const auto& pages = offset_index->page_locations;
      size_t n = pages.size();
      if (!UsableOffsetIndex(*offset_index, num_rows, chunk) ||
          column_index->null_pages.size() != n || column_index->min_values.size() != n ||
          column_index->max_values.size() != n ||
          (column_index->null_counts && column_index->null_counts->size() != n) ||
          (column_index->nan_counts && column_index->nan_counts->size() != n)) {
        continue;
      }
      RowRanges candidates;
      for (size_t i = 0; i < n; ++i) {
        int64_t begin = pages[i].first_row_index;
        int64_t end = i + 1 < n ? pages[i + 1].first_row_index : num_rows;
        Statistics page_statistics;
        if (column_index->null_counts) page_statistics.null_count = (*column_index->null_counts)[i];
        if (column_index->nan_counts) page_statistics.nan_count = (*column_index->nan_counts)[i];
        if (column_index->null_pages[i]) {
          page_statistics.null_count = end - begin;
        } else {
          page_statistics.min_value = column_index->min_values[i];
          page_statistics.max_value = column_index->max_values[i];
        }
        if (!p.CanSkip(DecodeStatistics(leaf, page_statistics, end - begin))) {
          candidates.Append(begin, end);
        }
      }
      scanner->ranges_ = RowRanges::Intersect(scanner->ranges_, candidates);
      if (scanner->ranges_.empty()) {
        prune(counters.row_groups_pruned_by_page_index);
        return scanner;
      }
    }
  }
  counters.rows_skipped = num_rows - scanner->ranges_.RowCount();

  // Predicate fields first: their dictionaries may still prune the row group.
  for (size_t i = 0; i < scanner->predicates_.size(); ++i) {
    int field = scanner->predicates_[i].column();
    auto it = std::find_if(scanner->columns_.begin(), scanner->columns_.end(),
                           [&](const Column& c) { return c.field == field; });
    if (it == scanner->columns_.end()) {
      SB_RETURN_IF_ERROR(scanner->OpenField(reader, field));
      it = scanner->columns_.end() - 1;
    }
    scanner->predicate_slot_.push_back(static_cast<int>(it - scanner->columns_.begin()));
  }
  scanner->predicate_columns_ = scanner->columns_.size();
  if (options.use_dictionaries) {
    for (size_t i = 0; i < scanner->predicates_.size(); ++i) {
      const BoundPredicate& p = scanner->predicates_[i];
      const LeafColumn& leaf = leaf_of(p);
      if (p.MatchesNull() || leaf.physical_type == Type::kBoolean ||
          !FullyDictionaryEncoded(*group.columns[static_cast<size_t>(leaf.index)].meta_data)) {
        continue;
      }
      Column& column = scanner->columns_[static_cast<size_t>(scanner->predicate_slot_[i])];
      SB_ASSIGN_OR_RETURN(const Vector* dictionary, column.reader->Dictionary());
      if (dictionary == nullptr) continue;
      idx_t entries = dictionary->capacity();
      SelectionVector selection(entries);
      for (idx_t k = 0; k < entries; ++k) selection.set_index(k, k);
      if (p.Filter(*dictionary, selection.data(), entries) == 0) {
        prune(counters.row_groups_pruned_by_dictionary);
        scanner->columns_.clear();
        return scanner;
      }
    }
  }
  for (size_t i = 0; i < options.columns.size(); ++i) {
    int field = options.columns[i];
    auto it = std::find_if(scanner->columns_.begin(), scanner->columns_.end(),
                           [&](const Column& c) { return c.field == field; });
    if (it == scanner->columns_.end()) {
      SB_RETURN_IF_ERROR(scanner->OpenField(reader, field));
      it = scanner->columns_.end() - 1;
    }
    if (it->output < 0) it->output = static_cast<int>(i);
    scanner->output_source_.push_back(static_cast<int>(it - scanner->columns_.begin()));
  }
  for (Column& column : scanner->columns_) {
    if (column.output < 0) {
      column.scratch = Vector(schema.fields()[static_cast<size_t>(column.field)].type, kVectorSize);
    }
  }
  return scanner;
}

Result<void> RowGroupScanner::OpenField(const ParquetReader& reader, int field) {
  const ParquetSchema& schema = reader.schema();
  const ParquetField& f = schema.fields()[static_cast<size_t>(field)];
  int64_t num_rows = reader.row_group_num_rows(row_group_);
  const RowGroup& group = reader.metadata().row_groups[static_cast<size_t>(row_group_)];
  bool partial = ranges_.RowCount() < num_rows;
  auto [first, last] = schema.LeafRange(field);
  std::vector<std::unique_ptr<ColumnChunkReader>> readers;
  for (int leaf = first; leaf < last; ++leaf) {
    const LeafColumn& column = schema.leaves()[static_cast<size_t>(leaf)];
    const ColumnMetaData& meta = *group.columns[static_cast<size_t>(leaf)].meta_data;
    SB_ASSIGN_OR_RETURN(auto chunk, reader.ColumnChunkRange(row_group_, leaf));
    // Byte runs to read: the whole chunk, or the dictionary and the pages the ranges need.
    std::vector<std::pair<int64_t, int64_t>> runs;
    std::vector<int64_t> page_first_rows;
    std::optional<OffsetIndex> offset_index;
    if (partial) {
      SB_ASSIGN_OR_RETURN(offset_index, reader.ReadOffsetIndex(row_group_, leaf));
    }
    if (offset_index && UsableOffsetIndex(*offset_index, num_rows, chunk)) {
      const auto& pages = offset_index->page_locations;
      if (chunk.first < pages[0].offset) runs.emplace_back(chunk.first, pages[0].offset);
      for (size_t i = 0; i < pages.size(); ++i) {
        int64_t begin = pages[i].first_row_index;
        int64_t end = i + 1 < pages.size() ? pages[i + 1].first_row_index : num_rows;
        if (!ranges_.Overlaps(begin, end)) {
          ++counters_.pages_skipped;
          continue;
        }
        page_first_rows.push_back(begin);
        int64_t page_end = pages[i].offset + pages[i].compressed_page_size;
        if (!runs.empty() && runs.back().second == pages[i].offset) {
          runs.back().second = page_end;
        } else {
          runs.emplace_back(pages[i].offset, page_end);
        }
      }
    } else {
      runs.push_back(chunk);
    }
    std::vector<PageSegment> segments;
    for (const auto& [begin, end] : runs) {
      SB_ASSIGN_OR_RETURN(std::shared_ptr<Buffer> data, reader.file()->Read(begin, end - begin));
      counters_.bytes_read += end - begin;
      segments.push_back(PageSegment{std::move(data), begin});
    }
    PageReaderOptions page_options;
    page_options.verify_checksums = reader.options().verify_checksums;
    page_options.max_page_size = reader.options().max_page_size;
    auto pages = std::make_unique<PageReader>(std::move(segments), meta.codec, page_options,
                                              reader.Context(row_group_, leaf));
    ValueDecoder::Limits limits;
    limits.max_expanded_page_bytes = static_cast<size_t>(reader.options().max_page_size);
    readers.push_back(std::make_unique<ColumnChunkReader>(column, std::move(pages),
                                                          ValueDecoder::Make(column, limits),
                                                          std::move(page_first_rows), num_rows));
  }
  Column column;
  column.field = field;
  column.reader = FieldReader::Make(
      f, schema.leaves(), std::move(readers),
      fmt::format("file '{}', column '{}', row group {}", reader.path(), f.name, row_group_));
  columns_.push_back(std::move(column));
  return Ok();
}

RowGroupScanner::~RowGroupScanner() = default;

ParquetScanCounters RowGroupScanner::counters() const { return counters_; }

Result<bool> RowGroupScanner::Next(DataChunk& out) {
  bool same_types = out.ColumnCount() == output_types_.size();
  for (size_t i = 0; same_types && i < output_types_.size(); ++i) {
    same_types = out.column(i).type() == output_types_[i];
  }
  if (same_types) {
    out.Reset();
  } else {
    out.Initialize(output_types_);
  }
  const auto& ranges = ranges_.ranges();
  while (range_index_ < ranges.size()) {
    auto [begin, end] = ranges[range_index_];
    position_ = std::max(position_, begin);
    if (position_ >= end) {
      ++range_index_;
      continue;
    }
    auto n =
        static_cast<idx_t>(std::min<int64_t>(static_cast<int64_t>(kVectorSize), end - position_));
    sel_t* sel = selection_.data();
    for (idx_t i = 0; i < n; ++i) sel[i] = static_cast<sel_t>(i);
    idx_t count = n;
    auto target = [&](Column& column) -> Vector& {
      if (column.output >= 0) return out.column(static_cast<idx_t>(column.output));
      column.scratch.ResetForWrite(kVectorSize);
      return column.scratch;
    };
    for (size_t k = 0; k < predicate_columns_ && count > 0; ++k) {
      Column& column = columns_[k];
      Vector& vector = target(column);
      SB_RETURN_IF_ERROR(column.reader->SkipTo(position_));
      SB_RETURN_IF_ERROR(column.reader->Read(n, vector));
      for (size_t p = 0; p < predicates_.size() && count > 0; ++p) {
        if (predicate_slot_[p] == static_cast<int>(k))
          count = predicates_[p].Filter(vector, sel, count);
      }
    }
    counters_.rows_decoded += static_cast<int64_t>(n);
    counters_.rows_filtered += static_cast<int64_t>(n - count);
    if (count == 0) {
      position_ += static_cast<int64_t>(n);
      continue;
    }
    for (size_t k = predicate_columns_; k < columns_.size(); ++k) {
      Column& column = columns_[k];
      SB_RETURN_IF_ERROR(column.reader->SkipTo(position_));
      SB_RETURN_IF_ERROR(column.reader->Read(n, target(column)));
    }
    for (size_t i = 0; i < output_source_.size(); ++i) {
      const Column& column = columns_[static_cast<size_t>(output_source_[i])];
      if (column.output != static_cast<int>(i)) {
        out.column(i) = out.column(static_cast<idx_t>(column.output));  // a repeated projection
      } else if (count < n) {
        Compact(out.column(i), sel, count);
      }
    }
    if (emit_row_position_) {
      int64_t* positions = out.column(output_types_.size() - 1).data<int64_t>();
      int64_t base = first_row_ + position_;
      for (idx_t i = 0; i < count; ++i) positions[i] = base + static_cast<int64_t>(sel[i]);
    }
    out.SetSize(count);
    counters_.rows_returned += static_cast<int64_t>(count);
    position_ += static_cast<int64_t>(n);
    return true;
  }
  out.SetSize(0);
  return false;
}

}  // namespace switchboard::parquet
