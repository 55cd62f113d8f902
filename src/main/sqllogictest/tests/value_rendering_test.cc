// Tests for rendering values as sqllogictest text, the temporal normalization and R comparison.
#include "main/sqllogictest/value_rendering.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
// 2023-05-15 14:30:45 UTC.
constexpr int64_t kInstant = 1684161045 * kMicrosPerSecond;

TEST(ValueRenderingTest, WritesNullAndEmptyTextAsSqlLogicTestDoes) {
  EXPECT_EQ(RenderValue(Value::Null(TypeId::kInteger), 'I', RealFormat::kFixed3), "NULL");
  EXPECT_EQ(RenderValue(Value::Null(TypeId::kDouble), 'R', RealFormat::kFixed3), "NULL");
  EXPECT_EQ(RenderValue(Value::Varchar(""), 'T', RealFormat::kFixed3), "(empty)");
  EXPECT_EQ(RenderValue(Value::Varchar("x y"), 'T', RealFormat::kFixed3), "x y");
}

TEST(ValueRenderingTest, WritesIntegersAndTruncatesInexactNumbersInIColumns) {
  EXPECT_EQ(RenderValue(Value::Integer(-42), 'I', RealFormat::kFixed3), "-42");
  EXPECT_EQ(RenderValue(Value::Bigint(INT64_MIN), 'I', RealFormat::kFixed3),
            "-9223372036854775808");
  EXPECT_EQ(RenderValue(Value::Double(57.666), 'I', RealFormat::kFixed3), "57");
  EXPECT_EQ(RenderValue(Value::Double(-2.9), 'I', RealFormat::kFixed3), "-2");
  EXPECT_EQ(RenderValue(Value::Decimal(-1250, 10, 2), 'I', RealFormat::kFixed3), "-12");
  EXPECT_EQ(RenderValue(Value::Double(1e300), 'I', RealFormat::kFixed3), "1.0E300");
}

TEST(ValueRenderingTest, WritesRColumnsWithThreeDecimalsOrInFull) {
  EXPECT_EQ(RenderValue(Value::Double(1.0 / 3), 'R', RealFormat::kFixed3), "0.333");
  EXPECT_EQ(RenderValue(Value::Double(-2.5), 'R', RealFormat::kFixed3), "-2.500");
  EXPECT_EQ(RenderValue(Value::Integer(5), 'R', RealFormat::kFixed3), "5.000");
  EXPECT_EQ(RenderValue(Value::Decimal(12345, 10, 2), 'R', RealFormat::kFixed3), "123.450");
  EXPECT_EQ(RenderValue(Value::Double(2.5), 'R', RealFormat::kFull), "2.5");
  EXPECT_EQ(RenderValue(Value::Decimal(12345, 10, 2), 'R', RealFormat::kFull), "123.45");
}

TEST(ValueRenderingTest, WritesOtherValuesAsTrinoText) {
  EXPECT_EQ(RenderValue(Value::Boolean(true), 'T', RealFormat::kFixed3), "true");
  EXPECT_EQ(RenderValue(Value::Boolean(false), 'I', RealFormat::kFixed3), "false");
  EXPECT_EQ(RenderValue(Value::Integer(7), 'T', RealFormat::kFixed3), "7");
  EXPECT_EQ(RenderValue(Value::Date(0), 'T', RealFormat::kFixed3), "1970-01-01");
  EXPECT_EQ(RenderValue(Value::Timestamp(kInstant, 6), 'T', RealFormat::kFixed3),
            "2023-05-15 14:30:45.000000");
  EXPECT_EQ(
      RenderValue(Value::Array(TypeId::kInteger, {Value::Integer(1)}), 'T', RealFormat::kFixed3),
      "[1]");
}

TEST(ValueRenderingTest, WritesVarbinaryAsDuckDbBlobText) {
  EXPECT_EQ(RenderValue(Value::Varbinary(std::string("\x01\x02\xff", 3)), 'T', RealFormat::kFixed3), "\\x01\\x02\\xFF");
  EXPECT_EQ(RenderValue(Value::Varbinary("ab\\c"), 'T', RealFormat::kFixed3), "ab\\x5Cc");
}

