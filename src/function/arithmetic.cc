// Arithmetic operators (+ - * / % and unary minus) over integers, floating point, decimals (with
// Trino's result precision rules), and date/time/interval combinations.
#include <cmath>
#include <limits>

#include "function/calendar.h"
#include "function/function_registry.h"
#include "function/scalar_executor.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowDivisionByZero() { SB_THROW(kDivisionByZero, "Division by zero"); }

template <typename T>
[[noreturn]] void ThrowOverflow(const char* type, const char* op, T a, T b) {
  SB_THROW(kNumericOverflow, "{} {} overflow: {} {} {}", type,
           op[0] == '+' ? "addition" : op[0] == '-' ? "subtraction" : "multiplication",
           Decimal::Int128ToString(a), op, Decimal::Int128ToString(b));
}

template <typename T>
const char* NameOf() {
  if constexpr (std::is_same_v<T, int8_t>) return "tinyint";
  if constexpr (std::is_same_v<T, int16_t>) return "smallint";
  if constexpr (std::is_same_v<T, int32_t>) return "integer";
  return "bigint";
}

struct AddOp {
  static constexpr const char* kSymbol = "+";
  template <typename T>
  static T Integral(T a, T b) {
    T r;
    if (__builtin_add_overflow(a, b, &r)) ThrowOverflow(NameOf<T>(), kSymbol, a, b);
    return r;
  }
  template <typename T>
  static T Float(T a, T b) { return a + b; }
};

struct SubtractOp {
  static constexpr const char* kSymbol = "-";
  template <typename T>
  static T Integral(T a, T b) {
    T r;
    if (__builtin_sub_overflow(a, b, &r)) ThrowOverflow(NameOf<T>(), kSymbol, a, b);
    return r;
  }
  template <typename T>
  static T Float(T a, T b) { return a - b; }
};

struct MultiplyOp {
  static constexpr const char* kSymbol = "*";
  template <typename T>
  static T Integral(T a, T b) {
    T r;
    if (__builtin_mul_overflow(a, b, &r)) ThrowOverflow(NameOf<T>(), kSymbol, a, b);
    return r;
  }
  template <typename T>
  static T Float(T a, T b) { return a * b; }
};

struct DivideOp {
  template <typename T>
  static T Integral(T a, T b) {
    if (b == 0) ThrowDivisionByZero();
    if (b == -1) return MultiplyOp::Integral<T>(a, -1);  // MIN / -1 overflows
    return a / b;
  }
  template <typename T>
  static T Float(T a, T b) { return a / b; }
};

struct ModuloOp {
  template <typename T>
  static T Integral(T a, T b) {
    if (b == 0) ThrowDivisionByZero();
    if (b == -1) return 0;
    return a % b;
  }
  template <typename T>
  static T Float(T a, T b) { return std::fmod(a, b); }
};

template <typename Op, typename T>
void IntegralKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<T, T, T>(args.column(0), args.column(1), result, args.size(),
                         [](T a, T b) { return Op::template Integral<T>(a, b); });
}

template <typename Op, typename T>
void FloatKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<T, T, T>(args.column(0), args.column(1), result, args.size(),
                         [](T a, T b) { return Op::template Float<T>(a, b); });
}

template <typename T>
void NegateKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<T, T>(args.column(0), result, args.size(), [](T a) -> T {
    if constexpr (std::is_integral_v<T>) {
      if (a == std::numeric_limits<T>::min()) {
        SB_THROW(kNumericOverflow, "{} negation overflow: {}", NameOf<T>(), Decimal::Int128ToString(a));
      }
    }
    return -a;
  });
}

// ----- decimals ------------------------------------------------------------------------------

enum class DecimalOpKind { kAdd, kSubtract, kMultiply, kDivide, kModulo };

/// Scales of the inputs and result, fixed at bind time.
struct DecimalArithmeticData : FunctionData {
  int left_scale, right_scale, result_scale, result_precision;
};

[[noreturn]] void ThrowDecimalOverflow() { SB_THROW(kNumericOverflow, "Decimal overflow"); }

int128_t CheckedScale(int128_t value, int digits) {
  if (digits == 0) return value;
  int128_t result;
  if (__builtin_mul_overflow(value, Decimal::PowerOfTen(digits), &result)) ThrowDecimalOverflow();
  return result;
}

