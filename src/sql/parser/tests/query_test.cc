// Tests for query parsing: SELECT lists, FROM clauses, grouping, windows, set operations, WITH and
// the row-limiting clauses.
#include <gtest/gtest.h>

#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

using namespace ast;  // NOLINT: test brevity

const Relation& From(const Query& query, size_t index = 0) { return *Select(query).from.at(index); }

TEST(QueryTest, ParsesSelectItems) {
  auto query = ParseQuery("SELECT DISTINCT a, b AS x, c y, *, t.*, s.t.*, 1 + 1 FROM t");
  const auto& select = Select(*query);
  EXPECT_TRUE(select.distinct);
  const auto& items = select.select_items;
  ASSERT_EQ(items.size(), 7u);
  EXPECT_FALSE(items[0].alias.has_value());
  EXPECT_EQ(items[1].alias->name, "x");
  EXPECT_EQ(items[2].alias->name, "y");
  EXPECT_EQ(items[3].kind, SelectItem::Kind::kAllColumns);
  EXPECT_TRUE(items[3].qualifier.empty());
  EXPECT_EQ(items[4].qualifier.ToString(), "t");
  EXPECT_EQ(items[5].qualifier.ToString(), "s.t");
  EXPECT_EQ(items[6].expression->ToString(), "1 + 1");
}

TEST(QueryTest, AcceptsATrailingCommaBeforeFrom) {
  auto query = ParseQuery("SELECT a, b, FROM t");
  EXPECT_EQ(Select(*query).select_items.size(), 2u);
}

TEST(QueryTest, ParsesStarExclusions) {
  auto exclude = ParseQuery("SELECT * EXCLUDE (a, b) FROM t");
  EXPECT_EQ(Select(*exclude).select_items[0].excluded.size(), 2u);
  auto single = ParseQuery("SELECT t.* EXCLUDE a FROM t");
  EXPECT_EQ(Select(*single).select_items[0].excluded[0].name, "a");
  auto except = ParseQuery("SELECT * EXCEPT (a) FROM t");
  EXPECT_EQ(Select(*except).select_items[0].excluded[0].name, "a");
  auto set_except = ParseQuery("SELECT * FROM t EXCEPT (SELECT * FROM u)");
  EXPECT_TRUE(set_except->body->Is<SetOperation>());
}

TEST(QueryTest, DoesNotTakeClauseWordsAsImplicitAliases) {
  auto query = ParseQuery("SELECT a FROM t LIMIT 5");
  EXPECT_FALSE(From(*query).alias.has_value());
  EXPECT_EQ(query->limit->ToString(), "5");
  auto update = ParseOne("UPDATE t SET a = 1");
  EXPECT_FALSE(update->As<Update>().alias.has_value());
  auto explicit_alias = ParseQuery("SELECT a AS limit FROM t AS window");
  EXPECT_EQ(Select(*explicit_alias).select_items[0].alias->name, "limit");
  EXPECT_EQ(From(*explicit_alias).alias->name.name, "window");
}

TEST(QueryTest, TellsTheQuantifierAllFromAColumnNamedAll) {
  auto column = ParseQuery("SELECT all, b FROM t GROUP BY all, b");
  EXPECT_EQ(Select(*column).select_items[0].expression->ToString(), "all");
  EXPECT_FALSE(Select(*column).group_by->all);
  auto quantifier = ParseQuery("SELECT ALL all + 1 FROM t");
  EXPECT_EQ(quantifier->ToString(), "SELECT ALL all + 1 FROM t");
  EXPECT_EQ(ParseQuery("SELECT count(ALL all) FROM t")->ToString(), "SELECT count(ALL all) FROM t");
  EXPECT_EQ(ParseQuery("SELECT f(all) FROM t")->ToString(), "SELECT f(ALL all) FROM t");
}

