// Helpers for printing AST nodes back to SQL.
#include "sql/parser/ast/sql_formatting.h"

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

void AppendWithSeparator(std::string& out, std::string_view separator, std::string_view text) {
  if (!out.empty()) out += separator;
  out += text;
}

}  // namespace switchboard::ast
