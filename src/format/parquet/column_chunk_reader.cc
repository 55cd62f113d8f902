// ColumnChunkReader: page sequencing, level decoding (RLE and legacy BIT_PACKED), NULL spreading
// for flat columns and row-bounded level batches for nested ones.
#include "format/parquet/column_chunk_reader.h"

#include <algorithm>
#include <cstring>

#include "format/parquet/bit_unpack.h"
#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

namespace {

constexpr size_t kLevelChunk = 4096;

struct Bytes16 {
  uint64_t low;
  uint64_t high;
};

// Moves the first `valid` values of data[0..count) to the positions whose level is `max_level`
// (back to front, in place) and zeroes the others.
template <typename T>
void SpreadTyped(uint8_t* base, const uint8_t* levels, size_t count, size_t valid,
                 uint8_t max_level) {
  T* data = reinterpret_cast<T*>(base);
  size_t source = valid;
  for (size_t i = count; i-- > 0;) {
    if (levels[i] == max_level) {
      data[i] = data[--source];
    } else {
      data[i] = T{};
    }
  }
}

void Spread(Vector& out, size_t offset, const uint8_t* levels, size_t count, size_t valid,
            uint8_t max_level) {
  size_t width = PhysicalTypeSize(out.type().physical_type());
  uint8_t* base = out.raw_data() + offset * width;
  switch (width) {
    case 1:
      SpreadTyped<uint8_t>(base, levels, count, valid, max_level);
      break;
    case 2:
      SpreadTyped<uint16_t>(base, levels, count, valid, max_level);
      break;
    case 4:
      SpreadTyped<uint32_t>(base, levels, count, valid, max_level);
      break;
    case 8:
      SpreadTyped<uint64_t>(base, levels, count, valid, max_level);
      break;
    default:
      SpreadTyped<Bytes16>(base, levels, count, valid, max_level);
      break;
  }
  ValidityMask& validity = out.validity();
  for (size_t i = 0; i < count; ++i) {
    if (levels[i] != max_level) validity.SetInvalid(offset + i, out.capacity());
  }
}

void SetNulls(Vector& out, size_t offset, size_t count) {
  size_t width = PhysicalTypeSize(out.type().physical_type());
  std::memset(out.raw_data() + offset * width, 0, count * width);
  for (size_t i = 0; i < count; ++i) out.validity().SetInvalid(offset + i, out.capacity());
}

}  // namespace

Result<void> ColumnChunkReader::LevelDecoder::Reset(Encoding encoding, const uint8_t* data,
                                                    size_t size, int max_level, size_t num_values) {
  int width = BitWidth(static_cast<uint64_t>(max_level));
  position_ = 0;
  legacy_ = encoding == Encoding::kBitPacked;
  if (!legacy_) {
    rle_.Reset(data, size, width);
    return Ok();
  }
  size_t needed = (num_values * static_cast<size_t>(width) + 7) / 8;
  if (needed > size) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("BIT_PACKED levels need {} bytes, {} present", needed, size)};
  }
  unpacked_.resize(num_values);
  UnpackBitsMsbFirst(data, width, num_values, unpacked_.data());
  return Ok();
}

bool ColumnChunkReader::LevelDecoder::Get(uint8_t* out, size_t count) {
  if (!legacy_) return rle_.GetBatch(out, count) == count;
  if (count > unpacked_.size() - position_) return false;
  if (count > 0) std::memcpy(out, unpacked_.data() + position_, count);
  position_ += count;
  return true;
}

bool ColumnChunkReader::LevelDecoder::Skip(size_t count) {
  if (!legacy_) return rle_.Skip(count) == count;
  if (count > unpacked_.size() - position_) return false;
  position_ += count;
  return true;
}

bool ColumnChunkReader::LevelDecoder::PeekRun(size_t count, uint8_t& level) {
  return !legacy_ && rle_.PeekRepeated(count, level);
}

ColumnChunkReader::ColumnChunkReader(const LeafColumn& leaf, std::unique_ptr<PageReader> pages,
                                     std::unique_ptr<ValueDecoder> decoder,
                                     std::vector<int64_t> page_first_rows, int64_t num_rows)
    : leaf_(leaf),
      pages_(std::move(pages)),
      decoder_(std::move(decoder)),
      page_first_rows_(std::move(page_first_rows)),
      num_rows_(num_rows),
      max_definition_(leaf.max_definition_level),
      max_repetition_(leaf.max_repetition_level) {}

