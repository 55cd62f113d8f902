// End to end through exec: SQL bound and optimized over in-memory tables, planned into physical
// operators and run on several threads; results and the memory limit are checked.
#include <gtest/gtest.h>

#include "common/memory_tracker.h"
#include "common/thread_pool.h"
#include "exec/executor.h"
#include "exec/expression_executor.h"
#include "exec/operators/physical_result_collector.h"
#include "exec/physical_planner.h"
#include "exec/tests/exec_test_util.h"
#include "sql/binder/tests/sql_test_environment.h"
#include "sql/planner/optimizer/optimizer.h"

namespace switchboard::testing {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() : pool_(4), sql_(SqlTestEnvironment::Builtins()) {
    query_.pool = &pool_;
    query_.threads = 4;
    query_.memory = &memory_;
    // 20000 orders (10 chunks, so several threads scan) over 100 customers.
    std::vector<std::vector<Value>> orders;
    for (int64_t i = 0; i < 20000; ++i) {
      orders.push_back(
          {Value::Bigint(i), Value::Bigint(i % 100), Value::Integer(static_cast<int32_t>(i % 10))});
    }
    sql_.AddTable("orders",
                  {{"order_id", TypeId::kBigint},
                   {"customer_id", TypeId::kBigint},
                   {"amount", TypeId::kInteger}},
                  orders);
    std::vector<std::vector<Value>> customers;
    for (int64_t i = 0; i < 100; ++i) {
      customers.push_back({Value::Bigint(i), Value::Varchar(i % 4 == 0 ? "EU" : "US")});
    }
    sql_.AddTable("customers",
                  {{"customer_id", TypeId::kBigint}, {"region", LogicalType::Varchar()}},
                  customers);
  }

  /// Runs `query` and returns its rows as text, "a|b" per row, in result order.
  std::vector<std::string> Run(const std::string& query) {
    BoundQuery bound = sql_.Bind(query);
    OptimizerOptions options;
    options.evaluate_constant = [this](const Expression& e) {
      return ExpressionExecutor::EvaluateConstant(e, &query_);
    };
    LogicalOperatorPtr plan = Optimize(std::move(bound.plan), options);
    PhysicalPlanner planner(SqlTestEnvironment::Builtins(), &query_);
    PhysicalOperatorPtr physical = planner.Plan(*plan);
    PhysicalResultCollector collector(physical->types, false);
    ExecutionContext context{&query_, false};
    Executor(context).Execute(*physical, collector);
    ChunkCollection result = collector.TakeResult();
    std::vector<std::string> rows;
    for (idx_t r = 0; r < result.size(); ++r) {
      std::string row;
      for (idx_t c = 0; c < result.types().size(); ++c)
        row += (c ? "|" : "") + result.GetValue(c, r).ToString();
      rows.push_back(row);
    }
    return rows;
  }

  ThreadPool pool_;
  MemoryTracker memory_;
  QueryContext query_;
  SqlTestEnvironment sql_;
};

TEST_F(PipelineTest, JoinsAggregatesAndSorts) {
  // EU customers are 0, 4, ..., 96 (25 of them) with 200 orders each; an order's amount is its
  // customer id mod 10, which cycles through 0, 4, 8, 2, 6 over the EU customers: 5 * 20 * 200.
  EXPECT_EQ(Run("SELECT region, count(*), sum(amount) FROM orders o JOIN customers c ON "
                "o.customer_id = c.customer_id "
                "GROUP BY region ORDER BY region"),
            (std::vector<std::string>{"EU|5000|20000", "US|15000|70000"}));
}

TEST_F(PipelineTest, FiltersAndTopN) {
  EXPECT_EQ(Run("SELECT order_id FROM orders WHERE amount = 9 AND customer_id < 50 ORDER BY "
                "order_id DESC LIMIT 3"),
            (std::vector<std::string>{"19949", "19939", "19929"}));
}

TEST_F(PipelineTest, DecorrelatedSubqueriesGiveTheirPerRowResults) {
  EXPECT_EQ(Run("SELECT c.customer_id, (SELECT max(order_id) FROM orders o WHERE o.customer_id = "
                "c.customer_id) "
                "FROM customers c WHERE c.customer_id IN (3, 97) ORDER BY 1"),
            (std::vector<std::string>{"3|19903", "97|19997"}));
  EXPECT_EQ(Run("SELECT count(*) FROM customers c WHERE NOT EXISTS "
                "(SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.amount = 3)"),
            (std::vector<std::string>{"90"}));  // amount 3 only for customer ids ending in 3
}

TEST_F(PipelineTest, LeftJoinKeepsUnmatchedRowsWithNulls) {
  EXPECT_EQ(
      Run("SELECT c.customer_id, o.order_id FROM customers c LEFT JOIN orders o "
          "ON o.customer_id = c.customer_id AND o.order_id < 2 WHERE c.customer_id < 3 ORDER BY 1"),
      (std::vector<std::string>{"0|0", "1|1", "2|NULL"}));
}

TEST_F(PipelineTest, QueriesFailWithOutOfMemoryAtTheLimitAndReleaseWhatTheyHeld) {
  memory_.set_limit(256 * 1024);
  try {
    Run("SELECT order_id, count(*) FROM orders GROUP BY order_id");
    ADD_FAILURE() << "20000 groups fit in 256 KiB";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kOutOfMemory) << e.what();
  }
  EXPECT_EQ(memory_.used(), 0);
  memory_.set_limit(MemoryTracker::kNoLimit);
  EXPECT_EQ(Run("SELECT count(DISTINCT order_id) FROM orders"),
            (std::vector<std::string>{"20000"}));
}

}  // namespace
}  // namespace switchboard::testing
