// The SQL lexer: turns text into tokens one statement at a time.
#pragma once

#include <string_view>
#include <vector>

#include "sql/parser/token.h"

namespace switchboard::parser {

/// Splits SQL text into tokens. Keywords are not distinguished from identifiers (the parser checks
/// words in context) except for the `reserved` flag. Comments (`-- ...`, `/* ... */`) and
/// whitespace are skipped. Throws Exception{kSyntaxError} with a "line L:C: ..." message for
/// unterminated strings, identifiers and comments, malformed literals and unknown characters.
class Lexer {
 public:
  explicit Lexer(std::string_view sql);

  /// Appends the tokens of the next statement to `tokens`: everything up to and including the
  /// next ';' (or up to the end of the text), then a kEnd token. Returns false, appending nothing,
  /// once the whole text has been consumed.
  bool NextStatement(std::vector<Token>& tokens);

  /// Where lexing stands: just after the last token or trivia consumed.
  ast::SourceLocation location() const { return location_; }

 private:
  char Peek(size_t ahead = 0) const;
  void Advance(size_t count = 1);
  /// Skips whitespace and comments.
  void SkipTrivia();
  Token LexToken();
  void LexQuoted(Token& token, char quote);
  void LexString(Token& token);
  void LexEscapedString(Token& token);
  void LexUnicodeString(Token& token);
  void LexBinaryString(Token& token);
  void LexNumber(Token& token);
  void LexStagePath(Token& token);
  [[noreturn]] void Fail(ast::SourceLocation location, std::string_view message) const;

  std::string_view sql_;
  size_t position_ = 0;
  ast::SourceLocation location_{1, 1};
};

}  // namespace switchboard::parser
