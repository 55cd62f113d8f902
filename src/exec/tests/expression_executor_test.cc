// ExpressionExecutor: physical expressions over chunks: selection vectors from filters, constant
// inputs, NULL propagation and three-valued logic, and lazy CASE/COALESCE that never evaluate a
// branch for rows that do not take it.
#include "exec/expression_executor.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "exec/tests/exec_test_util.h"
#include "function/function_registry.h"
#include "function/query_context.h"

namespace switchboard::testing {
namespace {

class ExpressionExecutorTest : public ::testing::Test {
 protected:
  static const FunctionRegistry& Functions() {
    static const std::unique_ptr<FunctionRegistry> registry =
        FunctionRegistry::CreateWithBuiltins();
    return *registry;
  }

  static ExpressionPtr Column(idx_t index, LogicalType type = TypeId::kBigint) {
    return std::make_unique<ReferenceExpression>(std::move(type), index);
  }
  static ExpressionPtr Constant(Value value) { return MakeConstant(std::move(value)); }
  static ExpressionPtr Compare(ComparisonOp op, ExpressionPtr left, ExpressionPtr right) {
    return std::make_unique<ComparisonExpression>(op, std::move(left), std::move(right));
  }
  /// name(arguments) resolved in the registry (arguments must already have the parameter types).
  static ExpressionPtr Call(const std::string& name, ExpressionList arguments) {
    std::vector<LogicalType> types;
    for (const auto& argument : arguments) types.push_back(argument->type);
    ResolvedScalar resolved = Functions().ResolveScalar(name, types);
    return std::make_unique<FunctionExpression>(resolved.function, resolved.bind_data,
                                                std::move(arguments));
  }
  static ExpressionPtr Case(ExpressionPtr when, ExpressionPtr then, ExpressionPtr otherwise) {
    LogicalType type = then->type;
    ExpressionList operands;
    operands.push_back(std::move(when));
    operands.push_back(std::move(then));
    operands.push_back(std::move(otherwise));
    return std::make_unique<OperatorExpression>(ExpressionKind::kCase, type, std::move(operands));
  }
  static ExpressionList List(ExpressionPtr a, ExpressionPtr b) {
    ExpressionList list;
    list.push_back(std::move(a));
    list.push_back(std::move(b));
    return list;
  }

  std::vector<Value> Evaluate(const Expression& expression, const DataChunk& input) {
    ExpressionExecutor executor(&query_, expression);
    Vector result;
    executor.Execute(input, 0, result);
    return Values(result, input.size());
  }

  static DataChunk BigintColumn(const std::vector<Value>& values) {
    std::vector<std::vector<Value>> rows;
    for (const Value& v : values) rows.push_back({v});
    return MakeChunk({TypeId::kBigint}, rows);
  }

