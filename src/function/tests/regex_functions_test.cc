// Tests for the regular expression functions.
#include "function/tests/function_test_util.h"

namespace switchboard {
namespace {

class RegexFunctionsTest : public FunctionTest {};

TEST_F(RegexFunctionsTest, LikeFindsMatchesAnywhere) {
  EXPECT_VALUE(Call("regexp_like", {Str("1a 2b 14m"), Str("\\d+b")}), Bool(true));
  EXPECT_VALUE(Call("regexp_like", {Str("abc"), Str("^b")}), Bool(false));
  EXPECT_VALUE(Call("regexp_like", {Str("ñandú"), Str("^.and.$")}), Bool(true));
  EXPECT_TRUE(Call("regexp_like", {NullOf(LogicalType::Varchar()), Str("a")}).is_null());
}

TEST_F(RegexFunctionsTest, InvalidPatternsRaiseInvalidRegex) {
  EXPECT_EQ(CallError("regexp_like", {Str("a"), Str("(unclosed")}).code, ErrorCode::kInvalidRegex);
  auto rows = [&] {
    return CallRows("regexp_like", {LogicalType::Varchar(), LogicalType::Varchar()},
                    {{Str("a"), Str("[z-a]")}});
  };
  EXPECT_ERROR_CODE(rows(), kInvalidRegex);
}

TEST_F(RegexFunctionsTest, ExtractReturnsTheMatchOrAGroup) {
  EXPECT_VALUE(Call("regexp_extract", {Str("1a 2b 14m"), Str("\\d+")}), Str("1"));
  EXPECT_VALUE(Call("regexp_extract", {Str("1a 2b 14m"), Str("(\\d+)([a-z]+)"), Big(2)}), Str("a"));
  EXPECT_TRUE(Call("regexp_extract", {Str("abc"), Str("\\d")}).is_null());
  EXPECT_TRUE(Call("regexp_extract", {Str("abc"), Str("(x)?abc"), Big(1)}).is_null());
  Error e = CallError("regexp_extract", {Str("abc"), Str("(a)"), Big(2)});
  EXPECT_EQ(e.code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(e.message, "Pattern has 1 groups. Cannot access group 2");
}

TEST_F(RegexFunctionsTest, ExtractAllCollectsEveryMatch) {
  EXPECT_VALUE(Call("regexp_extract_all", {Str("1a 2b 14m"), Str("\\d+")}),
               StrArray({"1", "2", "14"}));
  EXPECT_VALUE(Call("regexp_extract_all", {Str("1a 2b 14m"), Str("(\\d+)([a-z]+)"), Big(2)}),
               StrArray({"a", "b", "m"}));
  EXPECT_VALUE(Call("regexp_extract_all", {Str("abc"), Str("x")}), StrArray({}));
  EXPECT_VALUE(Call("regexp_extract_all", {Str("ab"), Str("")}), StrArray({"", "", ""}));
}

TEST_F(RegexFunctionsTest, ReplaceSupportsGroupReferencesAndEscapes) {
  EXPECT_VALUE(Call("regexp_replace", {Str("1a 2b 14m"), Str("\\d+[ab] ")}), Str("14m"));
  EXPECT_VALUE(Call("regexp_replace", {Str("1a 2b 14m"), Str("(\\d+)([ab]) "), Str("3c$2 ")}),
               Str("3ca 3cb 14m"));
  EXPECT_VALUE(Call("regexp_replace", {Str("abc"), Str(""), Str("X")}), Str("XaXbXcX"));
  EXPECT_VALUE(Call("regexp_replace", {Str("price 5"), Str("(\\d)"), Str("\\$$1")}),
               Str("price $5"));
  EXPECT_VALUE(Call("regexp_replace", {Str("john smith"), Str("(?P<first>\\w+) (?P<last>\\w+)"),
                                       Str("${last}, ${first}")}),
               Str("smith, john"));
  EXPECT_VALUE(Call("regexp_replace", {Str("ñ-ñ"), Str("ñ"), Str("n")}), Str("n-n"));
  EXPECT_EQ(CallError("regexp_replace", {Str("a"), Str("(a)"), Str("$2")}).code,
            ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("regexp_replace", {Str("a"), Str("a"), Str("$x")}).code,
            ErrorCode::kInvalidParameter);
}

TEST_F(RegexFunctionsTest, ReplaceWithALambdaTransformsEachMatch) {
  TestLambda capitalize{LogicalType::Varchar(), [](const std::vector<Value>& p) {
                          const auto& groups = p[0].children();
                          std::string first = groups[0].GetString(), rest = groups[1].GetString();
                          for (char& c : first) c = static_cast<char>(std::toupper(c));
                          return Str(first + rest);
                        }};
  auto rows = CallRows("regexp_replace",
                       {LogicalType::Varchar(), LogicalType::Varchar(), LogicalType::Varchar()},
                       {{Str("new york"), Str("(\\w)(\\w*)"), Null()},
                        {NullOf(LogicalType::Varchar()), Str("(\\w)(\\w*)"), Null()},
                        {Str("san jose ca"), Str("(\\w)(\\w*)"), Null()}},
                       {{2, capitalize}});
  EXPECT_VALUE(rows[0], Str("New York"));
  EXPECT_TRUE(rows[1].is_null());
  EXPECT_VALUE(rows[2], Str("San Jose Ca"));
}

TEST_F(RegexFunctionsTest, SplitCountAndPosition) {
  EXPECT_VALUE(Call("regexp_split", {Str("1a 2b 14m"), Str("\\s*[a-z]+\\s*")}),
               StrArray({"1", "2", "14", ""}));
  EXPECT_VALUE(Call("regexp_split", {Str("a,b"), Str("x")}), StrArray({"a,b"}));
  EXPECT_VALUE(Call("regexp_count", {Str("1a 2b 14m"), Str("\\s*[a-z]+\\s*")}), Big(3));
  EXPECT_VALUE(Call("regexp_count", {Str("abc"), Str("")}), Big(4));
  EXPECT_VALUE(Call("regexp_position", {Str("I have 23 apples, 5 pears"), Str("\\d+")}), Int(8));
  EXPECT_VALUE(
      Call("regexp_position", {Str("I have 23 apples, 5 pears"), Str("\\d+"), Big(1), Big(2)}),
      Int(19));
  EXPECT_VALUE(Call("regexp_position", {Str("I have 23 apples, 5 pears"), Str("\\d+"), Big(10)}),
               Int(19));
  EXPECT_VALUE(Call("regexp_position", {Str("éé1"), Str("\\d")}), Int(3));
  EXPECT_VALUE(Call("regexp_position", {Str("abc"), Str("\\d")}), Int(-1));
  EXPECT_VALUE(Call("regexp_position", {Str("abc"), Str("b"), Big(10)}), Int(-1));
  EXPECT_EQ(CallError("regexp_position", {Str("abc"), Str("b"), Big(0)}).code,
            ErrorCode::kInvalidParameter);
}

TEST_F(RegexFunctionsTest, RowPatternsCanDiffer) {
  auto rows = CallRows(
      "regexp_extract", {LogicalType::Varchar(), LogicalType::Varchar()},
      {{Str("a1b22"), Str("\\d+")}, {Str("a1b22"), Str("[a-z]+")}, {Str("a1b22"), Str("\\d{2}")}});
  EXPECT_VALUE(rows[0], Str("1"));
  EXPECT_VALUE(rows[1], Str("a"));
  EXPECT_VALUE(rows[2], Str("22"));
}

}  // namespace
}  // namespace switchboard
