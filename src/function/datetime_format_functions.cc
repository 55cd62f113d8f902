// Date and time formatting and parsing: date_format/date_parse (MySQL patterns),
// format_datetime/parse_datetime (Joda-Time patterns) and the ISO 8601 conversions.
#include <cctype>

#include "common/error.h"
#include "common/time_zone.h"
#include "function/bind_util.h"
#include "function/calendar.h"
#include "function/datetime_pattern.h"
#include "function/function_registry.h"
#include "function/query_context.h"
#include "function/scalar_executor.h"

namespace switchboard {

namespace {

using Syntax = DateTimePattern::Syntax;

/// A pattern known at bind time.
struct PatternData : FunctionData {
  explicit PatternData(DateTimePattern compiled) : pattern(std::move(compiled)) {}
  DateTimePattern pattern;
};

template <Syntax kSyntax>
std::unique_ptr<FunctionData> BindPattern(ScalarFunction&, const std::vector<LogicalType>&,
                                          const std::vector<std::optional<Value>>& constants) {
  auto text = ConstantString(constants, 1);
  if (!text) return nullptr;
  return std::make_unique<PatternData>(DateTimePattern::Compile(*text, kSyntax));
}

/// The pattern of each row: the bound one, or the last one compiled while rows repeat it.
template <Syntax kSyntax>
class PatternSource {
 public:
  explicit PatternSource(const FunctionData* bind_data)
      : bound_(bind_data ? &static_cast<const PatternData*>(bind_data)->pattern : nullptr) {}
  const DateTimePattern& Get(const StringView& text) {
    if (bound_) return *bound_;
    if (!last_ || text.view() != last_text_) {
      last_ = DateTimePattern::Compile(text.view(), kSyntax);
      last_text_.assign(text.view());
    }
    return *last_;
  }

 private:
  const DateTimePattern* bound_;
  std::optional<DateTimePattern> last_;
  std::string last_text_;
};

// Formatting: timestamps format in UTC terms for zone fields, zoned ones in their zone.
template <Syntax kSyntax>
void FormatTimestampKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  PatternSource<kSyntax> patterns(context.bind_data);
  std::string buffer;
  ExecuteBinary<int64_t, StringView, StringView>(
      args.column(0), args.column(1), result, args.size(), [&](int64_t local, StringView pattern) {
        buffer.clear();
        patterns.Get(pattern).Format(buffer, local, TimeZone::kUtc, 0);
        return result.AddString(buffer);
      });
}

template <Syntax kSyntax>
void FormatTimestampTzKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  PatternSource<kSyntax> patterns(context.bind_data);
  std::string buffer;
  ExecuteBinary<TimestampTz, StringView, StringView>(
      args.column(0), args.column(1), result, args.size(),
      [&](TimestampTz value, StringView pattern) {
        buffer.clear();
        patterns.Get(pattern).Format(buffer, Timestamp::ToLocal(value), value.zone,
                                     ZoneOffsetSeconds(value));
        return result.AddString(buffer);
      });
}

// date_parse: a timestamp(3), the parsed time truncated to milliseconds.
void DateParseKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  PatternSource<Syntax::kMySql> patterns(context.bind_data);
  ExecuteBinary<StringView, StringView, int64_t>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView text, StringView pattern) {
        int64_t local = patterns.Get(pattern).Parse(text.view()).micros;
        return FloorDiv(local, kMicrosPerMilli) * kMicrosPerMilli;
      });
}

// parse_datetime: the zone the text names, or the session's.
void ParseDatetimeKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  PatternSource<Syntax::kJoda> patterns(context.bind_data);
  int16_t session_zone = context.query ? context.query->time_zone : TimeZone::kUtc;
  ExecuteBinary<StringView, StringView, TimestampTz>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView text, StringView pattern) {
        ParsedTimestamp parsed = patterns.Get(pattern).Parse(text.view());
        int64_t local = FloorDiv(parsed.micros, kMicrosPerMilli) * kMicrosPerMilli;
        return Timestamp::FromLocal(local, parsed.zone.value_or(session_zone));
      });
}

// ----- ISO 8601 --------------------------------------------------------------------------------

