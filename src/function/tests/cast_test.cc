// Tests for CAST and TRY_CAST following Trino's conversion rules.
#include <gtest/gtest.h>

#include "common/error.h"
#include "function/cast.h"

namespace switchboard {
namespace {

Value Cast(const Value& v, const LogicalType& to) { return CastValue(v, to); }
Value TryCast(const Value& v, const LogicalType& to) {
  CastOptions options;
  options.try_cast = true;
  return CastValue(v, to, options);
}

ErrorCode CastError(const Value& v, const LogicalType& to) {
  try {
    Cast(v, to);
  } catch (const Exception& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST(CastTest, FloatingToIntegerRoundsHalfAwayFromZero) {
  EXPECT_EQ(Cast(Value::Double(2.5), TypeId::kInteger), Value::Integer(3));
  EXPECT_EQ(Cast(Value::Double(-2.5), TypeId::kInteger), Value::Integer(-3));
  EXPECT_EQ(Cast(Value::Decimal(149, 3, 2), TypeId::kBigint), Value::Bigint(1));
  EXPECT_EQ(CastError(Value::Double(1e20), TypeId::kInteger), ErrorCode::kNumericOverflow);
  EXPECT_EQ(CastError(Value::Double(0.0 / 0.0), TypeId::kInteger), ErrorCode::kInvalidCast);
}

TEST(CastTest, IntegerNarrowingChecksRange) {
  EXPECT_EQ(Cast(Value::Bigint(127), TypeId::kTinyint), Value::Tinyint(127));
  EXPECT_EQ(CastError(Value::Bigint(128), TypeId::kTinyint), ErrorCode::kNumericOverflow);
  EXPECT_TRUE(TryCast(Value::Bigint(3000000000LL), TypeId::kInteger).is_null());
}

TEST(CastTest, DecimalsRescaleWithRounding) {
  EXPECT_EQ(Cast(Value::Decimal(12345, 5, 3), LogicalType::Decimal(4, 2)), Value::Decimal(1235, 4, 2));
  EXPECT_EQ(Cast(Value::Integer(7), LogicalType::Decimal(5, 2)), Value::Decimal(700, 5, 2));
  EXPECT_EQ(Cast(Value::Double(0.1), LogicalType::Decimal(3, 2)), Value::Decimal(10, 3, 2));
  EXPECT_EQ(CastError(Value::Integer(1000), LogicalType::Decimal(3, 1)), ErrorCode::kNumericOverflow);
  EXPECT_EQ(Cast(Value::Decimal(5, 2, 1), TypeId::kDouble), Value::Double(0.5));
}

TEST(CastTest, VarcharParsesEveryScalarType) {
  EXPECT_EQ(Cast(Value::Varchar(" 42 "), TypeId::kInteger), Value::Integer(42));
  EXPECT_EQ(Cast(Value::Varchar("1.5e1"), TypeId::kDouble), Value::Double(15));
  EXPECT_EQ(Cast(Value::Varchar("TRUE"), TypeId::kBoolean), Value::Boolean(true));
  EXPECT_EQ(Cast(Value::Varchar("2024-03-01"), TypeId::kDate), Value::Date(19783));
  EXPECT_EQ(Cast(Value::Varchar("12.345"), LogicalType::Decimal(5, 2)), Value::Decimal(1235, 5, 2));
  EXPECT_EQ(CastError(Value::Varchar("abc"), TypeId::kInteger), ErrorCode::kInvalidCast);
  EXPECT_EQ(CastError(Value::Varchar("99999999999"), TypeId::kInteger), ErrorCode::kNumericOverflow);
  EXPECT_TRUE(TryCast(Value::Varchar("2024-02-30"), TypeId::kDate).is_null());
  EXPECT_EQ(Cast(Value::Varchar("abcdef"), LogicalType::Varchar(3)).GetString(), "abc");
  EXPECT_EQ(Cast(Value::Varchar("ab"), LogicalType::Char(4)).GetString(), "ab  ");
}

TEST(CastTest, ValuesFormatAsTrinoText) {
  EXPECT_EQ(Cast(Value::Integer(-5), LogicalType::Varchar()), Value::Varchar("-5"));
  EXPECT_EQ(Cast(Value::Double(1e7), LogicalType::Varchar()), Value::Varchar("1.0E7"));
  EXPECT_EQ(Cast(Value::Boolean(false), LogicalType::Varchar()), Value::Varchar("false"));
  EXPECT_EQ(Cast(Value::Decimal(-5, 3, 2), LogicalType::Varchar()), Value::Varchar("-0.05"));
}

TEST(CastTest, TimestampsConvertThroughTheSessionZone) {
  auto ts = Cast(Value::Varchar("2024-03-10 12:34:56.789"), LogicalType::Timestamp(3));
  EXPECT_EQ(ts.ToString(), "2024-03-10 12:34:56.789");
  EXPECT_EQ(Cast(ts, TypeId::kDate), Value::Date(19792));
  EXPECT_EQ(Cast(ts, LogicalType::Timestamp(0)).ToString(), "2024-03-10 12:34:57");
  auto tz = Cast(Value::Varchar("2024-03-10 12:00:00 America/New_York"), LogicalType::TimestampTz(0));
  EXPECT_EQ(tz.ToString(), "2024-03-10 12:00:00 America/New_York");
  EXPECT_EQ(Cast(tz, LogicalType::Timestamp(0)).ToString(), "2024-03-10 12:00:00");
}

TEST(CastTest, NestedValuesCastElementWise) {
  auto array = Value::Array(TypeId::kInteger, {Value::Integer(1), Value::Null(TypeId::kInteger)});
  auto cast = Cast(array, LogicalType::Array(TypeId::kDouble));
  EXPECT_EQ(cast, Value::Array(TypeId::kDouble, {Value::Double(1), Value::Null(TypeId::kDouble)}));
  EXPECT_EQ(CastError(array, TypeId::kDate), ErrorCode::kTypeMismatch);
}

}  // namespace
}  // namespace switchboard
