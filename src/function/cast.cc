// CAST implementation: numeric conversions with Trino's rounding and range checks, text parsing
// and formatting, temporal conversions with time zones, and element-wise nested casts.
#include "function/cast.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <mutex>

#include "common/string_util.h"
#include "common/time_zone.h"
#include "function/query_context.h"
#include "function/scalar_executor.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

std::vector<CastProvider>& Providers() {
  static std::vector<CastProvider> providers;
  return providers;
}

std::string TypeLabel(const LogicalType& type) { return type.ToString(); }

[[noreturn]] void ThrowInvalidText(std::string_view text, const LogicalType& to) {
  SB_THROW(kInvalidCast, "Cannot cast '{}' to {}", text, TypeLabel(to));
}

// A failed conversion: NULL under TRY_CAST, otherwise `thrower()`.
template <typename Thrower>
void Fail(const CastOptions& options, ValidityMask& mask, idx_t row, Thrower&& thrower) {
  if (options.try_cast) {
    mask.SetInvalid(row);
    return;
  }
  thrower();
}

// ----- numeric -> numeric -------------------------------------------------------------------

// Value of any numeric physical type as an exact int128 (integers and decimal unscaled values).
template <typename T>
int128_t AsInt128(T value) {
  return static_cast<int128_t>(value);
}

template <typename R>
bool FitsIntegral(int128_t value) {
  return value >= static_cast<int128_t>(std::numeric_limits<R>::min()) &&
         value <= static_cast<int128_t>(std::numeric_limits<R>::max());
}

// Rounds a floating value half away from zero into an integral type; false on NaN/overflow.
template <typename R, typename F>
bool RoundFloatToIntegral(F value, R& out) {
  if (std::isnan(value)) return false;
  long double rounded = std::round(static_cast<long double>(value));
  if (rounded < static_cast<long double>(std::numeric_limits<R>::min()) ||
      rounded > static_cast<long double>(std::numeric_limits<R>::max())) {
    return false;
  }
  out = static_cast<R>(rounded);
  return true;
}

// double -> unscaled decimal via the shortest decimal text, so 0.1 becomes exactly 0.1.
std::optional<int128_t> DoubleToDecimal(double value, int precision, int scale) {
  if (!std::isfinite(value)) return std::nullopt;
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return Decimal::Parse(std::string_view(buffer, static_cast<size_t>(result.ptr - buffer)), precision, scale);
}

long double DecimalToLongDouble(int128_t unscaled, int scale) {
  return static_cast<long double>(unscaled) / static_cast<long double>(Decimal::PowerOfTen(scale));
}

