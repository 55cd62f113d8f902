// Tests for type names: every dialect spelling, normalization, nesting and printing.
#include <gtest/gtest.h>

#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

// The normalized SQL form of a type string; checks that it parses back to itself.
std::string Normalized(std::string_view text) {
  auto type = ParseTypeName(text);
  if (!type.ok()) {
    ADD_FAILURE() << text << ": " << type.error().message;
    return "";
  }
  std::string printed = type->ToString();
  auto reparsed = ParseTypeName(printed);
  EXPECT_TRUE(reparsed.ok()) << printed;
  if (reparsed.ok()) {
    EXPECT_EQ(reparsed->ToString(), printed);
  }
  return printed;
}

TEST(TypeNameTest, NormalizesScalarSpellings) {
  std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"INTEGER", "integer"},
      {"INT", "integer"},
      {"BIGINT", "bigint"},
      {"LONG", "bigint"},
      {"SMALLINT", "smallint"},
      {"TINYINT", "tinyint"},
      {"BOOLEAN", "boolean"},
      {"REAL", "real"},
      {"FLOAT", "real"},
      {"FLOAT(53)", "double"},
      {"FLOAT(10)", "real"},
      {"DOUBLE", "double"},
      {"DOUBLE PRECISION", "double"},
      {"DECIMAL(10, 2)", "decimal(10, 2)"},
      {"NUMERIC", "decimal"},
      {"NUMBER(38,0)", "decimal(38, 0)"},
      {"VARCHAR", "varchar"},
      {"VARCHAR(255)", "varchar(255)"},
      {"CHAR(3)", "char(3)"},
      {"CHARACTER VARYING(10)", "varchar(10)"},
      {"STRING", "varchar"},
      {"TEXT", "varchar"},
      {"VARBINARY", "varbinary"},
      {"BINARY", "varbinary"},
      {"BLOB", "varbinary"},
      {"DATE", "date"},
      {"TIME", "time"},
      {"TIME(3)", "time(3)"},
      {"TIME WITH TIME ZONE", "time with time zone"},
      {"TIMESTAMP", "timestamp"},
      {"TIMESTAMP(6)", "timestamp(6)"},
      {"TIMESTAMP(3) WITH TIME ZONE", "timestamp(3) with time zone"},
      {"TIMESTAMP WITHOUT TIME ZONE", "timestamp"},
      {"TIMESTAMP_NTZ", "timestamp"},
      {"TIMESTAMP_LTZ", "timestamp with time zone"},
      {"TIMESTAMPTZ", "timestamp with time zone"},
      {"INTERVAL DAY TO SECOND", "interval day to second"},
      {"INTERVAL YEAR TO MONTH", "interval year to month"},
      {"INTERVAL DAY", "interval day to second"},
      {"UUID", "uuid"},
      {"JSON", "json"},
      {"ipaddress", "ipaddress"},
      {"SIGNED", "signed"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(Normalized(text), expected) << text;
}

TEST(TypeNameTest, ParsesNestedTypesInBothBracketStyles) {
  EXPECT_EQ(Normalized("ARRAY(INTEGER)"), "array(integer)");
  EXPECT_EQ(Normalized("ARRAY<INT>"), "array(integer)");
  EXPECT_EQ(Normalized("MAP(VARCHAR, BIGINT)"), "map(varchar, bigint)");
  EXPECT_EQ(Normalized("MAP<STRING,INT>"), "map(varchar, integer)");
  EXPECT_EQ(Normalized("ARRAY<MAP<STRING,INT>>"), "array(map(varchar, integer))");
  EXPECT_EQ(Normalized("ARRAY<MAP<STRING,ARRAY<INT>>>"), "array(map(varchar, array(integer)))");
  EXPECT_EQ(Normalized("ROW(a INTEGER, b VARCHAR)"), "row(a integer, b varchar)");
  EXPECT_EQ(Normalized("ROW(INTEGER, VARCHAR)"), "row(integer, varchar)");
  EXPECT_EQ(Normalized("ROW(x DOUBLE PRECISION, DOUBLE PRECISION)"), "row(x double, double)");
  EXPECT_EQ(Normalized("STRUCT<a: INT, b STRING>"), "row(a integer, b varchar)");
  EXPECT_EQ(Normalized("ARRAY<STRUCT<product_id: STRING, unit_price: DECIMAL(10, 2)>>"),
            "array(row(product_id varchar, unit_price decimal(10, 2)))");
  EXPECT_EQ(Normalized("row(\"Weird Name\" int, date date)"),
            "row(\"Weird Name\" integer, date date)");
}

TEST(TypeNameTest, ExposesTheTree) {
  auto type = ParseTypeName("MAP<VARCHAR(10), ROW(a DECIMAL(5, 2))>");
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(type->name, "map");
  ASSERT_EQ(type->params.size(), 2u);
  EXPECT_EQ(type->params[0].kind, ast::TypeParam::Kind::kType);
  EXPECT_EQ(type->params[0].type.params[0].kind, ast::TypeParam::Kind::kNumber);
  EXPECT_EQ(type->params[0].type.params[0].number, 10);
  const ast::TypeParam& field = type->params[1].type.params[0];
  EXPECT_EQ(field.kind, ast::TypeParam::Kind::kField);
  EXPECT_EQ(field.field_name.name, "a");
  EXPECT_EQ(field.type.params[1].number, 2);
  EXPECT_EQ(type->location.column, 1u);
}

TEST(TypeNameTest, SplitsGreaterEqualAfterAGenericType) {
  auto expression = ParseExpression("x::ARRAY<INT>= y");
  ASSERT_TRUE(expression.ok()) << expression.error().message;
  EXPECT_EQ((*expression)->ToString(), "CAST(x AS array(integer)) = y");
}

TEST(TypeNameTest, RejectsMalformedTypes) {
  for (std::string_view text : {"", "ARRAY<INT", "MAP<INT>", "DECIMAL(10,", "ROW()", "INT INT",
                                "SELECT", "DECIMAL(99999999999999999999)", "INTERVAL DAY TO"}) {
    auto type = ParseTypeName(text);
    ASSERT_FALSE(type.ok()) << text;
    EXPECT_EQ(type.error().code, ErrorCode::kSyntaxError);
    EXPECT_TRUE(type.error().message.starts_with("line 1:")) << type.error().message;
  }
}

}  // namespace
}  // namespace switchboard::testing
