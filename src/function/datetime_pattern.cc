// Compilation of MySQL and Joda-Time date/time patterns, and formatting and parsing with them.
#include "function/datetime_pattern.h"

#include <cctype>
#include <cstdio>

#include "common/error.h"
#include "common/string_util.h"
#include "common/time_zone.h"
#include "function/calendar.h"

namespace switchboard {

namespace {

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
const char* const kWeekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

void AppendNumber(std::string& out, int64_t value, int width) {
  char buffer[32];
  int n =
      value < 0
          ? std::snprintf(buffer, sizeof(buffer), "-%0*lld", width, static_cast<long long>(-value))
          : std::snprintf(buffer, sizeof(buffer), "%0*lld", width, static_cast<long long>(value));
  out.append(buffer, static_cast<size_t>(n));
}

void AppendOffset(std::string& out, int32_t offset_seconds, bool colon) {
  out.push_back(offset_seconds < 0 ? '-' : '+');
  int32_t magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  AppendNumber(out, magnitude / 3600, 2);
  if (colon) out.push_back(':');
  AppendNumber(out, magnitude / 60 % 60, 2);
}

}  // namespace

bool DateTimePattern::IsNumeric(Kind kind) {
  switch (kind) {
    case Kind::kYear:
    case Kind::kTwoDigitYear:
    case Kind::kWeekYear:
    case Kind::kWeekOfWeekYear:
    case Kind::kMonth:
    case Kind::kDay:
    case Kind::kDayOfYear:
    case Kind::kWeekdayNumber:
    case Kind::kHour:
    case Kind::kClockHour:
    case Kind::kHalfdayHour:
    case Kind::kClockHalfdayHour:
    case Kind::kMinute:
    case Kind::kSecond:
    case Kind::kFraction:
      return true;
    default:
      return false;
  }
}

void DateTimePattern::AddLiteral(std::string_view text) {
  if (tokens_.empty() || tokens_.back().kind != Kind::kLiteral)
    tokens_.push_back(Token{Kind::kLiteral, 0, {}});
  tokens_.back().literal.append(text);
}

DateTimePattern DateTimePattern::Compile(std::string_view pattern, Syntax syntax) {
  DateTimePattern p;
  p.pattern_ = std::string(pattern);
  if (syntax == Syntax::kMySql) {
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '%' || i + 1 == pattern.size()) {
        p.AddLiteral(pattern.substr(i, 1));
        continue;
      }
      char c = pattern[++i];
      switch (c) {
        case 'a':
          p.Add(Kind::kWeekdayShortName, 0);
          break;
        case 'b':
          p.Add(Kind::kMonthShortName, 0);
          break;
        case 'c':
          p.Add(Kind::kMonth, 1);
          break;
        case 'd':
          p.Add(Kind::kDay, 2);
          break;
        case 'e':
          p.Add(Kind::kDay, 1);
          break;
        case 'f':
          p.Add(Kind::kFraction, 6);
          break;
        case 'H':
          p.Add(Kind::kHour, 2);
          break;
        case 'h':
        case 'I':
          p.Add(Kind::kClockHalfdayHour, 2);
          break;
        case 'i':
          p.Add(Kind::kMinute, 2);
          break;
        case 'j':
          p.Add(Kind::kDayOfYear, 3);
          break;
        case 'k':
          p.Add(Kind::kHour, 1);
          break;
        case 'l':
          p.Add(Kind::kClockHalfdayHour, 1);
          break;
        case 'M':
          p.Add(Kind::kMonthName, 0);
          break;
        case 'm':
          p.Add(Kind::kMonth, 2);
          break;
        case 'p':
          p.Add(Kind::kHalfday, 0);
          break;
        case 'r':
          p.Add(Kind::kClockHalfdayHour, 2);
          p.AddLiteral(":");
          p.Add(Kind::kMinute, 2);
          p.AddLiteral(":");
          p.Add(Kind::kSecond, 2);
          p.AddLiteral(" ");
          p.Add(Kind::kHalfday, 0);
          break;
        case 'S':
        case 's':
          p.Add(Kind::kSecond, 2);
          break;
        case 'T':
          p.Add(Kind::kHour, 2);
          p.AddLiteral(":");
          p.Add(Kind::kMinute, 2);
          p.AddLiteral(":");
          p.Add(Kind::kSecond, 2);
          break;
        case 'v':
          p.Add(Kind::kWeekOfWeekYear, 2);
          break;
        case 'W':
          p.Add(Kind::kWeekdayName, 0);
          break;
        case 'x':
          p.Add(Kind::kWeekYear, 4);
          break;
        case 'Y':
          p.Add(Kind::kYear, 4);
          break;
        case 'y':
          p.Add(Kind::kTwoDigitYear, 2);
          break;
        case 'D':
        case 'U':
        case 'u':
        case 'V':
        case 'w':
        case 'X':
          SB_THROW(kInvalidParameter, "%{} not supported in date format string", c);
        default:
          p.AddLiteral(pattern.substr(i, 1));
          break;
      }
    }
    return p;
  }
  for (size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\'') {
      size_t close = pattern.find('\'', i + 1);
      if (close == i + 1) {  // '' is a literal quote
        p.AddLiteral("'");
        i += 2;
        continue;
      }
      SB_USER_CHECK(close != std::string_view::npos, kInvalidParameter,
                    "Invalid format: unterminated quote in '{}'", pattern);
      std::string_view quoted = pattern.substr(i + 1, close - i - 1);
      // Inside quotes, '' stands for one quote.
      size_t end = close;
      while (end + 1 < pattern.size() && pattern[end + 1] == '\'') {
        size_t next = pattern.find('\'', end + 2);
        SB_USER_CHECK(next != std::string_view::npos, kInvalidParameter,
                      "Invalid format: unterminated quote in '{}'", pattern);
        p.AddLiteral(quoted);
        p.AddLiteral("'");
        quoted = pattern.substr(end + 2, next - end - 2);
        end = next;
      }
      p.AddLiteral(quoted);
      i = end + 1;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(c))) {
      p.AddLiteral(pattern.substr(i, 1));
      ++i;
      continue;
    }
    int count = 0;
    while (i < pattern.size() && pattern[i] == c) {
      ++i;
      ++count;
    }
    switch (c) {
      case 'G':
        p.Add(Kind::kEra, 0);
        break;
      case 'y':
      case 'Y':
        p.Add(count == 2 ? Kind::kTwoDigitYear : Kind::kYear, count);
        break;
      case 'x':
        p.Add(count == 2 ? Kind::kTwoDigitYear : Kind::kWeekYear, count);
        break;
      case 'w':
        p.Add(Kind::kWeekOfWeekYear, count);
        break;
      case 'e':
        p.Add(Kind::kWeekdayNumber, count);
        break;
      case 'E':
        p.Add(count >= 4 ? Kind::kWeekdayName : Kind::kWeekdayShortName, 0);
        break;
      case 'M':
        p.Add(count >= 4   ? Kind::kMonthName
              : count == 3 ? Kind::kMonthShortName
                           : Kind::kMonth,
              count);
        break;
      case 'd':
        p.Add(Kind::kDay, count);
        break;
      case 'D':
        p.Add(Kind::kDayOfYear, count);
        break;
      case 'a':
        p.Add(Kind::kHalfday, 0);
        break;
      case 'H':
        p.Add(Kind::kHour, count);
        break;
      case 'k':
        p.Add(Kind::kClockHour, count);
        break;
      case 'K':
        p.Add(Kind::kHalfdayHour, count);
        break;
      case 'h':
        p.Add(Kind::kClockHalfdayHour, count);
        break;
      case 'm':
        p.Add(Kind::kMinute, count);
        break;
      case 's':
        p.Add(Kind::kSecond, count);
        break;
      case 'S':
        p.Add(Kind::kFraction, count);
        break;
      case 'Z':
        p.Add(count == 1   ? Kind::kZoneOffset
              : count == 2 ? Kind::kZoneOffsetColon
                           : Kind::kZoneId,
              0);
        break;
      case 'z':
        p.Add(Kind::kZoneId, 0);
        break;
      default:
        SB_THROW(kInvalidParameter, "Illegal pattern component: {}",
                 std::string(static_cast<size_t>(count), c));
    }
  }
  return p;
}

