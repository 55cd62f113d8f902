// ColumnWriter implementation: one template over (engine value, stored value) with dictionary
// building, plain/delta/byte-stream-split encoding, page assembly, statistics and indexes.
#include "format/parquet/column_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <string_view>
#include <type_traits>

#include "common/arena.h"
#include "common/hash.h"
#include "format/parquet/bit_util.h"
#include "format/parquet/byte_stream_split.h"
#include "format/parquet/codec.h"
#include "format/parquet/delta_binary_packed_encoder.h"
#include "format/parquet/rle_bit_packed_encoder.h"
#include "format/parquet/xxhash64.h"
#include "types/datetime.h"

namespace switchboard::parquet {

namespace {

// A FIXED_LEN_BYTE_ARRAY value of up to 16 bytes (decimals, uuids, intervals).
struct Fixed {
  uint8_t bytes[16];
};

// ---------------------------------------------------------------------------------------------
// Conversions from engine values to stored (PLAIN) values.

template <typename From, typename To>
struct StoreCast {
  using In = From;
  using Stored = To;
  Stored operator()(const In& v) const { return static_cast<Stored>(v); }
};

struct StoreTimestampTz {
  using In = TimestampTz;
  using Stored = int64_t;
  Stored operator()(const In& v) const { return v.micros; }
};

struct StoreString {
  using In = StringView;
  using Stored = std::string_view;
  Stored operator()(const In& v) const { return v.view(); }
};

// Big-endian two's complement (decimals) or unsigned (uuids) in `width` bytes.
template <typename T>
struct StoreBigEndian {
  using In = T;
  using Stored = Fixed;
  size_t width;
  Stored operator()(const In& v) const {
    Fixed f;
    auto bits = static_cast<uint128_t>(v);
    for (size_t i = 0; i < width; ++i)
      f.bytes[width - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
    return f;
  }
};

// INTERVAL: months, days and milliseconds as little-endian unsigned 32-bit integers. Values the
// format cannot hold are rejected by Representable, never truncated.
struct StoreIntervalDayTime {
  using In = int64_t;
  using Stored = Fixed;
  size_t width;
  static bool Representable(const In& micros) {
    return micros >= 0 && micros % kMicrosPerMilli == 0 &&
           micros / kMicrosPerDay <= std::numeric_limits<uint32_t>::max();
  }
  Stored operator()(const In& micros) const {
    Fixed f{};
    auto days = static_cast<uint32_t>(micros / 86400000000LL);
    auto millis = static_cast<uint32_t>(micros % 86400000000LL / 1000);
    StoreUnaligned(f.bytes + 4, days);
    StoreUnaligned(f.bytes + 8, millis);
    return f;
  }
};

struct StoreIntervalYearMonth {
  using In = int32_t;
  using Stored = Fixed;
  size_t width;
  static bool Representable(const In& months) { return months >= 0; }
  Stored operator()(const In& months) const {
    Fixed f{};
    StoreUnaligned(f.bytes, static_cast<uint32_t>(months));
    return f;
  }
};

// ---------------------------------------------------------------------------------------------
// Ordering of engine values for statistics.

template <typename T>
bool Less(const T& a, const T& b) {
  return a < b;
}
template <>
bool Less(const TimestampTz& a, const TimestampTz& b) {
  return a.micros < b.micros;
}

template <typename T>
bool IsNaN(const T& v) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::isnan(v);
  } else {
    return false;
  }
}

// A statistic held beyond the input vector's lifetime: strings are copied.
template <typename In>
using Held = std::conditional_t<std::is_same_v<In, StringView>, std::string, In>;

template <typename In>
Held<In> Hold(const In& v) {
  if constexpr (std::is_same_v<In, StringView>) {
    return v.str();
  } else {
    return v;
  }
}

template <typename In>
bool HeldLess(const In& v, const Held<In>& held) {
  if constexpr (std::is_same_v<In, StringView>) {
    return v.view() < std::string_view(held);
  } else {
    return Less(v, held);
  }
}

template <typename In>
bool HeldGreater(const In& v, const Held<In>& held) {
  if constexpr (std::is_same_v<In, StringView>) {
    return v.view() > std::string_view(held);
  } else {
    return Less(held, v);
  }
}

// Running min/max/null/NaN counts of a page or chunk.
template <typename In>
struct Bounds {
  bool has = false;
  Held<In> min{};
  Held<In> max{};
  int64_t nulls = 0;
  int64_t nans = 0;
  int64_t values = 0;  // non-NULL

