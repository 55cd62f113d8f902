// Normalized sort keys and row gathering.
#include "exec/row_sorter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "function/comparison.h"
#include "function/scalar_executor.h"
#include "types/physical_compare.h"

namespace switchboard {

namespace {

constexpr idx_t kStringPrefix = 12;

// Bytes of the normalized form of one value (excluding the null marker).
idx_t EncodedWidth(const LogicalType& type) {
  switch (type.physical_type()) {
    case PhysicalType::kString: return kStringPrefix;
    case PhysicalType::kTimestampTz: return 8;
    case PhysicalType::kList:
    case PhysicalType::kStruct: return 0;
    default: return PhysicalTypeSize(type.physical_type());
  }
}

template <typename U>
void StoreBigEndian(uint8_t* out, U value) {
  for (int i = sizeof(U) - 1; i >= 0; --i) {
    out[i] = static_cast<uint8_t>(value);
    value >>= 8;
  }
}

template <typename T>
void EncodeValue(const T& value, uint8_t* out) {
  if constexpr (std::is_same_v<T, bool>) {
    out[0] = value ? 1 : 0;
  } else if constexpr (std::is_same_v<T, StringView>) {
    std::memset(out, 0, kStringPrefix);
    std::memcpy(out, value.data(), std::min<idx_t>(value.size(), kStringPrefix));
  } else if constexpr (std::is_same_v<T, TimestampTz>) {
    StoreBigEndian(out, static_cast<uint64_t>(value.micros) ^ (uint64_t{1} << 63));
  } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    using U = std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>;
    T v = value == 0 ? T(0) : value;
    if (std::isnan(v)) v = std::numeric_limits<T>::quiet_NaN();
    U bits;
    std::memcpy(&bits, &v, sizeof(bits));
    U sign = U{1} << (sizeof(U) * 8 - 1);
    bits = (bits & sign) ? ~bits : (bits | sign);
    StoreBigEndian(out, bits);
  } else if constexpr (std::is_same_v<T, uint128_t>) {
    StoreBigEndian(out, value);
  } else {
    using U = std::make_unsigned_t<T>;
    U bits = static_cast<U>(value) ^ (U{1} << (sizeof(U) * 8 - 1));
    StoreBigEndian(out, bits);
  }
}

}  // namespace

RowSorter::RowSorter(const ChunkCollection& rows, std::vector<SortSpec> specs)
    : rows_(rows), specs_(std::move(specs)) {
  for (const auto& spec : specs_) key_width_ += 1 + EncodedWidth(rows_.types()[spec.column]);
  EncodeKeys();
}

void RowSorter::EncodeKeys() {
  idx_t n = rows_.size();
  keys_.assign(n * key_width_, 0);
  strings_.resize(specs_.size());
  nested_.resize(specs_.size());
  idx_t offset = 0;
  for (size_t k = 0; k < specs_.size(); ++k) {
    const SortSpec& spec = specs_[k];
    const LogicalType& type = rows_.types()[spec.column];
    idx_t width = EncodedWidth(type);
    uint8_t null_byte = spec.nulls_first ? 0 : 1;
    uint8_t value_byte = spec.nulls_first ? 1 : 0;
    PhysicalType physical = type.physical_type();
    bool nested = physical == PhysicalType::kList || physical == PhysicalType::kStruct;
    if (nested) {
      needs_tie_break_ = true;
      nested_[k].reserve(n);
    }
    if (physical == PhysicalType::kString) strings_[k].resize(n);
    idx_t row = 0;
    for (idx_t c = 0; c < rows_.ChunkCount(); ++c) {
      const DataChunk& chunk = rows_.chunk(c);
      const Vector& vector = chunk.column(spec.column);
      if (nested) {
        for (idx_t r = 0; r < chunk.size(); ++r) {
          Value v = vector.GetValue(r);
          keys_[(row + r) * key_width_ + offset] = v.is_null() ? null_byte : value_byte;
          nested_[k].push_back(std::move(v));
        }
        row += chunk.size();
        continue;
      }
      UnifiedFormat format;
      vector.ToUnifiedFormat(chunk.size(), format);
      DispatchPhysical(physical, [&](auto tag) {
        using T = decltype(tag);
        const T* data = format.GetData<T>();
        for (idx_t r = 0; r < chunk.size(); ++r) {
          uint8_t* out = &keys_[(row + r) * key_width_ + offset];
          idx_t index = format.sel->get_index(r);
          if (!format.validity->RowIsValid(index)) {
            out[0] = null_byte;
            continue;
          }
          out[0] = value_byte;
          EncodeValue<T>(data[index], out + 1);
          if (spec.descending) {
            for (idx_t b = 1; b <= width; ++b) out[b] = static_cast<uint8_t>(~out[b]);
          }
          if constexpr (std::is_same_v<T, StringView>) {
            strings_[k][row + r] = data[index];
            if (data[index].size() > kStringPrefix) needs_tie_break_ = true;
          }
        }
      });
      row += chunk.size();
    }
    offset += 1 + width;
  }
}

