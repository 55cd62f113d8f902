// Tests for syntax errors and robustness: Trino-style messages with line:column, nesting limits,
// and randomized and truncated inputs that must fail cleanly rather than crash or hang.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "sql/parser/sql_parser.h"
#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

TEST(ErrorTest, NamesTheUnexpectedTokenAndWhatWouldFit) {
  EXPECT_EQ(
      SyntaxError("SELECT * FORM t"),
      "line 1:10: mismatched input 'FORM'. Expecting: ',', 'EXCEPT', 'EXCLUDE', 'FETCH', 'FROM', "
      "'GROUP', 'HAVING', 'INTERSECT', 'LIMIT', 'OFFSET', 'ORDER', 'QUALIFY', 'UNION', 'WHERE', "
      "'WINDOW', <EOF>");
  EXPECT_EQ(SyntaxError("SELECT a,\n  b FROM t WHERE c = = 1"),
            "line 2:22: mismatched input '='. Expecting: <expression>");
  EXPECT_EQ(SyntaxError("INSERT t VALUES (1)"),
            "line 1:8: mismatched input 't'. Expecting: 'INTO', 'OVERWRITE'");
  EXPECT_EQ(SyntaxError("SELECT 1 +"),
            "line 1:11: mismatched input '<EOF>'. Expecting: <expression>");
  EXPECT_EQ(SyntaxError("SELECT * FROM t JOIN u"),
            "line 1:23: mismatched input '<EOF>'. Expecting: '(', 'AS', 'FOR', 'ON', 'USING'");
  EXPECT_EQ(SyntaxError("CREATE TABLE t (a ARRAY<INT)"),
            "line 1:28: mismatched input ')'. Expecting: '(', '>'");
  std::string second = SyntaxError("SELECT 1;\nSELECT 2 2");
  EXPECT_TRUE(
      second.starts_with("line 2:10: mismatched input '2'. Expecting: '!=', '%', '*', '+', ','"))
      << second;
  EXPECT_TRUE(second.ends_with("'WINDOW', '[', '||', <EOF>")) << second;
}

TEST(ErrorTest, RejectsUnsupportedStatementsByNamingTheToken) {
  std::string message = SyntaxError("VACUUM t");
  EXPECT_TRUE(message.starts_with("line 1:1: mismatched input 'VACUUM'. Expecting: '(', 'ALTER',"))
      << message;
  EXPECT_TRUE(
      SyntaxError("CREATE INDEX i ON t (a)").starts_with("line 1:8: mismatched input 'INDEX'"));
  EXPECT_TRUE(SyntaxError("SELECT a DIV b FROM t").starts_with("line 1:14: mismatched input 'b'"));
}

TEST(ErrorTest, ReportsLexicalErrorsAsSyntaxErrors) {
  EXPECT_EQ(SyntaxError("SELECT 'abc"), "line 1:8: unterminated string literal");
  EXPECT_EQ(SyntaxError("SELECT 1 /* no end"), "line 1:10: unterminated comment");
  EXPECT_EQ(SyntaxError("SELECT 1 # 2"), "line 1:10: token recognition error at: '#'");
}

