// Tests for expression parsing: precedence, literals, names, calls, special forms, predicates and
// printing back to SQL.
#include <gtest/gtest.h>

#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

using namespace ast;  // NOLINT: test brevity

// The expression printed with every operator node in parentheses, to show the tree's shape.
std::string Shape(const Expression& e) {
  switch (e.kind) {
    case ExpressionKind::kBinary: {
      const auto& b = e.As<Binary>();
      return "(" + Shape(*b.left) + " " + std::string(BinaryOperatorSql(b.op)) + " " +
             Shape(*b.right) + ")";
    }
    case ExpressionKind::kLogical: {
      const auto& l = e.As<Logical>();
      std::string out = l.op == LogicalOperator::kAnd ? "AND(" : "OR(";
      for (size_t i = 0; i < l.operands.size(); ++i) out += (i ? ", " : "") + Shape(*l.operands[i]);
      return out + ")";
    }
    case ExpressionKind::kUnary: {
      const auto& u = e.As<Unary>();
      std::string op = u.op == UnaryOperator::kNot     ? "NOT "
                       : u.op == UnaryOperator::kMinus ? "-"
                                                       : "+";
      return "(" + op + Shape(*u.operand) + ")";
    }
    case ExpressionKind::kAtTimeZone: {
      const auto& a = e.As<AtTimeZone>();
      return "(" + Shape(*a.operand) + " AT " + (a.zone ? Shape(*a.zone) : "LOCAL") + ")";
    }
    case ExpressionKind::kIsNull:
      return "(" + Shape(*e.As<IsNull>().operand) + " IS NULL)";
    default:
      return e.ToString();
  }
}

std::string ShapeOf(std::string_view sql) {
  auto expression = ParseExpr(sql);
  return expression ? Shape(*expression) : "";
}