// (a * 10^shift) / b rounded half away from zero, exact for all 38-digit inputs.
int128_t ScaledDivide(int128_t a, int shift, int128_t b) {
  bool negative = (a < 0) != (b < 0);
  uint128_t ua = a < 0 ? -static_cast<uint128_t>(a) : static_cast<uint128_t>(a);
  uint128_t ub = b < 0 ? -static_cast<uint128_t>(b) : static_cast<uint128_t>(b);
  uint128_t factor = static_cast<uint128_t>(Decimal::PowerOfTen(shift));
  // 256-bit product ua * factor as (hi, lo) using 64-bit limbs.
  auto lo64 = [](uint128_t x) { return static_cast<uint64_t>(x); };
  auto hi64 = [](uint128_t x) { return static_cast<uint64_t>(x >> 64); };
  uint128_t p0 = static_cast<uint128_t>(lo64(ua)) * lo64(factor);
  uint128_t p1 = static_cast<uint128_t>(lo64(ua)) * hi64(factor);
  uint128_t p2 = static_cast<uint128_t>(hi64(ua)) * lo64(factor);
  uint128_t p3 = static_cast<uint128_t>(hi64(ua)) * hi64(factor);
  uint128_t middle = (p0 >> 64) + lo64(p1) + lo64(p2);
  uint128_t lo = (middle << 64) | lo64(p0);
  uint128_t hi = p3 + (p1 >> 64) + (p2 >> 64) + (middle >> 64);
  // Long division of (hi, lo) by ub, one bit at a time (hi < ub keeps the quotient in 128 bits).
  if (hi >= ub) ThrowDecimalOverflow();
  uint128_t remainder = hi;
  uint128_t quotient = 0;
  for (int bit = 127; bit >= 0; --bit) {
    bool carry = remainder >> 127;
    remainder = (remainder << 1) | ((lo >> bit) & 1);
    quotient <<= 1;
    if (carry || remainder >= ub) {
      remainder -= ub;
      quotient |= 1;
    }
  }
  if (remainder >= ub - remainder) ++quotient;  // remainder * 2 >= ub, without overflow
  if (quotient > static_cast<uint128_t>(Decimal::MaxUnscaled(38))) ThrowDecimalOverflow();
  return negative ? -static_cast<int128_t>(quotient) : static_cast<int128_t>(quotient);
}

template <DecimalOpKind kKind, typename A, typename B, typename R>
void DecimalKernelTyped(DataChunk& args, FunctionContext& context, Vector& result) {
  const auto& d = static_cast<const DecimalArithmeticData&>(*context.bind_data);
  int128_t max = Decimal::MaxUnscaled(d.result_precision);
  ExecuteBinary<A, B, R>(args.column(0), args.column(1), result, args.size(), [&](A a, B b) -> R {
    int128_t value;
    if constexpr (kKind == DecimalOpKind::kAdd || kKind == DecimalOpKind::kSubtract ||
                  kKind == DecimalOpKind::kModulo) {
      int128_t x = CheckedScale(a, d.result_scale - d.left_scale);
      int128_t y = CheckedScale(b, d.result_scale - d.right_scale);
      if constexpr (kKind == DecimalOpKind::kAdd) {
        if (__builtin_add_overflow(x, y, &value)) ThrowDecimalOverflow();
      } else if constexpr (kKind == DecimalOpKind::kSubtract) {
        if (__builtin_sub_overflow(x, y, &value)) ThrowDecimalOverflow();
      } else {
        if (y == 0) ThrowDivisionByZero();
        value = x % y;
      }
    } else if constexpr (kKind == DecimalOpKind::kMultiply) {
      if (__builtin_mul_overflow(static_cast<int128_t>(a), static_cast<int128_t>(b), &value)) {
        ThrowDecimalOverflow();
      }
    } else {
      if (b == 0) ThrowDivisionByZero();
      value = ScaledDivide(a, d.result_scale + d.right_scale - d.left_scale, b);
    }
    if (value > max || value < -max) ThrowDecimalOverflow();
    return static_cast<R>(value);
  });
}

