// Mathematical functions: rounding, powers and logarithms, trigonometry, random numbers,
// histogram buckets, bitwise operations, floating point checks and base conversion.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <random>

#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"
#include "function/scalar_executor.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

template <typename T>
constexpr const char* IntegralName() {
  if constexpr (std::is_same_v<T, int8_t>) return "tinyint";
  if constexpr (std::is_same_v<T, int16_t>) return "smallint";
  if constexpr (std::is_same_v<T, int32_t>) return "integer";
  return "bigint";
}

template <typename T>
TypeId IntegralTypeId() {
  if constexpr (std::is_same_v<T, int8_t>) return TypeId::kTinyint;
  if constexpr (std::is_same_v<T, int16_t>) return TypeId::kSmallint;
  if constexpr (std::is_same_v<T, int32_t>) return TypeId::kInteger;
  return TypeId::kBigint;
}

/// Calls fn(T{}) for each integral C++ type.
template <typename Fn>
void ForEachIntegral(Fn&& fn) {
  fn(int8_t{});
  fn(int16_t{});
  fn(int32_t{});
  fn(int64_t{});
}

template <typename T>
TypeId FloatTypeId() {
  return std::is_same_v<T, float> ? TypeId::kReal : TypeId::kDouble;
}

// ----- generic kernels -----------------------------------------------------------------------

template <typename A, typename R, R (*kOp)(A)>
void UnaryKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<A, R>(args.column(0), result, args.size(), kOp);
}

template <typename A, typename B, typename R, R (*kOp)(A, B)>
void BinaryKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<A, B, R>(args.column(0), args.column(1), result, args.size(), kOp);
}

template <typename T>
T Identity(T value) {
  return value;
}

// ----- abs and sign --------------------------------------------------------------------------

template <typename T>
T Abs(T value) {
  if constexpr (std::is_integral_v<T>) {
    if (value == std::numeric_limits<T>::min()) {
      SB_THROW(kNumericOverflow, "Value {} is out of range for abs({})",
               static_cast<int64_t>(value), IntegralName<T>());
    }
    return value < 0 ? static_cast<T>(-value) : value;
  } else {
    return std::fabs(value);
  }
}

template <typename T>
T Sign(T value) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(value) || value == 0) return value;  // NaN, 0 and -0 are their own sign
  }
  return static_cast<T>(value > 0 ? 1 : (value < 0 ? -1 : 0));
}

// ----- decimals ------------------------------------------------------------------------------

/// Scales of a decimal rounding call, fixed at bind time.
struct DecimalRoundData : FunctionData {
  int input_scale;
  int result_precision;
  int result_scale;
};

int128_t FloorDivPow10(int128_t value, int digits) {
  if (digits == 0) return value;
  int128_t divisor = Decimal::PowerOfTen(digits);
  int128_t q = value / divisor;
  return (value % divisor < 0) ? q - 1 : q;
}

int128_t CeilDivPow10(int128_t value, int digits) {
  if (digits == 0) return value;
  int128_t divisor = Decimal::PowerOfTen(digits);
  int128_t q = value / divisor;
  return (value % divisor > 0) ? q + 1 : q;
}

enum class Rounding { kFloor, kCeil, kRound, kTruncate };

template <Rounding kMode>
int128_t RescaleDown(int128_t value, int digits) {
  if (digits > 38) return 0;
  if constexpr (kMode == Rounding::kFloor) return FloorDivPow10(value, digits);
  if constexpr (kMode == Rounding::kCeil) return CeilDivPow10(value, digits);
  if constexpr (kMode == Rounding::kRound) return Decimal::RoundDivide(value, digits);
  return digits == 0 ? value : value / Decimal::PowerOfTen(digits);
}

[[noreturn]] void ThrowDecimalRoundOverflow() { SB_THROW(kNumericOverflow, "Decimal overflow"); }

// floor/ceil/round/truncate(decimal(p,s)) -> decimal(p', 0).
template <Rounding kMode, typename A, typename R>
void DecimalToIntegerKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  const auto& d = static_cast<const DecimalRoundData&>(*context.bind_data);
  int digits = d.input_scale;
  ExecuteUnary<A, R>(args.column(0), result, args.size(), [digits](A value) {
    return static_cast<R>(RescaleDown<kMode>(value, digits));
  });
}

// round/truncate(decimal(p,s), d) -> decimal(p', s): drops digits beyond d, keeping the scale.
template <Rounding kMode, typename A, typename R>
void DecimalToPlacesKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  const auto& d = static_cast<const DecimalRoundData&>(*context.bind_data);
  int128_t max = Decimal::MaxUnscaled(d.result_precision);
  ExecuteBinary<A, int32_t, R>(
      args.column(0), args.column(1), result, args.size(), [&](A value, int32_t places) {
        int64_t drop = static_cast<int64_t>(d.input_scale) - places;
        if (drop <= 0) return static_cast<R>(value);
        int128_t out = 0;
        if (drop <= 38) {
          int128_t kept = RescaleDown<kMode>(value, static_cast<int>(drop));
          if (__builtin_mul_overflow(kept, Decimal::PowerOfTen(static_cast<int>(drop)), &out))
            ThrowDecimalRoundOverflow();
        }
        if (out > max || out < -max) ThrowDecimalRoundOverflow();
        return static_cast<R>(out);
      });
}

