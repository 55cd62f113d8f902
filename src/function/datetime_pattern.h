// DateTimePattern: compiled date/time format patterns in MySQL syntax (date_format, date_parse)
// and Joda-Time syntax (format_datetime, parse_datetime), for formatting and parsing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/datetime.h"

namespace switchboard {

/// An immutable compiled pattern, shared by threads.
class DateTimePattern {
 public:
  enum class Syntax : uint8_t {
    kMySql,  // %Y-%m-%d %H:%i:%s
    kJoda,   // yyyy-MM-dd HH:mm:ss
  };

  /// Compiles `pattern`; throws kInvalidParameter for unsupported or malformed specifiers.
  static DateTimePattern Compile(std::string_view pattern, Syntax syntax);

  /// Appends the local time `local_micros` (in `zone`, whose offset then is `offset_seconds`).
  void Format(std::string& out, int64_t local_micros, int16_t zone, int32_t offset_seconds) const;

  /// Parses `text` as a whole. Fields the pattern lacks default to 1970-01-01 00:00:00; the zone
  /// is set when the pattern has a zone field. Throws kInvalidDatetime.
  ParsedTimestamp Parse(std::string_view text) const;

 private:
  enum class Kind : uint8_t {
    kLiteral,
    kEra,
    kYear,
    kTwoDigitYear,
    kWeekYear,
    kWeekOfWeekYear,
    kMonth,
    kMonthShortName,
    kMonthName,
    kDay,
    kDayOfYear,
    kWeekdayNumber,
    kWeekdayShortName,
    kWeekdayName,
    kHalfday,
    kHour,
    kClockHour,
    kHalfdayHour,
    kClockHalfdayHour,
    kMinute,
    kSecond,
    kFraction,
    kZoneOffset,
    kZoneOffsetColon,
    kZoneId,
  };
  struct Token {
    Kind kind;
    int width;  // minimum digits when formatting; digits for fractions
    std::string literal;
  };

  void Add(Kind kind, int width) { tokens_.push_back(Token{kind, width, {}}); }
  void AddLiteral(std::string_view text);
  static bool IsNumeric(Kind kind);

  std::string pattern_;
  std::vector<Token> tokens_;
};

}  // namespace switchboard
