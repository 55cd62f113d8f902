// Comparison and hashing of values of any type, recursing into ARRAY, MAP and ROW values.
#include "function/nested_vector.h"

#include <cstring>

#include "types/value.h"

namespace switchboard {

namespace {

template <typename T>
const T& At(const Vector& v, idx_t i) {
  return v.data<T>()[i];
}

// NULLs sort after values; two NULLs tie.
int CompareNullable(const Vector& a, idx_t i, const Vector& b, idx_t j) {
  bool a_valid = IsValidAt(a, i), b_valid = IsValidAt(b, j);
  if (!a_valid || !b_valid) return a_valid == b_valid ? 0 : (a_valid ? -1 : 1);
  return CompareAt(a, i, b, j);
}

// Whether the map at b[j] holds the key a_keys[k] with a value not distinct from a_values[k].
bool MapHasEntry(const Vector& a_keys, const Vector& a_values, idx_t k, const Vector& b, idx_t j) {
  const ListEntry& entry = At<ListEntry>(b, j);
  const Vector& child = b.list_child();
  const Vector& keys = child.struct_children()[0];
  const Vector& values = child.struct_children()[1];
  for (uint32_t e = 0; e < entry.length; ++e) {
    if (NotDistinctAt(a_keys, k, keys, entry.offset + e)) {
      return NotDistinctAt(a_values, k, values, entry.offset + e);
    }
  }
  return false;
}

}  // namespace

void CopyValueAt(const Vector& source, idx_t index, Vector& target, idx_t target_index) {
  if (!IsValidAt(source, index)) {
    target.SetNull(target_index);
    return;
  }
  target.validity().SetValid(target_index);
  switch (source.type().physical_type()) {
    case PhysicalType::kString:
      target.data<StringView>()[target_index] =
          target.AddString(source.data<StringView>()[index].view());
      return;
    case PhysicalType::kList:
    case PhysicalType::kStruct:
      target.SetValue(target_index, source.GetValue(index));
      return;
    default: {
      size_t width = PhysicalTypeSize(source.type().physical_type());
      std::memcpy(target.raw_data() + target_index * width, source.data<uint8_t>() + index * width,
                  width);
      return;
    }
  }
}

int CompareAt(const Vector& a, idx_t i, const Vector& b, idx_t j) {
  const LogicalType& type = a.type();
  switch (type.physical_type()) {
    case PhysicalType::kList: {
      const ListEntry& x = At<ListEntry>(a, i);
      const ListEntry& y = At<ListEntry>(b, j);
      const Vector& xc = a.list_child();
      const Vector& yc = b.list_child();
      uint32_t common = std::min(x.length, y.length);
      for (uint32_t k = 0; k < common; ++k) {
        int c = CompareNullable(xc, x.offset + k, yc, y.offset + k);
        if (c != 0) return c;
      }
      return x.length < y.length ? -1 : (x.length > y.length ? 1 : 0);
    }
    case PhysicalType::kStruct: {
      const auto& xf = a.struct_children();
      const auto& yf = b.struct_children();
      for (size_t f = 0; f < xf.size(); ++f) {
        int c = CompareNullable(xf[f], i, yf[f], j);
        if (c != 0) return c;
      }
      return 0;
    }
    default:
      return DispatchPhysical(type.physical_type(), [&](auto tag) {
        using T = decltype(tag);
        return TotalOrderCompare(At<T>(a, i), At<T>(b, j));
      });
  }
}

bool NotDistinctAt(const Vector& a, idx_t i, const Vector& b, idx_t j) {
  bool a_valid = IsValidAt(a, i), b_valid = IsValidAt(b, j);
  if (!a_valid || !b_valid) return a_valid == b_valid;
  const LogicalType& type = a.type();
  switch (type.physical_type()) {
    case PhysicalType::kList: {
      const ListEntry& x = At<ListEntry>(a, i);
      const ListEntry& y = At<ListEntry>(b, j);
      if (x.length != y.length) return false;
      if (type.id() == TypeId::kMap) {
        const Vector& child = a.list_child();
        const Vector& keys = child.struct_children()[0];
        const Vector& values = child.struct_children()[1];
        for (uint32_t k = 0; k < x.length; ++k) {
          if (!MapHasEntry(keys, values, x.offset + k, b, j)) return false;
        }
        return true;
      }
      for (uint32_t k = 0; k < x.length; ++k) {
        if (!NotDistinctAt(a.list_child(), x.offset + k, b.list_child(), y.offset + k))
          return false;
      }
      return true;
    }
    case PhysicalType::kStruct: {
      const auto& xf = a.struct_children();
      const auto& yf = b.struct_children();
      for (size_t f = 0; f < xf.size(); ++f) {
        if (!NotDistinctAt(xf[f], i, yf[f], j)) return false;
      }
      return true;
    }
    default:
      return DispatchPhysical(type.physical_type(), [&](auto tag) {
        using T = decltype(tag);
        return GroupEquals(At<T>(a, i), At<T>(b, j));
      });
  }
}

hash_t HashAt(const Vector& v, idx_t i) {
  constexpr hash_t kNullHash = 0x9ae16a3b2f90404fULL;
  if (!IsValidAt(v, i)) return kNullHash;
  const LogicalType& type = v.type();
  switch (type.physical_type()) {
    case PhysicalType::kList: {
      const ListEntry& entry = At<ListEntry>(v, i);
      const Vector& child = v.list_child();
      hash_t hash = HashInt(entry.length);
      if (type.id() == TypeId::kMap) {
        // Entry order does not matter: combine entry hashes commutatively.
        const Vector& keys = child.struct_children()[0];
        const Vector& values = child.struct_children()[1];
        for (uint32_t k = 0; k < entry.length; ++k) {
          hash += CombineHashes(HashAt(keys, entry.offset + k), HashAt(values, entry.offset + k));
        }
        return MixHash(hash);
      }
      for (uint32_t k = 0; k < entry.length; ++k)
        hash = CombineHashes(hash, HashAt(child, entry.offset + k));
      return hash;
    }
    case PhysicalType::kStruct: {
      hash_t hash = 0;
      for (const Vector& field : v.struct_children()) hash = CombineHashes(hash, HashAt(field, i));
      return hash;
    }
    default:
      return DispatchPhysical(type.physical_type(), [&](auto tag) {
        using T = decltype(tag);
        return HashPhysical(At<T>(v, i));
      });
  }
}

}  // namespace switchboard
