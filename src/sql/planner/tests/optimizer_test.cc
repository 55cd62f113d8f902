// Optimizer unit tests: plans are bound from SQL over an in-memory catalog and a test table
// function that accepts pushed filters, optimized, and checked operator by operator.
#include <algorithm>
#include "sql/planner/optimizer/optimizer.h"

#include <gtest/gtest.h>

#include "exec/expression_executor.h"
#include "sql/binder/tests/sql_test_environment.h"

namespace switchboard::testing {
namespace {

struct NumbersData : FunctionData {
  double rows = 0;
};

/// numbers(n): columns (id bigint, label varchar) with n rows by its statistics. It accepts
/// pushed filters on `id` only, so tests can tell pushed predicates from kept ones. Never scanned.
TableFunction NumbersFunction() {
  TableFunction function;
  function.name = "numbers";
  function.arguments = {TypeId::kBigint};
  function.bind = [](TableFunctionBindInput& input) {
    TableFunctionBindResult result;
    result.names = {"id", "label"};
    result.types = {TypeId::kBigint, LogicalType::Varchar()};
    auto data = std::make_unique<NumbersData>();
    data->rows = static_cast<double>(input.arguments[0].GetInt64());
    result.bind_data = std::move(data);
    return result;
  };
  function.statistics = [](const FunctionData* data) {
    TableStatistics statistics;
    statistics.row_count = static_cast<const NumbersData*>(data)->rows;
    return statistics;
  };
  function.accepts_filter = [](const FunctionData*, const TableFilter& filter) {
    return filter.column == 0;
  };
  return function;
}

struct KeyPairsData : FunctionData {
  double rows = 0;
  double distinct_a = 0;
  double distinct_b = 0;
};

/// key_pairs(n, distinct_a, distinct_b): columns (a bigint, b bigint) with n rows and those
/// distinct counts by its statistics. Never scanned.
TableFunction KeyPairsFunction() {
  TableFunction function;
  function.name = "key_pairs";
  function.arguments = {TypeId::kBigint, TypeId::kBigint, TypeId::kBigint};
  function.bind = [](TableFunctionBindInput& input) {
    TableFunctionBindResult result;
    result.names = {"a", "b"};
    result.types = {TypeId::kBigint, TypeId::kBigint};
    auto data = std::make_unique<KeyPairsData>();
    data->rows = static_cast<double>(input.arguments[0].GetInt64());
    data->distinct_a = static_cast<double>(input.arguments[1].GetInt64());
    data->distinct_b = static_cast<double>(input.arguments[2].GetInt64());
    result.bind_data = std::move(data);
    return result;
  };
  function.statistics = [](const FunctionData* data) {
    const auto& pairs = *static_cast<const KeyPairsData*>(data);
    TableStatistics statistics;
    statistics.row_count = pairs.rows;
    statistics.distinct_counts = {pairs.distinct_a, pairs.distinct_b};
    return statistics;
  };
  return function;
}

const FunctionRegistry& FunctionsWithNumbers() {
  static const std::unique_ptr<FunctionRegistry> registry = [] {
    auto functions = FunctionRegistry::CreateWithBuiltins();
    functions->AddTable(NumbersFunction());
    functions->AddTable(KeyPairsFunction());
    return functions;
  }();
  return *registry;
}

std::vector<Value> CustomerRow(int64_t id, const char* name, const char* region) {
  return {Value::Bigint(id), Value::Varchar(name), Value::Varchar(region)};
}

class OptimizerTest : public ::testing::Test {
 protected:
  OptimizerTest() : sql_(FunctionsWithNumbers()) {
    std::vector<std::vector<Value>> customers;
    for (int64_t i = 0; i < 50; ++i) customers.push_back(CustomerRow(i, "c", i % 2 ? "EU" : "US"));
    sql_.AddTable("customers",
                  {{"customer_id", TypeId::kBigint},
                   {"name", LogicalType::Varchar()},
                   {"region", LogicalType::Varchar()}},
                  customers);
    std::vector<std::vector<Value>> orders;
    for (int64_t i = 0; i < 500; ++i)
      orders.push_back({Value::Bigint(i), Value::Bigint(i % 50), Value::Integer(7)});
    sql_.AddTable("orders",
                  {{"order_id", TypeId::kBigint},
                   {"customer_id", TypeId::kBigint},
                   {"amount", TypeId::kInteger}},
                  orders);
  }