  QueryContext query_;
};

TEST_F(ExpressionExecutorTest, SelectReturnsThePositionsWhereAPredicateIsTrue) {
  DataChunk input = BigintColumn(
      {Value::Bigint(5), Value::Bigint(1), Value::Null(TypeId::kBigint), Value::Bigint(9)});
  auto predicate = Compare(ComparisonOp::kGreater, Column(0), Constant(Value::Bigint(3)));
  ExpressionExecutor executor(&query_, *predicate);
  SelectionVector selected(kVectorSize);
  ASSERT_EQ(executor.Select(input, selected), 2u);  // NULL > 3 is not true
  EXPECT_EQ(selected.get_index(0), 0u);
  EXPECT_EQ(selected.get_index(1), 3u);
}

TEST_F(ExpressionExecutorTest, SelectWorksOnTheRowsOfASlicedChunk) {
  DataChunk input =
      BigintColumn({Value::Bigint(1), Value::Bigint(2), Value::Bigint(3), Value::Bigint(4)});
  SelectionVector odd_rows(2);
  odd_rows.set_index(0, 1);
  odd_rows.set_index(1, 3);
  input.Slice(odd_rows, 2);  // rows 2 and 4
  auto predicate = Compare(ComparisonOp::kEqual, Column(0), Constant(Value::Bigint(4)));
  ExpressionExecutor executor(&query_, *predicate);
  SelectionVector selected(kVectorSize);
  ASSERT_EQ(executor.Select(input, selected), 1u);
  EXPECT_EQ(selected.get_index(0), 1u);  // a position in the sliced chunk
}

TEST_F(ExpressionExecutorTest, ConstantInputsGiveAValueForEveryRow) {
  DataChunk input;
  input.Initialize({TypeId::kBigint}, 3);
  input.column(0) = Vector::Constant(Value::Bigint(20));
  input.SetSize(3);
  auto sum = Call("+", List(Column(0), Constant(Value::Bigint(1))));
  EXPECT_EQ(Evaluate(*sum, input), (std::vector<Value>(3, Value::Bigint(21))));
}

TEST_F(ExpressionExecutorTest, NullArgumentsPropagateThroughFunctions) {
  DataChunk input = BigintColumn({Value::Bigint(2), Value::Null(TypeId::kBigint)});
  auto product = Call("*", List(Column(0), Constant(Value::Bigint(10))));
  EXPECT_EQ(Evaluate(*product, input),
            (std::vector<Value>{Value::Bigint(20), Value::Null(TypeId::kBigint)}));
}

TEST_F(ExpressionExecutorTest, ConjunctionsFollowThreeValuedLogic) {
  Value null = Value::Null(TypeId::kBoolean);
  DataChunk input =
      MakeChunk({TypeId::kBoolean, TypeId::kBoolean},
                {{Value::Boolean(false), null}, {Value::Boolean(true), null}, {null, null}});
  auto conjunction = std::make_unique<ConjunctionExpression>(
      true, List(Column(0, TypeId::kBoolean), Column(1, TypeId::kBoolean)));
  EXPECT_EQ(Evaluate(*conjunction, input), (std::vector<Value>{Value::Boolean(false), null, null}));
  auto disjunction = std::make_unique<ConjunctionExpression>(
      false, List(Column(0, TypeId::kBoolean), Column(1, TypeId::kBoolean)));
  EXPECT_EQ(Evaluate(*disjunction, input), (std::vector<Value>{null, Value::Boolean(true), null}));
}

TEST_F(ExpressionExecutorTest, DivisionByZeroIsAnErrorWithItsSqlState) {
  DataChunk input = BigintColumn({Value::Bigint(0)});
  auto quotient = Call("/", List(Constant(Value::Bigint(100)), Column(0)));
  try {
    Evaluate(*quotient, input);
    ADD_FAILURE() << "100 / 0 evaluated";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDivisionByZero);
    EXPECT_EQ(SqlState(e.code()), "22012");
  }
}

TEST_F(ExpressionExecutorTest, CaseEvaluatesABranchOnlyForTheRowsThatTakeIt) {
  DataChunk input = BigintColumn({Value::Bigint(4), Value::Bigint(0), Value::Bigint(-5)});
  // CASE WHEN x <> 0 THEN 100 / x ELSE -1 END: 100 / 0 must never run.
  auto expression =
      Case(Compare(ComparisonOp::kNotEqual, Column(0), Constant(Value::Bigint(0))),
           Call("/", List(Constant(Value::Bigint(100)), Column(0))), Constant(Value::Bigint(-1)));
  EXPECT_EQ(Evaluate(*expression, input),
            (std::vector<Value>{Value::Bigint(25), Value::Bigint(-1), Value::Bigint(-20)}));
}

TEST_F(ExpressionExecutorTest, CoalesceEvaluatesLaterArgumentsOnlyWhereEarlierOnesAreNull) {
  DataChunk input = MakeChunk(
      {TypeId::kBigint, TypeId::kBigint},
      {{Value::Bigint(7), Value::Bigint(0)}, {Value::Null(TypeId::kBigint), Value::Bigint(50)}});
  // coalesce(a, 100 / b): b is 0 only where a is not NULL.
  auto expression = std::make_unique<OperatorExpression>(
      ExpressionKind::kCoalesce, TypeId::kBigint,
      List(Column(0), Call("/", List(Constant(Value::Bigint(100)), Column(1)))));
  EXPECT_EQ(Evaluate(*expression, input), (std::vector<Value>{Value::Bigint(7), Value::Bigint(2)}));
}

TEST_F(ExpressionExecutorTest, ExecuteFillsEveryOutputColumn) {
  DataChunk input = BigintColumn({Value::Bigint(1), Value::Bigint(2)});
  auto doubled = Call("*", List(Column(0), Constant(Value::Bigint(2))));
  auto is_one = Compare(ComparisonOp::kEqual, Column(0), Constant(Value::Bigint(1)));
  ExpressionExecutor executor(&query_, std::vector<const Expression*>{doubled.get(), is_one.get()});
  DataChunk output;
  output.Initialize({TypeId::kBigint, TypeId::kBoolean});
  executor.Execute(input, output);
  ASSERT_EQ(output.size(), 2u);
  EXPECT_EQ(Values(output.column(0), 2), (std::vector<Value>{Value::Bigint(2), Value::Bigint(4)}));
  EXPECT_EQ(Values(output.column(1), 2),
            (std::vector<Value>{Value::Boolean(true), Value::Boolean(false)}));
}

TEST_F(ExpressionExecutorTest, EvaluatesConstantExpressions) {
  auto expression = Call("+", List(Constant(Value::Bigint(40)), Constant(Value::Bigint(2))));
  EXPECT_EQ(ExpressionExecutor::EvaluateConstant(*expression, &query_), Value::Bigint(42));
  auto null_sum =
      Call("+", List(Constant(Value::Null(TypeId::kBigint)), Constant(Value::Bigint(2))));
  EXPECT_EQ(ExpressionExecutor::EvaluateConstant(*null_sum, &query_), Value::Null(TypeId::kBigint));
}

}  // namespace
}  // namespace switchboard::testing
