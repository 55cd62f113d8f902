// Helpers for printing AST nodes back to SQL.
#include "sql/parser/ast/sql_formatting.h"

#include "common/string_util.h"
#include "sql/parser/keywords.h"

namespace switchboard::ast {

std::string QuoteString(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

bool StartsWithWord(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && EqualsIgnoreCase(text.substr(0, word.size()), word) &&
         (text.size() == word.size() || !parser::IsIdentifierPart(text[word.size()]));
}

void AppendWithSeparator(std::string& out, std::string_view separator, std::string_view text) {
  if (!out.empty()) out += separator;
  out += text;
}

}  // namespace switchboard::ast