TEST(ExpressionTest, FollowsTrinoOperatorPrecedence) {
  EXPECT_EQ(ShapeOf("a OR b AND NOT c = d"), "OR(a, AND(b, (NOT (c = d))))");
  EXPECT_EQ(ShapeOf("1 + 2 * 3 - 4 / 5 % 6"), "((1 + (2 * 3)) - ((4 / 5) % 6))");
  EXPECT_EQ(ShapeOf("a || b + c"), "(a || (b + c))");
  EXPECT_EQ(ShapeOf("a = b || c"), "(a = (b || c))");
  EXPECT_EQ(ShapeOf("-a * b"), "((-a) * b)");
  EXPECT_EQ(ShapeOf("-x AT TIME ZONE 'UTC'"), "(-(x AT 'UTC'))");
  EXPECT_EQ(ShapeOf("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(ShapeOf("a = b IS NULL"), "((a = b) IS NULL)");
  EXPECT_EQ(ShapeOf("a AND (b AND c) AND d"), "AND(a, b, c, d)");
  EXPECT_EQ(ShapeOf("(a OR b) AND c"), "AND(OR(a, b), c)");
}

TEST(ExpressionTest, PrintsOnlyTheParenthesesPrecedenceNeeds) {
  EXPECT_EQ(ParseExpr("(1 + 2) * 3")->ToString(), "(1 + 2) * 3");
  EXPECT_EQ(ParseExpr("1 + (2 * 3)")->ToString(), "1 + 2 * 3");
  EXPECT_EQ(ParseExpr("a - (b - c)")->ToString(), "a - (b - c)");
  EXPECT_EQ(ParseExpr("NOT (a AND b)")->ToString(), "NOT (a AND b)");
  EXPECT_EQ(ParseExpr("(a OR b) AND c")->ToString(), "(a OR b) AND c");
  EXPECT_EQ(ParseExpr("- (- 5)")->ToString(), "- -5");
  EXPECT_EQ(ParseExpr("-(a + b)")->ToString(), "-(a + b)");
  EXPECT_EQ(ParseExpr("(a + b)[1]")->ToString(), "(a + b)[1]");
  EXPECT_EQ(ParseExpr("(x).f")->ToString(), "(x).f");
  EXPECT_EQ(ParseExpr("(-5) AT TIME ZONE 'UTC'")->ToString(), "(-5) AT TIME ZONE 'UTC'");
  EXPECT_EQ(ParseExpr("a = (b = c)")->ToString(), "a = (b = c)");
  EXPECT_EQ(ParseExpr("x BETWEEN (a = b) AND c")->ToString(), "x BETWEEN (a = b) AND c");
}

TEST(ExpressionTest, KeepsLiteralsAsText) {
  auto check = [](std::string_view sql, LiteralKind kind, std::string_view text) {
    auto e = ParseExpr(sql);
    ASSERT_TRUE(e && e->Is<Literal>()) << sql;
    EXPECT_EQ(e->As<Literal>().literal_kind, kind) << sql;
    EXPECT_EQ(e->As<Literal>().text, text) << sql;
  };
  check("123456789012345678901234567890", LiteralKind::kInteger, "123456789012345678901234567890");
  check("-9223372036854775808", LiteralKind::kInteger, "-9223372036854775808");
  check("1.50", LiteralKind::kDecimal, "1.50");
  check(".5", LiteralKind::kDecimal, ".5");
  check("1e5", LiteralKind::kDouble, "1e5");
  check("'it''s'", LiteralKind::kString, "it's");
  check("X'0aff'", LiteralKind::kBinary, "0AFF");
  check("TRUE", LiteralKind::kBoolean, "true");
  check("false", LiteralKind::kBoolean, "false");
  check("NULL", LiteralKind::kNull, "");
  EXPECT_EQ(ParseExpr("'a''b'")->ToString(), "'a''b'");
}

TEST(ExpressionTest, ParsesTypedLiterals) {
  auto check = [](std::string_view sql, std::string_view type, std::string_view value) {
    auto e = ParseExpr(sql);
    ASSERT_TRUE(e && e->Is<TypedLiteral>()) << sql;
    EXPECT_EQ(e->As<TypedLiteral>().type.name, type) << sql;
    EXPECT_EQ(e->As<TypedLiteral>().value, value) << sql;
  };
  check("DATE '2020-01-01'", "date", "2020-01-01");
  check("TIME '10:00:00'", "time", "10:00:00");
  check("TIMESTAMP '2020-01-01 10:00:00 America/Chicago'", "timestamp",
        "2020-01-01 10:00:00 America/Chicago");
  check("TIMESTAMP WITH TIME ZONE '2020-01-01 10:00 UTC'", "timestamp with time zone",
        "2020-01-01 10:00 UTC");
  check("DECIMAL '1.2'", "decimal", "1.2");
  check("REAL '1.5'", "real", "1.5");
  check("DOUBLE PRECISION '2'", "double", "2");
  check("JSON '{\"a\": 1}'", "json", "{\"a\": 1}");
  check("UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'", "uuid",
        "12151fd2-7586-11e9-8f9e-2a86e4085a59");
  check("ipaddress '10.0.0.1'", "ipaddress", "10.0.0.1");
}

TEST(ExpressionTest, KeywordsThatAreNotReservedAreColumnNames) {
  for (std::string_view name :
       {"date",      "year",    "key",        "value",   "comment",   "location", "type", "format",
        "first",     "last",    "data",       "version", "timestamp", "position", "zone", "files",
        "snapshots", "history", "partitions", "refs",    "system",    "user",     "role", "stage",
        "name",      "count",   "interval",   "array",   "row",       "map"}) {
    auto e = ParseExpr(std::string(name) + " + 1");
    ASSERT_TRUE(e) << name;
    const auto& left = *e->As<Binary>().left;
    ASSERT_TRUE(left.Is<ColumnRef>()) << name;
    EXPECT_EQ(left.As<ColumnRef>().name.parts[0].name, name);
  }
}

TEST(ExpressionTest, ParsesIntervalsInEveryForm) {
  auto check = [](std::string_view sql, std::string_view value, bool negative, IntervalField start,
                  IntervalField end) {
    auto e = ParseExpr(sql);
    ASSERT_TRUE(e && e->Is<IntervalLiteral>()) << sql;
    const auto& interval = e->As<IntervalLiteral>();
    EXPECT_EQ(interval.value, value) << sql;
    EXPECT_EQ(interval.negative, negative) << sql;
    EXPECT_EQ(interval.start, start) << sql;
    EXPECT_EQ(interval.end, end) << sql;
  };
  check("INTERVAL '3' DAY", "3", false, IntervalField::kDay, IntervalField::kNone);
  check("INTERVAL '-2' HOUR", "-2", false, IntervalField::kHour, IntervalField::kNone);
  check("INTERVAL -'2' HOUR", "2", true, IntervalField::kHour, IntervalField::kNone);
  check("INTERVAL '1-2' YEAR TO MONTH", "1-2", false, IntervalField::kYear, IntervalField::kMonth);
  check("INTERVAL '1 10:00:00' DAY TO SECOND", "1 10:00:00", false, IntervalField::kDay,
        IntervalField::kSecond);
  check("INTERVAL '2 days'", "2 days", false, IntervalField::kNone, IntervalField::kNone);
  check("INTERVAL 3 DAYS", "3", false, IntervalField::kDay, IntervalField::kNone);
  check("INTERVAL -3 day", "-3", false, IntervalField::kDay, IntervalField::kNone);
  EXPECT_EQ(ParseExpr("d + INTERVAL '1' MONTH")->ToString(), "d + INTERVAL '1' MONTH");
}

TEST(ExpressionTest, ParsesNamesParametersSubscriptsAndFields) {
  auto name = ParseExpr("catalog.schema.t.col");
  ASSERT_TRUE(name->Is<ColumnRef>());
  EXPECT_EQ(name->As<ColumnRef>().name.parts.size(), 4u);
  auto quoted = ParseExpr(R"("My Col".`x`)");
  EXPECT_TRUE(quoted->As<ColumnRef>().name.parts[0].quoted);
  EXPECT_EQ(quoted->As<ColumnRef>().name.parts[0].name, "My Col");
  EXPECT_EQ(quoted->ToString(), R"("My Col"."x")");

  auto subscript = ParseExpr("m['k'][1]");
  ASSERT_TRUE(subscript->Is<Subscript>());
  EXPECT_TRUE(subscript->As<Subscript>().base->Is<Subscript>());

  auto field = ParseExpr("(row_col).a.b");
  ASSERT_TRUE(field->Is<Dereference>());
  EXPECT_EQ(field->As<Dereference>().field.name, "b");
  EXPECT_TRUE(field->As<Dereference>().base->Is<Dereference>());
  EXPECT_TRUE(ParseExpr("f(x).y")->Is<Dereference>());
  EXPECT_TRUE(ParseExpr("a[1].y")->Is<Dereference>());

  auto parameters = ParseSql("SELECT ?, $3, ? FROM t");
  ASSERT_TRUE(parameters.ok());
  const auto& items = Select(*parameters->front()->As<QueryStatement>().query).select_items;
  EXPECT_EQ(items[0].expression->As<Parameter>().number, 1u);
  EXPECT_EQ(items[1].expression->As<Parameter>().number, 3u);
  EXPECT_TRUE(items[1].expression->As<Parameter>().dollar);
  EXPECT_EQ(items[2].expression->As<Parameter>().number, 2u);
}

TEST(ExpressionTest, ParsesFunctionCallsWithEveryDecoration) {
  auto count = ParseExpr("count(DISTINCT x)");
  EXPECT_TRUE(count->As<FunctionCall>().distinct);
  EXPECT_TRUE(ParseExpr("count(*)")->As<FunctionCall>().star);
  EXPECT_TRUE(ParseExpr("system.f()")->As<FunctionCall>().arguments.empty());
  EXPECT_EQ(ParseExpr("system.f()")->As<FunctionCall>().name.parts.size(), 2u);

  auto ordered = ParseExpr("array_agg(x ORDER BY y DESC NULLS LAST)");
  const auto& order = ordered->As<FunctionCall>().order_by;
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0].order, SortOrder::kDescending);
  EXPECT_EQ(order[0].nulls, NullsOrder::kLast);

  auto within = ParseExpr("listagg(x, ',') WITHIN GROUP (ORDER BY y)");
  EXPECT_EQ(within->As<FunctionCall>().order_by.size(), 1u);
  EXPECT_EQ(within->As<FunctionCall>().arguments.size(), 2u);

  auto filtered = ParseExpr("sum(x) FILTER (WHERE x > 0)");
  ASSERT_NE(filtered->As<FunctionCall>().filter, nullptr);

  for (std::string_view sql : {"first_value(x) IGNORE NULLS OVER (ORDER BY y)",
                               "first_value(x IGNORE NULLS) OVER (ORDER BY y)"}) {
    auto call = ParseExpr(sql);
    EXPECT_EQ(call->As<FunctionCall>().null_treatment, NullTreatment::kIgnoreNulls) << sql;
    EXPECT_NE(call->As<FunctionCall>().window, nullptr) << sql;
  }
  EXPECT_EQ(ParseExpr("lag(x) RESPECT NULLS OVER w")->As<FunctionCall>().null_treatment,
            NullTreatment::kRespectNulls);
  EXPECT_TRUE(ParseExpr("lag(x) OVER w")->As<FunctionCall>().IsWindowed());
  EXPECT_FALSE(ParseExpr("sum(x)")->As<FunctionCall>().IsWindowed());
  EXPECT_EQ(ParseExpr("rank() OVER w")->As<FunctionCall>().window_name->name, "w");
}