template <template <Rounding, typename, typename> class Kernel, Rounding kMode>
ScalarKernel PickDecimalKernel(PhysicalType in, PhysicalType out) {
  bool in64 = in == PhysicalType::kInt64, out64 = out == PhysicalType::kInt64;
  if (in64)
    return out64 ? Kernel<kMode, int64_t, int64_t>::Run : Kernel<kMode, int64_t, int128_t>::Run;
  return out64 ? Kernel<kMode, int128_t, int64_t>::Run : Kernel<kMode, int128_t, int128_t>::Run;
}

template <Rounding kMode, typename A, typename R>
struct ToInteger {
  static void Run(DataChunk& args, FunctionContext& c, Vector& r) {
    DecimalToIntegerKernel<kMode, A, R>(args, c, r);
  }
};
template <Rounding kMode, typename A, typename R>
struct ToPlaces {
  static void Run(DataChunk& args, FunctionContext& c, Vector& r) {
    DecimalToPlacesKernel<kMode, A, R>(args, c, r);
  }
};

template <Rounding kMode>
std::unique_ptr<FunctionData> BindDecimalToInteger(ScalarFunction& function,
                                                   const std::vector<LogicalType>& types,
                                                   const std::vector<std::optional<Value>>&) {
  int p = types[0].decimal_precision(), s = types[0].decimal_scale();
  // Rounding up may add a digit: 9.5 -> 10.
  int precision =
      std::max(1, std::min(38, p - s + (kMode == Rounding::kTruncate ? 0 : std::min(s, 1))));
  function.return_type = LogicalType::Decimal(precision, 0);
  auto data = std::make_unique<DecimalRoundData>();
  data->input_scale = s;
  data->result_precision = precision;
  data->result_scale = 0;
  function.kernel = PickDecimalKernel<ToInteger, kMode>(types[0].physical_type(),
                                                        function.return_type.physical_type());
  return data;
}

template <Rounding kMode>
std::unique_ptr<FunctionData> BindDecimalToPlaces(ScalarFunction& function,
                                                  const std::vector<LogicalType>& types,
                                                  const std::vector<std::optional<Value>>&) {
  int p = types[0].decimal_precision(), s = types[0].decimal_scale();
  int precision = kMode == Rounding::kRound ? std::min(38, p + 1) : p;
  function.return_type = LogicalType::Decimal(precision, s);
  auto data = std::make_unique<DecimalRoundData>();
  data->input_scale = s;
  data->result_precision = precision;
  data->result_scale = s;
  function.kernel = PickDecimalKernel<ToPlaces, kMode>(types[0].physical_type(),
                                                       function.return_type.physical_type());
  return data;
}

template <typename A>
void DecimalAbsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<A, A>(args.column(0), result, args.size(), [](A v) { return v < 0 ? -v : v; });
}

template <typename A>
void DecimalSignKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<A, int64_t>(args.column(0), result, args.size(),
                           [](A v) -> int64_t { return v > 0 ? 1 : (v < 0 ? -1 : 0); });
}

std::unique_ptr<FunctionData> BindDecimalAbs(ScalarFunction& function,
                                             const std::vector<LogicalType>& types,
                                             const std::vector<std::optional<Value>>&) {
  function.return_type = types[0];
  function.kernel = types[0].physical_type() == PhysicalType::kInt64 ? DecimalAbsKernel<int64_t>
                                                                     : DecimalAbsKernel<int128_t>;
  return nullptr;
}

std::unique_ptr<FunctionData> BindDecimalSign(ScalarFunction& function,
                                              const std::vector<LogicalType>& types,
                                              const std::vector<std::optional<Value>>&) {
  function.return_type = LogicalType::Decimal(1, 0);
  function.kernel = types[0].physical_type() == PhysicalType::kInt64 ? DecimalSignKernel<int64_t>
                                                                     : DecimalSignKernel<int128_t>;
  return nullptr;
}

// ----- floating point rounding to decimal places ---------------------------------------------

