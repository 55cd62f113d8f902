// A fixture that calls registered functions the way the expression executor does (resolution,
// argument casts, NULL propagation, constant and column inputs), for the per-family unit tests.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "function/function_registry.h"
#include "function/query_context.h"
#include "types/value.h"

namespace switchboard {

/// A lambda argument for tests: the body's type and a function computing it from parameters.
struct TestLambda {
  LogicalType result_type;
  std::function<Value(const std::vector<Value>&)> body;
};

class FunctionTest : public ::testing::Test {
 protected:
  FunctionTest();

  static const FunctionRegistry& registry();

  /// name(args) for one row. Evaluates it twice, with constant arguments (bound with their
  /// values, as for literals) and with flat columns of three rows (bound without), checks that
  /// every evaluation agrees and returns the value.
  Value Call(const std::string& name, const std::vector<Value>& args,
             const std::map<idx_t, TestLambda>& lambdas = {});
  /// The result type name(args) resolves to.
  LogicalType ReturnType(const std::string& name, const std::vector<Value>& args);
  /// name over columns of flat vectors (one inner vector per row), bound without constants.
  std::vector<Value> CallRows(const std::string& name, const std::vector<LogicalType>& types,
                              const std::vector<std::vector<Value>>& rows,
                              const std::map<idx_t, TestLambda>& lambdas = {});
  /// The error name(args) raises with constant arguments; fails the test when it raises none.
  Error CallError(const std::string& name, const std::vector<Value>& args,
                  const std::map<idx_t, TestLambda>& lambdas = {});

  /// An aggregate over `rows` (one inner vector of arguments per row). Computes it with the
  /// simple update, and with the grouped update over two partial states that are then combined;
  /// checks that both agree (order-sensitive aggregates keep the row order) and that finalizing
  /// twice gives the same value, and returns it. `constants` are passed to bind; `tolerance` is
  /// the relative difference allowed between the two ways for doubles (sketches and floating point
  /// sums depend on the order values arrive in).
  Value Aggregate(const std::string& name, const std::vector<LogicalType>& types,
                  const std::vector<std::vector<Value>>& rows,
                  const std::vector<std::optional<Value>>& constants = {}, double tolerance = 1e-9);

  QueryContext query_;

 private:
  Value Evaluate(const ResolvedScalar& resolved, const std::vector<Value>& args, bool constant,
                 idx_t rows, const std::map<idx_t, TestLambda>& lambdas);
};

// Shorthands for building argument values.
inline Value Int(int32_t v) { return Value::Integer(v); }
inline Value Big(int64_t v) { return Value::Bigint(v); }
inline Value Dbl(double v) { return Value::Double(v); }
inline Value Str(std::string v) { return Value::Varchar(std::move(v)); }
inline Value Bool(bool v) { return Value::Boolean(v); }
inline Value Null() { return Value(); }
inline Value NullOf(LogicalType type) { return Value::Null(std::move(type)); }
Value Dec(const std::string& text, int precision, int scale);
Value DateOf(const std::string& text);
Value Ts(const std::string& text, int precision = 3);
/// 'yyyy-mm-dd hh:mm:ss[.fff] Zone' as a TIMESTAMP WITH TIME ZONE.
Value TsTz(const std::string& text, int precision = 3);
Value Json(const std::string& text);
Value ArrayOf(LogicalType element, std::vector<Value> elements);
Value IntArray(const std::vector<int64_t>& elements);
Value StrArray(const std::vector<std::string>& elements);

/// Whether two values have the same type and print alike (doubles within a relative 1e-9);
/// the failure message shows both as SQL literals. Use through EXPECT_VALUE.
::testing::AssertionResult ValuesEqual(const char* actual_text, const char* expected_text,
                                       const Value& actual, const Value& expected);
#define EXPECT_VALUE(actual, expected) \
  EXPECT_PRED_FORMAT2(::switchboard::ValuesEqual, actual, expected)

/// EXPECT that `statement` throws an Exception with error code `code`.
#define EXPECT_ERROR_CODE(statement, error_code)                             \
  do {                                                                       \
    try {                                                                    \
      statement;                                                             \
      ADD_FAILURE() << "expected " #error_code " from " #statement;          \
    } catch (const ::switchboard::Exception& e) {                            \
      EXPECT_EQ(e.code(), ::switchboard::ErrorCode::error_code) << e.what(); \
    }                                                                        \
  } while (0)

}  // namespace switchboard