TEST(ErrorTest, AcceptsEmptyStatementsAndSplitsSpans) {
  std::string sql = " ;; SELECT 1 ;\n-- comment\nSELECT\n  2 ; ;";
  auto statements = ParseSql(sql);
  ASSERT_TRUE(statements.ok());
  ASSERT_EQ(statements->size(), 2u);
  EXPECT_EQ((*statements)[0]->Text(sql), "SELECT 1");
  EXPECT_EQ((*statements)[1]->Text(sql), "SELECT\n  2");
  EXPECT_EQ((*statements)[1]->location.line, 3u);
  EXPECT_EQ((*statements)[1]->location.column, 1u);
  auto empty = ParseSql("  -- nothing\n");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(ErrorTest, StandaloneEntryPointsRejectTrailingInput) {
  auto expression = ParseExpression("1 + 2 3");
  ASSERT_FALSE(expression.ok());
  EXPECT_TRUE(expression.error().message.starts_with("line 1:7: mismatched input '3'"));
  EXPECT_FALSE(ParseExpression("").ok());
  EXPECT_FALSE(ParseExpression("1; 2").ok());
  EXPECT_FALSE(ParseTypeName("int;").ok());
}

TEST(ErrorTest, LimitsNestingDepthWithAClearError) {
  constexpr size_t kLimit = parser::SqlParser::kMaxDepth;
  auto nested = [](std::string_view open, std::string_view middle, std::string_view close,
                   size_t depth) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < depth; ++i) sql += open;
    sql += middle;
    for (size_t i = 0; i < depth; ++i) sql += close;
    return sql;
  };
  EXPECT_FALSE(RoundTrip(nested("(", "1", ")", kLimit - 10)).starts_with("FAIL"));
  EXPECT_FALSE(RoundTrip(nested("- ", "x", "", kLimit - 10)).starts_with("FAIL"));
  EXPECT_FALSE(RoundTrip(nested("1 + ", "1", "", kLimit - 10)).starts_with("FAIL"));
  const std::string expected =
      fmt::format("statement is too deeply nested (more than {} levels)", kLimit);
  for (const std::string& sql :
       {nested("(", "1", ")", kLimit + 1), nested("(", "1", ")", 20000),
        nested("NOT ", "1", "", 20000), nested("- ", "1", "", 20000),
        nested("1 + ", "1", "", 20000), nested("f(", "", ")", 20000),
        nested("ARRAY[", "", "]", 20000), nested("x", "", "[1]", 20000),
        nested("(SELECT ", "1", ")", 20000), nested("CASE WHEN 1 THEN ", "1", " END", 20000),
        nested("", "a", " IS NULL", 20000), nested("", "1", " UNION SELECT 1", 20000),
        nested("", "(x)", ".a", 20000), nested("", "x", " AT TIME ZONE 'a'", 20000),
        nested("", "x", "::int", 20000),
        "SELECT CAST(x AS " + nested("ARRAY<", "INT", ">", 20000).substr(7) + ")",
        "SELECT * FROM t" + nested("", "", " JOIN t ON true", 20000).substr(7),
        nested("EXPLAIN ", "", "", 20000).substr(7) + "SELECT 1"}) {
    std::string message = SyntaxError(sql);
    EXPECT_NE(message.find(expected), std::string::npos) << message;
  }
  // Long flat lists are not nesting.
  std::string conjunction = "SELECT 1 FROM t WHERE a = 0";
  for (int i = 0; i < 50000; ++i) conjunction += " AND a = " + std::to_string(i);
  EXPECT_FALSE(RoundTrip(conjunction).starts_with("FAIL"));
}