// truncate(x, d) drops digits of x's shortest decimal representation (as Java's
// BigDecimal.valueOf(x).setScale(d, DOWN) does, so truncate(0.29, 2) is 0.29).
template <typename F>
F TruncateToPlaces(F x, int64_t places) {
  if (!std::isfinite(x) || x == 0) return x;
  char buffer[64];
  auto end = std::to_chars(buffer, buffer + sizeof(buffer), x, std::chars_format::scientific).ptr;
  std::string_view text(buffer, static_cast<size_t>(end - buffer));
  bool negative = text[0] == '-';
  if (negative) text.remove_prefix(1);
  size_t e = text.find('e');
  int exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
  char digits[32];
  int count = 0;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') digits[count++] = text[i];
  }
  // digits d0 d1 ... stand for d0.d1d2... * 10^exponent; keep those above 10^-places.
  int64_t keep = static_cast<int64_t>(exponent) + 1 + places;
  if (keep >= count) return x;
  if (keep <= 0) return 0;
  uint64_t mantissa = 0;
  for (int64_t i = 0; i < keep; ++i)
    mantissa = mantissa * 10 + static_cast<uint64_t>(digits[i] - '0');
  char out[48];
  int length =
      std::snprintf(out, sizeof(out), "%llue%lld", static_cast<unsigned long long>(mantissa),
                    static_cast<long long>(-places));
  F value{};
  std::from_chars(out, out + length, value);
  return negative ? -value : value;
}

// round(x, d) scales by 10^d, rounds half up and scales back, as Trino does: the binary value
// decides, so round(0.285, 2) is 0.28 (0.285 is 0.28499999... in binary).
template <typename F>
F RoundToPlaces(F x, int64_t places) {
  if (!std::isfinite(x)) return x;
  double sign = x < 0 ? -1.0 : 1.0;
  double factor = std::pow(10.0, static_cast<double>(places));
  if (factor == 0) return static_cast<F>(sign * 0.0);
  double rescaled = std::fabs(static_cast<double>(x)) * factor;
  if (!std::isfinite(rescaled) || rescaled >= 9.2e18) return x;  // already integral at this scale
  return static_cast<F>(sign * (std::round(rescaled) / factor));
}

template <typename F>
F RoundFloat(F x) {
  return std::round(x);
}
template <typename F>
F RoundFloatPlaces(F x, int32_t places) {
  return RoundToPlaces<F>(x, places);
}
template <typename F>
F TruncateFloatPlaces(F x, int32_t places) {
  return TruncateToPlaces<F>(x, places);
}

// round(integer, d): rounds to a multiple of 10^-d (for negative d), half away from zero.
template <typename T>
T RoundIntegral(T value, int32_t places) {
  if (places >= 0) return value;
  if (-places >= 19) return 0;
  int64_t factor = static_cast<int64_t>(Decimal::PowerOfTen(-places));
  int64_t v = value;
  int64_t q = v / factor, rem = v % factor;
  if ((rem < 0 ? -rem : rem) * 2 >= factor) q += v < 0 ? -1 : 1;
  int64_t out;
  if (__builtin_mul_overflow(q, factor, &out) || out < std::numeric_limits<T>::min() ||
      out > std::numeric_limits<T>::max()) {
    SB_THROW(kNumericOverflow, "Value {} rounded to {} decimal places is out of range for {}", v,
             places, IntegralName<T>());
  }
  return static_cast<T>(out);
}

// ----- powers, logarithms, trigonometry ------------------------------------------------------

double Sqrt(double x) { return std::sqrt(x); }
// glibc's cbrt can be off by one ulp; perfect cubes come out exact, as in Java.
double Cbrt(double x) {
  double root = std::cbrt(x);
  double integral = std::nearbyint(root);
  return integral * integral * integral == x ? integral : root;
}
double Exp(double x) { return std::exp(x); }
double Ln(double x) { return std::log(x); }
double Log2(double x) { return std::log2(x); }
double Log10(double x) { return std::log10(x); }
double LogBase(double base, double x) { return std::log(x) / std::log(base); }
double Power(double x, double p) { return std::pow(x, p); }
double Degrees(double x) { return x * (180.0 / std::numbers::pi); }
double Radians(double x) { return x * (std::numbers::pi / 180.0); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Atan2(double y, double x) { return std::atan2(y, x); }
double Sinh(double x) { return std::sinh(x); }
double Cosh(double x) { return std::cosh(x); }
double Tanh(double x) { return std::tanh(x); }
bool IsNan(double x) { return std::isnan(x); }
bool IsFinite(double x) { return std::isfinite(x); }
bool IsInfinite(double x) { return std::isinf(x); }

// A constant for every row: written once at row 0 of a constant result.
template <double (*kValue)()>
void ConstantKernel(DataChunk&, FunctionContext&, Vector& result) {
  result.data<double>()[0] = kValue();
  result.SetKindConstant();
}
double Pi() { return std::numbers::pi; }
double Euler() { return std::numbers::e; }
double NaN() { return std::numeric_limits<double>::quiet_NaN(); }
double Infinity() { return std::numeric_limits<double>::infinity(); }

// ----- random --------------------------------------------------------------------------------

std::mt19937_64& RandomEngine() {
  thread_local std::mt19937_64 engine(std::random_device{}());
  return engine;
}

void RandomDoubleKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::uniform_real_distribution<double> distribution(0.0, 1.0);
  auto& engine = RandomEngine();
  double* out = result.data<double>();
  for (idx_t i = 0; i < args.size(); ++i) out[i] = distribution(engine);
}

