// The function-calling fixture of the function module's unit tests.
#include "function/tests/function_test_util.h"

#include <cmath>

#include "common/time_zone.h"
#include "function/cast.h"
#include "types/data_chunk.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

class TestLambdaEvaluator : public LambdaEvaluator {
 public:
  explicit TestLambdaEvaluator(const std::map<idx_t, TestLambda>& lambdas) : lambdas_(lambdas) {}

  void Evaluate(idx_t lambda_index, const std::vector<Vector>& parameters,
                const SelectionVector& outer_rows, idx_t count, Vector& result) override {
    const TestLambda& lambda = lambdas_.at(lambda_index);
    for (idx_t i = 0; i < count; ++i) {
      std::vector<Value> values;
      for (const Vector& p : parameters) values.push_back(p.GetValue(i));
      Value v = lambda.body(values);
      result.SetValue(i, v.is_null() ? Value::Null(result.type()) : CastValue(v, result.type()));
    }
  }

 private:
  const std::map<idx_t, TestLambda>& lambdas_;
};

// Values that print alike and have the same type; doubles within a relative `tolerance`.
bool SameValue(const Value& a, const Value& b, double tolerance = 1e-9) {
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null();
  if (a.type() != b.type()) return false;
  if (a.type().id() == TypeId::kDouble || a.type().id() == TypeId::kReal) {
    double x = a.GetDouble(), y = b.GetDouble();
    if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
    return x == y || std::fabs(x - y) <= tolerance * std::max(std::fabs(x), std::fabs(y));
  }
  return a.ToString() == b.ToString();
}

std::vector<LogicalType> TypesOf(const std::vector<Value>& args,
                                 const std::map<idx_t, TestLambda>& lambdas) {
  std::vector<LogicalType> types;
  for (idx_t i = 0; i < args.size(); ++i) {
    auto lambda = lambdas.find(i);
    types.push_back(lambda != lambdas.end() ? lambda->second.result_type : args[i].type());
  }
  return types;
}

Value CastTo(const Value& value, const LogicalType& type) {
  if (value.is_null()) return Value::Null(type);
  return CastValue(value, type);
}

}  // namespace

FunctionTest::FunctionTest() {
  query_.start_micros = 1718454896123456;  // 2024-06-15 12:34:56.123456 UTC
  query_.time_zone = TimeZone::kUtc;
}

const FunctionRegistry& FunctionTest::registry() {
  static const std::unique_ptr<FunctionRegistry> registry = FunctionRegistry::CreateWithBuiltins();
  return *registry;
}

Value FunctionTest::Evaluate(const ResolvedScalar& resolved, const std::vector<Value>& args,
                             bool constant, idx_t rows,
                             const std::map<idx_t, TestLambda>& lambdas) {
  const ScalarFunction& f = resolved.function;
  DataChunk chunk;
  chunk.Initialize(resolved.parameter_types, rows);
  bool null_argument = false;
  for (idx_t i = 0; i < args.size(); ++i) {
    const LogicalType& type = resolved.parameter_types[i];
    if (lambdas.count(i)) {
      chunk.column(i) = Vector::ConstantNull(type);
      continue;
    }
    Value value = CastTo(args[i], type);
    null_argument = null_argument || value.is_null();
    if (constant) {
      chunk.column(i) = Vector::Constant(value);
    } else {
      Vector column(type, rows);
      for (idx_t r = 0; r < rows; ++r) column.SetValue(r, value);
      chunk.column(i) = std::move(column);
    }
  }
  if (constant && null_argument && f.null_handling == NullHandling::kPropagate)
    return Value::Null(f.return_type);
  chunk.SetSize(constant ? 1 : rows);
  TestLambdaEvaluator evaluator(lambdas);
  FunctionContext context{resolved.bind_data.get(), &query_,
                          lambdas.empty() ? nullptr : &evaluator};
  Vector result(f.return_type, std::max<idx_t>(rows, kVectorSize));
  f.kernel(chunk, context, result);
  Value first = result.GetValue(0);
  for (idx_t r = 1; r < chunk.size() && f.deterministic; ++r) {
    Value other = result.GetValue(r);
    EXPECT_TRUE(SameValue(first, other)) << f.name << ": row " << r << " is " << other.ToString()
                                         << ", row 0 is " << first.ToString();
  }
  return first;
}

