// Date and time functions: field extraction (the functions behind EXTRACT), date_trunc,
// date_add, date_diff and their Snowflake forms, the current date/time of the statement, time zone
// conversion (AT TIME ZONE), UNIX time conversions and last_day_of_month. TIMESTAMP WITH TIME
// ZONE values are truncated, shifted and split into fields in their own zone.
#include <array>
#include <chrono>
#include <cmath>
#include <utility>

#include "common/error.h"
#include "common/string_util.h"
#include "common/time_zone.h"
#include "function/bind_util.h"
#include "function/calendar.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/query_context.h"
#include "function/scalar_executor.h"

namespace switchboard {

namespace {

// ----- the four temporal types ---------------------------------------------------------------

// Each traits class maps its values to local wall time (microseconds since the epoch) and back.
struct DateTraits {
  using T = int32_t;
  static constexpr const char* kName = "DATE";
  static constexpr bool kHasDate = true, kHasTime = false;
  static int64_t ToLocal(T v) { return static_cast<int64_t>(v) * kMicrosPerDay; }
  static T FromLocal(int64_t local, T) { return Timestamp::ToDate(local); }
};

struct TimeTraits {
  using T = int64_t;
  static constexpr const char* kName = "TIME";
  static constexpr bool kHasDate = false, kHasTime = true;
  static int64_t ToLocal(T v) { return v; }
  static T FromLocal(int64_t local, T) { return FloorMod(local, kMicrosPerDay); }
};

struct TimestampTraits {
  using T = int64_t;
  static constexpr const char* kName = "TIMESTAMP";
  static constexpr bool kHasDate = true, kHasTime = true;
  static int64_t ToLocal(T v) { return v; }
  static T FromLocal(int64_t local, T) { return local; }
};

struct TimestampTzTraits {
  using T = TimestampTz;
  static constexpr const char* kName = "TIMESTAMP WITH TIME ZONE";
  static constexpr bool kHasDate = true, kHasTime = true;
  static int64_t ToLocal(T v) { return Timestamp::ToLocal(v); }
  static T FromLocal(int64_t local, T original) {
    return Timestamp::FromLocal(local, original.zone);
  }
};

// ----- units -----------------------------------------------------------------------------------

enum class DateUnit : uint8_t {
  kMillisecond,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear
};

int64_t FixedUnitMicros(DateUnit unit) {
  switch (unit) {
    case DateUnit::kMillisecond:
      return kMicrosPerMilli;
    case DateUnit::kSecond:
      return kMicrosPerSecond;
    case DateUnit::kMinute:
      return kMicrosPerMinute;
    case DateUnit::kHour:
      return kMicrosPerHour;
    case DateUnit::kDay:
      return kMicrosPerDay;
    case DateUnit::kWeek:
      return 7 * kMicrosPerDay;
    default:
      return 0;
  }
}

int MonthsOf(DateUnit unit) {
  return unit == DateUnit::kMonth ? 1 : unit == DateUnit::kQuarter ? 3 : 12;
}
bool IsCalendarUnit(DateUnit unit) { return unit >= DateUnit::kMonth; }
bool IsDateUnit(DateUnit unit) { return unit >= DateUnit::kDay; }

/// Trino's unit names, plus (for the Snowflake/Redshift forms) their abbreviations and plurals.
std::optional<DateUnit> ParseUnit(std::string_view text, bool abbreviations) {
  std::string unit = ToLower(TrimWhitespace(text));
  static const std::pair<const char*, DateUnit> kNames[] = {{"millisecond", DateUnit::kMillisecond},
                                                            {"second", DateUnit::kSecond},
                                                            {"minute", DateUnit::kMinute},
                                                            {"hour", DateUnit::kHour},
                                                            {"day", DateUnit::kDay},
                                                            {"week", DateUnit::kWeek},
                                                            {"month", DateUnit::kMonth},
                                                            {"quarter", DateUnit::kQuarter},
                                                            {"year", DateUnit::kYear}};
  for (const auto& [name, value] : kNames) {
    if (unit == name) return value;
  }
  if (!abbreviations) return std::nullopt;
  static const std::pair<const char*, DateUnit> kAliases[] = {
      {"milliseconds", DateUnit::kMillisecond},
      {"ms", DateUnit::kMillisecond},
      {"msec", DateUnit::kMillisecond},
      {"msecs", DateUnit::kMillisecond},
      {"seconds", DateUnit::kSecond},
      {"s", DateUnit::kSecond},
      {"sec", DateUnit::kSecond},
      {"secs", DateUnit::kSecond},
      {"minutes", DateUnit::kMinute},
      {"m", DateUnit::kMinute},
      {"mi", DateUnit::kMinute},
      {"min", DateUnit::kMinute},
      {"mins", DateUnit::kMinute},
      {"hours", DateUnit::kHour},
      {"h", DateUnit::kHour},
      {"hh", DateUnit::kHour},
      {"hr", DateUnit::kHour},
      {"hrs", DateUnit::kHour},
      {"days", DateUnit::kDay},
      {"d", DateUnit::kDay},
      {"dd", DateUnit::kDay},
      {"dayofmonth", DateUnit::kDay},
      {"weeks", DateUnit::kWeek},
      {"w", DateUnit::kWeek},
      {"wk", DateUnit::kWeek},
      {"weekofyear", DateUnit::kWeek},
      {"months", DateUnit::kMonth},
      {"mm", DateUnit::kMonth},
      {"mon", DateUnit::kMonth},
      {"mons", DateUnit::kMonth},
      {"quarters", DateUnit::kQuarter},
      {"q", DateUnit::kQuarter},
      {"qtr", DateUnit::kQuarter},
      {"qtrs", DateUnit::kQuarter},
      {"years", DateUnit::kYear},
      {"y", DateUnit::kYear},
      {"yy", DateUnit::kYear},
      {"yyyy", DateUnit::kYear},
      {"yr", DateUnit::kYear},
      {"yrs", DateUnit::kYear}};
  for (const auto& [name, value] : kAliases) {
    if (unit == name) return value;
  }
  return std::nullopt;
}

template <typename Traits>
DateUnit CheckedUnit(std::string_view text, bool abbreviations) {
  auto unit = ParseUnit(text, abbreviations);
  bool ok =
      unit && (Traits::kHasDate || !IsDateUnit(*unit)) && (Traits::kHasTime || IsDateUnit(*unit));
  if (!ok) SB_THROW(kInvalidParameter, "'{}' is not a valid {} field", text, Traits::kName);
  return *unit;
}

/// A unit known at bind time.
struct UnitData : FunctionData {
  DateUnit unit;
};

/// Binds a function whose argument `unit_index` is a unit and whose argument `value_index` is
/// the temporal value; validates a constant unit and keeps the value's precision in the result.
template <typename Traits, bool kAbbreviations, bool kSameResultType>
std::unique_ptr<FunctionData> BindUnit(ScalarFunction& function,
                                       const std::vector<LogicalType>& types,
                                       const std::vector<std::optional<Value>>& constants) {
  if (kSameResultType) function.return_type = types.back();
  auto text = ConstantString(constants, 0);
  if (!text) return nullptr;
  auto data = std::make_unique<UnitData>();
  data->unit = CheckedUnit<Traits>(*text, kAbbreviations);
  return data;
}

/// The unit of each row: the bound one, or the row's text parsed (and checked for the type).
template <typename Traits, bool kAbbreviations>
class UnitSource {
 public:
  explicit UnitSource(const FunctionData* bind_data) {
    if (bind_data) bound_ = static_cast<const UnitData*>(bind_data)->unit;
  }
  DateUnit Get(const StringView& text) {
    if (bound_) return *bound_;
    if (!last_ || text.view() != last_text_) {
      last_ = CheckedUnit<Traits>(text.view(), kAbbreviations);
      last_text_.assign(text.view());
    }
    return *last_;
  }

