// ColumnStatistics: the statistics of a column chunk or page as engine Values, decoded from
// Parquet's Statistics and ColumnIndex entries with the sort-order and NaN rules of the format.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "format/parquet/parquet_thrift.h"
#include "format/parquet/schema.h"
#include "types/value.h"

namespace switchboard::parquet {

/// What is known about the values of a column chunk (or one page) of a leaf column. Absent
/// fields are unknown. `min`/`max` are bounds of the non-NULL, non-NaN values in the column's
/// engine type (they may be truncated or rounded outward, in which case the exact flag is false).
struct ColumnStatistics {
  std::optional<Value> min;
  std::optional<Value> max;
  /// Whether min/max are values that occur: the file's is_{min,max}_value_exact, else true for
  /// fixed-width types (which writers never truncate) and false for byte arrays.
  bool min_exact = false;
  bool max_exact = false;
  std::optional<int64_t> null_count;
  std::optional<int64_t> nan_count;
  std::optional<int64_t> distinct_count;
  /// Values (NULLs included, one per definition level) the statistics cover, when known.
  std::optional<int64_t> num_values;

  /// Every covered value is NULL.
  bool AllNull() const { return null_count && num_values && *null_count == *num_values; }
};

/// Decodes chunk or page statistics of `leaf`. Legacy min/max are used only where their signed
/// order is right; min_value/max_value only when the column order is known (or the sort order is
/// signed); NaN bounds are dropped; values in coarser or finer units are converted (nanosecond
/// bounds rounded outward). Never fails: undecodable bounds are left unknown.
ColumnStatistics DecodeStatistics(const LeafColumn& leaf, const Statistics& statistics,
                                  std::optional<int64_t> num_values);

/// A bound stored in PLAIN encoding (byte arrays without length) as an engine Value of the
/// leaf's type; `round_up` picks the outward rounding for lossy unit conversions. nullopt when
/// the bytes do not hold a value of the type (wrong size, a NaN).
std::optional<Value> DecodeBound(const LeafColumn& leaf, std::string_view bytes, bool round_up);

}  // namespace switchboard::parquet
