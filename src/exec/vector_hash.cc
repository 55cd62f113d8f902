// Typed hash loops with fast paths for flat and constant vectors.
#include "exec/vector_hash.h"

#include "function/scalar_executor.h"
#include "types/physical_compare.h"
#include "types/value.h"

namespace switchboard {

namespace {

constexpr hash_t kNullHash = 0xbf58476d1ce4e5b9ULL;

template <typename T, bool kCombine>
void HashTyped(const Vector& vector, idx_t count, hash_t* hashes) {
  auto store = [&](idx_t i, hash_t h) {
    if constexpr (kCombine) hashes[i] = CombineHashes(hashes[i], h);
    else hashes[i] = h;
  };
  if (vector.IsConstant()) {
    hash_t h = vector.IsNullConstant() ? kNullHash : HashPhysical(vector.data<T>()[0]);
    for (idx_t i = 0; i < count; ++i) store(i, h);
    return;
  }
  if (vector.IsFlat() && vector.validity().AllValid()) {
    const T* data = vector.data<T>();
    for (idx_t i = 0; i < count; ++i) store(i, HashPhysical(data[i]));
    return;
  }
  UnifiedFormat format;
  vector.ToUnifiedFormat(count, format);
  const T* data = format.GetData<T>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t index = format.sel->get_index(i);
    store(i, format.validity->RowIsValid(index) ? HashPhysical(data[index]) : kNullHash);
  }
}

}  // namespace

void HashVector(const Vector& vector, idx_t count, hash_t* hashes, bool combine) {
  PhysicalType physical = vector.type().physical_type();
  if (physical == PhysicalType::kList || physical == PhysicalType::kStruct) {
    for (idx_t i = 0; i < count; ++i) {
      Value v = vector.GetValue(i);
      hash_t h = v.is_null() ? kNullHash : v.Hash();
      hashes[i] = combine ? CombineHashes(hashes[i], h) : h;
    }
    return;
  }
  DispatchPhysical(physical, [&](auto tag) {
    using T = decltype(tag);
    if (combine) HashTyped<T, true>(vector, count, hashes);
    else HashTyped<T, false>(vector, count, hashes);
  });
}

void HashColumns(const std::vector<const Vector*>& columns, idx_t count, hash_t* hashes) {
  if (columns.empty()) {
    for (idx_t i = 0; i < count; ++i) hashes[i] = kNullHash;
    return;
  }
  for (size_t c = 0; c < columns.size(); ++c) HashVector(*columns[c], count, hashes, c > 0);
}

}  // namespace switchboard
