// BoundPredicate: constant conversion into the column's domain (with exact handling of
// fractional and out-of-range constants), statistics pruning, vector filtering and bloom keys.
#include "format/parquet/predicate.h"

#include <algorithm>
#include <cmath>

#include "common/string_util.h"
#include "format/parquet/bloom_filter.h"
#include "types/decimal.h"

namespace switchboard::parquet {

namespace {

using Op = ParquetPredicate::Op;

constexpr int128_t kInt128Max = static_cast<int128_t>(~uint128_t{0} >> 1);
constexpr int128_t kInt128Min = -kInt128Max - 1;

const char* OpText(Op op) {
  switch (op) {
    case Op::kEqual:
      return "=";
    case Op::kNotEqual:
      return "<>";
    case Op::kLess:
      return "<";
    case Op::kLessEqual:
      return "<=";
    case Op::kGreater:
      return ">";
    case Op::kGreaterEqual:
      return ">=";
    case Op::kIsNull:
      return "IS NULL";
    case Op::kIsNotNull:
      return "IS NOT NULL";
    case Op::kIn:
      return "IN";
  }
  return "?";
}

bool IsIntegral(TypeId id) {
  return id == TypeId::kTinyint || id == TypeId::kSmallint || id == TypeId::kInteger ||
         id == TypeId::kBigint;
}
bool IsNumeric(TypeId id) {
  return IsIntegral(id) || id == TypeId::kDecimal || id == TypeId::kReal || id == TypeId::kDouble;
}
bool IsStringLike(TypeId id) {
  return id == TypeId::kVarchar || id == TypeId::kChar || id == TypeId::kJson ||
         id == TypeId::kVarbinary;
}
bool IsTimestamp(TypeId id) { return id == TypeId::kTimestamp || id == TypeId::kTimestampTz; }

// The integral key of a non-NULL value of an integer-domain type.
int128_t IntegerKey(const Value& v) {
  switch (v.type().id()) {
    case TypeId::kBoolean:
      return v.GetBoolean() ? 1 : 0;
    case TypeId::kTimestampTz:
      return v.GetTimestampTz().micros;
    case TypeId::kDecimal:
    case TypeId::kTinyint:
    case TypeId::kSmallint:
    case TypeId::kInteger:
    case TypeId::kBigint:
      return v.GetInt128();
    default:
      return v.GetInt64();
  }
}

double NumericAsDouble(const Value& v) {
  switch (v.type().id()) {
    case TypeId::kReal:
    case TypeId::kDouble:
      return v.GetDouble();
    case TypeId::kDecimal:
      return static_cast<double>(v.GetInt128()) /
             static_cast<double>(Decimal::PowerOfTen(v.type().decimal_scale()));
    default:
      return static_cast<double>(v.GetInt64());
  }
}

// A constant c as a value of scale `scale`: floor(c * 10^scale) and whether that is exact.
// Out-of-range constants clamp to the int128 extremes (inexact), which orders them past every
// column value.
struct IntegerConstant {
  int128_t floor;
  bool exact;
  bool nan = false;  // a NaN constant: equal to nothing, ordered with nothing
};

IntegerConstant ScaleInteger(int128_t unscaled, int from_scale, int to_scale) {
  if (to_scale >= from_scale) {
    int128_t factor = Decimal::PowerOfTen(to_scale - from_scale);
    if (unscaled > kInt128Max / factor) return {kInt128Max, false};
    if (unscaled < kInt128Min / factor) return {kInt128Min, false};
    return {unscaled * factor, true};
  }
  int128_t divisor = Decimal::PowerOfTen(from_scale - to_scale);
  int128_t q = unscaled / divisor;
  int128_t r = unscaled % divisor;
  if (r < 0) --q;  // floor
  return {q, r == 0};
}

IntegerConstant ScaleDouble(double d, int to_scale) {
  if (std::isnan(d)) return {0, false, true};
  long double scaled =
      static_cast<long double>(d) * static_cast<long double>(Decimal::PowerOfTen(to_scale));
  if (scaled >= 1.7e38L) return {kInt128Max, false};
  if (scaled <= -1.7e38L) return {kInt128Min, false};
  long double f = std::floor(scaled);
  return {static_cast<int128_t>(f), f == scaled};
}

Result<IntegerConstant> IntegerConstantFor(const Value& c, const LogicalType& column) {
  TypeId col = column.id();
  TypeId id = c.type().id();
  Error mismatch{ErrorCode::kTypeMismatch,
                 fmt::format("cannot compare {} column with {} constant {}", column.ToString(),
                             c.type().ToString(), c.ToSqlLiteral())};
  if (col == TypeId::kBoolean) {
    if (id != TypeId::kBoolean) return mismatch;
    return IntegerConstant{c.GetBoolean() ? 1 : 0, true};
  }
  if (IsIntegral(col) || col == TypeId::kDecimal) {
    int scale = col == TypeId::kDecimal ? column.decimal_scale() : 0;
    if (IsIntegral(id)) return ScaleInteger(c.GetInt64(), 0, scale);
    if (id == TypeId::kDecimal) return ScaleInteger(c.GetInt128(), c.type().decimal_scale(), scale);
    if (id == TypeId::kReal || id == TypeId::kDouble) return ScaleDouble(c.GetDouble(), scale);
    return mismatch;
  }
  if (IsTimestamp(col) && IsTimestamp(id)) return IntegerConstant{IntegerKey(c), true};
  if (col == id) return IntegerConstant{IntegerKey(c), true};
  return mismatch;
}

// Selection over one flat vector: keeps rows for which `match(key(value))` holds.
template <typename T, typename KeyOf, typename Match>
idx_t Select(const Vector& vector, sel_t* sel, idx_t count, KeyOf key, Match match) {
  const T* data = vector.data<T>();
  const ValidityMask& validity = vector.validity();
  idx_t out = 0;
  if (validity.AllValid()) {
    for (idx_t i = 0; i < count; ++i) {
      sel_t row = sel[i];
      sel[out] = row;
      out += match(key(data[row])) ? 1 : 0;
    }
  } else {
    for (idx_t i = 0; i < count; ++i) {
      sel_t row = sel[i];
      sel[out] = row;
      out += (validity.RowIsValid(row) && match(key(data[row]))) ? 1 : 0;
    }
  }
  return out;
}

template <typename T, typename Key, typename KeyOf>
idx_t SelectOp(int op_index, const Vector& vector, sel_t* sel, idx_t count, KeyOf key,
               const std::vector<Key>& keys) {
  enum { kEq, kNe, kLt, kLe, kGt, kGe, kIn };
  const Key& k = keys[0];
  switch (op_index) {
    case kEq:
      return Select<T>(vector, sel, count, key, [&](const Key& x) { return x == k; });
    case kNe:
      return Select<T>(vector, sel, count, key, [&](const Key& x) { return x != k; });
    case kLt:
      return Select<T>(vector, sel, count, key, [&](const Key& x) { return x < k; });
    case kLe:
      return Select<T>(vector, sel, count, key, [&](const Key& x) { return x <= k; });
    case kGt:
      return Select<T>(vector, sel, count, key, [&](const Key& x) { return x > k; });
    case kGe:
      return Select<T>(vector, sel, count, key, [&](const Key& x) { return x >= k; });
    default:
      if (keys.size() <= 8) {
        return Select<T>(vector, sel, count, key, [&](const Key& x) {
          for (const Key& candidate : keys) {
            if (x == candidate) return true;
          }
          return false;
        });
      }
      return Select<T>(vector, sel, count, key, [&](const Key& x) {
        auto it = std::lower_bound(keys.begin(), keys.end(), x);
        return it != keys.end() && *it == x;
      });
  }
}

template <typename T>
int128_t WidenInteger(const T& v) {
  return static_cast<int128_t>(v);
}

// Appends the PLAIN bytes of an integer of `size` bytes (two's complement, little-endian).
std::string LittleEndian(int128_t v, size_t size) {
  std::string out(size, '\0');
  for (size_t i = 0; i < size; ++i)
    out[i] = static_cast<char>(static_cast<uint128_t>(v) >> (8 * i));
  return out;
}

std::string BigEndian(uint128_t v, size_t size) {
  std::string out(size, '\0');
  for (size_t i = 0; i < size; ++i) out[size - 1 - i] = static_cast<char>(v >> (8 * i));
  return out;
}

}  // namespace

std::string ParquetPredicate::ToString() const {
  std::string text = fmt::format("column {} {}", column, OpText(op));
  if (op == Op::kIn) {
    std::vector<std::string> parts;
    for (const Value& v : constants) parts.push_back(v.ToSqlLiteral());
    text += " (" + Join(parts, ", ") + ")";
  } else if (!constants.empty()) {
    text += " " + constants[0].ToSqlLiteral();
  }
  return text;
}

Result<BoundPredicate> BoundPredicate::Bind(const ParquetPredicate& predicate,
                                            const LogicalType& column_type) {
  SB_ASSIGN_OR_RETURN(BoundPredicate bound, BindConstants(predicate, column_type));
  bool narrow = std::all_of(bound.integers_.begin(), bound.integers_.end(), [](int128_t k) {
    return k >= INT64_MIN && k <= INT64_MAX;
  });
  if (narrow) bound.narrow_integers_.assign(bound.integers_.begin(), bound.integers_.end());
  return bound;
}

Result<BoundPredicate> BoundPredicate::BindConstants(const ParquetPredicate& predicate,
                                                     const LogicalType& column_type) {
  BoundPredicate bound;
  bound.column_ = predicate.column;
  bound.type_ = column_type;
  switch (column_type.physical_type()) {
    case PhysicalType::kFloat:
    case PhysicalType::kDouble:
      bound.domain_ = Domain::kFloating;
      break;
    case PhysicalType::kString:
      bound.domain_ = Domain::kBytes;
      break;
    case PhysicalType::kUInt128:
      bound.domain_ = Domain::kUuid;
      break;
    case PhysicalType::kList:
    case PhysicalType::kStruct:
      return Error{ErrorCode::kNotSupported,
                   fmt::format("predicates on {} columns cannot be pushed into a Parquet scan",
                               column_type.ToString())};
    default:
      bound.domain_ = Domain::kInteger;
      break;
  }
  switch (predicate.op) {
    case Op::kIsNull:
      bound.op_ = NormalizedOp::kIsNull;
      return bound;
    case Op::kIsNotNull:
      bound.op_ = NormalizedOp::kIsNotNull;
      return bound;
    case Op::kIn:
      bound.op_ = NormalizedOp::kIn;
      break;
    default:
      if (predicate.constants.size() != 1) {
        return Error{
            ErrorCode::kInvalidParameter,
            fmt::format("comparison '{}' needs exactly one constant", predicate.ToString())};
      }
      break;
  }
  // Comparisons with NULL are never true.
  std::vector<const Value*> constants;
  for (const Value& c : predicate.constants) {
    if (!c.is_null()) constants.push_back(&c);
  }
  if (constants.empty()) {
    bound.op_ = NormalizedOp::kNever;
    return bound;
  }
  auto mismatch = [&](const Value& c) {
    return Error{ErrorCode::kTypeMismatch,
                 fmt::format("cannot compare {} column with {} constant {}", column_type.ToString(),
                             c.type().ToString(), c.ToSqlLiteral())};
  };
  Op op = predicate.op;
  switch (bound.domain_) {
    case Domain::kInteger: {
      if (op == Op::kIn) {
        for (const Value* c : constants) {
          SB_ASSIGN_OR_RETURN(IntegerConstant k, IntegerConstantFor(*c, column_type));
          if (k.exact) bound.integers_.push_back(k.floor);
        }
        break;
      }
      SB_ASSIGN_OR_RETURN(IntegerConstant k, IntegerConstantFor(*constants[0], column_type));
      if (k.nan) {
        bound.op_ = op == Op::kNotEqual ? NormalizedOp::kIsNotNull : NormalizedOp::kNever;
        return bound;
      }
      bound.integers_.push_back(k.floor);
      // A fractional constant c lies strictly between floor and floor + 1.
      switch (op) {
        case Op::kEqual:
          bound.op_ = k.exact ? NormalizedOp::kEqual : NormalizedOp::kNever;
          break;
        case Op::kNotEqual:
          bound.op_ = k.exact ? NormalizedOp::kNotEqual : NormalizedOp::kIsNotNull;
          break;
        case Op::kLess:
          bound.op_ = k.exact ? NormalizedOp::kLess : NormalizedOp::kLessEqual;
          break;
        case Op::kLessEqual:
          bound.op_ = NormalizedOp::kLessEqual;
          break;
        case Op::kGreater:
          bound.op_ = NormalizedOp::kGreater;
          break;
        case Op::kGreaterEqual:
          bound.op_ = k.exact ? NormalizedOp::kGreaterEqual : NormalizedOp::kGreater;
          break;
        default:
          break;
      }
      return bound;
    }
    case Domain::kFloating:
      for (const Value* c : constants) {
        if (!IsNumeric(c->type().id())) return mismatch(*c);
        double d = NumericAsDouble(*c);
        if (!std::isnan(d) || op == Op::kNotEqual) bound.doubles_.push_back(d);
      }
      if (op != Op::kIn && std::isnan(bound.doubles_.empty() ? 0.0 : bound.doubles_[0])) {
        bound.op_ = NormalizedOp::kIsNotNull;  // x <> NaN holds for every non-NULL x
        return bound;
      }
      if (bound.doubles_.empty()) {
        bound.op_ = NormalizedOp::kNever;  // NaN equals nothing and orders with nothing
        return bound;
      }
      break;
    case Domain::kBytes:
      for (const Value* c : constants) {
        if (!IsStringLike(c->type().id())) return mismatch(*c);
        bound.strings_.push_back(c->GetString());
      }
      break;
    case Domain::kUuid:
      for (const Value* c : constants) {
        if (c->type().id() != TypeId::kUuid) return mismatch(*c);
        bound.uuids_.push_back(c->GetUuid());
      }
      break;
  }
  switch (op) {
    case Op::kEqual:
      bound.op_ = NormalizedOp::kEqual;
      break;
    case Op::kNotEqual:
      bound.op_ = NormalizedOp::kNotEqual;
      break;
    case Op::kLess:
      bound.op_ = NormalizedOp::kLess;
      break;
    case Op::kLessEqual:
      bound.op_ = NormalizedOp::kLessEqual;
      break;
    case Op::kGreater:
      bound.op_ = NormalizedOp::kGreater;
      break;
    case Op::kGreaterEqual:
      bound.op_ = NormalizedOp::kGreaterEqual;
      break;
    default:
      break;
  }
  if (bound.op_ == NormalizedOp::kIn) {
    auto dedupe = [](auto& keys) {
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    };
    dedupe(bound.integers_);
    dedupe(bound.doubles_);
    dedupe(bound.strings_);
    dedupe(bound.uuids_);
    if (bound.integers_.empty() && bound.doubles_.empty() && bound.strings_.empty() &&
        bound.uuids_.empty()) {
      bound.op_ = NormalizedOp::kNever;
    }
  }
  return bound;
}

template <>
const std::vector<int128_t>& BoundPredicate::Keys<int128_t>() const {
  return integers_;
}
template <>
const std::vector<double>& BoundPredicate::Keys<double>() const {
  return doubles_;
}
template <>
const std::vector<std::string>& BoundPredicate::Keys<std::string>() const {
  return strings_;
}
template <>
const std::vector<uint128_t>& BoundPredicate::Keys<uint128_t>() const {
  return uuids_;
}

template <typename Key>
bool BoundPredicate::CanSkipRange(const std::optional<Key>& min, const std::optional<Key>& max,
                                  bool exact, bool no_nan, const std::vector<Key>& keys) const {
  switch (op_) {
    case NormalizedOp::kEqual:
      return (min && keys[0] < *min) || (max && *max < keys[0]);
    case NormalizedOp::kNotEqual:
      return exact && no_nan && min && max && *min == keys[0] && *max == keys[0];
    case NormalizedOp::kLess:
      return min && !(*min < keys[0]);
    case NormalizedOp::kLessEqual:
      return min && keys[0] < *min;
    case NormalizedOp::kGreater:
      return max && !(keys[0] < *max);
    case NormalizedOp::kGreaterEqual:
      return max && *max < keys[0];
    case NormalizedOp::kIn:
      return std::all_of(keys.begin(), keys.end(),
                         [&](const Key& k) { return (min && k < *min) || (max && *max < k); });
    default:
      return false;
  }
}

bool BoundPredicate::CanSkip(const ColumnStatistics& s) const {
  switch (op_) {
    case NormalizedOp::kIsNull:
      return s.null_count.has_value() && *s.null_count == 0;
    case NormalizedOp::kIsNotNull:
      return s.AllNull();
    case NormalizedOp::kNever:
      return true;
    default:
      break;
  }
  if (s.AllNull()) return true;
  bool exact = s.min_exact && s.max_exact;
  auto key = [&](auto extract, const std::optional<Value>& v) {
    using Key = decltype(extract(*v));
    return v ? std::optional<Key>(extract(*v)) : std::optional<Key>();
  };
  switch (domain_) {
    case Domain::kInteger: {
      auto extract = [](const Value& v) { return IntegerKey(v); };
      return CanSkipRange<int128_t>(key(extract, s.min), key(extract, s.max), exact, true,
                                    integers_);
    }
    case Domain::kFloating: {
      auto extract = [](const Value& v) { return v.GetDouble(); };
      bool no_nan = s.nan_count.has_value() && *s.nan_count == 0;
      return CanSkipRange<double>(key(extract, s.min), key(extract, s.max), exact, no_nan,
                                  doubles_);
    }
    case Domain::kBytes: {
      auto extract = [](const Value& v) { return v.GetString(); };
      return CanSkipRange<std::string>(key(extract, s.min), key(extract, s.max), exact, true,
                                       strings_);
    }
    case Domain::kUuid: {
      auto extract = [](const Value& v) { return v.GetUuid(); };
      return CanSkipRange<uint128_t>(key(extract, s.min), key(extract, s.max), exact, true, uuids_);
    }
  }
  return false;
}

idx_t BoundPredicate::Filter(const Vector& vector, sel_t* sel, idx_t count) const {
  const ValidityMask& validity = vector.validity();
  switch (op_) {
    case NormalizedOp::kNever:
      return 0;
    case NormalizedOp::kIsNull:
    case NormalizedOp::kIsNotNull: {
      if (validity.AllValid()) return op_ == NormalizedOp::kIsNull ? 0 : count;
      bool want_valid = op_ == NormalizedOp::kIsNotNull;
      idx_t out = 0;
      for (idx_t i = 0; i < count; ++i) {
        sel_t row = sel[i];
        sel[out] = row;
        out += validity.RowIsValid(row) == want_valid ? 1 : 0;
      }
      return out;
    }
    default:
      break;
  }
  int op_index = static_cast<int>(op_);  // kEqual..kIn map to SelectOp's order
  // Integers of up to 64 bits against constants that fit 64 bits: compare in 64 bits.
  bool narrow = !narrow_integers_.empty();
  auto integer = [&](auto tag) -> idx_t {
    using T = decltype(tag);
    if (narrow) {
      return SelectOp<T>(op_index, vector, sel, count,
                         [](const T& v) { return static_cast<int64_t>(v); }, narrow_integers_);
    }
    return SelectOp<T>(op_index, vector, sel, count, WidenInteger<T>, integers_);
  };
  switch (vector.type().physical_type()) {
    case PhysicalType::kBool: return integer(bool{});
    case PhysicalType::kInt8: return integer(int8_t{});
    case PhysicalType::kInt16: return integer(int16_t{});
    case PhysicalType::kInt32: return integer(int32_t{});
    case PhysicalType::kInt64: return integer(int64_t{});
    case PhysicalType::kInt128:
      return SelectOp<int128_t>(op_index, vector, sel, count, WidenInteger<int128_t>, integers_);
    case PhysicalType::kTimestampTz:
      if (narrow) {
        return SelectOp<TimestampTz>(
            op_index, vector, sel, count, [](const TimestampTz& t) { return t.micros; },
            narrow_integers_);
      }
      return SelectOp<TimestampTz>(
          op_index, vector, sel, count, [](const TimestampTz& t) { return int128_t{t.micros}; },
          integers_);
    case PhysicalType::kFloat:
      return SelectOp<float>(
          op_index, vector, sel, count, [](float f) { return static_cast<double>(f); }, doubles_);
    case PhysicalType::kDouble:
      return SelectOp<double>(
          op_index, vector, sel, count, [](double d) { return d; }, doubles_);
    case PhysicalType::kUInt128:
      return SelectOp<uint128_t>(
          op_index, vector, sel, count, [](uint128_t u) { return u; }, uuids_);
    case PhysicalType::kString: {
      std::vector<StringView> keys;
      keys.reserve(strings_.size());
      for (const std::string& s : strings_) keys.emplace_back(s);
      return SelectOp<StringView>(
          op_index, vector, sel, count, [](const StringView& s) -> const StringView& { return s; },
          keys);
    }
    default:
      return count;
  }
}

std::optional<std::vector<uint64_t>> BoundPredicate::BloomFilterHashes(
    const LeafColumn& leaf) const {
  if (op_ != NormalizedOp::kEqual && op_ != NormalizedOp::kIn) return std::nullopt;
  std::vector<std::string> encoded;
  switch (domain_) {
    case Domain::kInteger:
      for (int128_t k : integers_) {
        int128_t stored = k;
        switch (leaf.transform) {
          case ValueTransform::kNone:
            break;
          case ValueTransform::kUnsigned:
            if (k < 0) return std::nullopt;
            break;
          case ValueTransform::kMillisToMicros:
            if (k % 1000 != 0) return std::nullopt;
            stored = k / 1000;
            break;
          case ValueTransform::kDecimalBytes:
            if (leaf.physical_type != Type::kFixedLenByteArray) return std::nullopt;
            encoded.push_back(
                BigEndian(static_cast<uint128_t>(stored), static_cast<size_t>(leaf.type_length)));
            continue;
          default:
            return std::nullopt;
        }
        if (leaf.physical_type == Type::kInt32) {
          encoded.push_back(LittleEndian(stored, 4));
        } else if (leaf.physical_type == Type::kInt64) {
          encoded.push_back(LittleEndian(stored, 8));
        } else {
          return std::nullopt;
        }
      }
      break;
    case Domain::kFloating:
      for (double d : doubles_) {
        if (d == 0) return std::nullopt;  // -0.0 and 0.0 are equal but stored differently
        if (leaf.physical_type == Type::kFloat) {
          auto f = static_cast<float>(d);
          if (static_cast<double>(f) != d) return std::nullopt;
          encoded.emplace_back(reinterpret_cast<const char*>(&f), 4);
        } else if (leaf.physical_type == Type::kDouble) {
          encoded.emplace_back(reinterpret_cast<const char*>(&d), 8);
        } else {
          return std::nullopt;
        }
      }
      break;
    case Domain::kBytes:
      if (leaf.transform != ValueTransform::kNone) return std::nullopt;
      for (const std::string& s : strings_) {
        if (leaf.physical_type == Type::kFixedLenByteArray &&
            s.size() != static_cast<size_t>(leaf.type_length)) {
          return std::nullopt;
        }
        encoded.push_back(s);
      }
      break;
    case Domain::kUuid:
      for (uint128_t u : uuids_) encoded.push_back(BigEndian(u, 16));
      break;
  }
  std::vector<uint64_t> hashes;
  for (const std::string& bytes : encoded)
    hashes.push_back(BloomFilter::Hash(bytes.data(), bytes.size()));
  return hashes;
}

}  // namespace switchboard::parquet
