// Vector: one column of a batch of rows, in flat, constant or dictionary form, with the layout of
// its type's physical representation (see logical_type.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/arena.h"
#include "types/logical_type.h"
#include "types/selection_vector.h"
#include "types/string_view.h"
#include "types/validity_mask.h"

namespace switchboard {

class Value;

/// One ARRAY/MAP row: `length` elements of the list's child vector starting at `offset`.
struct ListEntry {
  uint32_t offset;
  uint32_t length;
};

/// A TIMESTAMP WITH TIME ZONE value: the instant (microseconds since the epoch, UTC) and the
/// zone it is shown in (a key of TimeZone; 0 is UTC). Comparisons use the instant only.
struct TimestampTz {
  int64_t micros;
  int16_t zone;
};
static_assert(sizeof(TimestampTz) == 16);

enum class VectorKind : uint8_t {
  kFlat,        // one value per row in `data`, NULLs in `validity`
  kConstant,    // one value (row 0) that stands for every row
  kDictionary,  // rows select entries of a flat child vector through a SelectionVector
};

/// Owns the bytes of long strings stored in string vectors, and keeps alive any external buffer
/// (a decoded Parquet page, say) that StringViews point into. Shared by vectors that reference
/// each other's strings.
class StringHeap {
 public:
  StringHeap() : arena_(1024) {}
  /// A StringView of `text`; long strings are copied into the heap.
  StringView Add(std::string_view text) {
    if (text.size() <= StringView::kInlineLength) {
      return StringView(text.data(), static_cast<uint32_t>(text.size()));
    }
    auto* copy = reinterpret_cast<const char*>(arena_.Copy(text.data(), text.size()));
    return StringView(copy, static_cast<uint32_t>(text.size()));
  }
  /// Writable space for a string of `size` bytes; wrap it with StringView once written.
  char* Allocate(size_t size) { return reinterpret_cast<char*>(arena_.Allocate(size)); }
  void KeepAlive(std::shared_ptr<const void> buffer) { keep_alive_.push_back(std::move(buffer)); }

 private:
  Arena arena_;
  std::vector<std::shared_ptr<const void>> keep_alive_;
};

/// A uniform read view of any vector kind: position i is at index sel->get_index(i) of `data`
/// and `validity`.
struct UnifiedFormat {
  const SelectionVector* sel;
  const uint8_t* data;
  const ValidityMask* validity;

  template <typename T>
  const T* GetData() const {
    return reinterpret_cast<const T*>(data);
  }
  bool RowIsValid(idx_t position) const { return validity->RowIsValid(sel->get_index(position)); }
};

/// A column of values. The number of rows is not stored: it is the count of the DataChunk (or the
/// list size of the parent) the vector belongs to.
///
/// Copying a Vector makes a reference: both share buffers. Writers construct a fresh vector (or
/// call ResetForWrite) and must not write into vectors they received.
///
/// Nested types: ARRAY and MAP vectors hold ListEntry values and one child vector (a MAP's child
/// is ROW(key, value)); ROW vectors have no data buffer, one child per field and their own
/// validity. Children of flat nested vectors are always flat.
class Vector {
 public:
  Vector() = default;
  /// A flat vector with room for `capacity` rows, all valid, contents uninitialized.
  explicit Vector(LogicalType type, idx_t capacity = kVectorSize);
  /// A constant vector holding `value`.
  static Vector Constant(const Value& value);
  /// A constant NULL of `type`.
  static Vector ConstantNull(const LogicalType& type);

  const LogicalType& type() const { return type_; }
  VectorKind kind() const { return kind_; }
  bool IsConstant() const { return kind_ == VectorKind::kConstant; }
  bool IsFlat() const { return kind_ == VectorKind::kFlat; }
  idx_t capacity() const { return capacity_; }

  // Flat and constant access. Constant vectors keep their value at row 0.
  template <typename T>
  T* data() {
    return reinterpret_cast<T*>(data_);
  }
  template <typename T>
  const T* data() const {
    return reinterpret_cast<const T*>(data_);
  }
  uint8_t* raw_data() { return data_; }
  ValidityMask& validity() { return validity_; }
  const ValidityMask& validity() const { return validity_; }
  bool IsNullConstant() const { return kind_ == VectorKind::kConstant && !validity_.RowIsValid(0); }
  /// Marks `row` NULL; in a ROW vector its fields too, so that no reader of a field (a copy, a
  /// hash) sees the stale value left there.
  void SetNull(idx_t row) {
    validity_.SetInvalid(row, capacity_);
    if (type_.physical_type() == PhysicalType::kStruct) SetFieldsNull(row);
  }

