// The SQL lexer.
#include "sql/parser/lexer.h"

#include <fmt/format.h>

#include <cstdint>
#include <limits>

#include "common/error.h"
#include "sql/parser/keywords.h"

namespace switchboard::parser {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Ends a Snowflake stage path such as @stage/sub/path/.
bool EndsStagePath(char c) {
  return IsSpace(c) || c == ';' || c == ',' || c == '(' || c == ')' || c == '\'' || c == '"';
}

void AppendUtf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool IsValidCodePoint(uint32_t code_point) {
  return code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF);
}

// The two-character operators, tried before single characters.
constexpr std::string_view kTwoCharSymbols[] = {"||", "<>", "!=", "<=", ">=", "::", "->", "=>"};
constexpr std::string_view kOneCharSymbols = "+-*/%=<>()[],.;:{}";

}  // namespace

Lexer::Lexer(std::string_view sql) : sql_(sql) {
  SB_USER_CHECK(sql.size() < std::numeric_limits<uint32_t>::max(), kSyntaxError,
                "SQL text is too long ({} bytes)", sql.size());
}

char Lexer::Peek(size_t ahead) const {
  return position_ + ahead < sql_.size() ? sql_[position_ + ahead] : '\0';
}

void Lexer::Advance(size_t count) {
  for (size_t i = 0; i < count && position_ < sql_.size(); ++i) {
    char c = sql_[position_++];
    if (c == '\n') {
      ++location_.line;
      location_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++location_.column;  // UTF-8 continuation bytes do not start a character
    }
  }
}

void Lexer::Fail(ast::SourceLocation location, std::string_view message) const {
  SB_THROW(kSyntaxError, "{}: {}", location.ToString(), message);
}

void Lexer::SkipTrivia() {
  while (position_ < sql_.size()) {
    char c = Peek();
    if (IsSpace(c)) {
      Advance();
    } else if (c == '-' && Peek(1) == '-') {
      while (position_ < sql_.size() && Peek() != '\n') Advance();
    } else if (c == '/' && Peek(1) == '*') {
      ast::SourceLocation start = location_;
      Advance(2);
      while (!(Peek() == '*' && Peek(1) == '/')) {
        if (position_ >= sql_.size()) Fail(start, "unterminated comment");
        Advance();
      }
      Advance(2);
    } else {
      return;
    }
  }
}

bool Lexer::NextStatement(std::vector<Token>& tokens) {
  SkipTrivia();
  if (position_ >= sql_.size()) return false;
  while (true) {
    SkipTrivia();
    Token token = LexToken();
    bool end = token.type == TokenType::kEnd;
    bool semicolon = token.type == TokenType::kSymbol && token.text == ";";
    tokens.push_back(std::move(token));
    if (end) return true;
    if (semicolon) {
      Token terminator;
      terminator.location = location_;
      terminator.offset = static_cast<uint32_t>(position_);
      tokens.push_back(std::move(terminator));
      return true;
    }
  }
}

Token Lexer::LexToken() {
  Token token;
  token.offset = static_cast<uint32_t>(position_);
  token.location = location_;
  if (position_ >= sql_.size()) return token;

  char c = Peek();
  if ((c == 'x' || c == 'X') && Peek(1) == '\'') {
    LexBinaryString(token);
  } else if ((c == 'e' || c == 'E') && Peek(1) == '\'') {
    LexEscapedString(token);
  } else if ((c == 'u' || c == 'U') && Peek(1) == '&' && Peek(2) == '\'') {
    LexUnicodeString(token);
  } else if (IsIdentifierStart(c)) {
    while (position_ < sql_.size() && IsIdentifierPart(Peek())) Advance();
    token.type = TokenType::kWord;
  } else if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) {
    LexNumber(token);
  } else if (c == '\'') {
    LexString(token);
  } else if (c == '"' || c == '`') {
    LexQuoted(token, c);
  } else if (c == '?') {
    Advance();
    token.type = TokenType::kParameter;
  } else if (c == '$' && IsDigit(Peek(1))) {
    Advance();
    while (IsDigit(Peek())) Advance();
    token.type = TokenType::kParameter;
  } else if (c == '@' && position_ + 1 < sql_.size() && !EndsStagePath(Peek(1))) {
    LexStagePath(token);
  } else {
    token.type = TokenType::kSymbol;
    std::string_view rest = sql_.substr(position_);
    for (std::string_view symbol : kTwoCharSymbols) {
      if (rest.substr(0, 2) == symbol) {
        Advance(2);
        break;
      }
    }
    if (position_ == token.offset) {
      if (kOneCharSymbols.find(c) == std::string_view::npos) {
        bool printable = c >= 0x20 && c < 0x7F;
        Fail(location_, printable ? fmt::format("token recognition error at: '{}'", c)
                                  : fmt::format("token recognition error at byte 0x{:02X}",
                                                static_cast<unsigned char>(c)));
      }
      Advance();
    }
  }
  token.text = sql_.substr(token.offset, position_ - token.offset);
  if (token.type == TokenType::kWord) token.reserved = IsReservedWord(token.text);
  return token;
}

void Lexer::LexQuoted(Token& token, char quote) {
  token.type = TokenType::kQuotedIdentifier;
  Advance();
  while (true) {
    if (position_ >= sql_.size()) Fail(token.location, "unterminated quoted identifier");
    char c = Peek();
    if (c == quote) {
      if (Peek(1) != quote) break;
      Advance();  // a doubled quote stands for one
    }
    token.value += c;
    Advance();
  }
  Advance();
  if (token.value.empty()) Fail(token.location, "zero-length delimited identifier not allowed");
}