TEST(QueryTest, ParsesJoins) {
  auto query = ParseQuery(
      "SELECT * FROM a JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (x, y) RIGHT JOIN d ON TRUE "
      "FULL JOIN e ON 1 = 1 CROSS JOIN f NATURAL JOIN g INNER JOIN h ON TRUE");
  // Joins nest to the left; collect them in written order.
  std::vector<const JoinRelation*> joins;
  for (const Relation* relation = &From(*query); relation->Is<JoinRelation>();
       relation = relation->As<JoinRelation>().left.get()) {
    joins.insert(joins.begin(), &relation->As<JoinRelation>());
  }
  std::vector<JoinType> types;
  for (const auto* join : joins) types.push_back(join->join_type);
  EXPECT_EQ(types, (std::vector<JoinType>{JoinType::kInner, JoinType::kLeft, JoinType::kRight,
                                          JoinType::kFull, JoinType::kCross, JoinType::kInner,
                                          JoinType::kInner}));
  EXPECT_EQ(joins[0]->condition->ToString(), "a.x = b.x");
  EXPECT_EQ(joins[1]->using_columns.size(), 2u);
  EXPECT_EQ(joins[4]->condition, nullptr);
  EXPECT_TRUE(joins[5]->natural);
  EXPECT_EQ(joins[5]->condition, nullptr);
  EXPECT_EQ(joins[5]->right->As<TableRelation>().name.ToString(), "g");
}

TEST(QueryTest, KeepsParenthesizedJoinTrees) {
  auto right_nested = ParseQuery("SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x");
  EXPECT_TRUE(From(*right_nested).As<JoinRelation>().right->Is<JoinRelation>());
  auto left_nested = ParseQuery("SELECT * FROM (a JOIN b ON a.x = b.x) JOIN c ON c.y = b.y");
  EXPECT_EQ(left_nested->ToString(), "SELECT * FROM a JOIN b ON a.x = b.x JOIN c ON c.y = b.y");
}

TEST(QueryTest, ParsesLateralSubqueriesAndUnnest) {
  auto query = ParseQuery(
      "SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.a = t.a) x CROSS JOIN LATERAL (SELECT 1) "
      "y "
      "LEFT JOIN LATERAL (SELECT 2) z ON true");
  EXPECT_TRUE(From(*query, 1)
                  .As<JoinRelation>()
                  .left->As<JoinRelation>()
                  .left->As<SubqueryRelation>()
                  .lateral);

  auto unnest = ParseQuery(
      "SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b']) WITH ORDINALITY AS t(n, s, i)");
  const auto& relation = From(*unnest).As<UnnestRelation>();
  EXPECT_EQ(relation.arguments.size(), 2u);
  EXPECT_TRUE(relation.with_ordinality);
  EXPECT_EQ(relation.alias->columns.size(), 3u);

  auto cross = ParseQuery("SELECT * FROM src CROSS JOIN UNNEST (c, p) AS contacts(c_item, p_item)");
  EXPECT_TRUE(From(*cross).As<JoinRelation>().right->Is<UnnestRelation>());
  auto left = ParseQuery("SELECT * FROM t LEFT JOIN UNNEST(t.arr) u(x) ON true");
  EXPECT_EQ(From(*left).As<JoinRelation>().right->alias->name.name, "u");
}

TEST(QueryTest, ParsesTableNamesWithAnyNumberOfParts) {
  auto query = ParseQuery(
      "SELECT * FROM c.s.t AS x, \"orders$snapshots\", lakehouse.db.raw_orders.snapshots, t y(a, "
      "b)");
  EXPECT_EQ(From(*query, 0).As<TableRelation>().name.parts.size(), 3u);
  EXPECT_TRUE(From(*query, 1).As<TableRelation>().name.parts[0].quoted);
  EXPECT_EQ(From(*query, 1).As<TableRelation>().name.parts[0].name, "orders$snapshots");
  EXPECT_EQ(From(*query, 2).As<TableRelation>().name.parts.size(), 4u);
  EXPECT_EQ(From(*query, 3).alias->columns.size(), 2u);
}