Error ColumnChunkReader::Corrupt(std::string_view problem) const {
  return Error{ErrorCode::kCorruptData, fmt::format("{}: {}", pages_->context(), problem)};
}

Error ColumnChunkReader::PageError(Error error) const {
  error.message =
      fmt::format("{}: page at byte {}: {}", pages_->context(), page_.file_offset, error.message);
  return error;
}

Result<void> ColumnChunkReader::DecodeValues(size_t count, Vector& out, size_t offset) {
  Result<void> result = decoder_->Decode(count, out, offset);
  if (!result.ok()) return PageError(std::move(result).error());
  return Ok();
}

Result<void> ColumnChunkReader::SkipValues(size_t count) {
  Result<void> result = decoder_->Skip(count);
  if (!result.ok()) return PageError(std::move(result).error());
  return Ok();
}

Result<bool> ColumnChunkReader::FetchPage(Page& page) {
  if (lookahead_) {
    page = std::move(*lookahead_);
    lookahead_.reset();
    return true;
  }
  return pages_->Next(page);
}

Result<void> ColumnChunkReader::LoadDictionary(Page& page) {
  if (seen_data_page_ || decoder_->dictionary() != nullptr) {
    return Corrupt("a dictionary page follows other pages");
  }
  if (page.encoding != Encoding::kPlain && page.encoding != Encoding::kPlainDictionary) {
    return Corrupt(fmt::format("dictionary page in encoding {}", EncodingName(page.encoding)));
  }
  Result<void> result = decoder_->SetDictionary(page.data, page.body, page.body_size,
                                                static_cast<size_t>(page.num_values));
  if (!result.ok()) return Corrupt("dictionary page: " + result.error().message);
  return Ok();
}

Result<const Vector*> ColumnChunkReader::Dictionary() {
  if (!dictionary_checked_) {
    dictionary_checked_ = true;
    Page page;
    SB_ASSIGN_OR_RETURN(bool got, pages_->Next(page));
    if (got && page.type == PageType::kDictionaryPage) {
      SB_RETURN_IF_ERROR(LoadDictionary(page));
    } else if (got) {
      lookahead_ = std::move(page);
    }
  }
  return decoder_->dictionary();
}

Result<bool> ColumnChunkReader::NextDataPage() {
  while (true) {
    Page page;
    SB_ASSIGN_OR_RETURN(bool got, FetchPage(page));
    if (!got) return false;
    dictionary_checked_ = true;
    if (page.type == PageType::kDictionaryPage) {
      SB_RETURN_IF_ERROR(LoadDictionary(page));
      continue;
    }
    seen_data_page_ = true;
    page_ = std::move(page);
    auto n = static_cast<size_t>(page_.num_values);
    const uint8_t* values = page_.body;
    size_t values_size = page_.body_size;
    if (page_.type == PageType::kDataPageV2) {
      if (max_repetition_ > 0) {
        SB_RETURN_IF_ERROR(repetition_.Reset(Encoding::kRle, page_.repetition_levels,
                                             page_.repetition_levels_size, max_repetition_, n));
      }
      if (max_definition_ > 0) {
        SB_RETURN_IF_ERROR(definition_.Reset(Encoding::kRle, page_.definition_levels,
                                             page_.definition_levels_size, max_definition_, n));
      }
    } else {
      const DataPageHeader& h = *page_.header.data_page_header;
      const uint8_t* p = page_.body;
      const uint8_t* end = page_.body + page_.body_size;
      auto levels = [&](Encoding encoding, int max_level, LevelDecoder& decoder) -> Result<void> {
        if (encoding == Encoding::kRle) {
          if (end - p < 4) return Corrupt("levels lack their length prefix");
          uint32_t length = LoadUnaligned<uint32_t>(p);
          if (length > static_cast<size_t>(end - p) - 4) {
            return Corrupt(fmt::format("levels of {} bytes exceed the page", length));
          }
          SB_RETURN_IF_ERROR(decoder.Reset(encoding, p + 4, length, max_level, n));
          p += 4 + static_cast<size_t>(length);
          return Ok();
        }
        if (encoding == Encoding::kBitPacked) {
          size_t bytes =
              (n * static_cast<size_t>(BitWidth(static_cast<uint64_t>(max_level))) + 7) / 8;
          Result<void> reset =
              decoder.Reset(encoding, p, static_cast<size_t>(end - p), max_level, n);
          if (!reset.ok()) return Corrupt(reset.error().message);
          p += bytes;
          return Ok();
        }
        return Corrupt(fmt::format("levels in encoding {}", EncodingName(encoding)));
      };
      if (max_repetition_ > 0) {
        SB_RETURN_IF_ERROR(levels(h.repetition_level_encoding, max_repetition_, repetition_));
      }
      if (max_definition_ > 0) {
        SB_RETURN_IF_ERROR(levels(h.definition_level_encoding, max_definition_, definition_));
      }
      values = p;
      values_size = static_cast<size_t>(end - p);
    }
    Result<void> started = decoder_->StartPage(page_.encoding, page_.data, values, values_size, n);
    if (!started.ok()) return PageError(std::move(started).error());
    levels_left_ = page_.num_values;
    if (!page_first_rows_.empty()) {
      if (data_pages_ >= page_first_rows_.size()) {
        return Corrupt("more data pages than the offset index lists");
      }
      int64_t first = page_first_rows_[data_pages_];
      if (first < current_row_) {
        return Corrupt(fmt::format("offset index places a page at row {}, before row {}", first,
                                   current_row_));
      }
      current_row_ = first;
      at_page_start_ = true;
    }
    ++data_pages_;
    return true;
  }
}