  void Update(const In& v) {
    ++values;
    if (IsNaN(v)) {
      ++nans;
      return;
    }
    if (!has) {
      min = Hold(v);
      max = Hold(v);
      has = true;
      return;
    }
    if (HeldLess(v, min)) min = Hold(v);
    if (HeldGreater(v, max)) max = Hold(v);
  }
  void Merge(const Bounds& other) {
    nulls += other.nulls;
    nans += other.nans;
    values += other.values;
    if (!other.has) return;
    if (!has) {
      *this = Bounds{true, other.min, other.max, nulls, nans, values};
      return;
    }
    if (Less(other.min, min)) min = other.min;
    if (Less(max, other.max)) max = other.max;
  }
};

// ---------------------------------------------------------------------------------------------
// Truncation of byte-array bounds (Statistics and ColumnIndex).

size_t Utf8Boundary(std::string_view s, size_t length) {
  while (length > 0 && length < s.size() && (static_cast<uint8_t>(s[length]) & 0xc0) == 0x80) {
    --length;
  }
  return length;
}

// A lower bound of at most `limit` bytes; `exact` is false when it was shortened.
std::string TruncateMin(std::string_view value, size_t limit, bool utf8, bool& exact) {
  if (value.size() <= limit) {
    exact = true;
    return std::string(value);
  }
  exact = false;
  return std::string(value.substr(0, utf8 ? Utf8Boundary(value, limit) : limit));
}

// An upper bound of at most `limit` bytes: a prefix with its last character (byte, or UTF-8
// code point) incremented; the value itself when no such prefix exists.
std::string TruncateMax(std::string_view value, size_t limit, bool utf8, bool& exact) {
  exact = true;
  if (value.size() <= limit) return std::string(value);
  if (!utf8) {
    std::string prefix(value.substr(0, limit));
    while (!prefix.empty()) {
      auto last = static_cast<uint8_t>(prefix.back());
      if (last != 0xff) {
        prefix.back() = static_cast<char>(last + 1);
        exact = false;
        return prefix;
      }
      prefix.pop_back();
    }
    return std::string(value);
  }
  size_t end = Utf8Boundary(value, limit);
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<uint8_t>(value[start]) & 0xc0) == 0x80) --start;
    // Decode the code point in [start, end), increment it, re-encode.
    auto lead = static_cast<uint8_t>(value[start]);
    size_t length = end - start;
    uint32_t code = length == 1 ? lead : lead & (0xff >> (length + 1));
    for (size_t i = start + 1; i < end; ++i)
      code = code << 6 | (static_cast<uint8_t>(value[i]) & 0x3f);
    uint32_t next = code + 1;
    if (next == 0xd800) next = 0xe000;
    if (next <= 0x10ffff) {
      std::string out(value.substr(0, start));
      if (next < 0x80) {
        out += static_cast<char>(next);
      } else if (next < 0x800) {
        out += static_cast<char>(0xc0 | (next >> 6));
        out += static_cast<char>(0x80 | (next & 0x3f));
      } else if (next < 0x10000) {
        out += static_cast<char>(0xe0 | (next >> 12));
        out += static_cast<char>(0x80 | ((next >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (next & 0x3f));
      } else {
        out += static_cast<char>(0xf0 | (next >> 18));
        out += static_cast<char>(0x80 | ((next >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((next >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (next & 0x3f));
      }
      exact = false;
      return out;
    }
    end = start;
  }
  return std::string(value);
}

// ---------------------------------------------------------------------------------------------

// Appends the PLAIN encoding of one stored value.
template <typename Stored>
void AppendPlain(std::vector<uint8_t>& out, const Stored& v, size_t width) {
  if constexpr (std::is_same_v<Stored, std::string_view>) {
    size_t at = out.size();
    out.resize(at + 4 + v.size());
    StoreUnaligned(out.data() + at, static_cast<uint32_t>(v.size()));
    if (!v.empty()) std::memcpy(out.data() + at + 4, v.data(), v.size());
  } else if constexpr (std::is_same_v<Stored, Fixed>) {
    out.insert(out.end(), v.bytes, v.bytes + width);
  } else if constexpr (std::is_same_v<Stored, bool>) {
    out.push_back(v ? 1 : 0);  // packed to bits when the page is flushed
  } else {
    size_t at = out.size();
    out.resize(at + sizeof(Stored));
    StoreUnaligned(out.data() + at, v);
  }
}

// The bytes a bloom filter hashes and statistics store (PLAIN without the length prefix).
template <typename Stored>
std::string_view StoredBytes(const Stored& v, size_t width) {
  if constexpr (std::is_same_v<Stored, std::string_view>) {
    return v;
  } else if constexpr (std::is_same_v<Stored, Fixed>) {
    return {reinterpret_cast<const char*>(v.bytes), width};
  } else {
    return {reinterpret_cast<const char*>(&v), sizeof(Stored)};
  }
}

// Distinct stored values in insertion order, with an open-addressing index. Numeric values of
// up to 8 bytes live in the slots themselves (one memory access per probe); others are found by
// hash and compared in place.
template <typename Stored>
class DictionaryBuilder {
  static constexpr bool kInlineKey = std::is_arithmetic_v<Stored> && sizeof(Stored) <= 8;

 public:
  explicit DictionaryBuilder(size_t width) : width_(width), arena_(1 << 16) { Rehash(1024); }

  /// The index of `v`, adding it when new.
  uint32_t Insert(const Stored& v) {
    uint64_t key = KeyOf(v);
    size_t mask = slots_.size() - 1;
    size_t slot = MixHash(key) & mask;
    while (true) {
      const Slot& s = slots_[slot];
      if (s.index == kEmpty) break;
      if (s.key == key && (kInlineKey || SameBytes(values_[s.index], v))) return s.index;
      slot = (slot + 1) & mask;
    }
    auto index = static_cast<uint32_t>(values_.size());
    if constexpr (std::is_same_v<Stored, std::string_view>) {
      const char* copy = reinterpret_cast<const char*>(arena_.Copy(v.data(), v.size()));
      values_.emplace_back(copy, v.size());
      plain_bytes_ += 4 + v.size();
    } else {
      values_.push_back(v);
      plain_bytes_ += StoredBytes(v, width_).size();
    }
    slots_[slot] = Slot{key, index};
    if (values_.size() * 2 > slots_.size()) Rehash(slots_.size() * 2);
    return index;
  }

  size_t size() const { return values_.size(); }
  /// Size of the dictionary page body.
  size_t plain_bytes() const { return plain_bytes_; }
  const std::vector<Stored>& values() const { return values_; }

  void Clear() {
    values_.clear();
    arena_.Reset();
    plain_bytes_ = 0;
    slots_.assign(1024, Slot{});
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  struct Slot {
    uint64_t key = 0;  // the value's bits (inline keys) or its hash
    uint32_t index = kEmpty;
  };

  uint64_t KeyOf(const Stored& v) const {
    if constexpr (kInlineKey) {
      uint64_t bits = 0;
      std::memcpy(&bits, &v, sizeof(Stored));
      return bits;
    } else {
      std::string_view bytes = StoredBytes(v, width_);
      return HashBytes(bytes.data(), bytes.size());
    }
  }

  bool SameBytes(const Stored& a, const Stored& b) const {
    return StoredBytes(a, width_) == StoredBytes(b, width_);
  }

  void Rehash(size_t size) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, Slot{});
    size_t mask = size - 1;
    for (const Slot& s : old) {
      if (s.index == kEmpty) continue;
      size_t slot = MixHash(s.key) & mask;
      while (slots_[slot].index != kEmpty) slot = (slot + 1) & mask;
      slots_[slot] = s;
    }
  }

  size_t width_;
  Arena arena_;
  std::vector<Stored> values_;
  std::vector<Slot> slots_;
  size_t plain_bytes_ = 0;
};

struct PageRecord {
  int64_t offset;  // in the chunk buffer
  int32_t size;    // header and body
  int64_t first_row;
};

template <typename Store, Type kPhysical>
class TypedColumnWriter final : public ColumnWriter {
  using In = typename Store::In;
  using Stored = typename Store::Stored;
  static constexpr bool kIsString = std::is_same_v<Stored, std::string_view>;
  static constexpr bool kChecksValues = requires(const In& v) { Store::Representable(v); };

 public:
  TypedColumnWriter(const WriterLeaf& leaf, const ColumnWriterOptions& options, Store store)
      : leaf_(leaf),
        options_(options),
        store_(store),
        width_(static_cast<size_t>(leaf.column.type_length)),
        max_definition_(static_cast<uint8_t>(leaf.column.max_definition_level)),
        max_repetition_(static_cast<uint8_t>(leaf.column.max_repetition_level)),
        dictionary_(width_) {
    ResetChunk();
  }

  Result<void> AppendFlat(const Vector& values, idx_t begin, idx_t end) override {
    if (max_definition_ == 0 && !values.validity().AllValid()) {
      for (idx_t row = begin; row < end; ++row) {
        if (!values.validity().RowIsValid(row)) return NullInRequired();
      }
    }
    if constexpr (kChecksValues) {
      const In* data = values.data<In>();
      for (idx_t row = begin; row < end; ++row) {
        if (values.validity().RowIsValid(row) && !Store::Representable(data[row])) {
          return Unrepresentable();
        }
      }
    }
    // Slices end where a page must: at page_max_rows, and at least every kSliceRows rows so
    // the byte limit is checked often enough.
    while (begin < end) {
      auto room = static_cast<idx_t>(options_.page_max_rows - page_rows_);
      idx_t slice_end = begin + std::min<idx_t>({end - begin, room, kSliceRows});
      AppendFlatSlice(values, begin, slice_end);
      begin = slice_end;
      SB_RETURN_IF_ERROR(AfterAppend());
    }
    return Ok();
  }

  Result<void> Append(const uint8_t* repetition, const uint8_t* definition, size_t count,
                      const Vector& values, const sel_t* value_rows, size_t value_count) override {
    if constexpr (kChecksValues) {
      const In* data = values.data<In>();
      for (size_t i = 0; i < value_count; ++i) {
        if (!Store::Representable(data[value_rows[i]])) return Unrepresentable();
      }
    }
    size_t level = 0;
    size_t value = 0;
    while (level < count) {
      // The levels of at most `room` rows (a row starts at repetition level 0).
      auto room = static_cast<size_t>(options_.page_max_rows - page_rows_);
      size_t cut = level;
      size_t rows = 0;
      if (max_repetition_ == 0) {
        cut = level + std::min(count - level, room);
        rows = cut - level;
      } else {
        while (cut < count) {
          if (repetition[cut] == 0) {
            if (rows == room) break;
            ++rows;
          }
          ++cut;
        }
      }
      size_t values_in_slice = 0;
      if (max_definition_ == 0) {
        values_in_slice = cut - level;
      } else {
        for (size_t i = level; i < cut; ++i) values_in_slice += definition[i] == max_definition_;
      }
      if (value + values_in_slice > value_count) {
        return Error{ErrorCode::kInternal, "levels announce more values than were given"};
      }
      AppendLevels(max_repetition_ > 0 ? repetition + level : nullptr,
                   max_definition_ > 0 ? definition + level : nullptr, cut - level,
                   static_cast<int64_t>(rows), values, value_rows + value, values_in_slice);
      level = cut;
      value += values_in_slice;
      SB_RETURN_IF_ERROR(AfterAppend());
    }
    return Ok();
  }

  int64_t buffered_bytes() const override {
    return static_cast<int64_t>(chunk_.size() + PageValueBytes() + definitions_.size() / 4 +
                                repetitions_.size() / 4);
  }

  Result<FinishedColumnChunk> Finish(WritableFile& file) override {
    SB_RETURN_IF_ERROR(FlushPage());
    FinishedColumnChunk result;
    ColumnMetaData& meta = result.chunk.meta_data.emplace();
    meta.type = kPhysical;
    meta.path_in_schema = leaf_.column.path;
    meta.codec = options_.codec;
    meta.num_values = chunk_levels_;
    int64_t start = file.position();
    int64_t uncompressed = 0;
    if (dictionary_used_) {
      std::vector<uint8_t> body;
      for (const Stored& v : dictionary_.values()) AppendPlain(body, v, width_);
      if constexpr (std::is_same_v<Stored, bool>) PackBooleans(body);
      PageHeader header;
      header.type = PageType::kDictionaryPage;
      header.dictionary_page_header.emplace();
      header.dictionary_page_header->num_values = static_cast<int32_t>(dictionary_.size());
      header.dictionary_page_header->encoding = Encoding::kPlain;
      std::vector<uint8_t> page;
      SB_RETURN_IF_ERROR(BuildPage(header, body, {}, page, uncompressed));
      SB_RETURN_IF_ERROR(file.Append(page.data(), page.size()));
      meta.dictionary_page_offset = start;
      AddEncodingStat(PageType::kDictionaryPage, Encoding::kPlain);
    }
    meta.data_page_offset = file.position();
    SB_RETURN_IF_ERROR(file.Append(chunk_.data(), chunk_.size()));
    meta.total_uncompressed_size = uncompressed + chunk_uncompressed_;
    meta.total_compressed_size = file.position() - start;
    meta.encoding_stats.emplace();
    for (const auto& [key, count] : encoding_counts_) {
      meta.encoding_stats->push_back(
          PageEncodingStats{key.first, key.second, static_cast<int32_t>(count)});
      if (std::find(meta.encodings.begin(), meta.encodings.end(), key.second) ==
          meta.encodings.end()) {
        meta.encodings.push_back(key.second);
      }
    }
    if (max_definition_ > 0 || max_repetition_ > 0) meta.encodings.push_back(Encoding::kRle);
    result.chunk.file_offset = 0;
    for (const PageRecord& page : pages_) {
      result.offset_index.page_locations.push_back(
          PageLocation{meta.data_page_offset + page.offset, page.size, page.first_row});
    }
    result.null_count = chunk_bounds_.nulls;
    if constexpr (std::is_floating_point_v<In>) result.nan_count = chunk_bounds_.nans;
    bool ordered = leaf_.column.sort_order != SortOrder::kUnknown;
    if (options_.statistics) {
      Statistics& s = meta.statistics.emplace();
      s.null_count = chunk_bounds_.nulls;
      if constexpr (std::is_floating_point_v<In>) s.nan_count = chunk_bounds_.nans;
      if (ordered && chunk_bounds_.has) {
        bool min_exact;
        bool max_exact;
        s.min_value = EncodeBound(chunk_bounds_.min, /*is_max=*/false, min_exact);
        s.max_value = EncodeBound(chunk_bounds_.max, /*is_max=*/true, max_exact);
        s.is_min_value_exact = min_exact;
        s.is_max_value_exact = max_exact;
      }
    }
    if (ordered && chunk_bounds_.has) {
      result.min = BoundValue(chunk_bounds_.min);
      result.max = BoundValue(chunk_bounds_.max);
    }
    if (options_.page_index && ordered && column_index_valid_ && !pages_.empty()) {
      column_index_.boundary_order = BoundaryOrderOf();
      result.column_index = std::move(column_index_);
    }
    if (options_.bloom_filter) {
      std::sort(bloom_hashes_.begin(), bloom_hashes_.end());
      bloom_hashes_.erase(std::unique(bloom_hashes_.begin(), bloom_hashes_.end()),
                          bloom_hashes_.end());
      BloomFilter filter(
          BloomFilter::OptimalNumBytes(bloom_hashes_.size(), options_.bloom_filter_fpp));
      for (uint64_t h : bloom_hashes_) filter.Insert(h);
      result.bloom_filter = std::move(filter);
    }
    ResetChunk();
    return result;
  }

 private:
  static constexpr idx_t kSliceRows = 1024;

  static Error NullInRequired() {
    return Error{ErrorCode::kInvalidParameter, "NULL value in a column that is not nullable"};
  }

  Error Unrepresentable() const {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("column '{}': Parquet's INTERVAL stores only non-negative whole "
                             "milliseconds, days and months; the value cannot be written",
                             leaf_.column.PathString())};
  }

  void AppendFlatSlice(const Vector& values, idx_t begin, idx_t end) {
    const In* data = values.data<In>();
    const ValidityMask& validity = values.validity();
    if (validity.AllValid()) {
      if (max_definition_ > 0)
        definitions_.insert(definitions_.end(), end - begin, max_definition_);
      for (idx_t row = begin; row < end; ++row) AddValue(data[row]);
    } else {
      for (idx_t row = begin; row < end; ++row) {
        bool valid = validity.RowIsValid(row);
        definitions_.push_back(valid ? max_definition_ : 0);
        if (valid) {
          AddValue(data[row]);
        } else {
          ++page_bounds_.nulls;
        }
      }
    }
    page_levels_ += end - begin;
    page_rows_ += static_cast<int64_t>(end - begin);
  }

  void AppendLevels(const uint8_t* repetition, const uint8_t* definition, size_t count,
                    int64_t rows, const Vector& values, const sel_t* value_rows,
                    size_t value_count) {
    const In* data = values.data<In>();
    if (repetition != nullptr)
      repetitions_.insert(repetitions_.end(), repetition, repetition + count);
    if (definition != nullptr)
      definitions_.insert(definitions_.end(), definition, definition + count);
    for (size_t i = 0; i < value_count; ++i) AddValue(data[value_rows[i]]);
    page_bounds_.nulls += static_cast<int64_t>(count - value_count);
    page_levels_ += count;
    page_rows_ += rows;
  }

  void AddValue(const In& v) {
    page_bounds_.Update(v);
    Stored stored = store_(v);
    if (options_.bloom_filter) {
      std::string_view bytes = StoredBytes(stored, width_);
      bloom_hashes_.push_back(XxHash64(bytes.data(), bytes.size()));
    }
    if (use_dictionary_) {
      indexes_.push_back(dictionary_.Insert(stored));
    } else {
      AppendPlain(plain_, stored, width_);
    }
  }

  size_t PageValueBytes() const {
    if (!use_dictionary_) return plain_.size();
    int width = std::max(1, BitWidth(dictionary_.size()));
    return indexes_.size() * static_cast<size_t>(width) / 8 + 1;
  }

  Result<void> AfterAppend() {
    if (use_dictionary_ &&
        (static_cast<int64_t>(dictionary_.plain_bytes()) > options_.dictionary_max_bytes ||
         static_cast<int64_t>(dictionary_.size()) > options_.dictionary_max_entries)) {
      SB_RETURN_IF_ERROR(FlushPage());
      use_dictionary_ = false;  // the rest of the chunk is encoded without the dictionary
      return Ok();
    }
    int64_t page_bytes =
        static_cast<int64_t>(PageValueBytes() + definitions_.size() / 4 + repetitions_.size() / 4);
    if (page_bytes >= options_.page_max_bytes || page_rows_ >= options_.page_max_rows) {
      return FlushPage();
    }
    return Ok();
  }

  static void PackBooleans(std::vector<uint8_t>& values) {
    std::vector<uint8_t> packed((values.size() + 7) / 8, 0);
    for (size_t i = 0; i < values.size(); ++i)
      packed[i >> 3] |= static_cast<uint8_t>(values[i] << (i & 7));
    values = std::move(packed);
  }

  static void EncodeLevels(const std::vector<uint8_t>& levels, int max_level, bool length_prefix,
                           std::vector<uint8_t>& out) {
    size_t at = out.size();
    if (length_prefix) out.resize(at + 4);
    RleBitPackedEncoder::Encode(levels.data(), levels.size(),
                                BitWidth(static_cast<uint64_t>(max_level)), out);
    if (length_prefix) StoreUnaligned(out.data() + at, static_cast<uint32_t>(out.size() - at - 4));
  }

  // Encodes the page's values; returns the encoding used.
  Encoding EncodeValues(std::vector<uint8_t>& out) {
    if (use_dictionary_) {
      int width = std::max(1, BitWidth(dictionary_.size() > 0 ? dictionary_.size() - 1 : 0));
      out.push_back(static_cast<uint8_t>(width));
      RleBitPackedEncoder::Encode(indexes_.data(), indexes_.size(), width, out);
      return Encoding::kRleDictionary;
    }
    if constexpr (std::is_same_v<Stored, bool>) {
      std::vector<uint8_t> packed = plain_;
      PackBooleans(packed);
      out.insert(out.end(), packed.begin(), packed.end());
      return Encoding::kPlain;
    } else {
      if (options_.fallback_encoding == ValueEncoding::kDelta) {
        if constexpr (std::is_same_v<Stored, int32_t> || std::is_same_v<Stored, int64_t>) {
          std::vector<Stored> values(plain_.size() / sizeof(Stored));
          if (!values.empty()) std::memcpy(values.data(), plain_.data(), plain_.size());
          DeltaBinaryPackedEncoder::Encode(values.data(), values.size(), out);
          return Encoding::kDeltaBinaryPacked;
        } else if constexpr (kIsString) {
          std::vector<int32_t> lengths;
          std::vector<uint8_t> bytes;
          for (size_t p = 0; p < plain_.size();) {
            uint32_t length = LoadUnaligned<uint32_t>(plain_.data() + p);
            lengths.push_back(static_cast<int32_t>(length));
            bytes.insert(bytes.end(), plain_.begin() + static_cast<ptrdiff_t>(p + 4),
                         plain_.begin() + static_cast<ptrdiff_t>(p + 4 + length));
            p += 4 + length;
          }
          DeltaBinaryPackedEncoder::Encode(lengths.data(), lengths.size(), out);
          out.insert(out.end(), bytes.begin(), bytes.end());
          return Encoding::kDeltaLengthByteArray;
        }
      }
      if constexpr (std::is_floating_point_v<Stored>) {
        if (options_.fallback_encoding == ValueEncoding::kByteStreamSplit) {
          ByteStreamSplitEncode(plain_.data(), sizeof(Stored), plain_.size() / sizeof(Stored), out);
          return Encoding::kByteStreamSplit;
        }
      }
      out.insert(out.end(), plain_.begin(), plain_.end());
      return Encoding::kPlain;
    }
  }

  // Compresses `body` into a page (header first) appended to `out`. `levels` (data page v2)
  // stays uncompressed in front of the compressed values.
  Result<void> BuildPage(PageHeader& header, const std::vector<uint8_t>& body,
                         const std::vector<uint8_t>& levels, std::vector<uint8_t>& out,
                         int64_t& uncompressed_total) {
    compressed_.clear();
    compressed_.insert(compressed_.end(), levels.begin(), levels.end());
    bool compress = options_.codec != CompressionCodec::kUncompressed;
    if (compress) {
      SB_RETURN_IF_ERROR(Codec::Compress(options_.codec, options_.compression_level, body.data(),
                                         body.size(), compressed_));
    } else {
      compressed_.insert(compressed_.end(), body.begin(), body.end());
    }
    header.uncompressed_page_size = static_cast<int32_t>(levels.size() + body.size());
    header.compressed_page_size = static_cast<int32_t>(compressed_.size());
    if (options_.page_checksums) {
      header.crc =
          static_cast<int32_t>(crc32(0, compressed_.data(), static_cast<uInt>(compressed_.size())));
    }
    size_t start = out.size();
    SerializeThrift(header, out);
    uncompressed_total += static_cast<int64_t>(out.size() - start) + header.uncompressed_page_size;
    out.insert(out.end(), compressed_.begin(), compressed_.end());
    return Ok();
  }

  // Whether the first page's values are worth a dictionary. Not when they are nearly all
  // distinct, when the dictionary already outgrew its limits, or when each value arrives in
  // one run shorter than RLE's minimum of 8 (sorted or clustered keys): such indexes bit-pack
  // into bytes that compress worse than the values themselves.
  bool FirstPageWantsDictionary() const {
    size_t entries = dictionary_.size();
    if (static_cast<int64_t>(dictionary_.plain_bytes()) > options_.dictionary_max_bytes ||
        static_cast<int64_t>(entries) > options_.dictionary_max_entries) {
      return false;
    }
    if (entries <= 1024) return true;
    if (entries * 5 > indexes_.size() * 4) return false;
    return indexes_.size() >= entries * 8 || !std::is_sorted(indexes_.begin(), indexes_.end());
  }

  Result<void> FlushPage() {
    if (page_levels_ == 0) return Ok();
    if (use_dictionary_ && pages_.empty() && !FirstPageWantsDictionary()) {
      // The chunk is written without a dictionary, this page included.
      for (uint32_t index : indexes_) AppendPlain(plain_, dictionary_.values()[index], width_);
      indexes_.clear();
      use_dictionary_ = false;
    }
    std::vector<uint8_t> body;
    std::vector<uint8_t> levels;
    PageHeader header;
    bool v2 = options_.data_page_version == 2;
    if (v2) {
      if (max_repetition_ > 0) EncodeLevels(repetitions_, max_repetition_, false, levels);
      size_t repetition_bytes = levels.size();
      if (max_definition_ > 0) EncodeLevels(definitions_, max_definition_, false, levels);
      Encoding encoding = EncodeValues(body);
      header.type = PageType::kDataPageV2;
      DataPageHeaderV2& h = header.data_page_header_v2.emplace();
      h.num_values = static_cast<int32_t>(page_levels_);
      h.num_nulls = static_cast<int32_t>(page_bounds_.nulls);
      h.num_rows = static_cast<int32_t>(page_rows_);
      h.encoding = encoding;
      h.repetition_levels_byte_length = static_cast<int32_t>(repetition_bytes);
      h.definition_levels_byte_length = static_cast<int32_t>(levels.size() - repetition_bytes);
      h.is_compressed = options_.codec != CompressionCodec::kUncompressed;
      AddEncodingStat(PageType::kDataPageV2, encoding);
    } else {
      if (max_repetition_ > 0) EncodeLevels(repetitions_, max_repetition_, true, body);
      if (max_definition_ > 0) EncodeLevels(definitions_, max_definition_, true, body);
      Encoding encoding = EncodeValues(body);
      header.type = PageType::kDataPage;
      DataPageHeader& h = header.data_page_header.emplace();
      h.num_values = static_cast<int32_t>(page_levels_);
      h.encoding = encoding;
      h.definition_level_encoding = Encoding::kRle;
      h.repetition_level_encoding = Encoding::kRle;
      AddEncodingStat(PageType::kDataPage, encoding);
    }
    dictionary_used_ = dictionary_used_ || use_dictionary_;
    size_t offset = chunk_.size();
    SB_RETURN_IF_ERROR(BuildPage(header, body, levels, chunk_, chunk_uncompressed_));
    pages_.push_back(PageRecord{static_cast<int64_t>(offset),
                                static_cast<int32_t>(chunk_.size() - offset), chunk_rows_});
    RecordPageIndex();
    chunk_bounds_.Merge(page_bounds_);
    chunk_levels_ += static_cast<int64_t>(page_levels_);
    chunk_rows_ += page_rows_;
    page_bounds_ = Bounds<In>{};
    page_levels_ = 0;
    page_rows_ = 0;
    definitions_.clear();
    repetitions_.clear();
    indexes_.clear();
    plain_.clear();
    return Ok();
  }

  void RecordPageIndex() {
    bool null_page = page_bounds_.values == 0;
    column_index_.null_pages.push_back(null_page);
    column_index_.null_counts->push_back(page_bounds_.nulls);
    if constexpr (std::is_floating_point_v<In>)
      column_index_.nan_counts->push_back(page_bounds_.nans);
    if (null_page) {
      column_index_.min_values.emplace_back();
      column_index_.max_values.emplace_back();
      return;
    }
    if (!page_bounds_.has) {
      column_index_valid_ = false;  // only NaNs: TYPE_ORDER forbids a column index
      column_index_.min_values.emplace_back();
      column_index_.max_values.emplace_back();
      return;
    }
    bool exact;
    column_index_.min_values.push_back(EncodeBound(page_bounds_.min, false, exact));
    column_index_.max_values.push_back(EncodeBound(page_bounds_.max, true, exact));
    page_mins_.push_back(page_bounds_.min);
    page_maxes_.push_back(page_bounds_.max);
  }

  BoundaryOrder BoundaryOrderOf() const {
    bool ascending = true;
    bool descending = true;
    for (size_t i = 1; i < page_mins_.size(); ++i) {
      if (Less(page_mins_[i], page_mins_[i - 1]) || Less(page_maxes_[i], page_maxes_[i - 1])) {
        ascending = false;
      }
      if (Less(page_mins_[i - 1], page_mins_[i]) || Less(page_maxes_[i - 1], page_maxes_[i])) {
        descending = false;
      }
    }
    if (ascending) return BoundaryOrder::kAscending;
    if (descending) return BoundaryOrder::kDescending;
    return BoundaryOrder::kUnordered;
  }

  // PLAIN bytes of a bound (byte arrays without length, truncated).
  std::string EncodeBound(const Held<In>& v, bool is_max, bool& exact) const {
    exact = true;
    if constexpr (std::is_same_v<In, StringView>) {
      bool utf8 = leaf_.input_type.id() == TypeId::kVarchar ||
                  leaf_.input_type.id() == TypeId::kChar || leaf_.input_type.id() == TypeId::kJson;
      size_t limit = std::max<size_t>(options_.statistics_truncate_length, 1);
      return is_max ? TruncateMax(v, limit, utf8, exact) : TruncateMin(v, limit, utf8, exact);
    } else {
      In value = v;
      if constexpr (std::is_floating_point_v<In>) {
        // The specification's rule for zeros: the minimum is written as -0, the maximum as +0.
        if (value == 0) value = is_max ? In(0) : -In(0);
      }
      Stored stored = store_(value);
      if constexpr (std::is_same_v<Stored, bool>) {
        return std::string(1, stored ? '\1' : '\0');
      } else {
        return std::string(StoredBytes(stored, width_));
      }
    }
  }

  std::optional<Value> BoundValue(const Held<In>& v) const {
    if constexpr (std::is_same_v<In, StringView>) {
      StringView view(v);
      return Value::FromPhysical(leaf_.input_type, &view);
    } else {
      return Value::FromPhysical(leaf_.input_type, &v);
    }
  }

  void AddEncodingStat(PageType type, Encoding encoding) { ++encoding_counts_[{type, encoding}]; }

  void ResetChunk() {
    use_dictionary_ = options_.dictionary && !std::is_same_v<Stored, bool>;
    dictionary_used_ = false;
    dictionary_.Clear();
    chunk_.clear();
    chunk_uncompressed_ = 0;
    chunk_levels_ = 0;
    chunk_rows_ = 0;
    chunk_bounds_ = Bounds<In>{};
    pages_.clear();
    encoding_counts_.clear();
    column_index_ = ColumnIndex{};
    column_index_.null_counts.emplace();
    if constexpr (std::is_floating_point_v<In>) column_index_.nan_counts.emplace();
    column_index_valid_ = true;
    page_mins_.clear();
    page_maxes_.clear();
    bloom_hashes_.clear();
  }

  const WriterLeaf& leaf_;
  ColumnWriterOptions options_;
  Store store_;
  size_t width_;
  uint8_t max_definition_;
  uint8_t max_repetition_;

  // The page being built.
  std::vector<uint8_t> definitions_;
  std::vector<uint8_t> repetitions_;
  std::vector<uint32_t> indexes_;
  std::vector<uint8_t> plain_;
  size_t page_levels_ = 0;
  int64_t page_rows_ = 0;
  Bounds<In> page_bounds_;

  // The column chunk being built.
  bool use_dictionary_ = true;
  bool dictionary_used_ = false;
  DictionaryBuilder<Stored> dictionary_;
  std::vector<uint8_t> chunk_;
  std::vector<uint8_t> compressed_;
  int64_t chunk_uncompressed_ = 0;
  int64_t chunk_levels_ = 0;
  int64_t chunk_rows_ = 0;
  Bounds<In> chunk_bounds_;
  std::vector<PageRecord> pages_;
  std::map<std::pair<PageType, Encoding>, int64_t> encoding_counts_;
  ColumnIndex column_index_;
  bool column_index_valid_ = true;
  std::vector<Held<In>> page_mins_;
  std::vector<Held<In>> page_maxes_;
  std::vector<uint64_t> bloom_hashes_;
};

template <typename Store, Type kPhysical>
std::unique_ptr<ColumnWriter> New(const WriterLeaf& leaf, const ColumnWriterOptions& options,
                                  Store store = Store()) {
  return std::make_unique<TypedColumnWriter<Store, kPhysical>>(leaf, options, store);
}

}  // namespace

std::unique_ptr<ColumnWriter> ColumnWriter::Make(const WriterLeaf& leaf,
                                                 const ColumnWriterOptions& options) {
  auto width = static_cast<size_t>(leaf.column.type_length);
  const LogicalType& type = leaf.input_type;
  switch (type.id()) {
    case TypeId::kBoolean:
      return New<StoreCast<bool, bool>, Type::kBoolean>(leaf, options);
    case TypeId::kTinyint:
    case TypeId::kUnknown:
      return New<StoreCast<int8_t, int32_t>, Type::kInt32>(leaf, options);
    case TypeId::kSmallint:
      return New<StoreCast<int16_t, int32_t>, Type::kInt32>(leaf, options);
    case TypeId::kInteger:
    case TypeId::kDate:
      return New<StoreCast<int32_t, int32_t>, Type::kInt32>(leaf, options);
    case TypeId::kBigint:
    case TypeId::kTime:
    case TypeId::kTimestamp:
      return New<StoreCast<int64_t, int64_t>, Type::kInt64>(leaf, options);
    case TypeId::kTimestampTz:
      return New<StoreTimestampTz, Type::kInt64>(leaf, options);
    case TypeId::kReal:
      return New<StoreCast<float, float>, Type::kFloat>(leaf, options);
    case TypeId::kDouble:
      return New<StoreCast<double, double>, Type::kDouble>(leaf, options);
    case TypeId::kDecimal:
      if (leaf.column.physical_type == Type::kInt32) {
        return New<StoreCast<int64_t, int32_t>, Type::kInt32>(leaf, options);
      }
      if (leaf.column.physical_type == Type::kInt64) {
        return New<StoreCast<int64_t, int64_t>, Type::kInt64>(leaf, options);
      }
      return New<StoreBigEndian<int128_t>, Type::kFixedLenByteArray>(
          leaf, options, StoreBigEndian<int128_t>{width});
    case TypeId::kUuid:
      return New<StoreBigEndian<uint128_t>, Type::kFixedLenByteArray>(
          leaf, options, StoreBigEndian<uint128_t>{width});
    case TypeId::kIntervalDayTime:
      return New<StoreIntervalDayTime, Type::kFixedLenByteArray>(leaf, options,
                                                                 StoreIntervalDayTime{width});
    case TypeId::kIntervalYearMonth:
      return New<StoreIntervalYearMonth, Type::kFixedLenByteArray>(leaf, options,
                                                                   StoreIntervalYearMonth{width});
    default:
      return New<StoreString, Type::kByteArray>(leaf, options);
  }
}

}  // namespace switchboard::parquet