/// Parses an ISO 8601 date (calendar, week or ordinal form), optionally followed by `T` and a
/// time and zone; nullopt when the text is not one.
std::optional<ParsedTimestamp> ParseIso8601(std::string_view text, bool allow_time) {
  size_t pos = 0;
  auto digits = [&](int n, int64_t& value) {
    value = 0;
    for (int i = 0; i < n; ++i) {
      if (pos >= text.size() || !std::isdigit(static_cast<unsigned char>(text[pos]))) return false;
      value = value * 10 + (text[pos++] - '0');
    }
    return true;
  };
  auto consume = [&](char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  };
  bool negative = consume('-');
  if (!negative) consume('+');
  int64_t year, month = 1, day = 1;
  if (!digits(4, year)) return std::nullopt;
  if (negative) year = -year;
  int32_t days;
  if (consume('-')) {
    if (consume('W')) {
      int64_t week, weekday = 1;
      if (!digits(2, week) || week < 1 || week > 53) return std::nullopt;
      if (consume('-') && (!digits(1, weekday) || weekday < 1 || weekday > 7)) return std::nullopt;
      int32_t jan4 = Date::FromCivil(year, 1, 4);
      days =
          static_cast<int32_t>(jan4 - (Date::DayOfWeek(jan4) - 1) + (week - 1) * 7 + weekday - 1);
    } else {
      size_t start = pos;
      int64_t first;
      if (!digits(2, first)) return std::nullopt;
      int64_t third;
      if (digits(1, third)) {  // YYYY-DDD
        int64_t day_of_year = first * 10 + third;
        if (pos - start != 3 || day_of_year < 1 ||
            day_of_year > (Date::IsLeapYear(year) ? 366 : 365))
          return std::nullopt;
        days = Date::FromCivil(year, 1, 1) + static_cast<int32_t>(day_of_year) - 1;
      } else {
        month = first;
        if (consume('-') && !digits(2, day)) return std::nullopt;
        if (!Date::IsValid(year, static_cast<int>(month), static_cast<int>(day)))
          return std::nullopt;
        days = Date::FromCivil(year, static_cast<int>(month), static_cast<int>(day));
      }
    }
  } else {
    if (!Date::IsValid(year, 1, 1)) return std::nullopt;
    days = Date::FromCivil(year, 1, 1);
  }
  ParsedTimestamp parsed{static_cast<int64_t>(days) * kMicrosPerDay, std::nullopt};
  if (pos == text.size()) return parsed;
  if (!allow_time || !consume('T')) return std::nullopt;
  int64_t hour, minute = 0, second = 0, fraction = 0;
  if (!digits(2, hour) || hour > 23) return std::nullopt;
  if (consume(':')) {
    if (!digits(2, minute) || minute > 59) return std::nullopt;
    if (consume(':')) {
      if (!digits(2, second) || second > 59) return std::nullopt;
      if (consume('.') || consume(',')) {
        int count = 0;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
          if (count < 6) fraction = fraction * 10 + (text[pos] - '0');
          ++count;
          ++pos;
        }
        if (count == 0) return std::nullopt;
        for (int i = count; i < 6; ++i) fraction *= 10;
      }
    }
  }
  parsed.micros +=
      hour * kMicrosPerHour + minute * kMicrosPerMinute + second * kMicrosPerSecond + fraction;
  if (pos == text.size()) return parsed;
  if (consume('Z')) {
    parsed.zone = TimeZone::kUtc;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int sign = text[pos++] == '-' ? -1 : 1;
    int64_t offset_hours, offset_minutes = 0;
    if (!digits(2, offset_hours)) return std::nullopt;
    if (consume(':')) {
      if (!digits(2, offset_minutes)) return std::nullopt;
    } else if (pos < text.size() && !digits(2, offset_minutes)) {
      return std::nullopt;
    }
    if (offset_hours > 14 || offset_minutes > 59) return std::nullopt;
    parsed.zone =
        TimeZone::FixedOffset(static_cast<int>(sign * (offset_hours * 60 + offset_minutes)));
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return parsed;
}

