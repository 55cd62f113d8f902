// Calendar fields, ISO weeks, month arithmetic and zone lookup.
#include "function/calendar.h"

#include "common/error.h"
#include "common/time_zone.h"

namespace switchboard {

CivilTime CivilTime::FromDate(int32_t days) {
  CivilTime civil{};
  civil.days = days;
  Date::ToCivil(days, civil.year, civil.month, civil.day);
  return civil;
}

CivilTime CivilTime::FromLocal(int64_t local_micros) {
  int64_t days = FloorDiv(local_micros, kMicrosPerDay);
  int64_t time = local_micros - days * kMicrosPerDay;
  CivilTime civil = FromDate(static_cast<int32_t>(days));
  int64_t seconds = time / kMicrosPerSecond;
  civil.hour = static_cast<int>(seconds / 3600);
  civil.minute = static_cast<int>(seconds / 60 % 60);
  civil.second = static_cast<int>(seconds % 60);
  civil.micros_of_second = time % kMicrosPerSecond;
  return civil;
}

int DayOfYear(int32_t days) {
  int64_t year;
  int month, day;
  Date::ToCivil(days, year, month, day);
  return days - Date::FromCivil(year, 1, 1) + 1;
}

void IsoWeek(int32_t days, int64_t& week_year, int& week) {
  // The week belongs to the year of its Thursday.
  int32_t thursday = days - Date::DayOfWeek(days) + 4;
  int64_t year;
  int month, day;
  Date::ToCivil(thursday, year, month, day);
  week_year = year;
  week = (thursday - Date::FromCivil(year, 1, 1)) / 7 + 1;
}

int32_t AddMonthsToDate(int32_t days, int64_t months) {
  int64_t year;
  int month, day;
  Date::ToCivil(days, year, month, day);
  int64_t total;
  if (__builtin_add_overflow(year * 12 + (month - 1), months, &total)) {
    SB_THROW(kNumericOverflow, "Date out of range after adding {} months", months);
  }
  int64_t new_year = FloorDiv(total, 12);
  int new_month = static_cast<int>(total - new_year * 12) + 1;
  if (new_year < Date::kMinYear || new_year > Date::kMaxYear) {
    SB_THROW(kNumericOverflow, "Date out of range after adding {} months", months);
  }
  int new_day = std::min(day, Date::DaysInMonth(new_year, new_month));
  return Date::FromCivil(new_year, new_month, new_day);
}

int64_t AddMonthsToTimestamp(int64_t local_micros, int64_t months) {
  int64_t days = FloorDiv(local_micros, kMicrosPerDay);
  int64_t time = local_micros - days * kMicrosPerDay;
  return static_cast<int64_t>(AddMonthsToDate(static_cast<int32_t>(days), months)) * kMicrosPerDay +
         time;
}

int64_t MonthsBetween(int64_t a, int64_t b) {
  CivilTime x = CivilTime::FromLocal(a), y = CivilTime::FromLocal(b);
  int64_t months = (y.year * 12 + y.month) - (x.year * 12 + x.month);
  int64_t candidate = AddMonthsToTimestamp(a, months);
  if (b >= a) {
    if (candidate > b) --months;
  } else if (candidate < b) {
    ++months;
  }
  return months;
}

int16_t LookupTimeZone(std::string_view name) {
  auto key = TimeZone::Lookup(name);
  if (!key) SB_THROW(kInvalidParameter, "Time zone not supported: {}", name);
  return *key;
}

int32_t ZoneOffsetSeconds(TimestampTz value) {
  return TimeZone::OffsetAt(value.zone, FloorDiv(value.micros, kMicrosPerSecond));
}

}  // namespace switchboard