void Lexer::LexString(Token& token) {
  token.type = TokenType::kString;
  Advance();
  while (true) {
    if (position_ >= sql_.size()) Fail(token.location, "unterminated string literal");
    char c = Peek();
    if (c == '\'') {
      if (Peek(1) != '\'') break;
      Advance();
    }
    token.value += c;
    Advance();
  }
  Advance();
}

void Lexer::LexEscapedString(Token& token) {
  token.type = TokenType::kString;
  Advance(2);  // E'
  while (true) {
    if (position_ >= sql_.size()) Fail(token.location, "unterminated string literal");
    char c = Peek();
    if (c == '\'') {
      if (Peek(1) != '\'') break;
      Advance(2);
      token.value += '\'';
      continue;
    }
    if (c != '\\') {
      token.value += c;
      Advance();
      continue;
    }
    if (position_ + 1 >= sql_.size()) Fail(token.location, "unterminated string literal");
    ast::SourceLocation escape_location = location_;
    char kind = Peek(1);
    Advance(2);
    switch (kind) {
      case 'b':
        token.value += '\b';
        break;
      case 'f':
        token.value += '\f';
        break;
      case 'n':
        token.value += '\n';
        break;
      case 'r':
        token.value += '\r';
        break;
      case 't':
        token.value += '\t';
        break;
      case 'x': {
        if (!IsHexDigit(Peek())) Fail(escape_location, "invalid escape sequence \\x");
        int value = 0;
        for (int digits = 0; digits < 2 && IsHexDigit(Peek()); ++digits) {
          value = value * 16 + HexValue(Peek());
          Advance();
        }
        token.value += static_cast<char>(value);
        break;
      }
      case 'u':
      case 'U': {
        int digits = kind == 'u' ? 4 : 8;
        uint32_t code_point = 0;
        for (int i = 0; i < digits; ++i) {
          if (!IsHexDigit(Peek())) Fail(escape_location, "invalid Unicode escape sequence");
          code_point = code_point * 16 + HexValue(Peek());
          Advance();
        }
        if (!IsValidCodePoint(code_point)) Fail(escape_location, "invalid Unicode code point");
        AppendUtf8(token.value, code_point);
        break;
      }
      default:
        token.value += kind;  // \\, \', \" and any other character stand for themselves
        break;
    }
  }
  Advance();
}

void Lexer::LexUnicodeString(Token& token) {
  token.type = TokenType::kString;
  Advance(3);  // U&'
  while (true) {
    if (position_ >= sql_.size()) Fail(token.location, "unterminated string literal");
    char c = Peek();
    if (c == '\'') {
      if (Peek(1) != '\'') break;
      Advance(2);
      token.value += '\'';
      continue;
    }
    if (c != '\\') {
      token.value += c;
      Advance();
      continue;
    }
    ast::SourceLocation escape_location = location_;
    Advance();
    if (Peek() == '\\') {
      token.value += '\\';
      Advance();
      continue;
    }
    // \XXXX or \+XXXXXX
    int digits = 4;
    if (Peek() == '+') {
      digits = 6;
      Advance();
    }
    uint32_t code_point = 0;
    for (int i = 0; i < digits; ++i) {
      if (!IsHexDigit(Peek())) Fail(escape_location, "invalid Unicode escape sequence");
      code_point = code_point * 16 + HexValue(Peek());
      Advance();
    }
    if (!IsValidCodePoint(code_point)) Fail(escape_location, "invalid Unicode code point");
    AppendUtf8(token.value, code_point);
  }
  Advance();
}

void Lexer::LexBinaryString(Token& token) {
  token.type = TokenType::kBinaryString;
  Advance(2);  // X'
  while (true) {
    if (position_ >= sql_.size()) Fail(token.location, "unterminated binary literal");
    char c = Peek();
    if (c == '\'') break;
    if (IsHexDigit(c)) {
      token.value += (c >= 'a' && c <= 'f') ? static_cast<char>(c - 32) : c;
    } else if (!IsSpace(c)) {
      Fail(location_, "binary literal can only contain hexadecimal digits");
    }
    Advance();
  }
  Advance();
  if (token.value.size() % 2 != 0) {
    Fail(token.location, "binary literal must contain an even number of digits");
  }
}

void Lexer::LexNumber(Token& token) {
  token.type = TokenType::kInteger;
  while (IsDigit(Peek())) Advance();
  if (Peek() == '.') {
    token.type = TokenType::kDecimal;
    Advance();
    while (IsDigit(Peek())) Advance();
  }
  char after_e = Peek(1);
  if ((Peek() == 'e' || Peek() == 'E') &&
      (IsDigit(after_e) || ((after_e == '+' || after_e == '-') && IsDigit(Peek(2))))) {
    token.type = TokenType::kDouble;
    Advance(2);
    while (IsDigit(Peek())) Advance();
  }
  if (position_ < sql_.size() && IsIdentifierPart(Peek())) {
    Fail(token.location,
         "identifiers must not start with a digit; surround the identifier with double quotes");
  }
}

void Lexer::LexStagePath(Token& token) {
  token.type = TokenType::kStagePath;
  while (position_ < sql_.size() && !EndsStagePath(Peek())) Advance();
}

}  // namespace switchboard::parser