 private:
  std::optional<DateUnit> bound_;
  std::optional<DateUnit> last_;
  std::string last_text_;
};

// ----- truncation and arithmetic on local times -----------------------------------------------

int64_t TruncateLocal(int64_t local, DateUnit unit) {
  if (unit <= DateUnit::kDay) {
    int64_t size = FixedUnitMicros(unit);
    return FloorDiv(local, size) * size;
  }
  int32_t days = Timestamp::ToDate(local);
  if (unit == DateUnit::kWeek)
    return static_cast<int64_t>(days - (Date::DayOfWeek(days) - 1)) * kMicrosPerDay;
  CivilTime civil = CivilTime::FromDate(days);
  int month = unit == DateUnit::kMonth     ? civil.month
              : unit == DateUnit::kQuarter ? (civil.month - 1) / 3 * 3 + 1
                                           : 1;
  return static_cast<int64_t>(Date::FromCivil(civil.year, month, 1)) * kMicrosPerDay;
}

int64_t AddToLocal(int64_t local, DateUnit unit, int64_t amount) {
  if (IsCalendarUnit(unit)) {
    int64_t months;
    if (__builtin_mul_overflow(amount, static_cast<int64_t>(MonthsOf(unit)), &months)) {
      SB_THROW(kNumericOverflow, "Timestamp out of range");
    }
    return AddMonthsToTimestamp(local, months);
  }
  int64_t delta, out;
  if (__builtin_mul_overflow(amount, FixedUnitMicros(unit), &delta) ||
      __builtin_add_overflow(local, delta, &out)) {
    SB_THROW(kNumericOverflow, "Timestamp out of range");
  }
  return out;
}

template <typename Traits>
typename Traits::T Truncate(typename Traits::T value, DateUnit unit) {
  return Traits::FromLocal(TruncateLocal(Traits::ToLocal(value), unit), value);
}

// Units up to an hour move an instant; days and longer move its local time (keeping the wall
// clock across daylight saving changes).
template <typename Traits>
typename Traits::T Add(typename Traits::T value, DateUnit unit, int64_t amount) {
  if constexpr (std::is_same_v<Traits, TimestampTzTraits>) {
    if (!IsDateUnit(unit)) return TimestampTz{AddToLocal(value.micros, unit, amount), value.zone};
  }
  if constexpr (std::is_same_v<Traits, TimeTraits>) {
    return FloorMod(
        value + (amount % (kMicrosPerDay / FixedUnitMicros(unit))) * FixedUnitMicros(unit),
        kMicrosPerDay);
  } else {
    return Traits::FromLocal(AddToLocal(Traits::ToLocal(value), unit, amount), value);
  }
}

// Whole units from a to b (truncated toward zero). Zoned values compare instants for units up to
// an hour, and local times in a's zone for longer ones.
template <typename Traits>
int64_t Difference(typename Traits::T a, typename Traits::T b, DateUnit unit) {
  int64_t la, lb;
  if constexpr (std::is_same_v<Traits, TimestampTzTraits>) {
    if (!IsDateUnit(unit)) return (b.micros - a.micros) / FixedUnitMicros(unit);
    la = Timestamp::ToLocal(a);
    lb = Timestamp::ToLocal(TimestampTz{b.micros, a.zone});
  } else {
    la = Traits::ToLocal(a);
    lb = Traits::ToLocal(b);
  }
  if (IsCalendarUnit(unit)) return MonthsBetween(la, lb) / MonthsOf(unit);
  return (lb - la) / FixedUnitMicros(unit);
}

// Snowflake/Redshift DATEDIFF: the number of unit boundaries crossed from a to b.
template <typename Traits>
int64_t BoundariesCrossed(typename Traits::T a, typename Traits::T b, DateUnit unit) {
  int64_t ta = TruncateLocal(Traits::ToLocal(a), unit),
          tb = TruncateLocal(Traits::ToLocal(b), unit);
  if (IsCalendarUnit(unit)) {
    CivilTime x = CivilTime::FromLocal(ta), y = CivilTime::FromLocal(tb);
    return ((y.year * 12 + y.month) - (x.year * 12 + x.month)) / MonthsOf(unit);
  }
  return (tb - ta) / FixedUnitMicros(unit);
}

// ----- kernels with a unit argument --------------------------------------------------------------

template <typename Traits, bool kAbbreviations>
void DateTruncKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  using T = typename Traits::T;
  UnitSource<Traits, kAbbreviations> units(context.bind_data);
  ExecuteBinary<StringView, T, T>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView unit, T value) { return Truncate<Traits>(value, units.Get(unit)); });
}

