// The tokens the lexer produces for the parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sql/parser/ast/source_location.h"

namespace switchboard::parser {

enum class TokenType : uint8_t {
  kEnd,               ///< end of the statement's tokens
  kWord,              ///< an unquoted identifier or keyword
  kQuotedIdentifier,  ///< "name" or `name`; `value` is the name
  kString,            ///< 'text', E'text', U&'text'; `value` is the decoded text
  kBinaryString,      ///< X'0AFF'; `value` is the hex digits, upper case
  kInteger,           ///< 42
  kDecimal,           ///< 1.5, .5, 1.
  kDouble,            ///< 1e5, 2.5E-3
  kParameter,         ///< ? or $n
  kStagePath,         ///< Snowflake @stage/path/
  kSymbol,  ///< an operator or punctuation: + - * / % || = <> != < <= > >= :: -> => [ ] ( ) , . ; :
};

struct Token {
  TokenType type = TokenType::kEnd;
  bool reserved = false;  ///< kWord: one of Trino's reserved words
  std::string_view text;  ///< as written (empty for kEnd)
  std::string value;      ///< decoded text of quoted identifiers and strings
  ast::SourceLocation location;
  uint32_t offset = 0;  ///< byte offset of `text` in the SQL

  uint32_t end_offset() const { return offset + static_cast<uint32_t>(text.size()); }
};

}  // namespace switchboard::parser