template <int kPrecision>
void FromIso8601TimestampKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  int16_t session_zone = context.query ? context.query->time_zone : TimeZone::kUtc;
  int64_t unit = kPrecision == 3 ? kMicrosPerMilli : 1;
  ExecuteUnary<StringView, TimestampTz>(args.column(0), result, args.size(), [&](StringView text) {
    auto parsed = ParseIso8601(text.view(), true);
    if (!parsed) SB_THROW(kInvalidDatetime, "Invalid format: \"{}\"", text.view());
    return Timestamp::FromLocal(FloorDiv(parsed->micros, unit) * unit,
                                parsed->zone.value_or(session_zone));
  });
}

void FromIso8601DateKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, int32_t>(args.column(0), result, args.size(), [](StringView text) {
    auto parsed = ParseIso8601(text.view(), false);
    if (!parsed) SB_THROW(kInvalidDatetime, "Invalid format: \"{}\"", text.view());
    return Timestamp::ToDate(parsed->micros);
  });
}

void ToIso8601DateKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<int32_t, StringView>(args.column(0), result, args.size(), [&](int32_t days) {
    return result.AddString(Date::Format(days));
  });
}

// 'YYYY-MM-DD HH:MM:SS.fff' with the T separator.
std::string IsoDateTime(int64_t local, int precision) {
  std::string text = Timestamp::Format(local, precision);
  text[text.find(' ')] = 'T';
  return text;
}

void ToIso8601TimestampKernel(DataChunk& args, FunctionContext&, Vector& result) {
  int precision = args.column(0).type().precision();
  ExecuteUnary<int64_t, StringView>(args.column(0), result, args.size(), [&](int64_t local) {
    return result.AddString(IsoDateTime(local, precision));
  });
}

void ToIso8601TimestampTzKernel(DataChunk& args, FunctionContext&, Vector& result) {
  int precision = args.column(0).type().precision();
  ExecuteUnary<TimestampTz, StringView>(
      args.column(0), result, args.size(), [&](TimestampTz value) {
        std::string text = IsoDateTime(Timestamp::ToLocal(value), precision);
        if (value.zone == TimeZone::kUtc) {
          text += 'Z';
        } else {
          int32_t offset = ZoneOffsetSeconds(value);
          int32_t magnitude = offset < 0 ? -offset : offset;
          text += fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', magnitude / 3600,
                              magnitude / 60 % 60);
        }
        return result.AddString(text);
      });
}

}  // namespace

