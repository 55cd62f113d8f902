// End-to-end tests of the embedded API: statements run through parser, binder, optimizer and
// executor against an in-memory database.
#include <gtest/gtest.h>

#include "main/connection.h"
#include "main/database.h"

namespace switchboard {
namespace {

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.threads = 2;
    database_ = Database::Open(options).ValueOrThrow();
    connection_ = database_->Connect();
  }

  /// Rows of the last statement's result as text: values separated by tabs, one row per line.
  std::string Run(const std::string& sql) {
    auto result = connection_->Query(sql);
    if (!result.ok()) return "ERROR: " + result.error().message;
    std::string out;
    for (idx_t r = 0; r < (*result)->RowCount(); ++r) {
      for (idx_t c = 0; c < (*result)->ColumnCount(); ++c) {
        if (c > 0) out += '\t';
        out += (*result)->GetValue(c, r).ToString();
      }
      out += '\n';
    }
    return out;
  }

  Error RunError(const std::string& sql) {
    auto result = connection_->Query(sql);
    EXPECT_FALSE(result.ok()) << sql;
    return result.ok() ? Error{} : result.error();
  }

  std::unique_ptr<Database> database_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(ConnectionTest, SelectsConstants) {
  EXPECT_EQ(Run("SELECT 1 + 2, 'abc', NULL"), "3\tabc\tNULL\n");
  EXPECT_EQ(Run("SELECT 7 / 2, 7 % 3, -4"), "3\t1\t-4\n");
  EXPECT_EQ(Run("SELECT 1.5 + 2.25"), "3.75\n");
}

TEST_F(ConnectionTest, CreatesInsertsAndQueriesTables) {
  EXPECT_EQ(Run("CREATE TABLE t(a INTEGER, b VARCHAR)"), "");
  EXPECT_EQ(Run("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, NULL)"), "3\n");
  EXPECT_EQ(Run("SELECT a, b FROM t WHERE a >= 2 ORDER BY a DESC"), "3\tNULL\n2\ty\n");
  EXPECT_EQ(Run("SELECT count(*), sum(a), min(b), max(b) FROM t"), "3\t6\tx\ty\n");
}

TEST_F(ConnectionTest, GroupsAndJoins) {
  Run("CREATE TABLE orders(id INTEGER, customer INTEGER, amount DECIMAL(10,2))");
  Run("INSERT INTO orders VALUES (1, 10, 5.50), (2, 10, 4.50), (3, 20, 1.00), (4, 30, 2.00)");
  Run("CREATE TABLE customers(id INTEGER, name VARCHAR)");
  Run("INSERT INTO customers VALUES (10, 'ann'), (20, 'bob')");
  EXPECT_EQ(Run("SELECT c.name, sum(o.amount), count(*) FROM orders o JOIN customers c ON o.customer = c.id "
                "GROUP BY c.name ORDER BY c.name"),
            "ann\t10.00\t2\nbob\t1.00\t1\n");
  EXPECT_EQ(Run("SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id ORDER BY o.id"),
            "1\tann\n2\tann\n3\tbob\n4\tNULL\n");
  EXPECT_EQ(Run("SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer = c.id AND o.amount > 5) "),
            "ann\n");
  EXPECT_EQ(Run("SELECT id, (SELECT count(*) FROM orders o WHERE o.customer = c.id) FROM customers c ORDER BY id"),
            "10\t2\n20\t1\n");
}

TEST_F(ConnectionTest, ReportsErrorsWithLocations) {
  Error error = RunError("SELECT nope FROM (VALUES 1) t(x)");
  EXPECT_EQ(error.code, ErrorCode::kUndefinedColumn);
  EXPECT_NE(error.message.find("line 1:8"), std::string::npos) << error.message;
  EXPECT_EQ(RunError("SELECT 1/0").code, ErrorCode::kDivisionByZero);
  EXPECT_EQ(RunError("SELEC 1").code, ErrorCode::kSyntaxError);
}

}  // namespace
}  // namespace switchboard