template <DecimalOpKind kKind>
ScalarKernel PickDecimalKernel(PhysicalType a, PhysicalType b, PhysicalType r) {
  bool a64 = a == PhysicalType::kInt64, b64 = b == PhysicalType::kInt64, r64 = r == PhysicalType::kInt64;
  if (a64 && b64) return r64 ? DecimalKernelTyped<kKind, int64_t, int64_t, int64_t> : DecimalKernelTyped<kKind, int64_t, int64_t, int128_t>;
  if (a64) return r64 ? DecimalKernelTyped<kKind, int64_t, int128_t, int64_t> : DecimalKernelTyped<kKind, int64_t, int128_t, int128_t>;
  if (b64) return r64 ? DecimalKernelTyped<kKind, int128_t, int64_t, int64_t> : DecimalKernelTyped<kKind, int128_t, int64_t, int128_t>;
  return r64 ? DecimalKernelTyped<kKind, int128_t, int128_t, int64_t> : DecimalKernelTyped<kKind, int128_t, int128_t, int128_t>;
}

template <DecimalOpKind kKind>
std::unique_ptr<FunctionData> BindDecimal(ScalarFunction& function,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::optional<Value>>&) {
  int p1 = types[0].decimal_precision(), s1 = types[0].decimal_scale();
  int p2 = types[1].decimal_precision(), s2 = types[1].decimal_scale();
  int p, s;
  switch (kKind) {
    case DecimalOpKind::kAdd:
    case DecimalOpKind::kSubtract:
      s = std::max(s1, s2);
      p = std::min(38, 1 + s + std::max(p1 - s1, p2 - s2));
      break;
    case DecimalOpKind::kMultiply:
      s = s1 + s2;
      p = std::min(38, p1 + p2);
      if (s > 38) SB_THROW(kNumericOverflow, "Decimal scale {} of the product exceeds 38", s);
      break;
    case DecimalOpKind::kDivide:
      s = std::max(s1, s2);
      p = std::min(38, p1 - s1 + s2 + s);
      break;
    case DecimalOpKind::kModulo:
      s = std::max(s1, s2);
      p = std::min(38, std::min(p2 - s2, p1 - s1) + s);
      break;
  }
  p = std::max(p, std::max(s, 1));
  auto data = std::make_unique<DecimalArithmeticData>();
  data->left_scale = s1;
  data->right_scale = s2;
  data->result_scale = s;
  data->result_precision = p;
  function.return_type = LogicalType::Decimal(p, s);
  function.kernel = PickDecimalKernel<kKind>(types[0].physical_type(), types[1].physical_type(),
                                             function.return_type.physical_type());
  return data;
}

template <typename T>
void DecimalNegateKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<T, T>(args.column(0), result, args.size(), [](T a) { return -a; });
}

std::unique_ptr<FunctionData> BindDecimalNegate(ScalarFunction& function,
                                                const std::vector<LogicalType>& types,
                                                const std::vector<std::optional<Value>>&) {
  function.return_type = types[0];
  function.kernel = types[0].physical_type() == PhysicalType::kInt64 ? DecimalNegateKernel<int64_t>
                                                                     : DecimalNegateKernel<int128_t>;
  return nullptr;
}

// ----- date, time and intervals --------------------------------------------------------------

int64_t CheckedAddMicros(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) SB_THROW(kNumericOverflow, "Timestamp out of range");
  return r;
}

