// Calendar arithmetic shared by the datetime functions, their formatting and parsing, interval
// arithmetic and date sequences: civil fields of local times, ISO weeks, month arithmetic with
// end-of-month clamping, and time zone lookup with Trino's error.
#pragma once

#include <cstdint>
#include <string_view>

#include "types/datetime.h"

namespace switchboard {

/// The calendar fields of a local date-time (microseconds since 1970-01-01 00:00, no zone).
struct CivilTime {
  int32_t days;  // since the epoch
  int64_t year;
  int month;   // 1..12
  int day;     // 1..31
  int hour;    // 0..23
  int minute;  // 0..59
  int second;  // 0..59
  int64_t micros_of_second;

  static CivilTime FromLocal(int64_t local_micros);
  static CivilTime FromDate(int32_t days);
};

/// Day of the year, 1..366.
int DayOfYear(int32_t days);

/// ISO 8601 week (1..53) and the year it belongs to (which may differ from the calendar year
/// near January 1).
void IsoWeek(int32_t days, int64_t& week_year, int& week);

/// `days` plus `months`, the day clamped to the end of the resulting month (Jan 31 + 1 month is
/// Feb 28/29). Throws kNumericOverflow outside the supported years.
int32_t AddMonthsToDate(int32_t days, int64_t months);
/// The same for a local timestamp, keeping its time of day.
int64_t AddMonthsToTimestamp(int64_t local_micros, int64_t months);

/// The number of whole months from local time `a` to local time `b` (negative when b < a):
/// the largest n with a + n months <= b (for b >= a), as Joda's monthsBetween.
int64_t MonthsBetween(int64_t a_local_micros, int64_t b_local_micros);

/// The zone key for a zone name or offset; throws kInvalidParameter "Time zone not supported".
int16_t LookupTimeZone(std::string_view name);

/// Offset of an instant's zone at that instant, in seconds.
int32_t ZoneOffsetSeconds(TimestampTz value);

}  // namespace switchboard