// Statements covering much of the grammar, for the randomized tests below.
const std::vector<std::string>& SeedStatements() {
  static const std::vector<std::string> seeds = {
      "SELECT a, count(DISTINCT b) FILTER (WHERE c > 1) AS n FROM t AS x JOIN u ON x.id = u.id "
      "WHERE d BETWEEN 1 AND 2 AND e IN (1, 2) GROUP BY ROLLUP (a, b) HAVING count(*) > 1 ORDER BY "
      "1 DESC "
      "LIMIT 10",
      "WITH r AS (SELECT 1 AS x UNION ALL SELECT 2) SELECT * FROM r CROSS JOIN UNNEST(ARRAY[1, 2]) "
      "u(y) "
      "WHERE x = ANY (SELECT 1) QUALIFY rank() OVER (PARTITION BY x ORDER BY y ROWS 1 PRECEDING) = "
      "1",
      "SELECT CASE WHEN x IS NULL THEN 'a' ELSE CAST(x AS varchar) END, INTERVAL '1' DAY, DATE "
      "'2020-01-01', "
      "x AT TIME ZONE 'UTC', transform(arr, v -> v + 1), m['k'][1], (r).f, -5, 'it''s' FROM t "
      "FOR VERSION AS OF 3",
      "CREATE TABLE IF NOT EXISTS c.s.t (id BIGINT NOT NULL, tags ARRAY<STRUCT<a: INT, b STRING>>) "
      "USING "
      "iceberg PARTITIONED BY (days(ts), bucket(16, id)) LOCATION 's3://x' TBLPROPERTIES ('k' = "
      "'v')",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.* = s.* WHEN NOT MATCHED "
      "THEN "
      "INSERT (id) VALUES (s.id)",
      "ALTER TABLE t CREATE BRANCH b AS OF VERSION 1 RETAIN 3 DAYS WITH SNAPSHOT RETENTION 2 "
      "SNAPSHOTS",
      "COPY (SELECT * FROM t) TO 'f.parquet' (FORMAT parquet, PARTITION_BY (a, b))",
      "CREATE OR REPLACE EXTERNAL TABLE e (a STRING) LOCATION = @STAGE/p/ FILE_FORMAT = F PATTERN "
      "= '.*'",
      "GRANT SELECT (a), INSERT ON TABLE t TO ROLE r WITH GRANT OPTION",
      "INSERT OVERWRITE TABLE t PARTITION (dt = '2024-01-01') SELECT * FROM read_parquet('x', a => "
      "1)",
  };
  return seeds;
}

// Parsing `sql` must succeed with stable printing or fail with a syntax error; nothing else.
void ExpectParsesOrFailsCleanly(const std::string& sql) {
  auto parsed = ParseSql(sql);
  if (!parsed.ok()) {
    EXPECT_EQ(parsed.error().code, ErrorCode::kSyntaxError) << sql << "\n"
                                                            << parsed.error().message;
    EXPECT_TRUE(parsed.error().message.starts_with("line ")) << parsed.error().message;
    return;
  }
  std::string printed = RoundTrip(sql);
  EXPECT_FALSE(printed.starts_with("FAIL")) << sql << "\n" << printed;
}

TEST(ErrorTest, TruncatedStatementsFailCleanly) {
  for (const std::string& seed : SeedStatements()) {
    for (size_t length = 0; length <= seed.size(); ++length)
      ExpectParsesOrFailsCleanly(seed.substr(0, length));
  }
}

TEST(ErrorTest, RandomlyMutatedStatementsParseOrFailCleanly) {
  std::mt19937 random(20240301);
  const std::vector<std::string> fragments = {
      "(",    ")",     ",",   "'",        "\"",   "`",    "SELECT", "FROM",  "WHERE", "AND",
      "NOT",  "*",     "-",   "--",       "/*",   "[",    "]",      "<",     ">",     ">=",
      "::",   "->",    "=>",  "?",        "$1",   "@s/p", ";",      "CASE",  "END",   "OVER",
      "JOIN", "ON",    "AS",  "x",        "1",    "1.5e", "E'\\",   "U&'\\", "X'",    "INTERVAL",
      "DATE", "ARRAY", "ROW", "\xC3\xA9", "\x01", "\n"};
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  for (int round = 0; round < 4000; ++round) {
    std::string sql = SeedStatements()[pick(SeedStatements().size())];
    int mutations = 1 + static_cast<int>(pick(4));
    for (int m = 0; m < mutations; ++m) {
      size_t at = pick(sql.size() + 1);
      switch (pick(4)) {
        case 0:  // delete a range
          sql.erase(at, pick(12));
          break;
        case 1:  // insert a fragment
          sql.insert(at, " " + fragments[pick(fragments.size())] + " ");
          break;
        case 2:  // duplicate a range
          sql.insert(at, sql.substr(pick(sql.size() + 1), pick(30)));
          break;
        default:  // overwrite one character
          if (at < sql.size()) sql[at] = static_cast<char>(pick(128));
          break;
      }
    }
    ExpectParsesOrFailsCleanly(sql);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace switchboard::testing
