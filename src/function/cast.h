// CAST and TRY_CAST between all engine types, following Trino's conversion rules: which pairs are
// allowed, how values round, and the errors for values that do not convert.
#pragma once

#include "function/function.h"

namespace switchboard {

class QueryContext;

struct CastOptions {
  /// TRY_CAST: values that do not convert become NULL instead of raising an error.
  bool try_cast = false;
  /// Session settings (time zone for timestamp <-> timestamp with time zone); may be null.
  const QueryContext* query = nullptr;
};

/// Whether CAST(x AS to) is allowed for values of type `from`.
bool CanCast(const LogicalType& from, const LogicalType& to);

/// Converts `count` rows of `source` into `result` (a writable flat vector of the target type
/// with capacity >= count, or left constant when the source is constant). Throws kInvalidCast,
/// kNumericOverflow or kInvalidDatetime for values that do not convert (unless try_cast), and
/// kTypeMismatch when the cast is not allowed at all.
void CastVector(const Vector& source, Vector& result, idx_t count, const CastOptions& options);

/// Casts one value (constant folding, literals, partition values).
Value CastValue(const Value& value, const LogicalType& to, const CastOptions& options = {});

/// A kernel for one (source family, target family) pair, provided by another function family
/// (JSON registers its casts this way). Returns nullptr when the family has no such cast.
using CastKernel = void (*)(const Vector& source, Vector& result, idx_t count, const CastOptions& options);
using CastProvider = CastKernel (*)(const LogicalType& from, const LogicalType& to);
/// Adds a provider consulted before the built-in rules. Call during start-up only.
void RegisterCastProvider(CastProvider provider);

/// The text of a value of any type as CAST(x AS VARCHAR) renders it (used by the CLI too).
/// Writes strings for rows [0, count) of `source` into `result` (varchar).
void FormatVector(const Vector& source, Vector& result, idx_t count);

}  // namespace switchboard
