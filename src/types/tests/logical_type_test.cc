// Tests for LogicalType names, parameters and physical layout.
#include <gtest/gtest.h>

#include "types/logical_type.h"

namespace switchboard {
namespace {

TEST(LogicalTypeTest, NamesFollowTrino) {
  EXPECT_EQ(LogicalType(TypeId::kInteger).ToString(), "integer");
  EXPECT_EQ(LogicalType::Decimal(10, 2).ToString(), "decimal(10,2)");
  EXPECT_EQ(LogicalType::Varchar(5).ToString(), "varchar(5)");
  EXPECT_EQ(LogicalType::TimestampTz(6).ToString(), "timestamp(6) with time zone");
  auto row = LogicalType::Row({{"a", TypeId::kBigint}, {"b", LogicalType::Array(TypeId::kDouble)}});
  EXPECT_EQ(row.ToString(), "row(a bigint, b array(double))");
  EXPECT_EQ(LogicalType::Map(TypeId::kVarchar, TypeId::kInteger).ToString(),
            "map(varchar, integer)");
}

TEST(LogicalTypeTest, DecimalsPickTheirStorageByPrecision) {
  EXPECT_EQ(LogicalType::Decimal(18, 2).physical_type(), PhysicalType::kInt64);
  EXPECT_EQ(LogicalType::Decimal(19, 2).physical_type(), PhysicalType::kInt128);
}

TEST(LogicalTypeTest, EqualityComparesParameters) {
  EXPECT_EQ(LogicalType::Decimal(10, 2), LogicalType::Decimal(10, 2));
  EXPECT_NE(LogicalType::Decimal(10, 2), LogicalType::Decimal(10, 3));
  EXPECT_EQ(LogicalType::Array(TypeId::kInteger), LogicalType::Array(TypeId::kInteger));
  EXPECT_NE(LogicalType::Varchar(), LogicalType::Varchar(3));
  EXPECT_FALSE(LogicalType::Map(TypeId::kVarchar, TypeId::kInteger).IsOrderable());
  EXPECT_TRUE(LogicalType::Array(TypeId::kInteger).IsOrderable());
}

}  // namespace
}  // namespace switchboard
