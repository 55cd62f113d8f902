// The core aggregates: count, count_if, sum, avg, min, max, bool_and/bool_or and arbitrary.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "function/aggregate_executor.h"
#include "function/function_registry.h"
#include "function/scalar_executor.h"
#include "types/decimal.h"
#include "types/physical_compare.h"

namespace switchboard {

namespace {

// ----- count ---------------------------------------------------------------------------------

struct CountState {
  int64_t count;
};

void CountInitialize(uint8_t* state, const FunctionData*) { reinterpret_cast<CountState*>(state)->count = 0; }

void CountStarUpdate(AggregateInputs& inputs, uint8_t** states) {
  for (idx_t i = 0; i < inputs.count; ++i) reinterpret_cast<CountState*>(states[i])->count++;
}
void CountStarSimpleUpdate(AggregateInputs& inputs, uint8_t* state) {
  reinterpret_cast<CountState*>(state)->count += static_cast<int64_t>(inputs.count);
}

void CountUpdate(AggregateInputs& inputs, uint8_t** states) {
  UnifiedFormat format;
  inputs.arguments[0].ToUnifiedFormat(inputs.count, format);
  for (idx_t i = 0; i < inputs.count; ++i) {
    if (format.RowIsValid(i)) reinterpret_cast<CountState*>(states[i])->count++;
  }
}
void CountSimpleUpdate(AggregateInputs& inputs, uint8_t* state) {
  const Vector& input = inputs.arguments[0];
  if (input.IsConstant()) {
    if (!input.IsNullConstant()) reinterpret_cast<CountState*>(state)->count += inputs.count;
    return;
  }
  UnifiedFormat format;
  input.ToUnifiedFormat(inputs.count, format);
  int64_t n = 0;
  if (format.validity->AllValid()) {
    n = static_cast<int64_t>(inputs.count);
  } else {
    for (idx_t i = 0; i < inputs.count; ++i) n += format.RowIsValid(i);
  }
  reinterpret_cast<CountState*>(state)->count += n;
}

void CountCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    reinterpret_cast<CountState*>(targets[i])->count += reinterpret_cast<CountState*>(sources[i])->count;
  }
}
void CountFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result, idx_t offset) {
  auto* out = result.data<int64_t>();
  for (idx_t i = 0; i < count; ++i) out[offset + i] = reinterpret_cast<CountState*>(states[i])->count;
}

void CountIfUpdate(AggregateInputs& inputs, uint8_t** states) {
  UnifiedFormat format;
  inputs.arguments[0].ToUnifiedFormat(inputs.count, format);
  const bool* data = format.GetData<bool>();
  for (idx_t i = 0; i < inputs.count; ++i) {
    idx_t index = format.sel->get_index(i);
    if (format.validity->RowIsValid(index) && data[index]) reinterpret_cast<CountState*>(states[i])->count++;
  }
}
void CountIfSimpleUpdate(AggregateInputs& inputs, uint8_t* state) {
  UnifiedFormat format;
  inputs.arguments[0].ToUnifiedFormat(inputs.count, format);
  const bool* data = format.GetData<bool>();
  int64_t n = 0;
  for (idx_t i = 0; i < inputs.count; ++i) {
    idx_t index = format.sel->get_index(i);
    n += format.validity->RowIsValid(index) && data[index];
  }
  reinterpret_cast<CountState*>(state)->count += n;
}

AggregateFunction MakeCount(std::vector<LogicalType> arguments, AggregateUpdate update,
                            AggregateSimpleUpdate simple_update, std::string name) {
  AggregateFunction f;
  f.name = std::move(name);
  f.arguments = std::move(arguments);
  f.return_type = TypeId::kBigint;
  f.state_size = sizeof(CountState);
  f.initialize = CountInitialize;
  f.update = update;
  f.simple_update = simple_update;
  f.combine = CountCombine;
  f.finalize = CountFinalize;
  return f;
}

// ----- sum and avg ---------------------------------------------------------------------------

// Integers, decimals and intervals sum exactly: in 128 bits plus a count of wraparounds (as
// Trino's decimal sums do), so that running totals may leave the 128-bit range as long as the
// result (the sum, or the average) fits its type. Floating point sums in double.
struct ExactSumState {
  int128_t sum;      // the total modulo 2^128, as a signed value
  int64_t overflow;  // the total is overflow * 2^128 + sum
  int64_t count;
};