TEST(ExpressionTest, ParsesWindowSpecificationsAndFrames) {
  auto call = ParseExpr(
      "sum(x) OVER (base PARTITION BY a, b ORDER BY c ROWS BETWEEN 2 PRECEDING AND UNBOUNDED "
      "FOLLOWING "
      "EXCLUDE CURRENT ROW)");
  const WindowSpec& spec = *call->As<FunctionCall>().window;
  EXPECT_EQ(spec.base_window->name, "base");
  EXPECT_EQ(spec.partition_by.size(), 2u);
  EXPECT_EQ(spec.order_by.size(), 1u);
  ASSERT_TRUE(spec.frame.has_value());
  EXPECT_EQ(spec.frame->unit, FrameUnit::kRows);
  EXPECT_EQ(spec.frame->start.kind, FrameBoundKind::kPreceding);
  EXPECT_EQ(spec.frame->start.offset->ToString(), "2");
  EXPECT_EQ(spec.frame->end->kind, FrameBoundKind::kUnboundedFollowing);
  EXPECT_EQ(spec.frame->exclusion, FrameExclusion::kCurrentRow);

  auto range = ParseExpr("avg(x) OVER (ORDER BY d RANGE INTERVAL '1' DAY PRECEDING)");
  const WindowFrame& frame = *range->As<FunctionCall>().window->frame;
  EXPECT_EQ(frame.unit, FrameUnit::kRange);
  EXPECT_TRUE(frame.start.offset->Is<IntervalLiteral>());
  EXPECT_FALSE(frame.end.has_value());

  auto groups =
      ParseExpr("count(*) OVER (GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING EXCLUDE NO OTHERS)");
  EXPECT_EQ(groups->As<FunctionCall>().window->frame->unit, FrameUnit::kGroups);
  EXPECT_EQ(groups->As<FunctionCall>().window->frame->exclusion, FrameExclusion::kNoOthers);
  for (std::string_view sql :
       {"f() OVER (ROWS UNBOUNDED PRECEDING EXCLUDE GROUP)",
        "f() OVER (RANGE CURRENT ROW EXCLUDE TIES)", "f() OVER (partition)"}) {
    EXPECT_TRUE(ParseExpr(sql)) << sql;
  }
  EXPECT_EQ(ParseExpr("f() OVER (partition)")->As<FunctionCall>().window->base_window->name,
            "partition");
}

