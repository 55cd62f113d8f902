// Partition transforms (identity, bucket[N], truncate[W], year, month, day, hour, void) applied
// to single values and to vectors, Iceberg's 32-bit Murmur3 bucket hash, and the text of
// transformed values in partition paths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "table/iceberg/schema.h"
#include "types/value.h"
#include "types/vector.h"

namespace switchboard::iceberg {

/// A transform as partition specs and sort orders name it. Unknown names parse as kUnknown, which
/// readers ignore for pruning (and writers refuse to write with).
struct Transform {
  enum class Kind : uint8_t { kIdentity, kBucket, kTruncate, kYear, kMonth, kDay, kHour, kVoid, kUnknown };

  Kind kind = Kind::kIdentity;
  /// bucket[N]: N; truncate[W]: W.
  int32_t parameter = 0;
  /// The name as written (kept for unknown transforms).
  std::string text;

  static Transform Identity() { return Transform{Kind::kIdentity, 0, "identity"}; }
  /// "identity", "bucket[16]", "truncate[4]", "year", "month", "day", "hour", "void".
  static Transform Parse(std::string_view text);
  std::string ToString() const;

  /// The type of transformed values for a source of `source` type. Errors: kInvalidParameter when
  /// the transform does not apply to the type (day of a string, bucket of a float, ...).
  Result<TypePtr> ResultType(const TypePtr& source) const;
  /// Whether a <= b implies t(a) <= t(b) (identity, truncate and the time transforms).
  bool PreservesOrder() const;

  /// Transforms one engine value of `source`'s engine type (NULL stays NULL) into a value of the
  /// result type's engine type.
  Value Apply(const Value& value, const Type& source) const;
  /// Transforms rows [0, count) of `input` (any vector kind, `source`'s engine type) into
  /// `result`, a writable flat vector of the result type's engine type.
  void Apply(const Vector& input, idx_t count, const Type& source, Vector& result) const;

  /// The text of a transformed value in a partition path, as Iceberg writes it ("2024-03-01" for
  /// day, "2024-03-01-10" for hour, base64 for binary identity values, "null" for NULL).
  std::string HumanString(const Value& transformed, const Type& result_type) const;

  bool operator==(const Transform& other) const { return kind == other.kind && parameter == other.parameter; }
};

/// 32-bit Murmur3 (x86 variant, seed 0) of `bytes`.
int32_t Murmur3Hash32(std::string_view bytes);

/// The hash bucket[N] uses for a non-NULL value of primitive `source` (spec Appendix B).
int32_t BucketHash(const Value& value, const Type& source);

}  // namespace switchboard::iceberg