// Adds `addend` to (overflow, sum), counting a wraparound of the 128-bit sum.
inline void AddExact(int128_t addend, int128_t& sum, int64_t& overflow) {
  if (__builtin_add_overflow(sum, addend, &sum)) overflow += addend < 0 ? -1 : 1;
}

// The average overflow * 2^128 + sum over `count` values, rounded half away from zero; it lies
// within the range of the values, so it fits in 128 bits.
int128_t RoundedAverage(const ExactSumState& s) {
  if (s.overflow == 0) {
    int128_t quotient = s.sum / s.count;
    int128_t remainder = s.sum % s.count;
    if (remainder < 0) remainder = -remainder;
    if (remainder * 2 >= s.count) quotient += s.sum < 0 ? -1 : 1;
    return quotient;
  }
  // The 192-bit total as sign and magnitude in three 64-bit limbs, divided limb by limb.
  using uint128_t = unsigned __int128;
  uint64_t high = static_cast<uint64_t>(s.overflow - (s.sum < 0 ? 1 : 0));
  uint128_t low = static_cast<uint128_t>(s.sum);
  bool negative = s.overflow < 0;
  if (negative) {
    high = ~high;
    low = ~low + 1;
    if (low == 0) ++high;
  }
  const uint64_t limbs[3] = {high, static_cast<uint64_t>(low >> 64), static_cast<uint64_t>(low)};
  uint64_t quotient_limbs[3];
  uint128_t remainder = 0;
  const auto divisor = static_cast<uint64_t>(s.count);
  for (int i = 0; i < 3; ++i) {
    uint128_t current = (remainder << 64) | limbs[i];
    quotient_limbs[i] = static_cast<uint64_t>(current / divisor);
    remainder = current % divisor;
  }
  SB_CHECK(quotient_limbs[0] == 0 && (quotient_limbs[1] >> 63) == 0);
  auto quotient =
      static_cast<int128_t>((static_cast<uint128_t>(quotient_limbs[1]) << 64) | quotient_limbs[2]);
  if (remainder * 2 >= divisor) ++quotient;
  return negative ? -quotient : quotient;
}

struct ExactSum {
  using S = ExactSumState;
  static void Initialize(S& s) { s = {0, 0, 0}; }
  template <typename A>
  static void Update(S& s, const A& value, const FunctionData*) {
    AddExact(static_cast<int128_t>(value), s.sum, s.overflow);
    s.count++;
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    AddExact(source.sum, target.sum, target.overflow);
    target.overflow += source.overflow;
    target.count += source.count;
  }
};

struct FloatSum {
  struct S {
    double sum;
    int64_t count;
  };
  static void Initialize(S& s) { s = {0, 0}; }
  template <typename A>
  static void Update(S& s, const A& value, const FunctionData*) {
    s.sum += static_cast<double>(value);
    s.count++;
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    target.sum += source.sum;
    target.count += source.count;
  }
};

// sum(integral) -> bigint, sum(interval) -> interval: the 128-bit total must fit the result.
template <typename R>
struct SumIntegralOp : ExactSum {
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    if (s.overflow != 0 || s.sum > std::numeric_limits<R>::max() ||
        s.sum < std::numeric_limits<R>::min()) {
      SB_THROW(kNumericOverflow, "{} addition overflow in sum", result.type().ToString());
    }
    result.data<R>()[row] = static_cast<R>(s.sum);
  }
};

struct SumDecimalOp : ExactSum {
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    if (s.overflow != 0 || !Decimal::Fits(s.sum, 38))
      SB_THROW(kNumericOverflow, "Decimal overflow in sum");
    result.data<int128_t>()[row] = s.sum;
  }
};

template <typename R>
struct SumFloatOp : FloatSum {
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    result.data<R>()[row] = static_cast<R>(s.sum);
  }
};

struct AvgIntegralOp : ExactSum {
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    double total = static_cast<double>(s.sum) + std::ldexp(static_cast<double>(s.overflow), 128);
    result.data<double>()[row] = total / static_cast<double>(s.count);
  }
};

template <typename R>
struct AvgFloatOp : FloatSum {
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    result.data<R>()[row] = static_cast<R>(s.sum / static_cast<double>(s.count));
  }
};

// avg(decimal(p,s)) -> decimal(p,s) and avg(interval) -> interval: the rounded quotient.
template <typename R>
struct AvgExactOp : ExactSum {
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    result.data<R>()[row] = static_cast<R>(RoundedAverage(s));
  }
};