template <typename S>
void CastNumericSource(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  const LogicalType& from = source.type();
  const LogicalType& to = result.type();
  int from_scale = from.id() == TypeId::kDecimal ? from.decimal_scale() : 0;
  bool from_float = from.id() == TypeId::kReal || from.id() == TypeId::kDouble;
  auto overflow = [&](S value) {
    std::string text = from.id() == TypeId::kDecimal ? Decimal::Format(AsInt128(value), from_scale)
                       : from_float ? FormatDouble(static_cast<double>(value))
                                    : Decimal::Int128ToString(AsInt128(value));
    if (from_float && std::isnan(static_cast<double>(value))) {
      SB_THROW(kInvalidCast, "Cannot cast {} NaN to {}", from.ToString(), to.ToString());
    }
    SB_THROW(kNumericOverflow, "Out of range for {}: {}", to.ToString(), text);
  };

  auto to_integral = [&](auto tag) {
    using R = decltype(tag);
    ExecuteUnaryWithNulls<S, R>(source, result, count, [&](S value, ValidityMask& mask, idx_t row) -> R {
      R out{};
      bool ok;
      if constexpr (std::is_floating_point_v<S>) {
        ok = RoundFloatToIntegral<R>(value, out);
      } else {
        int128_t v = AsInt128(value);
        if (from_scale > 0) v = Decimal::RoundDivide(v, from_scale);
        ok = FitsIntegral<R>(v);
        if (ok) out = static_cast<R>(v);
      }
      if (!ok) Fail(options, mask, row, [&] { overflow(value); });
      return out;
    });
  };

  switch (to.id()) {
    case TypeId::kBoolean:
      ExecuteUnary<S, bool>(source, result, count, [](S value) { return value != S{}; });
      return;
    case TypeId::kTinyint: to_integral(int8_t{}); return;
    case TypeId::kSmallint: to_integral(int16_t{}); return;
    case TypeId::kInteger: to_integral(int32_t{}); return;
    case TypeId::kBigint: to_integral(int64_t{}); return;
    case TypeId::kReal:
    case TypeId::kDouble: {
      auto to_float = [&](auto tag) {
        using R = decltype(tag);
        ExecuteUnary<S, R>(source, result, count, [&](S value) -> R {
          if constexpr (std::is_floating_point_v<S>) {
            return static_cast<R>(value);
          } else {
            if (from_scale > 0) {
              // Exact for up to 15 significant digits; beyond, the nearest representable value.
              return static_cast<R>(DecimalToLongDouble(AsInt128(value), from_scale));
            }
            return static_cast<R>(AsInt128(value));
          }
        });
      };
      if (to.id() == TypeId::kReal) to_float(float{});
      else to_float(double{});
      return;
    }
    case TypeId::kDecimal: {
      int p = to.decimal_precision(), s = to.decimal_scale();
      auto to_decimal = [&](auto tag) {
        using R = decltype(tag);
        ExecuteUnaryWithNulls<S, R>(source, result, count, [&](S value, ValidityMask& mask, idx_t row) -> R {
          std::optional<int128_t> out;
          if constexpr (std::is_floating_point_v<S>) {
            out = DoubleToDecimal(static_cast<double>(value), p, s);
          } else {
            int128_t v = AsInt128(value);
            if (s >= from_scale) {
              int shift = s - from_scale;
              int128_t factor = Decimal::PowerOfTen(shift);
              int128_t limit = Decimal::MaxUnscaled(p) / factor;
              if (v <= limit && v >= -limit) out = v * factor;
            } else {
              v = Decimal::RoundDivide(v, from_scale - s);
              if (Decimal::Fits(v, p)) out = v;
            }
            if (out && !Decimal::Fits(*out, p)) out.reset();
          }
          if (!out) {
            Fail(options, mask, row, [&] {
              std::string text = std::is_floating_point_v<S> ? FormatDouble(static_cast<double>(value))
                                 : Decimal::Format(AsInt128(value), from_scale);
              SB_THROW(kNumericOverflow, "Cannot cast {} '{}' to {}", from.ToString(), text, to.ToString());
            });
            return R{};
          }
          return static_cast<R>(*out);
        });
      };
      if (to.physical_type() == PhysicalType::kInt64) to_decimal(int64_t{});
      else to_decimal(int128_t{});
      return;
    }
    default:
      SB_THROW(kTypeMismatch, "Cannot cast {} to {}", from.ToString(), to.ToString());
  }
}

void CastNumeric(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  switch (source.type().physical_type()) {
    case PhysicalType::kBool: CastNumericSource<bool>(source, result, count, options); return;
    case PhysicalType::kInt8: CastNumericSource<int8_t>(source, result, count, options); return;
    case PhysicalType::kInt16: CastNumericSource<int16_t>(source, result, count, options); return;
    case PhysicalType::kInt32: CastNumericSource<int32_t>(source, result, count, options); return;
    case PhysicalType::kInt64: CastNumericSource<int64_t>(source, result, count, options); return;
    case PhysicalType::kInt128: CastNumericSource<int128_t>(source, result, count, options); return;
    case PhysicalType::kFloat: CastNumericSource<float>(source, result, count, options); return;
    case PhysicalType::kDouble: CastNumericSource<double>(source, result, count, options); return;
    default: SB_CHECK(false, "not numeric: {}", source.type().ToString());
  }
}

// ----- anything -> varchar -------------------------------------------------------------------