template <typename Traits, bool kAbbreviations>
void DateAddKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  using T = typename Traits::T;
  UnitSource<Traits, kAbbreviations> units(context.bind_data);
  ExecuteTernary<StringView, int64_t, T, T>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView unit, int64_t amount, T value, ValidityMask&, idx_t) {
        return Add<Traits>(value, units.Get(unit), amount);
      });
}

template <typename Traits, bool kBoundaries>
void DateDiffKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  using T = typename Traits::T;
  UnitSource<Traits, kBoundaries> units(context.bind_data);
  ExecuteTernary<StringView, T, T, int64_t>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView unit, T a, T b, ValidityMask&, idx_t) {
        DateUnit u = units.Get(unit);
        return kBoundaries ? BoundariesCrossed<Traits>(a, b, u) : Difference<Traits>(a, b, u);
      });
}

// ----- fields
// --------------------------------------------------------------------------------------

enum class Field : uint8_t {
  kYear,
  kQuarter,
  kMonth,
  kWeek,
  kDay,
  kDayOfWeek,
  kDayOfYear,
  kYearOfWeek,
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
};

template <Field kField>
int64_t DateField(int32_t days) {
  if constexpr (kField == Field::kDayOfWeek) {
    return Date::DayOfWeek(days);
  } else if constexpr (kField == Field::kDayOfYear) {
    return DayOfYear(days);
  } else if constexpr (kField == Field::kWeek || kField == Field::kYearOfWeek) {
    int64_t week_year;
    int week;
    IsoWeek(days, week_year, week);
    return kField == Field::kWeek ? week : week_year;
  } else {
    CivilTime civil = CivilTime::FromDate(days);
    if constexpr (kField == Field::kYear) return civil.year;
    if constexpr (kField == Field::kQuarter) return (civil.month - 1) / 3 + 1;
    if constexpr (kField == Field::kMonth) return civil.month;
    return civil.day;
  }
}

template <Field kField>
int64_t LocalField(int64_t local) {
  if constexpr (kField < Field::kHour) {
    return DateField<kField>(Timestamp::ToDate(local));
  } else {
    int64_t time = FloorMod(local, kMicrosPerDay);
    if constexpr (kField == Field::kHour) return time / kMicrosPerHour;
    if constexpr (kField == Field::kMinute) return time / kMicrosPerMinute % 60;
    if constexpr (kField == Field::kSecond) return time / kMicrosPerSecond % 60;
    return time / kMicrosPerMilli % 1000;
  }
}

template <typename Traits, Field kField>
void FieldKernel(DataChunk& args, FunctionContext&, Vector& result) {
  using T = typename Traits::T;
  ExecuteUnary<T, int64_t>(args.column(0), result, args.size(),
                           [](T value) { return LocalField<kField>(Traits::ToLocal(value)); });
}

constexpr size_t kFieldCount = static_cast<size_t>(Field::kMillisecond) + 1;

/// FieldKernel<Traits, F> for every field F, indexed by the field.
template <typename Traits, size_t... kIndex>
std::array<ScalarKernel, kFieldCount> FieldKernels(std::index_sequence<kIndex...>) {
  return {FieldKernel<Traits, static_cast<Field>(kIndex)>...};
}

// Fields of intervals: INTERVAL '1 02:03:04' DAY TO SECOND has day 1, hour 2, ...
template <Field kField>
void DayTimeIntervalFieldKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<int64_t, int64_t>(args.column(0), result, args.size(),
                                 [](int64_t micros) -> int64_t {
                                   if constexpr (kField == Field::kDay)
                                     return micros / kMicrosPerDay;
                                   if constexpr (kField == Field::kHour)
                                     return micros / kMicrosPerHour % 24;
                                   if constexpr (kField == Field::kMinute)
                                     return micros / kMicrosPerMinute % 60;
                                   if constexpr (kField == Field::kSecond)
                                     return micros / kMicrosPerSecond % 60;
                                   return micros / kMicrosPerMilli % 1000;
                                 });
}

template <Field kField>
void YearMonthIntervalFieldKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<int32_t, int64_t>(
      args.column(0), result, args.size(),
      [](int32_t months) -> int64_t { return kField == Field::kYear ? months / 12 : months % 12; });
}

template <bool kHour>
void TimezoneFieldKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<TimestampTz, int64_t>(args.column(0), result, args.size(),
                                     [](TimestampTz value) -> int64_t {
                                       int32_t offset = ZoneOffsetSeconds(value);
                                       return kHour ? offset / 3600 : offset / 60 % 60;
                                     });
}

// date_part(unit, x) (Snowflake, Redshift): fields by name; dow counts from Sunday = 0.
enum class PartField : uint8_t {
  kYear,
  kQuarter,
  kMonth,
  kWeek,
  kDay,
  kDayOfWeek,
  kDayOfYear,
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
  kEpoch
};

std::optional<PartField> ParsePartField(std::string_view text) {
  std::string name = ToLower(TrimWhitespace(text));
  if (auto unit = ParseUnit(name, true)) {
    switch (*unit) {
      case DateUnit::kMillisecond:
        return PartField::kMillisecond;
      case DateUnit::kSecond:
        return PartField::kSecond;
      case DateUnit::kMinute:
        return PartField::kMinute;
      case DateUnit::kHour:
        return PartField::kHour;
      case DateUnit::kDay:
        return PartField::kDay;
      case DateUnit::kWeek:
        return PartField::kWeek;
      case DateUnit::kMonth:
        return PartField::kMonth;
      case DateUnit::kQuarter:
        return PartField::kQuarter;
      case DateUnit::kYear:
        return PartField::kYear;
    }
  }
  if (name == "dow" || name == "dayofweek" || name == "weekday" || name == "dw")
    return PartField::kDayOfWeek;
  if (name == "doy" || name == "dayofyear" || name == "yearday" || name == "dy")
    return PartField::kDayOfYear;
  if (name == "epoch" || name == "epoch_second" || name == "epoch_seconds")
    return PartField::kEpoch;
  return std::nullopt;
}