template <typename T>
T RandomBelow(T bound) {
  if (bound <= 0) SB_THROW(kInvalidParameter, "bound must be positive");
  std::uniform_int_distribution<int64_t> distribution(0, static_cast<int64_t>(bound) - 1);
  return static_cast<T>(distribution(RandomEngine()));
}

template <typename T>
T RandomBetween(T start, T stop) {
  if (start >= stop) SB_THROW(kInvalidParameter, "start value must be less than stop value");
  std::uniform_int_distribution<int64_t> distribution(start, static_cast<int64_t>(stop) - 1);
  return static_cast<T>(distribution(RandomEngine()));
}

// ----- width_bucket --------------------------------------------------------------------------

int64_t WidthBucket(double operand, double bound1, double bound2, int64_t bucket_count) {
  SB_USER_CHECK(bucket_count > 0, kInvalidParameter, "bucketCount must be greater than 0");
  SB_USER_CHECK(!std::isnan(operand), kInvalidParameter, "operand must not be NaN");
  SB_USER_CHECK(std::isfinite(bound1), kInvalidParameter, "first bound must be finite");
  SB_USER_CHECK(std::isfinite(bound2), kInvalidParameter, "second bound must be finite");
  SB_USER_CHECK(bound1 != bound2, kInvalidParameter, "bounds cannot equal each other");
  double n = static_cast<double>(bucket_count);
  if (bound1 < bound2) {
    if (operand < bound1) return 0;
    if (operand >= bound2) return bucket_count + 1;
    return static_cast<int64_t>(n * (operand - bound1) / (bound2 - bound1) + 1);
  }
  if (operand > bound1) return 0;
  if (operand <= bound2) return bucket_count + 1;
  return static_cast<int64_t>(n * (bound1 - operand) / (bound1 - bound2) + 1);
}

void WidthBucketKernel(DataChunk& args, FunctionContext&, Vector& result) {
  UnifiedFormat f[4];
  for (idx_t a = 0; a < 4; ++a) args.column(a).ToUnifiedFormat(args.size(), f[a]);
  int64_t* out = result.data<int64_t>();
  for (idx_t i = 0; i < args.size(); ++i) {
    idx_t index[4];
    bool valid = true;
    for (idx_t a = 0; a < 4; ++a) {
      index[a] = f[a].sel->get_index(i);
      valid = valid && f[a].validity->RowIsValid(index[a]);
    }
    if (!valid) {
      result.SetNull(i);
      continue;
    }
    out[i] = WidthBucket(f[0].GetData<double>()[index[0]], f[1].GetData<double>()[index[1]],
                         f[2].GetData<double>()[index[2]], f[3].GetData<int64_t>()[index[3]]);
  }
}

void WidthBucketBinsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ListView bins(args.column(1), args.size());
  UnifiedFormat operands;
  args.column(0).ToUnifiedFormat(args.size(), operands);
  const double* x = operands.GetData<double>();
  const Vector& child = bins.child();
  const double* bin = child.data<double>();
  int64_t* out = result.data<int64_t>();
  for (idx_t i = 0; i < args.size(); ++i) {
    idx_t index = operands.sel->get_index(i);
    if (!operands.validity->RowIsValid(index) || !bins.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = bins.Entry(i);
    SB_USER_CHECK(entry.length > 0, kInvalidParameter, "Bins cannot be an empty array");
    for (uint32_t k = 0; k < entry.length; ++k) {
      SB_USER_CHECK(IsValidAt(child, entry.offset + k) && std::isfinite(bin[entry.offset + k]),
                    kInvalidParameter, "Bin values must be finite and not NULL");
    }
    // Binary search for the number of bins <= x.
    const double* begin = bin + entry.offset;
    out[i] = std::upper_bound(begin, begin + entry.length, x[index]) - begin;
  }
}

// ----- bitwise -------------------------------------------------------------------------------

int64_t BitAnd(int64_t a, int64_t b) { return a & b; }
int64_t BitOr(int64_t a, int64_t b) { return a | b; }
int64_t BitXor(int64_t a, int64_t b) { return a ^ b; }
int64_t BitNot(int64_t a) { return ~a; }

int64_t BitCount(int64_t value, int64_t bits) {
  SB_USER_CHECK(bits >= 2 && bits <= 64, kInvalidParameter,
                "Bits specified in bit_count must be between 2 and 64, got {}", bits);
  int64_t low = bits == 64 ? 0 : -(int64_t{1} << (bits - 1));
  int64_t high = bits == 64 ? 0 : (int64_t{1} << (bits - 1)) - 1;
  SB_USER_CHECK(
      bits == 64 || (value >= low && value <= high), kInvalidParameter,
      "Number must be representable with the bits specified. {} cannot be represented with {} bits",
      value, bits);
  uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  return __builtin_popcountll(static_cast<uint64_t>(value) & mask);
}

