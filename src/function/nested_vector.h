// Reading and writing ARRAY, MAP and ROW vectors, and comparing, hashing and deduplicating
// values of any type stored in vectors (the element operations of array, map and collection
// functions).
#pragma once

#include <vector>

#include "common/hash.h"
#include "function/scalar_executor.h"
#include "types/physical_compare.h"
#include "types/vector.h"

namespace switchboard {

/// A vector position resolved to physical storage: `vector` has flat layout (a flat or constant
/// vector) and the value is at `index`.
struct RowRef {
  const Vector* vector;
  idx_t index;
};

/// Where row `row` of `vector` (any kind) is stored.
inline RowRef ResolveRow(const Vector& vector, idx_t row) {
  switch (vector.kind()) {
    case VectorKind::kFlat:
      return {&vector, row};
    case VectorKind::kConstant:
      return {&vector, 0};
    case VectorKind::kDictionary:
      return {&vector.dictionary_child(), vector.dictionary_selection().get_index(row)};
  }
  return {&vector, row};
}

inline bool IsValidAt(const Vector& vector, idx_t index) {
  return vector.validity().RowIsValid(index);
}

/// A read view of `count` rows of an ARRAY or MAP vector of any kind.
class ListView {
 public:
  ListView(const Vector& list, idx_t count) {
    list.ToUnifiedFormat(count, format_);
    entries_ = format_.GetData<ListEntry>();
    const Vector& base = list.kind() == VectorKind::kDictionary ? list.dictionary_child() : list;
    child_ = &base.list_child();
    child_size_ = base.list_size();
  }
  bool IsValid(idx_t row) const {
    return format_.validity->RowIsValid(format_.sel->get_index(row));
  }
  /// The elements of a valid row: child rows [offset, offset + length).
  const ListEntry& Entry(idx_t row) const { return entries_[format_.sel->get_index(row)]; }
  /// The flat element vector (a MAP's is ROW(key, value)).
  const Vector& child() const { return *child_; }
  /// Elements in the child vector (of all rows, including rows not viewed).
  idx_t child_size() const { return child_size_; }
  /// For MAP vectors: the key and value vectors.
  const Vector& keys() const { return child_->struct_children()[0]; }
  const Vector& values() const { return child_->struct_children()[1]; }

 private:
  UnifiedFormat format_;
  const ListEntry* entries_;
  const Vector* child_;
  idx_t child_size_;
};

/// Appends elements to the child of a flat ARRAY or MAP result vector and records row entries.
/// Element buffers may move when room is reserved: fetch `child()` again after Reserve.
class ListWriter {
 public:
  explicit ListWriter(Vector& result) : result_(result), size_(result.list_size()) {}
  /// Makes room for `more` elements after the current ones and returns the child vector.
  Vector& Reserve(idx_t more) {
    result_.ReserveListChild(size_ + more);
    return result_.list_child();
  }
  Vector& child() { return result_.list_child(); }
  /// Index of the next element to write.
  idx_t size() const { return size_; }
  void Advance(idx_t written) { size_ += written; }
  /// Row `row` holds the elements written since `start`.
  void EndRow(idx_t row, idx_t start) {
    result_.data<ListEntry>()[row] =
        ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(size_ - start)};
  }
  /// Appends child rows sel[0..count) of `source` (any kind) as elements.
  void Append(const Vector& source, const SelectionVector& sel, idx_t count) {
    if (count == 0) return;
    Reserve(count).CopyRows(source, sel, count, size_);
    size_ += count;
  }
  /// Appends one NULL element.
  void AppendNull() { Reserve(1).SetNull(size_++); }
  /// Publishes the element count; call once all rows are written.
  void Finish() { result_.set_list_size(size_); }

 private:
  Vector& result_;
  idx_t size_;
};

/// Copies the value (or NULL) at flat-layout position `index` of `source` into row
/// `target_index` of the flat vector `target` (strings into its heap).
void CopyValueAt(const Vector& source, idx_t index, Vector& target, idx_t target_index);

/// Total order of two non-NULL values of the same type at flat-layout positions: scalars by
/// TotalOrderCompare, arrays element-wise then by length, rows field by field (NULLs last).
/// Maps are not orderable; they compare by size, then entry by entry.
int CompareAt(const Vector& a, idx_t i, const Vector& b, idx_t j);
/// Whether two values (either may be NULL) are not distinct: NULL equals NULL, NaN equals NaN,
/// maps are equal when they hold the same entries in any order.
bool NotDistinctAt(const Vector& a, idx_t i, const Vector& b, idx_t j);
/// A hash consistent with NotDistinctAt (NULL has a hash too).
hash_t HashAt(const Vector& v, idx_t i);