template <typename Traits>
void DatePartKernel(DataChunk& args, FunctionContext&, Vector& result) {
  using T = typename Traits::T;
  std::optional<PartField> last;
  std::string last_text;
  ExecuteBinary<StringView, T, int64_t>(
      args.column(0), args.column(1), result, args.size(), [&](StringView unit, T value) {
        if (!last || unit.view() != last_text) {
          last = ParsePartField(unit.view());
          if (!last)
            SB_THROW(kInvalidParameter, "'{}' is not a valid {} field", unit.view(), Traits::kName);
          last_text.assign(unit.view());
        }
        int64_t local = Traits::ToLocal(value);
        switch (*last) {
          case PartField::kYear:
            return LocalField<Field::kYear>(local);
          case PartField::kQuarter:
            return LocalField<Field::kQuarter>(local);
          case PartField::kMonth:
            return LocalField<Field::kMonth>(local);
          case PartField::kWeek:
            return LocalField<Field::kWeek>(local);
          case PartField::kDay:
            return LocalField<Field::kDay>(local);
          case PartField::kDayOfWeek:
            return LocalField<Field::kDayOfWeek>(local) % 7;
          case PartField::kDayOfYear:
            return LocalField<Field::kDayOfYear>(local);
          case PartField::kHour:
            return LocalField<Field::kHour>(local);
          case PartField::kMinute:
            return LocalField<Field::kMinute>(local);
          case PartField::kSecond:
            return LocalField<Field::kSecond>(local);
          case PartField::kMillisecond:
            return LocalField<Field::kMillisecond>(local);
          case PartField::kEpoch:
            if constexpr (std::is_same_v<Traits, TimestampTzTraits>)
              return FloorDiv(value.micros, kMicrosPerSecond);
            return FloorDiv(local, kMicrosPerSecond);
        }
        return int64_t{0};
      });
}

// ----- the statement's current time --------------------------------------------------------------

int64_t StatementStart(const FunctionContext& context) {
  if (context.query && context.query->start_micros != 0) return context.query->start_micros;
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int16_t SessionZone(const FunctionContext& context) {
  return context.query ? context.query->time_zone : TimeZone::kUtc;
}

int64_t TruncateToPrecision(int64_t micros, int precision) {
  int64_t unit = 1;
  for (int p = precision; p < 6; ++p) unit *= 10;
  return FloorDiv(micros, unit) * unit;
}

/// Precision of current_timestamp(p) and localtimestamp(p).
struct PrecisionData : FunctionData {
  int precision;
};

std::unique_ptr<FunctionData> BindPrecision(ScalarFunction& function,
                                            const std::vector<LogicalType>&,
                                            const std::vector<std::optional<Value>>& constants) {
  auto p = ConstantInteger(constants, 0);
  if (!p) SB_THROW(kInvalidParameter, "{}: the precision must be a constant", function.name);
  SB_USER_CHECK(*p >= 0 && *p <= 12, kInvalidParameter,
                "{}: precision must be between 0 and 12, got {}", function.name, *p);
  auto data = std::make_unique<PrecisionData>();
  data->precision = static_cast<int>(std::min<int64_t>(*p, LogicalType::kMaxTimestampPrecision));
  function.return_type = function.return_type.id() == TypeId::kTimestampTz
                             ? LogicalType::TimestampTz(data->precision)
                             : LogicalType::Timestamp(data->precision);
  return data;
}

int PrecisionOf(const FunctionContext& context, int fallback) {
  return context.bind_data ? static_cast<const PrecisionData*>(context.bind_data)->precision
                           : fallback;
}

template <int kDefaultPrecision>
void CurrentTimestampKernel(DataChunk&, FunctionContext& context, Vector& result) {
  int64_t now =
      TruncateToPrecision(StatementStart(context), PrecisionOf(context, kDefaultPrecision));
  result.data<TimestampTz>()[0] = TimestampTz{now, SessionZone(context)};
  result.SetKindConstant();
}

template <int kDefaultPrecision>
void LocalTimestampKernel(DataChunk&, FunctionContext& context, Vector& result) {
  int64_t now =
      TruncateToPrecision(StatementStart(context), PrecisionOf(context, kDefaultPrecision));
  result.data<int64_t>()[0] = Timestamp::ToLocal(TimestampTz{now, SessionZone(context)});
  result.SetKindConstant();
}

void LocalTimeKernel(DataChunk&, FunctionContext& context, Vector& result) {
  int64_t now = TruncateToPrecision(StatementStart(context), 3);
  result.data<int64_t>()[0] =
      FloorMod(Timestamp::ToLocal(TimestampTz{now, SessionZone(context)}), kMicrosPerDay);
  result.SetKindConstant();
}

void CurrentDateKernel(DataChunk&, FunctionContext& context, Vector& result) {
  result.data<int32_t>()[0] = Timestamp::ToDate(
      Timestamp::ToLocal(TimestampTz{StatementStart(context), SessionZone(context)}));
  result.SetKindConstant();
}

void CurrentTimezoneKernel(DataChunk&, FunctionContext& context, Vector& result) {
  result.data<StringView>()[0] = result.AddString(TimeZone::Name(SessionZone(context)));
  result.SetKindConstant();
}

// ----- time zones
// ----------------------------------------------------------------------------------

/// The zone name or offset of each row, looked up once while rows repeat it.
class ZoneSource {
 public:
  int16_t Get(const StringView& name) {
    if (!last_ || name.view() != last_name_) {
      last_ = LookupTimeZone(name.view());
      last_name_.assign(name.view());
    }
    return *last_;
  }

 private:
  std::optional<int16_t> last_;
  std::string last_name_;
};

int16_t ZoneOfOffset(int64_t offset_micros) {
  SB_USER_CHECK(offset_micros % kMicrosPerMinute == 0 && offset_micros >= -14 * kMicrosPerHour &&
                    offset_micros <= 14 * kMicrosPerHour,
                kInvalidParameter, "Invalid time zone offset: {}",
                Interval::FormatDayTime(offset_micros));
  return TimeZone::FixedOffset(static_cast<int>(offset_micros / kMicrosPerMinute));
}

void AtTimezoneKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ZoneSource zones;
  ExecuteBinary<TimestampTz, StringView, TimestampTz>(
      args.column(0), args.column(1), result, args.size(), [&](TimestampTz value, StringView zone) {
        return TimestampTz{value.micros, zones.Get(zone)};
      });
}

void AtTimezoneOffsetKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<TimestampTz, int64_t, TimestampTz>(
      args.column(0), args.column(1), result, args.size(), [](TimestampTz value, int64_t offset) {
        return TimestampTz{value.micros, ZoneOfOffset(offset)};
      });
}

void WithTimezoneKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ZoneSource zones;
  ExecuteBinary<int64_t, StringView, TimestampTz>(
      args.column(0), args.column(1), result, args.size(),
      [&](int64_t local, StringView zone) { return Timestamp::FromLocal(local, zones.Get(zone)); });
}

void TimezoneNameKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<TimestampTz, StringView>(
      args.column(0), result, args.size(),
      [&](TimestampTz value) { return result.AddString(TimeZone::Name(value.zone)); });
}

std::unique_ptr<FunctionData> BindKeepPrecision(ScalarFunction& function,
                                                const std::vector<LogicalType>& types,
                                                const std::vector<std::optional<Value>>&) {
  function.return_type = LogicalType::TimestampTz(types[0].precision());
  return nullptr;
}

// ----- UNIX time
// -----------------------------------------------------------------------------------

int64_t UnixSecondsToMicros(double seconds) {
  double millis = std::round(seconds * 1000.0);
  SB_USER_CHECK(std::isfinite(millis) && std::fabs(millis) < 9.2e15, kNumericOverflow,
                "Value out of range for a timestamp: {}", seconds);
  return static_cast<int64_t>(millis) * kMicrosPerMilli;
}

void FromUnixtimeKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  int16_t zone = SessionZone(context);
  ExecuteUnary<double, TimestampTz>(args.column(0), result, args.size(), [zone](double seconds) {
    return TimestampTz{UnixSecondsToMicros(seconds), zone};
  });
}

void FromUnixtimeZoneKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ZoneSource zones;
  ExecuteBinary<double, StringView, TimestampTz>(
      args.column(0), args.column(1), result, args.size(), [&](double seconds, StringView zone) {
        return TimestampTz{UnixSecondsToMicros(seconds), zones.Get(zone)};
      });
}

void FromUnixtimeOffsetKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteTernary<double, int64_t, int64_t, TimestampTz>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [](double seconds, int64_t hours, int64_t minutes, ValidityMask&, idx_t) {
        return TimestampTz{UnixSecondsToMicros(seconds),
                           ZoneOfOffset(hours * kMicrosPerHour + minutes * kMicrosPerMinute)};
      });
}

void FromUnixtimeNanosKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  int16_t zone = SessionZone(context);
  ExecuteUnary<int64_t, TimestampTz>(args.column(0), result, args.size(), [zone](int64_t nanos) {
    return TimestampTz{FloorDiv(nanos, 1000), zone};
  });
}

void ToUnixtimeKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<TimestampTz, double>(args.column(0), result, args.size(), [](TimestampTz value) {
    return static_cast<double>(value.micros) / static_cast<double>(kMicrosPerSecond);
  });
}

void ToMillisecondsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<int64_t, int64_t>(args.column(0), result, args.size(),
                                 [](int64_t micros) { return micros / kMicrosPerMilli; });
}

template <typename Traits>
void LastDayOfMonthKernel(DataChunk& args, FunctionContext&, Vector& result) {
  using T = typename Traits::T;
  ExecuteUnary<T, int32_t>(args.column(0), result, args.size(), [](T value) {
    CivilTime civil = CivilTime::FromLocal(Traits::ToLocal(value));
    return Date::FromCivil(civil.year, civil.month, Date::DaysInMonth(civil.year, civil.month));
  });
}

// date(x) is CAST(x AS DATE).
void DateCastKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  CastOptions options;
  options.query = context.query;
  CastVector(args.column(0), result, args.size(), options);
}

// ----- registration
// --------------------------------------------------------------------------------

LogicalType TypeOf(DateTraits) { return TypeId::kDate; }
LogicalType TypeOf(TimeTraits) { return LogicalType(TypeId::kTime); }
LogicalType TypeOf(TimestampTraits) { return LogicalType(TypeId::kTimestamp); }
LogicalType TypeOf(TimestampTzTraits) { return LogicalType(TypeId::kTimestampTz); }

/// Calls fn(traits) for each temporal type that has a date part.
template <typename Fn>
void ForEachDateType(Fn&& fn) {
  fn(DateTraits{});
  fn(TimestampTraits{});
  fn(TimestampTzTraits{});
}

struct FieldDoc {
  const char* name;
  Field field;
  const char* description;
  const char* example;
};

