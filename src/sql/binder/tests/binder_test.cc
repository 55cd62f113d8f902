// Binder unit tests: name resolution and scoping, types and coercions, GROUP BY/HAVING rules,
// views and CTEs, and the errors (with locations and close-name suggestions) bad names cause.
#include <gtest/gtest.h>

#include "sql/binder/tests/sql_test_environment.h"

namespace switchboard::testing {
namespace {

class BinderTest : public ::testing::Test {
 protected:
  BinderTest() : sql_(SqlTestEnvironment::Builtins()) {
    sql_.AddTable("customers", {{"customer_id", TypeId::kBigint},
                                {"name", LogicalType::Varchar()},
                                {"region", LogicalType::Varchar()}});
    sql_.AddTable("orders", {{"order_id", TypeId::kBigint},
                             {"customer_id", TypeId::kBigint},
                             {"amount", LogicalType::Decimal(10, 2)},
                             {"status", LogicalType::Varchar()}});
    sql_.catalog().CreateSchema("sales", false, "", "").ValueOrThrow();
    sql_.AddTable("targets", {{"region", LogicalType::Varchar()}, {"goal", TypeId::kInteger}}, {},
                  "sales");
  }

  std::vector<std::string> Names(const std::string& query) { return sql_.Bind(query).names; }
  std::vector<LogicalType> Types(const std::string& query) { return sql_.Bind(query).types; }

  SqlTestEnvironment sql_;
};

TEST_F(BinderTest, ResolvesColumnsToTheirTableTypes) {
  BoundQuery bound = sql_.Bind("SELECT name, customer_id FROM customers");
  EXPECT_EQ(bound.names, (std::vector<std::string>{"name", "customer_id"}));
  EXPECT_EQ(bound.types, (std::vector<LogicalType>{LogicalType::Varchar(), TypeId::kBigint}));
  bound.plan->ResolveTypes();
  EXPECT_EQ(bound.plan->types, bound.types);
  ASSERT_EQ(FindOperators(*bound.plan, LogicalOperatorKind::kGet).size(), 1u);
}

TEST_F(BinderTest, NamesMatchCaseInsensitively) {
  EXPECT_EQ(Types("SELECT NAME, \"Customer_Id\" FROM CUSTOMERS"),
            (std::vector<LogicalType>{LogicalType::Varchar(), TypeId::kBigint}));
}

TEST_F(BinderTest, QuotedNamesPickTheExactCaseAmongColumnsThatDifferOnlyByCase) {
  sql_.AddTable("mixed", {{"Code", TypeId::kInteger}, {"code", LogicalType::Varchar()}});
  EXPECT_EQ(Types("SELECT \"Code\", \"code\" FROM mixed"),
            (std::vector<LogicalType>{TypeId::kInteger, LogicalType::Varchar()}));
  Error error = sql_.BindError("SELECT CODE FROM mixed");
  EXPECT_EQ(error.code, ErrorCode::kAmbiguousName) << error.message;
}

TEST_F(BinderTest, ExpandsStarInTableOrderAndQualifiedStarPerRelation) {
  EXPECT_EQ(Names("SELECT * FROM customers"),
            (std::vector<std::string>{"customer_id", "name", "region"}));
  EXPECT_EQ(Names("SELECT o.* FROM customers c JOIN orders o ON c.customer_id = o.customer_id"),
            (std::vector<std::string>{"order_id", "customer_id", "amount", "status"}));
}

TEST_F(BinderTest, ArithmeticFollowsTrinoCoercions) {
  // bigint + integer literal stays bigint; bigint + decimal(1,1) widens the bigint to
  // decimal(19,0).
  EXPECT_EQ(Types("SELECT customer_id + 1 FROM customers")[0], LogicalType(TypeId::kBigint));
  EXPECT_EQ(Types("SELECT customer_id + 0.5 FROM customers")[0], LogicalType::Decimal(21, 1));
  EXPECT_EQ(Types("SELECT amount * 2 FROM orders")[0], LogicalType::Decimal(20, 2));
  EXPECT_EQ(Types("SELECT customer_id + 1e0 FROM customers")[0], LogicalType(TypeId::kDouble));
  EXPECT_EQ(Types("SELECT name || region FROM customers")[0].id(), TypeId::kVarchar);
}

TEST_F(BinderTest, ComparisonsCoerceBothSidesToACommonType) {
  BoundQuery bound = sql_.Bind("SELECT order_id FROM orders WHERE amount > 100");
  auto filters = FindOperators(*bound.plan, LogicalOperatorKind::kFilter);
  ASSERT_EQ(filters.size(), 1u);
  const Expression& predicate = *filters[0]->expressions[0];
  ASSERT_EQ(predicate.kind, ExpressionKind::kComparison);
  EXPECT_EQ(predicate.children[0]->type, predicate.children[1]->type);
  EXPECT_EQ(predicate.children[0]->type.id(), TypeId::kDecimal);
}

TEST_F(BinderTest, AnAliasHidesTheTableName) {
  EXPECT_EQ(Types("SELECT c.name FROM customers AS c")[0].id(), TypeId::kVarchar);
  Error error = sql_.BindError("SELECT customers.name FROM customers AS c");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedColumn) << error.message;
}

TEST_F(BinderTest, ColumnsOfBothSidesOfAJoinAreAmbiguousUnlessQualified) {
  Error error = sql_.BindError("SELECT customer_id FROM customers, orders");
  EXPECT_EQ(error.code, ErrorCode::kAmbiguousName);
  EXPECT_EQ(error.message, "line 1:8: Column 'customer_id' is ambiguous");
  EXPECT_EQ(Types("SELECT orders.customer_id FROM customers, orders")[0],
            LogicalType(TypeId::kBigint));
}

TEST_F(BinderTest, UsingJoinExposesTheSharedColumnOnce) {
  EXPECT_EQ(
      Names("SELECT * FROM customers JOIN orders USING (customer_id)"),
      (std::vector<std::string>{"customer_id", "name", "region", "order_id", "amount", "status"}));
  // The unqualified USING column is not ambiguous; each side stays reachable by qualifier.
  EXPECT_EQ(
      Types("SELECT customer_id, orders.customer_id FROM customers JOIN orders USING (customer_id)")
          .size(),
      2u);
  Error error = sql_.BindError("SELECT * FROM customers JOIN orders USING (status)");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedColumn);
  EXPECT_NE(error.message.find("'status' is missing from one side of the join"), std::string::npos)
      << error.message;
}