Result<void> ColumnChunkReader::ReadFlat(size_t rows, Vector& out, size_t offset) {
  const auto max_level = static_cast<uint8_t>(max_definition_);
  while (rows > 0) {
    if (levels_left_ == 0) {
      int64_t expected = current_row_;
      SB_ASSIGN_OR_RETURN(bool got, NextDataPage());
      if (!got) {
        return Corrupt(fmt::format("column ends after {} rows, the row group has {}", current_row_,
                                   num_rows_));
      }
      if (current_row_ != expected) {
        return Corrupt(fmt::format("offset index places the next page at row {}, expected {}",
                                   current_row_, expected));
      }
      continue;
    }
    size_t n = std::min<size_t>(rows, static_cast<size_t>(levels_left_));
    if (max_definition_ == 0) {
      SB_RETURN_IF_ERROR(DecodeValues(n, out, offset));
    } else {
      uint8_t level;
      if (definition_.PeekRun(n, level)) {
        definition_.Skip(n);
        if (level == max_level) {
          SB_RETURN_IF_ERROR(DecodeValues(n, out, offset));
        } else {
          SetNulls(out, offset, n);
        }
      } else {
        scratch_levels_.resize(n);
        if (!definition_.Get(scratch_levels_.data(), n)) {
          return Corrupt("page holds fewer definition levels than values");
        }
        size_t valid = 0;
        for (size_t i = 0; i < n; ++i) valid += scratch_levels_[i] == max_level;
        SB_RETURN_IF_ERROR(DecodeValues(valid, out, offset));
        if (valid < n) Spread(out, offset, scratch_levels_.data(), n, valid, max_level);
      }
    }
    levels_left_ -= static_cast<int64_t>(n);
    rows -= n;
    offset += n;
    current_row_ += static_cast<int64_t>(n);
  }
  return Ok();
}

Result<void> ColumnChunkReader::FillPending() {
  size_t k = std::min<size_t>(kLevelChunk, static_cast<size_t>(levels_left_));
  pending_repetition_.resize(k);
  pending_definition_.resize(k);
  if (max_repetition_ > 0) {
    if (!repetition_.Get(pending_repetition_.data(), k)) {
      return Corrupt("page holds fewer repetition levels than values");
    }
    for (size_t i = 0; i < k; ++i) {
      if (pending_repetition_[i] > max_repetition_) {
        return Corrupt(fmt::format("repetition level {} exceeds the maximum {}",
                                   pending_repetition_[i], max_repetition_));
      }
    }
  } else {
    std::fill(pending_repetition_.begin(), pending_repetition_.end(), 0);
  }
  if (max_definition_ > 0) {
    if (!definition_.Get(pending_definition_.data(), k)) {
      return Corrupt("page holds fewer definition levels than values");
    }
    for (size_t i = 0; i < k; ++i) {
      if (pending_definition_[i] > max_definition_) {
        return Corrupt(fmt::format("definition level {} exceeds the maximum {}",
                                   pending_definition_[i], max_definition_));
      }
    }
  } else {
    std::fill(pending_definition_.begin(), pending_definition_.end(), 0);
  }
  levels_left_ -= static_cast<int64_t>(k);
  pending_position_ = 0;
  return Ok();
}