TEST(ExpressionTest, ParsesNamedArgumentsAndLambdas) {
  auto call = ParseExpr("f(a => 1, \"b\" => 'x', 3)");
  const auto& args = call->As<FunctionCall>().arguments;
  ASSERT_TRUE(args[0]->Is<NamedArgument>());
  EXPECT_EQ(args[0]->As<NamedArgument>().name.name, "a");
  EXPECT_TRUE(args[1]->As<NamedArgument>().name.quoted);
  EXPECT_TRUE(args[2]->Is<Literal>());

  auto lambdas = ParseExpr("reduce(a, 0, (s, x) -> s + x, s -> s * 2)");
  const auto& reduce_args = lambdas->As<FunctionCall>().arguments;
  ASSERT_TRUE(reduce_args[2]->Is<Lambda>());
  EXPECT_EQ(reduce_args[2]->As<Lambda>().parameters.size(), 2u);
  EXPECT_EQ(reduce_args[3]->As<Lambda>().parameters[0].name, "s");
  EXPECT_EQ(lambdas->ToString(), "reduce(a, 0, (s, x) -> s + x, s -> s * 2)");
  EXPECT_EQ(ParseExpr("transform(a, x -> y -> x + y)")->ToString(),
            "transform(a, x -> y -> x + y)");
}

