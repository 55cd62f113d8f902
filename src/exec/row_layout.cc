// Row scatter/gather and key comparison.
#include "exec/row_layout.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "common/error.h"
#include "function/scalar_executor.h"
#include "types/value.h"

namespace switchboard {

namespace {

idx_t AlignUp(idx_t value, idx_t alignment) { return (value + alignment - 1) / alignment * alignment; }

template <typename T>
T Normalize(T value) {
  if constexpr (std::is_floating_point_v<T>) {
    if (value == 0) return 0;  // -0.0 and 0.0 group together
    if (std::isnan(value)) return std::numeric_limits<T>::quiet_NaN();
  }
  return value;
}

template <typename T>
void ScatterTyped(const Vector& vector, idx_t count, uint8_t* const* rows, idx_t offset, idx_t column) {
  UnifiedFormat format;
  vector.ToUnifiedFormat(count, format);
  const T* data = format.GetData<T>();
  uint8_t bit = static_cast<uint8_t>(1u << (column & 7));
  idx_t byte = column >> 3;
  for (idx_t i = 0; i < count; ++i) {
    idx_t index = format.sel->get_index(i);
    uint8_t* row = rows[i];
    if (format.validity->RowIsValid(index)) {
      T value = Normalize(data[index]);
      std::memcpy(row + offset, &value, sizeof(T));
      row[byte] |= bit;
    } else {
      std::memset(row + offset, 0, sizeof(T));
      row[byte] &= static_cast<uint8_t>(~bit);
    }
  }
}

template <typename T>
void GatherTyped(const uint8_t* const* rows, idx_t count, idx_t offset, idx_t column, Vector& result,
                 idx_t result_offset) {
  T* out = result.data<T>() + result_offset;
  uint8_t bit = static_cast<uint8_t>(1u << (column & 7));
  idx_t byte = column >> 3;
  for (idx_t i = 0; i < count; ++i) {
    std::memcpy(&out[i], rows[i] + offset, sizeof(T));
    if (!(rows[i][byte] & bit)) result.SetNull(result_offset + i);
  }
}

}  // namespace

RowLayout::RowLayout(std::vector<LogicalType> types, idx_t extra_bytes) : types_(std::move(types)) {
  validity_bytes_ = (types_.size() + 7) / 8;
  idx_t offset = validity_bytes_;
  for (const auto& type : types_) {
    FieldKind kind;
    idx_t width;
    switch (type.physical_type()) {
      case PhysicalType::kString: kind = FieldKind::kString; width = sizeof(StringView); break;
      case PhysicalType::kTimestampTz: kind = FieldKind::kTimestampTz; width = sizeof(TimestampTz); break;
      case PhysicalType::kList:
      case PhysicalType::kStruct: kind = FieldKind::kNested; width = sizeof(Value*); has_nested_ = true; break;
      default: kind = FieldKind::kFixed; width = PhysicalTypeSize(type.physical_type()); break;
    }
    if (kind != FieldKind::kFixed) all_fixed_ = false;
    offsets_.push_back(offset);
    widths_.push_back(width);
    kinds_.push_back(kind);
    offset += width;
  }
  extra_offset_ = AlignUp(offset, 16);
  row_width_ = AlignUp(extra_offset_ + extra_bytes, 16);
}

void RowLayout::Scatter(const std::vector<const Vector*>& columns, idx_t count, uint8_t* const* rows) const {
  SB_CHECK(columns.size() <= types_.size());
  for (idx_t c = 0; c < columns.size(); ++c) {
    const Vector& vector = *columns[c];
    if (kinds_[c] == FieldKind::kNested) {
      uint8_t bit = static_cast<uint8_t>(1u << (c & 7));
      for (idx_t i = 0; i < count; ++i) {
        Value v = vector.GetValue(i);
        if (v.is_null()) {
          rows[i][c >> 3] &= static_cast<uint8_t>(~bit);
        } else {
          rows[i][c >> 3] |= bit;
          auto* owned = new Value(std::move(v));
          std::memcpy(rows[i] + offsets_[c], &owned, sizeof(owned));
        }
      }
      continue;
    }
    DispatchPhysical(vector.type().physical_type(), [&](auto tag) {
      ScatterTyped<decltype(tag)>(vector, count, rows, offsets_[c], c);
    });
  }
}

void RowLayout::Persist(uint8_t* row, Arena& arena) const {
  if (all_fixed_) return;
  for (idx_t c = 0; c < types_.size(); ++c) {
    if (kinds_[c] != FieldKind::kString || !IsValid(row, c)) continue;
    StringView s;
    std::memcpy(&s, row + offsets_[c], sizeof(s));
    if (s.IsInline()) continue;
    auto* copy = reinterpret_cast<const char*>(arena.Copy(s.data(), s.size()));
    StringView persisted(copy, s.size());
    std::memcpy(row + offsets_[c], &persisted, sizeof(persisted));
  }
}

void RowLayout::DestroyNested(uint8_t* row) const {
  if (!has_nested_) return;
  for (idx_t c = 0; c < types_.size(); ++c) {
    if (kinds_[c] != FieldKind::kNested) continue;
    if (!IsValid(row, c)) continue;
    Value* owned;
    std::memcpy(&owned, row + offsets_[c], sizeof(owned));
    delete owned;
    owned = nullptr;
    std::memcpy(row + offsets_[c], &owned, sizeof(owned));
  }
}

void RowLayout::Gather(const uint8_t* const* rows, idx_t count, idx_t column, Vector& result, idx_t offset) const {
  if (kinds_[column] == FieldKind::kNested) {
    for (idx_t i = 0; i < count; ++i) {
      if (!IsValid(rows[i], column)) {
        result.SetValue(offset + i, Value::Null(types_[column]));
        continue;
      }
      Value* owned;
      std::memcpy(&owned, rows[i] + offsets_[column], sizeof(owned));
      result.SetValue(offset + i, *owned);
    }
    return;
  }
  DispatchPhysical(types_[column].physical_type(), [&](auto tag) {
    GatherTyped<decltype(tag)>(rows, count, offsets_[column], column, result, offset);
  });
}

bool RowLayout::KeysEqual(const uint8_t* a, const uint8_t* b, idx_t compare_columns) const {
  for (idx_t c = 0; c < compare_columns; ++c) {
    bool av = IsValid(a, c), bv = IsValid(b, c);
    if (av != bv) return false;
    if (!av) continue;
    const uint8_t* x = a + offsets_[c];
    const uint8_t* y = b + offsets_[c];
    switch (kinds_[c]) {
      case FieldKind::kFixed:
        if (std::memcmp(x, y, widths_[c]) != 0) return false;
        break;
      case FieldKind::kTimestampTz:
        if (std::memcmp(x, y, sizeof(int64_t)) != 0) return false;
        break;
      case FieldKind::kString: {
        StringView s, t;
        std::memcpy(&s, x, sizeof(s));
        std::memcpy(&t, y, sizeof(t));
        if (s != t) return false;
        break;
      }
      case FieldKind::kNested: {
        Value* s;
        Value* t;
        std::memcpy(&s, x, sizeof(s));
        std::memcpy(&t, y, sizeof(t));
        if (!(*s == *t)) return false;
        break;
      }
    }
  }
  return true;
}

}  // namespace switchboard
