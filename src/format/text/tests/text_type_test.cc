// Tests for TextTypeCandidates: the type a column of text values is inferred as.
#include "format/text/text_type.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace switchboard {
namespace {

LogicalType Infer(std::initializer_list<std::string_view> values) {
  TextTypeCandidates candidates;
  for (auto v : values) candidates.Add(v);
  return candidates.Best();
}

TEST(TextTypeTest, InfersTheNarrowestTypeEveryValueFits) {
  EXPECT_EQ(Infer({"1", "-2", "300"}), LogicalType(TypeId::kBigint));
  EXPECT_EQ(Infer({"1", "2.5"}), LogicalType(TypeId::kDouble));
  EXPECT_EQ(Infer({"1e3", "-0.5"}), LogicalType(TypeId::kDouble));
  EXPECT_EQ(Infer({"true", "FALSE"}), LogicalType(TypeId::kBoolean));
  EXPECT_EQ(Infer({"2024-05-01", "2024-02-29"}), LogicalType(TypeId::kDate));
  EXPECT_EQ(Infer({"2024-05-01 10:00:00", "2024-05-01T11:30:00.250"}), LogicalType::Timestamp(3));
  EXPECT_EQ(Infer({"2024-05-01 10:00:00.123456"}), LogicalType::Timestamp(6));
  EXPECT_EQ(Infer({"2024-05-01", "2024-05-01 10:00:00"}), LogicalType::Timestamp(3));
  EXPECT_EQ(Infer({"2024-05-01T10:00:00Z", "2024-05-01T10:00:00+02:00"}), LogicalType::TimestampTz(3));
  EXPECT_EQ(Infer({"10:00:00", "23:59:59.5"}), LogicalType::Time(3));
}

TEST(TextTypeTest, FallsBackToVarchar) {
  EXPECT_EQ(Infer({"1", "x"}), LogicalType::Varchar());
  EXPECT_EQ(Infer({}), LogicalType::Varchar());
  EXPECT_EQ(Infer({"2024-13-01"}), LogicalType::Varchar());
  EXPECT_EQ(Infer({"1", "true"}), LogicalType::Varchar());
  EXPECT_EQ(Infer({"nan"}), LogicalType::Varchar());
  EXPECT_EQ(Infer({"99999999999999999999"}), LogicalType(TypeId::kDouble));
}

TEST(TextTypeTest, KeepsNumbersWithLeadingZerosAsText) {
  EXPECT_EQ(Infer({"007", "12"}), LogicalType::Varchar());
  EXPECT_EQ(Infer({"0", "0.5", "-0.25"}), LogicalType(TypeId::kDouble));
  EXPECT_EQ(Infer({"01.5"}), LogicalType::Varchar());
}

TEST(TextTypeTest, FitsChecksOneValueAgainstAType) {
  EXPECT_TRUE(TextTypeCandidates::Fits("12", TypeId::kBigint));
  EXPECT_TRUE(TextTypeCandidates::Fits("12", TypeId::kDouble));
  EXPECT_FALSE(TextTypeCandidates::Fits("id", TypeId::kBigint));
  EXPECT_FALSE(TextTypeCandidates::Fits("x", LogicalType::Varchar()));
}

}  // namespace
}  // namespace switchboard
