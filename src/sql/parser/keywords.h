// Keyword facts shared by the lexer, the parser and the SQL printer: Trino's reserved words and the
// test for names that can be written without quotes.
#pragma once

#include <string_view>

namespace switchboard::parser {

/// True for Trino's reserved words (SELECT, FROM, TABLE, ...), ignoring case. Only these cannot be
/// used as unquoted names; every other keyword (DATE, YEAR, KEY, FORMAT, ...) is also a name.
bool IsReservedWord(std::string_view word);

/// True when `c` may start an unquoted identifier (ASCII letter, '_', or a byte of a UTF-8
/// multi-byte character).
constexpr bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// True when `c` may continue an unquoted identifier (also digits and '$').
constexpr bool IsIdentifierPart(char c) {
  return IsIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
}

/// True when `name` lexes as one unquoted word (reserved or not).
bool IsWord(std::string_view name);

/// True when `name` reads back as the same unquoted identifier anywhere a name is expected: a
/// word that is not reserved. Other names must be printed in double quotes.
inline bool IsPlainIdentifier(std::string_view name) {
  return IsWord(name) && !IsReservedWord(name);
}

}  // namespace switchboard::parser