  LogicalOperatorPtr Plan(const std::string& query) {
    OptimizerOptions options;
    options.evaluate_constant = [this](const Expression& e) {
      return ExpressionExecutor::EvaluateConstant(e, &query_);
    };
    return Optimize(sql_.Bind(query).plan, options);
  }

  /// The only operator of `kind` in `plan`.
  static const LogicalOperator& Only(const LogicalOperator& plan, LogicalOperatorKind kind) {
    auto found = FindOperators(plan, kind);
    if (found.size() != 1)
      throw std::runtime_error("expected one operator of the kind in\n" + plan.ToString());
    return *found[0];
  }

  static const LogicalGet& Scan(const LogicalOperator& plan, const std::string& display_name) {
    for (const LogicalOperator* op : FindOperators(plan, LogicalOperatorKind::kGet)) {
      if (op->As<LogicalGet>().display_name == display_name) return op->As<LogicalGet>();
    }
    throw std::runtime_error("no scan of " + display_name + " in\n" + plan.ToString());
  }

  /// The text of every conjunct of every filter operator in `plan`.
  static std::vector<std::string> FilterTexts(const LogicalOperator& plan) {
    std::vector<std::string> texts;
    for (const LogicalOperator* filter : FindOperators(plan, LogicalOperatorKind::kFilter)) {
      for (const auto& e : filter->expressions) texts.push_back(e->ToString());
    }
    return texts;
  }

