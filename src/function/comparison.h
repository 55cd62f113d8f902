// Vectorized comparisons (=, <>, <, <=, >, >=, IS [NOT] DISTINCT FROM) of two vectors of the same
// type, producing booleans or selection vectors, and a total order over Values.
#pragma once

#include "types/value.h"

namespace switchboard {

enum class ComparisonOp : uint8_t {
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kDistinctFrom,     // IS DISTINCT FROM: NULLs compare as values, never NULL
  kNotDistinctFrom,  // IS NOT DISTINCT FROM
};

const char* ComparisonOpSymbol(ComparisonOp op);
/// a op b  <=>  b Flip(op) a
ComparisonOp FlipComparison(ComparisonOp op);
/// NOT (a op b) <=> a Negate(op) b (for non-NULL operands)
ComparisonOp NegateComparison(ComparisonOp op);

/// result[i] = left[i] op right[i]: TRUE, FALSE, or NULL when an operand is NULL (never NULL
/// for the DISTINCT FROM forms). Both vectors have the same type; `result` is a writable
/// boolean vector. Nested values compare element by element (NULL when a NULL decides).
void CompareVectors(ComparisonOp op, const Vector& left, const Vector& right, idx_t count,
                    Vector& result);

/// Splits positions sel[0..count) (or 0..count when `sel` is null) into those where
/// `left op right` is TRUE (written to `true_sel`) and the rest (to `false_sel` when given).
/// Left and right are indexed by position. Returns the number of TRUE positions.
idx_t SelectComparison(ComparisonOp op, const Vector& left, const Vector& right,
                       const SelectionVector* sel, idx_t count, SelectionVector* true_sel,
                       SelectionVector* false_sel);

/// Total order over non-NULL values of the same type (NaN last); NULLs sort after values.
int CompareValues(const Value& a, const Value& b);

}  // namespace switchboard