TEST(ValueRenderingTest, NormalizationStripsTrailingFractionZeros) {
  EXPECT_EQ(NormalizeTemporalText("2023-05-15 14:30:45.000000"), "2023-05-15 14:30:45");
  EXPECT_EQ(NormalizeTemporalText("2023-05-15 14:30:45.120"), "2023-05-15 14:30:45.12");
  EXPECT_EQ(NormalizeTemporalText("1970-01-01 00:00:00.012345"), "1970-01-01 00:00:00.012345");
  EXPECT_EQ(NormalizeTemporalText("12:06:45.000"), "12:06:45");
  EXPECT_EQ(NormalizeTemporalText("0011-03-05 12:06:45"), "0011-03-05 12:06:45");
  EXPECT_EQ(NormalizeTemporalText("-0044-03-15 00:00:00.0"), "-0044-03-15 00:00:00");
}

TEST(ValueRenderingTest, NormalizationTreatsUtcSuffixesAlike) {
  for (std::string_view text : {"2023-05-15 14:30:45.000 UTC", "2023-05-15 14:30:45+00",
                                "2023-05-15 14:30:45+00:00", "2023-05-15 14:30:45Z"}) {
    EXPECT_EQ(NormalizeTemporalText(text), "2023-05-15 14:30:45+00") << text;
  }
  EXPECT_EQ(NormalizeTemporalText(RenderValue(Value::TimestampWithZone(TimestampTz{kInstant, 0}, 6),
                                              'T', RealFormat::kFixed3)),
            "2023-05-15 14:30:45+00");
}

TEST(ValueRenderingTest, NormalizationLeavesEverythingElseAlone) {
  EXPECT_EQ(NormalizeTemporalText("2023-05-15 16:30:45.000 Europe/Amsterdam"),
            "2023-05-15 16:30:45 Europe/Amsterdam");
  EXPECT_EQ(NormalizeTemporalText("2023-05-15 16:30:45+02"), "2023-05-15 16:30:45+02");
  EXPECT_EQ(NormalizeTemporalText("2023-05-15"), "2023-05-15");
  EXPECT_EQ(NormalizeTemporalText("10.500"), "10.500");
  EXPECT_EQ(NormalizeTemporalText("at 12:00:00.000"), "at 12:00:00.000");
  EXPECT_EQ(NormalizeTemporalText("12:00:00.000 and more words"), "12:00:00.000 and more words");
  EXPECT_EQ(NormalizeTemporalText("12:00:00."), "12:00:00.");
  EXPECT_NE(NormalizeTemporalText("2023-05-15 14:30:45.5"),
            NormalizeTemporalText("2023-05-15 14:30:45"));
  EXPECT_NE(NormalizeTemporalText("2023-05-15 14:30:45 UTC"),
            NormalizeTemporalText("2023-05-15 14:30:45+01"));
}

TEST(ValueRenderingTest, RecognizesNumberForms) {
  EXPECT_TRUE(IsFixed3("0.333"));
  EXPECT_TRUE(IsFixed3("-12.500"));
  EXPECT_FALSE(IsFixed3("12.50"));
  EXPECT_FALSE(IsFixed3("12"));
  EXPECT_FALSE(IsFixed3(".500"));
  EXPECT_FALSE(IsFixed3("1a.500"));
  EXPECT_TRUE(IsFractionalNumber("2.5"));
  EXPECT_TRUE(IsFractionalNumber("1.0E7"));
  EXPECT_FALSE(IsFractionalNumber("25"));
  EXPECT_FALSE(IsFractionalNumber("a.b"));
}

TEST(ValueRenderingTest, RealValuesMatchByFixed3TextOrRelativeTolerance) {
  EXPECT_TRUE(RealTextsMatch("0.333", "0.3333333333333333"));
  EXPECT_TRUE(RealTextsMatch("0.000", "4.0E-4"));
  EXPECT_FALSE(RealTextsMatch("0.000", "6.0E-4"));
  EXPECT_TRUE(RealTextsMatch("23.343424523423433", "23.343424523423433"));
  EXPECT_TRUE(RealTextsMatch("10000000.0", "1.0E7"));
  EXPECT_TRUE(RealTextsMatch("0.00000000001", "1.0E-11"));
  EXPECT_TRUE(RealTextsMatch("3", "3.0"));
  EXPECT_TRUE(RealTextsMatch("1.0000000000001", "1.0"));
  EXPECT_FALSE(RealTextsMatch("1.00001", "1.0"));
  EXPECT_FALSE(RealTextsMatch("1.5", "abc"));
  EXPECT_TRUE(RealTextsMatch("NULL", "NULL"));
  EXPECT_FALSE(RealTextsMatch("NULL", "0.0"));
}

}  // namespace
}  // namespace switchboard