template <int kSign>
void DatePlusDayTime(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int32_t, int64_t, int32_t>(
      args.column(0), args.column(1), result, args.size(), [](int32_t d, int64_t us) {
        SB_USER_CHECK(us % kMicrosPerDay == 0, kInvalidParameter,
                      "Cannot add hour, minutes or seconds to a date");
        return Timestamp::ToDate(d * kMicrosPerDay + kSign * us);
      });
}
template <int kSign>
void DatePlusYearMonth(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int32_t, int32_t, int32_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int32_t d, int32_t m) { return AddMonthsToDate(d, kSign * m); });
}
template <int kSign>
void TimestampPlusDayTime(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int64_t, int64_t, int64_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int64_t t, int64_t us) { return CheckedAddMicros(t, kSign * us); });
}
template <int kSign>
void TimestampPlusYearMonth(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int64_t, int32_t, int64_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int64_t t, int32_t m) { return AddMonthsToTimestamp(t, kSign * m); });
}
template <int kSign>
void TimestampTzPlusDayTime(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<TimestampTz, int64_t, TimestampTz>(
      args.column(0), args.column(1), result, args.size(),
      [](TimestampTz t, int64_t us) { return TimestampTz{CheckedAddMicros(t.micros, kSign * us), t.zone}; });
}
template <int kSign>
void TimestampTzPlusYearMonth(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<TimestampTz, int32_t, TimestampTz>(
      args.column(0), args.column(1), result, args.size(), [](TimestampTz t, int32_t m) {
        int64_t local = AddMonthsToTimestamp(Timestamp::ToLocal(t), kSign * m);
        return Timestamp::FromLocal(local, t.zone);
      });
}
template <int kSign>
void TimePlusDayTime(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int64_t, int64_t, int64_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int64_t t, int64_t us) { return FloorMod(t + kSign * FloorMod(us, kMicrosPerDay), kMicrosPerDay); });
}
void TimestampMinusTimestamp(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int64_t, int64_t, int64_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int64_t a, int64_t b) { return SubtractOp::Integral<int64_t>(a, b); });
}
void TimestampTzMinusTimestampTz(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<TimestampTz, TimestampTz, int64_t>(args.column(0), args.column(1), result, args.size(),
                                                   [](TimestampTz a, TimestampTz b) { return SubtractOp::Integral<int64_t>(a.micros, b.micros); });
}
void DateMinusDate(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int32_t, int32_t, int64_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int32_t a, int32_t b) { return (static_cast<int64_t>(a) - b) * kMicrosPerDay; });
}
template <typename Op>
void IntervalDayTimeKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int64_t, int64_t, int64_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int64_t a, int64_t b) { return Op::template Integral<int64_t>(a, b); });
}
template <typename Op>
void IntervalYearMonthKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int32_t, int32_t, int32_t>(args.column(0), args.column(1), result, args.size(),
                                           [](int32_t a, int32_t b) { return Op::template Integral<int32_t>(a, b); });
}
template <typename I, bool kDivide, bool kIntervalFirst>
void IntervalScaleKernel(DataChunk& args, FunctionContext&, Vector& result) {
  const Vector& interval = args.column(kIntervalFirst ? 0 : 1);
  const Vector& factor = args.column(kIntervalFirst ? 1 : 0);
  ExecuteBinary<I, double, I>(interval, factor, result, args.size(), [](I v, double f) -> I {
    if (kDivide && f == 0) ThrowDivisionByZero();
    double scaled = kDivide ? static_cast<double>(v) / f : static_cast<double>(v) * f;
    if (!std::isfinite(scaled) || std::fabs(scaled) > static_cast<double>(std::numeric_limits<I>::max())) {
      SB_THROW(kNumericOverflow, "Interval out of range");
    }
    return static_cast<I>(std::llround(scaled));
  });
}

// Datetime results keep the precision of the datetime argument.
std::unique_ptr<FunctionData> BindTemporalResult(ScalarFunction& function,
                                                 const std::vector<LogicalType>& types,
                                                 const std::vector<std::optional<Value>>&) {
  for (const auto& type : types) {
    if (type.id() == function.return_type.id()) function.return_type = type;
  }
  return nullptr;
}

void AddBinary(FunctionRegistry& registry, const std::string& name, LogicalType a, LogicalType b,
               LogicalType r, ScalarKernel kernel) {
  ScalarFunction f;
  f.name = name;
  f.arguments = {std::move(a), std::move(b)};
  f.return_type = std::move(r);
  f.kernel = kernel;
  if (f.return_type.id() == TypeId::kTimestamp || f.return_type.id() == TypeId::kTimestampTz ||
      f.return_type.id() == TypeId::kTime) {
    f.bind = BindTemporalResult;
  }
  registry.AddScalar(std::move(f));
}

template <typename Op>
void AddNumericOperator(FunctionRegistry& registry, const std::string& name) {
  AddBinary(registry, name, TypeId::kTinyint, TypeId::kTinyint, TypeId::kTinyint, IntegralKernel<Op, int8_t>);
  AddBinary(registry, name, TypeId::kSmallint, TypeId::kSmallint, TypeId::kSmallint, IntegralKernel<Op, int16_t>);
  AddBinary(registry, name, TypeId::kInteger, TypeId::kInteger, TypeId::kInteger, IntegralKernel<Op, int32_t>);
  AddBinary(registry, name, TypeId::kBigint, TypeId::kBigint, TypeId::kBigint, IntegralKernel<Op, int64_t>);
  AddBinary(registry, name, TypeId::kReal, TypeId::kReal, TypeId::kReal, FloatKernel<Op, float>);
  AddBinary(registry, name, TypeId::kDouble, TypeId::kDouble, TypeId::kDouble, FloatKernel<Op, double>);
}