int RowSorter::Compare(idx_t a, idx_t b) const {
  const uint8_t* key_a = &keys_[a * key_width_];
  const uint8_t* key_b = &keys_[b * key_width_];
  if (!needs_tie_break_) return std::memcmp(key_a, key_b, key_width_);
  // Key by key: a string longer than its prefix (or a nested value) decides at its own key,
  // before any later key's bytes.
  idx_t offset = 0;
  for (size_t k = 0; k < specs_.size(); ++k) {
    const SortSpec& spec = specs_[k];
    idx_t width = 1 + EncodedWidth(rows_.types()[spec.column]);
    int c = std::memcmp(key_a + offset, key_b + offset, width);
    if (c != 0) return c;
    bool is_null = key_a[offset] == (spec.nulls_first ? 0 : 1);
    offset += width;
    if (is_null) continue;  // both NULL
    int result = 0;
    if (!strings_[k].empty()) {
      result = strings_[k][a].Compare(strings_[k][b]);
    } else if (!nested_[k].empty()) {
      result = CompareValues(nested_[k][a], nested_[k][b]);
    }
    if (result != 0) return spec.descending ? -result : result;
  }
  return 0;
}

bool RowSorter::Less(idx_t a, idx_t b) const { return Compare(a, b) < 0; }

std::vector<idx_t> RowSorter::Sort() const {
  std::vector<idx_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](idx_t a, idx_t b) { return Less(a, b); });
  return order;
}

std::vector<idx_t> RowSorter::SortTop(idx_t limit) const {
  std::vector<idx_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](idx_t a, idx_t b) {
    int c = Compare(a, b);
    return c != 0 ? c < 0 : a < b;  // stable
  };
  if (limit < order.size()) {
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(limit), order.end(), less);
  } else {
    std::sort(order.begin(), order.end(), less);
  }
  return order;
}

void GatherRows(const ChunkCollection& rows, const idx_t* order, idx_t count,
                const std::vector<idx_t>& columns, DataChunk& out) {
  for (size_t c = 0; c < columns.size(); ++c) {
    Vector& target = out.column(c);
    const LogicalType& type = rows.types()[columns[c]];
    PhysicalType physical = type.physical_type();
    if (physical == PhysicalType::kList || physical == PhysicalType::kStruct) {
      for (idx_t i = 0; i < count; ++i) {
        SelectionVector one(1);
        one.set_index(0, order[i] % kVectorSize);
        target.CopyRows(rows.chunk(order[i] / kVectorSize).column(columns[c]), one, 1, i);
      }
      continue;
    }
    // Collection chunks are flat; strings keep pointing into the collection, which outlives
    // the chunks gathered from it.
    DispatchPhysical(physical, [&](auto tag) {
      using T = decltype(tag);
      T* data = target.template data<T>();
      for (idx_t i = 0; i < count; ++i) {
        const Vector& source = rows.chunk(order[i] / kVectorSize).column(columns[c]);
        idx_t r = order[i] % kVectorSize;
        if (source.validity().RowIsValid(r)) {
          data[i] = source.template data<T>()[r];
        } else {
          target.SetNull(i);
        }
      }
    });
  }
  out.SetSize(count);
}

}  // namespace switchboard
