// Date/time calendar math, parsing and formatting.
#include "types/datetime.h"

#include <cctype>

#include <fmt/format.h>

#include "common/time_zone.h"

namespace switchboard {

namespace {

// A cursor over text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  void SkipBlanks() {
    while (!AtEnd() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  // Reads 1..max_digits digits.
  bool Digits(int max_digits, int64_t& value, int* count = nullptr) {
    int n = 0;
    value = 0;
    while (n < max_digits && std::isdigit(static_cast<unsigned char>(Peek()))) {
      value = value * 10 + (text_[pos_++] - '0');
      ++n;
    }
    if (count) *count = n;
    return n > 0;
  }
  std::string_view Rest() const { return text_.substr(pos_); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

bool ScanDate(Scanner& s, int32_t& days) {
  int sign = 1;
  if (s.Consume('-')) sign = -1;
  else s.Consume('+');
  int64_t year, month, day;
  if (!s.Digits(6, year) || !s.Consume('-') || !s.Digits(2, month) || !s.Consume('-') ||
      !s.Digits(2, day)) {
    return false;
  }
  year *= sign;
  if (!Date::IsValid(year, static_cast<int>(month), static_cast<int>(day))) return false;
  days = Date::FromCivil(year, static_cast<int>(month), static_cast<int>(day));
  return true;
}

// HH:MM[:SS[.fraction]] into microseconds (fraction rounded to microseconds).
bool ScanTime(Scanner& s, int64_t& micros) {
  int64_t hour, minute, second = 0;
  if (!s.Digits(2, hour) || !s.Consume(':') || !s.Digits(2, minute)) return false;
  int64_t fraction_micros = 0;
  if (s.Consume(':')) {
    if (!s.Digits(2, second)) return false;
    if (s.Consume('.')) {
      int64_t digits;
      int count;
      if (!s.Digits(12, digits, &count)) return false;
      for (int i = count; i < 7; ++i) digits *= 10;
      for (int i = 7; i < count; ++i) digits /= 10;
      fraction_micros = (digits + 5) / 10;  // round at the seventh digit
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  micros = hour * kMicrosPerHour + minute * kMicrosPerMinute + second * kMicrosPerSecond +
           fraction_micros;
  return true;
}

void AppendFraction(std::string& out, int64_t micros_of_second, int precision) {
  if (precision <= 0) return;
  char digits[7];
  fmt::format_to_n(digits, 6, "{:06}", micros_of_second);
  out += '.';
  out.append(digits, static_cast<size_t>(precision));
}

std::string FormatYear(int64_t year) {
  if (year < 0) return fmt::format("-{:04}", -year);
  if (year > 9999) return fmt::format("+{}", year);
  return fmt::format("{:04}", year);
}

}  // namespace

bool Date::IsLeapYear(int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::DaysInMonth(int64_t year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
}

bool Date::IsValid(int64_t year, int month, int day) {
  return year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

int32_t Date::FromCivil(int64_t year, int month, int day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yoe = year - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int32_t>(era * 146097 + doe - 719468);
}

void Date::ToCivil(int32_t days, int64_t& year, int& month, int& day) {
  int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = yoe + era * 400 + (month <= 2);
}

int Date::DayOfWeek(int32_t days) {
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(FloorMod(static_cast<int64_t>(days) + 3, 7)) + 1;
}

std::optional<int32_t> Date::Parse(std::string_view text) {
  Scanner s(text);
  s.SkipBlanks();
  int32_t days;
  if (!ScanDate(s, days)) return std::nullopt;
  s.SkipBlanks();
  if (!s.AtEnd()) return std::nullopt;
  return days;
}

std::string Date::Format(int32_t days) {
  int64_t year;
  int month, day;
  ToCivil(days, year, month, day);
  return fmt::format("{}-{:02}-{:02}", FormatYear(year), month, day);
}

std::optional<int64_t> Time::Parse(std::string_view text) {
  Scanner s(text);
  s.SkipBlanks();
  int64_t micros;
  if (!ScanTime(s, micros)) return std::nullopt;
  s.SkipBlanks();
  if (!s.AtEnd()) return std::nullopt;
  return micros;
}

std::string Time::Format(int64_t micros, int precision) {
  int64_t seconds = micros / kMicrosPerSecond;
  std::string out = fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  AppendFraction(out, micros % kMicrosPerSecond, precision);
  return out;
}

std::optional<ParsedTimestamp> Timestamp::Parse(std::string_view text) {
  Scanner s(text);
  s.SkipBlanks();
  int32_t days;
  if (!ScanDate(s, days)) return std::nullopt;
  int64_t time_micros = 0;
  if (s.Peek() == 'T' || s.Peek() == ' ') {
    Scanner lookahead = s;
    lookahead.Consume(lookahead.Peek());
    lookahead.SkipBlanks();
    if (std::isdigit(static_cast<unsigned char>(lookahead.Peek()))) {
      s = lookahead;
      if (!ScanTime(s, time_micros)) return std::nullopt;
    }
  }
  ParsedTimestamp result{static_cast<int64_t>(days) * kMicrosPerDay + time_micros, std::nullopt};
  s.SkipBlanks();
  std::string_view zone = s.Rest();
  while (!zone.empty() && std::isspace(static_cast<unsigned char>(zone.back()))) {
    zone.remove_suffix(1);
  }
  if (!zone.empty()) {
    auto key = TimeZone::Lookup(zone);
    if (!key) return std::nullopt;
    result.zone = *key;
  }
  return result;
}

std::string Timestamp::Format(int64_t micros, int precision) {
  int64_t days = FloorDiv(micros, kMicrosPerDay);
  int64_t time = micros - days * kMicrosPerDay;
  std::string out = Date::Format(static_cast<int32_t>(days));
  int64_t seconds = time / kMicrosPerSecond;
  out += fmt::format(" {:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  AppendFraction(out, time % kMicrosPerSecond, precision);
  return out;
}

int64_t Timestamp::ToLocal(TimestampTz value) {
  int64_t seconds = FloorDiv(value.micros, kMicrosPerSecond);
  return value.micros + static_cast<int64_t>(TimeZone::OffsetAt(value.zone, seconds)) * kMicrosPerSecond;
}

TimestampTz Timestamp::FromLocal(int64_t local_micros, int16_t zone) {
  int64_t seconds = FloorDiv(local_micros, kMicrosPerSecond);
  int64_t sub = local_micros - seconds * kMicrosPerSecond;
  return TimestampTz{TimeZone::LocalToUtc(zone, seconds) * kMicrosPerSecond + sub, zone};
}

std::string Timestamp::FormatWithZone(TimestampTz value, int precision) {
  return Format(ToLocal(value), precision) + " " + TimeZone::Name(value.zone);
}

std::string Interval::FormatDayTime(int64_t micros) {
  bool negative = micros < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(micros) : static_cast<uint64_t>(micros);
  uint64_t days = magnitude / kMicrosPerDay;
  uint64_t rest = magnitude % kMicrosPerDay;
  uint64_t seconds = rest / kMicrosPerSecond;
  uint64_t fraction = rest % kMicrosPerSecond;
  std::string out = fmt::format("{}{} {:02}:{:02}:{:02}", negative ? "-" : "", days, seconds / 3600,
                                seconds / 60 % 60, seconds % 60);
  if (fraction % 1000 == 0) return out + fmt::format(".{:03}", fraction / 1000);
  return out + fmt::format(".{:06}", fraction);
}

std::string Interval::FormatYearMonth(int32_t months) {
  int64_t m = months;
  bool negative = m < 0;
  if (negative) m = -m;
  return fmt::format("{}{}-{}", negative ? "-" : "", m / 12, m % 12);
}

}  // namespace switchboard