template <DecimalOpKind kKind>
void AddDecimalOperator(FunctionRegistry& registry, const std::string& name, const char* description,
                        const char* example) {
  ScalarFunction f;
  f.name = name;
  f.arguments = {LogicalType(TypeId::kDecimal), LogicalType(TypeId::kDecimal)};
  f.return_type = TypeId::kDecimal;
  f.bind = BindDecimal<kKind>;
  f.signature = name + "(decimal(p1,s1), decimal(p2,s2)) -> decimal(p,s)";
  f.description = description;
  f.example = example;
  registry.AddScalar(std::move(f));
}

}  // namespace

void RegisterArithmeticFunctions(FunctionRegistry& registry) {
  AddNumericOperator<AddOp>(registry, "+");
  AddNumericOperator<SubtractOp>(registry, "-");
  AddNumericOperator<MultiplyOp>(registry, "*");
  AddNumericOperator<DivideOp>(registry, "/");
  AddNumericOperator<ModuloOp>(registry, "%");
  AddDecimalOperator<DecimalOpKind::kAdd>(
      registry, "+",
      "Addition of numbers (integer overflow is an error; decimals widen by Trino's rules), and of intervals to "
      "dates, times and timestamps.",
      "DATE '2024-01-31' + INTERVAL '1' MONTH -> DATE '2024-02-29'");
  AddDecimalOperator<DecimalOpKind::kSubtract>(
      registry, "-",
      "Subtraction (and, with one argument, negation) of numbers and intervals; the interval between two dates or "
      "timestamps.",
      "TIMESTAMP '2024-01-02 00:00' - TIMESTAMP '2024-01-01 12:00' -> INTERVAL '0 12:00:00' DAY TO SECOND");
  AddDecimalOperator<DecimalOpKind::kMultiply>(registry, "*", "Multiplication of numbers, and of intervals by numbers.",
                                               "1.5 * 4 -> 6.0");
  AddDecimalOperator<DecimalOpKind::kDivide>(
      registry, "/", "Division: integer division truncates toward zero; division by zero is an error.", "7 / 2 -> 3");
  AddDecimalOperator<DecimalOpKind::kModulo>(registry, "%",
                                             "Remainder of the division, with the sign of the dividend (also mod(n, m)).",
                                             "-7 % 3 -> -1");

  // Unary minus is "-" with one argument.
  auto add_negate = [&](LogicalType type, ScalarKernel kernel) {
    ScalarFunction f;
    f.name = "-";
    f.arguments = {type};
    f.return_type = type;
    f.kernel = kernel;
    registry.AddScalar(std::move(f));
  };
  add_negate(TypeId::kTinyint, NegateKernel<int8_t>);
  add_negate(TypeId::kSmallint, NegateKernel<int16_t>);
  add_negate(TypeId::kInteger, NegateKernel<int32_t>);
  add_negate(TypeId::kBigint, NegateKernel<int64_t>);
  add_negate(TypeId::kReal, NegateKernel<float>);
  add_negate(TypeId::kDouble, NegateKernel<double>);
  add_negate(TypeId::kIntervalDayTime, NegateKernel<int64_t>);
  add_negate(TypeId::kIntervalYearMonth, NegateKernel<int32_t>);
  {
    ScalarFunction f;
    f.name = "-";
    f.arguments = {LogicalType(TypeId::kDecimal)};
    f.return_type = TypeId::kDecimal;
    f.bind = BindDecimalNegate;
    registry.AddScalar(std::move(f));
  }

  LogicalType ts = LogicalType::Timestamp(LogicalType::kMaxTimestampPrecision);
  LogicalType tstz = LogicalType::TimestampTz(LogicalType::kMaxTimestampPrecision);
  LogicalType time = LogicalType::Time(LogicalType::kMaxTimestampPrecision);
  TypeId dt = TypeId::kIntervalDayTime, ym = TypeId::kIntervalYearMonth;
  AddBinary(registry, "+", TypeId::kDate, dt, TypeId::kDate, DatePlusDayTime<1>);
  AddBinary(registry, "-", TypeId::kDate, dt, TypeId::kDate, DatePlusDayTime<-1>);
  AddBinary(registry, "+", TypeId::kDate, ym, TypeId::kDate, DatePlusYearMonth<1>);
  AddBinary(registry, "-", TypeId::kDate, ym, TypeId::kDate, DatePlusYearMonth<-1>);
  AddBinary(registry, "+", ts, dt, ts, TimestampPlusDayTime<1>);
  AddBinary(registry, "-", ts, dt, ts, TimestampPlusDayTime<-1>);
  AddBinary(registry, "+", ts, ym, ts, TimestampPlusYearMonth<1>);
  AddBinary(registry, "-", ts, ym, ts, TimestampPlusYearMonth<-1>);
  AddBinary(registry, "+", tstz, dt, tstz, TimestampTzPlusDayTime<1>);
  AddBinary(registry, "-", tstz, dt, tstz, TimestampTzPlusDayTime<-1>);
  AddBinary(registry, "+", tstz, ym, tstz, TimestampTzPlusYearMonth<1>);
  AddBinary(registry, "-", tstz, ym, tstz, TimestampTzPlusYearMonth<-1>);
  AddBinary(registry, "+", time, dt, time, TimePlusDayTime<1>);
  AddBinary(registry, "-", time, dt, time, TimePlusDayTime<-1>);
  // Interval + datetime (commuted forms).
  AddBinary(registry, "+", dt, TypeId::kDate, TypeId::kDate, [](DataChunk& args, FunctionContext& c, Vector& r) {
    std::swap(args.column(0), args.column(1));
    DatePlusDayTime<1>(args, c, r);
  });
  AddBinary(registry, "+", ym, TypeId::kDate, TypeId::kDate, [](DataChunk& args, FunctionContext& c, Vector& r) {
    std::swap(args.column(0), args.column(1));
    DatePlusYearMonth<1>(args, c, r);
  });
  AddBinary(registry, "+", dt, ts, ts, [](DataChunk& args, FunctionContext& c, Vector& r) {
    std::swap(args.column(0), args.column(1));
    TimestampPlusDayTime<1>(args, c, r);
  });
  AddBinary(registry, "+", ym, ts, ts, [](DataChunk& args, FunctionContext& c, Vector& r) {
    std::swap(args.column(0), args.column(1));
    TimestampPlusYearMonth<1>(args, c, r);
  });
  AddBinary(registry, "+", dt, tstz, tstz, [](DataChunk& args, FunctionContext& c, Vector& r) {
    std::swap(args.column(0), args.column(1));
    TimestampTzPlusDayTime<1>(args, c, r);
  });
  AddBinary(registry, "+", ym, tstz, tstz, [](DataChunk& args, FunctionContext& c, Vector& r) {
    std::swap(args.column(0), args.column(1));
    TimestampTzPlusYearMonth<1>(args, c, r);
  });
  AddBinary(registry, "-", ts, ts, dt, TimestampMinusTimestamp);
  AddBinary(registry, "-", tstz, tstz, dt, TimestampTzMinusTimestampTz);
  AddBinary(registry, "-", TypeId::kDate, TypeId::kDate, dt, DateMinusDate);
  AddBinary(registry, "+", dt, dt, dt, IntervalDayTimeKernel<AddOp>);
  AddBinary(registry, "-", dt, dt, dt, IntervalDayTimeKernel<SubtractOp>);
  AddBinary(registry, "+", ym, ym, ym, IntervalYearMonthKernel<AddOp>);
  AddBinary(registry, "-", ym, ym, ym, IntervalYearMonthKernel<SubtractOp>);
  AddBinary(registry, "*", dt, TypeId::kDouble, dt, IntervalScaleKernel<int64_t, false, true>);
  AddBinary(registry, "*", TypeId::kDouble, dt, dt, IntervalScaleKernel<int64_t, false, false>);
  AddBinary(registry, "/", dt, TypeId::kDouble, dt, IntervalScaleKernel<int64_t, true, true>);
  AddBinary(registry, "*", ym, TypeId::kDouble, ym, IntervalScaleKernel<int32_t, false, true>);
  AddBinary(registry, "*", TypeId::kDouble, ym, ym, IntervalScaleKernel<int32_t, false, false>);
  AddBinary(registry, "/", ym, TypeId::kDouble, ym, IntervalScaleKernel<int32_t, true, true>);
}

}  // namespace switchboard