TEST_F(BinderTest, UnknownColumnNamesTheLocationAndCloseMatches) {
  Error error = sql_.BindError("SELECT name,\n       regoin FROM customers");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedColumn);
  EXPECT_EQ(error.message,
            "line 2:8: Column 'regoin' cannot be resolved, did you mean \"region\"?");
  EXPECT_EQ(SqlState(error.code), "42703");
}

TEST_F(BinderTest, UnknownTableNamesCloseMatches) {
  Error error = sql_.BindError("SELECT * FROM custmers");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedTable);
  EXPECT_EQ(
      error.message,
      "line 1:15: Table 'memory.default.custmers' does not exist, did you mean \"customers\"?");
}

TEST_F(BinderTest, SchemaQualifiedNamesResolveAndUnknownSchemasAreReported) {
  EXPECT_EQ(Names("SELECT * FROM sales.targets"), (std::vector<std::string>{"region", "goal"}));
  EXPECT_EQ(Names("SELECT goal FROM memory.sales.targets"), (std::vector<std::string>{"goal"}));
  Error error = sql_.BindError("SELECT * FROM sale.targets");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedSchema);
  EXPECT_NE(error.message.find("did you mean \"sales\""), std::string::npos) << error.message;
}

TEST_F(BinderTest, UnknownFunctionNamesCloseMatches) {
  Error error = sql_.BindError("SELECT lenght(name) FROM customers");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedFunction);
  EXPECT_NE(error.message.find("line 1:8"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("length"), std::string::npos) << error.message;
}

TEST_F(BinderTest, OperatorTypeErrorsNameTheTypes) {
  Error error = sql_.BindError("SELECT name + 1 FROM customers");
  EXPECT_EQ(error.code, ErrorCode::kTypeMismatch);
  EXPECT_NE(error.message.find("Cannot apply operator: varchar + integer"), std::string::npos)
      << error.message;
}

TEST_F(BinderTest, SelectedColumnsMustBeGroupedOrAggregated) {
  Error error = sql_.BindError("SELECT region, name FROM customers GROUP BY region");
  EXPECT_EQ(error.code, ErrorCode::kGroupingError);
  EXPECT_NE(error.message.find("name"), std::string::npos) << error.message;
  EXPECT_EQ(SqlState(error.code), "42803");

  error = sql_.BindError("SELECT region FROM customers GROUP BY region HAVING name = 'x'");
  EXPECT_EQ(error.code, ErrorCode::kGroupingError);
  EXPECT_NE(error.message.find("HAVING"), std::string::npos) << error.message;
}

TEST_F(BinderTest, GroupByExpressionsMayBeSelectedInsideLargerExpressions) {
  BoundQuery bound = sql_.Bind(
      "SELECT upper(region), count(*) FROM customers GROUP BY upper(region) HAVING count(*) > 1");
  EXPECT_EQ(bound.types[1], LogicalType(TypeId::kBigint));
  auto aggregates = FindOperators(*bound.plan, LogicalOperatorKind::kAggregate);
  ASSERT_EQ(aggregates.size(), 1u);
  const auto& aggregate = aggregates[0]->As<LogicalAggregate>();
  EXPECT_EQ(aggregate.groups.size(), 1u);
  EXPECT_EQ(aggregate.expressions.size(), 1u);  // count(*) once, shared by SELECT and HAVING
  // HAVING filters the aggregate's output.
  auto filters = FindOperators(*bound.plan, LogicalOperatorKind::kFilter);
  ASSERT_EQ(filters.size(), 1u);
  EXPECT_EQ(filters[0]->children[0]->kind, LogicalOperatorKind::kAggregate);
}

