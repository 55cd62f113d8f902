// Tests for implicit coercions and common super types.
#include <gtest/gtest.h>

#include "function/type_coercion.h"

namespace switchboard {
namespace {

TEST(TypeCoercionTest, WideningIsImplicitNarrowingIsNot) {
  EXPECT_TRUE(CanCoerce(TypeId::kInteger, TypeId::kBigint));
  EXPECT_FALSE(CanCoerce(TypeId::kBigint, TypeId::kInteger));
  EXPECT_TRUE(CanCoerce(TypeId::kInteger, TypeId::kDouble));
  EXPECT_TRUE(CanCoerce(TypeId::kDate, LogicalType::Timestamp(3)));
  EXPECT_FALSE(CanCoerce(TypeId::kVarchar, TypeId::kInteger));
  EXPECT_TRUE(CanCoerce(LogicalType::Varchar(3), LogicalType::Varchar()));
}

TEST(TypeCoercionTest, CommonSuperTypes) {
  EXPECT_EQ(CommonSuperType(TypeId::kInteger, TypeId::kBigint), LogicalType(TypeId::kBigint));
  EXPECT_EQ(CommonSuperType(TypeId::kInteger, LogicalType::Decimal(5, 2)), LogicalType::Decimal(12, 2));
  EXPECT_EQ(CommonSuperType(LogicalType::Decimal(5, 2), TypeId::kDouble), LogicalType(TypeId::kDouble));
  EXPECT_EQ(CommonSuperType(TypeId::kUnknown, TypeId::kDate), LogicalType(TypeId::kDate));
  EXPECT_EQ(CommonSuperType(TypeId::kDate, LogicalType::Timestamp(3)), LogicalType::Timestamp(3));
  EXPECT_FALSE(CommonSuperType(TypeId::kVarchar, TypeId::kInteger).has_value());
  EXPECT_EQ(CommonSuperType(LogicalType::Array(TypeId::kInteger), LogicalType::Array(TypeId::kDouble)),
            LogicalType::Array(TypeId::kDouble));
}

}  // namespace
}  // namespace switchboard