std::string FormatText(const LogicalType& type, const void* data) {
  return Value::FromPhysical(type, data).ToString();
}

template <typename T>
void FormatFixed(const Vector& source, Vector& result, idx_t count) {
  const LogicalType& type = source.type();
  ExecuteUnary<T, StringView>(source, result, count, [&](const T& value) {
    if constexpr (std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t> ||
                  std::is_same_v<T, int16_t> || std::is_same_v<T, int8_t>) {
      if (type.IsIntegral()) {
        char buffer[24];
        auto end = std::to_chars(buffer, buffer + sizeof(buffer), value).ptr;
        return result.AddString(std::string_view(buffer, static_cast<size_t>(end - buffer)));
      }
    }
    return result.AddString(FormatText(type, &value));
  });
}

// ----- varchar -> anything -------------------------------------------------------------------

template <typename R>
bool ParseIntegral(std::string_view text, R& out) {
  text = TrimWhitespace(text);
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size() && !text.empty();
}

bool ParseDouble(std::string_view text, double& out) {
  text = TrimWhitespace(text);
  if (EqualsIgnoreCase(text, "nan")) {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  bool negative = !text.empty() && text[0] == '-';
  std::string_view unsigned_text = (negative || (!text.empty() && text[0] == '+')) ? text.substr(1) : text;
  if (EqualsIgnoreCase(unsigned_text, "infinity") || EqualsIgnoreCase(unsigned_text, "inf")) {
    out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size() && !text.empty();
}

std::optional<uint128_t> ParseUuid(std::string_view text) {
  text = TrimWhitespace(text);
  uint128_t value = 0;
  int digits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '-') {
      if (i != 8 && i != 13 && i != 18 && i != 23) return std::nullopt;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    value = (value << 4) | static_cast<unsigned>(d);
    ++digits;
  }
  if (digits != 32 || (text.size() != 36 && text.size() != 32)) return std::nullopt;
  return value;
}

void CastFromVarchar(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  const LogicalType& to = result.type();
  auto fail = [&](ValidityMask& mask, idx_t row, const StringView& text) {
    Fail(options, mask, row, [&] { ThrowInvalidText(text.view(), to); });
  };
  auto parse_integral = [&](auto tag) {
    using R = decltype(tag);
    ExecuteUnaryWithNulls<StringView, R>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) -> R {
      R out{};
      if (!ParseIntegral(text.view(), out)) {
        // Out-of-range integers get Trino's overflow message rather than a format error.
        int128_t wide;
        auto parsed = Decimal::ParseInt128(TrimWhitespace(text.view()));
        if (parsed) {
          wide = *parsed;
          Fail(options, mask, row, [&] {
            SB_THROW(kNumericOverflow, "Out of range for {}: {}", to.ToString(), Decimal::Int128ToString(wide));
          });
        } else {
          fail(mask, row, text);
        }
      }
      return out;
    });
  };
  switch (to.id()) {
    case TypeId::kBoolean:
      ExecuteUnaryWithNulls<StringView, bool>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) {
        std::string_view t = TrimWhitespace(text.view());
        if (EqualsIgnoreCase(t, "true") || EqualsIgnoreCase(t, "t") || t == "1") return true;
        if (EqualsIgnoreCase(t, "false") || EqualsIgnoreCase(t, "f") || t == "0") return false;
        fail(mask, row, text);
        return false;
      });
      return;
    case TypeId::kTinyint: parse_integral(int8_t{}); return;
    case TypeId::kSmallint: parse_integral(int16_t{}); return;
    case TypeId::kInteger: parse_integral(int32_t{}); return;
    case TypeId::kBigint: parse_integral(int64_t{}); return;
    case TypeId::kReal:
    case TypeId::kDouble: {
      bool real = to.id() == TypeId::kReal;
      auto parse = [&](auto tag) {
        using R = decltype(tag);
        ExecuteUnaryWithNulls<StringView, R>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) -> R {
          double out = 0;
          if (!ParseDouble(text.view(), out)) fail(mask, row, text);
          return static_cast<R>(out);
        });
      };
      if (real) parse(float{});
      else parse(double{});
      return;
    }
    case TypeId::kDecimal: {
      int p = to.decimal_precision(), s = to.decimal_scale();
      auto parse = [&](auto tag) {
        using R = decltype(tag);
        ExecuteUnaryWithNulls<StringView, R>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) -> R {
          auto parsed = Decimal::Parse(text.view(), p, s);
          if (!parsed) {
            fail(mask, row, text);
            return R{};
          }
          return static_cast<R>(*parsed);
        });
      };
      if (to.physical_type() == PhysicalType::kInt64) parse(int64_t{});
      else parse(int128_t{});
      return;
    }
    case TypeId::kVarchar:
    case TypeId::kChar: {
      uint32_t length = to.length();
      bool pad = to.id() == TypeId::kChar;
      ExecuteUnary<StringView, StringView>(source, result, count, [&](StringView text) {
        std::string_view v = text.view();
        if (length != LogicalType::kUnboundedLength) {
          // Truncate to `length` code points.
          size_t bytes = 0, points = 0;
          while (bytes < v.size() && points < length) {
            unsigned char c = static_cast<unsigned char>(v[bytes]);
            bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            ++points;
          }
          v = v.substr(0, std::min(bytes, v.size()));
          if (pad && points < length) {
            std::string padded(v);
            padded.append(length - points, ' ');
            return result.AddString(padded);
          }
        }
        return result.AddString(v);
      });
      return;
    }
    case TypeId::kVarbinary:
      ExecuteUnary<StringView, StringView>(source, result, count,
                                           [&](StringView text) { return result.AddString(text.view()); });
      return;
    case TypeId::kDate:
      ExecuteUnaryWithNulls<StringView, int32_t>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) {
        auto parsed = Date::Parse(text.view());
        if (!parsed) {
          // A full timestamp text also casts to its date, as Trino allows.
          auto ts = Timestamp::Parse(text.view());
          if (ts && !ts->zone) return Timestamp::ToDate(ts->micros);
          fail(mask, row, text);
          return 0;
        }
        return *parsed;
      });
      return;
    case TypeId::kTime: {
      int precision = to.precision();
      ExecuteUnaryWithNulls<StringView, int64_t>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) -> int64_t {
        auto parsed = Time::Parse(text.view());
        if (!parsed) {
          fail(mask, row, text);
          return 0;
        }
        int64_t unit = Decimal::PowerOfTen(6 - precision);
        return static_cast<int64_t>(Decimal::RoundDivide(*parsed, 6 - precision) * unit) % kMicrosPerDay;
      });
      return;
    }
    case TypeId::kTimestamp: {
      int precision = to.precision();
      ExecuteUnaryWithNulls<StringView, int64_t>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) -> int64_t {
        auto parsed = Timestamp::Parse(text.view());
        if (!parsed || parsed->zone) {
          fail(mask, row, text);
          return 0;
        }
        return static_cast<int64_t>(Decimal::RoundDivide(parsed->micros, 6 - precision) *
                                    Decimal::PowerOfTen(6 - precision));
      });
      return;
    }
    case TypeId::kTimestampTz: {
      int precision = to.precision();
      int16_t session_zone = options.query ? options.query->time_zone : TimeZone::kUtc;
      ExecuteUnaryWithNulls<StringView, TimestampTz>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) {
        auto parsed = Timestamp::Parse(text.view());
        if (!parsed) {
          fail(mask, row, text);
          return TimestampTz{0, 0};
        }
        int64_t local = static_cast<int64_t>(Decimal::RoundDivide(parsed->micros, 6 - precision) *
                                             Decimal::PowerOfTen(6 - precision));
        return Timestamp::FromLocal(local, parsed->zone.value_or(session_zone));
      });
      return;
    }
    case TypeId::kUuid:
      ExecuteUnaryWithNulls<StringView, uint128_t>(source, result, count, [&](StringView text, ValidityMask& mask, idx_t row) -> uint128_t {
        auto parsed = ParseUuid(text.view());
        if (!parsed) {
          fail(mask, row, text);
          return 0;
        }
        return *parsed;
      });
      return;
    default:
      SB_THROW(kTypeMismatch, "Cannot cast {} to {}", source.type().ToString(), to.ToString());
  }
}