void AddFieldFunctions(FunctionRegistry& registry) {
  static const FieldDoc kFields[] = {
      {"year", Field::kYear, "The year of x (of a date, timestamp, or year-month interval).",
       "year(DATE '2024-06-15') -> 2024"},
      {"quarter", Field::kQuarter, "The quarter of the year, 1 to 4.",
       "quarter(DATE '2024-06-15') -> 2"},
      {"month", Field::kMonth, "The month of the year, 1 to 12.",
       "month(TIMESTAMP '2024-06-15 10:00:00') -> 6"},
      {"week", Field::kWeek, "The ISO 8601 week of the year, 1 to 53.",
       "week(DATE '2024-01-01') -> 1"},
      {"day", Field::kDay, "The day of the month (or the days of a day-to-second interval).",
       "day(DATE '2024-06-15') -> 15"},
      {"day_of_week", Field::kDayOfWeek, "The ISO day of the week, 1 (Monday) to 7 (Sunday).",
       "day_of_week(DATE '2024-06-15') -> 6"},
      {"day_of_year", Field::kDayOfYear, "The day of the year, 1 to 366.",
       "day_of_year(DATE '2024-02-01') -> 32"},
      {"year_of_week", Field::kYearOfWeek, "The year of the ISO 8601 week.",
       "year_of_week(DATE '2021-01-01') -> 2020"},
      {"hour", Field::kHour, "The hour of the day, 0 to 23.",
       "hour(TIMESTAMP '2024-06-15 10:20:30') -> 10"},
      {"minute", Field::kMinute, "The minute of the hour.",
       "minute(TIMESTAMP '2024-06-15 10:20:30') -> 20"},
      {"second", Field::kSecond, "The second of the minute.",
       "second(TIMESTAMP '2024-06-15 10:20:30') -> 30"},
      {"millisecond", Field::kMillisecond, "The millisecond of the second.",
       "millisecond(TIMESTAMP '2024-06-15 10:20:30.125') -> 125"},
  };
  auto dispatch = [&](const FieldDoc& doc, auto traits, bool first) {
    using Traits = decltype(traits);
    ScalarKernel kernel = FieldKernels<Traits>(
        std::make_index_sequence<kFieldCount>())[static_cast<size_t>(doc.field)];
    registry.AddScalar(
        ScalarFunction{.name = doc.name,
                       .arguments = {TypeOf(traits)},
                       .return_type = TypeId::kBigint,
                       .kernel = kernel,
                       .signature = first ? std::string(doc.name) + "(x) -> bigint" : "",
                       .description = first ? doc.description : "",
                       .example = first ? doc.example : ""});
  };
  for (const FieldDoc& doc : kFields) {
    bool first = true;
    if (doc.field < Field::kHour) {
      ForEachDateType([&](auto traits) {
        dispatch(doc, traits, first);
        first = false;
      });
    } else {
      dispatch(doc, TimestampTraits{}, true);
      dispatch(doc, TimestampTzTraits{}, false);
      dispatch(doc, TimeTraits{}, false);
    }
  }
  auto add_interval = [&](const char* name, TypeId type, ScalarKernel kernel) {
    registry.AddScalar(ScalarFunction{
        .name = name, .arguments = {type}, .return_type = TypeId::kBigint, .kernel = kernel});
  };
  add_interval("year", TypeId::kIntervalYearMonth, YearMonthIntervalFieldKernel<Field::kYear>);
  add_interval("month", TypeId::kIntervalYearMonth, YearMonthIntervalFieldKernel<Field::kMonth>);
  add_interval("day", TypeId::kIntervalDayTime, DayTimeIntervalFieldKernel<Field::kDay>);
  add_interval("hour", TypeId::kIntervalDayTime, DayTimeIntervalFieldKernel<Field::kHour>);
  add_interval("minute", TypeId::kIntervalDayTime, DayTimeIntervalFieldKernel<Field::kMinute>);
  add_interval("second", TypeId::kIntervalDayTime, DayTimeIntervalFieldKernel<Field::kSecond>);
  add_interval("millisecond", TypeId::kIntervalDayTime,
               DayTimeIntervalFieldKernel<Field::kMillisecond>);
  registry.AddAlias("day_of_month", "day");
  registry.AddAlias("dow", "day_of_week");
  registry.AddAlias("doy", "day_of_year");
  registry.AddAlias("yow", "year_of_week");
  registry.AddAlias("week_of_year", "week");
  LogicalType tstz(TypeId::kTimestampTz);
  registry.AddScalar(ScalarFunction{
      .name = "timezone_hour",
      .arguments = {tstz},
      .return_type = TypeId::kBigint,
      .kernel = TimezoneFieldKernel<true>,
      .signature = "timezone_hour(timestamp with time zone) -> bigint",
      .description = "The hours of the zone's offset from UTC at that instant.",
      .example = "timezone_hour(TIMESTAMP '2024-06-15 10:00 America/New_York') -> -4"});
  registry.AddScalar(ScalarFunction{
      .name = "timezone_minute",
      .arguments = {tstz},
      .return_type = TypeId::kBigint,
      .kernel = TimezoneFieldKernel<false>,
      .signature = "timezone_minute(timestamp with time zone) -> bigint",
      .description = "The minutes of the zone's offset from UTC at that instant.",
      .example = "timezone_minute(TIMESTAMP '2024-06-15 10:00 Asia/Kolkata') -> 30"});
}

template <typename Traits, bool kSnowflake>
void AddUnitFunctions(FunctionRegistry& registry, bool first) {
  const LogicalType v = LogicalType::Varchar();
  LogicalType type = TypeOf(Traits{});
  if constexpr (!kSnowflake) {
    registry.AddScalar(
        ScalarFunction{.name = "date_trunc",
                       .arguments = {v, type},
                       .return_type = type,
                       .kernel = DateTruncKernel<Traits, false>,
                       .bind = BindUnit<Traits, false, true>,
                       .signature = first ? "date_trunc(unit, x) -> same type as x" : "",
                       .description = first ? "x truncated to the unit (millisecond, second, "
                                              "minute, hour, day, week, month, quarter "
                                              "or year), in x's own time zone."
                                            : "",
                       .example = first ? "date_trunc('month', TIMESTAMP '2024-06-15 10:20:30') -> "
                                          "TIMESTAMP '2024-06-01 00:00:00'"
                                        : ""});
  }
  registry.AddScalar(ScalarFunction{
      .name = kSnowflake ? "dateadd" : "date_add",
      .arguments = {v, TypeId::kBigint, type},
      .return_type = type,
      .kernel = DateAddKernel<Traits, kSnowflake>,
      .bind = BindUnit<Traits, kSnowflake, true>,
      .signature = first ? (kSnowflake ? "dateadd(unit, value, x) -> same type as x"
                                       : "date_add(unit, value, x) -> same type as x")
                         : "",
      .description =
          first ? (kSnowflake
                       ? "Snowflake's DATEADD (and TIMESTAMPADD): date_add that also takes unit "
                         "abbreviations such as dd, mm, yy, hh, mi."
                       : "x plus `value` units (negative to subtract). Days and longer keep the "
                         "local "
                         "time of day across daylight saving changes; months clamp to the month's "
                         "end.")
                : "",
      .example = first
                     ? (kSnowflake ? "dateadd('dd', 1, DATE '2024-02-28') -> DATE '2024-02-29'"
                                   : "date_add('month', 1, DATE '2024-01-31') -> DATE '2024-02-29'")
                     : ""});
  registry.AddScalar(ScalarFunction{
      .name = kSnowflake ? "datediff" : "date_diff",
      .arguments = {v, type, type},
      .return_type = TypeId::kBigint,
      .kernel = DateDiffKernel<Traits, kSnowflake>,
      .bind = BindUnit<Traits, kSnowflake, false>,
      .signature = first ? (kSnowflake ? "datediff(unit, a, b) -> bigint"
                                       : "date_diff(unit, a, b) -> bigint")
                         : "",
      .description =
          first
              ? (kSnowflake ? "Snowflake/Redshift DATEDIFF (and TIMESTAMPDIFF): the number of unit "
                              "boundaries crossed from a to b."
                            : "b - a in whole units (truncated toward zero).")
              : "",
      .example = first
                     ? (kSnowflake ? "datediff('day', TIMESTAMP '2024-01-01 23:00', TIMESTAMP "
                                     "'2024-01-02 01:00') -> 1"
                                   : "date_diff('day', DATE '2024-03-01', DATE '2024-03-15') -> 14")
                     : ""});
  if constexpr (kSnowflake) {
    registry.AddScalar(ScalarFunction{
        .name = "date_part",
        .arguments = {v, type},
        .return_type = TypeId::kBigint,
        .kernel = DatePartKernel<Traits>,
        .signature = first ? "date_part(field, x) -> bigint" : "",
        .description =
            first
                ? "A field of x by name (Snowflake, Redshift): year, quarter, month, week, day, "
                  "dow (0 = "
                  "Sunday), doy, hour, minute, second, millisecond, epoch, and their abbreviations."
                : "",
        .example = first ? "date_part('dow', DATE '2024-06-16') -> 0" : ""});
  }
}

}  // namespace

