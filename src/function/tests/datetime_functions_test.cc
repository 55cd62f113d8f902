// Tests for the date and time functions, including daylight saving changes in New York.
#include "common/time_zone.h"
#include "function/tests/function_test_util.h"
#include "types/datetime.h"

namespace switchboard {
namespace {

class DatetimeFunctionsTest : public FunctionTest {
 protected:
  std::string Text(const Value& v) { return v.ToString(); }
};

TEST_F(DatetimeFunctionsTest, FieldsOfDatesTimestampsAndIntervals) {
  Value ts = Ts("2024-06-15 10:20:30.125");
  EXPECT_VALUE(Call("year", {ts}), Big(2024));
  EXPECT_VALUE(Call("quarter", {DateOf("2024-06-15")}), Big(2));
  EXPECT_VALUE(Call("month", {ts}), Big(6));
  EXPECT_VALUE(Call("day", {ts}), Big(15));
  EXPECT_VALUE(Call("day_of_month", {DateOf("2024-06-15")}), Big(15));
  EXPECT_VALUE(Call("day_of_week", {DateOf("2024-06-15")}), Big(6));
  EXPECT_VALUE(Call("dow", {DateOf("2024-06-16")}), Big(7));
  EXPECT_VALUE(Call("day_of_year", {DateOf("2024-12-31")}), Big(366));
  EXPECT_VALUE(Call("doy", {DateOf("2023-12-31")}), Big(365));
  EXPECT_VALUE(Call("hour", {ts}), Big(10));
  EXPECT_VALUE(Call("minute", {ts}), Big(20));
  EXPECT_VALUE(Call("second", {ts}), Big(30));
  EXPECT_VALUE(Call("millisecond", {ts}), Big(125));
  EXPECT_VALUE(Call("hour", {Value::Time(*Time::Parse("23:59:01"), 3)}), Big(23));
  EXPECT_VALUE(Call("day", {Value::IntervalDayTime(2 * kMicrosPerDay + 3 * kMicrosPerHour)}),
               Big(2));
  EXPECT_VALUE(Call("hour", {Value::IntervalDayTime(2 * kMicrosPerDay + 3 * kMicrosPerHour)}),
               Big(3));
  EXPECT_VALUE(Call("year", {Value::IntervalYearMonth(27)}), Big(2));
  EXPECT_VALUE(Call("month", {Value::IntervalYearMonth(27)}), Big(3));
  EXPECT_VALUE(Call("year", {DateOf("-0044-03-15")}), Big(-44));
}

TEST_F(DatetimeFunctionsTest, IsoWeeksCrossYearBoundaries) {
  EXPECT_VALUE(Call("week", {DateOf("2021-01-01")}), Big(53));
  EXPECT_VALUE(Call("year_of_week", {DateOf("2021-01-01")}), Big(2020));
  EXPECT_VALUE(Call("week", {DateOf("2024-12-30")}), Big(1));
  EXPECT_VALUE(Call("yow", {DateOf("2024-12-30")}), Big(2025));
  EXPECT_VALUE(Call("week_of_year", {DateOf("2024-06-15")}), Big(24));
}

TEST_F(DatetimeFunctionsTest, ZonedFieldsUseTheValuesOwnZone) {
  Value ny = TsTz("2024-01-15 23:30:00 America/New_York");
  EXPECT_VALUE(Call("day", {ny}), Big(15));
  EXPECT_VALUE(Call("hour", {ny}), Big(23));
  EXPECT_VALUE(Call("timezone_hour", {ny}), Big(-5));
  EXPECT_VALUE(Call("timezone_hour", {TsTz("2024-07-15 12:00:00 America/New_York")}), Big(-4));
  EXPECT_VALUE(Call("timezone_minute", {TsTz("2024-07-15 12:00:00 Asia/Kolkata")}), Big(30));
  EXPECT_VALUE(Call("timezone_minute", {TsTz("2024-07-15 12:00:00 -03:30")}), Big(-30));
  EXPECT_VALUE(Call("timezone", {ny}), Str("America/New_York"));
}

TEST_F(DatetimeFunctionsTest, DateTruncKeepsTheTypeAndZone) {
  EXPECT_EQ(Text(Call("date_trunc", {Str("month"), Ts("2024-06-15 10:20:30.125")})),
            "2024-06-01 00:00:00.000");
  EXPECT_EQ(Text(Call("date_trunc", {Str("week"), Ts("2024-06-15 10:20:30")})),
            "2024-06-10 00:00:00.000");
  EXPECT_EQ(Text(Call("date_trunc", {Str("quarter"), DateOf("2024-06-15")})), "2024-04-01");
  EXPECT_EQ(Text(Call("date_trunc", {Str("YEAR"), DateOf("2024-06-15")})), "2024-01-01");
  EXPECT_EQ(Text(Call("date_trunc", {Str("second"), Ts("2024-06-15 10:20:30.125", 6)})),
            "2024-06-15 10:20:30.000000");
  EXPECT_EQ(Text(Call("date_trunc", {Str("hour"), Value::Time(*Time::Parse("10:20:30"), 3)})),
            "10:00:00.000");
  EXPECT_EQ(Text(Call("date_trunc", {Str("day"), TsTz("2024-11-03 23:00:00 America/New_York")})),
            "2024-11-03 00:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("date_trunc", {Str("millisecond"), Ts("1969-12-31 23:59:59.9996", 6)})),
            "1969-12-31 23:59:59.999000");
  Error e = CallError("date_trunc", {Str("hour"), DateOf("2024-06-15")});
  EXPECT_EQ(e.code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(e.message, "'hour' is not a valid DATE field");
  EXPECT_EQ(CallError("date_trunc", {Str("fortnight"), Ts("2024-06-15 00:00:00")}).message,
            "'fortnight' is not a valid TIMESTAMP field");
}

TEST_F(DatetimeFunctionsTest, DateAddClampsMonthsAndWrapsTimes) {
  EXPECT_EQ(Text(Call("date_add", {Str("month"), Big(1), DateOf("2024-01-31")})), "2024-02-29");
  EXPECT_EQ(Text(Call("date_add", {Str("year"), Big(1), DateOf("2024-02-29")})), "2025-02-28");
  EXPECT_EQ(Text(Call("date_add", {Str("day"), Big(-1), DateOf("2024-03-01")})), "2024-02-29");
  EXPECT_EQ(Text(Call("date_add", {Str("quarter"), Big(2), Ts("2024-08-31 12:00:00")})),
            "2025-02-28 12:00:00.000");
  EXPECT_EQ(Text(Call("date_add", {Str("second"), Big(86), Ts("2020-03-01 00:00:00")})),
            "2020-03-01 00:01:26.000");
  EXPECT_EQ(Text(Call("date_add", {Str("hour"), Big(3), Value::Time(*Time::Parse("22:30:00"), 3)})),
            "01:30:00.000");
  EXPECT_EQ(
      Text(Call("date_add", {Str("minute"), Big(-90), Value::Time(*Time::Parse("00:30:00"), 3)})),
      "23:00:00.000");
  EXPECT_EQ(CallError("date_add", {Str("day"), Big(1), Value::Time(0, 3)}).message,
            "'day' is not a valid TIME field");
}

TEST_F(DatetimeFunctionsTest, DateAddAcrossDaylightSavingChangesInNewYork) {
  // 2024-03-10 02:00 EST jumps to 03:00 EDT.
  Value before = TsTz("2024-03-09 12:00:00 America/New_York");
  EXPECT_EQ(Text(Call("date_add", {Str("day"), Big(1), before})),
            "2024-03-10 12:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("date_add", {Str("hour"), Big(24), before})),
            "2024-03-10 13:00:00.000 America/New_York");
  // A local time in the gap moves forward by the gap.
  EXPECT_EQ(
      Text(Call("date_add", {Str("day"), Big(1), TsTz("2024-03-09 02:30:00 America/New_York")})),
      "2024-03-10 03:30:00.000 America/New_York");
  // 2024-11-03 02:00 EDT falls back to 01:00 EST.
  Value fall = TsTz("2024-11-02 12:00:00 America/New_York");
  EXPECT_EQ(Text(Call("date_add", {Str("day"), Big(1), fall})),
            "2024-11-03 12:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("date_add", {Str("hour"), Big(24), fall})),
            "2024-11-03 11:00:00.000 America/New_York");
  EXPECT_EQ(
      Text(Call("date_add", {Str("hour"), Big(1), TsTz("2024-11-03 01:30:00 America/New_York")})),
      "2024-11-03 01:30:00.000 America/New_York");
}

TEST_F(DatetimeFunctionsTest, DateDiffCountsWholeUnits) {
  EXPECT_VALUE(Call("date_diff", {Str("day"), DateOf("2024-03-01"), DateOf("2024-03-15")}),
               Big(14));
  EXPECT_VALUE(
      Call("date_diff", {Str("second"), Ts("2020-03-01 00:00:00"), Ts("2020-03-02 00:00:00")}),
      Big(86400));
  EXPECT_VALUE(Call("date_diff", {Str("month"), DateOf("2024-01-31"), DateOf("2024-02-29")}),
               Big(1));
  EXPECT_VALUE(Call("date_diff", {Str("month"), DateOf("2024-01-15"), DateOf("2024-02-14")}),
               Big(0));
  EXPECT_VALUE(Call("date_diff", {Str("month"), DateOf("2024-03-15"), DateOf("2024-01-16")}),
               Big(-1));
  EXPECT_VALUE(Call("date_diff", {Str("year"), DateOf("2020-02-29"), DateOf("2024-02-28")}),
               Big(3));
  EXPECT_VALUE(Call("date_diff", {Str("week"), DateOf("2024-06-01"), DateOf("2024-06-15")}),
               Big(2));
  EXPECT_VALUE(
      Call("date_diff", {Str("hour"), Ts("2024-01-01 10:00:00"), Ts("2024-01-01 08:30:00")}),
      Big(-1));
  // The spring-forward day has 23 hours but is one day.
  Value a = TsTz("2024-03-10 00:00:00 America/New_York"),
        b = TsTz("2024-03-11 00:00:00 America/New_York");
  EXPECT_VALUE(Call("date_diff", {Str("hour"), a, b}), Big(23));
  EXPECT_VALUE(Call("date_diff", {Str("day"), a, b}), Big(1));
  EXPECT_VALUE(Call("date_diff", {Str("hour"), TsTz("2024-11-03 00:00:00 America/New_York"),
                                  TsTz("2024-11-04 00:00:00 America/New_York")}),
               Big(25));
}

TEST_F(DatetimeFunctionsTest, SnowflakeFormsTakeAbbreviationsAndCountBoundaries) {
  EXPECT_EQ(Text(Call("dateadd", {Str("dd"), Big(1), DateOf("2024-02-28")})), "2024-02-29");
  EXPECT_EQ(Text(Call("timestampadd", {Str("mi"), Big(90), Ts("2024-02-28 23:00:00")})),
            "2024-02-29 00:30:00.000");
  EXPECT_VALUE(Call("datediff", {Str("day"), Ts("2024-01-01 23:00:00"), Ts("2024-01-02 01:00:00")}),
               Big(1));
  EXPECT_VALUE(
      Call("date_diff", {Str("day"), Ts("2024-01-01 23:00:00"), Ts("2024-01-02 01:00:00")}),
      Big(0));
  EXPECT_VALUE(Call("datediff", {Str("month"), DateOf("2024-01-31"), DateOf("2024-02-01")}),
               Big(1));
  EXPECT_VALUE(Call("timestampdiff", {Str("years"), DateOf("2023-12-31"), DateOf("2024-01-01")}),
               Big(1));
  EXPECT_VALUE(Call("datediff", {Str("week"), DateOf("2024-06-16"), DateOf("2024-06-17")}), Big(1));
  EXPECT_VALUE(Call("date_part", {Str("dow"), DateOf("2024-06-16")}), Big(0));
  EXPECT_VALUE(Call("datepart", {Str("year"), Ts("2024-06-16 10:00:00")}), Big(2024));
  EXPECT_VALUE(Call("date_part", {Str("epoch"), TsTz("1970-01-01 01:00:00 +01:00")}), Big(0));
  EXPECT_EQ(CallError("date_diff", {Str("dd"), DateOf("2024-01-01"), DateOf("2024-01-02")}).code,
            ErrorCode::kInvalidParameter);
}

TEST_F(DatetimeFunctionsTest, CurrentTimeComesFromTheStatement) {
  EXPECT_EQ(Text(Call("current_timestamp", {})), "2024-06-15 12:34:56.123 UTC");
  EXPECT_EQ(Text(Call("current_timestamp", {Big(0)})), "2024-06-15 12:34:56 UTC");
  EXPECT_EQ(Text(Call("now", {})), "2024-06-15 12:34:56.123 UTC");
  EXPECT_EQ(Text(Call("current_date", {})), "2024-06-15");
  EXPECT_EQ(Text(Call("localtimestamp", {Big(6)})), "2024-06-15 12:34:56.123456");
  EXPECT_EQ(Text(Call("getdate", {})), "2024-06-15 12:34:56");
  EXPECT_EQ(Text(Call("localtime", {})), "12:34:56.123");
  query_.time_zone = *TimeZone::Lookup("Pacific/Auckland");
  EXPECT_EQ(Text(Call("current_date", {})), "2024-06-16");
  EXPECT_EQ(Text(Call("current_timestamp", {})), "2024-06-16 00:34:56.123 Pacific/Auckland");
  EXPECT_VALUE(Call("current_timezone", {}), Str("Pacific/Auckland"));
  EXPECT_EQ(CallError("current_timestamp", {Big(13)}).code, ErrorCode::kInvalidParameter);
}

TEST_F(DatetimeFunctionsTest, AtTimezoneKeepsTheInstant) {
  Value utc = TsTz("2024-03-10 12:00:00 UTC");
  EXPECT_EQ(Text(Call("at_timezone", {utc, Str("America/New_York")})),
            "2024-03-10 08:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("at_timezone", {TsTz("2024-03-10 06:00:00 UTC"), Str("America/New_York")})),
            "2024-03-10 01:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("at_timezone", {utc, Str("+05:30")})), "2024-03-10 17:30:00.000 +05:30");
  EXPECT_EQ(Text(Call("at_timezone", {utc, Value::IntervalDayTime(-8 * kMicrosPerHour)})),
            "2024-03-10 04:00:00.000 -08:00");
  EXPECT_EQ(Text(Call("with_timezone", {Ts("2024-11-03 01:30:00"), Str("America/New_York")})),
            "2024-11-03 01:30:00.000 America/New_York");
  Error e = CallError("at_timezone", {utc, Str("Mars/Olympus")});
  EXPECT_EQ(e.code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(e.message, "Time zone not supported: Mars/Olympus");
}

TEST_F(DatetimeFunctionsTest, UnixTimeConversions) {
  EXPECT_EQ(Text(Call("from_unixtime", {Dbl(1718454896.5)})), "2024-06-15 12:34:56.500 UTC");
  EXPECT_EQ(Text(Call("from_unixtime", {Dbl(0), Str("America/New_York")})),
            "1969-12-31 19:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("from_unixtime", {Dbl(0), Big(5), Big(30)})),
            "1970-01-01 05:30:00.000 +05:30");
  EXPECT_VALUE(Call("to_unixtime", {TsTz("2024-06-15 12:34:56.500 UTC")}), Dbl(1718454896.5));
  EXPECT_VALUE(Call("to_milliseconds", {Value::IntervalDayTime(kMicrosPerMinute + 5000)}),
               Big(60005));
  EXPECT_EQ(Text(Call("last_day_of_month", {DateOf("2024-02-10")})), "2024-02-29");
  EXPECT_EQ(Text(Call("last_day_of_month", {Ts("2023-12-10 10:00:00")})), "2023-12-31");
  EXPECT_EQ(Text(Call("date", {Str("2024-06-15")})), "2024-06-15");
  EXPECT_EQ(Text(Call("date", {TsTz("2024-06-15 23:30:00 America/New_York")})), "2024-06-15");
}

TEST_F(DatetimeFunctionsTest, MySqlFormatAndParse) {
  Value ts = Ts("2022-10-20 05:10:09.123456", 6);
  EXPECT_VALUE(Call("date_format", {ts, Str("%m-%d-%Y %H")}), Str("10-20-2022 05"));
  EXPECT_VALUE(Call("date_format", {ts, Str("%a %b %e %y %r %T %f %j %W %M %c %k %l %p %%")}),
               Str("Thu Oct 20 22 05:10:09 AM 05:10:09 123456 293 Thursday October 10 5 5 AM %"));
  EXPECT_EQ(CallError("date_format", {ts, Str("%D")}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(Text(Call("date_parse", {Str("2022/10/20/05"), Str("%Y/%m/%d/%H")})),
            "2022-10-20 05:00:00.000");
  EXPECT_EQ(Text(Call("date_parse", {Str("20220105 11:30:01 PM"), Str("%Y%m%d %r")})),
            "2022-01-05 23:30:01.000");
  EXPECT_EQ(Text(Call("date_parse", {Str("69-03-04"), Str("%y-%m-%d")})),
            "2069-03-04 00:00:00.000");
  EXPECT_EQ(Text(Call("date_parse", {Str("Mar 4 2024 1.5"), Str("%b %e %Y %s.%f")})),
            "2024-03-04 00:00:01.500");
  EXPECT_EQ(CallError("date_parse", {Str("2022-13-01"), Str("%Y-%m-%d")}).code,
            ErrorCode::kInvalidDatetime);
  EXPECT_EQ(CallError("date_parse", {Str("2022-01-01x"), Str("%Y-%m-%d")}).code,
            ErrorCode::kInvalidDatetime);
}

TEST_F(DatetimeFunctionsTest, JodaFormatAndParse) {
  EXPECT_VALUE(
      Call("format_datetime", {Ts("2024-06-15 14:05:09"), Str("EEE, dd MMM yyyy hh:mm a")}),
      Str("Sat, 15 Jun 2024 02:05 PM"));
  EXPECT_VALUE(Call("format_datetime", {TsTz("2024-01-15 08:00:00.250 America/New_York"),
                                        Str("yyyy-MM-dd'T'HH:mm:ss.SSSZZ '['ZZZ'] ''q'''")}),
               Str("2024-01-15T08:00:00.250-05:00 [America/New_York] 'q'"));
  EXPECT_VALUE(Call("format_datetime", {Ts("2024-06-15 00:05:00"), Str("k:mm EEEE D")}),
               Str("24:05 Saturday 167"));
  EXPECT_EQ(
      Text(Call("parse_datetime", {Str("2024-06-15 10:00 +02:00"), Str("yyyy-MM-dd HH:mm ZZ")})),
      "2024-06-15 10:00:00.000 +02:00");
  EXPECT_EQ(
      Text(Call("parse_datetime", {Str("15/06/2024 America/New_York"), Str("dd/MM/yyyy ZZZ")})),
      "2024-06-15 00:00:00.000 America/New_York");
  EXPECT_EQ(Text(Call("parse_datetime", {Str("2024-06-15"), Str("yyyy-MM-dd")})),
            "2024-06-15 00:00:00.000 UTC");
  EXPECT_EQ(CallError("parse_datetime", {Str("2024-06"), Str("yyyy-MM-dd")}).code,
            ErrorCode::kInvalidDatetime);
  EXPECT_EQ(CallError("format_datetime", {Ts("2024-06-15 00:00:00"), Str("yyyy-qq")}).code,
            ErrorCode::kInvalidParameter);
}

TEST_F(DatetimeFunctionsTest, Iso8601) {
  EXPECT_VALUE(Call("to_iso8601", {DateOf("2024-06-15")}), Str("2024-06-15"));
  EXPECT_VALUE(Call("to_iso8601", {Ts("2024-06-15 10:00:00.5")}), Str("2024-06-15T10:00:00.500"));
  EXPECT_VALUE(Call("to_iso8601", {TsTz("2024-06-15 10:00:00 UTC")}),
               Str("2024-06-15T10:00:00.000Z"));
  EXPECT_VALUE(Call("to_iso8601", {TsTz("2024-01-15 10:00:00 America/New_York")}),
               Str("2024-01-15T10:00:00.000-05:00"));
  EXPECT_EQ(Text(Call("from_iso8601_timestamp", {Str("2020-05-11T11:15:05.055+01:00")})),
            "2020-05-11 11:15:05.055 +01:00");
  EXPECT_EQ(Text(Call("from_iso8601_timestamp", {Str("2020-05-11")})),
            "2020-05-11 00:00:00.000 UTC");
  EXPECT_EQ(Text(Call("from_iso8601_timestamp", {Str("2020-05-11T11:15Z")})),
            "2020-05-11 11:15:00.000 UTC");
  EXPECT_EQ(Text(Call("from_iso8601_timestamp_nanos", {Str("2020-05-11T11:15:05.123456789-0230")})),
            "2020-05-11 11:15:05.123456 -02:30");
  EXPECT_EQ(Text(Call("from_iso8601_date", {Str("2020-W10")})), "2020-03-02");
  EXPECT_EQ(Text(Call("from_iso8601_date", {Str("2020-123")})), "2020-05-02");
  EXPECT_EQ(Text(Call("from_iso8601_date", {Str("2020-05")})), "2020-05-01");
  EXPECT_EQ(CallError("from_iso8601_date", {Str("2020-05-11T10:00")}).code,
            ErrorCode::kInvalidDatetime);
  EXPECT_EQ(CallError("from_iso8601_timestamp", {Str("yesterday")}).code,
            ErrorCode::kInvalidDatetime);
}

}  // namespace
}  // namespace switchboard
