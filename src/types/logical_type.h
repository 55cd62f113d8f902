// LogicalType: the SQL types of Trino's type system (with their parameters) and the physical
// representation each one uses inside vectors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace switchboard {

enum class TypeId : uint8_t {
  kInvalid,
  kUnknown,  // the type of a bare NULL literal; coerces to anything
  kBoolean,
  kTinyint,
  kSmallint,
  kInteger,
  kBigint,
  kReal,
  kDouble,
  kDecimal,
  kVarchar,
  kChar,
  kVarbinary,
  kDate,
  kTime,
  kTimestamp,
  kTimestampTz,
  kIntervalDayTime,
  kIntervalYearMonth,
  kUuid,
  kJson,
  kArray,
  kMap,
  kRow,
};

/// How values of a type are laid out in a vector's data buffer.
enum class PhysicalType : uint8_t {
  kBool,         // bool
  kInt8,         // int8_t
  kInt16,        // int16_t
  kInt32,        // int32_t: INTEGER, DATE (days), INTERVAL YEAR TO MONTH (months)
  kInt64,        // int64_t: BIGINT, DECIMAL(p<=18), TIME, TIMESTAMP, INTERVAL DAY TO SECOND (micros)
  kInt128,       // __int128: DECIMAL(p>18)
  kUInt128,      // unsigned __int128: UUID (big-endian byte order: hi 64 bits first)
  kFloat,        // float: REAL
  kDouble,       // double
  kString,       // StringView: VARCHAR, CHAR, VARBINARY, JSON
  kTimestampTz,  // TimestampTz
  kList,         // ListEntry + child vector: ARRAY, MAP (list of ROW(key, value))
  kStruct,       // child vectors: ROW
};

using int128_t = __int128;
using uint128_t = unsigned __int128;

struct LogicalTypeInfo;

/// A SQL type: an id plus parameters (decimal precision/scale, varchar length, timestamp
/// precision, element/field types and field names). Cheap to copy: parameters are shared and
/// immutable.
class LogicalType {
 public:
  static constexpr uint32_t kUnboundedLength = 0;  // VARCHAR without (n)
  static constexpr int kMaxDecimalPrecision = 38;
  static constexpr int kMaxInlineDecimalPrecision = 18;  // stored in int64
  static constexpr int kMaxTimestampPrecision = 6;       // stored as microseconds

  LogicalType() : id_(TypeId::kInvalid) {}
  LogicalType(TypeId id);  // NOLINT: implicit for parameterless types

  static LogicalType Decimal(int precision, int scale);
  static LogicalType Varchar(uint32_t length = kUnboundedLength);
  static LogicalType Char(uint32_t length);
  static LogicalType Time(int precision = 3);
  static LogicalType Timestamp(int precision = 3);
  static LogicalType TimestampTz(int precision = 3);
  static LogicalType Array(LogicalType element);
  static LogicalType Map(LogicalType key, LogicalType value);
  /// Fields may be unnamed ("" names), as in ROW(INTEGER, VARCHAR).
  static LogicalType Row(std::vector<std::pair<std::string, LogicalType>> fields);

  TypeId id() const { return id_; }
  PhysicalType physical_type() const;

  int decimal_precision() const;
  int decimal_scale() const;
  /// VARCHAR(n)/CHAR(n) length, kUnboundedLength for plain VARCHAR.
  uint32_t length() const;
  /// Fractional-second digits of TIME/TIMESTAMP[ WITH TIME ZONE].
  int precision() const;
  const LogicalType& element_type() const;  // ARRAY
  const LogicalType& key_type() const;      // MAP
  const LogicalType& value_type() const;    // MAP
  /// ROW fields; for MAP, the (key, value) row its list vector holds.
  const std::vector<std::pair<std::string, LogicalType>>& fields() const;
  /// The ROW(key, value) type of a MAP's entries.
  LogicalType MapEntryType() const;

  bool IsValid() const { return id_ != TypeId::kInvalid; }
  bool IsNumeric() const;   // integer, real, double, decimal
  bool IsIntegral() const;  // tinyint .. bigint
  bool IsString() const { return id_ == TypeId::kVarchar || id_ == TypeId::kChar; }
  bool IsNested() const { return id_ == TypeId::kArray || id_ == TypeId::kMap || id_ == TypeId::kRow; }
  bool IsTemporal() const;  // date, time, timestamp, timestamp with time zone
  /// Types whose values have a total order usable by ORDER BY, min/max and comparisons.
  bool IsOrderable() const;

  /// Trino's spelling: "integer", "varchar(10)", "decimal(10,2)", "timestamp(3) with time zone",
  /// "array(integer)", "row(a integer, b varchar)".
  std::string ToString() const;

  bool operator==(const LogicalType& other) const;
  bool operator!=(const LogicalType& other) const { return !(*this == other); }

 private:
  LogicalType(TypeId id, std::shared_ptr<const LogicalTypeInfo> info)
      : id_(id), info_(std::move(info)) {}

  TypeId id_;
  std::shared_ptr<const LogicalTypeInfo> info_;
};

/// Bytes one value occupies in a vector's data buffer.
size_t PhysicalTypeSize(PhysicalType type);

/// Name of a type id without parameters ("decimal", "array"), for messages.
const char* TypeIdName(TypeId id);

}  // namespace switchboard