template <typename A, typename OP>
AggregateFunction MakeUnary(const std::string& name, LogicalType argument, LogicalType result) {
  AggregateFunction f;
  f.name = name;
  f.arguments = {std::move(argument)};
  f.return_type = std::move(result);
  UnaryAggregate<typename OP::S, A, OP>::Fill(f);
  return f;
}

std::unique_ptr<FunctionData> BindSumDecimal(AggregateFunction& function,
                                             const std::vector<LogicalType>& types,
                                             const std::vector<std::optional<Value>>&) {
  function.return_type = LogicalType::Decimal(38, types[0].decimal_scale());
  if (types[0].physical_type() == PhysicalType::kInt64) {
    UnaryAggregate<ExactSum::S, int64_t, SumDecimalOp>::Fill(function);
  } else {
    UnaryAggregate<ExactSum::S, int128_t, SumDecimalOp>::Fill(function);
  }
  return nullptr;
}

std::unique_ptr<FunctionData> BindAvgDecimal(AggregateFunction& function,
                                             const std::vector<LogicalType>& types,
                                             const std::vector<std::optional<Value>>&) {
  function.return_type = types[0];
  if (types[0].physical_type() == PhysicalType::kInt64) {
    UnaryAggregate<ExactSum::S, int64_t, AvgExactOp<int64_t>>::Fill(function);
  } else {
    UnaryAggregate<ExactSum::S, int128_t, AvgExactOp<int128_t>>::Fill(function);
  }
  return nullptr;
}

// ----- min / max -----------------------------------------------------------------------------

template <typename T>
struct ExtremeState {
  T value;
  bool set;
};

template <typename T, bool kMax>
struct ExtremeOp {
  using S = ExtremeState<T>;
  static void Initialize(S& s) { s.set = false; }
  static bool Better(const T& candidate, const T& current) {
    int c = TotalOrderCompare(candidate, current);
    return kMax ? c > 0 : c < 0;
  }
  static void Update(S& s, const T& value, const FunctionData*) {
    if (!s.set || Better(value, s.value)) {
      s.value = value;
      s.set = true;
    }
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    if (source.set) Update(target, source.value, nullptr);
  }
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (!s.set) return result.SetNull(row);
    result.data<T>()[row] = s.value;
  }
};

// Strings are copied into memory the state owns (reused while it is large enough).
struct StringExtremeState {
  char* data;
  uint32_t size;
  uint32_t capacity;
  bool set;
};

template <bool kMax>
struct StringExtremeOp {
  using S = StringExtremeState;
  static void Initialize(S& s) { s = {nullptr, 0, 0, false}; }
  static void Assign(S& s, std::string_view value) {
    if (value.size() > s.capacity) {
      char* grown = static_cast<char*>(std::realloc(s.data, value.size()));
      if (!grown) throw std::bad_alloc();
      s.data = grown;
      s.capacity = static_cast<uint32_t>(value.size());
    }
    if (!value.empty()) std::memcpy(s.data, value.data(), value.size());
    s.size = static_cast<uint32_t>(value.size());
    s.set = true;
  }
  static void Update(S& s, const StringView& value, const FunctionData*) {
    if (s.set) {
      int c = value.view().compare(std::string_view(s.data, s.size));
      if (kMax ? c <= 0 : c >= 0) return;
    }
    Assign(s, value.view());
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    if (source.set) Update(target, StringView(source.data, source.size), nullptr);
  }
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (!s.set) return result.SetNull(row);
    result.data<StringView>()[row] = result.AddString(std::string_view(s.data, s.size));
  }
};

struct StringStateDestroyer {
  static void Destroy(uint8_t** states, idx_t count) {
    for (idx_t i = 0; i < count; ++i) std::free(reinterpret_cast<StringExtremeState*>(states[i])->data);
  }
};

template <bool kMax>
std::unique_ptr<FunctionData> BindExtreme(AggregateFunction& function,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::optional<Value>>&) {
  const LogicalType& type = types[0];
  if (!type.IsOrderable()) {
    SB_THROW(kTypeMismatch, "{}() is not supported for {}", kMax ? "max" : "min", type.ToString());
  }
  function.return_type = type;
  if (type.IsNested()) {
    FillNestedValueAggregate(function, kMax ? KeptValue::kMax : KeptValue::kMin);
    return nullptr;
  }
  if (type.physical_type() == PhysicalType::kString) {
    UnaryAggregate<StringExtremeState, StringView, StringExtremeOp<kMax>>::Fill(function);
    function.destroy = StringStateDestroyer::Destroy;
    return nullptr;
  }
  DispatchPhysical(type.physical_type(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (!std::is_same_v<T, StringView>) {
      UnaryAggregate<ExtremeState<T>, T, ExtremeOp<T, kMax>>::Fill(function);
    }
  });
  return nullptr;
}

