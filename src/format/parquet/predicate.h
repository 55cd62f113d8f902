// ParquetPredicate: the small predicate language a Parquet scan evaluates itself (comparisons with
// constants, IS [NOT] NULL, IN lists on top-level primitive columns), and BoundPredicate, its
// form bound to a column type for row-group, page, dictionary and bloom filter pruning and for
// exact row filtering.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/schema.h"
#include "format/parquet/statistics.h"
#include "types/value.h"
#include "types/vector.h"

namespace switchboard::parquet {

/// One conjunct pushed into a scan. Comparisons follow SQL semantics: a NULL column value never
/// satisfies anything but IS NULL; floating-point comparisons follow IEEE 754 (NaN equals
/// nothing, NaN <> x is true).
struct ParquetPredicate {
  enum class Op : uint8_t {
    kEqual,
    kNotEqual,
    kLess,
    kLessEqual,
    kGreater,
    kGreaterEqual,
    kIsNull,
    kIsNotNull,
    kIn,
  };

  /// Index of a top-level primitive field in ParquetSchema::fields().
  int column = 0;
  Op op = Op::kEqual;
  /// One constant for comparisons, the list for kIn (NULL entries never match), none for the
  /// null tests. Constants are of the column's type or one comparable with it (any numeric type
  /// with a numeric column, any string type with a string column, timestamps with timestamps).
  std::vector<Value> constants;

  static ParquetPredicate Compare(int column, Op op, Value constant) {
    return ParquetPredicate{column, op, {std::move(constant)}};
  }
  static ParquetPredicate IsNull(int column) { return ParquetPredicate{column, Op::kIsNull, {}}; }
  static ParquetPredicate IsNotNull(int column) {
    return ParquetPredicate{column, Op::kIsNotNull, {}};
  }
  static ParquetPredicate In(int column, std::vector<Value> constants) {
    return ParquetPredicate{column, Op::kIn, std::move(constants)};
  }

  /// "column 3 >= 42" style text for EXPLAIN and messages.
  std::string ToString() const;
};

/// A predicate with its constants converted into the column's value domain. Immutable and
/// thread-safe once bound.
class BoundPredicate {
 public:
  /// Errors: kTypeMismatch when a constant cannot be compared with `column_type`; kNotSupported
  /// for nested column types.
  static Result<BoundPredicate> Bind(const ParquetPredicate& predicate,
                                     const LogicalType& column_type);

  int column() const { return column_; }

  /// True when no value described by `statistics` can satisfy the predicate.
  bool CanSkip(const ColumnStatistics& statistics) const;

  /// Keeps the rows of sel[0..count) whose value in `vector` (a flat vector of the bound
  /// column type) satisfies the predicate, in order, in sel; returns how many remain.
  idx_t Filter(const Vector& vector, sel_t* sel, idx_t count) const;

  /// Whether a NULL value satisfies the predicate (only IS NULL).
  bool MatchesNull() const { return op_ == NormalizedOp::kIsNull; }

  /// For equality and IN predicates: the bloom filter hashes of the constants in the PLAIN
  /// encoding of `leaf` (the predicate's column); nullopt when the predicate is of another kind
  /// or the constants have no unambiguous stored form (lossy unit conversions, floating zero).
  std::optional<std::vector<uint64_t>> BloomFilterHashes(const LeafColumn& leaf) const;

 private:
  enum class Domain : uint8_t { kInteger, kFloating, kBytes, kUuid };
  enum class NormalizedOp : uint8_t {
    kEqual,
    kNotEqual,
    kLess,
    kLessEqual,
    kGreater,
    kGreaterEqual,
    kIn,
    kIsNull,
    kIsNotNull,  // also "any non-NULL value matches"
    kNever,      // no value matches
  };

  static Result<BoundPredicate> BindConstants(const ParquetPredicate& predicate,
                                             const LogicalType& column_type);
  template <typename Key>
  bool CanSkipRange(const std::optional<Key>& min, const std::optional<Key>& max, bool exact,
                    bool no_nan, const std::vector<Key>& keys) const;
  template <typename Key>
  const std::vector<Key>& Keys() const;

  int column_ = 0;
  LogicalType type_;
  Domain domain_ = Domain::kInteger;
  NormalizedOp op_ = NormalizedOp::kEqual;
  // The constants of the domain, sorted and deduplicated for kIn.
  std::vector<int128_t> integers_;
  // integers_ when they all fit 64 bits: columns of up to 64 bits compare without int128.
  std::vector<int64_t> narrow_integers_;
  std::vector<double> doubles_;
  std::vector<std::string> strings_;
  std::vector<uint128_t> uuids_;
};

}  // namespace switchboard::parquet