TEST(QueryTest, ParsesSubqueriesValuesFilesAndTableFunctions) {
  auto query = ParseQuery(
      "SELECT * FROM (SELECT 1) AS s(a), (VALUES (1, 'a'), (2, 'b')) v(x, y), VALUES (1), (2) AS "
      "w(z), "
      "'data/file.parquet' f, read_parquet('p/*.parquet', hive_partitioning => true), "
      "iceberg_scan('dir', version = 3), TABLE(sequence(1, 10)) seq");
  EXPECT_TRUE(From(*query, 0).Is<SubqueryRelation>());
  EXPECT_TRUE(From(*query, 1).As<SubqueryRelation>().query->body->Is<Values>());
  EXPECT_EQ(From(*query, 2).As<SubqueryRelation>().query->body->As<Values>().rows.size(), 2u);
  EXPECT_EQ(From(*query, 3).As<FileRelation>().path, "data/file.parquet");
  const auto& parquet = From(*query, 4).As<TableFunctionRelation>();
  EXPECT_EQ(parquet.name.ToString(), "read_parquet");
  EXPECT_EQ(parquet.arguments[1]->As<NamedArgument>().name.name, "hive_partitioning");
  const auto& iceberg = From(*query, 5).As<TableFunctionRelation>();
  EXPECT_EQ(iceberg.arguments[1]->As<NamedArgument>().name.name, "version");
  EXPECT_EQ(From(*query, 6).As<TableFunctionRelation>().alias->name.name, "seq");
}

TEST(QueryTest, ParsesTimeTravelInEveryDialectAndOrder) {
  struct Case {
    std::string_view sql;
    TimeTravel::Kind kind;
    std::string_view point;
    std::string_view alias;
  };
  for (const Case& c : std::vector<Case>{
           {"t FOR VERSION AS OF 3", TimeTravel::Kind::kVersion, "3", ""},
           {"t FOR SYSTEM_VERSION AS OF 'branch'", TimeTravel::Kind::kVersion, "'branch'", ""},
           {"t FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00'", TimeTravel::Kind::kTimestamp,
            "timestamp '2024-01-01 00:00:00'", ""},
           {"t FOR SYSTEM_TIME AS OF '2024-03-01 10:00:00' AS x", TimeTravel::Kind::kTimestamp,
            "'2024-03-01 10:00:00'", "x"},
           {"t VERSION AS OF 1 AS x", TimeTravel::Kind::kVersion, "1", "x"},
           {"t AS x VERSION AS OF 2", TimeTravel::Kind::kVersion, "2", "x"},
           {"t x TIMESTAMP AS OF '2024-03-01 10:00:00'", TimeTravel::Kind::kTimestamp,
            "'2024-03-01 10:00:00'", "x"},
           {"t TIMESTAMP AS OF '2024-03-01 10:00:00'", TimeTravel::Kind::kTimestamp,
            "'2024-03-01 10:00:00'", ""},
       }) {
    auto query = ParseQuery("SELECT * FROM " + std::string(c.sql));
    const auto& table = From(*query).As<TableRelation>();
    ASSERT_TRUE(table.time_travel.has_value()) << c.sql;
    EXPECT_EQ(table.time_travel->kind, c.kind) << c.sql;
    EXPECT_EQ(table.time_travel->point->ToString(), c.point) << c.sql;
    EXPECT_EQ(table.alias ? table.alias->name.name : "", c.alias) << c.sql;
  }
}