  // Strings (VARCHAR, CHAR, VARBINARY, JSON).
  StringHeap& string_heap();
  /// Copies `text` into this vector's heap when it is longer than the inline limit.
  StringView AddString(std::string_view text) { return string_heap().Add(text); }
  /// Shares `other`'s heap, so StringViews copied from `other` stay valid.
  void ShareStringHeap(const Vector& other);

  // ARRAY and MAP.
  Vector& list_child();
  const Vector& list_child() const;
  /// Elements in use in the child vector.
  idx_t list_size() const;
  void set_list_size(idx_t size);
  /// Grows the child's capacity to at least `size` elements, keeping its contents.
  void ReserveListChild(idx_t size);

  // ROW: one child per field, as many rows as the parent.
  std::vector<Vector>& struct_children();
  const std::vector<Vector>& struct_children() const;

  // Dictionary vectors: `dictionary_child()` is flat.
  const Vector& dictionary_child() const;
  const SelectionVector& dictionary_selection() const { return dictionary_sel_; }

  /// Restricts this vector to rows sel[0..count): flat vectors become dictionaries over their old
  /// contents, dictionaries compose their selections, constants stay constant.
  void Slice(const SelectionVector& sel, idx_t count);
  /// Converts to a flat vector of `count` rows (materializing constants and dictionaries).
  void Flatten(idx_t count);
  /// A read view of the first `count` rows, whatever the kind.
  void ToUnifiedFormat(idx_t count, UnifiedFormat& out) const;

  /// Makes this a constant vector (its row 0 must already hold the value).
  void SetKindConstant() { kind_ = VectorKind::kConstant; }
  /// Turns this into a flat vector of `capacity` rows that only this object owns, ready to be
  /// written from scratch: buffers are reused when no one else references them.
  void ResetForWrite(idx_t capacity = kVectorSize);

  /// Copies rows sel[0..count) of `source` (any kind) into rows [target_offset, ...) of this flat
  /// vector, which must have room. Strings are copied into this vector's heap; nested values are
  /// appended to this vector's children.
  void CopyRows(const Vector& source, const SelectionVector& sel, idx_t count,
                idx_t target_offset);

  /// Copies row `source_row` of a flat vector `source` into row `target_row` of this flat vector
  /// (strings into this vector's heap).
  void CopyRow(const Vector& source, idx_t source_row, idx_t target_row);

  /// Copies rows 0..count) of `source` (any kind) into rows target_rows[0..count) of this flat
  /// vector (the inverse of CopyRows: scatter instead of gather).
  void ScatterRows(const Vector& source, idx_t count, const SelectionVector& target_rows);

  /// Slow, value-at-a-time access for constants, tests and catalogs; not for hot loops.
  Value GetValue(idx_t row) const;
  /// Writes `value` (of this vector's type, or NULL) into row `row` of a flat vector.
  void SetValue(idx_t row, const Value& value);

 private:
  friend class DataChunk;

  void AllocateData(idx_t capacity);
  void SetFieldsNull(idx_t row);

  LogicalType type_;
  VectorKind kind_ = VectorKind::kFlat;
  idx_t capacity_ = 0;
  uint8_t* data_ = nullptr;
  ValidityMask validity_;
  std::shared_ptr<uint8_t> buffer_;   // owns data_
  std::shared_ptr<StringHeap> heap_;  // long strings
  struct Children {
    std::vector<Vector> vectors;  // list: [child], struct: fields, dictionary: [child]
    idx_t list_size = 0;
  };
  std::shared_ptr<Children> children_;
  SelectionVector dictionary_sel_;
};

/// Reads a value of physical type T at row `row` of a flat or constant vector.
template <typename T>
inline const T& FlatValue(const Vector& vector, idx_t row) {
  return vector.data<T>()[vector.IsConstant() ? 0 : row];
}

}  // namespace switchboard
