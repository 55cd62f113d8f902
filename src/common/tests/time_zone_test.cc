// Tests for TimeZone against known offsets and transitions.
#include <gtest/gtest.h>

#include "common/time_zone.h"

namespace switchboard {
namespace {

// 2024-03-10 07:00:00 UTC is 02:00 EST -> 03:00 EDT in New York.
constexpr int64_t kNewYorkSpringForward = 1710054000;

TEST(TimeZoneTest, UtcSpellingsShareOneKey) {
  EXPECT_EQ(TimeZone::Lookup("UTC"), TimeZone::kUtc);
  EXPECT_EQ(TimeZone::Lookup("z"), TimeZone::kUtc);
  EXPECT_EQ(TimeZone::Lookup("+00:00"), TimeZone::kUtc);
  EXPECT_EQ(TimeZone::Name(TimeZone::kUtc), "UTC");
}

TEST(TimeZoneTest, FixedOffsetsRoundTripThroughTheirNames) {
  auto key = TimeZone::Lookup("+05:30");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(TimeZone::Name(*key), "+05:30");
  EXPECT_EQ(TimeZone::OffsetAt(*key, 0), 19800);
  EXPECT_EQ(TimeZone::Name(*TimeZone::Lookup("-0800")), "-08:00");
  EXPECT_FALSE(TimeZone::Lookup("+15:00").has_value());
}

TEST(TimeZoneTest, NamedZonesFollowTheirTransitions) {
  auto key = TimeZone::Lookup("america/new_york");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(TimeZone::Name(*key), "America/New_York");
  EXPECT_EQ(TimeZone::OffsetAt(*key, kNewYorkSpringForward - 1), -5 * 3600);
  EXPECT_EQ(TimeZone::OffsetAt(*key, kNewYorkSpringForward), -4 * 3600);
  // Far beyond the TZif transitions, the footer rule applies: 2100-07-01 is summer time.
  EXPECT_EQ(TimeZone::OffsetAt(*key, 4118083200), -4 * 3600);
  EXPECT_EQ(TimeZone::OffsetAt(*key, 4102444800), -5 * 3600);  // 2100-01-01
}

TEST(TimeZoneTest, LocalTimesInGapsMoveForwardAndOverlapsTakeTheEarlierInstant) {
  int16_t key = *TimeZone::Lookup("America/New_York");
  int64_t local_0230 = kNewYorkSpringForward - 5 * 3600 + 1800;  // 02:30 local, skipped
  EXPECT_EQ(TimeZone::LocalToUtc(key, local_0230), kNewYorkSpringForward + 1800);
  // 2024-11-03 01:30 local happens twice; the earlier instant is 05:30 UTC (EDT).
  int64_t fall_back_utc = 1730613600;  // 06:00 UTC = 02:00 EDT -> 01:00 EST
  int64_t local_0130 = fall_back_utc - 4 * 3600 - 1800;
  EXPECT_EQ(TimeZone::LocalToUtc(key, local_0130), fall_back_utc - 1800);
}

TEST(TimeZoneTest, UnknownAndHostileNamesAreRejected) {
  EXPECT_FALSE(TimeZone::Lookup("Mars/Olympus_Mons").has_value());
  EXPECT_FALSE(TimeZone::Lookup("../../etc/passwd").has_value());
  EXPECT_FALSE(TimeZone::Lookup("").has_value());
}

}  // namespace
}  // namespace switchboard
