// Tests for Value text forms and identity.
#include <gtest/gtest.h>

#include "types/value.h"

namespace switchboard {
namespace {

TEST(ValueTest, ToStringMatchesTrinoCastToVarchar) {
  EXPECT_EQ(Value::Integer(42).ToString(), "42");
  EXPECT_EQ(Value::Boolean(true).ToString(), "true");
  EXPECT_EQ(Value::Decimal(1999, 10, 2).ToString(), "19.99");
  EXPECT_EQ(Value::Double(2.0).ToString(), "2.0");
  EXPECT_EQ(Value::Date(0).ToString(), "1970-01-01");
  EXPECT_EQ(Value::Timestamp(1500, 3).ToString(), "1970-01-01 00:00:00.001");
  EXPECT_EQ(Value::Uuid((static_cast<uint128_t>(0x0123456789abcdefULL) << 64) | 0xfedcba9876543210ULL)
                .ToString(),
            "01234567-89ab-cdef-fedc-ba9876543210");
  auto array = Value::Array(TypeId::kInteger, {Value::Integer(1), Value::Null(TypeId::kInteger)});
  EXPECT_EQ(array.ToString(), "[1, NULL]");
  auto map = Value::Map(TypeId::kVarchar, TypeId::kInteger, {{Value::Varchar("a"), Value::Integer(1)}});
  EXPECT_EQ(map.ToString(), "{a=1}");
  EXPECT_EQ(Value::Null(TypeId::kInteger).ToString(), "NULL");
}

TEST(ValueTest, SqlLiteralsEscapeQuotes) {
  EXPECT_EQ(Value::Varchar("it's").ToSqlLiteral(), "'it''s'");
  EXPECT_EQ(Value::Date(0).ToSqlLiteral(), "DATE '1970-01-01'");
  EXPECT_EQ(Value::Array(TypeId::kInteger, {Value::Integer(1)}).ToSqlLiteral(), "ARRAY[1]");
}

TEST(ValueTest, IdentityComparesTypesAndNulls) {
  EXPECT_EQ(Value::Integer(1), Value::Integer(1));
  EXPECT_NE(Value::Integer(1), Value::Bigint(1));
  EXPECT_EQ(Value::Null(TypeId::kInteger), Value::Null(TypeId::kInteger));
  EXPECT_EQ(Value::Varchar("x").Hash(), Value::Varchar("x").Hash());
}

}  // namespace
}  // namespace switchboard
