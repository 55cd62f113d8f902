// Tests for overload resolution in the function registry.
#include <gtest/gtest.h>

#include "common/error.h"
#include "function/function_registry.h"

namespace switchboard {
namespace {

class FunctionRegistryTest : public ::testing::Test {
 protected:
  std::unique_ptr<FunctionRegistry> registry_ = FunctionRegistry::CreateWithBuiltins();
};

TEST_F(FunctionRegistryTest, PicksTheCheapestOverload) {
  auto r = registry_->ResolveScalar("+", {TypeId::kInteger, TypeId::kInteger});
  EXPECT_EQ(r.function.return_type, LogicalType(TypeId::kInteger));
  auto mixed = registry_->ResolveScalar("+", {TypeId::kInteger, TypeId::kBigint});
  EXPECT_EQ(mixed.function.return_type, LogicalType(TypeId::kBigint));
  auto with_double = registry_->ResolveScalar("*", {TypeId::kBigint, TypeId::kDouble});
  EXPECT_EQ(with_double.function.return_type, LogicalType(TypeId::kDouble));
}

TEST_F(FunctionRegistryTest, DecimalArithmeticFollowsTrinoPrecisionRules) {
  auto add = registry_->ResolveScalar("+", {LogicalType::Decimal(15, 2), LogicalType::Decimal(5, 3)});
  EXPECT_EQ(add.function.return_type, LogicalType::Decimal(17, 3));
  auto mul = registry_->ResolveScalar("*", {LogicalType::Decimal(15, 2), LogicalType::Decimal(16, 2)});
  EXPECT_EQ(mul.function.return_type, LogicalType::Decimal(31, 4));
  auto with_int = registry_->ResolveScalar("-", {TypeId::kInteger, LogicalType::Decimal(15, 2)});
  EXPECT_EQ(with_int.parameter_types[0], LogicalType::Decimal(10, 0));
  EXPECT_EQ(with_int.function.return_type, LogicalType::Decimal(16, 2));
}

TEST_F(FunctionRegistryTest, UnknownFunctionsSuggestCloseNames) {
  try {
    registry_->ResolveAggregate("cuont", {TypeId::kInteger});
    FAIL();
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUndefinedFunction);
    EXPECT_NE(std::string(e.what()).find("\"count\""), std::string::npos) << e.what();
  }
}

TEST_F(FunctionRegistryTest, MismatchedArgumentsNameTheTypes) {
  try {
    registry_->ResolveScalar("+", {TypeId::kVarchar, TypeId::kInteger});
    FAIL();
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTypeMismatch);
    EXPECT_NE(std::string(e.what()).find("Cannot apply operator: varchar + integer"), std::string::npos) << e.what();
  }
}

TEST_F(FunctionRegistryTest, GenericAggregatesBindToTheArgumentType) {
  auto max = registry_->ResolveAggregate("max", {LogicalType::Varchar()});
  EXPECT_EQ(max.function.return_type, LogicalType::Varchar());
  auto sum = registry_->ResolveAggregate("sum", {LogicalType::Decimal(15, 2)});
  EXPECT_EQ(sum.function.return_type, LogicalType::Decimal(38, 2));
  auto avg = registry_->ResolveAggregate("avg", {TypeId::kInteger});
  EXPECT_EQ(avg.function.return_type, LogicalType(TypeId::kDouble));
}

}  // namespace
}  // namespace switchboard
