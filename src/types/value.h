// Value: one SQL value of any type (possibly NULL or nested), for constants, literals, statistics,
// parameters and slow paths. Hot loops work on vectors, never on Values.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/hash.h"
#include "types/logical_type.h"
#include "types/vector.h"

namespace switchboard {

class Value {
 public:
  /// NULL of type unknown (a bare NULL literal).
  Value() : type_(TypeId::kUnknown) {}

  static Value Null(LogicalType type);
  static Value Boolean(bool value);
  static Value Tinyint(int8_t value);
  static Value Smallint(int16_t value);
  static Value Integer(int32_t value);
  static Value Bigint(int64_t value);
  static Value Real(float value);
  static Value Double(double value);
  /// `unscaled` / 10^scale, with `unscaled` fitting `precision` digits.
  static Value Decimal(int128_t unscaled, int precision, int scale);
  static Value Varchar(std::string value);
  static Value Char(std::string value, uint32_t length);
  static Value Varbinary(std::string bytes);
  static Value Json(std::string text);
  static Value Date(int32_t days);
  static Value Time(int64_t micros, int precision = 6);
  static Value Timestamp(int64_t micros, int precision = 6);
  static Value TimestampWithZone(TimestampTz value, int precision = 6);
  static Value IntervalDayTime(int64_t micros);
  static Value IntervalYearMonth(int32_t months);
  static Value Uuid(uint128_t value);
  static Value Array(LogicalType element_type, std::vector<Value> elements);
  static Value Map(LogicalType key_type, LogicalType value_type,
                   std::vector<std::pair<Value, Value>> entries);
  static Value Row(LogicalType row_type, std::vector<Value> fields);
  /// A value of `type` from its physical representation (as stored in a vector at `data`).
  static Value FromPhysical(const LogicalType& type, const void* data);

  const LogicalType& type() const { return type_; }
  bool is_null() const { return is_null_; }

  bool GetBoolean() const;
  /// Integral types, DATE, TIME, TIMESTAMP, intervals and DECIMAL(p<=18) (unscaled).
  int64_t GetInt64() const;
  /// DECIMAL of any precision (unscaled), and integral types.
  int128_t GetInt128() const;
  /// REAL and DOUBLE.
  double GetDouble() const;
  /// VARCHAR, CHAR, VARBINARY (bytes), JSON (text).
  const std::string& GetString() const;
  TimestampTz GetTimestampTz() const;
  uint128_t GetUuid() const;
  /// ARRAY elements, ROW fields, or MAP entries as ROW(key, value) values.
  const std::vector<Value>& children() const { return children_; }

  /// The text Trino's CAST(x AS VARCHAR) gives (and the CLI prints); "NULL" for NULL.
  std::string ToString() const;
  /// A SQL literal that evaluates to this value: 'it''s', DATE '2024-01-01', ARRAY[1, 2].
  std::string ToSqlLiteral() const;

  /// Same type and same contents; NULL equals NULL here (this is identity, not SQL equality).
  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }
  hash_t Hash() const;

 private:
  explicit Value(LogicalType type) : type_(std::move(type)), is_null_(false) {}

  LogicalType type_;
  bool is_null_ = true;
  int16_t zone_ = 0;
  int128_t integer_ = 0;  // integral, decimal, temporal, interval, uuid (bit pattern), boolean
  double double_ = 0;     // real, double
  std::string string_;
  std::vector<Value> children_;
};

}  // namespace switchboard