TEST(ExpressionTest, ParsesCastsAndCase) {
  auto cast = ParseExpr("CAST(x AS DECIMAL(10, 2))");
  EXPECT_FALSE(cast->As<Cast>().safe);
  EXPECT_EQ(cast->As<Cast>().type.ToString(), "decimal(10, 2)");
  EXPECT_TRUE(ParseExpr("TRY_CAST(x AS int)")->As<Cast>().safe);
  auto postfix = ParseExpr("x::ARRAY<INT>");
  EXPECT_EQ(postfix->ToString(), "CAST(x AS array(integer))");

  auto simple = ParseExpr("CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END");
  EXPECT_NE(simple->As<Case>().operand, nullptr);
  EXPECT_EQ(simple->As<Case>().when_clauses.size(), 2u);
  EXPECT_NE(simple->As<Case>().else_result, nullptr);
  auto searched = ParseExpr("CASE WHEN a > 1 THEN 1 END");
  EXPECT_EQ(searched->As<Case>().operand, nullptr);
  EXPECT_EQ(searched->As<Case>().else_result, nullptr);
}

TEST(ExpressionTest, TurnsSpecialFormsIntoCalls) {
  EXPECT_EQ(ParseExpr("SUBSTRING(s FROM 2 FOR 3)")->ToString(), "substring(s, 2, 3)");
  EXPECT_EQ(ParseExpr("substring(s FROM 2)")->ToString(), "substring(s, 2)");
  EXPECT_EQ(ParseExpr("POSITION('a' IN s)")->ToString(), "strpos(s, 'a')");
  EXPECT_EQ(ParseExpr("position(x, y)")->ToString(), "position(x, y)");
  EXPECT_EQ(ParseExpr("TRIM(BOTH 'x' FROM s)")->ToString(), "trim(s, 'x')");
  EXPECT_EQ(ParseExpr("TRIM(LEADING FROM s)")->ToString(), "ltrim(s)");
  EXPECT_EQ(ParseExpr("TRIM(TRAILING 'x' FROM s)")->ToString(), "rtrim(s, 'x')");
  EXPECT_EQ(ParseExpr("TRIM('x' FROM s)")->ToString(), "trim(s, 'x')");
  EXPECT_EQ(ParseExpr("trim(s)")->ToString(), "trim(s)");
  EXPECT_EQ(ParseExpr("GROUPING(a, b)")->As<FunctionCall>().name.parts[0].name, "GROUPING");
  EXPECT_EQ(ParseExpr("left('abc', 2)")->ToString(), "left('abc', 2)");
  auto extract = ParseExpr("EXTRACT(YEAR FROM d)");
  EXPECT_EQ(extract->As<Extract>().field.name, "YEAR");
}

TEST(ExpressionTest, ParsesCurrentValuesAndEmptyParenthesesCalls) {
  EXPECT_EQ(ParseExpr("CURRENT_DATE")->As<CurrentValue>().value, CurrentValueKind::kDate);
  EXPECT_EQ(ParseExpr("current_timestamp")->As<CurrentValue>().value, CurrentValueKind::kTimestamp);
  EXPECT_EQ(*ParseExpr("CURRENT_TIMESTAMP(3)")->As<CurrentValue>().precision, 3);
  EXPECT_EQ(*ParseExpr("LOCALTIME(6)")->As<CurrentValue>().precision, 6);
  EXPECT_EQ(ParseExpr("LOCALTIMESTAMP")->As<CurrentValue>().value,
            CurrentValueKind::kLocalTimestamp);
  EXPECT_EQ(ParseExpr("CURRENT_USER")->As<CurrentValue>().value, CurrentValueKind::kUser);
  EXPECT_EQ(ParseExpr("CURRENT_ROLE")->As<CurrentValue>().value, CurrentValueKind::kRole);
  EXPECT_EQ(ParseExpr("CURRENT_SCHEMA")->As<CurrentValue>().value, CurrentValueKind::kSchema);
  EXPECT_EQ(ParseExpr("CURRENT_CATALOG")->As<CurrentValue>().value, CurrentValueKind::kCatalog);
  EXPECT_EQ(ParseExpr("CURRENT_TIME")->As<CurrentValue>().value, CurrentValueKind::kTime);
  auto snowflake = ParseExpr("CURRENT_TIMESTAMP()");
  ASSERT_TRUE(snowflake->Is<FunctionCall>());
  EXPECT_EQ(snowflake->ToString(), "CURRENT_TIMESTAMP()");
  EXPECT_TRUE(ParseExpr("GETDATE()")->Is<FunctionCall>());
  auto dateadd = ParseExpr("DATEADD(day, -7, x)");
  EXPECT_TRUE(dateadd->As<FunctionCall>().arguments[0]->Is<ColumnRef>());
  EXPECT_EQ(dateadd->As<FunctionCall>().arguments[1]->As<Literal>().text, "-7");
  EXPECT_TRUE(ParseExpr("TIMESTAMPADD(DAY, -7, CURRENT_TIMESTAMP())")->Is<FunctionCall>());
}