// ----- temporal -> temporal ------------------------------------------------------------------

int64_t RoundMicros(int64_t micros, int precision) {
  if (precision >= 6) return micros;
  int digits = 6 - precision;
  return static_cast<int64_t>(Decimal::RoundDivide(micros, digits) * Decimal::PowerOfTen(digits));
}

void CastTemporal(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  const LogicalType& from = source.type();
  const LogicalType& to = result.type();
  int16_t session_zone = options.query ? options.query->time_zone : TimeZone::kUtc;
  int64_t today_micros = options.query ? Timestamp::ToDate(Timestamp::ToLocal(
                                             TimestampTz{options.query->start_micros, session_zone})) *
                                             kMicrosPerDay
                                       : 0;
  TypeId f = from.id(), t = to.id();
  if (f == TypeId::kDate && t == TypeId::kTimestamp) {
    ExecuteUnary<int32_t, int64_t>(source, result, count, [](int32_t d) { return d * kMicrosPerDay; });
  } else if (f == TypeId::kDate && t == TypeId::kTimestampTz) {
    ExecuteUnary<int32_t, TimestampTz>(source, result, count, [&](int32_t d) {
      return Timestamp::FromLocal(d * kMicrosPerDay, session_zone);
    });
  } else if (f == TypeId::kTimestamp && t == TypeId::kDate) {
    ExecuteUnary<int64_t, int32_t>(source, result, count, [](int64_t us) { return Timestamp::ToDate(us); });
  } else if (f == TypeId::kTimestamp && t == TypeId::kTimestamp) {
    int p = to.precision();
    ExecuteUnary<int64_t, int64_t>(source, result, count, [p](int64_t us) { return RoundMicros(us, p); });
  } else if (f == TypeId::kTimestamp && t == TypeId::kTimestampTz) {
    int p = to.precision();
    ExecuteUnary<int64_t, TimestampTz>(source, result, count, [&](int64_t us) {
      return Timestamp::FromLocal(RoundMicros(us, p), session_zone);
    });
  } else if (f == TypeId::kTimestamp && t == TypeId::kTime) {
    int p = to.precision();
    ExecuteUnary<int64_t, int64_t>(source, result, count, [p](int64_t us) {
      return FloorMod(RoundMicros(us, p), kMicrosPerDay);
    });
  } else if (f == TypeId::kTimestampTz && t == TypeId::kTimestampTz) {
    int p = to.precision();
    ExecuteUnary<TimestampTz, TimestampTz>(source, result, count, [p](TimestampTz v) {
      return TimestampTz{RoundMicros(v.micros, p), v.zone};
    });
  } else if (f == TypeId::kTimestampTz && t == TypeId::kTimestamp) {
    int p = to.precision();
    ExecuteUnary<TimestampTz, int64_t>(source, result, count, [p](TimestampTz v) {
      return RoundMicros(Timestamp::ToLocal(v), p);
    });
  } else if (f == TypeId::kTimestampTz && t == TypeId::kDate) {
    ExecuteUnary<TimestampTz, int32_t>(source, result, count, [](TimestampTz v) {
      return Timestamp::ToDate(Timestamp::ToLocal(v));
    });
  } else if (f == TypeId::kTimestampTz && t == TypeId::kTime) {
    int p = to.precision();
    ExecuteUnary<TimestampTz, int64_t>(source, result, count, [p](TimestampTz v) {
      return FloorMod(RoundMicros(Timestamp::ToLocal(v), p), kMicrosPerDay);
    });
  } else if (f == TypeId::kTime && t == TypeId::kTime) {
    int p = to.precision();
    ExecuteUnary<int64_t, int64_t>(source, result, count, [p](int64_t us) {
      return FloorMod(RoundMicros(us, p), kMicrosPerDay);
    });
  } else if (f == TypeId::kTime && t == TypeId::kTimestamp) {
    ExecuteUnary<int64_t, int64_t>(source, result, count, [&](int64_t us) { return today_micros + us; });
  } else if (f == TypeId::kTime && t == TypeId::kTimestampTz) {
    ExecuteUnary<int64_t, TimestampTz>(source, result, count, [&](int64_t us) {
      return Timestamp::FromLocal(today_micros + us, session_zone);
    });
  } else {
    SB_THROW(kTypeMismatch, "Cannot cast {} to {}", from.ToString(), to.ToString());
  }
}

