// Subquery binding: every subquery, correlated or not, leaves the binder as joins; no expression
// of the plan still holds a subquery or refers to an enclosing query's columns, so nothing is
// evaluated per outer row.
#include <gtest/gtest.h>

#include "sql/binder/tests/sql_test_environment.h"

namespace switchboard::testing {
namespace {

class SubqueryTest : public ::testing::Test {
 protected:
  SubqueryTest() : sql_(SqlTestEnvironment::Builtins()) {
    sql_.AddTable("customers", {{"customer_id", TypeId::kBigint},
                                {"name", LogicalType::Varchar()},
                                {"credit", TypeId::kInteger}});
    sql_.AddTable("orders", {{"order_id", TypeId::kBigint},
                             {"customer_id", TypeId::kBigint},
                             {"amount", TypeId::kInteger}});
  }

  /// Binds `query` and checks that the plan is flat: no subquery expressions and no references to
  /// columns of an enclosing query.
  BoundQuery BindFlat(const std::string& query) {
    BoundQuery bound = sql_.Bind(query);
    EXPECT_FALSE(AnyExpression(*bound.plan, [](const Expression& e) {
      return e.kind == ExpressionKind::kSubquery;
    })) << bound.plan->ToString();
    EXPECT_FALSE(AnyExpression(*bound.plan, [](const Expression& e) {
      return e.kind == ExpressionKind::kColumnRef && e.As<ColumnRefExpression>().depth > 0;
    })) << bound.plan->ToString();
    return bound;
  }

  std::vector<JoinType> JoinTypes(const LogicalOperator& plan) {
    std::vector<JoinType> types;
    for (const LogicalOperator* join : FindOperators(plan, LogicalOperatorKind::kJoin)) {
      types.push_back(join->As<LogicalJoin>().join_type);
    }
    return types;
  }

  static bool Has(const std::vector<JoinType>& types, JoinType type) {
    return std::find(types.begin(), types.end(), type) != types.end();
  }

  SqlTestEnvironment sql_;
};

TEST_F(SubqueryTest, UncorrelatedScalarSubqueryBecomesASingleRowJoin) {
  BoundQuery bound = BindFlat("SELECT name, (SELECT max(amount) FROM orders) FROM customers");
  EXPECT_EQ(bound.types[1], LogicalType(TypeId::kInteger));
  EXPECT_FALSE(JoinTypes(*bound.plan).empty());
}

TEST_F(SubqueryTest, CorrelatedScalarAggregateIsDecorrelatedIntoAJoin) {
  BoundQuery bound = BindFlat(
      "SELECT name, (SELECT sum(amount) FROM orders o WHERE o.customer_id = c.customer_id) FROM "
      "customers c");
  EXPECT_EQ(bound.types[1], LogicalType(TypeId::kBigint));
  auto joins = FindOperators(*bound.plan, LogicalOperatorKind::kJoin);
  ASSERT_FALSE(joins.empty());
  // The correlation became a join condition between the outer rows and the grouped subquery.
  bool has_equality = false;
  for (const LogicalOperator* join : joins) {
    for (const auto& condition : join->As<LogicalJoin>().conditions) {
      has_equality = has_equality || condition.op == ComparisonOp::kEqual;
    }
  }
  EXPECT_TRUE(has_equality) << bound.plan->ToString();
  EXPECT_FALSE(FindOperators(*bound.plan, LogicalOperatorKind::kAggregate).empty());
}

TEST_F(SubqueryTest, ExistsAndNotExistsBecomeSemiAndAntiJoins) {
  BoundQuery exists = BindFlat(
      "SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = "
      "c.customer_id)");
  EXPECT_TRUE(Has(JoinTypes(*exists.plan), JoinType::kSemi)) << exists.plan->ToString();
  BoundQuery not_exists = BindFlat(
      "SELECT name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = "
      "c.customer_id)");
  EXPECT_TRUE(Has(JoinTypes(*not_exists.plan), JoinType::kAnti)) << not_exists.plan->ToString();
}

TEST_F(SubqueryTest, InSubqueryInWhereIsASemiJoinAndInTheSelectListAMarkJoin) {
  BoundQuery filter =
      BindFlat("SELECT name FROM customers WHERE customer_id IN (SELECT customer_id FROM orders)");
  EXPECT_TRUE(Has(JoinTypes(*filter.plan), JoinType::kSemi)) << filter.plan->ToString();
  BoundQuery value =
      BindFlat("SELECT customer_id IN (SELECT customer_id FROM orders) FROM customers");
  EXPECT_EQ(value.types[0], LogicalType(TypeId::kBoolean));
  EXPECT_TRUE(Has(JoinTypes(*value.plan), JoinType::kMark)) << value.plan->ToString();
}

TEST_F(SubqueryTest, NonEqualityCorrelationIsFlattenedToo) {
  // The correlation (o.amount > c.credit) is not an equality: the subquery is joined with the
  // distinct outer values instead of being re-run per customer.
  BoundQuery bound = BindFlat(
      "SELECT name, (SELECT count(*) FROM orders o WHERE o.amount > c.credit AND o.customer_id = "
      "c.customer_id) "
      "FROM customers c");
  EXPECT_EQ(bound.types[1], LogicalType(TypeId::kBigint));
  EXPECT_FALSE(JoinTypes(*bound.plan).empty());
}

TEST_F(SubqueryTest, CorrelationTwoLevelsDeepIsFlattened) {
  BindFlat(
      "SELECT name FROM customers c WHERE EXISTS ("
      "  SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.amount > ("
      "    SELECT avg(amount) FROM orders o2 WHERE o2.customer_id = c.customer_id))");
}

TEST_F(SubqueryTest, LateralSubqueryIsFlattened) {
  BoundQuery bound = BindFlat(
      "SELECT c.name, t.total FROM customers c, LATERAL (SELECT sum(amount) AS total FROM orders o "
      "WHERE o.customer_id = c.customer_id) t");
  EXPECT_EQ(bound.names, (std::vector<std::string>{"name", "total"}));
}

TEST_F(SubqueryTest, ScalarSubqueryWithSeveralColumnsIsAnError) {
  Error error = sql_.BindError("SELECT (SELECT order_id, amount FROM orders) FROM customers");
  EXPECT_NE(error.code, ErrorCode::kInternal) << error.message;
  EXPECT_NE(error.message.find("line 1:"), std::string::npos) << error.message;
}

TEST_F(SubqueryTest, UnknownColumnInsideASubqueryListsTheSubquerysColumns) {
  Error error = sql_.BindError(
      "SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.ammount > 1)");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedColumn);
  EXPECT_NE(error.message.find("did you mean \"amount\""), std::string::npos) << error.message;
}

}  // namespace
}  // namespace switchboard::testing