Result<void> ColumnChunkReader::ConsumeNested(size_t rows, LevelBatch* batch) {
  size_t remaining = rows;
  const auto max_level = static_cast<uint8_t>(max_definition_);
  while (true) {
    if (pending_position_ == pending_repetition_.size()) {
      if (levels_left_ == 0) {
        SB_ASSIGN_OR_RETURN(bool got, NextDataPage());
        if (!got) {
          if (remaining > 0) {
            return Corrupt(fmt::format("column ends after {} rows, the row group has {}",
                                       current_row_, num_rows_));
          }
          return Ok();
        }
        pending_repetition_.clear();
        pending_definition_.clear();
        pending_position_ = 0;
        continue;
      }
      SB_RETURN_IF_ERROR(FillPending());
    }
    const uint8_t* rep = pending_repetition_.data() + pending_position_;
    const uint8_t* def = pending_definition_.data() + pending_position_;
    size_t available = pending_repetition_.size() - pending_position_;
    size_t i = 0;
    bool boundary = false;
    for (; i < available; ++i) {
      if (rep[i] == 0) {
        if (remaining == 0) {
          boundary = true;
          break;
        }
        --remaining;
        ++current_row_;
      } else if (at_page_start_ || current_row_ == 0) {
        return Corrupt("repetition levels of a page do not start at a row");
      }
      at_page_start_ = false;
    }
    size_t values = 0;
    for (size_t j = 0; j < i; ++j) values += def[j] == max_level;
    if (batch != nullptr) {
      batch->repetition.insert(batch->repetition.end(), rep, rep + i);
      batch->definition.insert(batch->definition.end(), def, def + i);
      if (values > 0) {
        batch->values_holder.ReserveListChild(batch->value_count + values);
        SB_RETURN_IF_ERROR(
            DecodeValues(values, batch->values_holder.list_child(), batch->value_count));
        batch->value_count += values;
      }
    } else {
      SB_RETURN_IF_ERROR(SkipValues(values));
    }
    pending_position_ += i;
    if (boundary) return Ok();
  }
}

Result<void> ColumnChunkReader::ReadNested(size_t rows, LevelBatch& batch) {
  return ConsumeNested(rows, &batch);
}

Result<void> ColumnChunkReader::SkipTo(int64_t row) {
  if (max_repetition_ > 0 || leaf_.path.size() > 1) {
    while (current_row_ < row) {
      SB_RETURN_IF_ERROR(ConsumeNested(static_cast<size_t>(row - current_row_), nullptr));
    }
  } else {
    const auto max_level = static_cast<uint8_t>(max_definition_);
    while (current_row_ < row) {
      if (levels_left_ == 0) {
        SB_ASSIGN_OR_RETURN(bool got, NextDataPage());
        if (!got) {
          return Corrupt(fmt::format("column ends after {} rows, the row group has {}",
                                     current_row_, num_rows_));
        }
        continue;
      }
      size_t n = std::min<size_t>(static_cast<size_t>(row - current_row_),
                                  static_cast<size_t>(levels_left_));
      size_t valid = n;
      if (max_definition_ > 0) {
        uint8_t level;
        if (definition_.PeekRun(n, level)) {
          definition_.Skip(n);
          if (level != max_level) valid = 0;
        } else {
          scratch_levels_.resize(n);
          if (!definition_.Get(scratch_levels_.data(), n)) {
            return Corrupt("page holds fewer definition levels than values");
          }
          valid = 0;
          for (size_t i = 0; i < n; ++i) valid += scratch_levels_[i] == max_level;
        }
      }
      SB_RETURN_IF_ERROR(SkipValues(valid));
      levels_left_ -= static_cast<int64_t>(n);
      current_row_ += static_cast<int64_t>(n);
    }
  }
  if (current_row_ != row) {
    return Corrupt(
        fmt::format("the offset index skips from row {} past row {}", row, current_row_));
  }
  return Ok();
}

}  // namespace switchboard::parquet
