// Tests for the string functions, format() and LIKE/ILIKE.
#include "function/tests/function_test_util.h"

namespace switchboard {
namespace {

class StringFunctionsTest : public FunctionTest {};

TEST_F(StringFunctionsTest, LengthCountsCodePoints) {
  EXPECT_VALUE(Call("length", {Str("Zürich")}), Big(6));
  EXPECT_VALUE(Call("length", {Str("")}), Big(0));
  EXPECT_VALUE(Call("length", {Str("日本語テキスト")}), Big(7));
  EXPECT_VALUE(Call("length", {Value::Varbinary("\x01\x02")}), Big(2));
  EXPECT_TRUE(Call("length", {NullOf(LogicalType::Varchar())}).is_null());
}

TEST_F(StringFunctionsTest, CaseMappingIsUnicodeAware) {
  EXPECT_VALUE(Call("lower", {Str("ÉCOLE Road")}), Str("école road"));
  EXPECT_VALUE(Call("upper", {Str("grüße")}), Str("GRÜßE"));
  EXPECT_VALUE(Call("upper", {Str("abc")}), Str("ABC"));
  EXPECT_VALUE(Call("lower", {Str("ΣΊΣΥΦΟΣ")}), Str("σίσυφοσ"));
}

TEST_F(StringFunctionsTest, TrimRemovesWhitespaceOrGivenCharacters) {
  EXPECT_VALUE(Call("trim", {Str(" \t hello \n ")}), Str("hello"));
  EXPECT_VALUE(Call("ltrim", {Str("  hi  ")}), Str("hi  "));
  EXPECT_VALUE(Call("rtrim", {Str("  hi  ")}), Str("  hi"));
  EXPECT_VALUE(Call("trim", {Str("\u3000wide\u3000")}), Str("wide"));
  EXPECT_VALUE(Call("trim", {Str("\u00a0nbsp")}), Str("\u00a0nbsp"));
  EXPECT_VALUE(Call("trim", {Str("!!foo!"), Str("!")}), Str("foo"));
  EXPECT_VALUE(Call("ltrim", {Str("xyxhixy"), Str("xy")}), Str("hixy"));
  EXPECT_VALUE(Call("rtrim", {Str("éaéé"), Str("é")}), Str("éa"));
  EXPECT_VALUE(Call("trim", {Str("")}), Str(""));
}

TEST_F(StringFunctionsTest, PadTruncatesAndRepeatsThePadding) {
  EXPECT_VALUE(Call("lpad", {Str("7"), Big(3), Str("0")}), Str("007"));
  EXPECT_VALUE(Call("rpad", {Str("ab"), Big(5), Str("xy")}), Str("abxyx"));
  EXPECT_VALUE(Call("lpad", {Str("abcdef"), Big(3), Str("x")}), Str("abc"));
  EXPECT_VALUE(Call("rpad", {Str("é"), Big(3), Str("ü")}), Str("éüü"));
  EXPECT_EQ(CallError("lpad", {Str("a"), Big(3), Str("")}).message,
            "Padding string must not be empty");
  EXPECT_EQ(CallError("rpad", {Str("a"), Big(-1), Str("x")}).message,
            "Target length must be in the range [0..2147483647]");
}

TEST_F(StringFunctionsTest, SubstringFollowsTrino) {
  EXPECT_VALUE(Call("substr", {Str("Switchboard"), Big(7)}), Str("board"));
  EXPECT_VALUE(Call("substring", {Str("Switchboard"), Big(-5), Big(3)}), Str("boa"));
  EXPECT_VALUE(Call("substr", {Str("abc"), Big(0)}), Str(""));
  EXPECT_VALUE(Call("substr", {Str("abc"), Big(5)}), Str(""));
  EXPECT_VALUE(Call("substr", {Str("abc"), Big(-5)}), Str(""));
  EXPECT_VALUE(Call("substr", {Str("abc"), Big(2), Big(-1)}), Str(""));
  EXPECT_VALUE(Call("substr", {Str("añbç"), Big(2), Big(2)}), Str("ñb"));
  EXPECT_VALUE(Call("substr", {Str("abc"), Big(2), Big(100)}), Str("bc"));
}

TEST_F(StringFunctionsTest, StrposFindsInstancesFromEitherEnd) {
  EXPECT_VALUE(Call("strpos", {Str("abcabc"), Str("bc")}), Big(2));
  EXPECT_VALUE(Call("strpos", {Str("abcabc"), Str("bc"), Big(2)}), Big(5));
  EXPECT_VALUE(Call("strpos", {Str("abcabc"), Str("bc"), Big(-1)}), Big(5));
  EXPECT_VALUE(Call("strpos", {Str("abcabc"), Str("bc"), Big(-2)}), Big(2));
  EXPECT_VALUE(Call("strpos", {Str("abcabc"), Str("bc"), Big(3)}), Big(0));
  EXPECT_VALUE(Call("strpos", {Str("ééx"), Str("x")}), Big(3));
  EXPECT_VALUE(Call("strpos", {Str("aaa"), Str("aa"), Big(2)}), Big(2));
  EXPECT_VALUE(Call("position", {Str("b"), Str("abc")}), Big(2));
  EXPECT_VALUE(Call("strpos", {Str("abc"), Str("")}), Big(1));
  EXPECT_EQ(CallError("strpos", {Str("abc"), Str("b"), Big(0)}).code, ErrorCode::kInvalidParameter);
}

TEST_F(StringFunctionsTest, PrefixSuffixReplaceReverse) {
  EXPECT_VALUE(Call("starts_with", {Str("agent-7"), Str("agent")}), Bool(true));
  EXPECT_VALUE(Call("starts_with", {Str("ag"), Str("agent")}), Bool(false));
  EXPECT_VALUE(Call("ends_with", {Str("report.csv"), Str(".csv")}), Bool(true));
  EXPECT_VALUE(Call("replace", {Str("a-b-c"), Str("-"), Str("+")}), Str("a+b+c"));
  EXPECT_VALUE(Call("replace", {Str("a-b-c"), Str("-")}), Str("abc"));
  EXPECT_VALUE(Call("replace", {Str("abc"), Str(""), Str("x")}), Str("xaxbxcx"));
  EXPECT_VALUE(Call("reverse", {Str("añb")}), Str("bña"));
  EXPECT_VALUE(Call("translate", {Str("abcd"), Str("ac"), Str("z")}), Str("zbd"));
  EXPECT_VALUE(Call("translate", {Str("Palhoça"), Str("ç"), Str("c")}), Str("Palhoca"));
}

TEST_F(StringFunctionsTest, ConcatPropagatesNullButConcatWsSkipsIt) {
  EXPECT_VALUE(Call("concat", {Str("queue"), Str("-"), Str("a fairly long suffix")}),
               Str("queue-a fairly long suffix"));
  EXPECT_TRUE(Call("concat", {Str("a"), NullOf(LogicalType::Varchar())}).is_null());
  EXPECT_VALUE(Call("concat_ws", {Str(", "), Str("a"), NullOf(LogicalType::Varchar()), Str("b")}),
               Str("a, b"));
  EXPECT_TRUE(Call("concat_ws", {NullOf(LogicalType::Varchar()), Str("a")}).is_null());
  Value array =
      ArrayOf(LogicalType::Varchar(), {Str("x"), NullOf(LogicalType::Varchar()), Str("y")});
  EXPECT_VALUE(Call("concat_ws", {Str("/"), array}), Str("x/y"));
}

TEST_F(StringFunctionsTest, SplitAndSplitPart) {
  EXPECT_VALUE(Call("split", {Str("a,b,,c"), Str(",")}), StrArray({"a", "b", "", "c"}));
  EXPECT_VALUE(Call("split", {Str("a,b,c"), Str(","), Big(2)}), StrArray({"a", "b,c"}));
  EXPECT_VALUE(Call("split", {Str(""), Str(",")}), StrArray({""}));
  EXPECT_VALUE(Call("split", {Str("a::b"), Str("::")}), StrArray({"a", "b"}));
  EXPECT_EQ(CallError("split", {Str("a"), Str("")}).message,
            "The delimiter may not be the empty string");
  EXPECT_EQ(CallError("split", {Str("a"), Str(","), Big(0)}).message, "Limit must be positive");
  EXPECT_VALUE(Call("split_part", {Str("2024-06-15"), Str("-"), Big(2)}), Str("06"));
  EXPECT_TRUE(Call("split_part", {Str("a-b"), Str("-"), Big(3)}).is_null());
  EXPECT_VALUE(Call("split_part", {Str("a-b"), Str("-"), Big(2)}), Str("b"));
  EXPECT_EQ(CallError("split_part", {Str("a"), Str("-"), Big(0)}).message,
            "Index must be greater than zero");
}

TEST_F(StringFunctionsTest, SplitOfManyRowsKeepsEachRowsParts) {
  auto rows = CallRows(
      "split", {LogicalType::Varchar(), LogicalType::Varchar()},
      {{Str("a b"), Str(" ")}, {NullOf(LogicalType::Varchar()), Str(" ")}, {Str("x"), Str(" ")}});
  EXPECT_VALUE(rows[0], StrArray({"a", "b"}));
  EXPECT_TRUE(rows[1].is_null());
  EXPECT_VALUE(rows[2], StrArray({"x"}));
}

TEST_F(StringFunctionsTest, EditDistances) {
  EXPECT_VALUE(Call("levenshtein_distance", {Str("kitten"), Str("sitting")}), Big(3));
  EXPECT_VALUE(Call("levenshtein_distance", {Str(""), Str("abc")}), Big(3));
  EXPECT_VALUE(Call("levenshtein_distance", {Str("ñandú"), Str("nandu")}), Big(2));
  EXPECT_VALUE(Call("hamming_distance", {Str("karolin"), Str("kathrin")}), Big(3));
  EXPECT_EQ(CallError("hamming_distance", {Str("ab"), Str("abc")}).message,
            "The input strings to hamming_distance function must have the same length");
}

TEST_F(StringFunctionsTest, CodePointsAndUtf8) {
  EXPECT_VALUE(Call("chr", {Big(233)}), Str("é"));
  EXPECT_VALUE(Call("chr", {Big(0x1F600)}), Str("\U0001F600"));
  EXPECT_EQ(CallError("chr", {Big(0x110000)}).message, "Not a valid Unicode code point: 1114112");
  EXPECT_VALUE(Call("codepoint", {Str("é")}), Int(233));
  EXPECT_EQ(CallError("codepoint", {Str("ab")}).code, ErrorCode::kInvalidParameter);
  EXPECT_VALUE(Call("to_utf8", {Str("é")}), Value::Varbinary("\xC3\xA9"));
  EXPECT_VALUE(Call("from_utf8", {Value::Varbinary("a\xFF"
                                                   "b")}),
               Str("a\uFFFDb"));
  EXPECT_VALUE(Call("from_utf8", {Value::Varbinary("a\xFF"
                                                   "b"),
                                  Str("?")}),
               Str("a?b"));
  EXPECT_VALUE(Call("from_utf8", {Value::Varbinary("a\xFF"
                                                   "b"),
                                  Str("")}),
               Str("ab"));
  EXPECT_VALUE(Call("from_utf8", {Value::Varbinary("a\xC3"), Big(35)}), Str("a#"));
  EXPECT_EQ(CallError("from_utf8", {Value::Varbinary("a"), Str("ab")}).code,
            ErrorCode::kInvalidParameter);
  EXPECT_VALUE(Call("luhn_check", {Str("79927398713")}), Bool(true));
  EXPECT_VALUE(Call("luhn_check", {Str("79927398714")}), Bool(false));
}

TEST_F(StringFunctionsTest, FormatFollowsJava) {
  EXPECT_VALUE(
      Call("format", {Str("%s has %,d calls (%.1f%%)"), Str("queue"), Int(12345), Dbl(9.25)}),
      Str("queue has 12,345 calls (9.3%)"));
  EXPECT_VALUE(Call("format", {Str("%05d|%-5s|%5s|"), Int(42), Str("ab"), Str("cd")}),
               Str("00042|ab   |   cd|"));
  EXPECT_VALUE(Call("format", {Str("%x %X %o %#x"), Int(255), Big(255), Int(8), Int(-1)}),
               Str("ff FF 10 0xffffffff"));
  EXPECT_VALUE(Call("format", {Str("%.2f"), Dbl(0.125)}), Str("0.13"));
  EXPECT_VALUE(Call("format", {Str("%.2f"), Dec("2.345", 4, 3)}), Str("2.35"));
  EXPECT_VALUE(Call("format", {Str("%+.3e"), Dbl(12345.678)}), Str("+1.235e+04"));
  EXPECT_VALUE(Call("format", {Str("%s %b %s"), NullOf(LogicalType::Varchar()), Bool(true),
                               DateOf("2024-06-15")}),
               Str("null true 2024-06-15"));
  EXPECT_VALUE(Call("format", {Str("%2$s-%1$s"), Str("a"), Str("b")}), Str("b-a"));
  EXPECT_VALUE(Call("format", {Str("%.3s|%S"), Str("abcdef"), Str("up")}), Str("abc|UP"));
  EXPECT_VALUE(Call("format", {Str("%g"), Dbl(3.14)}), Str("3.14000"));
  EXPECT_EQ(CallError("format", {Str("%d"), Dbl(1.5)}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("format", {Str("%s %s"), Str("a")}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("format", {Str("%q"), Str("a")}).code, ErrorCode::kInvalidParameter);
}

class LikeTest : public FunctionTest {
 protected:
  bool Like(const std::string& value, const std::string& pattern) {
    return Call("like", {Str(value), Str(pattern)}).GetBoolean();
  }
  bool Like(const std::string& value, const std::string& pattern, const std::string& escape) {
    return Call("like", {Str(value), Str(pattern), Str(escape)}).GetBoolean();
  }
};

TEST_F(LikeTest, WildcardsMatchSequencesAndSingleCharacters) {
  EXPECT_TRUE(Like("Europe", "E%"));
  EXPECT_FALSE(Like("Asia", "E%"));
  EXPECT_TRUE(Like("Asia", "A__a"));
  EXPECT_FALSE(Like("Africa", "A__a"));
  EXPECT_TRUE(Like("abc", "%"));
  EXPECT_TRUE(Like("", "%"));
  EXPECT_FALSE(Like("", "_"));
  EXPECT_TRUE(Like("", ""));
  EXPECT_TRUE(Like("abc", "abc"));
  EXPECT_FALSE(Like("abcd", "abc"));
  EXPECT_TRUE(Like("report.csv", "%.csv"));
  EXPECT_TRUE(Like("xxhelloyy", "%hello%"));
  EXPECT_TRUE(Like("abab", "%b"));
  EXPECT_TRUE(Like("aXbYc", "a%b%c"));
  EXPECT_FALSE(Like("aXbYd", "a%b%c"));
  EXPECT_TRUE(Like("mississippi", "%iss%ppi"));
  EXPECT_TRUE(Like("ñandú", "_and_"));
  EXPECT_TRUE(Like("ab", "a%%b"));
  EXPECT_FALSE(Like("ABC", "abc"));
}

TEST_F(LikeTest, EscapeMakesWildcardsLiteral) {
  EXPECT_TRUE(Like("South_America", "South\\_America", "\\"));
  EXPECT_FALSE(Like("SouthXAmerica", "South\\_America", "\\"));
  EXPECT_TRUE(Like("100%", "100#%", "#"));
  EXPECT_TRUE(Like("a#b", "a##b", "#"));
  EXPECT_EQ(CallError("like", {Str("a"), Str("a#"), Str("#")}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("like", {Str("a"), Str("#a"), Str("#")}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("like", {Str("a"), Str("a"), Str("##")}).message,
            "Escape string must be a single character");
}

TEST_F(LikeTest, IlikeIgnoresCase) {
  EXPECT_VALUE(Call("ilike", {Str("Agent_7"), Str("agent%")}), Bool(true));
  EXPECT_VALUE(Call("ilike", {Str("ÉCOLE"), Str("éc%")}), Bool(true));
  EXPECT_VALUE(Call("ilike", {Str("abc"), Str("AB_")}), Bool(true));
  EXPECT_VALUE(Call("ilike", {Str("abc"), Str("X%")}), Bool(false));
}

TEST_F(LikeTest, RowPatternsRecompileWhenTheyChange) {
  auto rows = CallRows("like", {LogicalType::Varchar(), LogicalType::Varchar()},
                       {{Str("abc"), Str("a%")},
                        {Str("abc"), Str("a%")},
                        {Str("abc"), Str("%d")},
                        {NullOf(LogicalType::Varchar()), Str("%")},
                        {Str("abd"), Str("%d")}});
  EXPECT_VALUE(rows[0], Bool(true));
  EXPECT_VALUE(rows[1], Bool(true));
  EXPECT_VALUE(rows[2], Bool(false));
  EXPECT_TRUE(rows[3].is_null());
  EXPECT_VALUE(rows[4], Bool(true));
}

}  // namespace
}  // namespace switchboard
