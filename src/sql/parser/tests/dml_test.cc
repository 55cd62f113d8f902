// Tests for data-changing statements: INSERT, UPDATE, DELETE, MERGE and COPY.
#include <gtest/gtest.h>

#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

using namespace ast;  // NOLINT: test brevity

TEST(DmlTest, ParsesInsertForms) {
  std::unique_ptr<Statement> holder;
  const auto& values =
      ParseAs<Insert>("INSERT INTO t1(e,c,b,d,a) VALUES(103,102,100,101,104)", holder);
  EXPECT_EQ(values.columns.size(), 5u);
  EXPECT_EQ(values.query->body->As<Values>().rows[0].size(), 5u);
  const auto& select = ParseAs<Insert>("INSERT INTO c.s.t SELECT * FROM u", holder);
  EXPECT_TRUE(select.query->body->Is<QuerySpecification>());
  EXPECT_TRUE(select.columns.empty());
  const auto& parenthesized = ParseAs<Insert>("INSERT INTO t (SELECT * FROM u)", holder);
  EXPECT_TRUE(parenthesized.columns.empty());
  const auto& with = ParseAs<Insert>("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x", holder);
  EXPECT_EQ(with.query->with.size(), 1u);
  EXPECT_EQ(ParseAs<Insert>("INSERT INTO t DEFAULT VALUES", holder).query, nullptr);

  const auto& overwrite = ParseAs<Insert>(
      "INSERT OVERWRITE TABLE t PARTITION (dt = '2024-01-01', hr) SELECT * FROM u", holder);
  EXPECT_TRUE(overwrite.overwrite);
  ASSERT_EQ(overwrite.partition.size(), 2u);
  EXPECT_EQ(overwrite.partition[0].value->As<Literal>().text, "2024-01-01");
  EXPECT_EQ(overwrite.partition[1].value, nullptr);
}

TEST(DmlTest, ParsesUpdateAndDelete) {
  std::unique_ptr<Statement> holder;
  const auto& update =
      ParseAs<Update>("UPDATE t AS x SET a = 1, x.b = b + 1 FROM u WHERE x.id = u.id", holder);
  EXPECT_EQ(update.alias->name, "x");
  ASSERT_EQ(update.assignments.size(), 2u);
  EXPECT_EQ(update.assignments[1].target.ToString(), "x.b");
  EXPECT_EQ(update.assignments[1].value->ToString(), "b + 1");
  EXPECT_EQ(update.from.size(), 1u);
  EXPECT_NE(update.where, nullptr);
  EXPECT_EQ(ParseAs<Update>("UPDATE t y SET a = 1", holder).alias->name, "y");

  const auto& del = ParseAs<Delete>("DELETE FROM t x WHERE a = 1", holder);
  EXPECT_EQ(del.alias->name, "x");
  EXPECT_NE(del.where, nullptr);
  EXPECT_EQ(ParseAs<Delete>("DELETE FROM t", holder).where, nullptr);
}

TEST(DmlTest, ParsesMergeWithEveryClause) {
  std::unique_ptr<Statement> holder;
  const auto& merge = ParseAs<Merge>(
      "MERGE INTO target t USING (SELECT * FROM s) AS src ON t.id = src.id "
      "WHEN MATCHED AND src.op = 'd' THEN DELETE "
      "WHEN MATCHED THEN UPDATE SET a = src.a, t.b = src.b "
      "WHEN NOT MATCHED BY TARGET AND src.x > 0 THEN INSERT (id, a) VALUES (src.id, src.a) "
      "WHEN NOT MATCHED BY SOURCE THEN DELETE "
      "WHEN NOT MATCHED BY SOURCE AND t.x = 1 THEN UPDATE SET x = 2 "
      "WHEN MATCHED THEN UPDATE SET * "
      "WHEN NOT MATCHED THEN INSERT *",
      holder);
  EXPECT_EQ(merge.target_alias->name, "t");
  EXPECT_EQ(merge.source->alias->name.name, "src");
  ASSERT_EQ(merge.clauses.size(), 7u);
  using Match = MergeClause::Match;
  using Action = MergeClause::Action;
  EXPECT_EQ(merge.clauses[0].match, Match::kMatched);
  EXPECT_EQ(merge.clauses[0].action, Action::kDelete);
  EXPECT_NE(merge.clauses[0].condition, nullptr);
  EXPECT_EQ(merge.clauses[1].assignments.size(), 2u);
  EXPECT_EQ(merge.clauses[2].match, Match::kNotMatchedByTarget);
  EXPECT_EQ(merge.clauses[2].insert_columns.size(), 2u);
  EXPECT_EQ(merge.clauses[2].insert_values.size(), 2u);
  EXPECT_EQ(merge.clauses[3].match, Match::kNotMatchedBySource);
  EXPECT_EQ(merge.clauses[4].action, Action::kUpdate);
  EXPECT_TRUE(merge.clauses[5].assignments[0].all_columns);
  EXPECT_TRUE(merge.clauses[5].assignments[0].target.empty());
  EXPECT_TRUE(merge.clauses[6].insert_all);
}

TEST(DmlTest, RepresentsTheSeedsRowAssignmentExplicitly) {
  std::unique_ptr<Statement> holder;
  const auto& merge = ParseAs<Merge>(
      "MERGE INTO lakehouse.db.raw_orders AS target USING source_updates AS source "
      "ON target.order_id = source.order_id WHEN MATCHED THEN UPDATE SET target.* = source.* "
      "WHEN NOT MATCHED THEN INSERT *",
      holder);
  const Assignment& assignment = merge.clauses[0].assignments[0];
  EXPECT_TRUE(assignment.all_columns);
  EXPECT_EQ(assignment.target.ToString(), "target");
  EXPECT_EQ(assignment.source.ToString(), "source");
  EXPECT_EQ(assignment.value, nullptr);
  EXPECT_EQ(assignment.ToString(), "target.* = source.*");
}

TEST(DmlTest, ParsesCopyInEveryDirection) {
  std::unique_ptr<Statement> holder;
  const auto& query = ParseAs<CopyStatement>(
      "COPY (SELECT * FROM t) TO 'out.parquet' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (a, "
      "b), "
      "ROW_GROUP_SIZE 100000, HEADER true, OVERWRITE_OR_IGNORE)",
      holder);
  ASSERT_NE(query.query, nullptr);
  EXPECT_FALSE(query.from_file);
  EXPECT_EQ(query.file, "out.parquet");
  ASSERT_EQ(query.options.size(), 6u);
  EXPECT_EQ(query.options[0].value->As<ColumnRef>().name.ToString(), "parquet");
  EXPECT_EQ(query.options[2].value->As<RowConstructor>().elements.size(), 2u);
  EXPECT_EQ(query.options[3].value->As<Literal>().text, "100000");
  EXPECT_EQ(query.options[5].value, nullptr);

  const auto& to =
      ParseAs<CopyStatement>("COPY t TO 'out.csv' (FORMAT csv, DELIMITER '|')", holder);
  EXPECT_EQ(to.table.ToString(), "t");
  const auto& from =
      ParseAs<CopyStatement>("COPY t (a, b) FROM 'in.csv' WITH (FORMAT csv, HEADER)", holder);
  EXPECT_TRUE(from.from_file);
  EXPECT_EQ(from.columns.size(), 2u);
  EXPECT_TRUE(ParseAs<CopyStatement>("COPY t FROM 'x.parquet'", holder).options.empty());
}

}  // namespace
}  // namespace switchboard::testing