void RegisterDatetimeFunctions(FunctionRegistry& registry) {
  AddFieldFunctions(registry);
  AddUnitFunctions<TimestampTraits, false>(registry, true);
  AddUnitFunctions<DateTraits, false>(registry, false);
  AddUnitFunctions<TimestampTzTraits, false>(registry, false);
  AddUnitFunctions<TimeTraits, false>(registry, false);
  AddUnitFunctions<TimestampTraits, true>(registry, true);
  AddUnitFunctions<DateTraits, true>(registry, false);
  AddUnitFunctions<TimestampTzTraits, true>(registry, false);
  AddUnitFunctions<TimeTraits, true>(registry, false);
  registry.AddAlias("timestampadd", "dateadd");
  registry.AddAlias("timestampdiff", "datediff");
  registry.AddAlias("datepart", "date_part");

  LogicalType tstz3 = LogicalType::TimestampTz(3);
  registry.AddScalar(ScalarFunction{
      .name = "current_timestamp",
      .arguments = {},
      .return_type = tstz3,
      .kernel = CurrentTimestampKernel<3>,
      .signature = "current_timestamp[(p)] -> timestamp(p) with time zone",
      .description = "The statement's start time in the session time zone, with 3 (or p) "
                     "fractional digits; the same for every row.",
      .example = "current_timestamp > TIMESTAMP '2020-01-01 00:00:00 UTC' -> true"});
  registry.AddScalar(ScalarFunction{.name = "current_timestamp",
                                    .arguments = {TypeId::kBigint},
                                    .return_type = tstz3,
                                    .kernel = CurrentTimestampKernel<3>,
                                    .bind = BindPrecision});
  registry.AddScalar(ScalarFunction{.name = "now",
                                    .arguments = {},
                                    .return_type = tstz3,
                                    .kernel = CurrentTimestampKernel<3>,
                                    .signature = "now() -> timestamp(3) with time zone",
                                    .description = "The same as current_timestamp.",
                                    .example = "now() = current_timestamp -> true"});
  registry.AddScalar(ScalarFunction{
      .name = "localtimestamp",
      .arguments = {},
      .return_type = LogicalType::Timestamp(3),
      .kernel = LocalTimestampKernel<3>,
      .signature = "localtimestamp[(p)] -> timestamp(p)",
      .description = "The statement's start time as a local timestamp in the session time zone.",
      .example = "localtimestamp > TIMESTAMP '2020-01-01 00:00:00' -> true"});
  registry.AddScalar(ScalarFunction{.name = "localtimestamp",
                                    .arguments = {TypeId::kBigint},
                                    .return_type = LogicalType::Timestamp(3),
                                    .kernel = LocalTimestampKernel<3>,
                                    .bind = BindPrecision});
  registry.AddScalar(ScalarFunction{
      .name = "getdate",
      .arguments = {},
      .return_type = LogicalType::Timestamp(0),
      .kernel = LocalTimestampKernel<0>,
      .signature = "getdate() -> timestamp(0)",
      .description = "Redshift's GETDATE(): the statement's start time as a local timestamp "
                     "in whole seconds.",
      .example = "getdate() <= localtimestamp -> true"});
  registry.AddScalar(
      ScalarFunction{.name = "current_date",
                     .arguments = {},
                     .return_type = TypeId::kDate,
                     .kernel = CurrentDateKernel,
                     .signature = "current_date -> date",
                     .description = "The statement's start date in the session time zone.",
                     .example = "current_date > DATE '2020-01-01' -> true"});
  registry.AddScalar(ScalarFunction{
      .name = "current_time",
      .arguments = {},
      .return_type = LogicalType::Time(3),
      .kernel = LocalTimeKernel,
      .signature = "current_time -> time(3)",
      .description = "The statement's start time of day in the session time zone (this "
                     "engine has no TIME WITH TIME ZONE type).",
      .example = "current_time >= TIME '00:00:00' -> true"});
  registry.AddScalar(
      ScalarFunction{.name = "localtime",
                     .arguments = {},
                     .return_type = LogicalType::Time(3),
                     .kernel = LocalTimeKernel,
                     .signature = "localtime -> time(3)",
                     .description = "The statement's start time of day in the session time zone.",
                     .example = "localtime >= TIME '00:00:00' -> true"});
  registry.AddScalar(ScalarFunction{.name = "current_timezone",
                                    .arguments = {},
                                    .return_type = LogicalType::Varchar(),
                                    .kernel = CurrentTimezoneKernel,
                                    .signature = "current_timezone() -> varchar",
                                    .description = "The session time zone's name or offset.",
                                    .example = "current_timezone() -> 'UTC'"});

  const LogicalType v = LogicalType::Varchar();
  LogicalType tstz(TypeId::kTimestampTz);
  registry.AddScalar(ScalarFunction{
      .name = "at_timezone",
      .arguments = {tstz, v},
      .return_type = tstz,
      .kernel = AtTimezoneKernel,
      .bind = BindKeepPrecision,
      .signature = "at_timezone(timestamp(p) with time zone, zone) -> timestamp(p) with time zone",
      .description = "x AT TIME ZONE zone: the same instant shown in another zone (a name, "
                     "an offset string, or a day-to-second interval offset). A timestamp "
                     "without zone is first taken in the session time zone.",
      .example = "at_timezone(TIMESTAMP '2024-03-10 12:00 UTC', 'America/New_York') -> "
                 "TIMESTAMP '2024-03-10 08:00:00.000 America/New_York'"});
  registry.AddScalar(ScalarFunction{
      .name = "at_timezone",
      .arguments = {tstz, TypeId::kIntervalDayTime},
      .return_type = tstz,
      .kernel = AtTimezoneOffsetKernel,
      .bind = BindKeepPrecision,
      .signature = "at_timezone(timestamp(p) with time zone, interval day to second) -> "
                   "timestamp(p) with time zone"});
  registry.AddScalar(ScalarFunction{
      .name = "with_timezone",
      .arguments = {LogicalType(TypeId::kTimestamp), v},
      .return_type = tstz,
      .kernel = WithTimezoneKernel,
      .bind = BindKeepPrecision,
      .signature = "with_timezone(timestamp(p), zone) -> timestamp(p) with time zone",
      .description = "The wall-clock time of a timestamp without zone, taken in `zone`.",
      .example = "with_timezone(TIMESTAMP '2024-06-15 09:00:00', 'Europe/Paris') -> "
                 "TIMESTAMP '2024-06-15 09:00:00.000 Europe/Paris'"});
  registry.AddScalar(ScalarFunction{
      .name = "timezone",
      .arguments = {tstz},
      .return_type = v,
      .kernel = TimezoneNameKernel,
      .signature = "timezone(timestamp with time zone) -> varchar",
      .description = "The name (or offset) of the value's time zone.",
      .example = "timezone(TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo') -> 'Asia/Tokyo'"});

  registry.AddScalar(ScalarFunction{
      .name = "from_unixtime",
      .arguments = {TypeId::kDouble},
      .return_type = tstz3,
      .kernel = FromUnixtimeKernel,
      .signature = "from_unixtime(unixtime) -> timestamp(3) with time zone",
      .description = "The instant `unixtime` seconds after 1970-01-01 00:00:00 UTC, in the "
                     "session time zone, in `zone`, or at an offset of hours and minutes.",
      .example = "from_unixtime(1718454896, 'UTC') -> TIMESTAMP '2024-06-15 12:34:56.000 UTC'"});
  registry.AddScalar(
      ScalarFunction{.name = "from_unixtime",
                     .arguments = {TypeId::kDouble, v},
                     .return_type = tstz3,
                     .kernel = FromUnixtimeZoneKernel,
                     .signature = "from_unixtime(unixtime, zone) -> timestamp(3) with time zone"});
  registry.AddScalar(ScalarFunction{
      .name = "from_unixtime",
      .arguments = {TypeId::kDouble, TypeId::kBigint, TypeId::kBigint},
      .return_type = tstz3,
      .kernel = FromUnixtimeOffsetKernel,
      .signature = "from_unixtime(unixtime, hours, minutes) -> timestamp(3) with time zone"});
  registry.AddScalar(ScalarFunction{
      .name = "from_unixtime_nanos",
      .arguments = {TypeId::kBigint},
      .return_type = LogicalType::TimestampTz(6),
      .kernel = FromUnixtimeNanosKernel,
      .signature = "from_unixtime_nanos(nanoseconds) -> timestamp(6) with time zone",
      .description = "The instant `nanoseconds` after the epoch (to the microsecond), in the "
                     "session time zone.",
      .example = "from_unixtime_nanos(1500) = from_unixtime(0.0000015) -> false"});
  registry.AddScalar(ScalarFunction{
      .name = "to_unixtime",
      .arguments = {tstz},
      .return_type = TypeId::kDouble,
      .kernel = ToUnixtimeKernel,
      .signature = "to_unixtime(timestamp with time zone) -> double",
      .description = "Seconds since 1970-01-01 00:00:00 UTC.",
      .example = "to_unixtime(TIMESTAMP '2024-06-15 12:34:56.500 UTC') -> 1.7184548965E9"});
  registry.AddScalar(
      ScalarFunction{.name = "to_milliseconds",
                     .arguments = {TypeId::kIntervalDayTime},
                     .return_type = TypeId::kBigint,
                     .kernel = ToMillisecondsKernel,
                     .signature = "to_milliseconds(interval day to second) -> bigint",
                     .description = "The interval in milliseconds.",
                     .example = "to_milliseconds(INTERVAL '1' MINUTE) -> 60000"});
  bool first = true;
  ForEachDateType([&](auto traits) {
    using Traits = decltype(traits);
    registry.AddScalar(ScalarFunction{
        .name = "last_day_of_month",
        .arguments = {TypeOf(traits)},
        .return_type = TypeId::kDate,
        .kernel = LastDayOfMonthKernel<Traits>,
        .signature = first ? "last_day_of_month(x) -> date" : "",
        .description = first ? "The last day of x's month." : "",
        .example = first ? "last_day_of_month(DATE '2024-02-10') -> DATE '2024-02-29'" : ""});
    first = false;
  });
  for (LogicalType from : {LogicalType::Varchar(), LogicalType(TypeId::kTimestamp), tstz,
                           LogicalType(TypeId::kDate)}) {
    bool is_first = from.id() == TypeId::kVarchar;
    registry.AddScalar(ScalarFunction{
        .name = "date",
        .arguments = {from},
        .return_type = TypeId::kDate,
        .kernel = DateCastKernel,
        .signature = is_first ? "date(x) -> date" : "",
        .description = is_first ? "CAST(x AS DATE) of a string, date or timestamp." : "",
        .example = is_first ? "date('2024-06-15') -> DATE '2024-06-15'" : ""});
  }
}

}  // namespace switchboard
