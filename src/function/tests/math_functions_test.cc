// Tests for the mathematical functions and greatest/least/typeof.
#include <cmath>

#include "function/tests/function_test_util.h"

namespace switchboard {
namespace {

class MathFunctionsTest : public FunctionTest {};

TEST_F(MathFunctionsTest, AbsKeepsTheTypeAndRejectsTheSmallestBigint) {
  EXPECT_VALUE(Call("abs", {Int(-5)}), Int(5));
  EXPECT_VALUE(Call("abs", {Dbl(-2.5)}), Dbl(2.5));
  EXPECT_VALUE(Call("abs", {Dec("-17.40", 4, 2)}), Dec("17.40", 4, 2));
  EXPECT_TRUE(Call("abs", {NullOf(TypeId::kBigint)}).is_null());
  Error e = CallError("abs", {Big(std::numeric_limits<int64_t>::min())});
  EXPECT_EQ(e.code, ErrorCode::kNumericOverflow);
  EXPECT_EQ(e.message, "Value -9223372036854775808 is out of range for abs(bigint)");
}

TEST_F(MathFunctionsTest, RoundingDecimalsFollowsTrinoResultTypes) {
  EXPECT_EQ(ReturnType("round", {Dec("12.345", 5, 3)}), LogicalType::Decimal(3, 0));
  EXPECT_VALUE(Call("round", {Dec("12.5", 3, 1)}), Dec("13", 3, 0));
  EXPECT_VALUE(Call("round", {Dec("-12.5", 3, 1)}), Dec("-13", 3, 0));
  EXPECT_VALUE(Call("round", {Dec("99.5", 3, 1)}), Dec("100", 3, 0));
  EXPECT_EQ(ReturnType("round", {Dec("12.345", 5, 3), Int(2)}), LogicalType::Decimal(6, 3));
  EXPECT_VALUE(Call("round", {Dec("12.345", 5, 3), Int(2)}), Dec("12.350", 6, 3));
  EXPECT_VALUE(Call("round", {Dec("12.345", 5, 3), Int(-1)}), Dec("10.000", 6, 3));
  EXPECT_VALUE(Call("round", {Dec("12.345", 5, 3), Int(5)}), Dec("12.345", 6, 3));
  EXPECT_VALUE(Call("floor", {Dec("-42.8", 3, 1)}), Dec("-43", 3, 0));
  EXPECT_VALUE(Call("ceiling", {Dec("-42.8", 3, 1)}), Dec("-42", 3, 0));
  EXPECT_VALUE(Call("ceil", {Dec("42.1", 3, 1)}), Dec("43", 3, 0));
  EXPECT_VALUE(Call("truncate", {Dec("-42.87", 4, 2)}), Dec("-42", 2, 0));
  EXPECT_VALUE(Call("truncate", {Dec("-42.87", 4, 2), Int(1)}), Dec("-42.80", 4, 2));
}

TEST_F(MathFunctionsTest, RoundsThirtyEightDigitDecimals) {
  std::string big = "12345678901234567890123456789012345.678";
  EXPECT_VALUE(Call("round", {Dec(big, 38, 3)}), Dec("12345678901234567890123456789012346", 36, 0));
  EXPECT_VALUE(Call("round", {Dec(big, 38, 3), Int(1)}),
               Dec("12345678901234567890123456789012345.700", 38, 3));
  EXPECT_VALUE(Call("floor", {Dec("-" + big, 38, 3)}),
               Dec("-12345678901234567890123456789012346", 36, 0));
  Error e = CallError("round", {Dec("99999999999999999999999999999999999.999", 38, 3), Int(2)});
  EXPECT_EQ(e.code, ErrorCode::kNumericOverflow);
}

TEST_F(MathFunctionsTest, RoundsDoublesLikeTrinoAndTruncatesTheirDecimalDigits) {
  EXPECT_VALUE(Call("round", {Dbl(2.5)}), Dbl(3.0));
  EXPECT_VALUE(Call("round", {Dbl(-2.5)}), Dbl(-3.0));
  EXPECT_VALUE(Call("round", {Dbl(0.285), Int(2)}), Dbl(0.28));  // 0.28499999... in binary
  EXPECT_VALUE(Call("round", {Dbl(-0.295), Int(2)}), Dbl(-0.3));
  EXPECT_VALUE(Call("round", {Dbl(1.005), Int(2)}), Dbl(1.0));
  EXPECT_VALUE(Call("truncate", {Dbl(0.29), Int(2)}), Dbl(0.29));
  EXPECT_VALUE(Call("round", {Dbl(1234.5678), Int(-2)}), Dbl(1200.0));
  EXPECT_VALUE(Call("round", {Dbl(3.14159), Int(10)}), Dbl(3.14159));
  EXPECT_VALUE(Call("round", {Dbl(0.0004), Int(2)}), Dbl(0.0));
  EXPECT_TRUE(std::isnan(Call("round", {Dbl(NAN), Int(2)}).GetDouble()));
  EXPECT_VALUE(Call("truncate", {Dbl(-3.789), Int(2)}), Dbl(-3.78));
  EXPECT_VALUE(Call("truncate", {Dbl(-3.789)}), Dbl(-3.0));
}

TEST_F(MathFunctionsTest, RoundsIntegersToNegativePlaces) {
  EXPECT_VALUE(Call("round", {Big(1250), Int(-2)}), Big(1300));
  EXPECT_VALUE(Call("round", {Big(-1250), Int(-2)}), Big(-1300));
  EXPECT_VALUE(Call("round", {Int(1234), Int(2)}), Int(1234));
  EXPECT_VALUE(Call("round", {Big(5), Int(-30)}), Big(0));
  EXPECT_EQ(CallError("round", {Value::Tinyint(125), Int(-1)}).code, ErrorCode::kNumericOverflow);
}

TEST_F(MathFunctionsTest, ModFollowsTheSignOfTheDividend) {
  EXPECT_VALUE(Call("mod", {Int(-7), Int(3)}), Int(-1));
  EXPECT_VALUE(Call("mod", {Big(7), Big(-3)}), Big(1));
  EXPECT_VALUE(Call("mod", {Dbl(5.5), Dbl(2)}), Dbl(1.5));
  EXPECT_EQ(Call("mod", {Dec("7.5", 2, 1), Dec("2", 1, 0)}).ToString(), "1.5");
  EXPECT_EQ(CallError("mod", {Int(1), Int(0)}).code, ErrorCode::kDivisionByZero);
}

TEST_F(MathFunctionsTest, PowersAndLogarithms) {
  EXPECT_VALUE(Call("power", {Int(2), Int(10)}), Dbl(1024));
  EXPECT_VALUE(Call("pow", {Dbl(4), Dbl(0.5)}), Dbl(2));
  EXPECT_VALUE(Call("sqrt", {Int(16)}), Dbl(4));
  EXPECT_VALUE(Call("cbrt", {Dbl(-27)}), Dbl(-3));
  EXPECT_VALUE(Call("exp", {Int(0)}), Dbl(1));
  EXPECT_VALUE(Call("ln", {Call("e", {})}), Dbl(1));
  EXPECT_VALUE(Call("log2", {Int(8)}), Dbl(3));
  EXPECT_VALUE(Call("log10", {Int(1000)}), Dbl(3));
  EXPECT_VALUE(Call("log", {Int(2), Int(64)}), Dbl(6));
  EXPECT_EQ(Call("ln", {Int(0)}).GetDouble(), -INFINITY);
  EXPECT_TRUE(std::isnan(Call("sqrt", {Int(-1)}).GetDouble()));
  EXPECT_NEAR(Call("pi", {}).GetDouble(), 3.141592653589793, 1e-15);
  EXPECT_NEAR(Call("degrees", {Call("pi", {})}).GetDouble(), 180, 1e-12);
  EXPECT_NEAR(Call("atan2", {Dbl(1), Dbl(1)}).GetDouble(), 0.7853981633974483, 1e-15);
}

TEST_F(MathFunctionsTest, SignHandlesZeroesNaNAndDecimals) {
  EXPECT_VALUE(Call("sign", {Big(-42)}), Big(-1));
  EXPECT_VALUE(Call("sign", {Int(0)}), Int(0));
  EXPECT_VALUE(Call("sign", {Dec("8.50", 3, 2)}), Dec("1", 1, 0));
  EXPECT_VALUE(Call("sign", {Dbl(-INFINITY)}), Dbl(-1));
  EXPECT_TRUE(std::signbit(Call("sign", {Dbl(-0.0)}).GetDouble()));
}

TEST_F(MathFunctionsTest, FloatingPointChecks) {
  EXPECT_VALUE(Call("is_nan", {Call("nan", {})}), Bool(true));
  EXPECT_VALUE(Call("is_nan", {Dbl(1)}), Bool(false));
  EXPECT_VALUE(Call("is_finite", {Call("infinity", {})}), Bool(false));
  EXPECT_VALUE(Call("is_infinite", {Dbl(-INFINITY)}), Bool(true));
  EXPECT_VALUE(Call("is_finite", {Int(3)}), Bool(true));
}

TEST_F(MathFunctionsTest, RandomStaysInItsRange) {
  for (int i = 0; i < 100; ++i) {
    double r = Call("random", {}).GetDouble();
    EXPECT_GE(r, 0.0);
    EXPECT_LT(r, 1.0);
    int64_t n = Call("rand", {Big(10)}).GetInt64();
    EXPECT_GE(n, 0);
    EXPECT_LT(n, 10);
    int64_t m = Call("random", {Int(-3), Int(3)}).GetInt64();
    EXPECT_GE(m, -3);
    EXPECT_LT(m, 3);
  }
  EXPECT_EQ(ReturnType("random", {Value::Smallint(5)}), LogicalType(TypeId::kSmallint));
  EXPECT_EQ(CallError("random", {Big(0)}).message, "bound must be positive");
  EXPECT_EQ(CallError("random", {Int(5), Int(5)}).message,
            "start value must be less than stop value");
}

TEST_F(MathFunctionsTest, WidthBucketCountsBucketsInBothDirections) {
  EXPECT_VALUE(Call("width_bucket", {Dbl(5.3), Dbl(0.2), Dbl(10.6), Big(5)}), Big(3));
  EXPECT_VALUE(Call("width_bucket", {Dbl(-1), Dbl(0), Dbl(10), Big(5)}), Big(0));
  EXPECT_VALUE(Call("width_bucket", {Dbl(10), Dbl(0), Dbl(10), Big(5)}), Big(6));
  EXPECT_VALUE(Call("width_bucket", {Dbl(9), Dbl(10), Dbl(0), Big(5)}), Big(1));
  EXPECT_VALUE(Call("width_bucket", {Dbl(0), Dbl(10), Dbl(0), Big(5)}), Big(6));
  EXPECT_EQ(CallError("width_bucket", {Dbl(1), Dbl(0), Dbl(10), Big(0)}).message,
            "bucketCount must be greater than 0");
  EXPECT_EQ(CallError("width_bucket", {Dbl(1), Dbl(3), Dbl(3), Big(2)}).message,
            "bounds cannot equal each other");
  Value bins = ArrayOf(TypeId::kDouble, {Dbl(0), Dbl(10), Dbl(20)});
  EXPECT_VALUE(Call("width_bucket", {Dbl(15), bins}), Big(2));
  EXPECT_VALUE(Call("width_bucket", {Dbl(-1), bins}), Big(0));
  EXPECT_VALUE(Call("width_bucket", {Dbl(25), bins}), Big(3));
}

TEST_F(MathFunctionsTest, BitwiseOperations) {
  EXPECT_VALUE(Call("bitwise_and", {Big(19), Big(25)}), Big(17));
  EXPECT_VALUE(Call("bitwise_or", {Big(19), Big(25)}), Big(27));
  EXPECT_VALUE(Call("bitwise_xor", {Big(19), Big(25)}), Big(10));
  EXPECT_VALUE(Call("bitwise_not", {Big(-12)}), Big(11));
  EXPECT_VALUE(Call("bit_count", {Big(-7), Big(64)}), Big(62));
  EXPECT_VALUE(Call("bit_count", {Big(9), Big(8)}), Big(2));
  EXPECT_VALUE(Call("bitwise_left_shift", {Big(1), Big(2)}), Big(4));
  EXPECT_VALUE(Call("bitwise_left_shift", {Value::Tinyint(64), Big(1)}), Value::Tinyint(-128));
  EXPECT_VALUE(Call("bitwise_right_shift", {Big(-8), Big(60)}), Big(15));
  EXPECT_VALUE(Call("bitwise_right_shift_arithmetic", {Big(-8), Big(2)}), Big(-2));
  EXPECT_VALUE(Call("bitwise_right_shift_arithmetic", {Int(-8), Big(40)}), Int(-1));
}

TEST_F(MathFunctionsTest, BaseConversion) {
  EXPECT_VALUE(Call("to_base", {Big(255), Big(16)}), Str("ff"));
  EXPECT_VALUE(Call("to_base", {Big(-10), Big(2)}), Str("-1010"));
  EXPECT_VALUE(Call("from_base", {Str("ff"), Big(16)}), Big(255));
  EXPECT_VALUE(Call("from_base", {Str("-1010"), Big(2)}), Big(-10));
  EXPECT_EQ(CallError("from_base", {Str("12z"), Big(10)}).message,
            "Not a valid base-10 number: 12z");
  EXPECT_EQ(CallError("to_base", {Big(1), Big(37)}).message, "Radix must be between 2 and 36");
}

TEST_F(MathFunctionsTest, GreatestAndLeastCoerceToACommonType) {
  EXPECT_VALUE(Call("greatest", {Int(4), Int(9), Int(2)}), Int(9));
  EXPECT_VALUE(Call("greatest", {Int(4), Dbl(9.5)}), Dbl(9.5));
  EXPECT_VALUE(Call("least", {Str("pear"), Str("apple")}), Str("apple"));
  EXPECT_VALUE(Call("least", {Str("a long string value"), Str("a long string valuf")}),
               Str("a long string value"));
  EXPECT_TRUE(Call("greatest", {Int(1), NullOf(TypeId::kInteger)}).is_null());
  EXPECT_VALUE(Call("greatest", {DateOf("2024-01-01"), DateOf("2023-12-31")}),
               DateOf("2024-01-01"));
  EXPECT_VALUE(Call("least", {IntArray({1, 2}), IntArray({1, 1, 5})}), IntArray({1, 1, 5}));
  EXPECT_EQ(CallError("greatest", {Int(1), Str("a")}).code, ErrorCode::kTypeMismatch);
}

TEST_F(MathFunctionsTest, TypeOfNamesTheArgumentType) {
  EXPECT_VALUE(Call("typeof", {Dec("1.5", 2, 1)}), Str("decimal(2,1)"));
  EXPECT_VALUE(Call("typeof", {IntArray({1})}), Str("array(integer)"));
  EXPECT_VALUE(Call("typeof", {Null()}), Str("unknown"));
}

}  // namespace
}  // namespace switchboard