TEST(ExpressionTest, ParsesConstructors) {
  EXPECT_EQ(ParseExpr("ARRAY[1, 2]")->As<ArrayConstructor>().elements.size(), 2u);
  EXPECT_TRUE(ParseExpr("ARRAY[]")->As<ArrayConstructor>().elements.empty());
  EXPECT_EQ(ParseExpr("ROW(1, 'a')")->As<RowConstructor>().elements.size(), 2u);
  EXPECT_EQ(ParseExpr("(1, 'a')")->ToString(), "ROW(1, 'a')");
  EXPECT_TRUE(ParseExpr("(1)")->Is<Literal>());
  for (std::string_view call : {"array(1, 2)", "map('a', 1)", "named_struct('a', 1)", "IF(c, a, b)",
                                "COALESCE(a, b)", "NULLIF(a, b)"}) {
    EXPECT_TRUE(ParseExpr(call)->Is<FunctionCall>()) << call;
  }
}

TEST(ExpressionTest, ParsesPredicates) {
  auto between = ParseExpr("x NOT BETWEEN SYMMETRIC 1 AND 2");
  EXPECT_TRUE(between->As<Between>().negated);
  EXPECT_TRUE(between->As<Between>().symmetric);
  EXPECT_EQ(ShapeOf("x BETWEEN 1 AND 2 AND y"), "AND(x BETWEEN 1 AND 2, y)");

  auto in_list = ParseExpr("x NOT IN (1, 2, 3)");
  EXPECT_TRUE(in_list->As<InList>().negated);
  EXPECT_EQ(in_list->As<InList>().values.size(), 3u);
  EXPECT_NE(SyntaxError("SELECT x IN ()").find("mismatched input ')'"), std::string::npos);
  EXPECT_TRUE(ParseExpr("x IN (SELECT a FROM t)")->Is<InSubquery>());
  EXPECT_TRUE(ParseExpr("x IN ((SELECT 1), 2)")->Is<InList>());

  auto like = ParseExpr("name NOT LIKE 'a%' ESCAPE '\\'");
  EXPECT_TRUE(like->As<Like>().negated);
  EXPECT_NE(like->As<Like>().escape, nullptr);
  EXPECT_TRUE(ParseExpr("name ILIKE 'a%'")->As<Like>().case_insensitive);

  EXPECT_FALSE(ParseExpr("x IS NULL")->As<IsNull>().negated);
  EXPECT_TRUE(ParseExpr("x IS NOT NULL")->As<IsNull>().negated);
  EXPECT_EQ(ParseExpr("a IS DISTINCT FROM b")->As<Binary>().op, BinaryOperator::kIsDistinctFrom);
  EXPECT_EQ(ParseExpr("a IS NOT DISTINCT FROM b")->As<Binary>().op,
            BinaryOperator::kIsNotDistinctFrom);
  EXPECT_EQ(ParseExpr("a != b")->As<Binary>().op, BinaryOperator::kNotEqual);
  EXPECT_EQ(ParseExpr("a != b")->ToString(), "a <> b");
  EXPECT_TRUE(IsComparison(ParseExpr("a >= b")->As<Binary>().op));
  EXPECT_FALSE(IsComparison(ParseExpr("a || b")->As<Binary>().op));

  auto all = ParseExpr("x > ALL (SELECT y FROM t)");
  EXPECT_EQ(all->As<QuantifiedComparison>().quantifier, Quantifier::kAll);
  EXPECT_EQ(all->As<QuantifiedComparison>().op, BinaryOperator::kGreater);
  EXPECT_EQ(ParseExpr("x = SOME (SELECT 1)")->As<QuantifiedComparison>().quantifier,
            Quantifier::kAny);
  EXPECT_TRUE(ParseExpr("x = any(y)")->As<Binary>().right->Is<FunctionCall>());
}