enum class Shift { kLeft, kRightLogical, kRightArithmetic };

template <typename T, Shift kShift>
T ShiftBits(T value, int64_t shift) {
  SB_USER_CHECK(shift >= 0, kInvalidParameter, "Shift must not be negative: {}", shift);
  using U = std::make_unsigned_t<T>;
  constexpr int64_t kBits = sizeof(T) * 8;
  if constexpr (kShift == Shift::kLeft) {
    return shift >= kBits ? 0 : static_cast<T>(static_cast<U>(static_cast<U>(value) << shift));
  } else if constexpr (kShift == Shift::kRightLogical) {
    return shift >= kBits ? 0 : static_cast<T>(static_cast<U>(value) >> shift);
  } else {
    return shift >= kBits ? (value < 0 ? -1 : 0) : static_cast<T>(value >> shift);
  }
}

// ----- base conversion -----------------------------------------------------------------------

void CheckRadix(int64_t radix) {
  SB_USER_CHECK(radix >= 2 && radix <= 36, kInvalidParameter, "Radix must be between 2 and 36");
}

void ToBaseKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<int64_t, int64_t, StringView>(
      args.column(0), args.column(1), result, args.size(), [&](int64_t value, int64_t radix) {
        CheckRadix(radix);
        char buffer[72];
        char* end = buffer + sizeof(buffer);
        char* p = end;
        uint64_t magnitude =
            value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
        do {
          *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[magnitude % radix];
          magnitude /= radix;
        } while (magnitude > 0);
        if (value < 0) *--p = '-';
        return result.AddString(std::string_view(p, static_cast<size_t>(end - p)));
      });
}

void FromBaseKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<StringView, int64_t, int64_t>(
      args.column(0), args.column(1), result, args.size(), [](StringView text, int64_t radix) {
        CheckRadix(radix);
        std::string_view t = text.view();
        std::string_view digits = t;
        if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
        int64_t value = 0;
        auto parsed = std::from_chars(t.data() + (t.size() - digits.size()), t.data() + t.size(),
                                      value, static_cast<int>(radix));
        if (digits.empty() || parsed.ec != std::errc() || parsed.ptr != t.data() + t.size()) {
          SB_THROW(kInvalidParameter, "Not a valid base-{} number: {}", radix, t);
        }
        return !t.empty() && t[0] == '-' ? -value : value;
      });
}

// ----- registration --------------------------------------------------------------------------

ScalarFunction MakeDecimal(const std::string& name, std::vector<LogicalType> arguments,
                           ScalarBind bind, FunctionDoc doc) {
  return ScalarFunction{.name = name,
                        .arguments = std::move(arguments),
                        .return_type = LogicalType(TypeId::kDecimal),
                        .bind = bind,
                        .signature = doc.signature,
                        .description = doc.description,
                        .example = doc.example};
}

template <typename F>
void AddFloatRounding(FunctionRegistry& registry) {
  TypeId t = FloatTypeId<F>();
  registry.AddScalar(
      SimpleScalar("ceiling", {t}, t, UnaryKernel<F, F, static_cast<F (*)(F)>(std::ceil)>));
  registry.AddScalar(
      SimpleScalar("floor", {t}, t, UnaryKernel<F, F, static_cast<F (*)(F)>(std::floor)>));
  registry.AddScalar(SimpleScalar("round", {t}, t, UnaryKernel<F, F, RoundFloat<F>>));
  registry.AddScalar(SimpleScalar("round", {t, TypeId::kInteger}, t,
                                  BinaryKernel<F, int32_t, F, RoundFloatPlaces<F>>));
  registry.AddScalar(
      SimpleScalar("truncate", {t}, t, UnaryKernel<F, F, static_cast<F (*)(F)>(std::trunc)>));
  registry.AddScalar(SimpleScalar("truncate", {t, TypeId::kInteger}, t,
                                  BinaryKernel<F, int32_t, F, TruncateFloatPlaces<F>>));
  registry.AddScalar(SimpleScalar("abs", {t}, t, UnaryKernel<F, F, Abs<F>>));
  registry.AddScalar(SimpleScalar("sign", {t}, t, UnaryKernel<F, F, Sign<F>>));
}

}  // namespace