TEST(QueryTest, ParsesGroupByElements) {
  auto query = ParseQuery(
      "SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (a), ()), ROLLUP (a, (b, c)), CUBE (a, b), "
      "(), "
      "(a, b), a + 1, (a) + 1");
  const auto& elements = Select(*query).group_by->elements;
  ASSERT_EQ(elements.size(), 7u);
  EXPECT_EQ(elements[0].kind, GroupingElement::Kind::kGroupingSets);
  EXPECT_EQ(elements[0].sets.size(), 3u);
  EXPECT_EQ(elements[0].sets[0].size(), 2u);
  EXPECT_TRUE(elements[0].sets[2].empty());
  EXPECT_EQ(elements[1].kind, GroupingElement::Kind::kRollup);
  EXPECT_EQ(elements[1].sets[1].size(), 2u);
  EXPECT_EQ(elements[2].kind, GroupingElement::Kind::kCube);
  EXPECT_EQ(elements[3].kind, GroupingElement::Kind::kSet);
  EXPECT_TRUE(elements[3].sets[0].empty());
  EXPECT_EQ(elements[4].sets[0].size(), 2u);
  EXPECT_EQ(elements[5].sets[0][0]->ToString(), "a + 1");
  EXPECT_EQ(elements[6].sets[0][0]->ToString(), "a + 1");

  auto all = ParseQuery("SELECT a, count(*) FROM t GROUP BY ALL");
  EXPECT_TRUE(Select(*all).group_by->all);
  auto quantified = ParseQuery("SELECT a FROM t GROUP BY DISTINCT a, ROLLUP (b)");
  EXPECT_TRUE(Select(*quantified).group_by->distinct);
  auto spark = ParseQuery("SELECT a, b FROM t GROUP BY a, b WITH ROLLUP");
  ASSERT_EQ(Select(*spark).group_by->elements.size(), 1u);
  EXPECT_EQ(Select(*spark).group_by->elements[0].kind, GroupingElement::Kind::kRollup);
  EXPECT_EQ(Select(*spark).group_by->elements[0].sets.size(), 2u);
  auto ordinal = ParseQuery("SELECT a, count(*) FROM t GROUP BY 1 HAVING count(*) > 1");
  EXPECT_NE(Select(*ordinal).having, nullptr);
}

TEST(QueryTest, ParsesWindowsAndQualify) {
  auto query = ParseQuery(
      "SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b), w2 AS (w ROWS 1 "
      "PRECEDING) "
      "QUALIFY rank() OVER w = 1");
  const auto& select = Select(*query);
  ASSERT_EQ(select.windows.size(), 2u);
  EXPECT_EQ(select.windows[1].spec.base_window->name, "w");
  EXPECT_NE(select.qualify, nullptr);
}

TEST(QueryTest, ParsesOrderByAndEveryLimitForm) {
  auto query = ParseQuery("SELECT a FROM t ORDER BY a DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5");
  EXPECT_EQ(query->order_by.size(), 2u);
  EXPECT_EQ(query->order_by[0].order, SortOrder::kDescending);
  EXPECT_EQ(query->order_by[0].nulls, NullsOrder::kFirst);
  EXPECT_EQ(query->limit->ToString(), "10");
  EXPECT_EQ(query->offset->ToString(), "5");

  auto fetch = ParseQuery("SELECT a FROM t OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY");
  EXPECT_EQ(fetch->limit->ToString(), "10");
  EXPECT_FALSE(fetch->limit_with_ties);
  auto ties = ParseQuery("SELECT a FROM t ORDER BY a FETCH NEXT ROW WITH TIES");
  EXPECT_EQ(ties->limit->ToString(), "1");
  EXPECT_TRUE(ties->limit_with_ties);
  auto all = ParseQuery("SELECT a FROM t LIMIT ALL");
  EXPECT_EQ(all->limit, nullptr);
  auto mysql = ParseQuery("SELECT a FROM t LIMIT 5, 10");
  EXPECT_EQ(mysql->offset->ToString(), "5");
  EXPECT_EQ(mysql->limit->ToString(), "10");
}