TEST(ExpressionTest, ParsesSubqueriesAndExists) {
  auto exists = ParseExpr("NOT EXISTS (SELECT 1 FROM t WHERE t.a = u.a)");
  ASSERT_TRUE(exists->Is<Unary>());
  EXPECT_TRUE(exists->As<Unary>().operand->Is<Exists>());
  auto scalar = ParseExpr("(SELECT max(x) FROM t) + 1");
  EXPECT_TRUE(scalar->As<Binary>().left->Is<SubqueryExpression>());
  EXPECT_TRUE(ParseExpr("((SELECT 1) UNION (SELECT 2))")->Is<SubqueryExpression>());
}

TEST(ExpressionTest, ParsesAtTimeZone) {
  auto zone = ParseExpr("ts AT TIME ZONE 'America/Chicago'");
  EXPECT_EQ(zone->As<AtTimeZone>().zone->As<Literal>().text, "America/Chicago");
  EXPECT_EQ(ParseExpr("ts AT TIME ZONE LOCAL")->As<AtTimeZone>().zone, nullptr);
  EXPECT_EQ(ParseExpr("ts AT TIME ZONE INTERVAL '1' HOUR")->ToString(),
            "ts AT TIME ZONE INTERVAL '1' HOUR");
}

TEST(ExpressionTest, FoldsUnaryMinusIntoNumbersOnly) {
  EXPECT_EQ(ParseExpr("-5")->As<Literal>().text, "-5");
  EXPECT_EQ(ParseExpr("- 1.5e3")->As<Literal>().text, "-1.5e3");
  auto twice = ParseExpr("- - 5");
  ASSERT_TRUE(twice->Is<Unary>());
  EXPECT_EQ(twice->As<Unary>().operand->As<Literal>().text, "-5");
  EXPECT_TRUE(ParseExpr("-x")->Is<Unary>());
  EXPECT_TRUE(ParseExpr("+5")->Is<Unary>());
  EXPECT_EQ(ParseExpr("a - -5")->ToString(), "a - -5");
  EXPECT_EQ(ParseExpr("- (- x)")->ToString(), "- -x");
}

TEST(ExpressionTest, RecordsWhereEachExpressionStarts) {
  auto e = ParseExpr("a +\n  f(b, c)");
  EXPECT_EQ(e->location.line, 1u);
  EXPECT_EQ(e->location.column, 1u);
  EXPECT_EQ(e->As<Binary>().operator_location.column, 3u);
  const auto& call = e->As<Binary>().right->As<FunctionCall>();
  EXPECT_EQ(call.location.line, 2u);
  EXPECT_EQ(call.location.column, 3u);
  EXPECT_EQ(call.arguments[1]->location.column, 8u);
}

TEST(ExpressionTest, CopiesDeeply) {
  for (std::string_view sql :
       {"CASE WHEN a IN (SELECT b FROM t) THEN f(x ORDER BY y) FILTER (WHERE z) OVER (PARTITION BY "
        "p ROWS 1 "
        "PRECEDING) ELSE CAST(x AS row(a int)) END",
        "EXISTS (WITH c AS (SELECT 1) SELECT * FROM c, UNNEST(arr) u(x) WHERE x > ALL (SELECT 1))",
        "transform(a, x -> x[1].f) || ARRAY[ROW(1, 2)] || (SELECT 1 LIMIT 1)"}) {
    auto original = ParseExpr(sql);
    auto copy = original->Copy();
    EXPECT_NE(copy.get(), original.get());
    EXPECT_EQ(copy->ToString(), original->ToString());
    EXPECT_EQ(copy->location.column, original->location.column);
  }
}

}  // namespace
}  // namespace switchboard::testing