void RegisterMathFunctions(FunctionRegistry& registry) {
  // Documented overloads come first: the documentation takes each name's first description.
  registry.AddScalar(
      MakeDecimal("abs", {TypeId::kDecimal}, BindDecimalAbs,
                  {"abs(x) -> same type as x", "Absolute value of x.", "abs(-17.4) -> 17.4"}));
  registry.AddScalar(
      MakeDecimal("ceiling", {TypeId::kDecimal}, BindDecimalToInteger<Rounding::kCeil>,
                  {"ceiling(decimal(p,s)) -> decimal(p-s+1,0)",
                   "x rounded up to the nearest integer; integers are returned unchanged, decimals "
                   "lose their fraction.",
                   "ceiling(-42.8) -> -42"}));
  registry.AddScalar(
      MakeDecimal("floor", {TypeId::kDecimal}, BindDecimalToInteger<Rounding::kFloor>,
                  {"floor(decimal(p,s)) -> decimal(p-s+1,0)",
                   "x rounded down to the nearest integer.", "floor(-42.8) -> -43"}));
  registry.AddScalar(
      MakeDecimal("round", {TypeId::kDecimal}, BindDecimalToInteger<Rounding::kRound>,
                  {"round(decimal(p,s)) -> decimal(p-s+1,0)",
                   "x rounded to the nearest integer, or to d decimal places (d may be negative); "
                   "halves round away from zero. Decimals keep their scale when d is given.",
                   "round(2.345, 2) -> 2.350"}));
  registry.AddScalar(MakeDecimal("round", {TypeId::kDecimal, TypeId::kInteger},
                                 BindDecimalToPlaces<Rounding::kRound>,
                                 {"round(decimal(p,s), integer) -> decimal(p+1,s)", "", ""}));
  registry.AddScalar(
      MakeDecimal("truncate", {TypeId::kDecimal}, BindDecimalToInteger<Rounding::kTruncate>,
                  {"truncate(decimal(p,s)) -> decimal(p-s,0)",
                   "x with the digits after the decimal point (or after d decimal places) dropped.",
                   "truncate(-42.87, 1) -> -42.80"}));
  registry.AddScalar(MakeDecimal("truncate", {TypeId::kDecimal, TypeId::kInteger},
                                 BindDecimalToPlaces<Rounding::kTruncate>,
                                 {"truncate(decimal(p,s), integer) -> decimal(p,s)", "", ""}));
  registry.AddScalar(
      MakeDecimal("sign", {TypeId::kDecimal}, BindDecimalSign,
                  {"sign(x) -> same type as x (decimal(1,0) for decimals)",
                   "-1, 0 or 1 by the sign of x; for floating point also -0, NaN, and +-1 for the "
                   "infinities.",
                   "sign(-8.5) -> -1"}));
  registry.AddAlias("mod", "%");
  ForEachIntegral([&](auto tag) {
    using T = decltype(tag);
    TypeId t = IntegralTypeId<T>();
    registry.AddScalar(SimpleScalar("abs", {t}, t, UnaryKernel<T, T, Abs<T>>));
    registry.AddScalar(SimpleScalar("sign", {t}, t, UnaryKernel<T, T, Sign<T>>));
    registry.AddScalar(SimpleScalar("ceiling", {t}, t, UnaryKernel<T, T, Identity<T>>));
    registry.AddScalar(SimpleScalar("floor", {t}, t, UnaryKernel<T, T, Identity<T>>));
    registry.AddScalar(SimpleScalar("round", {t}, t, UnaryKernel<T, T, Identity<T>>));
    registry.AddScalar(SimpleScalar("round", {t, TypeId::kInteger}, t,
                                    BinaryKernel<T, int32_t, T, RoundIntegral<T>>));
  });
  AddFloatRounding<double>(registry);
  AddFloatRounding<float>(registry);
  registry.AddAlias("ceil", "ceiling");

  const TypeId d = TypeId::kDouble;
  registry.AddScalar(SimpleScalar("sqrt", {d}, d, UnaryKernel<double, double, Sqrt>,
                                  {"", "Square root of x.", "sqrt(16) -> 4.0"}));
  registry.AddScalar(SimpleScalar("cbrt", {d}, d, UnaryKernel<double, double, Cbrt>,
                                  {"", "Cube root of x.", "cbrt(27) -> 3.0"}));
  registry.AddScalar(
      SimpleScalar("exp", {d}, d, UnaryKernel<double, double, Exp>,
                   {"", "Euler's number raised to the power of x.", "exp(0) -> 1.0"}));
  registry.AddScalar(SimpleScalar(
      "ln", {d}, d, UnaryKernel<double, double, Ln>,
      {"", "Natural logarithm of x (NaN for negative x, -Infinity for 0).", "ln(e()) -> 1.0"}));
  registry.AddScalar(SimpleScalar("log2", {d}, d, UnaryKernel<double, double, Log2>,
                                  {"", "Base 2 logarithm of x.", "log2(8) -> 3.0"}));
  registry.AddScalar(SimpleScalar("log10", {d}, d, UnaryKernel<double, double, Log10>,
                                  {"", "Base 10 logarithm of x.", "log10(1000) -> 3.0"}));
  registry.AddScalar(
      SimpleScalar("log", {d, d}, d, BinaryKernel<double, double, double, LogBase>,
                   {"log(b, x) -> double", "Base b logarithm of x.", "log(2, 64) -> 6.0"}));
  registry.AddScalar(SimpleScalar(
      "power", {d, d}, d, BinaryKernel<double, double, double, Power>,
      {"power(x, p) -> double", "x raised to the power of p.", "power(2, 10) -> 1024.0"}));
  registry.AddAlias("pow", "power");
  registry.AddScalar(
      SimpleScalar("degrees", {d}, d, UnaryKernel<double, double, Degrees>,
                   {"", "Converts an angle in radians to degrees.", "degrees(pi()) -> 180.0"}));
  registry.AddScalar(SimpleScalar(
      "radians", {d}, d, UnaryKernel<double, double, Radians>,
      {"", "Converts an angle in degrees to radians.", "radians(180) -> 3.141592653589793"}));
  registry.AddScalar(SimpleScalar("sin", {d}, d, UnaryKernel<double, double, Sin>,
                                  {"", "Sine of x (radians).", "sin(0) -> 0.0"}));
  registry.AddScalar(SimpleScalar("cos", {d}, d, UnaryKernel<double, double, Cos>,
                                  {"", "Cosine of x (radians).", "cos(0) -> 1.0"}));
  registry.AddScalar(SimpleScalar("tan", {d}, d, UnaryKernel<double, double, Tan>,
                                  {"", "Tangent of x (radians).", "tan(0) -> 0.0"}));
  registry.AddScalar(SimpleScalar("asin", {d}, d, UnaryKernel<double, double, Asin>,
                                  {"", "Arc sine of x.", "asin(1) -> 1.5707963267948966"}));
  registry.AddScalar(SimpleScalar("acos", {d}, d, UnaryKernel<double, double, Acos>,
                                  {"", "Arc cosine of x.", "acos(1) -> 0.0"}));
  registry.AddScalar(SimpleScalar("atan", {d}, d, UnaryKernel<double, double, Atan>,
                                  {"", "Arc tangent of x.", "atan(0) -> 0.0"}));
  registry.AddScalar(
      SimpleScalar("atan2", {d, d}, d, BinaryKernel<double, double, double, Atan2>,
                   {"atan2(y, x) -> double",
                    "Arc tangent of y / x, using the signs of both to pick the quadrant.",
                    "atan2(1, 1) -> 0.7853981633974483"}));
  registry.AddScalar(SimpleScalar("sinh", {d}, d, UnaryKernel<double, double, Sinh>,
                                  {"", "Hyperbolic sine of x.", "sinh(0) -> 0.0"}));
  registry.AddScalar(SimpleScalar("cosh", {d}, d, UnaryKernel<double, double, Cosh>,
                                  {"", "Hyperbolic cosine of x.", "cosh(0) -> 1.0"}));
  registry.AddScalar(SimpleScalar("tanh", {d}, d, UnaryKernel<double, double, Tanh>,
                                  {"", "Hyperbolic tangent of x.", "tanh(0) -> 0.0"}));
  registry.AddScalar(SimpleScalar("pi", {}, d, ConstantKernel<Pi>,
                                  {"", "The constant pi.", "pi() -> 3.141592653589793"}));
  registry.AddScalar(SimpleScalar("e", {}, d, ConstantKernel<Euler>,
                                  {"", "Euler's number.", "e() -> 2.718281828459045"}));
  registry.AddScalar(
      SimpleScalar("nan", {}, d, ConstantKernel<NaN>,
                   {"", "The floating point not-a-number value.", "is_nan(nan()) -> true"}));
  registry.AddScalar(SimpleScalar("infinity", {}, d, ConstantKernel<Infinity>,
                                  {"", "Positive infinity.", "infinity() > 1e308 -> true"}));
  registry.AddScalar(SimpleScalar("is_nan", {d}, TypeId::kBoolean, UnaryKernel<double, bool, IsNan>,
                                  {"", "Whether x is not-a-number.", "is_nan(0E0 / 0E0) -> true"}));
  registry.AddScalar(SimpleScalar(
      "is_finite", {d}, TypeId::kBoolean, UnaryKernel<double, bool, IsFinite>,
      {"", "Whether x is neither infinite nor NaN.", "is_finite(1e308 * 10) -> false"}));
  registry.AddScalar(SimpleScalar(
      "is_infinite", {d}, TypeId::kBoolean, UnaryKernel<double, bool, IsInfinite>,
      {"", "Whether x is positive or negative infinity.", "is_infinite(-infinity()) -> true"}));

  {
    ScalarFunction random = SimpleScalar(
        "random", {}, d, RandomDoubleKernel,
        {"random() -> double",
         "A pseudo-random value: a double in [0.0, 1.0), an integer in [0, n), or an integer in "
         "[m, n), of n's type.",
         "random(10) < 10 -> true"});
    random.deterministic = false;
    registry.AddScalar(std::move(random));
    ForEachIntegral([&](auto tag) {
      using T = decltype(tag);
      TypeId t = IntegralTypeId<T>();
      ScalarFunction below = SimpleScalar("random", {t}, t, UnaryKernel<T, T, RandomBelow<T>>);
      below.deterministic = false;
      registry.AddScalar(std::move(below));
      ScalarFunction between =
          SimpleScalar("random", {t, t}, t, BinaryKernel<T, T, T, RandomBetween<T>>);
      between.deterministic = false;
      registry.AddScalar(std::move(between));
    });
    registry.AddAlias("rand", "random");
  }

  registry.AddScalar(
      SimpleScalar("width_bucket", {d, d, d, TypeId::kBigint}, TypeId::kBigint, WidthBucketKernel,
                   {"width_bucket(x, bound1, bound2, n) -> bigint",
                    "The bucket of x in an equi-width histogram of n buckets between bound1 and "
                    "bound2 (0 below, "
                    "n + 1 above), or by the sorted array of bin lower bounds `bins`.",
                    "width_bucket(5.3, 0.2, 10.6, 5) -> 3"}));
  registry.AddScalar(SimpleScalar("width_bucket", {d, LogicalType::Array(TypeId::kDouble)},
                                  TypeId::kBigint, WidthBucketBinsKernel,
                                  {"width_bucket(x, bins array(double)) -> bigint", "", ""}));

  const TypeId b = TypeId::kBigint;
  registry.AddScalar(
      SimpleScalar("bitwise_and", {b, b}, b, BinaryKernel<int64_t, int64_t, int64_t, BitAnd>,
                   {"", "Bitwise AND of two's complement integers.", "bitwise_and(19, 25) -> 17"}));
  registry.AddScalar(SimpleScalar("bitwise_or", {b, b}, b,
                                  BinaryKernel<int64_t, int64_t, int64_t, BitOr>,
                                  {"", "Bitwise OR.", "bitwise_or(19, 25) -> 27"}));
  registry.AddScalar(SimpleScalar("bitwise_xor", {b, b}, b,
                                  BinaryKernel<int64_t, int64_t, int64_t, BitXor>,
                                  {"", "Bitwise XOR.", "bitwise_xor(19, 25) -> 10"}));
  registry.AddScalar(SimpleScalar("bitwise_not", {b}, b, UnaryKernel<int64_t, int64_t, BitNot>,
                                  {"", "Bitwise NOT.", "bitwise_not(-12) -> 11"}));
  registry.AddScalar(
      SimpleScalar("bit_count", {b, b}, b, BinaryKernel<int64_t, int64_t, int64_t, BitCount>,
                   {"bit_count(x, bits) -> bigint",
                    "Number of 1 bits in x viewed as a `bits`-bit two's complement integer.",
                    "bit_count(-7, 64) -> 62"}));
  ForEachIntegral([&](auto tag) {
    using T = decltype(tag);
    TypeId t = IntegralTypeId<T>();
    bool first = std::is_same_v<T, int8_t>;
    registry.AddScalar(SimpleScalar(
        "bitwise_left_shift", {t, b}, t, BinaryKernel<T, int64_t, T, ShiftBits<T, Shift::kLeft>>,
        first ? FunctionDoc{"bitwise_left_shift(value, shift) -> same type as value",
                            "value shifted left by `shift` bits (0 once all bits are shifted out).",
                            "bitwise_left_shift(1, 2) -> 4"}
              : FunctionDoc{}));
    registry.AddScalar(
        SimpleScalar("bitwise_right_shift", {t, b}, t,
                     BinaryKernel<T, int64_t, T, ShiftBits<T, Shift::kRightLogical>>,
                     first ? FunctionDoc{"bitwise_right_shift(value, shift) -> same type as value",
                                         "value shifted right by `shift` bits, filling with zeros.",
                                         "bitwise_right_shift(8, 3) -> 1"}
                           : FunctionDoc{}));
    registry.AddScalar(SimpleScalar(
        "bitwise_right_shift_arithmetic", {t, b}, t,
        BinaryKernel<T, int64_t, T, ShiftBits<T, Shift::kRightArithmetic>>,
        first ? FunctionDoc{"bitwise_right_shift_arithmetic(value, shift) -> same type as value",
                            "value shifted right by `shift` bits, keeping the sign.",
                            "bitwise_right_shift_arithmetic(-8, 2) -> -2"}
              : FunctionDoc{}));
  });

  registry.AddScalar(SimpleScalar(
      "to_base", {b, b}, LogicalType::Varchar(), ToBaseKernel,
      {"to_base(x, radix) -> varchar", "The base-radix representation of x (radix 2 to 36).",
       "to_base(255, 16) -> 'ff'"}));
  registry.AddScalar(
      SimpleScalar("from_base", {LogicalType::Varchar(), b}, b, FromBaseKernel,
                   {"from_base(string, radix) -> bigint", "The value of a base-radix number.",
                    "from_base('ff', 16) -> 255"}));
}

}  // namespace switchboard