void DateTimePattern::Format(std::string& out, int64_t local_micros, int16_t zone,
                             int32_t offset_seconds) const {
  CivilTime t = CivilTime::FromLocal(local_micros);
  for (const Token& token : tokens_) {
    switch (token.kind) {
      case Kind::kLiteral:
        out.append(token.literal);
        break;
      case Kind::kEra:
        out.append(t.year > 0 ? "AD" : "BC");
        break;
      case Kind::kYear:
        AppendNumber(out, t.year, token.width);
        break;
      case Kind::kTwoDigitYear:
        AppendNumber(out, ((t.year % 100) + 100) % 100, 2);
        break;
      case Kind::kWeekYear:
      case Kind::kWeekOfWeekYear: {
        int64_t week_year;
        int week;
        IsoWeek(t.days, week_year, week);
        AppendNumber(out, token.kind == Kind::kWeekYear ? week_year : week, token.width);
        break;
      }
      case Kind::kMonth:
        AppendNumber(out, t.month, token.width);
        break;
      case Kind::kMonthShortName:
        out.append(kMonthNames[t.month - 1], 3);
        break;
      case Kind::kMonthName:
        out.append(kMonthNames[t.month - 1]);
        break;
      case Kind::kDay:
        AppendNumber(out, t.day, token.width);
        break;
      case Kind::kDayOfYear:
        AppendNumber(out, DayOfYear(t.days), token.width);
        break;
      case Kind::kWeekdayNumber:
        AppendNumber(out, Date::DayOfWeek(t.days), token.width);
        break;
      case Kind::kWeekdayShortName:
        out.append(kWeekdayNames[Date::DayOfWeek(t.days) - 1], 3);
        break;
      case Kind::kWeekdayName:
        out.append(kWeekdayNames[Date::DayOfWeek(t.days) - 1]);
        break;
      case Kind::kHalfday:
        out.append(t.hour < 12 ? "AM" : "PM");
        break;
      case Kind::kHour:
        AppendNumber(out, t.hour, token.width);
        break;
      case Kind::kClockHour:
        AppendNumber(out, t.hour == 0 ? 24 : t.hour, token.width);
        break;
      case Kind::kHalfdayHour:
        AppendNumber(out, t.hour % 12, token.width);
        break;
      case Kind::kClockHalfdayHour:
        AppendNumber(out, t.hour % 12 == 0 ? 12 : t.hour % 12, token.width);
        break;
      case Kind::kMinute:
        AppendNumber(out, t.minute, token.width);
        break;
      case Kind::kSecond:
        AppendNumber(out, t.second, token.width);
        break;
      case Kind::kFraction: {
        char digits[8];
        std::snprintf(digits, sizeof(digits), "%06lld", static_cast<long long>(t.micros_of_second));
        for (int i = 0; i < token.width; ++i) out.push_back(i < 6 ? digits[i] : '0');
        break;
      }
      case Kind::kZoneOffset:
        AppendOffset(out, offset_seconds, false);
        break;
      case Kind::kZoneOffsetColon:
        AppendOffset(out, offset_seconds, true);
        break;
      case Kind::kZoneId:
        out.append(TimeZone::Name(zone));
        break;
    }
  }
}

