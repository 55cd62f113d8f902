// Comparison and hashing of single values in their physical representation, for sorting,
// min/max, grouping and joins.
#pragma once

#include <cmath>
#include <cstring>

#include "common/hash.h"
#include "types/vector.h"

namespace switchboard {

/// Total order used by ORDER BY, min/max and sort-based operators: NaN sorts after every other
/// floating point value and equals itself; TIMESTAMP WITH TIME ZONE compares instants.
template <typename T>
inline int TotalOrderCompare(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    bool a_nan = std::isnan(a), b_nan = std::isnan(b);
    if (a_nan || b_nan) return a_nan == b_nan ? 0 : (a_nan ? 1 : -1);
    return a < b ? -1 : (a > b ? 1 : 0);
  } else if constexpr (std::is_same_v<T, StringView>) {
    return a.Compare(b);
  } else if constexpr (std::is_same_v<T, TimestampTz>) {
    return a.micros < b.micros ? -1 : (a.micros > b.micros ? 1 : 0);
  } else {
    return a < b ? -1 : (a > b ? 1 : 0);
  }
}

/// SQL equality of two non-NULL values (IEEE for floating point: NaN <> NaN; instants for
/// TIMESTAMP WITH TIME ZONE).
template <typename T>
inline bool SqlEquals(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, TimestampTz>) {
    return a.micros == b.micros;
  } else {
    return a == b;
  }
}

/// Equality for grouping and DISTINCT: like SqlEquals but NaN equals NaN (Trino groups NaNs).
template <typename T>
inline bool GroupEquals(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    return a == b || (std::isnan(a) && std::isnan(b));
  } else {
    return SqlEquals(a, b);
  }
}

/// Hash consistent with GroupEquals (and so with SqlEquals for non-NaN values): 0.0 and -0.0
/// hash alike, every NaN hashes alike.
template <typename T>
inline hash_t HashPhysical(const T& value) {
  if constexpr (std::is_same_v<T, StringView>) {
    return HashBytes(value.data(), value.size());
  } else if constexpr (std::is_same_v<T, TimestampTz>) {
    return HashInt(static_cast<uint64_t>(value.micros));
  } else if constexpr (std::is_floating_point_v<T>) {
    double d = value == 0 ? 0.0 : static_cast<double>(value);
    if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof(bits));
    return HashInt(bits);
  } else if constexpr (sizeof(T) == 16) {
    return CombineHashes(HashInt(static_cast<uint64_t>(value)), HashInt(static_cast<uint64_t>(value >> 64)));
  } else {
    return HashInt(static_cast<uint64_t>(static_cast<int64_t>(value)));
  }
}

}  // namespace switchboard