// ----- nested --------------------------------------------------------------------------------

void CastList(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  Vector flat = source;
  flat.Flatten(count);
  const Vector& child = flat.list_child();
  idx_t child_count = flat.list_size();
  LogicalType target_child_type =
      result.type().id() == TypeId::kMap ? result.type().MapEntryType() : result.type().element_type();
  result.ReserveListChild(child_count);
  Vector& target_child = result.list_child();
  if (child_count > 0) {
    Vector cast_child(target_child_type, child_count);
    CastVector(child, cast_child, child_count, options);
    target_child.CopyRows(cast_child, SelectionVector(), child_count, 0);
  }
  result.set_list_size(child_count);
  std::memcpy(result.raw_data(), flat.raw_data(), count * sizeof(ListEntry));
  CopyValidity(flat.validity(), result.validity(), count);
}

void CastRow(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  Vector flat = source;
  flat.Flatten(count);
  const auto& from_fields = flat.struct_children();
  auto& to_fields = result.struct_children();
  if (from_fields.size() != to_fields.size()) {
    SB_THROW(kTypeMismatch, "Cannot cast {} to {}", source.type().ToString(), result.type().ToString());
  }
  for (size_t f = 0; f < from_fields.size(); ++f) {
    Vector cast_field(to_fields[f].type(), std::max<idx_t>(count, kVectorSize));
    CastVector(from_fields[f], cast_field, count, options);
    to_fields[f].CopyRows(cast_field, SelectionVector(), count, 0);
  }
  CopyValidity(flat.validity(), result.validity(), count);
}