ParsedTimestamp DateTimePattern::Parse(std::string_view text) const {
  size_t pos = 0;
  auto fail = [&]() -> void {
    if (pos >= text.size()) SB_THROW(kInvalidDatetime, "Invalid format: \"{}\" is too short", text);
    SB_THROW(kInvalidDatetime, "Invalid format: \"{}\" is malformed at \"{}\"", text,
             text.substr(pos));
  };
  int64_t year = 1970, week_year = 0;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0, day_of_year = 0, week = 0, weekday = 0;
  int64_t micros = 0;
  bool pm = false, has_halfday = false, has_week = false;
  std::optional<int16_t> zone;
  auto read_number = [&](int max_digits, bool allow_sign) -> int64_t {
    bool negative = false;
    if (allow_sign && pos < text.size() && (text[pos] == '-' || text[pos] == '+'))
      negative = text[pos++] == '-';
    int64_t value = 0;
    int digits = 0;
    while (pos < text.size() && digits < max_digits &&
           std::isdigit(static_cast<unsigned char>(text[pos]))) {
      value = value * 10 + (text[pos++] - '0');
      ++digits;
    }
    if (digits == 0) fail();
    return negative ? -value : value;
  };
  auto read_name = [&](const char* const* names, int n, bool allow_short) -> int {
    for (int i = 0; i < n; ++i) {
      std::string_view full = names[i];
      if (EqualsIgnoreCase(text.substr(pos, full.size()), full)) {
        pos += full.size();
        return i;
      }
    }
    if (allow_short) {
      for (int i = 0; i < n; ++i) {
        if (EqualsIgnoreCase(text.substr(pos, 3), std::string_view(names[i], 3))) {
          pos += 3;
          return i;
        }
      }
    }
    fail();
    return 0;
  };
  for (size_t k = 0; k < tokens_.size(); ++k) {
    const Token& token = tokens_[k];
    bool adjacent = k + 1 < tokens_.size() && IsNumeric(tokens_[k + 1].kind);
    auto width = [&](int natural) { return adjacent ? std::max(token.width, 1) : natural; };
    switch (token.kind) {
      case Kind::kLiteral:
        if (text.substr(pos, token.literal.size()) != token.literal) fail();
        pos += token.literal.size();
        break;
      case Kind::kEra:
        if (EqualsIgnoreCase(text.substr(pos, 2), "AD"))
          pos += 2;
        else
          fail();
        break;
      case Kind::kYear:
        year = read_number(width(9), true);
        break;
      case Kind::kTwoDigitYear: {
        int64_t two = read_number(2, false);
        year = two < 70 ? 2000 + two : 1900 + two;  // 1970 .. 2069
        break;
      }
      case Kind::kWeekYear:
        week_year = read_number(width(9), true);
        has_week = true;
        break;
      case Kind::kWeekOfWeekYear:
        week = static_cast<int>(read_number(width(2), false));
        has_week = true;
        break;
      case Kind::kMonth:
        month = static_cast<int>(read_number(width(2), false));
        break;
      case Kind::kMonthShortName:
      case Kind::kMonthName:
        month = read_name(kMonthNames, 12, true) + 1;
        break;
      case Kind::kDay:
        day = static_cast<int>(read_number(width(2), false));
        break;
      case Kind::kDayOfYear:
        day_of_year = static_cast<int>(read_number(width(3), false));
        break;
      case Kind::kWeekdayNumber:
        weekday = static_cast<int>(read_number(1, false));
        break;
      case Kind::kWeekdayShortName:
      case Kind::kWeekdayName:
        weekday = read_name(kWeekdayNames, 7, true) + 1;
        break;
      case Kind::kHalfday:
        if (EqualsIgnoreCase(text.substr(pos, 2), "AM"))
          pm = false;
        else if (EqualsIgnoreCase(text.substr(pos, 2), "PM"))
          pm = true;
        else
          fail();
        pos += 2;
        has_halfday = true;
        break;
      case Kind::kHour:
      case Kind::kClockHour:
      case Kind::kHalfdayHour:
      case Kind::kClockHalfdayHour: {
        hour = static_cast<int>(read_number(width(2), false));
        if (token.kind == Kind::kClockHour && hour == 24) hour = 0;
        if (token.kind == Kind::kHalfdayHour || token.kind == Kind::kClockHalfdayHour) {
          if (hour > 12 || (token.kind == Kind::kClockHalfdayHour && hour == 0)) fail();
          has_halfday = true;
          hour %= 12;
        }
        break;
      }
      case Kind::kMinute:
        minute = static_cast<int>(read_number(width(2), false));
        break;
      case Kind::kSecond:
        second = static_cast<int>(read_number(width(2), false));
        break;
      case Kind::kFraction: {
        size_t start = pos;
        int64_t value = read_number(adjacent ? token.width : 9, false);
        int digits = static_cast<int>(pos - start);
        for (int i = digits; i < 6; ++i) value *= 10;
        for (int i = 6; i < digits; ++i) value /= 10;
        micros = value;
        break;
      }
      case Kind::kZoneOffset:
      case Kind::kZoneOffsetColon:
      case Kind::kZoneId: {
        size_t start = pos;
        if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z') &&
            (pos + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[pos + 1])))) {
          ++pos;
          zone = TimeZone::kUtc;
          break;
        }
        while (pos < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[pos])) || text[pos] == '/' ||
                text[pos] == '_' || text[pos] == '+' || text[pos] == '-' || text[pos] == ':')) {
          ++pos;
        }
        auto key = TimeZone::Lookup(text.substr(start, pos - start));
        if (!key) {
          pos = start;
          fail();
        }
        zone = *key;
        break;
      }
    }
  }
  if (pos != text.size()) fail();
  if (has_halfday) hour = hour % 12 + (pm ? 12 : 0);
  auto check = [&](int64_t value, int64_t low, int64_t high, const char* field) {
    if (value < low || value > high) {
      SB_THROW(kInvalidDatetime,
               "Cannot parse \"{}\": Value {} for {} must be in the range [{},{}]", text, value,
               field, low, high);
    }
  };
  check(year, Date::kMinYear, Date::kMaxYear, "year");
  int32_t days;
  if (has_week) {
    check(week, 1, 53, "weekOfWeekyear");
    int32_t jan4 = Date::FromCivil(week_year, 1, 4);
    int32_t week1_monday = jan4 - (Date::DayOfWeek(jan4) - 1);
    days = week1_monday + (week - 1) * 7 + (weekday == 0 ? 0 : weekday - 1);
  } else if (day_of_year > 0) {
    check(day_of_year, 1, Date::IsLeapYear(year) ? 366 : 365, "dayOfYear");
    days = Date::FromCivil(year, 1, 1) + day_of_year - 1;
  } else {
    check(month, 1, 12, "monthOfYear");
    check(day, 1, Date::DaysInMonth(year, month), "dayOfMonth");
    days = Date::FromCivil(year, month, day);
  }
  check(hour, 0, 23, "hourOfDay");
  check(minute, 0, 59, "minuteOfHour");
  check(second, 0, 59, "secondOfMinute");
  int64_t local = static_cast<int64_t>(days) * kMicrosPerDay + hour * kMicrosPerHour +
                  minute * kMicrosPerMinute + second * kMicrosPerSecond + micros;
  return ParsedTimestamp{local, zone};
}

}  // namespace switchboard
