// DecodeStatistics: choosing trustworthy bounds and decoding them into engine Values.
#include "format/parquet/statistics.h"

#include <cmath>

#include "format/parquet/value_conversions.h"
#include "types/decimal.h"

namespace switchboard::parquet {

namespace {

// An integral engine value of `type` (integers, date, decimal, time, timestamps).
std::optional<Value> IntegralValue(const LogicalType& type, int128_t v) {
  auto fits = [&](int128_t lo, int128_t hi) { return v >= lo && v <= hi; };
  switch (type.id()) {
    case TypeId::kTinyint:
      if (!fits(INT8_MIN, INT8_MAX)) return std::nullopt;
      return Value::Tinyint(static_cast<int8_t>(v));
    case TypeId::kSmallint:
      if (!fits(INT16_MIN, INT16_MAX)) return std::nullopt;
      return Value::Smallint(static_cast<int16_t>(v));
    case TypeId::kInteger:
      if (!fits(INT32_MIN, INT32_MAX)) return std::nullopt;
      return Value::Integer(static_cast<int32_t>(v));
    case TypeId::kBigint:
      if (!fits(INT64_MIN, INT64_MAX)) return std::nullopt;
      return Value::Bigint(static_cast<int64_t>(v));
    case TypeId::kDate:
      if (!fits(INT32_MIN, INT32_MAX)) return std::nullopt;
      return Value::Date(static_cast<int32_t>(v));
    case TypeId::kDecimal:
      if (!Decimal::Fits(v, type.decimal_precision())) return std::nullopt;
      return Value::Decimal(v, type.decimal_precision(), type.decimal_scale());
    case TypeId::kTime:
      if (!fits(INT64_MIN, INT64_MAX)) return std::nullopt;
      return Value::Time(static_cast<int64_t>(v), type.precision());
    case TypeId::kTimestamp:
      if (!fits(INT64_MIN, INT64_MAX)) return std::nullopt;
      return Value::Timestamp(static_cast<int64_t>(v), type.precision());
    case TypeId::kTimestampTz:
      if (!fits(INT64_MIN, INT64_MAX)) return std::nullopt;
      return Value::TimestampWithZone(TimestampTz{static_cast<int64_t>(v), 0}, type.precision());
    default:
      return std::nullopt;
  }
}

std::optional<Value> TransformedIntegral(const LeafColumn& leaf, int64_t raw, bool round_up) {
  int128_t v = raw;
  switch (leaf.transform) {
    case ValueTransform::kNone:
      break;
    case ValueTransform::kUnsigned:
      v = leaf.physical_type == Type::kInt32 ? int128_t{static_cast<uint32_t>(raw)}
                                             : int128_t{static_cast<uint64_t>(raw)};
      break;
    case ValueTransform::kMillisToMicros:
      v = int128_t{raw} * 1000;
      break;
    case ValueTransform::kNanosToMicrosFloor:
    case ValueTransform::kNanosToMicrosRound:
      v = FloorDivide(raw, 1000) + (round_up && raw % 1000 != 0 ? 1 : 0);
      break;
    default:
      return std::nullopt;
  }
  return IntegralValue(leaf.type, v);
}

std::optional<Value> StringValue(const LogicalType& type, std::string_view bytes) {
  switch (type.id()) {
    case TypeId::kVarchar:
      return Value::Varchar(std::string(bytes));
    case TypeId::kJson:
      return Value::Json(std::string(bytes));
    case TypeId::kVarbinary:
      return Value::Varbinary(std::string(bytes));
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<Value> DecodeBound(const LeafColumn& leaf, std::string_view bytes, bool round_up) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  switch (leaf.physical_type) {
    case Type::kBoolean:
      if (bytes.size() != 1 || leaf.type.id() != TypeId::kBoolean) return std::nullopt;
      return Value::Boolean(data[0] != 0);
    case Type::kInt32:
      if (bytes.size() != 4) return std::nullopt;
      return TransformedIntegral(leaf, LoadUnaligned<int32_t>(data), round_up);
    case Type::kInt64:
      if (bytes.size() != 8) return std::nullopt;
      return TransformedIntegral(leaf, LoadUnaligned<int64_t>(data), round_up);
    case Type::kFloat: {
      if (bytes.size() != 4) return std::nullopt;
      float f = LoadUnaligned<float>(data);
      if (std::isnan(f)) return std::nullopt;
      return Value::Real(f);
    }
    case Type::kDouble: {
      if (bytes.size() != 8) return std::nullopt;
      double d = LoadUnaligned<double>(data);
      if (std::isnan(d)) return std::nullopt;
      return Value::Double(d);
    }
    case Type::kInt96:
      return std::nullopt;
    case Type::kByteArray:
    case Type::kFixedLenByteArray:
      break;
  }
  bool fixed = leaf.physical_type == Type::kFixedLenByteArray;
  switch (leaf.transform) {
    case ValueTransform::kNone:
      return StringValue(leaf.type, bytes);
    case ValueTransform::kDecimalBytes:
      if (bytes.empty() || bytes.size() > 16 ||
          (fixed && bytes.size() != static_cast<size_t>(leaf.type_length))) {
        return std::nullopt;
      }
      return IntegralValue(leaf.type, BigEndianToInt128(data, bytes.size()));
    case ValueTransform::kUuid:
      if (bytes.size() != 16) return std::nullopt;
      return Value::Uuid(BigEndianToUuid(data));
    case ValueTransform::kFloat16: {
      if (bytes.size() != 2) return std::nullopt;
      float f = HalfToFloat(LoadUnaligned<uint16_t>(data));
      if (std::isnan(f)) return std::nullopt;
      return Value::Real(f);
    }
    default:
      return std::nullopt;
  }
}

ColumnStatistics DecodeStatistics(const LeafColumn& leaf, const Statistics& s,
                                  std::optional<int64_t> num_values) {
  ColumnStatistics out;
  out.null_count = s.null_count;
  out.nan_count = s.nan_count;
  out.distinct_count = s.distinct_count;
  out.num_values = num_values;
  if (out.null_count && *out.null_count < 0) out.null_count.reset();
  if (leaf.sort_order == SortOrder::kUnknown) return out;

  const std::string* min = nullptr;
  const std::string* max = nullptr;
  bool new_fields = s.min_value.has_value() || s.max_value.has_value();
  bool order_known = leaf.column_order == ColumnOrder::kTypeDefined ||
                     leaf.column_order == ColumnOrder::kIeee754TotalOrder;
  if (new_fields && (order_known || leaf.sort_order == SortOrder::kSigned)) {
    if (s.min_value) min = &*s.min_value;
    if (s.max_value) max = &*s.max_value;
  } else if (!new_fields && leaf.sort_order == SortOrder::kSigned &&
             leaf.physical_type != Type::kByteArray &&
             leaf.physical_type != Type::kFixedLenByteArray) {
    // The deprecated fields follow signed order: right for signed numeric columns only.
    if (s.min) min = &*s.min;
    if (s.max) max = &*s.max;
  }
  bool variable =
      leaf.physical_type == Type::kByteArray || leaf.physical_type == Type::kFixedLenByteArray;
  if (min != nullptr) {
    out.min = DecodeBound(leaf, *min, /*round_up=*/false);
    out.min_exact = s.is_min_value_exact.value_or(!variable);
  }
  if (max != nullptr) {
    out.max = DecodeBound(leaf, *max, /*round_up=*/true);
    out.max_exact = s.is_max_value_exact.value_or(!variable);
  }
  // Lossy unit conversions make bounds inexact.
  if (leaf.transform == ValueTransform::kNanosToMicrosFloor ||
      leaf.transform == ValueTransform::kNanosToMicrosRound) {
    out.min_exact = out.max_exact = false;
  }
  if (!out.min) out.min_exact = false;
  if (!out.max) out.max_exact = false;
  return out;
}

}  // namespace switchboard::parquet