void RegisterDatetimeFormatFunctions(FunctionRegistry& registry) {
  const LogicalType v = LogicalType::Varchar();
  LogicalType ts(TypeId::kTimestamp), tstz(TypeId::kTimestampTz);
  registry.AddScalar(ScalarFunction{
      .name = "date_format",
      .arguments = {ts, v},
      .return_type = v,
      .kernel = FormatTimestampKernel<Syntax::kMySql>,
      .bind = BindPattern<Syntax::kMySql>,
      .signature = "date_format(timestamp, format) -> varchar",
      .description = "Formats a timestamp with MySQL specifiers: %Y %y %m %c %d %e %H %k %h %I %l "
                     "%i %s %S %f %p %r %T "
                     "%j %a %W %b %M %v %x %%.",
      .example = "date_format(TIMESTAMP '2022-10-20 05:10:00', '%m-%d-%Y %H') -> '10-20-2022 05'"});
  registry.AddScalar(
      ScalarFunction{.name = "date_format",
                     .arguments = {tstz, v},
                     .return_type = v,
                     .kernel = FormatTimestampTzKernel<Syntax::kMySql>,
                     .bind = BindPattern<Syntax::kMySql>,
                     .signature = "date_format(timestamp with time zone, format) -> varchar"});
  registry.AddScalar(ScalarFunction{
      .name = "date_parse",
      .arguments = {v, v},
      .return_type = LogicalType::Timestamp(3),
      .kernel = DateParseKernel,
      .bind = BindPattern<Syntax::kMySql>,
      .signature = "date_parse(string, format) -> timestamp(3)",
      .description = "Parses a string with MySQL specifiers (see date_format); two-digit "
                     "years fall in 1970..2069.",
      .example =
          "date_parse('2022/10/20/05', '%Y/%m/%d/%H') -> TIMESTAMP '2022-10-20 05:00:00.000'"});
  registry.AddScalar(
      ScalarFunction{.name = "format_datetime",
                     .arguments = {ts, v},
                     .return_type = v,
                     .kernel = FormatTimestampKernel<Syntax::kJoda>,
                     .bind = BindPattern<Syntax::kJoda>,
                     .signature = "format_datetime(timestamp, format) -> varchar",
                     .description = "Formats with a Joda-Time pattern (G y Y x w e E M d D a H k K "
                                    "h m s S Z ZZ ZZZ z and 'quoted "
                                    "text'); zone letters print the zone's id.",
                     .example = "format_datetime(TIMESTAMP '2024-06-15 14:05:09', 'EEE, dd MMM "
                                "yyyy hh:mm a') -> 'Sat, 15 Jun 2024 02:05 PM'"});
  registry.AddScalar(
      ScalarFunction{.name = "format_datetime",
                     .arguments = {tstz, v},
                     .return_type = v,
                     .kernel = FormatTimestampTzKernel<Syntax::kJoda>,
                     .bind = BindPattern<Syntax::kJoda>,
                     .signature = "format_datetime(timestamp with time zone, format) -> varchar"});
  registry.AddScalar(ScalarFunction{
      .name = "parse_datetime",
      .arguments = {v, v},
      .return_type = LogicalType::TimestampTz(3),
      .kernel = ParseDatetimeKernel,
      .bind = BindPattern<Syntax::kJoda>,
      .signature = "parse_datetime(string, format) -> timestamp(3) with time zone",
      .description = "Parses a string with a Joda-Time pattern; the zone is the one the text "
                     "names (Z, ZZ, ZZZ) or the session's.",
      .example = "parse_datetime('2024-06-15 10:00 +02:00', 'yyyy-MM-dd HH:mm ZZ') -> "
                 "TIMESTAMP '2024-06-15 10:00:00.000 +02:00'"});
  registry.AddScalar(ScalarFunction{
      .name = "to_iso8601",
      .arguments = {TypeId::kDate},
      .return_type = v,
      .kernel = ToIso8601DateKernel,
      .signature = "to_iso8601(x) -> varchar",
      .description = "The ISO 8601 text of a date, timestamp or timestamp with time zone "
                     "(Z for UTC, else the offset).",
      .example =
          "to_iso8601(TIMESTAMP '2024-06-15 10:00:00.000 UTC') -> '2024-06-15T10:00:00.000Z'"});
  registry.AddScalar(ScalarFunction{.name = "to_iso8601",
                                    .arguments = {ts},
                                    .return_type = v,
                                    .kernel = ToIso8601TimestampKernel});
  registry.AddScalar(ScalarFunction{.name = "to_iso8601",
                                    .arguments = {tstz},
                                    .return_type = v,
                                    .kernel = ToIso8601TimestampTzKernel});
  registry.AddScalar(ScalarFunction{
      .name = "from_iso8601_timestamp",
      .arguments = {v},
      .return_type = LogicalType::TimestampTz(3),
      .kernel = FromIso8601TimestampKernel<3>,
      .signature = "from_iso8601_timestamp(string) -> timestamp(3) with time zone",
      .description = "Parses an ISO 8601 date with optional time and zone (the session's "
                     "when absent).",
      .example = "from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00') -> TIMESTAMP "
                 "'2020-05-11 11:15:05.055 +01:00'"});
  registry.AddScalar(ScalarFunction{
      .name = "from_iso8601_timestamp_nanos",
      .arguments = {v},
      .return_type = LogicalType::TimestampTz(6),
      .kernel = FromIso8601TimestampKernel<6>,
      .signature = "from_iso8601_timestamp_nanos(string) -> timestamp(6) with time zone",
      .description = "from_iso8601_timestamp keeping microseconds (this engine's finest "
                     "precision).",
      .example = "from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456Z') -> TIMESTAMP "
                 "'2020-05-11 11:15:05.123456 UTC'"});
  registry.AddScalar(ScalarFunction{
      .name = "from_iso8601_date",
      .arguments = {v},
      .return_type = TypeId::kDate,
      .kernel = FromIso8601DateKernel,
      .signature = "from_iso8601_date(string) -> date",
      .description = "Parses an ISO 8601 calendar date, week date (2020-W10-1) or ordinal "
                     "date (2020-123).",
      .example = "from_iso8601_date('2020-W10') -> DATE '2020-03-02'"});
}

}  // namespace switchboard
