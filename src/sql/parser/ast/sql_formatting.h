// Small helpers for printing AST nodes back to SQL.
#pragma once

#include <string>
#include <string_view>

namespace switchboard::ast {

/// `text` as a standard SQL string literal: single quotes, inner quotes doubled.
std::string QuoteString(std::string_view text);

/// True when `text` begins with the word `word` (ignoring case) followed by a non-word character.
/// Printers use it to keep a leading column named `all` from reading as the quantifier ALL.
bool StartsWithWord(std::string_view text, std::string_view word);

/// Appends `separator` and then `text` to `out`, without the separator when `out` is empty.
void AppendWithSeparator(std::string& out, std::string_view separator, std::string_view text);

}  // namespace switchboard::ast
