// Tests for the SQL lexer: token kinds, decoding of strings and identifiers, comments, positions
// and lexical errors.
#include "sql/parser/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"

namespace switchboard::parser {
namespace {

// All tokens of the first statement in `sql`, kEnd included.
std::vector<Token> Lex(std::string_view sql) {
  Lexer lexer(sql);
  std::vector<Token> tokens;
  EXPECT_TRUE(lexer.NextStatement(tokens));
  return tokens;
}

// The error message lexing `sql` produces.
std::string LexError(std::string_view sql) {
  try {
    Lex(sql);
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kSyntaxError);
    return e.what();
  }
  ADD_FAILURE() << "no error for " << sql;
  return "";
}

TEST(LexerTest, SplitsWordsSymbolsAndLiterals) {
  auto tokens = Lex("SELECT a1_$, 42 FROM t WHERE x <> 'y' AND z::int >= 1.5;");
  std::vector<std::pair<TokenType, std::string_view>> expected = {
      {TokenType::kWord, "SELECT"}, {TokenType::kWord, "a1_$"}, {TokenType::kSymbol, ","},
      {TokenType::kInteger, "42"},  {TokenType::kWord, "FROM"}, {TokenType::kWord, "t"},
      {TokenType::kWord, "WHERE"},  {TokenType::kWord, "x"},    {TokenType::kSymbol, "<>"},
      {TokenType::kString, "'y'"},  {TokenType::kWord, "AND"},  {TokenType::kWord, "z"},
      {TokenType::kSymbol, "::"},   {TokenType::kWord, "int"},  {TokenType::kSymbol, ">="},
      {TokenType::kDecimal, "1.5"}, {TokenType::kSymbol, ";"},  {TokenType::kEnd, ""},
  };
  ASSERT_EQ(tokens.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(tokens[i].type, expected[i].first) << i;
    EXPECT_EQ(tokens[i].text, expected[i].second) << i;
  }
}

TEST(LexerTest, MarksOnlyTrinoReservedWordsAsReserved) {
  auto tokens = Lex("select From date year key value table position");
  std::vector<bool> reserved = {true, true, false, false, false, false, true, false};
  for (size_t i = 0; i < reserved.size(); ++i)
    EXPECT_EQ(tokens[i].reserved, reserved[i]) << tokens[i].text;
}

TEST(LexerTest, LexesEveryOperator) {
  auto tokens = Lex("+ - * / % || = <> != < <= > >= :: -> => [ ] ( ) , . : ?");
  std::vector<std::string_view> symbols = {"+",  "-", "*",  "/", "%",  "||", "=",  "<>",
                                           "!=", "<", "<=", ">", ">=", "::", "->", "=>",
                                           "[",  "]", "(",  ")", ",",  ".",  ":"};
  for (size_t i = 0; i < symbols.size(); ++i) {
    EXPECT_EQ(tokens[i].type, TokenType::kSymbol);
    EXPECT_EQ(tokens[i].text, symbols[i]);
  }
  EXPECT_EQ(tokens[symbols.size()].type, TokenType::kParameter);
}

TEST(LexerTest, NeverLexesShiftOperatorsSoNestedGenericsClose) {
  auto tokens = Lex("ARRAY<MAP<STRING,INT>>");
  EXPECT_EQ(tokens[7].text, ">");
  EXPECT_EQ(tokens[8].text, ">");
}

TEST(LexerTest, DecodesStringsAndQuotedIdentifiers) {
  auto tokens =
      Lex(R"(SELECT 'it''s', "a ""b""", `x``y`, E'a\nb\'c\x41\u00e9', U&'\0041\+01F600\\')");
  EXPECT_EQ(tokens[1].type, TokenType::kString);
  EXPECT_EQ(tokens[1].value, "it's");
  EXPECT_EQ(tokens[3].type, TokenType::kQuotedIdentifier);
  EXPECT_EQ(tokens[3].value, "a \"b\"");
  EXPECT_EQ(tokens[5].value, "x`y");
  EXPECT_EQ(tokens[7].value, "a\nb'cA\xC3\xA9");
  EXPECT_EQ(tokens[9].value, "A\xF0\x9F\x98\x80\\");
}

TEST(LexerTest, LexesBinaryLiteralsAsUpperCaseHex) {
  auto tokens = Lex("X'0a ff' x''");
  EXPECT_EQ(tokens[0].type, TokenType::kBinaryString);
  EXPECT_EQ(tokens[0].value, "0AFF");
  EXPECT_EQ(tokens[1].value, "");
}

TEST(LexerTest, DistinguishesIntegerDecimalAndDouble) {
  auto tokens = Lex("123456789012345678901234567890 1.5 .5 1. 1e5 2.5E-3");
  EXPECT_EQ(tokens[0].type, TokenType::kInteger);
  EXPECT_EQ(tokens[0].text, "123456789012345678901234567890");
  EXPECT_EQ(tokens[1].type, TokenType::kDecimal);
  EXPECT_EQ(tokens[2].type, TokenType::kDecimal);
  EXPECT_EQ(tokens[3].type, TokenType::kDecimal);
  EXPECT_EQ(tokens[4].type, TokenType::kDouble);
  EXPECT_EQ(tokens[5].type, TokenType::kDouble);
  EXPECT_EQ(tokens[5].text, "2.5E-3");
}

TEST(LexerTest, LexesParametersAndStagePaths) {
  auto tokens = Lex("? $12 @GENESYS_S3_STAGE/interactions/ x");
  EXPECT_EQ(tokens[0].type, TokenType::kParameter);
  EXPECT_EQ(tokens[1].type, TokenType::kParameter);
  EXPECT_EQ(tokens[1].text, "$12");
  EXPECT_EQ(tokens[2].type, TokenType::kStagePath);
  EXPECT_EQ(tokens[2].text, "@GENESYS_S3_STAGE/interactions/");
  EXPECT_EQ(tokens[3].text, "x");
}

TEST(LexerTest, SkipsCommentsAndTracksLinesAndCharacterColumns) {
  auto tokens = Lex("-- leading\nSELECT /* multi\nline */ é,\n\t\"ü\" x");
  EXPECT_EQ(tokens[0].text, "SELECT");
  EXPECT_EQ(tokens[0].location.line, 2u);
  EXPECT_EQ(tokens[0].location.column, 1u);
  EXPECT_EQ(tokens[1].text, "é");
  EXPECT_EQ(tokens[1].location.line, 3u);
  EXPECT_EQ(tokens[1].location.column, 9u);
  EXPECT_EQ(tokens[2].location.column, 10u);  // columns count characters, not bytes
  EXPECT_EQ(tokens[3].location.line, 4u);
  EXPECT_EQ(tokens[3].location.column, 2u);
  EXPECT_EQ(tokens[4].location.column, 6u);
}

TEST(LexerTest, SplitsTextIntoStatementsAtSemicolons) {
  Lexer lexer("SELECT ';'; ; SELECT 2 -- no terminator");
  std::vector<Token> tokens;
  ASSERT_TRUE(lexer.NextStatement(tokens));
  EXPECT_EQ(tokens.size(), 4u);  // SELECT ';' ; <end>
  tokens.clear();
  ASSERT_TRUE(lexer.NextStatement(tokens));
  EXPECT_EQ(tokens.size(), 2u);  // ; <end>
  tokens.clear();
  ASSERT_TRUE(lexer.NextStatement(tokens));
  EXPECT_EQ(tokens.size(), 3u);  // SELECT 2 <end>
  tokens.clear();
  EXPECT_FALSE(lexer.NextStatement(tokens));
}

TEST(LexerTest, ReportsLexicalErrorsWithTheirPosition) {
  EXPECT_EQ(LexError("SELECT 'abc"), "line 1:8: unterminated string literal");
  EXPECT_EQ(LexError("SELECT\n  /* never closed"), "line 2:3: unterminated comment");
  EXPECT_EQ(LexError("SELECT \"abc"), "line 1:8: unterminated quoted identifier");
  EXPECT_EQ(LexError("SELECT \"\""), "line 1:8: zero-length delimited identifier not allowed");
  EXPECT_EQ(LexError("SELECT #"), "line 1:8: token recognition error at: '#'");
  EXPECT_EQ(LexError("SELECT X'0g'"),
            "line 1:11: binary literal can only contain hexadecimal digits");
  EXPECT_EQ(LexError("SELECT X'abc'"),
            "line 1:8: binary literal must contain an even number of digits");
  EXPECT_EQ(LexError("SELECT 12ab"),
            "line 1:8: identifiers must not start with a digit; surround the identifier with "
            "double quotes");
  EXPECT_EQ(LexError("SELECT U&'\\00zz'"), "line 1:11: invalid Unicode escape sequence");
  EXPECT_EQ(LexError("SELECT E'\\uD800'"), "line 1:10: invalid Unicode code point");
  EXPECT_EQ(LexError("SELECT E'abc\\"), "line 1:8: unterminated string literal");
  EXPECT_EQ(LexError(std::string_view("SELECT \x01", 8)),
            "line 1:8: token recognition error at byte 0x01");
}

}  // namespace
}  // namespace switchboard::parser