// ----- bool_and / bool_or --------------------------------------------------------------------

template <bool kAnd>
struct BoolOp {
  using S = ExtremeState<bool>;
  static void Initialize(S& s) { s = {kAnd, false}; }
  static void Update(S& s, const bool& value, const FunctionData*) {
    s.value = kAnd ? (s.value && value) : (s.value || value);
    s.set = true;
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    if (source.set) Update(target, source.value, nullptr);
  }
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (!s.set) return result.SetNull(row);
    result.data<bool>()[row] = s.value;
  }
};

// ----- arbitrary -----------------------------------------------------------------------------

template <typename T>
struct ArbitraryOp {
  using S = ExtremeState<T>;
  static void Initialize(S& s) { s.set = false; }
  static void Update(S& s, const T& value, const FunctionData*) {
    if (!s.set) {
      s.value = value;
      s.set = true;
    }
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    if (source.set && !target.set) target = source;
  }
  static void Finalize(S& s, Vector& result, idx_t row, const FunctionData*) {
    if (!s.set) return result.SetNull(row);
    result.data<T>()[row] = s.value;
  }
};

struct StringArbitraryOp : StringExtremeOp<false> {
  static void Update(S& s, const StringView& value, const FunctionData*) {
    if (!s.set) Assign(s, value.view());
  }
  static void Combine(const S& source, S& target, const FunctionData*) {
    if (source.set && !target.set) Assign(target, std::string_view(source.data, source.size));
  }
};

std::unique_ptr<FunctionData> BindArbitrary(AggregateFunction& function,
                                            const std::vector<LogicalType>& types,
                                            const std::vector<std::optional<Value>>&) {
  const LogicalType& type = types[0];
  function.return_type = type;
  if (type.IsNested()) {
    FillNestedValueAggregate(function, KeptValue::kFirst);
    return nullptr;
  }
  if (type.physical_type() == PhysicalType::kString) {
    UnaryAggregate<StringExtremeState, StringView, StringArbitraryOp>::Fill(function);
    function.destroy = StringStateDestroyer::Destroy;
    return nullptr;
  }
  DispatchPhysical(type.physical_type(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (!std::is_same_v<T, StringView>) {
      UnaryAggregate<ExtremeState<T>, T, ArbitraryOp<T>>::Fill(function);
    }
  });
  return nullptr;
}

AggregateFunction Generic(const std::string& name, AggregateBind bind, std::string signature,
                          std::string description, std::string example) {
  AggregateFunction f;
  f.name = name;
  f.arguments = {LogicalType()};
  f.bind = bind;
  f.signature = std::move(signature);
  f.description = std::move(description);
  f.example = std::move(example);
  return f;
}

}  // namespace