/// Operations on non-NULL values of physical type T (flat-layout positions), for templated kernels.
template <typename T>
struct TypedOps {
  using Type = T;
  static int Compare(const Vector& a, idx_t i, const Vector& b, idx_t j) {
    return TotalOrderCompare(a.data<T>()[i], b.data<T>()[j]);
  }
  /// SQL equality (NaN <> NaN).
  static bool Equal(const Vector& a, idx_t i, const Vector& b, idx_t j) {
    return SqlEquals(a.data<T>()[i], b.data<T>()[j]);
  }
  /// Grouping equality (NaN = NaN).
  static bool Same(const Vector& a, idx_t i, const Vector& b, idx_t j) {
    return GroupEquals(a.data<T>()[i], b.data<T>()[j]);
  }
  static hash_t Hash(const Vector& v, idx_t i) { return HashPhysical(v.data<T>()[i]); }
};

/// The same operations for ARRAY, MAP and ROW values.
struct NestedOps {
  static int Compare(const Vector& a, idx_t i, const Vector& b, idx_t j) {
    return CompareAt(a, i, b, j);
  }
  static bool Equal(const Vector& a, idx_t i, const Vector& b, idx_t j) {
    return NotDistinctAt(a, i, b, j);
  }
  static bool Same(const Vector& a, idx_t i, const Vector& b, idx_t j) {
    return NotDistinctAt(a, i, b, j);
  }
  static hash_t Hash(const Vector& v, idx_t i) { return HashAt(v, i); }
};

/// Calls fn(TypedOps<T>{}) for scalar types and fn(NestedOps{}) for nested ones.
template <typename Fn>
decltype(auto) DispatchOps(const LogicalType& type, Fn&& fn) {
  switch (type.physical_type()) {
    case PhysicalType::kList:
    case PhysicalType::kStruct:
      return fn(NestedOps{});
    default:
      return DispatchPhysical(type.physical_type(),
                              [&](auto tag) { return fn(TypedOps<decltype(tag)>{}); });
  }
}

/// A set of values identified by their positions in flat-layout vectors, for distinct, union,
/// intersect and map-key checks. Reused across rows: Clear keeps the memory. NULL is a member
/// like any other value.
template <typename Ops>
class ValueSet {
 public:
  /// Empties the set and sizes it for about `expected` members.
  void Clear(idx_t expected) {
    idx_t capacity = 16;
    while (capacity < expected * 2) capacity <<= 1;
    if (slots_.size() < capacity || slots_.size() > capacity * 8)
      slots_.assign(capacity, Slot{});
    else
      std::fill(slots_.begin(), slots_.end(), Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    has_null_ = false;
  }
  /// Adds the value at v[index] (v must outlive the set's use); false when already present.
  bool Insert(const Vector& v, idx_t index) {
    if (!IsValidAt(v, index)) {
      if (has_null_) return false;
      return has_null_ = true;
    }
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    hash_t hash = Ops::Hash(v, index);
    for (idx_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      Slot& s = slots_[slot];
      if (!s.vector) {
        s = Slot{&v, index, hash};
        ++size_;
        return true;
      }
      if (s.hash == hash && Ops::Same(*s.vector, s.index, v, index)) return false;
    }
  }
  /// The stored position of the value equal to the non-NULL v[index], inserting v[index] when
  /// there is none; `inserted` tells which.
  RowRef FindOrInsert(const Vector& v, idx_t index, bool& inserted) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    hash_t hash = Ops::Hash(v, index);
    for (idx_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      Slot& s = slots_[slot];
      if (!s.vector) {
        s = Slot{&v, index, hash};
        ++size_;
        inserted = true;
        return RowRef{&v, index};
      }
      if (s.hash == hash && Ops::Same(*s.vector, s.index, v, index)) {
        inserted = false;
        return RowRef{s.vector, s.index};
      }
    }
  }
  bool Contains(const Vector& v, idx_t index) const {
    if (!IsValidAt(v, index)) return has_null_;
    hash_t hash = Ops::Hash(v, index);
    for (idx_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (!s.vector) return false;
      if (s.hash == hash && Ops::Same(*s.vector, s.index, v, index)) return true;
    }
  }

 private:
  struct Slot {
    const Vector* vector = nullptr;
    idx_t index = 0;
    hash_t hash = 0;
  };
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.vector) continue;
      idx_t slot = s.hash & mask_;
      while (slots_[slot].vector) slot = (slot + 1) & mask_;
      slots_[slot] = s;
    }
  }

  std::vector<Slot> slots_;
  idx_t mask_ = 0;
  idx_t size_ = 0;
  bool has_null_ = false;
};

}  // namespace switchboard