bool IsNumericOrBoolean(const LogicalType& type) {
  return type.IsNumeric() || type.id() == TypeId::kBoolean;
}

}  // namespace

void RegisterCastProvider(CastProvider provider) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  Providers().push_back(provider);
}

bool CanCast(const LogicalType& from, const LogicalType& to) {
  if (from == to || from.id() == TypeId::kUnknown) return true;
  for (CastProvider provider : Providers()) {
    if (provider(from, to)) return true;
  }
  TypeId f = from.id(), t = to.id();
  if (IsNumericOrBoolean(from) && IsNumericOrBoolean(to)) return true;
  if (t == TypeId::kVarchar || t == TypeId::kChar) {
    return !from.IsNested() && f != TypeId::kVarbinary && f != TypeId::kJson;
  }
  if (from.IsString()) {
    return !to.IsNested() && t != TypeId::kIntervalDayTime && t != TypeId::kIntervalYearMonth &&
           t != TypeId::kJson;
  }
  if (from.IsTemporal() && to.IsTemporal()) {
    return !(f == TypeId::kDate && t == TypeId::kTime) && !(f == TypeId::kTime && t == TypeId::kDate);
  }
  if (f == TypeId::kUuid && t == TypeId::kVarbinary) return true;
  if (f == TypeId::kArray && t == TypeId::kArray) return CanCast(from.element_type(), to.element_type());
  if (f == TypeId::kMap && t == TypeId::kMap) {
    return CanCast(from.key_type(), to.key_type()) && CanCast(from.value_type(), to.value_type());
  }
  if (f == TypeId::kRow && t == TypeId::kRow && from.fields().size() == to.fields().size()) {
    for (size_t i = 0; i < from.fields().size(); ++i) {
      if (!CanCast(from.fields()[i].second, to.fields()[i].second)) return false;
    }
    return true;
  }
  return false;
}