TEST_F(BinderTest, GroupByPositionsReferToTheSelectList) {
  EXPECT_EQ(Types("SELECT region, count(*) FROM customers GROUP BY 1")[0].id(), TypeId::kVarchar);
  Error error = sql_.BindError("SELECT region, count(*) FROM customers GROUP BY 3");
  EXPECT_EQ(error.code, ErrorCode::kInvalidParameter);
  EXPECT_NE(error.message.find("GROUP BY position 3 is not in select list"), std::string::npos)
      << error.message;
  error = sql_.BindError("SELECT region, count(*) FROM customers GROUP BY 2");
  EXPECT_EQ(error.code, ErrorCode::kGroupingError) << error.message;
}

TEST_F(BinderTest, AggregatesAreNotAllowedInWhere) {
  Error error = sql_.BindError("SELECT order_id FROM orders WHERE sum(amount) > 10");
  EXPECT_NE(error.code, ErrorCode::kInternal) << error.message;
  EXPECT_NE(error.message.find("line 1:35"), std::string::npos) << error.message;
}

TEST_F(BinderTest, ViewsBindTheirQueryInPlaceUnderTheirColumnNames) {
  sql_.AddView("big_orders", "SELECT order_id, amount FROM orders WHERE amount > 100",
               {"id", "total"});
  BoundQuery bound = sql_.Bind("SELECT id, total FROM big_orders WHERE total < 1000");
  EXPECT_EQ(bound.names, (std::vector<std::string>{"id", "total"}));
  EXPECT_EQ(bound.types, (std::vector<LogicalType>{TypeId::kBigint, LogicalType::Decimal(10, 2)}));
  auto gets = FindOperators(*bound.plan, LogicalOperatorKind::kGet);
  ASSERT_EQ(gets.size(), 1u);
  EXPECT_EQ(gets[0]->As<LogicalGet>().display_name, "memory.default.orders");
  EXPECT_EQ(FindOperators(*bound.plan, LogicalOperatorKind::kFilter).size(), 2u);
}

TEST_F(BinderTest, AViewReadTwiceGetsDistinctTableIndexes) {
  sql_.AddView("v", "SELECT customer_id FROM customers", {"customer_id"});
  BoundQuery bound =
      sql_.Bind("SELECT a.customer_id FROM v a JOIN v b ON a.customer_id = b.customer_id");
  auto gets = FindOperators(*bound.plan, LogicalOperatorKind::kGet);
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_NE(gets[0]->As<LogicalGet>().table_index, gets[1]->As<LogicalGet>().table_index);
}

TEST_F(BinderTest, CommonTableExpressionsShadowTablesAndKeepTheirColumnAliases) {
  BoundQuery bound =
      sql_.Bind("WITH customers (k, label) AS (SELECT 1, 'x') SELECT label FROM customers");
  ASSERT_EQ(bound.types.size(), 1u);
  EXPECT_EQ(bound.types[0].id(), TypeId::kVarchar);
  EXPECT_TRUE(FindOperators(*bound.plan, LogicalOperatorKind::kGet).empty());
}

TEST_F(BinderTest, SetOperationsCoerceColumnsToACommonType) {
  EXPECT_EQ(Types("SELECT customer_id FROM customers UNION ALL SELECT 2.5"),
            (std::vector<LogicalType>{LogicalType::Decimal(20, 1)}));
  Error error =
      sql_.BindError("SELECT customer_id, name FROM customers UNION SELECT order_id FROM orders");
  EXPECT_EQ(error.code, ErrorCode::kTypeMismatch) << error.message;
  error = sql_.BindError("SELECT name FROM customers UNION SELECT order_id FROM orders");
  EXPECT_EQ(error.code, ErrorCode::kTypeMismatch) << error.message;
}

TEST_F(BinderTest, OrderByResolvesSelectAliasesAndPositions) {
  BoundQuery bound =
      sql_.Bind("SELECT name AS who, region FROM customers ORDER BY who DESC, 2 NULLS FIRST");
  auto orders = FindOperators(*bound.plan, LogicalOperatorKind::kOrder);
  ASSERT_EQ(orders.size(), 1u);
  const auto& order = orders[0]->As<LogicalOrder>();
  ASSERT_EQ(order.orders.size(), 2u);
  EXPECT_TRUE(order.orders[0].descending);
  EXPECT_FALSE(order.orders[1].descending);
  EXPECT_TRUE(order.orders[1].nulls_first);
  Error error = sql_.BindError("SELECT name FROM customers ORDER BY 2");
  EXPECT_EQ(error.code, ErrorCode::kInvalidParameter) << error.message;
}

}  // namespace
}  // namespace switchboard::testing