TEST(QueryTest, GivesIntersectHigherPrecedenceThanUnionAndExcept) {
  auto query = ParseQuery("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4");
  const auto& except = query->body->As<SetOperation>();
  EXPECT_EQ(except.op, SetOperator::kExcept);
  EXPECT_TRUE(except.all);
  const auto& union_op = except.left->As<SetOperation>();
  EXPECT_EQ(union_op.op, SetOperator::kUnion);
  EXPECT_FALSE(union_op.all);
  EXPECT_EQ(union_op.right->As<SetOperation>().op, SetOperator::kIntersect);

  EXPECT_EQ(ParseQuery("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3")->ToString(),
            "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3");
  EXPECT_EQ(ParseQuery("SELECT 1 EXCEPT (SELECT 2 EXCEPT SELECT 3)")->ToString(),
            "SELECT 1 EXCEPT (SELECT 2 EXCEPT SELECT 3)");
  EXPECT_EQ(ParseQuery("SELECT 1 UNION DISTINCT SELECT 2")->ToString(), "SELECT 1 UNION SELECT 2");
}

TEST(QueryTest, AppliesOrderAndLimitToTheRightQuery) {
  auto whole = ParseQuery("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3");
  EXPECT_TRUE(whole->body->Is<SetOperation>());
  EXPECT_EQ(whole->order_by.size(), 1u);
  auto parts = ParseQuery(
      "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u LIMIT 2) LIMIT 3");
  const auto& set = parts->body->As<SetOperation>();
  EXPECT_EQ(set.left->As<ParenthesizedQuery>().query->limit->ToString(), "1");
  EXPECT_EQ(set.right->As<ParenthesizedQuery>().query->limit->ToString(), "2");
  EXPECT_EQ(parts->limit->ToString(), "3");
  auto single = ParseQuery("(SELECT a FROM t LIMIT 1)");
  EXPECT_TRUE(single->body->Is<QuerySpecification>());
  EXPECT_EQ(single->limit->ToString(), "1");
  auto plain = ParseQuery("((SELECT 1) UNION (SELECT 2))");
  EXPECT_TRUE(plain->body->As<SetOperation>().left->Is<QuerySpecification>());
}

TEST(QueryTest, ParsesValuesAndTableQueries) {
  auto values = ParseQuery("VALUES (1, 'a'), (2, 'b')");
  const auto& rows = values->body->As<Values>().rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].size(), 2u);
  auto single = ParseQuery("VALUES 1, 2, 3");
  EXPECT_EQ(single->body->As<Values>().rows.size(), 3u);
  EXPECT_EQ(single->body->As<Values>().rows[0].size(), 1u);
  auto table = ParseQuery("TABLE c.s.orders");
  EXPECT_EQ(table->body->As<TableQuery>().name.parts.size(), 3u);
}

TEST(QueryTest, ParsesWithClauses) {
  auto query = ParseQuery(
      "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10), s AS (SELECT "
      "2) "
      "SELECT * FROM r, s");
  EXPECT_TRUE(query->with_recursive);
  ASSERT_EQ(query->with.size(), 2u);
  EXPECT_EQ(query->with[0].name.name, "r");
  EXPECT_EQ(query->with[0].columns[0].name, "n");
  EXPECT_TRUE(query->with[0].query->body->Is<SetOperation>());
  auto nested = ParseQuery("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) y");
  EXPECT_EQ(From(*nested).As<SubqueryRelation>().query->with.size(), 1u);
}

TEST(QueryTest, CopiesQueriesDeeply) {
  auto query = ParseQuery(
      "WITH c AS (SELECT 1 AS x) SELECT DISTINCT x, count(*) OVER w FROM c JOIN t FOR VERSION AS "
      "OF 2 AS v "
      "USING (x) CROSS JOIN UNNEST(arr) u(y), 'f.parquet', LATERAL (SELECT 1) l WHERE x > 1 GROUP "
      "BY "
      "CUBE (x) HAVING true WINDOW w AS (ORDER BY x) QUALIFY true UNION ALL (SELECT 1, 2 LIMIT 1) "
      "ORDER BY 1 "
      "OFFSET 1 FETCH FIRST 2 ROWS WITH TIES");
  auto copy = query->Copy();
  EXPECT_EQ(copy->ToString(), query->ToString());
  EXPECT_NE(copy->body.get(), query->body.get());
}

}  // namespace
}  // namespace switchboard::testing