Value FunctionTest::Call(const std::string& name, const std::vector<Value>& args,
                         const std::map<idx_t, TestLambda>& lambdas) {
  std::vector<LogicalType> types = TypesOf(args, lambdas);
  std::vector<std::optional<Value>> constants;
  for (idx_t i = 0; i < args.size(); ++i) {
    constants.push_back(lambdas.count(i) ? std::nullopt : std::optional<Value>(args[i]));
  }
  ResolvedScalar with_constants = registry().ResolveScalar(name, types, constants);
  Value constant_result = Evaluate(with_constants, args, true, 1, lambdas);
  std::optional<ResolvedScalar> without_constants;
  try {
    without_constants = registry().ResolveScalar(name, types);
  } catch (const Exception&) {
    return constant_result;  // the function needs constant arguments
  }
  Value column_result = Evaluate(*without_constants, args, false, 3, lambdas);
  if (with_constants.function.deterministic) {
    EXPECT_TRUE(SameValue(constant_result, column_result))
        << name << ": constant arguments give " << constant_result.ToString() << ", columns give "
        << column_result.ToString();
  }
  return constant_result;
}

LogicalType FunctionTest::ReturnType(const std::string& name, const std::vector<Value>& args) {
  std::vector<std::optional<Value>> constants(args.begin(), args.end());
  return registry().ResolveScalar(name, TypesOf(args, {}), constants).function.return_type;
}

std::vector<Value> FunctionTest::CallRows(const std::string& name,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::vector<Value>>& rows,
                                          const std::map<idx_t, TestLambda>& lambdas) {
  ResolvedScalar resolved = registry().ResolveScalar(name, types);
  const ScalarFunction& f = resolved.function;
  DataChunk chunk;
  chunk.Initialize(resolved.parameter_types, std::max<idx_t>(rows.size(), 1));
  for (idx_t i = 0; i < types.size(); ++i) {
    const LogicalType& type = resolved.parameter_types[i];
    if (lambdas.count(i)) {
      chunk.column(i) = Vector::ConstantNull(type);
      continue;
    }
    Vector column(type, std::max<idx_t>(rows.size(), 1));
    for (idx_t r = 0; r < rows.size(); ++r) column.SetValue(r, CastTo(rows[r][i], type));
    chunk.column(i) = std::move(column);
  }
  chunk.SetSize(rows.size());
  TestLambdaEvaluator evaluator(lambdas);
  FunctionContext context{resolved.bind_data.get(), &query_,
                          lambdas.empty() ? nullptr : &evaluator};
  Vector result(f.return_type, std::max<idx_t>(rows.size(), kVectorSize));
  f.kernel(chunk, context, result);
  std::vector<Value> values;
  for (idx_t r = 0; r < rows.size(); ++r) values.push_back(result.GetValue(r));
  return values;
}

Error FunctionTest::CallError(const std::string& name, const std::vector<Value>& args,
                              const std::map<idx_t, TestLambda>& lambdas) {
  try {
    Value v = Call(name, args, lambdas);
    ADD_FAILURE() << name << " returned " << v.ToString() << " instead of raising an error";
  } catch (const Exception& e) {
    return e.error();
  }
  return Error{};
}

