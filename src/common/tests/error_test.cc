// Tests for Error, Result and the check macros.
#include <gtest/gtest.h>

#include "common/result.h"

namespace switchboard {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Error{ErrorCode::kInvalidParameter, fmt::format("{} is odd", x)};
  return x / 2;
}

Result<int> Quarter(int x) {
  SB_ASSIGN_OR_RETURN(int half, Half(x));
  SB_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(ResultTest, PropagatesTheFirstError) {
  EXPECT_EQ(Quarter(8).value(), 2);
  auto failed = Quarter(6);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "3 is odd");
  EXPECT_EQ(SqlState(failed.error().code), "22023");
}

TEST(ResultTest, CatchErrorsTurnsExceptionsIntoErrors) {
  auto result = CatchErrors([]() -> int { SB_THROW(kDivisionByZero, "Division by zero"); });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kDivisionByZero);
  EXPECT_EQ(result.error().ToString(), "[22012] Division by zero");
  auto fine = CatchErrors([] { return 7; });
  EXPECT_EQ(fine.value(), 7);
}

TEST(CheckTest, InternalChecksNameTheConditionAndUserChecksKeepTheirCode) {
  try {
    SB_CHECK(1 + 1 == 3, "arithmetic is {}", "broken");
    FAIL();
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
    EXPECT_NE(std::string(e.what()).find("1 + 1 == 3"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("arithmetic is broken"), std::string::npos);
  }
  try {
    SB_USER_CHECK(false, kInvalidCast, "Cannot cast '{}' to INTEGER", "abc");
    FAIL();
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidCast);
    EXPECT_STREQ(e.what(), "Cannot cast 'abc' to INTEGER");
  }
}

}  // namespace
}  // namespace switchboard
