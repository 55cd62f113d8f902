// Tests for calendar math, parsing and formatting of temporal types.
#include <gtest/gtest.h>

#include "common/time_zone.h"
#include "types/datetime.h"

namespace switchboard {
namespace {

TEST(DateTest, CivilConversionRoundTripsAcrossEras) {
  for (int32_t days : {-1000000, -719468, -1, 0, 1, 11016, 19723, 2932896}) {
    int64_t y;
    int m, d;
    Date::ToCivil(days, y, m, d);
    EXPECT_EQ(Date::FromCivil(y, m, d), days);
  }
  EXPECT_EQ(Date::FromCivil(2024, 2, 29), 19782);
  EXPECT_EQ(Date::DayOfWeek(0), 4);  // Thursday
}

TEST(DateTest, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(Date::Parse("2024-02-29"), 19782);
  EXPECT_EQ(Date::Parse(" 2024-2-9 "), Date::FromCivil(2024, 2, 9));
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2023-13-01").has_value());
  EXPECT_FALSE(Date::Parse("yesterday").has_value());
  EXPECT_EQ(Date::Format(19782), "2024-02-29");
  EXPECT_EQ(Date::Format(Date::FromCivil(-1, 1, 1)), "-0001-01-01");
}

TEST(TimestampTest, ParsesSeparatorsFractionsAndZones) {
  auto ts = Timestamp::Parse("2024-03-01 10:15:30.123456");
  ASSERT_TRUE(ts.has_value());
  EXPECT_EQ(Timestamp::Format(ts->micros, 6), "2024-03-01 10:15:30.123456");
  EXPECT_FALSE(ts->zone.has_value());
  auto iso = Timestamp::Parse("2024-03-01T10:15:30.5Z");
  ASSERT_TRUE(iso.has_value());
  EXPECT_EQ(iso->zone, TimeZone::kUtc);
  EXPECT_EQ(Timestamp::Format(iso->micros, 3), "2024-03-01 10:15:30.500");
  auto named = Timestamp::Parse("2024-03-01 10:15 America/New_York");
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(TimeZone::Name(*named->zone), "America/New_York");
  EXPECT_EQ(Timestamp::Parse("2024-03-01")->micros, Date::FromCivil(2024, 3, 1) * kMicrosPerDay);
  EXPECT_FALSE(Timestamp::Parse("2024-03-01 25:00").has_value());
  EXPECT_FALSE(Timestamp::Parse("2024-03-01 10:00 Nowhere/Special").has_value());
}

TEST(TimestampTest, FormatsInstantsInTheirOwnZone) {
  auto parsed = Timestamp::Parse("2024-07-01 12:00:00");
  int16_t zone = *TimeZone::Lookup("America/New_York");
  TimestampTz value = Timestamp::FromLocal(parsed->micros, zone);
  EXPECT_EQ(Timestamp::FormatWithZone(value, 3), "2024-07-01 12:00:00.000 America/New_York");
  EXPECT_EQ(Timestamp::Format(value.micros, 0), "2024-07-01 16:00:00");
  EXPECT_EQ(Timestamp::Format(-1, 6), "1969-12-31 23:59:59.999999");
}

TEST(IntervalTest, FormatsLikeTrino) {
  EXPECT_EQ(Interval::FormatDayTime(2 * kMicrosPerDay + 3 * kMicrosPerHour + 4 * kMicrosPerSecond),
            "2 03:00:04.000");
  EXPECT_EQ(Interval::FormatDayTime(-1500), "-0 00:00:00.001500");
  EXPECT_EQ(Interval::FormatYearMonth(14), "1-2");
  EXPECT_EQ(Interval::FormatYearMonth(-3), "-0-3");
}

}  // namespace
}  // namespace switchboard