Value FunctionTest::Aggregate(const std::string& name, const std::vector<LogicalType>& types,
                              const std::vector<std::vector<Value>>& rows,
                              const std::vector<std::optional<Value>>& constants,
                              double tolerance) {
  ResolvedAggregate resolved = registry().ResolveAggregate(name, types, constants);
  const AggregateFunction& f = resolved.function;
  const FunctionData* bind = resolved.bind_data.get();
  idx_t n = rows.size();
  std::vector<Vector> columns;
  for (idx_t c = 0; c < resolved.parameter_types.size(); ++c) {
    Vector column(resolved.parameter_types[c], std::max<idx_t>(n, 1));
    for (idx_t r = 0; r < n; ++r)
      column.SetValue(r, CastTo(rows[r][c], resolved.parameter_types[c]));
    columns.push_back(std::move(column));
  }
  std::vector<std::unique_ptr<uint64_t[]>> buffers;
  auto new_state = [&]() {
    buffers.push_back(std::make_unique<uint64_t[]>(f.state_size / 8 + 1));
    auto* state = reinterpret_cast<uint8_t*>(buffers.back().get());
    f.initialize(state, bind);
    return state;
  };
  auto finalize = [&](uint8_t* state) {
    Vector result(f.return_type, kVectorSize);
    f.finalize(&state, 1, bind, result, 0);
    return result.GetValue(0);
  };
  AggregateInputs inputs{columns.data(), columns.size(), n, bind};

  uint8_t* whole = new_state();
  f.simple_update(inputs, whole);
  Value simple = finalize(whole);
  Value again = finalize(whole);
  EXPECT_TRUE(SameValue(simple, again))
      << name << ": finalize changed the state: " << simple.ToString() << " then "
      << again.ToString();

  uint8_t* first = new_state();
  uint8_t* second = new_state();
  std::vector<uint8_t*> states(std::max<idx_t>(n, 1));
  for (idx_t r = 0; r < n; ++r) states[r] = r < n / 2 ? first : second;
  f.update(inputs, states.data());
  f.combine(&second, &first, 1, bind);
  Value combined = finalize(first);
  EXPECT_TRUE(SameValue(simple, combined, tolerance))
      << name << ": one state gives " << simple.ToString() << ", combined states give "
      << combined.ToString();
  if (f.destroy) {
    for (uint8_t* state : {whole, first, second}) f.destroy(&state, 1);
  }
  return simple;
}

::testing::AssertionResult ValuesEqual(const char* actual_text, const char* expected_text,
                                       const Value& actual, const Value& expected) {
  if (SameValue(actual, expected)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << actual_text << " is " << actual.ToSqlLiteral()
                                       << " of type " << actual.type().ToString() << ", expected "
                                       << expected_text << " = " << expected.ToSqlLiteral();
}

Value Dec(const std::string& text, int precision, int scale) {
  return Value::Decimal(*Decimal::Parse(text, precision, scale), precision, scale);
}

Value DateOf(const std::string& text) { return Value::Date(*Date::Parse(text)); }

Value Ts(const std::string& text, int precision) {
  return Value::Timestamp(Timestamp::Parse(text)->micros, precision);
}

Value TsTz(const std::string& text, int precision) {
  auto parsed = Timestamp::Parse(text);
  return Value::TimestampWithZone(
      Timestamp::FromLocal(parsed->micros, parsed->zone.value_or(TimeZone::kUtc)), precision);
}

Value Json(const std::string& text) { return Value::Json(text); }

Value ArrayOf(LogicalType element, std::vector<Value> elements) {
  return Value::Array(std::move(element), std::move(elements));
}

Value IntArray(const std::vector<int64_t>& elements) {
  std::vector<Value> values;
  for (int64_t e : elements) values.push_back(Value::Integer(static_cast<int32_t>(e)));
  return Value::Array(TypeId::kInteger, std::move(values));
}

Value StrArray(const std::vector<std::string>& elements) {
  std::vector<Value> values;
  for (const auto& e : elements) values.push_back(Value::Varchar(e));
  return Value::Array(LogicalType::Varchar(), std::move(values));
}

}  // namespace switchboard