void FormatVector(const Vector& source, Vector& result, idx_t count) {
  const LogicalType& type = source.type();
  switch (type.physical_type()) {
    case PhysicalType::kString:
      ExecuteUnary<StringView, StringView>(source, result, count, [&](StringView s) {
        if (type.id() == TypeId::kVarbinary) return result.AddString(Value::Varbinary(s.str()).ToString());
        return result.AddString(s.view());
      });
      return;
    case PhysicalType::kList:
    case PhysicalType::kStruct: {
      for (idx_t i = 0; i < count; ++i) {
        Value v = source.GetValue(i);
        if (v.is_null()) result.SetNull(i);
        else result.data<StringView>()[i] = result.AddString(v.ToString());
      }
      return;
    }
    default:
      DispatchPhysical(type.physical_type(), [&](auto tag) {
        FormatFixed<decltype(tag)>(source, result, count);
      });
      return;
  }
}

void CastVector(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  const LogicalType& from = source.type();
  const LogicalType& to = result.type();
  if (from.id() == TypeId::kUnknown) {
    result.SetKindConstant();
    result.SetNull(0);
    return;
  }
  for (CastProvider provider : Providers()) {
    if (CastKernel kernel = provider(from, to)) {
      kernel(source, result, count, options);
      return;
    }
  }
  if (!CanCast(from, to)) {
    SB_THROW(kTypeMismatch, "Cannot cast {} to {}", from.ToString(), to.ToString());
  }
  TypeId f = from.id(), t = to.id();
  if (from.IsString()) {
    CastFromVarchar(source, result, count, options);
    return;
  }
  if (t == TypeId::kVarchar && to.length() == LogicalType::kUnboundedLength) {
    FormatVector(source, result, count);
    return;
  }
  if (to.IsString()) {  // bounded varchar or char: format, then truncate or pad
    Vector text(LogicalType::Varchar(), std::max<idx_t>(count, kVectorSize));
    FormatVector(source, text, count);
    CastFromVarchar(text, result, count, options);
    return;
  }
  if (IsNumericOrBoolean(from) && IsNumericOrBoolean(to)) {
    if (f == TypeId::kBoolean && to.IsNumeric()) {
      // true -> 1: go through integer.
      Vector as_int(TypeId::kInteger, std::max<idx_t>(count, kVectorSize));
      ExecuteUnary<bool, int32_t>(source, as_int, count, [](bool b) { return b ? 1 : 0; });
      CastNumeric(as_int, result, count, options);
      return;
    }
    CastNumeric(source, result, count, options);
    return;
  }
  if (from.IsTemporal() && to.IsTemporal()) {
    CastTemporal(source, result, count, options);
    return;
  }
  if (f == TypeId::kUuid && t == TypeId::kVarbinary) {
    ExecuteUnary<uint128_t, StringView>(source, result, count, [&](uint128_t v) {
      char bytes[16];
      for (int i = 0; i < 16; ++i) bytes[i] = static_cast<char>(static_cast<uint8_t>(v >> (8 * (15 - i))));
      return result.AddString(std::string_view(bytes, 16));
    });
    return;
  }
  if ((f == TypeId::kArray && t == TypeId::kArray) || (f == TypeId::kMap && t == TypeId::kMap)) {
    CastList(source, result, count, options);
    return;
  }
  if (f == TypeId::kRow && t == TypeId::kRow) {
    CastRow(source, result, count, options);
    return;
  }
  SB_THROW(kTypeMismatch, "Cannot cast {} to {}", from.ToString(), to.ToString());
}

Value CastValue(const Value& value, const LogicalType& to, const CastOptions& options) {
  if (value.type() == to) return value;
  if (value.is_null()) {
    if (!CanCast(value.type(), to)) {
      SB_THROW(kTypeMismatch, "Cannot cast {} to {}", value.type().ToString(), to.ToString());
    }
    return Value::Null(to);
  }
  Vector source = Vector::Constant(value);
  Vector result(to, kVectorSize);
  CastVector(source, result, 1, options);
  return result.GetValue(0);
}

}  // namespace switchboard