  QueryContext query_;
  SqlTestEnvironment sql_;
};

TEST_F(OptimizerTest, FoldsConstantExpressions) {
  auto plan = Plan("SELECT 1 + 2 * 3 AS x, upper('ab') AS y");
  const auto& projection = Only(*plan, LogicalOperatorKind::kProjection);
  ASSERT_EQ(projection.expressions[0]->kind, ExpressionKind::kConstant);
  EXPECT_EQ(projection.expressions[0]->As<ConstantExpression>().value, Value::Integer(7));
  ASSERT_EQ(projection.expressions[1]->kind, ExpressionKind::kConstant);
  EXPECT_EQ(projection.expressions[1]->As<ConstantExpression>().value.GetString(), "AB");
}

TEST_F(OptimizerTest, FoldingLeavesErrorsAndNonDeterministicCallsToExecution) {
  auto plan = Plan("SELECT 1 / 0, random()");
  const auto& projection = Only(*plan, LogicalOperatorKind::kProjection);
  EXPECT_NE(projection.expressions[0]->kind, ExpressionKind::kConstant);
  EXPECT_NE(projection.expressions[1]->kind, ExpressionKind::kConstant);
}

TEST_F(OptimizerTest, FoldingSimplifiesConnectivesWithConstantOperands) {
  auto plan = Plan("SELECT name FROM customers WHERE region = 'EU' OR 1 = 2");
  EXPECT_EQ(FilterTexts(*plan), (std::vector<std::string>{"(region = 'EU')"})) << plan->ToString();
  plan = Plan("SELECT region = 'EU' OR 1 < 2, region = 'EU' AND 2 < 1 FROM customers");
  const auto& projection = Only(*plan, LogicalOperatorKind::kProjection);
  for (const auto& e : projection.expressions)
    EXPECT_EQ(e->kind, ExpressionKind::kConstant) << e->ToString();
}

TEST_F(OptimizerTest, PushesFiltersThroughProjectionsToTheScan) {
  auto plan = Plan(
      "SELECT * FROM (SELECT customer_id, upper(name) AS n FROM customers) s WHERE customer_id > "
      "3");
  const auto& filter = Only(*plan, LogicalOperatorKind::kFilter);
  EXPECT_EQ(filter.children[0]->kind, LogicalOperatorKind::kGet) << plan->ToString();
}

TEST_F(OptimizerTest, PushesFiltersIntoEachSideOfAnInnerJoin) {
  auto plan = Plan(
      "SELECT o.order_id FROM customers c JOIN orders o ON c.customer_id = o.customer_id "
      "WHERE c.region = 'EU' AND o.amount > 10");
  const auto& join = Only(*plan, LogicalOperatorKind::kJoin);
  for (const auto& child : join.children) {
    EXPECT_EQ(child->kind, LogicalOperatorKind::kFilter) << plan->ToString();
    EXPECT_EQ(child->children[0]->kind, LogicalOperatorKind::kGet) << plan->ToString();
  }
}

TEST_F(OptimizerTest, TurnsCommaJoinComparisonsIntoHashConditions) {
  auto plan = Plan("SELECT 1 FROM customers c, orders o WHERE c.customer_id = o.customer_id");
  const auto& join = Only(*plan, LogicalOperatorKind::kJoin).As<LogicalJoin>();
  ASSERT_EQ(join.conditions.size(), 1u) << plan->ToString();
  EXPECT_EQ(join.conditions[0].op, ComparisonOp::kEqual);
  EXPECT_TRUE(join.expressions.empty());
  EXPECT_TRUE(FindOperators(*plan, LogicalOperatorKind::kFilter).empty()) << plan->ToString();
}

TEST_F(OptimizerTest, KeepsFiltersOnTheNullableSideOfALeftJoinAboveIt) {
  auto plan = Plan(
      "SELECT c.name FROM customers c LEFT JOIN orders o ON c.customer_id = o.customer_id AND "
      "o.amount > 5 "
      "WHERE o.order_id IS NULL AND c.region = 'EU'");
  const auto& join = Only(*plan, LogicalOperatorKind::kJoin).As<LogicalJoin>();
  EXPECT_EQ(join.join_type, JoinType::kLeft);
  // The ON predicate on the right side filters the right input; WHERE's test of the right side
  // must see the NULLs the join adds, so it stays above; the left-only conjunct goes left.
  EXPECT_EQ(join.children[1]->kind, LogicalOperatorKind::kFilter) << plan->ToString();
  EXPECT_EQ(join.children[0]->kind, LogicalOperatorKind::kFilter) << plan->ToString();
  bool null_test_above = false;
  for (const LogicalOperator* filter : FindOperators(*plan, LogicalOperatorKind::kFilter)) {
    if (filter->children[0].get() == &join) null_test_above = true;
  }
  EXPECT_TRUE(null_test_above) << plan->ToString();
}

TEST_F(OptimizerTest, PushesSimplePredicatesIntoScansThatAcceptThem) {
  auto plan = Plan("SELECT label FROM numbers(1000) WHERE id = 5 AND label = 'x'");
  const auto& get = Scan(*plan, "numbers");
  ASSERT_EQ(get.filters.size(), 1u) << plan->ToString();
  EXPECT_EQ(get.filters[0].column, 0u);
  EXPECT_EQ(get.filters[0].kind, TableFilter::Kind::kEqual);
  EXPECT_EQ(get.filters[0].constants, (std::vector<Value>{Value::Bigint(5)}));
  // The label predicate is not accepted and stays in a filter.
  EXPECT_EQ(FilterTexts(*plan), (std::vector<std::string>{"(label = 'x')"})) << plan->ToString();
}

TEST_F(OptimizerTest, TableFiltersCoverFlippedComparisonsInListsAndNullChecks) {
  auto plan =
      Plan("SELECT label FROM numbers(1000) WHERE 5 < id AND id IN (7, 8, 9) AND id IS NOT NULL");
  const auto& get = Scan(*plan, "numbers");
  ASSERT_EQ(get.filters.size(), 3u) << plan->ToString();
  EXPECT_EQ(get.filters[0].kind, TableFilter::Kind::kGreater);
  EXPECT_EQ(get.filters[1].kind, TableFilter::Kind::kIn);
  EXPECT_EQ(get.filters[1].constants.size(), 3u);
  EXPECT_EQ(get.filters[2].kind, TableFilter::Kind::kIsNotNull);
  EXPECT_TRUE(FindOperators(*plan, LogicalOperatorKind::kFilter).empty()) << plan->ToString();
}

TEST_F(OptimizerTest, ExtractsConjunctsCommonToAllBranchesOfAnOr) {
  auto plan = Plan(
      "SELECT label FROM numbers(1000) WHERE (id = 3 AND label = 'a') OR (id = 3 AND label = 'b')");
  const auto& get = Scan(*plan, "numbers");
  ASSERT_EQ(get.filters.size(), 1u) << plan->ToString();
  EXPECT_EQ(get.filters[0].kind, TableFilter::Kind::kEqual);
  EXPECT_EQ(FilterTexts(*plan), (std::vector<std::string>{"((label = 'a') OR (label = 'b'))"}))
      << plan->ToString();
}

TEST_F(OptimizerTest, AnOrSpanningAJoinImpliesAFilterOnEachSide) {
  auto plan = Plan(
      "SELECT 1 FROM customers c JOIN orders o ON c.customer_id = o.customer_id "
      "WHERE (c.region = 'EU' AND o.amount > 10) OR (c.region = 'US' AND o.amount > 20)");
  const auto& join = Only(*plan, LogicalOperatorKind::kJoin);
  std::vector<std::string> below = FilterTexts(*join.children[0]);
  std::vector<std::string> other = FilterTexts(*join.children[1]);
  below.insert(below.end(), other.begin(), other.end());
  EXPECT_NE(std::find(below.begin(), below.end(), "((region = 'EU') OR (region = 'US'))"),
            below.end())
      << plan->ToString();
  EXPECT_NE(std::find(below.begin(), below.end(), "((amount > 10) OR (amount > 20))"), below.end())
      << plan->ToString();
  // The OR itself still decides which pairs qualify.
  EXPECT_FALSE(join.expressions.empty()) << plan->ToString();
}

TEST_F(OptimizerTest, PushesFiltersOnGroupingKeysBelowTheAggregate) {
  auto plan = Plan(
      "SELECT region, count(*) FROM customers GROUP BY region HAVING region = 'EU' AND count(*) > "
      "1");
  const auto& aggregate = Only(*plan, LogicalOperatorKind::kAggregate);
  ASSERT_EQ(aggregate.children[0]->kind, LogicalOperatorKind::kFilter) << plan->ToString();
  EXPECT_EQ(FilterTexts(*aggregate.children[0]), (std::vector<std::string>{"(region = 'EU')"}));
  // The aggregate's own condition stays above it.
  auto filters = FindOperators(*plan, LogicalOperatorKind::kFilter);
  EXPECT_EQ(filters.size(), 2u) << plan->ToString();
}

TEST_F(OptimizerTest, PushesFiltersIntoEveryBranchOfAUnion) {
  auto plan = Plan(
      "SELECT * FROM (SELECT customer_id AS k FROM customers UNION ALL SELECT order_id FROM "
      "orders) u WHERE k = 4");
  const auto& set = Only(*plan, LogicalOperatorKind::kSetOperation);
  for (const auto& branch : set.children)
    EXPECT_FALSE(FilterTexts(*branch).empty()) << plan->ToString();
}

TEST_F(OptimizerTest, KeepsFiltersAboveWindowsThatDoNotPartitionByTheirColumns) {
  auto plan = Plan(
      "SELECT * FROM (SELECT region, customer_id, row_number() OVER (ORDER BY customer_id) AS n "
      "FROM customers) "
      "WHERE region = 'EU'");
  const auto& window = Only(*plan, LogicalOperatorKind::kWindow);
  EXPECT_TRUE(FilterTexts(*window.children[0]).empty()) << plan->ToString();
  plan = Plan(
      "SELECT * FROM (SELECT region, row_number() OVER (PARTITION BY region ORDER BY customer_id) "
      "AS n "
      "FROM customers) WHERE region = 'EU'");
  EXPECT_FALSE(FilterTexts(*Only(*plan, LogicalOperatorKind::kWindow).children[0]).empty())
      << plan->ToString();
}

TEST_F(OptimizerTest, PutsTheSmallerInputOnTheBuildSide) {
  // Written with the small input first; the optimizer swaps it to the right (build) side.
  auto plan = Plan("SELECT 1 FROM numbers(10) s JOIN numbers(100000) b ON s.id = b.id");
  const auto& join = Only(*plan, LogicalOperatorKind::kJoin);
  EXPECT_DOUBLE_EQ(join.children[0]->estimated_cardinality, 100000);
  EXPECT_DOUBLE_EQ(join.children[1]->estimated_cardinality, 10);
  plan = Plan("SELECT 1 FROM orders o JOIN customers c ON o.customer_id = c.customer_id");
  const auto& tables = Only(*plan, LogicalOperatorKind::kJoin);
  EXPECT_EQ(Scan(*tables.children[1], "memory.default.customers").display_name,
            "memory.default.customers");
}

TEST_F(OptimizerTest, JoinsConnectedRelationsBeforeFormingCrossProducts) {
  // big and small share no condition: joining them first would be a cross product.
  auto plan = Plan(
      "SELECT 1 FROM numbers(100000) big, numbers(10) small, numbers(1000) mid "
      "WHERE big.id = mid.id AND mid.label = small.label");
  auto joins = FindOperators(*plan, LogicalOperatorKind::kJoin);
  ASSERT_EQ(joins.size(), 2u) << plan->ToString();
  for (const LogicalOperator* join : joins) {
    EXPECT_FALSE(join->As<LogicalJoin>().conditions.empty()) << plan->ToString();
    EXPECT_LE(join->children[1]->estimated_cardinality, join->children[0]->estimated_cardinality)
        << plan->ToString();
  }
}

TEST_F(OptimizerTest, EquiJoinsOnKeysWithFewDistinctValuesMultiplyTheirInputs) {
  // 25 distinct values on both sides: every row meets 1/25 of the other side.
  auto plan = Plan("SELECT 1 FROM key_pairs(150000, 150000, 25) c JOIN key_pairs(2000, 2000, 25) s ON c.b = s.b");
  EXPECT_DOUBLE_EQ(Only(*plan, LogicalOperatorKind::kJoin).estimated_cardinality, 150000.0 * 2000 / 25);
  // Keys on both sides: each row of the smaller side finds its one match.
  plan = Plan("SELECT 1 FROM key_pairs(150000, 150000, 25) c JOIN key_pairs(2000, 2000, 25) s ON c.a = s.a");
  EXPECT_DOUBLE_EQ(Only(*plan, LogicalOperatorKind::kJoin).estimated_cardinality, 2000);
  // Unknown distinct counts: the larger input, as for a key joined with a foreign key.
  plan = Plan("SELECT 1 FROM key_pairs(150000, 150000, 25) c JOIN numbers(2000) n ON c.a = n.id");
  EXPECT_DOUBLE_EQ(Only(*plan, LogicalOperatorKind::kJoin).estimated_cardinality, 150000);
}

TEST_F(OptimizerTest, JoinOrderLeavesJoinsOnFewDistinctValuesForLast) {
  // As TPC-H q05: customers c join orders o on the customer key, and suppliers s on the nation
  // key (25 values). Joining c with s first would make 12M rows; c with o first makes 200000.
  auto plan = Plan(
      "SELECT 1 FROM key_pairs(150000, 150000, 25) c, key_pairs(200000, 150000, 200000) o, "
      "key_pairs(2000, 2000, 25) s WHERE c.a = o.a AND c.b = s.b");
  auto joins = FindOperators(*plan, LogicalOperatorKind::kJoin);
  ASSERT_EQ(joins.size(), 2u) << plan->ToString();
  const LogicalOperator* lower = joins[0]->children[0]->kind == LogicalOperatorKind::kJoin ||
                                         joins[0]->children[1]->kind == LogicalOperatorKind::kJoin
                                     ? joins[1]
                                     : joins[0];
  std::vector<double> inputs{lower->children[0]->estimated_cardinality, lower->children[1]->estimated_cardinality};
  std::sort(inputs.begin(), inputs.end());
  EXPECT_EQ(inputs, (std::vector<double>{150000, 200000})) << plan->ToString();
}

TEST_F(OptimizerTest, FusesOrderByAndLimitIntoTopN) {
  auto plan = Plan("SELECT name FROM customers ORDER BY name DESC LIMIT 5 OFFSET 2");
  const auto& top = Only(*plan, LogicalOperatorKind::kTopN).As<LogicalTopN>();
  EXPECT_EQ(top.limit, 5);
  EXPECT_EQ(top.offset, 2);
  ASSERT_EQ(top.orders.size(), 1u);
  EXPECT_TRUE(top.orders[0].descending);
  EXPECT_TRUE(FindOperators(*plan, LogicalOperatorKind::kOrder).empty());
  EXPECT_TRUE(FindOperators(*plan, LogicalOperatorKind::kLimit).empty());

  plan = Plan("SELECT name FROM customers LIMIT 5");
  EXPECT_TRUE(FindOperators(*plan, LogicalOperatorKind::kTopN).empty());
  plan = Plan("SELECT name FROM customers ORDER BY name");
  EXPECT_TRUE(FindOperators(*plan, LogicalOperatorKind::kTopN).empty());
}

TEST_F(OptimizerTest, ScansReadOnlyTheColumnsTheQueryUses) {
  auto plan = Plan("SELECT name FROM customers WHERE region = 'EU'");
  EXPECT_EQ(Scan(*plan, "memory.default.customers").column_ids, (std::vector<idx_t>{1, 2}));
  plan = Plan("SELECT count(*) FROM customers");
  EXPECT_EQ(Scan(*plan, "memory.default.customers").column_ids.size(), 1u);
  // A filter pushed into the scan needs no output column.
  plan = Plan("SELECT label FROM numbers(10) WHERE id = 1");
  EXPECT_EQ(Scan(*plan, "numbers").column_ids, (std::vector<idx_t>{1}));
}

TEST_F(OptimizerTest, SemiAndAntiJoinsFilterTheInnerJoinInputTheyRead) {
  for (const char* in : {"o.order_id IN (SELECT order_id FROM orders WHERE amount > 10)",
                         "NOT EXISTS (SELECT 1 FROM orders p WHERE p.order_id = o.order_id + 1)"}) {
    auto plan = Plan(std::string("SELECT c.name FROM orders o JOIN customers c ON o.customer_id = c.customer_id "
                                 "WHERE ") + in);
    // The filtering join sits on the orders side of the inner join, not above it.
    const LogicalOperator* inner = nullptr;
    for (const LogicalOperator* join : FindOperators(*plan, LogicalOperatorKind::kJoin)) {
      if (join->As<LogicalJoin>().join_type == JoinType::kInner) inner = join;
    }
    ASSERT_NE(inner, nullptr) << plan->ToString();
    auto below = FindOperators(*inner, LogicalOperatorKind::kJoin);
    bool filtered_below = std::any_of(below.begin(), below.end(), [&](const LogicalOperator* join) {
      return join != inner && join->As<LogicalJoin>().join_type != JoinType::kInner;
    });
    EXPECT_TRUE(filtered_below) << in << "\n" << plan->ToString();
  }
}

TEST_F(OptimizerTest, AggregatesLookedUpByASmallKeySideAggregateOnlyThoseKeys) {
  auto plan = Plan(
      "SELECT c.name FROM customers c WHERE c.region = 'EU' AND c.customer_id = 3 AND "
      "7 <= (SELECT avg(amount) FROM orders o WHERE o.customer_id = c.customer_id)");
  const LogicalOperator& aggregate = Only(*plan, LogicalOperatorKind::kAggregate);
  const LogicalOperator& input = *aggregate.children[0];
  ASSERT_EQ(input.kind, LogicalOperatorKind::kJoin) << plan->ToString();
  EXPECT_EQ(input.As<LogicalJoin>().join_type, JoinType::kSemi);
  // The key side is a copy of the customers scan; the aggregate reads orders through the semi join.
  EXPECT_EQ(FindOperators(*input.children[1], LogicalOperatorKind::kGet).size(), 1u);
  // Without a small key side the aggregate reads all of its input.
  plan = Plan("SELECT o.order_id FROM orders o WHERE 7 <= (SELECT max(customer_id) FROM customers c WHERE c.customer_id = o.customer_id)");
  for (const LogicalOperator* join : FindOperators(*plan, LogicalOperatorKind::kJoin)) {
    EXPECT_NE(join->As<LogicalJoin>().join_type, JoinType::kSemi) << plan->ToString();
  }
}

TEST_F(OptimizerTest, ProjectionOutputsNobodyReadsAreDropped) {
  auto plan = Plan("SELECT n FROM (SELECT upper(region) AS r, name AS n, region AS g FROM customers) s");
  auto projections = FindOperators(*plan, LogicalOperatorKind::kProjection);
  for (const LogicalOperator* projection : projections) {
    EXPECT_EQ(projection->expressions.size(), 1u) << plan->ToString();
  }
  EXPECT_EQ(Scan(*plan, "memory.default.customers").column_ids, (std::vector<idx_t>{1}));
  // The outer projection's reference moved with the output it reads (from index 1 to 0).
  ASSERT_EQ(plan->kind, LogicalOperatorKind::kProjection);
  ASSERT_EQ(plan->expressions[0]->kind, ExpressionKind::kColumnRef);
  EXPECT_EQ(plan->expressions[0]->As<ColumnRefExpression>().binding.column_index, 0u);
}

TEST_F(OptimizerTest, EstimatesCardinalitiesFromStatisticsAndSelectivities) {
  auto plan = Plan("SELECT name FROM customers");
  EXPECT_DOUBLE_EQ(Scan(*plan, "memory.default.customers").estimated_cardinality, 50);
  plan = Plan("SELECT name FROM customers WHERE region = 'EU'");
  EXPECT_DOUBLE_EQ(Only(*plan, LogicalOperatorKind::kFilter).estimated_cardinality, 5);
  plan = Plan("SELECT label FROM numbers(1000) WHERE id = 5");  // a pushed equality keeps 10%
  EXPECT_DOUBLE_EQ(Scan(*plan, "numbers").estimated_cardinality, 100);
  plan = Plan(
      "SELECT region, count(*) FROM orders o JOIN customers c ON o.customer_id = c.customer_id "
      "GROUP BY region");
  EXPECT_DOUBLE_EQ(Only(*plan, LogicalOperatorKind::kJoin).estimated_cardinality, 500);
  EXPECT_DOUBLE_EQ(Only(*plan, LogicalOperatorKind::kAggregate).estimated_cardinality, 50);
  plan = Plan("SELECT name FROM customers LIMIT 3");
  EXPECT_DOUBLE_EQ(plan->estimated_cardinality, 3);
}

TEST_F(OptimizerTest, ResolvesTypesOfTheOptimizedPlan) {
  auto plan = Plan("SELECT customer_id * 2, name FROM customers WHERE customer_id = 1");
  EXPECT_EQ(plan->types, (std::vector<LogicalType>{TypeId::kBigint, LogicalType::Varchar()}));
}

}  // namespace
}  // namespace switchboard::testing
