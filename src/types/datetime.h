// Calendar arithmetic, parsing and Trino-style formatting for DATE, TIME, TIMESTAMP,
// TIMESTAMP WITH TIME ZONE and the two INTERVAL types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "types/vector.h"

namespace switchboard {

constexpr int64_t kMicrosPerMilli = 1000;
constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

/// Floor division and modulo (results toward negative infinity).
inline int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
inline int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

/// DATE: days since 1970-01-01 (proleptic Gregorian calendar).
struct Date {
  static constexpr int64_t kMinYear = -292275;  // keeps microsecond timestamps in range
  static constexpr int64_t kMaxYear = 292278;

  static int32_t FromCivil(int64_t year, int month, int day);
  static void ToCivil(int32_t days, int64_t& year, int& month, int& day);
  static bool IsValid(int64_t year, int month, int day);
  static int DaysInMonth(int64_t year, int month);
  static bool IsLeapYear(int64_t year);
  /// ISO day of week: 1 = Monday .. 7 = Sunday.
  static int DayOfWeek(int32_t days);
  /// 'YYYY-MM-DD' (surrounding blanks allowed, 1-2 digit month/day, signed years).
  static std::optional<int32_t> Parse(std::string_view text);
  static std::string Format(int32_t days);
};

/// TIME: microseconds since midnight.
struct Time {
  /// 'HH:MM[:SS[.fffffffff]]'; digits beyond microseconds are rounded.
  static std::optional<int64_t> Parse(std::string_view text);
  /// 'HH:MM:SS' plus `precision` fractional digits.
  static std::string Format(int64_t micros, int precision);
};

/// A timestamp as written in text: local date-time and, when the text named one, a zone.
struct ParsedTimestamp {
  int64_t micros;                // local wall time as microseconds since the epoch
  std::optional<int16_t> zone;   // TimeZone key, when the text ends with a zone or offset
};

/// TIMESTAMP: microseconds since 1970-01-01 00:00:00 (no zone).
struct Timestamp {
  /// 'YYYY-MM-DD[( |T)HH:MM[:SS[.f...]]][ ][zone]' where zone is Z, UTC, +hh[:mm], or a zone name.
  /// An unknown zone name fails the parse.
  static std::optional<ParsedTimestamp> Parse(std::string_view text);
  /// 'YYYY-MM-DD HH:MM:SS' plus `precision` fractional digits.
  static std::string Format(int64_t micros, int precision);
  /// The wall time in the value's own zone, then a space and the zone name.
  static std::string FormatWithZone(TimestampTz value, int precision);
  static int32_t ToDate(int64_t micros) { return static_cast<int32_t>(FloorDiv(micros, kMicrosPerDay)); }
  /// Local wall time of an instant in its zone.
  static int64_t ToLocal(TimestampTz value);
  /// The instant a local wall time denotes in `zone`.
  static TimestampTz FromLocal(int64_t local_micros, int16_t zone);
};

/// INTERVAL DAY TO SECOND (microseconds) and INTERVAL YEAR TO MONTH (months).
struct Interval {
  /// Trino's rendering: '2 03:04:05.000'.
  static std::string FormatDayTime(int64_t micros);
  /// Trino's rendering: '1-2', '-0-3'.
  static std::string FormatYearMonth(int32_t months);
};

}  // namespace switchboard