void RegisterAggregateFunctions(FunctionRegistry& registry) {
  {
    AggregateFunction star = MakeCount({}, CountStarUpdate, CountStarSimpleUpdate, "count");
    star.signature = "count(*) -> bigint";
    star.description = "Number of input rows.";
    star.example = "SELECT count(*) FROM orders";
    registry.AddAggregate(std::move(star));
    AggregateFunction count = MakeCount({LogicalType()}, CountUpdate, CountSimpleUpdate, "count");
    count.signature = "count(T) -> bigint";
    count.description = "Number of non-NULL input values.";
    count.example = "SELECT count(email) FROM customers";
    registry.AddAggregate(std::move(count));
    AggregateFunction count_if = MakeCount({TypeId::kBoolean}, CountIfUpdate, CountIfSimpleUpdate, "count_if");
    count_if.description = "Number of TRUE input values.";
    count_if.example = "SELECT count_if(duration_seconds > 600) FROM interactions";
    registry.AddAggregate(std::move(count_if));
  }

  registry.AddAggregate(MakeUnary<int8_t, SumIntegralOp<int64_t>>("sum", TypeId::kTinyint, TypeId::kBigint));
  registry.AddAggregate(MakeUnary<int16_t, SumIntegralOp<int64_t>>("sum", TypeId::kSmallint, TypeId::kBigint));
  registry.AddAggregate(MakeUnary<int32_t, SumIntegralOp<int64_t>>("sum", TypeId::kInteger, TypeId::kBigint));
  registry.AddAggregate(MakeUnary<int64_t, SumIntegralOp<int64_t>>("sum", TypeId::kBigint, TypeId::kBigint));
  registry.AddAggregate(MakeUnary<float, SumFloatOp<float>>("sum", TypeId::kReal, TypeId::kReal));
  registry.AddAggregate(MakeUnary<double, SumFloatOp<double>>("sum", TypeId::kDouble, TypeId::kDouble));
  registry.AddAggregate(MakeUnary<int64_t, SumIntegralOp<int64_t>>("sum", TypeId::kIntervalDayTime, TypeId::kIntervalDayTime));
  registry.AddAggregate(MakeUnary<int32_t, SumIntegralOp<int32_t>>("sum", TypeId::kIntervalYearMonth, TypeId::kIntervalYearMonth));
  {
    AggregateFunction f;
    f.name = "sum";
    f.arguments = {LogicalType(TypeId::kDecimal)};
    f.return_type = TypeId::kDecimal;
    f.bind = BindSumDecimal;
    f.signature = "sum(decimal(p,s)) -> decimal(38,s)";
    f.description = "Sum of the non-NULL values: bigint for integers, decimal(38,s) for decimals, the input type for "
                    "floating point and intervals; NULL when there are none.";
    f.example = "SELECT sum(handle_seconds) FROM interactions";
    registry.AddAggregate(std::move(f));
  }

  registry.AddAggregate(MakeUnary<int8_t, AvgIntegralOp>("avg", TypeId::kTinyint, TypeId::kDouble));
  registry.AddAggregate(MakeUnary<int16_t, AvgIntegralOp>("avg", TypeId::kSmallint, TypeId::kDouble));
  registry.AddAggregate(MakeUnary<int32_t, AvgIntegralOp>("avg", TypeId::kInteger, TypeId::kDouble));
  registry.AddAggregate(MakeUnary<int64_t, AvgIntegralOp>("avg", TypeId::kBigint, TypeId::kDouble));
  registry.AddAggregate(MakeUnary<float, AvgFloatOp<float>>("avg", TypeId::kReal, TypeId::kReal));
  registry.AddAggregate(MakeUnary<double, AvgFloatOp<double>>("avg", TypeId::kDouble, TypeId::kDouble));
  registry.AddAggregate(MakeUnary<int64_t, AvgExactOp<int64_t>>("avg", TypeId::kIntervalDayTime, TypeId::kIntervalDayTime));
  registry.AddAggregate(MakeUnary<int32_t, AvgExactOp<int32_t>>("avg", TypeId::kIntervalYearMonth, TypeId::kIntervalYearMonth));
  {
    AggregateFunction f;
    f.name = "avg";
    f.arguments = {LogicalType(TypeId::kDecimal)};
    f.return_type = TypeId::kDecimal;
    f.bind = BindAvgDecimal;
    f.signature = "avg(decimal(p,s)) -> decimal(p,s)";
    f.description = "Average of the non-NULL values: double for integers, the input type for decimals, floating point "
                    "and intervals; NULL when there are none.";
    f.example = "SELECT avg(handle_seconds) FROM interactions";
    registry.AddAggregate(std::move(f));
  }

  registry.AddAggregate(Generic("min", BindExtreme<false>, "min(T) -> T", "Minimum of the non-NULL values.",
                                "SELECT min(start_time) FROM interactions"));
  registry.AddAggregate(Generic("max", BindExtreme<true>, "max(T) -> T", "Maximum of the non-NULL values.",
                                "SELECT max(start_time) FROM interactions"));
  registry.AddAggregate(Generic("arbitrary", BindArbitrary, "arbitrary(T) -> T",
                                "One of the non-NULL values (whichever is seen first).",
                                "SELECT arbitrary(queue_name) FROM interactions"));
  registry.AddAlias("any_value", "arbitrary");

  {
    AggregateFunction f = MakeUnary<bool, BoolOp<true>>("bool_and", TypeId::kBoolean, TypeId::kBoolean);
    f.description = "TRUE when every non-NULL value is TRUE.";
    f.example = "SELECT bool_and(resolved) FROM interactions";
    registry.AddAggregate(std::move(f));
    AggregateFunction g = MakeUnary<bool, BoolOp<false>>("bool_or", TypeId::kBoolean, TypeId::kBoolean);
    g.description = "TRUE when any non-NULL value is TRUE.";
    g.example = "SELECT bool_or(escalated) FROM interactions";
    registry.AddAggregate(std::move(g));
    registry.AddAlias("every", "bool_and");
  }
}

}  // namespace switchboard
