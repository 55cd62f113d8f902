// Tests for decimal text conversion and Java-style floating point formatting.
#include <gtest/gtest.h>

#include "types/decimal.h"

namespace switchboard {
namespace {

TEST(DecimalTest, FormatsWithExactScale) {
  EXPECT_EQ(Decimal::Format(150, 2), "1.50");
  EXPECT_EQ(Decimal::Format(-5, 2), "-0.05");
  EXPECT_EQ(Decimal::Format(12, 0), "12");
  int128_t max38 = Decimal::MaxUnscaled(38);
  EXPECT_EQ(Decimal::Format(max38, 0), std::string(38, '9'));
  EXPECT_EQ(Decimal::Format(-max38, 38), "-0." + std::string(38, '9'));
}

TEST(DecimalTest, ParsesWithHalfUpRoundingAndPrecisionChecks) {
  EXPECT_EQ(Decimal::Parse("1.235", 3, 2), 124);
  EXPECT_EQ(Decimal::Parse("-1.235", 3, 2), -124);
  EXPECT_EQ(Decimal::Parse(" 12 ", 5, 2), 1200);
  EXPECT_EQ(Decimal::Parse("1e3", 10, 0), 1000);
  EXPECT_EQ(Decimal::Parse(".5", 2, 1), 5);
  EXPECT_EQ(Decimal::Parse("0.0001", 5, 3), 0);
  EXPECT_FALSE(Decimal::Parse("123.4", 3, 1).has_value());
  EXPECT_FALSE(Decimal::Parse("abc", 10, 2).has_value());
  EXPECT_FALSE(Decimal::Parse("1.2.3", 10, 2).has_value());
  EXPECT_EQ(Decimal::Parse(std::string(38, '9'), 38, 0), Decimal::MaxUnscaled(38));
}

TEST(DecimalTest, Int128TextRoundTripsAtTheLimits) {
  int128_t min = static_cast<int128_t>(static_cast<uint128_t>(1) << 127);
  std::string text = Decimal::Int128ToString(min);
  EXPECT_EQ(text, "-170141183460469231731687303715884105728");
  EXPECT_EQ(Decimal::ParseInt128(text), min);
  EXPECT_FALSE(Decimal::ParseInt128("170141183460469231731687303715884105728").has_value());
}

TEST(DecimalTest, RoundDivideRoundsHalfAwayFromZero) {
  EXPECT_EQ(Decimal::RoundDivide(125, 1), 13);
  EXPECT_EQ(Decimal::RoundDivide(-125, 1), -13);
  EXPECT_EQ(Decimal::RoundDivide(124, 1), 12);
}

TEST(FloatFormatTest, MatchesJavaDoubleToString) {
  EXPECT_EQ(FormatDouble(1.0), "1.0");
  EXPECT_EQ(FormatDouble(0.1), "0.1");
  EXPECT_EQ(FormatDouble(-2.5), "-2.5");
  EXPECT_EQ(FormatDouble(1234567.0), "1234567.0");
  EXPECT_EQ(FormatDouble(12345678.0), "1.2345678E7");
  EXPECT_EQ(FormatDouble(0.001), "0.001");
  EXPECT_EQ(FormatDouble(0.0001), "1.0E-4");
  EXPECT_EQ(FormatDouble(1e20), "1.0E20");
  EXPECT_EQ(FormatReal(1.1f), "1.1");
  EXPECT_EQ(FormatDouble(0.0 / 0.0), "NaN");
}

}  // namespace
}  // namespace switchboard
